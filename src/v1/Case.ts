/**
 * Case — `/cases` (spec §3.1 cases, §3.2 case, §3.3 writes): list with filters, get, create, update, trash and
 * restore, tags, the timeline (posts, cursor-paginated), reply, notes.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { addNoteTo, create, getById, offsetList, relatedPage, update, type Parent } from './internal/endpoints'
import { caseReply, kase, type Case, type CaseReply } from './internal/entities/case'
import { customFieldValue, type CustomFieldValue } from './internal/entities/caseField'
import { note, type Note } from './internal/entities/note'
import { post as postDecoder, type Post } from './internal/entities/post'
import type { Tag } from './internal/entities/tag'
import {
  checkCursor,
  checkOffset,
  checkStrings,
  checkTags,
  csv,
  cursorQuery,
  getRequest,
  json,
  many,
  offsetQuery,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type CursorArgs,
  type ListFields,
  type NewNote,
  type OffsetArgs,
  type Page,
  type V1Request
} from './internal/request'
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf } from './internal/tagging'
// Work records, archived cases and bulk changes (issue 15)
import { activity, type Activity } from './internal/entities/activity'
import { rating, type Rating } from './internal/entities/rating'
import { count, type Query } from './internal/request'

export type { Case, CaseReply, CaseState } from './internal/entities/case'
export type { CustomFieldValue } from './internal/entities/caseField'
export type { Note, NoteColor } from './internal/entities/note'
export type { Post, PostSource, PostStatus } from './internal/entities/post'
export type { Tag } from './internal/entities/tag'
export type { NewNote } from './internal/request'
export type { Activity, ActivityAction, ActivityActionKind, ActivityObject } from './internal/entities/activity'
export type { Rating, RatingScore } from './internal/entities/rating'

/** The kinds of requester identity `Case.all` can filter by (`identityType`). */
export const IDENTITY_TYPES = ['EMAIL', 'FACEBOOK', 'TWITTER', 'PHONE'] as const
/** The status types `Case.all` can filter by (`status`). */
export const STATUS_TYPES = ['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED', 'CUSTOM'] as const
/** The channels a case is created or replied on; `NOTE` makes an internal note. */
export const NEW_CASE_CHANNELS = ['MAIL', 'TWITTER', 'FACEBOOK', 'NOTE'] as const
/** The kinds of post {@link posts} can list (`filters`); the default leaves out activities. */
export const POST_FILTERS = [
  'ALL',
  'ACTIVITIES',
  'MESSAGES',
  'NOTES',
  'SHADOW_POSTS',
  'CHAT_MESSAGES',
  'FACEBOOK_POSTS',
  'FACEBOOK_POST_COMMENTS',
  'FACEBOOK_MESSAGES',
  'TWEETS',
  'TWITTER_MESSAGES'
] as const
/** Where a reply says it was written (`source` of {@link Reply}). */
export const REPLY_SOURCES = ['MAIL', 'MESSENGER', 'AGENT', 'API', 'MOBILE'] as const

/**
 * Filters of `GET /cases` (ordered by last update, newest first). The server takes one of three forms: the filters
 * below, or `ids`, or `legacyIds`.
 */
export interface CaseListArgs extends OffsetArgs {
  /** With `identityValue`: the requester's e-mail address, Twitter handle … */
  readonly identityType?: (typeof IDENTITY_TYPES)[number]
  readonly identityValue?: string
  readonly tags?: ReadonlyArray<string>
  readonly status?: ReadonlyArray<(typeof STATUS_TYPES)[number]>
  /** Cases with a priority up to this level. */
  readonly priority?: number
  readonly startTime?: Date
  readonly ids?: ReadonlyArray<number>
  readonly legacyIds?: ReadonlyArray<string>
  /** Also the archived cases: those closed more than 30 days ago, which the list leaves out otherwise (`archived=1`). */
  readonly archived?: boolean
}

/** Options of the channel a case is created or replied on (`channel_options`). */
export interface ChannelOptions {
  /** MAIL: carbon copies. */
  readonly cc?: ReadonlyArray<string>
  /** MAIL and NOTE: the contents are HTML. */
  readonly html?: boolean
  /** TWITTER: how to answer. */
  readonly type?: 'REPLY' | 'DM' | 'REPLY_WITH_PROMPT'
}

interface CaseFields {
  readonly subject?: string
  readonly requesterId?: number
  readonly assignedTeamId?: number
  readonly assignedAgentId?: number
  readonly statusId?: number
  readonly priorityId?: number
  readonly typeId?: number
  readonly formId?: number
  /** Custom field values by field key (multi-select: CSV of every selected option). */
  readonly fieldValues?: Readonly<Record<string, string>>
  readonly tags?: ReadonlyArray<string>
}

/** A new case (`POST /cases`): subject, first message and channel, with its requester, assignment and fields. */
export interface NewCase extends CaseFields {
  readonly subject: string
  readonly contents: string
  readonly channel: (typeof NEW_CASE_CHANNELS)[number]
  /** The mailbox, Twitter account or Facebook page; required except for NOTE. */
  readonly channelId?: number
  readonly channelOptions?: ChannelOptions
  readonly legacyId?: string
  /** Ids of files uploaded with `File.upload` in the same session. */
  readonly attachmentFileIds?: ReadonlyArray<number>
  /** Echoed back on the created post, to recognise it. */
  readonly clientId?: string
}

/** The fields to change on a case (`PUT /cases/:id`); those left out keep their value. */
export interface CaseUpdate extends CaseFields {
  readonly brandId?: number
}

/** The arguments of `GET /cases/:id/posts`: which kinds of post, with cursor paging. */
export interface PostListArgs extends CursorArgs {
  /** Which posts; the default leaves out activities. */
  readonly filters?: ReadonlyArray<(typeof POST_FILTERS)[number]>
}

/** A reply on a case (`POST /cases/:id/reply`): its contents, and the changes to the case made with it. */
export interface Reply {
  readonly contents: string
  readonly channel?: (typeof NEW_CASE_CHANNELS)[number]
  readonly channelId?: number
  readonly channelOptions?: ChannelOptions
  readonly subject?: string
  readonly requesterId?: number
  readonly statusId?: number
  readonly priorityId?: number
  readonly typeId?: number
  readonly assignedTeamId?: number
  readonly assignedAgentId?: number
  readonly tags?: ReadonlyArray<string>
  readonly formId?: number
  readonly source?: (typeof REPLY_SOURCES)[number]
  /** Only `userAgent` is supported by the server. */
  readonly metadata?: { readonly userAgent?: string }
  readonly fieldValues?: Readonly<Record<string, string>>
  readonly attachmentFileIds?: ReadonlyArray<number>
  readonly clientId?: string
}

const PATH = '/cases'

/** `channel_options` is data: sent as the server documents it (`cc` as CSV); total, like the builders. */
const channelOptions = (options: ChannelOptions): Readonly<Record<string, unknown>> => {
  const o: Partial<ChannelOptions> = options ?? {}
  return {
    ...(o.cc !== undefined ? { cc: csv(o.cc) } : {}),
    ...(o.html !== undefined ? { html: o.html } : {}),
    ...(o.type !== undefined ? { type: o.type } : {})
  }
}

const checkChannelOptions = (path: string, value: unknown): V.Issues => {
  const o = (value ?? {}) as Partial<Record<keyof ChannelOptions, unknown>>
  return V.issues(
    V.record(path, value),
    V.optional(o.cc, (cc) =>
      Array.isArray(cc) ? cc.flatMap((e, i) => V.email(`${path}.cc[${i}]`, e)) : [{ path: `${path}.cc`, message: 'must be an array' }]
    ),
    V.optional(o.html, (b) => V.isBoolean(`${path}.html`, b))
  )
}

/** Every field of the inputs that write a case (create, update, reply), described once: wire name, check, encoding. */
const FIELDS: Fields<NewCase & CaseUpdate & Reply, unknown> = {
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  channel: { wire: 'channel', check: (path, value) => V.oneOf(path, value, NEW_CASE_CHANNELS) },
  channelId: { wire: 'channelId', check: V.positiveInt },
  channelOptions: { wire: 'channelOptions', check: checkChannelOptions, encode: channelOptions },
  requesterId: { wire: 'requesterId', check: V.positiveInt },
  assignedTeamId: { wire: 'assignedTeamId', check: V.positiveInt },
  assignedAgentId: { wire: 'assignedAgentId', check: V.positiveInt },
  statusId: { wire: 'statusId', check: V.positiveInt },
  priorityId: { wire: 'priorityId', check: V.positiveInt },
  typeId: { wire: 'typeId', check: V.positiveInt },
  formId: { wire: 'formId', check: V.positiveInt },
  brandId: { wire: 'brandId', check: V.positiveInt },
  fieldValues: { wire: 'fieldValues', check: V.record },
  tags: { wire: 'tags', check: checkTags, encode: csv },
  source: { wire: 'source', check: (path, value) => V.oneOf(path, value, REPLY_SOURCES) },
  // `metadata` is data: its names are sent as the server spells them
  metadata: { wire: 'metadata', check: V.record, encode: (m) => ({ user_agent: (m as { readonly userAgent?: unknown } | null)?.userAgent }) },
  attachmentFileIds: { wire: 'attachmentFileIds', check: V.positiveInts, encode: csv },
  legacyId: { wire: 'legacyId', check: V.isString },
  clientId: { wire: 'clientId', check: V.isString }
}

const NEW_REQUIRED: RequiredFields<NewCase> = { subject: true, contents: true, channel: true }
const REPLY_REQUIRED: RequiredFields<Reply> = { contents: true }

/** Which channel takes which options: a MAIL, TWITTER or FACEBOOK case needs `channelId`, NOTE takes none. */
const channelRules = (input: Partial<NewCase>): V.Issues => {
  const { channel, channelId } = input
  const o = input.channelOptions as Partial<ChannelOptions> | null | undefined
  return V.issues(
    V.when(channel === 'NOTE' && channelId !== undefined, 'channelId', 'is not used with the NOTE channel'),
    typeof channel === 'string' && channel !== 'NOTE' && channelId === undefined
      ? [{ path: 'channelId', message: `is required with the ${channel} channel` }]
      : [],
    V.when(o?.cc !== undefined && channel !== 'MAIL', 'channelOptions.cc', 'is only used with the MAIL channel'),
    V.when(o?.type !== undefined && channel !== 'TWITTER', 'channelOptions.type', 'is only used with the TWITTER channel')
  )
}

/** A reply without a channel answers on the case's own: the channel rules apply only to a given one. */
const replyRules = (input: Partial<Reply>): V.Issues => (input.channel === undefined ? [] : channelRules(input))

/** An array of values from `values`. */
const oneOfEach = (path: string, value: unknown, values: ReadonlyArray<string>): V.Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => V.oneOf(`${path}[${i}]`, v, values)) : [{ path, message: 'must be an array' }]

/** The filters of `GET /cases`, in the order the query has them. */
const LIST_FIELDS: ListFields<CaseListArgs> = {
  identityType: { wire: 'identityType', check: (path, value) => V.oneOf(path, value, IDENTITY_TYPES) },
  identityValue: { wire: 'identityValue', check: V.isString },
  tags: { wire: 'tags', check: checkTags, encode: csv },
  status: { wire: 'status', check: (path, value) => oneOfEach(path, value, STATUS_TYPES) },
  priority: { wire: 'priority', check: V.positiveInt },
  startTime: { wire: 'startTime', check: V.date, encode: (d) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined) },
  ids: { wire: 'ids', check: V.positiveInts },
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv },
  archived: { wire: 'archived', check: V.isBoolean, encode: (b) => (b === true ? 1 : 0) }
}

/** The server takes one of three forms: the filters, or `ids`, or `legacyIds`. */
const listRules = (a: Partial<CaseListArgs>): V.Issues =>
  V.issues(
    V.when((a.identityType === undefined) !== (a.identityValue === undefined), 'identityValue', 'identityType and identityValue go together'),
    V.when(a.ids !== undefined && a.legacyIds !== undefined, 'legacyIds', 'ids and legacyIds cannot be combined'),
    V.when(
      (a.ids !== undefined || a.legacyIds !== undefined) && [a.identityType, a.tags, a.status, a.priority, a.startTime].some((v) => v !== undefined),
      'ids',
      'ids and legacyIds cannot be combined with filters'
    )
  )

const POST_LIST_FIELDS: ListFields<PostListArgs> = {
  filters: { wire: 'filters', check: (path, value) => oneOfEach(path, value, POST_FILTERS) }
}

/** One page of cases, newest update first. */
export const all = /*#__PURE__*/ offsetList<CaseListArgs, Case>('Case.all', PATH, kase, LIST_FIELDS, listRules)

/** One case (`GET /cases/:id`). */
export const get = /*#__PURE__*/ getById('Case.get', PATH, kase)

/** Creates a case (201). A MAIL, TWITTER or FACEBOOK case needs `channelId`; NOTE takes none. */
export const post = /*#__PURE__*/ create<NewCase, Case>('Case.post', PATH, kase, FIELDS, NEW_REQUIRED, channelRules)

/** Changes a case (`PUT /cases/:id`): assignment, status, priority, type, form, fields, tags. */
export const put = /*#__PURE__*/ update<CaseUpdate, Case>('Case.put', PATH, kase, FIELDS)

/** Moves a case to the trash (Agents, Admins, Owners). */
export const trash = (id: number): V1Request<Case> => putRequest('Case.trash', `${PATH}/${segment(id)}/trash`, one(kase), { issues: V.positiveInt('id', id) })

/** Takes a case out of the trash. */
export const restore = (id: number): V1Request<Case> =>
  putRequest('Case.restore', `${PATH}/${segment(id)}/restore`, one(kase), { issues: V.positiveInt('id', id) })

// ---------------------------------------------------------------------------------------------------------------
// Timeline

/**
 * One page of a case's posts, newest first, cursor-paginated: `afterId` gives the posts after that one in this order
 * (older ones), `beforeId` the newer ones. `pages`/`all` follow the cursor.
 */
export const posts = (caseId: number, args: PostListArgs = {}): V1Request<Page<Post>> =>
  getRequest('Case.posts', `${PATH}/${segment(caseId)}/posts`, page(postDecoder), {
    query: cursorQuery(args, POST_LIST_FIELDS),
    issues: V.issues(V.positiveInt('caseId', caseId), checkCursor(args, POST_LIST_FIELDS))
  })

/** Replies on a case (201): the created posts and the case. `channel: 'NOTE'` adds an internal note. */
export const reply = (caseId: number, input: Reply): V1Request<CaseReply> =>
  postRequest('Case.reply', `${PATH}/${segment(caseId)}/reply`, one(caseReply), {
    issues: V.issues(V.positiveInt('caseId', caseId), checkFields(FIELDS, REPLY_REQUIRED, input, replyRules)),
    body: json(wireValues(FIELDS, input))
  })

// ---------------------------------------------------------------------------------------------------------------
// Notes

/** The case as the parent of notes and tags. */
const PARENT: Parent = { module: 'Case', path: PATH, idName: 'caseId' }

/** One page of a case's notes (`GET /cases/:id/notes`). */
export const notes = (caseId: number, args: OffsetArgs = {}): V1Request<Page<Note>> => relatedPage(PARENT, 'notes', note, caseId, args)

/** Adds an internal note on a case (`POST /cases/:id/notes`, 201). */
export const addNote = (caseId: number, input: NewNote): V1Request<Note> => addNoteTo(PARENT, caseId, input)

// ---------------------------------------------------------------------------------------------------------------
// Tags (`tags` is CSV on the wire)

/** The case's tags (`GET /cases/:id/tags`). */
export const tags = (caseId: number): V1Request<ReadonlyArray<Tag>> => listTags(PARENT, caseId)

/** Adds tags, keeping the others. */
export const addTags = (caseId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => addTagsTo(PARENT, caseId, names)

/** Replaces all tags. */
export const replaceTags = (caseId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => replaceTagsOf(PARENT, caseId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (caseId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(PARENT, caseId, names)

// ---------------------------------------------------------------------------------------------------------------
// Custom field values

/** The case's custom field values (`/cases/:id/field/values`), each with its field. */
export const fieldValues = (caseId: number): V1Request<ReadonlyArray<CustomFieldValue>> =>
  getRequest('Case.fieldValues', `${PATH}/${segment(caseId)}/field/values`, many(customFieldValue), { issues: V.positiveInt('caseId', caseId) })

export { get as find, post as save, put as update }

// ---------------------------------------------------------------------------------------------------------------
// Work records, merging and bulk changes (issue 15)

/** The orders {@link activities} can list in (`sortOrder`). */
export const ACTIVITY_SORT_ORDERS = ['ASC', 'DESC'] as const

/**
 * The most ids one bulk call takes. The spec documents 200 for bulk creation (§2.14) and no limit for `?ids=`; the
 * same bound is kept so that a large batch is split by the caller rather than refused halfway by the server.
 */
export const BULK_LIMIT = 200

/**
 * A case's activities (its audit trail), date-paginated (spec §2.9): `since` gives the entries after that time,
 * `until` those before it, one of them at a time; a page may hold more than `limit` entries when times tie.
 */
export interface ActivityListArgs {
  readonly since?: Date
  readonly until?: Date
  /** Only entries that weigh at least this much. */
  readonly minimumWeight?: number
  /** Default ASC (oldest first). */
  readonly sortOrder?: (typeof ACTIVITY_SORT_ORDERS)[number]
  readonly limit?: number
}

/** The fields a bulk update may change (spec §3.1, `PUT /cases?ids=`). */
export type CaseBulkUpdate = Pick<CaseUpdate, 'requesterId' | 'assignedTeamId' | 'assignedAgentId' | 'statusId' | 'priorityId' | 'typeId' | 'tags'>

const isoDate = (d: unknown): string | undefined => (d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined)

const ACTIVITY_FIELDS: Fields<ActivityListArgs, unknown> = {
  since: { wire: 'since', check: V.date, encode: isoDate },
  until: { wire: 'until', check: V.date, encode: isoDate },
  minimumWeight: {
    wire: 'minimumWeight',
    check: (path, value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? [] : [{ path, message: 'must be a number ≥ 0' }])
  },
  sortOrder: { wire: 'sortOrder', check: (path, value) => V.oneOf(path, value, ACTIVITY_SORT_ORDERS) },
  limit: { wire: 'limit', check: V.positiveInt }
}

const activityRules = (a: Partial<ActivityListArgs>): V.Issues =>
  V.when(a.since !== undefined && a.until !== undefined, 'until', 'only one of since and until may be given')

/** A case's activities, oldest first unless `sortOrder: 'DESC'`; `pages`/`collect` follow the dates. */
export const activities = (caseId: number, args: ActivityListArgs = {}): V1Request<Page<Activity>> =>
  getRequest('Case.activities', `${PATH}/${segment(caseId)}/activities`, page(activity), {
    // every name is in the query, set or not: the next page sets `since` or `until` in its place
    query: { since: undefined, until: undefined, ...(wireValues(ACTIVITY_FIELDS, args) as Query) },
    issues: V.issues(
      V.positiveInt('caseId', caseId),
      V.input(args, (a) => checkFields(ACTIVITY_FIELDS, NOTHING_REQUIRED, a, activityRules), 'args')
    )
  })

/** Ids for a bulk call: 1 to `BULK_LIMIT` distinct positive integers (duplicates are PARAMETERS_INCONSISTENT, §2.14). */
const checkBulkIds = (path: string, ids: unknown): V.Issues => {
  if (!Array.isArray(ids) || ids.length === 0) return [{ path, message: 'must be a non-empty array of ids' }]
  return V.issues(
    V.positiveInts(path, ids),
    V.when(ids.length > BULK_LIMIT, path, `at most ${BULK_LIMIT} ids per call, got ${ids.length}: split the batch`),
    V.when(new Set(ids).size !== ids.length, path, 'must not repeat an id')
  )
}

/**
 * Merges cases into `caseId` (their posts move to it; they are closed and marked `isMerged`). Answers the case
 * merged into. The body's name (`case_ids`) is UNCONFIRMED: the endpoint is known from Kayako's agent app only.
 */
export const merge = (caseId: number, ids: ReadonlyArray<number>): V1Request<Case> =>
  postRequest('Case.merge', `${PATH}/${segment(caseId)}/merge`, one(kase), {
    issues: V.issues(
      V.positiveInt('caseId', caseId),
      checkBulkIds('ids', ids),
      V.when(Array.isArray(ids) && ids.includes(caseId), 'ids', 'must not include the case merged into')
    ),
    body: json({ caseIds: csv(ids) })
  })

/** The latest satisfaction ratings of cases, newest first. */
export const recentRatings = (args: OffsetArgs = {}): V1Request<Page<Rating>> =>
  getRequest('Case.recentRatings', `${PATH}/ratings/recent`, page(rating), { query: offsetQuery(args), issues: checkOffset(args) })

const BULK_REQUIRED = ['requesterId', 'assignedTeamId', 'assignedAgentId', 'statusId', 'priorityId', 'typeId', 'tags'] as const

/** Changes many cases at once (`PUT /cases?ids=`); answers how many were changed. */
export const updateMany = (ids: ReadonlyArray<number>, changes: CaseBulkUpdate): V1Request<number> =>
  putRequest('Case.updateMany', PATH, count, {
    query: { ids: Array.isArray(ids) ? ids : undefined },
    issues: V.issues(
      checkBulkIds('ids', ids),
      V.input(
        changes,
        (c) =>
          V.issues(
            checkFields(FIELDS, NOTHING_REQUIRED, c),
            V.when(!BULK_REQUIRED.some((k) => (c as Record<string, unknown>)[k] !== undefined), 'changes', `must change one of ${BULK_REQUIRED.join(', ')}`)
          ),
        'changes'
      )
    ),
    body: json(wireValues(FIELDS, changes))
  })

/** Moves many cases to the trash (`PUT /cases/trash?ids=`); answers how many were moved. */
export const trashMany = (ids: ReadonlyArray<number>): V1Request<number> =>
  putRequest('Case.trashMany', `${PATH}/trash`, count, { query: { ids: Array.isArray(ids) ? ids : undefined }, issues: checkBulkIds('ids', ids) })
