/**
 * The deterministic seed: a small helpdesk with every kind of object, fixed ids and timestamps, so tests and demos
 * can name things (department 1 "General", status 3 "Closed" resolved, ticket 1 with posts, a note, a time track, an
 * attachment and custom field values of all 11 types). This file seeds the people and the helpdesk's settings; the
 * tickets (`seedTickets.ts`), their custom fields (`seedCustomFields.ts`) and the content apps (`seedContent.ts`) follow.
 */
import { seedContent } from './seedContent'
import { seedCustomFields } from './seedCustomFields'
import { seedTickets } from './seedTickets'
import type { Store } from './store'

/** 2023-11-14 22:13:20 UTC: the seed's "now". */
export const SEED_TIME = 1700000000
const DAY = 24 * 3600

export const seedStore = (store: Store): void => {
  store.templateGroups.insert({ title: 'Default' })
  store.slaPlans.insert({ title: 'Standard support' })

  store.userGroups.insert({ title: 'Guest', grouptype: 'guest', ismaster: true })
  const registered = store.userGroups.insert({ title: 'Registered', grouptype: 'registered', ismaster: true })
  const vip = store.userGroups.insert({ title: 'VIP Customers', grouptype: 'registered', ismaster: false })

  const admins = store.staffGroups.insert({ title: 'Administrator', isadmin: true })
  const agents = store.staffGroups.insert({ title: 'Staff', isadmin: false })

  const staff = (staffgroupid: number, firstname: string, lastname: string, designation: string) =>
    store.staff.insert({
      staffgroupid,
      firstname,
      lastname,
      username: firstname.toLowerCase(),
      email: `${firstname.toLowerCase()}@helpdesk.example`,
      designation,
      greeting: '',
      mobilenumber: '',
      isenabled: true,
      timezone: 'UTC',
      enabledst: false,
      signature: `-- ${firstname}`,
      password: 'sandbox'
    })
  const alice = staff(admins.id, 'Alice', 'Admin', 'Head of Support')
  const bob = staff(agents.id, 'Bob', 'Agent', 'Support Engineer')
  const carol = staff(agents.id, 'Carol', 'Support', 'Billing Specialist')

  const general = store.departments.insert({
    title: 'General',
    type: 'public',
    app: 'tickets',
    displayorder: 1,
    parentdepartmentid: 0,
    uservisibilitycustom: false,
    usergroupids: []
  })
  const billing = store.departments.insert({
    title: 'Billing',
    type: 'public',
    app: 'tickets',
    displayorder: 2,
    parentdepartmentid: 0,
    uservisibilitycustom: false,
    usergroupids: []
  })
  const technical = store.departments.insert({
    title: 'Technical',
    type: 'private',
    app: 'tickets',
    displayorder: 3,
    parentdepartmentid: 0,
    uservisibilitycustom: false,
    usergroupids: []
  })
  store.departments.insert({
    title: 'Live Chat',
    type: 'public',
    app: 'livechat',
    displayorder: 4,
    parentdepartmentid: 0,
    uservisibilitycustom: false,
    usergroupids: []
  })
  const enterprise = store.departments.insert({
    title: 'Enterprise',
    type: 'public',
    app: 'tickets',
    displayorder: 5,
    parentdepartmentid: general.id,
    uservisibilitycustom: true,
    usergroupids: [vip.id]
  })

  const status = (title: string, displayorder: number, markasresolved: boolean, statuscolor: string, icon: string, staffgroupids: Array<number> = []) =>
    store.ticketStatuses.insert({
      title,
      displayorder,
      departmentid: 0,
      displayicon: `{$themepath}icon_ticketstatus${icon}.png`,
      type: 'public',
      displayinmainlist: !markasresolved,
      markasresolved,
      displaycount: !markasresolved,
      statuscolor,
      statusbgcolor: statuscolor,
      resetduetime: false,
      triggersurvey: markasresolved,
      staffvisibilitycustom: staffgroupids.length > 0,
      staffgroupids
    })
  const open = status('Open', 1, false, '#8bb467', 'open')
  const inProgress = status('In Progress', 2, false, '#4d90fe', 'inprogress')
  const closed = status('Closed', 3, true, '#5f5f5f', 'closed')
  status('On Hold', 4, false, '#e3a21a', 'onhold', [admins.id])

  const priority = (title: string, displayorder: number, bgcolorcode: string, usergroupids: Array<number> = []) =>
    store.ticketPriorities.insert({
      title,
      displayorder,
      frcolorcode: '#ffffff',
      bgcolorcode,
      type: usergroupids.length > 0 ? 'private' : 'public',
      uservisibilitycustom: usergroupids.length > 0,
      usergroupids
    })
  const low = priority('Low', 1, '#8bb467')
  const normal = priority('Normal', 2, '#4d90fe')
  const high = priority('High', 3, '#e3a21a')
  priority('Urgent', 4, '#d6412f', [vip.id])

  const type = (title: string, displayorder: number, departmentid = 0, usergroupids: Array<number> = []) =>
    store.ticketTypes.insert({
      title,
      displayorder,
      departmentid,
      displayicon: `{$themepath}icon_tickettype${title.toLowerCase()}.png`,
      type: usergroupids.length > 0 ? 'private' : 'public',
      uservisibilitycustom: usergroupids.length > 0,
      usergroupids
    })
  const issue = type('Issue', 1)
  const task = type('Task', 2)
  const bug = type('Bug', 3, technical.id)
  type('Lead', 4, billing.id, [vip.id])

  const organization = (name: string, organizationtype: 'shared' | 'restricted', city: string, country: string, website: string) =>
    store.userOrganizations.insert({
      name,
      organizationtype,
      address: '1 Example Street',
      city,
      state: '',
      postalcode: '10115',
      country,
      phone: '+1 555 0100',
      fax: '',
      website,
      dateline: SEED_TIME - 90 * DAY,
      lastupdate: SEED_TIME - 30 * DAY,
      slaplanid: 0,
      slaplanexpiry: 0
    })
  const acme = organization('Acme Corporation', 'shared', 'Springfield', 'United States', 'https://acme.example')
  const globex = organization('Globex', 'restricted', 'Berlin', 'Germany', 'https://globex.example')

  const user = (fullname: string, emails: Array<string>, usergroupid: number, userorganizationid: number, salutation: string, phone: string, daysAgo: number) =>
    store.users.insert({
      usergroupid,
      userrole: 'user',
      userorganizationid,
      salutation,
      userexpiry: 0,
      fullname,
      emails,
      designation: '',
      phone,
      dateline: SEED_TIME - daysAgo * DAY,
      lastvisit: SEED_TIME - DAY,
      isenabled: true,
      timezone: 'UTC',
      enabledst: false,
      slaplanid: 0,
      slaplanexpiry: 0,
      password: 'sandbox'
    })
  const john = user('John Doe', ['john.doe@acme.example', 'jd@acme.example'], registered.id, acme.id, 'Mr.', '+1 555 0101', 60)
  const jane = user('Jane Smith', ['jane.smith@globex.example'], registered.id, globex.id, 'Ms.', '+49 30 555 0102', 45)
  const priya = user('Priya Patel', ['priya@acme.example'], vip.id, acme.id, 'Dr.', '+1 555 0103', 30)
  const max = user('Max Mustermann', ['max@mail.example'], registered.id, 0, '', '', 10)
  store.userNotes.insert({
    ownerid: john.id,
    notecolor: 3,
    creatorstaffid: alice.id,
    creatorstaffname: store.staffName(alice.id),
    creationdate: SEED_TIME - 20 * DAY,
    contents: 'Prefers e-mail; on site Mondays only.'
  })
  store.organizationNotes.insert({
    ownerid: acme.id,
    notecolor: 4,
    creatorstaffid: alice.id,
    creatorstaffname: store.staffName(alice.id),
    creationdate: SEED_TIME - 40 * DAY,
    contents: 'Enterprise contract renews in March.'
  })

  const printer = seedTickets(store, SEED_TIME, {
    staff: { alice, bob, carol },
    departments: { general, billing, technical, enterprise },
    statuses: { open, inProgress, closed },
    priorities: { low, normal, high },
    types: { issue, task, bug },
    users: { john, jane, priya, max }
  })
  // Linked to every department, including those created later (the sandbox's shorthand: no department list).
  seedCustomFields(store, printer, [])
  seedContent(store, SEED_TIME)
}
