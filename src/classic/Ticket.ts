/**
 * Ticket — `/Tickets/Ticket` and `/Tickets/TicketSearch` (spec §2.7, §2.8).
 *
 * A ticket-scoped lookup of an unknown ticket is a 404 `Ticket not Found` (an `ApiError`), not an empty document,
 * so `get` decodes to the ticket itself rather than an `Option`.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import {
  documentNote,
  exactlyOne,
  keySegment,
  nonNegativeInts,
  numericTicketId,
  post as postDecoder,
  ticketKey,
  type Code,
  type CreationMode,
  type CreationType,
  type FlagType,
  type TicketCreator,
  type TicketDocumentNote,
  type TicketKey,
  type TicketPost
} from './internal/tickets'
import { mapDecoder } from '../core/decoder'
import {
  attr,
  attrInt,
  bool,
  int,
  list,
  many,
  mapField,
  one,
  optional,
  requiredAttrInt,
  requiredInt,
  struct,
  text,
  timestamp,
  type Extra,
  type XmlElement
} from './internal/xml'

export {
  CreationMode,
  CreationType,
  FlagType,
  NoteColor,
  PostCreator,
  TicketCreator,
  type Code,
  type PostAttachment,
  type TicketDocumentNote,
  type TicketKey,
  type TicketNote,
  type TicketPost,
  type TimeTrack,
  type UserNote,
  type UserOrganizationNote
} from './internal/tickets'

/** A staff member watching a ticket (`<watcher>` of a ticket document). */
export interface Watcher {
  readonly staffId: number
  readonly name: string
  readonly extra: Extra
}

/** A workflow that applies to a ticket (`<workflow>` of a ticket document). */
export interface Workflow {
  readonly id: number
  readonly title: string
  readonly extra: Extra
}

/** A ticket as `GET /Tickets/Ticket/$ticketid$` answers it: with its posts, notes, watchers and workflows. */
export interface Ticket {
  readonly id: number
  readonly flagType: Code<FlagType>
  /** The display ("mask") id, e.g. `OLJ-171-16930`. */
  readonly displayId: string
  readonly departmentId: number
  readonly statusId: number
  readonly priorityId: number
  readonly typeId: number
  readonly userId: number
  readonly userOrganization: string
  readonly userOrganizationId: number
  /** 0 when unassigned. */
  readonly ownerStaffId: number
  readonly ownerStaffName: string
  readonly fullName: string
  readonly email: string
  readonly lastReplier: string
  readonly subject: string
  readonly creationTime: Date | null
  readonly lastActivity: Date | null
  readonly lastStaffReply: Date | null
  readonly lastUserReply: Date | null
  readonly slaPlanId: number
  readonly nextReplyDue: Date | null
  readonly resolutionDue: Date | null
  readonly replies: number
  readonly ipAddress: string
  readonly creator: Code<TicketCreator>
  readonly creationMode: Code<CreationMode>
  readonly creationType: Code<CreationType>
  readonly isEscalated: boolean
  readonly escalationRuleId: number
  readonly templateGroupId: number
  /** Only sent when the ticket has a template group; '' otherwise. */
  readonly templateGroupName: string
  /** The tag names (`<tags>` is space-separated). */
  readonly tags: ReadonlyArray<string>
  readonly watchers: ReadonlyArray<Watcher>
  readonly workflows: ReadonlyArray<Workflow>
  /** Ticket, user, user-organization notes and time tracks, oldest first. */
  readonly notes: ReadonlyArray<TicketDocumentNote>
  /** `none` in lists (`all` sends no posts); the posts from `get`, `post`, `put` and `search`. */
  readonly posts: O.Option<ReadonlyArray<TicketPost>>
  readonly extra: Extra
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** `sortfield` values the server knows (any other sorts by ticket id). */
export const SORT_FIELDS = [
  'ticketid',
  'ticketstatustitle',
  'departmenttitle',
  'userid',
  'ownerstaffid',
  'dateline',
  'totalreplies',
  'hasattachments',
  'hasnotes',
  'lastactivity',
  'duetime',
  'creator',
  'isphonecall',
  'isescalated',
  'hasfollowup',
  'hasratings',
  'islinked',
  'tickettype',
  'tickettypetitle',
  'tickettypeid',
  'creationmode',
  'resolutiondateline',
  'isresolved',
  'iswatched',
  'prioritytitle',
  'lastreplier'
] as const
/** A `sortfield` of {@link TicketListOptions}. */
export type SortField = (typeof SORT_FIELDS)[number]
/** The direction of a sorted ticket list. */
export type SortOrder = 'ASC' | 'DESC'
/** Every `SortOrder`. */
export const SORT_ORDERS: ReadonlyArray<SortOrder> = ['ASC', 'DESC']

/** Which tickets {@link all} lists and {@link count} counts: by department (required), status, owner and user. */
export interface TicketFilter {
  /** Required, at least one. Unknown ids are dropped by the server (none left → no tickets). */
  readonly departmentIds: ReadonlyArray<number>
  /** Without status ids the server lists only tickets in unresolved statuses. */
  readonly statusIds?: ReadonlyArray<number>
  /** 0 = unassigned. */
  readonly ownerStaffIds?: ReadonlyArray<number>
  readonly userIds?: ReadonlyArray<number>
}

/** A ticket filter with paging and order, for {@link all}. */
export interface TicketListOptions extends TicketFilter {
  /** Tickets per page (default: all). */
  readonly count?: number
  /** Offset of the first ticket (an SQL offset, not a ticket id), default 0. */
  readonly start?: number
  readonly sortField?: SortField
  readonly sortOrder?: SortOrder
}

/** Every `TicketCreationKind`. */
export const TICKET_TYPES = ['default', 'phone'] as const
/** How a new ticket was taken: a normal ticket or a phone call (`type`; read back as `creationType`). */
export type TicketCreationKind = (typeof TICKET_TYPES)[number]

/**
 * Exactly one of `userId`, `staffId` and `autoUserId` says who the ticket is from: an existing user (whose address
 * `email` must be), a staff member, or — with `autoUserId: true` — the user the server finds or creates by `email`
 * and `fullName`.
 */
export interface NewTicket {
  readonly subject: string
  readonly fullName: string
  readonly email: string
  readonly contents: string
  readonly departmentId: number
  readonly statusId: number
  readonly priorityId: number
  readonly typeId: number
  readonly userId?: number
  readonly staffId?: number
  readonly autoUserId?: true
  /** Unknown staff ids are ignored by the server; in an update, 0 unassigns. */
  readonly ownerStaffId?: number
  readonly type?: TicketCreationKind
  /** A template group id or title. */
  readonly templateGroup?: number | string
  readonly ignoreAutoResponder?: boolean
  readonly emailQueueId?: number
}

/** Every field optional. The server silently ignores invalid ids here (200 with the unchanged ticket). */
export type TicketUpdate = Partial<
  Pick<NewTicket, 'subject' | 'fullName' | 'email' | 'departmentId' | 'statusId' | 'priorityId' | 'typeId' | 'ownerStaffId' | 'userId' | 'templateGroup'>
>

/** Where `search` looks: the 11 flags of `POST /Tickets/TicketSearch`. */
export const SEARCH_FIELDS = {
  /** Ticket id and display id. */
  ticketId: 'ticketid',
  /** Post contents. */
  contents: 'contents',
  /** Full name and e-mail of post authors. */
  author: 'author',
  /** E-mail of tickets and posts. */
  email: 'email',
  /** E-mail of ticket creators only. */
  creatorEmail: 'creatoremail',
  fullName: 'fullname',
  notes: 'notes',
  userGroup: 'usergroup',
  userOrganization: 'userorganization',
  /** User full name and e-mail. */
  user: 'user',
  tags: 'tags'
} as const
/** The name of a place {@link search} looks in (a key of `SEARCH_FIELDS`). */
export type SearchField = keyof typeof SEARCH_FIELDS
const SEARCH_FIELD_NAMES = /*#__PURE__*/ Object.keys(SEARCH_FIELDS) as ReadonlyArray<SearchField>

/** A ticket search, for {@link search}: the text and where to look for it. */
export interface TicketSearch {
  readonly query: string
  /** At least one. */
  readonly in: ReadonlyArray<SearchField>
  /** Phrase search for `contents` (4.98.8). */
  readonly phrase?: boolean
}

// ---------------------------------------------------------------------------------------------------------------
// Decoders

const watcher = /*#__PURE__*/ struct('watcher', { staffId: attrInt('staffid'), name: attr('name') })
const workflow = /*#__PURE__*/ struct('workflow', { id: attrInt('id'), title: attr('title') })

const ticket: Decoder<XmlElement, Ticket> = /*#__PURE__*/ struct('ticket', {
  id: requiredAttrInt('id'),
  flagType: attrInt('flagtype'),
  displayId: text('displayid'),
  departmentId: int('departmentid'),
  statusId: int('statusid'),
  priorityId: int('priorityid'),
  typeId: int('typeid'),
  userId: int('userid'),
  userOrganization: text('userorganization'),
  userOrganizationId: int('userorganizationid'),
  ownerStaffId: int('ownerstaffid'),
  ownerStaffName: text('ownerstaffname'),
  fullName: text('fullname'),
  email: text('email'),
  lastReplier: text('lastreplier'),
  subject: text('subject'),
  creationTime: timestamp('creationtime'),
  lastActivity: timestamp('lastactivity'),
  lastStaffReply: timestamp('laststaffreply'),
  lastUserReply: timestamp('lastuserreply'),
  slaPlanId: int('slaplanid'),
  nextReplyDue: timestamp('nextreplydue'),
  resolutionDue: timestamp('resolutiondue'),
  replies: int('replies'),
  ipAddress: text('ipaddress'),
  creator: int('creator'),
  creationMode: int('creationmode'),
  creationType: int('creationtype'),
  isEscalated: bool('isescalated'),
  escalationRuleId: int('escalationruleid'),
  templateGroupId: int('templategroupid'),
  templateGroupName: text('templategroupname'),
  tags: mapField(text('tags'), (t) => t.split(/\s+/).filter((tag) => tag !== '')),
  watchers: list('watcher', watcher),
  workflows: list('workflow', workflow),
  notes: list('note', documentNote),
  posts: optional('posts', many('posts', 'post', postDecoder))
})

const tickets = /*#__PURE__*/ many('tickets', 'ticket', ticket)
const oneTicket = /*#__PURE__*/ one(tickets)
const totalCount = /*#__PURE__*/ mapDecoder(struct('tickets', { totalCount: requiredInt('totalcount') }), (r) => r.totalCount)

// ---------------------------------------------------------------------------------------------------------------
// Builders

const ROUTE = '/Tickets/Ticket'

/** An optional id list as a ListAll segment: comma-separated, `-1` for "no filter". */
const ids = (values: ReadonlyArray<number> | undefined): string => (values === undefined || values.length === 0 ? '-1' : values.join(','))

const checkFilter = (f: TicketFilter): V.Issues =>
  V.issues(
    Array.isArray(f.departmentIds) && f.departmentIds.length === 0
      ? [{ path: 'departmentIds', message: 'needs at least one department id' }]
      : V.positiveInts('departmentIds', f.departmentIds),
    V.optional(f.statusIds, (xs) => V.positiveInts('statusIds', xs)),
    V.optional(f.ownerStaffIds, (xs) => nonNegativeInts('ownerStaffIds', xs)),
    V.optional(f.userIds, (xs) => V.positiveInts('userIds', xs))
  )

const filterSegments = (f: TicketFilter): string => `${f.departmentIds.join(',')}/${ids(f.statusIds)}/${ids(f.ownerStaffIds)}/${ids(f.userIds)}`

/**
 * Tickets of some departments: `ListAll/<departments>/<statuses>/<owners>/<users>[/<count>/<start>[/<field>/<order>]]`.
 * Missing filters are `-1`; paging and sorting segments are sent only when asked for (count `-1` = all, start 0).
 * The list carries no posts.
 */
export const all = (options: TicketListOptions): ClassicRequest<ReadonlyArray<Ticket>> => {
  const issues = V.input(options, (o) =>
    V.issues(
      checkFilter(o),
      V.optional(o.count, (n) => V.positiveInt('count', n)),
      V.optional(o.start, (n) => V.nonNegativeInt('start', n)),
      V.optional(o.sortField, (s) => V.oneOf('sortField', s, SORT_FIELDS)),
      V.optional(o.sortOrder, (s) => V.oneOf('sortOrder', s, SORT_ORDERS))
    )
  )
  if (issues.length > 0) return getRequest('Ticket.all', `${ROUTE}/ListAll`, tickets, { issues })
  const sorted = options.sortField !== undefined || options.sortOrder !== undefined
  const paged = sorted || options.count !== undefined || options.start !== undefined
  const paging = paged ? `/${options.count ?? -1}/${options.start ?? 0}` : ''
  const sorting = sorted ? `/${options.sortField ?? 'ticketid'}/${options.sortOrder ?? 'ASC'}` : ''
  return getRequest('Ticket.all', `${ROUTE}/ListAll/${filterSegments(options)}${paging}${sorting}`, tickets)
}

/**
 * How many tickets match a filter (4.98.8 `GetTicketCount`; older servers answer 400). Only the department segment
 * is sent when no other filter is given.
 */
export const count = (filter: TicketFilter): ClassicRequest<number> => {
  const issues = V.input(filter, checkFilter)
  if (issues.length > 0) return getRequest('Ticket.count', `${ROUTE}/GetTicketCount`, totalCount, { issues })
  const narrowed = filter.statusIds !== undefined || filter.ownerStaffIds !== undefined || filter.userIds !== undefined
  const route = narrowed ? filterSegments(filter) : filter.departmentIds.join(',')
  return getRequest('Ticket.count', `${ROUTE}/GetTicketCount/${route}`, totalCount)
}

/** One ticket with its posts, by numeric id or display id (merged tickets are followed by the server). */
export const get = (key: TicketKey): ClassicRequest<Ticket> =>
  getRequest('Ticket.get', `${ROUTE}/${keySegment(key)}`, oneTicket, { issues: ticketKey('key', key) })

const ticketIdOnly = /*#__PURE__*/ mapDecoder(one(many('tickets', 'ticket', struct('ticket', { id: requiredAttrInt('id') }))), (t) => t.id)

/**
 * The numeric id of the ticket with this display id (one `GET /Tickets/Ticket/<display id>`, which also follows
 * merged tickets). The ticket-child calls and `delete` take only the numeric id, as 4.98.8 honours only that there:
 * `pipe(run(Ticket.resolveId('ABC-123-45678')), TE.chain((id) => run(TicketPost.all(id))))`.
 */
export const resolveId = (displayId: TicketKey): ClassicRequest<number> =>
  getRequest('Ticket.resolveId', `${ROUTE}/${keySegment(displayId)}`, ticketIdOnly, { issues: ticketKey('displayId', displayId) })

const templateGroup = (path: string, value: unknown): V.Issues => (typeof value === 'number' ? V.positiveInt(path, value) : V.nonBlank(path, value))

const checkSearchFields = (path: string, value: unknown): V.Issues =>
  Array.isArray(value) && value.length > 0
    ? value.flatMap((f, n) => V.oneOf(`${path}[${n}]`, f, SEARCH_FIELD_NAMES))
    : [{ path, message: `names at least one of ${SEARCH_FIELD_NAMES.join(', ')}` }]

/** Every field of a ticket's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewTicket & TicketUpdate, FormValue> = {
  subject: { wire: 'subject', check: V.nonBlank },
  fullName: { wire: 'fullname', check: V.nonBlank },
  email: { wire: 'email', check: V.email },
  contents: { wire: 'contents', check: V.nonBlank },
  departmentId: { wire: 'departmentid', check: V.positiveInt },
  statusId: { wire: 'ticketstatusid', check: V.positiveInt },
  priorityId: { wire: 'ticketpriorityid', check: V.positiveInt },
  typeId: { wire: 'tickettypeid', check: V.positiveInt },
  userId: { wire: 'userid', check: V.positiveInt },
  staffId: { wire: 'staffid', check: V.positiveInt },
  autoUserId: { wire: 'autouserid', check: (path, value) => V.when(value !== true, path, 'must be true when given') },
  // 0 unassigns on update; a new ticket's owner is a staff id (see `newRules`).
  ownerStaffId: { wire: 'ownerstaffid', check: V.nonNegativeInt },
  type: { wire: 'type', check: (path, value) => V.oneOf(path, value, TICKET_TYPES) },
  templateGroup: { wire: 'templategroup', check: templateGroup },
  ignoreAutoResponder: { wire: 'ignoreautoresponder', check: V.isBoolean },
  emailQueueId: { wire: 'emailqueueid', check: V.positiveInt }
}

/** The search's fields: a table of their own, so that a bundle with `search` does not carry the ticket's table. */
const SEARCH_TABLE: Fields<TicketSearch, FormValue> = {
  query: { wire: 'query', check: V.nonBlank },
  in: {
    wire: 'ticketid, contents, author, … (a flag per place)',
    check: checkSearchFields,
    spread: true,
    encode: (places) => Object.fromEntries(SEARCH_FIELD_NAMES.filter((f) => places.includes(f)).map((f) => [SEARCH_FIELDS[f], true]))
  },
  // Only when asked for: servers before 4.98.8 do not know it.
  phrase: { wire: 'phrase', check: V.isBoolean, encode: (phrase) => (phrase ? true : undefined) }
}

const NEW_REQUIRED: RequiredFields<NewTicket> = {
  subject: true,
  fullName: true,
  email: true,
  contents: true,
  departmentId: true,
  statusId: true,
  priorityId: true,
  typeId: true
}
const SEARCH_REQUIRED: RequiredFields<TicketSearch> = { query: true, in: true }

const newRules = (i: Partial<NewTicket>): V.Issues =>
  V.issues(
    exactlyOne('userId', [i.userId, i.staffId, i.autoUserId], 'exactly one of userId, staffId or autoUserId: true is required'),
    i.ownerStaffId === 0 ? V.positiveInt('ownerStaffId', i.ownerStaffId) : []
  )

const updateRules = (i: Partial<TicketUpdate>): V.Issues =>
  V.when(
    Object.values(i).every((v) => v === undefined),
    'input',
    'names no field to change'
  )

/** Creates a ticket; the answer is the new ticket with its first post. Refusals come back as 400 `ApiError`s. */
export const post = (input: NewTicket): ClassicRequest<Ticket> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input, newRules)
  return postRequest('Ticket.post', ROUTE, oneTicket, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes the given fields only; the answer is the ticket with its posts. */
export const put = (id: number, input: TicketUpdate): ClassicRequest<Ticket> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input, updateRules))
  return putRequest('Ticket.put', `${ROUTE}/${segment(id)}`, oneTicket, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/**
 * Deletes a ticket by its numeric id; an unknown id is a 404 `Ticket not Found`. Not by display id: 4.98.8 answers
 * 200 and deletes nothing (a ValidationError here; resolve a display id with `resolveId`).
 */
const del = (id: number): ClassicRequest<void> => deleteRequest('Ticket.delete', `${ROUTE}/${segment(id)}`, { issues: numericTicketId('id', id) })

/**
 * Searches tickets (`POST /Tickets/TicketSearch`): `query` in the chosen places. The answer is like `get` (with
 * posts); the server caps it at its result limit. No match is an empty list.
 */
export const search = (input: TicketSearch): ClassicRequest<ReadonlyArray<Ticket>> => {
  const issues = checkFields(SEARCH_TABLE, SEARCH_REQUIRED, input)
  return postRequest('Ticket.search', '/Tickets/TicketSearch', tickets, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(SEARCH_TABLE, input)))
  })
}

export { del as delete, get as find, post as save, put as update, del as destroy }
