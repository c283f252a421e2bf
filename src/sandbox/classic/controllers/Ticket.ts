/** `/Tickets/Ticket`: ListAll, GetTicketCount, Get (id or display id), Post, Put, Delete (spec §2.7). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketPostRow, TicketRow, UserRow } from '../store'
import { intVar, isEmpty, str, toInt, trimmed } from '../vars'
import { leaf, parent } from '../xml'
import { isEmail } from './common'
import { looksLikeHtml, repliesOf, ticketNotFound, ticketsReply } from './tickets'

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
  if (arg.includes(',')) return arg.split(',').filter(isNumeric).map((v) => Math.trunc(Number(v)))
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
  // Unknown departments are dropped; none left means no tickets (`departmentid IN ('0')`): `-1` is not "all".
  const departments = csvIds(departmentArg ?? '').filter((id) => store.departments.get(id) !== undefined)
  const inScope = (statusDepartment: number) => statusDepartment === 0 || departments.includes(statusDepartment)
  let statuses = given(statusArg)
    ? csvIds(statusArg).filter((id) => {
        const status = store.ticketStatuses.get(id)
        return status !== undefined && inScope(status.departmentid)
      })
    : []
  // No valid status: the unresolved ones (the server compares the status *id* with the departments here, an evident
  // slip; the sandbox uses the status's department).
  if (statuses.length === 0) statuses = store.ticketStatuses.where((st) => inScope(st.departmentid) && !st.markasresolved).map((st) => st.id)
  return {
    departments,
    statuses: statuses.length > 0 ? statuses : undefined,
    // Owners and users are used as given: the server validates the owner ids, then overwrites the result with the
    // raw list. A non-numeric segment becomes [0] (for owners: unassigned).
    owners: given(ownerArg) ? csvIds(ownerArg) : undefined,
    users: given(userArg) ? csvIds(userArg) : undefined
  }
}

const matches = (f: TicketFilter) => (t: TicketRow): boolean =>
  f.departments.includes(t.departmentid) &&
  (f.statuses === undefined || f.statuses.includes(t.statusid)) &&
  (f.owners === undefined || f.owners.includes(t.ownerstaffid)) &&
  (f.users === undefined || f.users.includes(t.userid))

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

const compare = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))

const listAll = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  if (args.length === 0) return badRequest('No Department ID Specified. Call /Tickets/Ticket/ListAll/$departmentid$[/$ticketstatusid$/$ownerstaffid$/$userid$]')
  const { store } = ctx
  const [, , , , count, start, sortField, sortOrder] = args
  const key = SORT_FIELDS[(sortField ?? '').toLowerCase()] ?? ((_: Store, t: TicketRow) => t.id)
  const direction = (sortOrder ?? '').toUpperCase() === 'DESC' ? -1 : 1
  const rows = store.tickets
    .where(matches(readFilter(store, args)))
    .map((t) => ({ t, k: key(store, t) }))
    .sort((a, b) => direction * (compare(a.k, b.k) || a.t.id - b.t.id))
    .map((x) => x.t)
  const offset = Math.max(0, toInt(start))
  const limit = toInt(count) > 0 ? toInt(count) : Infinity
  return ticketsReply(store, rows.slice(offset, offset + limit), false)
}

const getTicketCount = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  if (args.length === 0) return badRequest('No Department ID Specified. Call /Tickets/Ticket/GetTicketCount/$departmentid$[/$ticketstatusid$/$ownerstaffid$/$userid$]')
  const total = ctx.store.tickets.where(matches(readFilter(ctx.store, args))).length
  return xmlReply(parent('tickets', leaf('totalcount', total)))
}

// ---------------------------------------------------------------------------------------------------------------
// Post

/** `!isset || empty || trim == ''`, the server's test for a missing field. */
const blank = (ctx: Context, name: string): boolean => isEmpty(ctx.vars, name) || trimmed(ctx.vars, name) === ''

/** A template group by id or title; the default group when blank or unknown. */
const templateGroupOf = (store: Store, value: string | undefined, fallback: number): number => {
  const text = (value ?? '').trim()
  if (text === '') return fallback
  if (/^\d+$/.test(text) && store.templateGroups.get(Number(text)) !== undefined) return Number(text)
  return store.templateGroups.all().find((g) => g.title.toLowerCase() === text.toLowerCase())?.id ?? fallback
}

/** Find the user with this address or register one (autouserid=1; also a staff ticket's recipient). */
const findOrCreateUser = (store: Store, email: string, fullname: string, now: number): UserRow => {
  const existing = store.userByEmail(email)
  if (existing !== undefined) return existing
  const registered = store.userGroups.all().find((g) => g.grouptype === 'registered' && g.title === REGISTERED_GROUP_TITLE) ?? store.userGroups.all().find((g) => g.grouptype === 'registered')
  return store.users.insert({
    usergroupid: registered?.id ?? 0,
    userrole: 'user',
    userorganizationid: 0,
    salutation: '',
    userexpiry: 0,
    fullname,
    emails: [email],
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
  // The order of the checks is the server's.
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
  const department = store.departments.get(intVar(vars, 'departmentid'))
  if (department === undefined) return badRequest('Department ID is Invalid')
  if (department.app !== 'tickets') return badRequest('Department App is not Tickets')
  const statusid = intVar(vars, 'ticketstatusid')
  if (store.ticketStatuses.get(statusid) === undefined) return badRequest('Ticket Status ID is Invalid')
  const priorityid = intVar(vars, 'ticketpriorityid')
  if (store.ticketPriorities.get(priorityid) === undefined) return badRequest('Ticket Priority ID is Invalid')
  const typeid = intVar(vars, 'tickettypeid')
  if (store.ticketTypes.get(typeid) === undefined) return badRequest('Ticket Type ID is Invalid')
  if (vars.has('staffid') && store.staff.get(intVar(vars, 'staffid')) === undefined) return badRequest('Staff ID is Invalid')

  const isPhone = str(vars, 'type') === 'phone'
  let fullname = trimmed(vars, 'fullname')
  let email = trimmed(vars, 'email')
  let emailto = ''
  let userid = 0
  let staffid = 0
  if (trimmed(vars, 'autouserid') === '1') {
    userid = findOrCreateUser(store, email, fullname, ctx.now).id
  } else if (!blank(ctx, 'userid')) {
    // An empty `userid` next to a `staffid` is read as "no user" (the server would take the user branch and create
    // a ticket for user 0): a tolerance.
    userid = intVar(vars, 'userid')
    const user = store.users.get(userid)
    // An unknown user id is not an error on the server: the ticket keeps the id and the name sent.
    if (user !== undefined) {
      if (!user.emails.some((e) => e.toLowerCase() === email.toLowerCase())) return badRequest('User Email is Invalid')
      fullname = user.fullname
    }
  } else {
    staffid = intVar(vars, 'staffid')
    userid = findOrCreateUser(store, email, fullname, ctx.now).id
    const staff = store.staff.get(staffid)
    // A default (e-mail) ticket from staff is sent to the address as a staff reply: the ticket is written by the
    // staff member and addressed to the e-mail (SWIFT-1903).
    if (staff !== undefined && !isPhone && isEmail(email)) {
      emailto = email
      fullname = store.staffName(staffid)
      email = staff.email
    }
  }

  const owner = intVar(vars, 'ownerstaffid')
  const byStaff = staffid > 0
  // The first post is written under the ticket's creator name and address (for a default staff ticket: the staff
  // member's; for a phone ticket: the customer's as sent).
  const author = fullname
  const ticket = store.tickets.insert({
    displayid: '',
    flagtype: 0,
    departmentid: department.id,
    statusid,
    priorityid,
    typeid,
    userid,
    ownerstaffid: store.staff.get(owner) !== undefined ? owner : 0,
    fullname,
    email,
    lastreplier: author,
    subject: trimmed(vars, 'subject'),
    creationtime: ctx.now,
    lastactivity: ctx.now,
    laststaffreply: byStaff ? ctx.now : 0,
    lastuserreply: byStaff ? 0 : ctx.now,
    slaplanid: 0,
    nextreplydue: 0,
    resolutiondue: 0,
    resolutiondateline: store.ticketStatuses.get(statusid)?.markasresolved === true ? ctx.now : 0,
    ipaddress: '',
    creator: byStaff ? CREATOR_STAFF : CREATOR_USER,
    creationmode: CREATIONMODE_API,
    creationtype: isPhone ? 2 : 1,
    isescalated: false,
    escalationruleid: 0,
    templategroupid: templateGroupOf(store, str(vars, 'templategroup'), 1),
    tags: [],
    watchers: [],
    workflows: [],
    ignoreautoresponder: trimmed(vars, 'ignoreautoresponder') === '1'
  })
  ticket.displayid = store.newDisplayId(ticket.id)
  const contents = str(vars, 'contents') ?? ''
  const first: Omit<TicketPostRow, 'id'> = {
    ticketid: ticket.id,
    dateline: ctx.now,
    userid: byStaff ? 0 : userid,
    fullname: author,
    email,
    emailto,
    ipaddress: '',
    creator: byStaff ? CREATOR_STAFF : CREATOR_USER,
    isthirdparty: false,
    ishtml: byStaff && looksLikeHtml(contents),
    isemailed: false,
    staffid,
    issurveycomment: false,
    contents,
    isprivate: false
  }
  store.posts.insert(first)
  return ticketsReply(store, [ticket], true)
}

// ---------------------------------------------------------------------------------------------------------------
// Put: every field optional, invalid values ignored silently (spec §2.7)

const put = (ctx: Context, [idOrMask]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  const ticket = store.findTicket(idOrMask ?? '')
  if (ticket === undefined) return ticketNotFound()
  const idOf = (name: string): number | undefined => (str(vars, name) === undefined ? undefined : intVar(vars, name))
  const department = store.departments.get(idOf('departmentid') ?? 0)
  if (department !== undefined && department.app === 'tickets') ticket.departmentid = department.id
  const status = idOf('ticketstatusid')
  if (status !== undefined && store.ticketStatuses.get(status) !== undefined && status !== ticket.statusid) {
    ticket.statusid = status
    ticket.resolutiondateline = store.ticketStatuses.get(status)?.markasresolved === true ? ctx.now : 0
  }
  const priority = idOf('ticketpriorityid')
  if (priority !== undefined && store.ticketPriorities.get(priority) !== undefined) ticket.priorityid = priority
  const type = idOf('tickettypeid')
  if (type !== undefined && store.ticketTypes.get(type) !== undefined) ticket.typeid = type
  const owner = idOf('ownerstaffid')
  if (owner !== undefined && (owner === 0 || store.staff.get(owner) !== undefined)) ticket.ownerstaffid = owner
  const user = idOf('userid')
  if (user !== undefined && user > 0 && store.users.get(user) !== undefined) ticket.userid = user
  // Sent means set, even when blank: the server does not check these three.
  for (const field of ['subject', 'fullname', 'email'] as const) {
    const value = str(vars, field)
    if (value !== undefined) ticket[field] = value
  }
  if (str(vars, 'templategroup') !== undefined) ticket.templategroupid = templateGroupOf(store, str(vars, 'templategroup'), ticket.templategroupid)
  ticket.lastactivity = ctx.now
  return ticketsReply(store, [ticket], true)
}

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
    const ticket = ctx.store.findTicket(idOrMask ?? '')
    if (ticket === undefined) return ticketNotFound()
    ctx.store.deleteTicket(ticket.id)
    return deleted
  }
}
