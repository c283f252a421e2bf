/**
 * `/Tickets/Ticket`: ListAll, GetTicketCount, Get (id or mask), Post, Put, Delete (spec §2.7), against
 * `__apps/tickets/api/class.Controller_Ticket.php` (`T/api/Ticket.php` below).
 */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketPostRow, TicketRow, UserRow } from '../store'
import { isEmpty, str, toInt, trimmed } from '../vars'
import { leaf, parent } from '../xml'
import { isEmail } from './common'
import { uncaught } from './content'
import { isReply, repliesOf, smartReply, ticketNotFound, ticketsReply } from './tickets'
import { cleanName, firstPostBody } from './ticketText'

/** Creation modes and types (spec §2.7). */
const CREATIONMODE_API = 4
const CREATOR_STAFF = 1
const CREATOR_USER = 2
const REGISTERED_GROUP_TITLE = 'Registered'

// ---------------------------------------------------------------------------------------------------------------
// ListAll and GetTicketCount

/** PHP `is_numeric`, near enough: an optionally signed decimal number with surrounding blanks. */
const isNumeric = (text: string): boolean => /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)

/** `RetrieveIDListFromCSV`: a number → it; a comma list → its numeric items; anything else → [0]. */
const csvIds = (arg: string): ReadonlyArray<number> => {
  if (isNumeric(arg)) return [Math.trunc(Number(arg))]
  if (arg.includes(','))
    return arg
      .split(',')
      .filter(isNumeric)
      .map((v) => Math.trunc(Number(v)))
  return [0]
}

/** A filter segment counts unless it is absent or (loosely, as PHP compares) `-1`. */
const given = (arg: string | undefined): arg is string => arg !== undefined && !(isNumeric(arg) && Number(arg) === -1)

export interface TicketFilter {
  readonly departments: ReadonlyArray<number>
  /** `undefined`: no condition. */
  readonly statuses: ReadonlyArray<number> | undefined
  readonly owners: ReadonlyArray<number> | undefined
  readonly users: ReadonlyArray<number> | undefined
}

/** The server's reading of the filter segments (`ProcessTicketRelatedData`). */
const readFilter = (store: Store, [departmentArg, statusArg, ownerArg, userArg]: ReadonlyArray<string>): TicketFilter => {
  // Unknown departments are dropped (`T/api/Ticket.php:754-758`): `-1` is not "all".
  const departments = csvIds(departmentArg ?? '').filter((id) => store.departments.get(id) !== undefined)
  const inScope = (statusDepartment: number) => statusDepartment === 0 || departments.includes(statusDepartment)
  let statuses = given(statusArg)
    ? csvIds(statusArg).filter((id) => {
        const status = store.ticketStatuses.get(id)
        return status !== undefined && inScope(status.departmentid)
      })
    : []
  // No valid status: the unresolved ones, where the server compares the status *id* (not its department) with the
  // department list (`T/api/Ticket.php:772-778`).
  if (statuses.length === 0)
    statuses = store.ticketStatuses.where((st) => (st.departmentid === 0 || departments.includes(st.id)) && !st.markasresolved).map((st) => st.id)
  return {
    // `BuildIN` of an empty list is `'0'`: department 0, where trashed tickets live (`F:860-881`).
    departments: departments.length > 0 ? departments : [0],
    statuses: statuses.length > 0 ? statuses : undefined,
    // Owners and users are used as given: the server validates the owner ids, then overwrites the result with the
    // raw list. A non-numeric segment becomes [0] (for owners: unassigned).
    owners: given(ownerArg) ? csvIds(ownerArg) : undefined,
    users: given(userArg) ? csvIds(userArg) : undefined
  }
}

const matches =
  (f: TicketFilter, email: string | undefined) =>
  (t: TicketRow): boolean =>
    f.departments.includes(t.departmentid) &&
    (f.statuses === undefined || f.statuses.includes(t.statusid)) &&
    (f.owners === undefined || f.owners.includes(t.ownerstaffid)) &&
    (f.users === undefined || f.users.includes(t.userid)) &&
    (email === undefined || t.email.toLowerCase() === email.toLowerCase())

/**
 * `!empty($_POST['email'])` adds `AND email = …` (`T/api/Ticket.php:152-154,837-839`): reachable by POSTing to the
 * named action, which any verb can call. `$_POST` is empty for GET and DELETE.
 */
const emailFilter = (ctx: Context): string | undefined =>
  (ctx.method === 'POST' || ctx.method === 'PUT') && !isEmpty(ctx.vars, 'email') ? str(ctx.vars, 'email') : undefined

type SortKey = (store: Store, t: TicketRow) => string | number

const flag = (b: boolean): number => (b ? 1 : 0)
const SORT_FIELDS: Readonly<Record<string, SortKey>> = {
  ticketstatustitle: (s, t) => s.ticketStatuses.get(t.statusid)?.title ?? '',
  departmenttitle: (s, t) => s.departments.get(t.departmentid)?.title ?? '',
  userid: (_, t) => t.userid,
  ownerstaffid: (_, t) => t.ownerstaffid,
  dateline: (_, t) => t.creationtime,
  totalreplies: (s, t) => repliesOf(s, t.id),
  hasattachments: (s, t) => flag(s.attachments.where((a) => a.ticketid === t.id).length > 0),
  hasnotes: (s, t) => flag(s.notes.where((n) => n.ticketid === t.id).length > 0),
  lastactivity: (_, t) => t.lastactivity,
  duetime: (_, t) => t.nextreplydue,
  creator: (_, t) => t.creator,
  isphonecall: (_, t) => flag(t.creationtype === 2),
  isescalated: (_, t) => flag(t.isescalated),
  hasfollowup: () => 0,
  hasratings: () => 0,
  islinked: () => 0,
  // The `tickettype` column is the creation type (1 default, 2 phone), as RenderTickets shows it.
  tickettype: (_, t) => t.creationtype,
  tickettypeid: (_, t) => t.typeid,
  tickettypetitle: (s, t) => s.ticketTypes.get(t.typeid)?.title ?? '',
  creationmode: (_, t) => t.creationmode,
  resolutiondateline: (_, t) => t.resolutiondateline,
  isresolved: (s, t) => flag(s.isResolved(t)),
  iswatched: (_, t) => flag(t.watchers.length > 0),
  prioritytitle: (s, t) => s.ticketPriorities.get(t.priorityid)?.title ?? '',
  lastreplier: (_, t) => t.lastreplier
}

/** String columns sort with a case-insensitive collation; ties keep id order (MySQL leaves them unspecified). */
const compare = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { sensitivity: 'base' })

const listAll = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  if (args.length === 0) return tooFewArguments('ListAll', 'at least', 124)
  const { store } = ctx
  const [, , , , count, start, sortField, sortOrder] = args
  const key = SORT_FIELDS[(sortField ?? '').toLowerCase()] ?? ((_: Store, t: TicketRow) => t.id)
  const direction = (sortOrder ?? '').toUpperCase() === 'DESC' ? -1 : 1
  const rows = store.tickets
    .where(matches(readFilter(store, args), emailFilter(ctx)))
    .map((t) => ({ t, k: key(store, t) }))
    .sort((a, b) => direction * (compare(a.k, b.k) || a.t.id - b.t.id))
    .map((x) => x.t)
  // `QueryLimit` applies the offset only together with a positive row count (`L/Database/class.SWIFT_Database.php:893-912`).
  const limit = toInt(count)
  if (limit <= 0) return ticketsReply(store, rows, false)
  const offset = Math.max(0, toInt(start))
  return ticketsReply(store, rows.slice(offset, offset + limit), false)
}

const getTicketCount = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  if (args.length === 0) return tooFewArguments('GetTicketCount', 'at least', 826)
  const total = ctx.store.tickets.where(matches(readFilter(ctx.store, args), emailFilter(ctx))).length
  return xmlReply(parent('tickets', leaf('totalcount', total)))
}

// ---------------------------------------------------------------------------------------------------------------
// Post

/** `!isset || empty || trim == ''`, the server's test for a missing field. */
const blank = (ctx: Context, name: string): boolean => isEmpty(ctx.vars, name) || trimmed(ctx.vars, name) === ''

/**
 * `isset($cache[$_POST[name]])`: PHP turns only a canonical decimal string into an integer key, so `' 2'`, `'02'` or
 * `'2.0'` name no row (`T/api/Ticket.php:288-322,480,541-557`).
 */
const cacheKey = (value: string | undefined): number | undefined => (value !== undefined && /^(0|-?[1-9]\d*)$/.test(value) ? Number(value) : undefined)

/** PHP 8 `==` between two strings: numerically when both are numeric, else byte for byte. */
const looseEquals = (a: string, b: string): boolean => (isNumeric(a) && isNumeric(b) ? Number(a) === Number(b) : a === b)

/**
 * The template group named by `templategroup` (`T/api/Ticket.php:327-345`, Put 595-624): a known id, else the group
 * whose title matches case-insensitively, else (the loop variable leaks) the last group of the cache.
 */
const pickTemplateGroup = (store: Store, value: string | undefined, current: number | undefined): number | undefined => {
  if (value === undefined) return current
  const key = cacheKey(value)
  if (isNumeric(value) && key !== undefined && store.templateGroups.get(key) !== undefined) return key
  const groups = store.templateGroups.all()
  const titled = groups.filter((g) => g.title.toLowerCase() === value.toLowerCase()).pop()
  return titled?.id ?? groups[groups.length - 1]?.id ?? current
}

/** `SWIFT_TemplateGroup::GetDefaultGroupID`: the first group stands for the default one. */
const defaultTemplateGroup = (store: Store): number => store.templateGroups.all()[0]?.id ?? 0

/** The answer of `GlobalExceptionHandler` for an exception nobody catches (`L/Exception/class.SWIFT_Exception.php:86-148`). */
const invalidAddress = (): Reply => uncaught('/Tickets/Ticket', 'Invalid data provided', '/__swift/apps/base/models/User/class.SWIFT_User.php:458')

/**
 * `createUserAuto` → `GetOrCreateUserID` (`T/api/Ticket.php:866-883`; `SWIFT_TicketGettersTrait.php:145-182`): the
 * user owning the address (the collation ignores case), or a new registered user. `SWIFT_User::Create` throws on an
 * invalid address and nothing catches it, so no ticket is created (`B/models/User/class.SWIFT_User.php:456-460`).
 */
const getOrCreateUser = (store: Store, fullname: string, email: string, now: number): UserRow | Reply => {
  const wanted = email.toLowerCase()
  for (const u of store.users.rows.values()) if (u.emails.includes(wanted)) return u
  if (!isEmail(email) || fullname.trim() === '') return invalidAddress()
  const registered =
    store.userGroups.all().find((g) => g.grouptype === 'registered' && g.title === REGISTERED_GROUP_TITLE) ??
    store.userGroups.all().find((g) => g.grouptype === 'registered')
  return store.users.insert({
    usergroupid: registered?.id ?? 0,
    userrole: 'user',
    userorganizationid: 0,
    salutation: '',
    userexpiry: 0,
    fullname,
    // Addresses are stored lower-cased (`B/models/User/class.SWIFT_UserEmailManager.php:211`).
    emails: [wanted],
    designation: '',
    phone: '',
    dateline: now,
    lastvisit: 0,
    isenabled: true,
    timezone: '',
    enabledst: false,
    slaplanid: 0,
    slaplanexpiry: 0,
    password: ''
  })
}

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  // The order of the checks is the server's (`T/api/Ticket.php:231-322`).
  const required: ReadonlyArray<readonly [string, string]> = [
    ['subject', 'Subject is empty'],
    ['fullname', 'Fullname is empty'],
    ['email', 'Email is empty'],
    ['contents', 'Contents is empty'],
    ['departmentid', 'Department ID is empty'],
    ['ticketstatusid', 'Ticket Status ID is empty'],
    ['ticketpriorityid', 'Ticket Priority ID is empty'],
    ['tickettypeid', 'Ticket Type ID is empty']
  ]
  for (const [name, message] of required) if (blank(ctx, name)) return badRequest(message)
  if (blank(ctx, 'userid') && blank(ctx, 'staffid') && blank(ctx, 'autouserid')) {
    return badRequest('Staff ID, User ID and Auto User ID values are empty or not provided')
  }
  const departmentKey = cacheKey(str(vars, 'departmentid'))
  const department = departmentKey === undefined ? undefined : store.departments.get(departmentKey)
  if (department === undefined) return badRequest('Department ID is Invalid')
  if (department.app !== 'tickets') return badRequest('Department App is not Tickets')
  const statusid = cacheKey(str(vars, 'ticketstatusid'))
  if (statusid === undefined || store.ticketStatuses.get(statusid) === undefined) return badRequest('Ticket Status ID is Invalid')
  const priorityid = cacheKey(str(vars, 'ticketpriorityid'))
  if (priorityid === undefined || store.ticketPriorities.get(priorityid) === undefined) return badRequest('Ticket Priority ID is Invalid')
  const typeid = cacheKey(str(vars, 'tickettypeid'))
  if (typeid === undefined || store.ticketTypes.get(typeid) === undefined) return badRequest('Ticket Type ID is Invalid')
  const staffKey = cacheKey(str(vars, 'staffid'))
  if (vars.has('staffid') && (staffKey === undefined || store.staff.get(staffKey) === undefined)) return badRequest('Staff ID is Invalid')

  const sentTemplateGroup = vars.has('templategroup')
  const templategroupid = sentTemplateGroup ? pickTemplateGroup(store, str(vars, 'templategroup'), defaultTemplateGroup(store)) : defaultTemplateGroup(store)

  // Names and addresses are used as sent, untrimmed (`T/api/Ticket.php:397-398`).
  let fullname = str(vars, 'fullname') ?? ''
  const sentEmail = str(vars, 'email') ?? ''
  let userid = 0
  let staffid = 0
  let creator = CREATOR_USER
  const autouserid = str(vars, 'autouserid')
  // The server takes the user branch whenever `userid` is sent, even empty or 0 (`T/api/Ticket.php:349`): the ticket
  // is then the user's, for user 0. The tolerance reads an empty `userid` next to a `staffid` as a staff ticket.
  const userBranch = vars.has('userid') && !(store.behaviour.lenient('staff-ticket-empty-userid') && blank(ctx, 'userid') && !blank(ctx, 'staffid'))
  if (autouserid !== undefined && looseEquals(autouserid, '1')) {
    const user = getOrCreateUser(store, fullname, sentEmail, ctx.now)
    if (isReply(user)) return user
    userid = user.id
  } else if (userBranch) {
    userid = toInt(str(vars, 'userid'))
    const user = store.users.get(userid)
    // An unknown user (or 0) is not an error: loading it throws and the exception is swallowed (`T/api/Ticket.php:358-372`).
    if (user !== undefined) {
      // `in_array($_POST['email'], $emails)`: compared as sent with the stored, lower-cased addresses (`T/api/Ticket.php:362`).
      if (!user.emails.some((e) => looseEquals(e, sentEmail))) return badRequest('User Email is Invalid')
      fullname = user.fullname
    }
  } else if (vars.has('staffid')) {
    staffid = toInt(str(vars, 'staffid'))
    const user = getOrCreateUser(store, fullname, sentEmail, ctx.now)
    if (isReply(user)) return user
    userid = user.id
    creator = CREATOR_STAFF
  }

  const isPhone = str(vars, 'type') === 'phone'
  let creatorEmail = sentEmail
  let emailto = ''
  const staff = staffid > 0 ? store.staff.get(staffid) : undefined
  // A default (e-mail) ticket from staff is sent to the address as a staff reply: the ticket is written by the
  // staff member and addressed to the e-mail (SWIFT-1903, `T/api/Ticket.php:410-415`).
  if (staff !== undefined && !isPhone && isEmail(sentEmail)) {
    emailto = sentEmail
    creatorEmail = staff.email
    fullname = store.staffName(staffid)
  }
  // `SWIFT_Ticket::Create` cleans the name and lower-cases the address (`SWIFT_TicketCrudTrait.php:190-194`).
  const name = cleanName(fullname)
  const resolved = store.ticketStatuses.get(statusid)?.markasresolved === true
  // Set after creation, and only to a staff member that exists (`T/api/Ticket.php:480-482`).
  const ownerKey = cacheKey(str(vars, 'ownerstaffid'))
  const owner = ownerKey !== undefined && store.staff.get(ownerKey) !== undefined ? ownerKey : 0
  const ticket = store.tickets.insert({
    maskid: '',
    flagtype: 0,
    departmentid: department.id,
    statusid,
    priorityid,
    typeid,
    userid,
    ownerstaffid: owner,
    ownerstaffname: store.staffName(owner),
    fullname: name,
    email: creatorEmail.toLowerCase(),
    lastreplier: name,
    subject: str(vars, 'subject') ?? '',
    creationtime: ctx.now,
    lastactivity: ctx.now,
    laststaffreply: creator === CREATOR_STAFF ? ctx.now : 0,
    lastuserreply: creator === CREATOR_USER ? ctx.now : 0,
    slaplanid: 0,
    nextreplydue: 0,
    resolutiondue: 0,
    resolutiondateline: resolved ? ctx.now : 0,
    // The caller's address (`SWIFT_TicketCrudTrait.php:165-169`): the sandbox does not see it.
    ipaddress: '',
    creator,
    creationmode: CREATIONMODE_API,
    creationtype: isPhone ? 2 : 1,
    isescalated: false,
    escalationruleid: 0,
    templategroupid: templategroupid !== undefined && store.templateGroups.get(templategroupid) !== undefined ? templategroupid : defaultTemplateGroup(store),
    tags: [],
    watchers: [],
    workflows: [],
    ignoreautoresponder: looseEquals(str(vars, 'ignoreautoresponder') ?? '0', '1')
  })
  ticket.maskid = store.newMask(ticket.id)
  // A name that cleans down to nothing passes `Ticket::Create` (checked before cleaning) but not `TicketPost::Create`:
  // the ticket row stays, without a post, owner or template group, and the exception is not caught
  // (`SWIFT_TicketCrudTrait.php:124,190-199,257`; `class.SWIFT_TicketPost.php:766-771`).
  if (name === '' || name === '0') {
    Object.assign(ticket, { ownerstaffid: 0, ownerstaffname: '', templategroupid: 0, resolutiondateline: 0 })
    return uncaught('/Tickets/Ticket', 'Invalid data provided', '/__apps/tickets/models/Ticket/class.SWIFT_TicketPost.php:771')
  }
  const body = firstPostBody(store.behaviour.settings, str(vars, 'contents') ?? '')
  const first: Omit<TicketPostRow, 'id'> = {
    ticketid: ticket.id,
    dateline: ctx.now,
    userid: creator === CREATOR_USER ? userid : 0,
    fullname: name,
    email: creatorEmail.toLowerCase(),
    emailto: emailto.toLowerCase(),
    ipaddress: '',
    creator,
    isthirdparty: false,
    ishtml: body.ishtml,
    isemailed: false,
    staffid: creator === CREATOR_STAFF ? staffid : 0,
    issurveycomment: false,
    contents: smartReply(store, ticket, body.contents),
    isprivate: false
  }
  store.posts.insert(first)
  // `SWIFT_TicketManager::Recount(false)` rebuilds the whole count cache (`SWIFT_TicketCrudTrait.php:324`).
  store.countDrift = []
  return ticketsReply(store, [ticket], true)
}

// ---------------------------------------------------------------------------------------------------------------
// Put: every field optional, invalid values ignored silently (`T/api/Ticket.php:519-635`)

const put = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  const [idOrMask] = args
  if (idOrMask === undefined) return tooFewArguments('Put', 'exactly', 519)
  const { store, vars } = ctx
  const ticket = store.findTicket(idOrMask)
  if (ticket === undefined) return ticketNotFound()
  // Every setter that changes something goes through `UpdatePool`, which stamps `lastactivity`
  // (`class.SWIFT_Ticket.php:440-455`); setters bail out when the value is unchanged.
  let changed = false
  const departmentKey = cacheKey(str(vars, 'departmentid'))
  const department = departmentKey === undefined ? undefined : store.departments.get(departmentKey)
  if (department !== undefined && department.app === 'tickets' && department.id !== ticket.departmentid) {
    ticket.departmentid = department.id
    changed = true
  }
  const statusKey = cacheKey(str(vars, 'ticketstatusid'))
  const status = statusKey === undefined ? undefined : store.ticketStatuses.get(statusKey)
  if (status !== undefined && status.id !== ticket.statusid) {
    ticket.statusid = status.id
    // `SetStatus` (`class.SWIFT_Ticket.php:1179-1330`): a resolved status stamps the resolution and clears the due
    // times and SLA plan; an unresolved one keeps `resolutiondateline`.
    // `resetduetime` clears the reply due time (`ClearOverdue`, `class.SWIFT_Ticket.php:680-716`).
    if (status.resetduetime) ticket.nextreplydue = 0
    if (status.markasresolved) {
      ticket.resolutiondateline = ctx.now
      ticket.resolutiondue = 0
      ticket.nextreplydue = 0
      ticket.slaplanid = 0
    }
    changed = true
  }
  const priorityKey = cacheKey(str(vars, 'ticketpriorityid'))
  if (priorityKey !== undefined && store.ticketPriorities.get(priorityKey) !== undefined && priorityKey !== ticket.priorityid) {
    ticket.priorityid = priorityKey
    changed = true
  }
  const typeKey = cacheKey(str(vars, 'tickettypeid'))
  if (typeKey !== undefined && store.ticketTypes.get(typeKey) !== undefined && typeKey !== ticket.typeid) {
    ticket.typeid = typeKey
    changed = true
  }
  // `== '0'` unassigns (also `00`); an empty value is neither `0` nor a staff id, so it changes nothing (line 557).
  const ownerValue = str(vars, 'ownerstaffid')
  const ownerKey = cacheKey(ownerValue)
  const owner =
    ownerValue !== undefined && looseEquals(ownerValue, '0') ? 0 : ownerKey !== undefined && store.staff.get(ownerKey) !== undefined ? ownerKey : undefined
  if (owner !== undefined && owner !== ticket.ownerstaffid) {
    ticket.ownerstaffid = owner
    ticket.ownerstaffname = store.staffName(owner)
    changed = true
  }
  // Sent means set, as sent, even when blank: `Update` writes all three (lines 561-582).
  const texts = (['subject', 'fullname', 'email'] as const).filter((field) => vars.has(field))
  if (texts.length > 0) {
    for (const field of texts) ticket[field] = str(vars, field) ?? ticket[field]
    changed = true
  }
  if (!isEmpty(vars, 'userid')) {
    const value = str(vars, 'userid') ?? ''
    const user = isNumeric(value) ? store.users.get(toInt(value)) : undefined
    if (user !== undefined) {
      ticket.userid = user.id
      changed = true
    }
  }
  if (vars.has('templategroup')) {
    ticket.templategroupid = pickTemplateGroup(store, str(vars, 'templategroup'), undefined) ?? defaultTemplateGroup(store)
    changed = true
  }
  if (changed) ticket.lastactivity = ctx.now
  // `SWIFT_TicketManager::RebuildCache()`: the whole count cache (`T/api/Ticket.php:632`).
  store.countDrift = []
  return ticketsReply(store, [ticket], true)
}

/** PHP ≥ 7.1 calls an action without its required path argument and throws `ArgumentCountError`, uncaught. */
const tooFewArguments = (method: string, expected: 'exactly' | 'at least', line: number): Reply =>
  uncaught(
    `/Tickets/Ticket/${method}`,
    `Too few arguments to function Tickets\\Api\\Controller_Ticket::${method}(), 0 passed and ${expected} 1 expected`,
    `/__apps/tickets/api/class.Controller_Ticket.php:${line}`
  )

export const Ticket: Controller = {
  actions: { listall: listAll, getticketcount: getTicketCount },
  getList: () => badRequest('Not Implemented, Call /Tickets/Ticket/ListAll instead.'),
  get: (ctx, [idOrMask]) => {
    const ticket = ctx.store.findTicket(idOrMask ?? '')
    return ticket === undefined ? ticketNotFound() : ticketsReply(ctx.store, [ticket], true)
  },
  post,
  put,
  delete: (ctx, [idOrMask]) => {
    if (idOrMask === undefined) return tooFewArguments('Delete', 'exactly', 648)
    const ticket = ctx.store.findTicket(idOrMask)
    if (ticket === undefined) return ticketNotFound()
    // `DeleteList(array($_ticketID))` gets the argument as sent (`T/api/Ticket.php:663`): `ticketid IN ('ABC-…')`
    // matches no row (`SWIFT_TicketCrudTrait.php:362-393`), so a mask answers 200 and deletes nothing.
    const { store } = ctx
    if (isNumeric(idOrMask) || store.behaviour.lenient('display-id-children')) {
      store.deleteTicket(ticket.id)
      // `DeleteList` rebuilds the whole count cache (`SWIFT_TicketCrudTrait.php:450`).
      store.countDrift = []
    } else {
      // Nothing deleted, so `RebuildCache(array($departmentid))` runs: a partial rebuild that counts the department's
      // tickets into the global status and owner lists a second time (`T/api/Ticket.php:665`).
      for (const t of store.tickets.where((row) => row.departmentid === ticket.departmentid)) {
        store.countDrift.push({
          departmentid: t.departmentid,
          statusid: t.statusid,
          ownerstaffid: t.ownerstaffid,
          lastactivity: t.lastactivity,
          resolved: store.isResolved(t)
        })
      }
    }
    return deleted
  }
}
