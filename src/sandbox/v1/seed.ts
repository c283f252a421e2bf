// The sandbox's starting data: a small coffee-equipment helpdesk ("Brewfictus", the docs' sample instance). The
// fixed part mirrors the docs' examples (user 1, team 1 "Support", case 1); the rest is drawn from the seed.
import { seedDefinitions } from './definitions'
import { addDomain, addEmail, addPhone, createCase, createOrganization, createPost, createUser, INSTANCE, setStatus, WEEKDAYS } from './model'
import { seedHelpCenter } from './helpcenter'
import type { Random } from './random'
import { seedWork } from './seedWork'
import { emptyStore, find, insert, isoTime, put, ref, refs, type Row, type Store } from './store'

/** The password of every seeded user (the sandbox is a test double; nothing here is secret). */
export const SEED_PASSWORD = 'kayako-sandbox'
/** The one-time password the two-factor user must send (`X-OTP`). */
export const SEED_OTP = '379069'

export const ADMIN_EMAIL = 'charlotte.kuchler@brewfictus.com'
export const AGENT_EMAIL = 'ethan.boyd@brewfictus.com'
export const EXPIRED_EMAIL = 'mia.schultz@brewfictus.com'
export const TWO_FACTOR_EMAIL = 'noah.patel@brewfictus.com'
export const CUSTOMER_EMAIL = 'caryn.pryor@atmospherecoffee.com'

export const CASE_COUNT = 36
export const TEST_COUNT = 25

/** 2015-07-21T07:10:42Z, the docs' sample timestamps. */
const T0 = 1437462642000
const HOUR = 3_600_000

export const CHANNEL_UUIDS = {
  MAIL: '37e31d9d-cbd4-48a2-9134-1206abefa1b4',
  FACEBOOK: '5b7f1e36-2a8e-4c0e-9a51-8a2f6d1c0e11',
  TWITTER: 'a3c0e7d2-61f4-4b9b-8e0c-7d9a54b2f3c6',
  NOTE: 'e2b4d6f8-0a1c-4e3f-9b5d-7c9e1a3b5d7f'
} as const

const FIRST = ['Ava', 'Liam', 'Sofia', 'Lucas', 'Isla', 'Mateo', 'Zoe', 'Oscar', 'Freya', 'Hugo', 'Elena', 'Theo']
const LAST = ['Moreau', 'Lindqvist', 'Okafor', 'Tanaka', 'Rossi', 'Novak', 'Haddad', 'Jensen', 'Silva', 'Walsh']
const PROBLEMS = [
  'Grinder stops after ten seconds',
  'Invoice shows the wrong VAT rate',
  'Espresso machine leaks from the group head',
  'Cannot log in to the partner portal',
  'Descaling reminder keeps coming back',
  'Order arrived without the milk jug',
  'Steam wand pressure too low',
  'Request for a maintenance visit',
  'Firmware update failed halfway',
  'Refund for a duplicate payment',
  'Water filter compatibility question',
  'Bean hopper lid is cracked'
]
const TAGS = ['billing', 'hardware', 'urgent', 'warranty', 'firmware', 'shipping', 'vip']

const officeHours = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18]

const seedSettings = (store: Store): void => {
  const at = isoTime(T0)
  const roles: Array<[string, string, boolean, string | null]> = [
    ['Administrator', 'ADMIN', true, 'ALL'],
    ['Agent', 'AGENT', true, 'ALL'],
    ['Collaborator', 'COLLABORATOR', true, 'ALL'],
    ['Customer', 'CUSTOMER', true, null],
    ['Owner', 'OWNER', true, 'ALL']
  ]
  for (const [title, type, isSystem, access] of roles) {
    insert(store, 'role', {
      title,
      type,
      is_system: isSystem,
      agent_case_access: access,
      created_at: at,
      updated_at: at,
      ip_restriction: null,
      password_expires_in_days: null,
      is_two_factor_required: false
    })
  }
  const zones = (days: number) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, i < days ? officeHours : []]))
  insert(store, 'business_hour', { title: 'US office hours', zones: zones(5), holidays: [], is_default: true, created_at: at, updated_at: at })
  insert(store, 'business_hour', { title: 'EU office hours', zones: zones(6), holidays: [], is_default: false, created_at: at, updated_at: at })
  for (const [title, hours] of [
    ['Support', 1],
    ['Sales', 1],
    ['Billing', 2]
  ] as const) {
    insert(store, 'team', { legacy_id: null, title, businesshour: ref('business_hour', hours), member_count: 0, created_at: at, updated_at: at })
  }
  const statuses: Array<[string, string]> = [
    ['New', 'NEW'],
    ['Open', 'OPEN'],
    ['Pending', 'PENDING'],
    ['Completed', 'COMPLETED'],
    ['Closed', 'CLOSED']
  ]
  statuses.forEach(([label, type], i) =>
    insert(store, 'case_status', {
      label,
      type,
      sort_order: i + 1,
      is_sla_active: type !== 'COMPLETED' && type !== 'CLOSED',
      is_deleted: false,
      created_at: at,
      updated_at: at
    })
  )
  ;['Low', 'Normal', 'High', 'Urgent'].forEach((label, i) => insert(store, 'case_priority', { label, level: i + 1, created_at: at, updated_at: at }))
  for (const [label, type] of [
    ['Question', 'QUESTION'],
    ['Task', 'TASK'],
    ['Problem', 'PROBLEM'],
    ['Incident', 'INCIDENT']
  ] as const) {
    insert(store, 'case_type', { label, type, created_at: at, updated_at: at })
  }
  const field = (title: string, type: string, key: string, system: boolean, options: Array<Row> = []) =>
    insert(store, 'case_field', {
      fielduuid: `${key}-field`,
      title,
      type,
      key,
      is_required_for_agents: type === 'SUBJECT' || type === 'MESSAGE',
      is_required_on_resolution: false,
      is_visible_to_customers: system,
      customer_titles: [],
      is_customer_editable: system,
      is_required_for_customers: false,
      descriptions: [],
      regular_expression: null,
      sort_order: store.sequences.get('case_field') ?? 0,
      is_enabled: true,
      is_system: system,
      options: options.map((o) => ref('field_option', o.id as number)),
      created_at: at,
      updated_at: at
    })
  for (const [title, type] of [
    ['Subject', 'SUBJECT'],
    ['Message', 'MESSAGE'],
    ['Priority', 'PRIORITY'],
    ['Status', 'STATUS'],
    ['Type', 'TYPE'],
    ['Team', 'TEAM'],
    ['Assignee', 'ASSIGNEE']
  ] as const) {
    field(title, type, type.toLowerCase(), true)
  }
  const options = ['Espresso machines', 'Grinders', 'Accessories'].map((label, i) =>
    insert(store, 'field_option', {
      fielduuid: `product-option-${i + 1}`,
      values: [{ locale: 'en-us', translation: label, resource_type: 'locale_field' }],
      tag: label.toLowerCase().replace(/\s+/g, '_'),
      sort_order: i + 1,
      created_at: at,
      updated_at: at
    })
  )
  field('Product', 'SELECT', 'product', false, options)
  field('Serial number', 'TEXT', 'serial_number', false)
  const channel = (uuid: string, type: string, limit: number | null, account: ReturnType<typeof ref> | null) =>
    put(store, 'channel', { uuid, type, character_limit: limit, account })
  // Mailboxes and social accounts are not modelled: their references stay references (ids as in the fixture).
  channel(CHANNEL_UUIDS.MAIL, 'MAIL', null, ref('mailbox', 1))
  channel(CHANNEL_UUIDS.FACEBOOK, 'FACEBOOK', null, ref('facebook_page', '876423285750729'))
  channel(CHANNEL_UUIDS.TWITTER, 'TWITTER', 127, ref('twitter_account', '3155953718'))
  channel(CHANNEL_UUIDS.NOTE, 'NOTE', null, null)
  insert(store, 'brand', { name: 'Brewfictus', url: `https://help.brewfictus.com`, locale: 'en-us', is_default: true, created_at: at, updated_at: at })
  insert(store, 'case_form', {
    title: 'Default',
    is_visible_to_customers: true,
    customer_title: 'Contact us',
    description: null,
    is_enabled: true,
    is_default: true,
    is_deleted: false,
    sort_order: 1,
    fields: refs('case_field', [1, 2, 3, 4, 5, 6, 7, 8]),
    brand: ref('brand', 1),
    created_at: at,
    updated_at: at
  })
  insert(store, 'sla_version', {
    title: 'Standard SLA',
    description: 'First reply within a business day',
    filters: [],
    metrics: [{ type: 'FIRST_REPLY_TIME', goal_in_seconds: 28800 }],
    created_at: at
  })
}

const seedPeople = (store: Store, rnd: Random): void => {
  const at = T0
  const brewfictus = createOrganization(store, 'Brewfictus', at)
  addDomain(store, brewfictus, 'brewfictus.com', true, at)
  const companies: Array<[name: string, domain: string]> = [
    ['Atmosphere Coffee, Inc', 'atmospherecoffee.com'],
    ['Bean There Ltd', 'beanthere.co.uk'],
    ['Kettle & Co', 'kettleandco.com'],
    ['Crema Collective', 'cremacollective.org']
  ]
  companies.forEach(([name, domain], i) => {
    const org = createOrganization(store, name, at + i * HOUR)
    addDomain(store, org, domain, true, at + i * HOUR)
    if (i === 0) addPhone(store, org, 'phone', '+1 415 555 0100', true, at)
  })
  // Users 1–6 in this order: user 1 is the reported login, user 2 the requester of case 1 (as in cases.list.json).
  type Person = [
    fullName: string,
    email: string,
    roleId: number,
    organizationId: number,
    teamIds: Array<number>,
    designation: string,
    flags: { expired?: boolean; otp?: boolean }
  ]
  const people: Array<Person> = [
    ['Charlotte Küchler', ADMIN_EMAIL, 1, 1, [1], 'Community Manager', {}],
    ['Caryn Pryor', CUSTOMER_EMAIL, 4, 2, [], 'Operations Lead', {}],
    ['Ethan Boyd', AGENT_EMAIL, 2, 1, [1, 2], 'Support Engineer', {}],
    ['Mia Schultz', EXPIRED_EMAIL, 2, 1, [1, 3], 'Billing Specialist', { expired: true }],
    ['Noah Patel', TWO_FACTOR_EMAIL, 2, 1, [2], 'Account Executive', { otp: true }],
    ['Olivia Grant', 'olivia.grant@brewfictus.com', 3, 1, [], 'Product Specialist', {}]
  ]
  people.forEach(([fullName, email, roleId, organizationId, teamIds, designation, flags], i) => {
    const user = createUser(store, rnd, { fullName, roleId, organizationId, teamIds, designation, password: SEED_PASSWORD, at: at + i * 60_000 })
    addEmail(store, user, email, true, at + i * 60_000)
    if (flags.expired === true) user.$passwordExpired = true
    if (flags.otp === true) {
      user.is_mfa_enabled = true
      user.$otp = SEED_OTP
    }
    if (i === 1) addPhone(store, user, 'phones', '+1 415 555 0142', true, at)
  })
  for (let i = 0; i < 10; i++) {
    const first = rnd.pick(FIRST)
    const last = rnd.pick(LAST)
    const orgId = 2 + (i % 4)
    const [, domain] = companies[orgId - 2] ?? ['', 'brewfictus.com']
    const user = createUser(store, rnd, {
      fullName: `${first} ${last}`,
      roleId: 4,
      organizationId: orgId,
      password: SEED_PASSWORD,
      at: at + (10 + i) * HOUR
    })
    addEmail(store, user, `${first}.${last}.${user.id as number}@${domain}`.toLowerCase(), true, at + (10 + i) * HOUR)
  }
}

const seedCases = (store: Store, rnd: Random): void => {
  const customers = [...(store.tables.get('user')?.values() ?? [])].filter((u) => String((u.role as { id: number }).id) === '4')
  const agents = [1, 3, 4, 5] // staff user ids (2 is the customer Caryn Pryor)
  for (let n = 1; n <= CASE_COUNT; n++) {
    const first = n === 1
    const created = T0 + 9 * 24 * HOUR + n * 7 * HOUR + rnd.int(3600) * 1000
    const requester = first ? (find(store, 'user', 2) ?? rnd.pick(customers)) : rnd.pick(customers)
    const agentId = first ? 1 : rnd.pick(agents)
    const teamId = first ? 1 : 1 + rnd.int(3)
    const statusId = first ? 1 : 1 + rnd.int(5)
    const priorityId = first ? 3 : 1 + rnd.int(4)
    const subject = first ? 'Atmosphere Coffee, Inc annual maintenance' : `${rnd.pick(PROBLEMS)} (#${1000 + n})`
    const caseRow = createCase(store, rnd, {
      subject,
      legacyId: first ? 'YAK-923-46434' : `YAK-${100 + n}-${10000 + rnd.int(90000)}`,
      requesterId: requester.id as number,
      creatorId: first ? 1 : (requester.id as number),
      agentId,
      teamId,
      statusId: 1,
      priorityId,
      typeId: first ? 1 : 1 + rnd.int(4),
      channelUuid: CHANNEL_UUIDS.MAIL,
      tags: first ? ['hardware', 'vip'] : TAGS.filter(() => rnd.next() < 0.25),
      customFields: [{ field: ref('case_field', 8), value: String(1 + rnd.int(3)), resource_type: 'case_field_value' }],
      at: created
    })
    caseRow.last_assigned_by = ref('user', 1)
    caseRow.last_customer_activity_at = isoTime(created)
    setStatus(store, caseRow, statusId, agentId, created)
    const opening = first
      ? "My HubID is 525862. I'm trying to send a notification email to my salespeople when a contact is assigned to them."
      : `Hello, ${subject.replace(/ \(#\d+\)$/, '').toLowerCase()}. Could you help?`
    const base = { caseRow, channelUuid: CHANNEL_UUIDS.MAIL, source: 'MAIL' }
    createPost(store, rnd, { ...base, author: requester, contents: opening, channel: 'MAIL', at: created })
    const replies = first ? 1 : rnd.int(4)
    for (let r = 0; r < replies; r++) {
      const fromAgent = r % 2 === 0
      createPost(store, rnd, {
        ...base,
        author: fromAgent ? (find(store, 'user', agentId) ?? requester) : requester,
        contents: fromAgent ? 'Thanks for reaching out. We are looking into it and will get back to you shortly.' : 'Any news on this?',
        channel: 'MAIL',
        source: fromAgent ? 'AGENT' : 'MAIL',
        at: created + (r + 1) * HOUR
      })
    }
    if (first) {
      caseRow.last_post_status = 'SEEN'
      caseRow.last_post_preview = caseRow.last_message_preview =
        "My HubID is 525862. I'm trying to send a notification email to my salespeople when a contact is assigned to them. All of my other salespeople are receiving the emails fine, but for one person they never arrived. We checked in their SPAM folder, but the..."
    }
  }
}

const seedRest = (store: Store, rnd: Random): void => {
  for (let n = 1; n <= TEST_COUNT; n++) insert(store, 'test', { name: `Test ${n}` })
  const at = Date.UTC(2016, 11, 29, 16, 6, 27)
  insert(store, 'oauth_client', {
    name: 'Brewfictus mobile app',
    url: 'https://brewfictus.com/apps/kayako',
    key: rnd.uuid(),
    secret: null,
    scopes: [],
    logo: { url: `https://${INSTANCE}/api/v1/oauth/clients/1/logo`, created_at: isoTime(at + 37_000) },
    description: 'Support client for mobile devices',
    author: 'Brewfictus',
    author_url: 'https://brewfictus.com',
    callback_url: 'https://brewfictus.com/oauth/callback',
    creator: ref('user', 1),
    last_used_at: null,
    created_at: isoTime(at),
    updated_at: null,
    $secret: rnd.token(40)
  })
}

export const seedStore = (rnd: Random): Store => {
  const store = emptyStore()
  seedSettings(store)
  seedPeople(store, rnd)
  seedCases(store, rnd)
  seedRest(store, rnd)
  seedWork(store)
  seedHelpCenter(store, () => rnd.uuid())
  seedDefinitions(store)
  return store
}
