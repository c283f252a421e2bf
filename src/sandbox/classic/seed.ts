/**
 * The deterministic seed: a small helpdesk with every kind of object, fixed ids and timestamps, so tests and demos
 * can name things (department 1 "General", status 3 "Closed" resolved, ticket 1 with posts, a note, a time track, an
 * attachment and custom field values of all 11 types).
 */
import { utf8 } from '../../core/bytes'
import { seedContent } from './seedContent'
import type { CustomFieldRow, FieldType, Store, TicketPostRow, TicketRow } from './store'

/** 2023-11-14 22:13:20 UTC: the seed's "now". */
export const SEED_TIME = 1700000000
const HOUR = 3600
const DAY = 24 * HOUR

/** A 1×1 transparent PNG: the seed's binary attachment. */
const PIXEL_PNG = /*#__PURE__*/ Uint8Array.of(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  0x00,
  0x00,
  0x00,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x08,
  0x06,
  0x00,
  0x00,
  0x00,
  0x1f,
  0x15,
  0xc4,
  0x89,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x44,
  0x41,
  0x54,
  0x78,
  0x9c,
  0x63,
  0x00,
  0x01,
  0x00,
  0x00,
  0x05,
  0x00,
  0x01,
  0x0d,
  0x0a,
  0x2d,
  0xb4,
  0x00,
  0x00,
  0x00,
  0x00,
  0x49,
  0x45,
  0x4e,
  0x44,
  0xae,
  0x42,
  0x60,
  0x82
)

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

  const ticket = (
    fields: Partial<TicketRow> & Pick<TicketRow, 'departmentid' | 'statusid' | 'priorityid' | 'typeid' | 'userid' | 'subject' | 'creationtime'>
  ): TicketRow => {
    const owner = store.users.get(fields.userid)
    const row = store.tickets.insert({
      maskid: '',
      flagtype: 0,
      ownerstaffid: 0,
      ownerstaffname: store.staffName(fields.ownerstaffid ?? 0),
      fullname: owner?.fullname ?? '',
      email: owner?.emails[0] ?? '',
      lastreplier: owner?.fullname ?? '',
      lastactivity: fields.creationtime,
      laststaffreply: 0,
      lastuserreply: fields.creationtime,
      slaplanid: 0,
      nextreplydue: 0,
      resolutiondue: 0,
      resolutiondateline: 0,
      ipaddress: '203.0.113.10',
      creator: 2,
      creationmode: 1,
      creationtype: 1,
      isescalated: false,
      escalationruleid: 0,
      templategroupid: 1,
      tags: [],
      watchers: [],
      workflows: [],
      ignoreautoresponder: false,
      ...fields
    })
    row.maskid = store.newMask(row.id)
    return row
  }
  const reply = (t: TicketRow, post: Partial<TicketPostRow> & Pick<TicketPostRow, 'dateline' | 'contents'>): TicketPostRow => {
    const byStaff = (post.staffid ?? 0) > 0
    const user = store.users.get(t.userid)
    const row = store.posts.insert({
      ticketid: t.id,
      userid: byStaff ? 0 : t.userid,
      fullname: byStaff ? store.staffName(post.staffid ?? 0) : (user?.fullname ?? t.fullname),
      email: byStaff ? (store.staff.get(post.staffid ?? 0)?.email ?? '') : t.email,
      emailto: '',
      ipaddress: byStaff ? '' : '203.0.113.10',
      creator: byStaff ? 1 : 2,
      isthirdparty: false,
      ishtml: false,
      isemailed: !byStaff,
      staffid: 0,
      issurveycomment: false,
      isprivate: false,
      ...post
    })
    t.lastactivity = Math.max(t.lastactivity, row.dateline)
    t.lastreplier = row.fullname
    if (byStaff) t.laststaffreply = row.dateline
    else t.lastuserreply = row.dateline
    return row
  }

  const closeWorkflow = store.workflows.insert({ title: 'Close ticket' })
  store.workflows.insert({ title: 'Escalate to engineering' })
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

  const printer = ticket({
    departmentid: general.id,
    statusid: inProgress.id,
    priorityid: high.id,
    typeid: issue.id,
    userid: john.id,
    ownerstaffid: bob.id,
    subject: 'Printer on floor 3 prints blank pages',
    creationtime: SEED_TIME - 3 * DAY,
    tags: ['printer', 'hardware'],
    watchers: [alice.id],
    workflows: [closeWorkflow.id],
    flagtype: 5
  })
  const first = reply(printer, {
    dateline: printer.creationtime,
    contents: 'Since Monday the printer on floor 3 only prints blank pages. The error log is attached.'
  })
  reply(printer, {
    dateline: printer.creationtime + 2 * HOUR,
    staffid: bob.id,
    contents: 'Thanks John, could you send a screenshot of the printer status page?'
  })
  const second = reply(printer, { dateline: printer.creationtime + 5 * HOUR, contents: 'Here it is.' })
  store.attachments.insert({
    ticketid: printer.id,
    ticketpostid: first.id,
    filename: 'error.log',
    filetype: 'text/plain',
    dateline: first.dateline,
    bytes: utf8('2023-11-10 08:12:01 ERROR toner sensor: no reading\n2023-11-10 08:12:02 WARN page 1 rendered empty\n')
  })
  store.attachments.insert({
    ticketid: printer.id,
    ticketpostid: second.id,
    filename: 'status.png',
    filetype: 'image/png',
    dateline: second.dateline,
    bytes: PIXEL_PNG
  })
  store.notes.insert({
    ticketid: printer.id,
    notecolor: 2,
    creatorstaffid: bob.id,
    forstaffid: alice.id,
    creatorstaffname: store.staffName(bob.id),
    creationdate: printer.creationtime + 3 * HOUR,
    contents: 'Toner sensor suspected; spare part ordered.'
  })
  store.timeTracks.insert({
    ticketid: printer.id,
    timeworked: 1800,
    timebillable: 1200,
    billdate: printer.creationtime + 4 * HOUR,
    workdate: printer.creationtime + 4 * HOUR,
    workerstaffid: bob.id,
    workerstaffname: store.staffName(bob.id),
    creatorstaffid: bob.id,
    creatorstaffname: store.staffName(bob.id),
    notecolor: 1,
    contents: 'Remote diagnosis of the printer',
    dateline: printer.creationtime + 4 * HOUR
  })

  const invoice = ticket({
    departmentid: billing.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: task.id,
    userid: jane.id,
    subject: 'Invoice 2023-118 charged twice',
    creationtime: SEED_TIME - 2 * DAY,
    tags: ['invoice']
  })
  reply(invoice, { dateline: invoice.creationtime, contents: 'Our card was charged twice for invoice 2023-118. Please refund one of the charges.' })

  const crash = ticket({
    departmentid: technical.id,
    statusid: open.id,
    priorityid: high.id,
    typeid: bug.id,
    userid: priya.id,
    ownerstaffid: alice.id,
    subject: 'Reporting module crashes on export',
    creationtime: SEED_TIME - DAY
  })
  reply(crash, { dateline: crash.creationtime, contents: 'Exporting the monthly report to CSV crashes the reporting module.' })
  reply(crash, { dateline: crash.creationtime + HOUR, staffid: alice.id, contents: '<p>We can reproduce it and are working on a fix.</p>', ishtml: true })
  store.notes.insert({
    ticketid: crash.id,
    notecolor: 5,
    creatorstaffid: alice.id,
    forstaffid: 0,
    creatorstaffname: store.staffName(alice.id),
    creationdate: crash.creationtime + 2 * HOUR,
    contents: 'Regression from release 4.2; see bug tracker.'
  })

  const password = ticket({
    departmentid: general.id,
    statusid: closed.id,
    priorityid: low.id,
    typeid: issue.id,
    userid: max.id,
    ownerstaffid: carol.id,
    subject: 'Password reset link expired',
    creationtime: SEED_TIME - 10 * DAY,
    resolutiondateline: SEED_TIME - 9 * DAY
  })
  reply(password, { dateline: password.creationtime, contents: 'The password reset link says it has expired.' })
  reply(password, { dateline: password.creationtime + DAY, staffid: carol.id, contents: 'I sent you a new link; it is valid for 24 hours.' })

  const upgrade = ticket({
    departmentid: billing.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: task.id,
    userid: john.id,
    ownerstaffid: carol.id,
    subject: 'Upgrade to the enterprise plan',
    creationtime: SEED_TIME - 5 * HOUR,
    creationtype: 2,
    creator: 1,
    creationmode: 2
  })
  reply(upgrade, { dateline: upgrade.creationtime, staffid: carol.id, contents: 'Phone call: John wants a quote for the enterprise plan for 40 seats.' })

  const sso = ticket({
    departmentid: enterprise.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: issue.id,
    userid: priya.id,
    subject: 'Single sign-on for our staff',
    creationtime: SEED_TIME - 2 * HOUR
  })
  reply(sso, { dateline: sso.creationtime, contents: 'Can we use our SAML identity provider to sign in?' })

  // Linked to every department, including those created later (the sandbox's shorthand: no department list).
  seedCustomFields(store, printer.id, [])
  seedContent(store, SEED_TIME)
}

const FIELD_NAMES = [
  'kx3xsq8w2v1n',
  'p0l7m4r9zq2a',
  'h5t8c2w6y1ub',
  'e9d3n7f1k4jm',
  'r2v6b0q8s3xt',
  'w7g1z5c9h2lp',
  'n4j8u2e6a0yk',
  'c1q5r9v3m7bd',
  'y6s0k4t8f2wg',
  'f3a7e1i5o9uc',
  'u8z2x6p0b4nh'
]

const seedCustomFields = (store: Store, ticketId: number, departmentids: Array<number>): void => {
  const group = store.customFieldGroups.insert({ title: 'Ticket details', grouptype: 9, displayorder: 1, departmentids })
  let order = 0
  const field = (title: string, fieldtype: FieldType, options: Partial<CustomFieldRow> = {}): CustomFieldRow =>
    store.customFields.insert({
      customfieldgroupid: group.id,
      title,
      fieldtype,
      fieldname: FIELD_NAMES[order] as string,
      defaultvalue: '',
      isrequired: false,
      usereditable: true,
      staffeditable: true,
      regexpvalidate: '',
      displayorder: ++order,
      encryptindb: fieldtype === 3,
      description: '',
      ...options
    })
  const optionsOf = (f: CustomFieldRow, values: ReadonlyArray<string>, parentId = 0) =>
    values.map((optionvalue, i) =>
      store.customFieldOptions.insert({ customfieldid: f.id, optionvalue, displayorder: i + 1, isselected: false, parentcustomfieldoptionid: parentId })
    )

  const orderNumber = field('Order number', 1, { description: 'The order this ticket is about', regexpvalidate: '/^[A-Z]{2}-\\d+$/' })
  const steps = field('Steps to reproduce', 2)
  const pin = field('Account PIN', 3)
  const platforms = field('Affected platforms', 4)
  const [windows, , linux] = optionsOf(platforms, ['Windows', 'macOS', 'Linux'])
  const contact = field('Contact preference', 5)
  const [byEmail] = optionsOf(contact, ['E-mail', 'Phone'])
  const product = field('Product', 6)
  const [helpdesk] = optionsOf(product, ['Helpdesk', 'CRM', 'Billing Suite'])
  const modules = field('Modules', 7)
  const [reports, , , importExport] = optionsOf(modules, ['Reports', 'API', 'Mobile', 'Import, export'])
  const reference = field('Internal reference', 8)
  const category = field('Category', 9)
  const [hardware] = optionsOf(category, ['Hardware', 'Software'])
  const [, printerOption] = optionsOf(category, ['Laptop', 'Printer'], hardware?.id ?? 0)
  const purchase = field('Purchase date', 10)
  const screenshot = field('Screenshot', 11)
  const software = store.customFieldOptions.where((o) => o.customfieldid === category.id && o.optionvalue === 'Software')[0]
  optionsOf(category, ['Operating system', 'Office suite'], software?.id ?? 0)

  const id = (o: { id: number } | undefined): number => o?.id ?? 0
  store.customFieldLinks.set(ticketId, new Set([group.id]))
  store.customFieldValues.set(
    ticketId,
    new Map([
      [orderNumber.id, { kind: 'text', text: 'SO-48213' }],
      [steps.id, { kind: 'text', text: '1. Send any document to the printer\n2. Collect the blank page' }],
      [pin.id, { kind: 'text', text: '4711' }],
      [platforms.id, { kind: 'options', optionIds: [id(windows), id(linux)] }],
      [contact.id, { kind: 'options', optionIds: [id(byEmail)] }],
      [product.id, { kind: 'options', optionIds: [id(helpdesk)] }],
      [modules.id, { kind: 'options', optionIds: [id(reports), id(importExport)] }],
      [reference.id, { kind: 'text', text: 'FAC-3-PRN-07' }],
      [category.id, { kind: 'linked', parentId: id(hardware), childId: id(printerOption) }],
      [purchase.id, { kind: 'text', text: '03/15/2022' }],
      [screenshot.id, { kind: 'file', filename: 'settings.txt', bytes: utf8('toner=auto\ndensity=3\n') }]
    ])
  )
}
