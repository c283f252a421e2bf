/**
 * Case — `/cases` (spec §3.1 cases, §3.2 case, §3.3 writes): list with filters, get, create, update, trash and
 * restore, tags, the timeline (posts, cursor-paginated), reply, notes.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { caseReply, kase, type Case, type CaseReply } from './internal/entities/case'
import { customFieldValue, type CustomFieldValue } from './internal/entities/caseField'
import { note, type Note } from './internal/entities/note'
import { post as postDecoder, type Post } from './internal/entities/post'
import type { Tag } from './internal/entities/tag'
import {
  checkCursor,
  checkNote,
  checkOffset,
  checkStrings,
  checkTags,
  csv,
  cursorQuery,
  getRequest,
  json,
  many,
  noteBody,
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
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf, type Taggable } from './internal/tagging'

export type { Case, CaseReply, CaseState } from './internal/entities/case'
export type { CustomFieldValue } from './internal/entities/caseField'
export type { Note } from './internal/entities/note'
export type { Post, PostSource, PostStatus } from './internal/entities/post'
export type { Tag } from './internal/entities/tag'
export type { NewNote } from './internal/request'

export const IDENTITY_TYPES = ['EMAIL', 'FACEBOOK', 'TWITTER', 'PHONE'] as const
export const STATUS_TYPES = ['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED', 'CUSTOM'] as const
export const NEW_CASE_CHANNELS = ['MAIL', 'TWITTER', 'FACEBOOK', 'NOTE'] as const
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
}

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

export interface CaseUpdate extends CaseFields {
  readonly brandId?: number
}

export interface PostListArgs extends CursorArgs {
  /** Which posts; the default leaves out activities. */
  readonly filters?: ReadonlyArray<(typeof POST_FILTERS)[number]>
}

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
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv }
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
export const all = (args: CaseListArgs = {}): V1Request<Page<Case>> =>
  getRequest('Case.all', PATH, page(kase), { query: offsetQuery(args, LIST_FIELDS), issues: checkOffset(args, LIST_FIELDS, listRules) })

export const get = (id: number): V1Request<Case> => getRequest('Case.get', `${PATH}/${segment(id)}`, one(kase), { issues: V.positiveInt('id', id) })

/** Creates a case (201). A MAIL, TWITTER or FACEBOOK case needs `channelId`; NOTE takes none. */
export const post = (input: NewCase): V1Request<Case> =>
  postRequest('Case.post', PATH, one(kase), { issues: checkFields(FIELDS, NEW_REQUIRED, input, channelRules), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: CaseUpdate): V1Request<Case> =>
  putRequest('Case.put', `${PATH}/${segment(id)}`, one(kase), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

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

export const notes = (caseId: number, args: OffsetArgs = {}): V1Request<Page<Note>> =>
  getRequest('Case.notes', `${PATH}/${segment(caseId)}/notes`, page(note), {
    query: offsetQuery(args),
    issues: V.issues(V.positiveInt('caseId', caseId), checkOffset(args))
  })

export const addNote = (caseId: number, input: NewNote): V1Request<Note> =>
  postRequest('Case.addNote', `${PATH}/${segment(caseId)}/notes`, one(note), {
    issues: V.issues(V.positiveInt('caseId', caseId), checkNote(input)),
    body: noteBody(input)
  })

// ---------------------------------------------------------------------------------------------------------------
// Tags (`tags` is CSV on the wire)

const TAGGABLE: Taggable = { module: 'Case', path: PATH, idName: 'caseId' }

export const tags = (caseId: number): V1Request<ReadonlyArray<Tag>> => listTags(TAGGABLE, caseId)

/** Adds tags, keeping the others. */
export const addTags = (caseId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => addTagsTo(TAGGABLE, caseId, names)

/** Replaces all tags. */
export const replaceTags = (caseId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => replaceTagsOf(TAGGABLE, caseId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (caseId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(TAGGABLE, caseId, names)

// ---------------------------------------------------------------------------------------------------------------
// Custom field values

/** The case's custom field values (`/cases/:id/field/values`), each with its field. */
export const fieldValues = (caseId: number): V1Request<ReadonlyArray<CustomFieldValue>> =>
  getRequest('Case.fieldValues', `${PATH}/${segment(caseId)}/field/values`, many(customFieldValue), { issues: V.positiveInt('caseId', caseId) })

export { get as find, post as save, put as update }
