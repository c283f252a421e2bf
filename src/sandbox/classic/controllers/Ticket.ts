/** `/Tickets/Ticket`: ListAll, GetTicketCount, Get (id or display id), Post, Put, Delete (spec §2.7). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketPostRow, TicketRow, UserRow } from '../store'
import { intVar, str, toInt, trimmed } from '../vars'
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

/** Comma-separated ids of a path segment; `-1`, blanks and non-numbers are left out. */
const idList = (arg: string | undefined): ReadonlyArray<number> =>
  (arg ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number)

export interface TicketFilter {
  readonly departments: ReadonlyArray<number>
  readonly statuses: ReadonlyArray<number> | 'unresolved'
  readonly owners: ReadonlyArray<number> | 'any'
  readonly users: ReadonlyArray<number> | 'any'
}

/** The server's reading of the filter segments: invalid ids are dropped silently (spec §2.7, §3). */
const readFilter = (store: Store, [departments, statuses, owners, users]: ReadonlyArray<string>): TicketFilter => {
  const validStatuses = idList(statuses).filter((id) => store.ticketStatuses.get(id) !== undefined)
  const validOwners = idList(owners).filter((id) => id === 0 || store.staff.get(id) !== undefined)
  const validUsers = idList(users).filter((id) => store.users.get(id) !== undefined)
  return {
    // `-1` is not "every department": no valid id means no tickets (`departmentid IN ('0')`).
    departments: idList(departments).filter((id) => store.departments.get(id) !== undefined),
    // No valid status: only unresolved statuses.
    statuses: validStatuses.length > 0 ? validStatuses : 'unresolved',
    owners: validOwners.length > 0 ? validOwners : 'any',
    users: validUsers.length > 0 ? validUsers : 'any'
  }
}

const matches = (store: Store, f: TicketFilter) => (t: TicketRow): boolean =>
  f.departments.includes(t.departmentid) &&
  (f.statuses === 'unresolved' ? !store.isResolved(t) : f.statuses.includes(t.statusid)) &&
  (f.owners === 'any' || f.owners.includes(t.ownerstaffid)) &&
  (f.users === 'any' || f.users.includes(t.userid))

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
  tickettype: (_, t) => t.typeid,
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
    .where(matches(store, readFilter(store, args)))
    .map((t) => ({ t, k: key(store, t) }))
    .sort((a, b) => direction * (compare(a.k, b.k) || a.t.id - b.t.id))
    .map((x) => x.t)
  const offset = Math.max(0, toInt(start))
  const limit = toInt(count) > 0 ? toInt(count) : Infinity
  return ticketsReply(store, rows.slice(offset, offset + limit), false)
}

const getTicketCount = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  if (args.length === 0) return badRequest('No Department ID Specified. Call /Tickets/Ticket/GetTicketCount/$departmentid$[/$ticketstatusid$/$ownerstaffid$/$userid$]')
  const total = ctx.store.tickets.where(matches(ctx.store, readFilter(ctx.store, args))).length
  return xmlReply(parent('tickets', leaf('totalcount', total)))
}

// ---------------------------------------------------------------------------------------------------------------
// Post

const requiredId = (ctx: Context, name: string, label: string, exists: (id: number) => boolean): Reply | number => {
  const text = trimmed(ctx.vars, name)
  if (text === '' || text === '0') return badRequest(`${label} is empty`)
  const id = toInt(text)
  return exists(id) ? id : badRequest(`${label} is Invalid`)
}

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
  if (trimmed(vars, 'subject') === '') return badRequest('Subject is empty')
  if (trimmed(vars, 'fullname') === '') return badRequest('Fullname is empty')
  if (trimmed(vars, 'email') === '') return badRequest('Email is empty')
  if (trimmed(vars, 'contents') === '') return badRequest('Contents is empty')
  const departmentText = trimmed(vars, 'departmentid')
  if (departmentText === '' || departmentText === '0') return badRequest('Department ID is empty')
  const department = store.departments.get(toInt(departmentText))
  if (department === undefined) return badRequest('Department ID is Invalid')
  if (department.app !== 'tickets') return badRequest('Department App is not Tickets')
  const statusid = requiredId(ctx, 'ticketstatusid', 'Ticket Status ID', (id) => store.ticketStatuses.get(id) !== undefined)
  if (typeof statusid !== 'number') return statusid
  const priorityid = requiredId(ctx, 'ticketpriorityid', 'Ticket Priority ID', (id) => store.ticketPriorities.get(id) !== undefined)
  if (typeof priorityid !== 'number') return priorityid
  const typeid = requiredId(ctx, 'tickettypeid', 'Ticket Type ID', (id) => store.ticketTypes.get(id) !== undefined)
  if (typeof typeid !== 'number') return typeid

  let fullname = trimmed(vars, 'fullname')
  const email = trimmed(vars, 'email')
  let user: UserRow | undefined
  let staffid = 0
  if (intVar(vars, 'userid') > 0) {
    user = store.users.get(intVar(vars, 'userid'))
    if (user === undefined) return badRequest('User ID is Invalid')
    if (!user.emails.some((e) => e.toLowerCase() === email.toLowerCase())) return badRequest('User Email is Invalid')
    fullname = user.fullname
  } else if (intVar(vars, 'staffid') > 0) {
    staffid = intVar(vars, 'staffid')
    if (store.staff.get(staffid) === undefined) return badRequest('Staff ID is Invalid')
    // The ticket is addressed to the e-mail's user (registered on the fly, as the server's mail path does).
    if (isEmail(email)) user = findOrCreateUser(store, email, fullname, ctx.now)
  } else if (trimmed(vars, 'autouserid') === '1') {
    if (!isEmail(email)) return badRequest('Email is Invalid')
    user = findOrCreateUser(store, email, fullname, ctx.now)
  } else {
    return badRequest('Staff ID, User ID and Auto User ID values are empty or not provided')
  }

  const owner = intVar(vars, 'ownerstaffid')
  const byStaff = staffid > 0
  const author = byStaff ? store.staffName(staffid) : fullname
  const ticket = store.tickets.insert({
    displayid: '',
    flagtype: 0,
    departmentid: department.id,
    statusid,
    priorityid,
    typeid,
    userid: user?.id ?? 0,
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
    creationtype: trimmed(vars, 'type') === 'phone' ? 2 : 1,
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
    userid: byStaff ? 0 : (user?.id ?? 0),
    fullname: author,
    email: byStaff ? (store.staff.get(staffid)?.email ?? '') : email,
    emailto: byStaff ? email : '',
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
  if (user !== undefined && store.users.get(user) !== undefined) ticket.userid = user
  if (trimmed(vars, 'subject') !== '') ticket.subject = trimmed(vars, 'subject')
  if (trimmed(vars, 'fullname') !== '') ticket.fullname = trimmed(vars, 'fullname')
  if (isEmail(trimmed(vars, 'email'))) ticket.email = trimmed(vars, 'email')
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
