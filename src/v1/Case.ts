/**
 * Case — `/cases` (spec §3.1 cases, §3.2 case, §3.3 writes): list with filters, get, create, update, trash and
 * restore, tags, the timeline (posts, cursor-paginated), reply, notes.
 */
import * as V from '../core/validate'
import { caseReply, kase, note, post as postDecoder, type Case, type CaseReply, type Note, type Post, type Tag } from './entities'
import {
  checkCursor,
  checkNote,
  checkOffset,
  checkTags,
  csv,
  getRequest,
  json,
  noteBody,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type CursorArgs,
  type NewNote,
  type OffsetArgs,
  type Page,
  type V1Request
} from './request'
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf, type Taggable } from './tagging'

export type { Case, CaseReply, CaseState, Note, Post, PostSource, PostStatus, Tag } from './entities'
export type { NewNote } from './request'

export const IDENTITY_TYPES = ['EMAIL', 'FACEBOOK', 'TWITTER', 'PHONE'] as const
export const STATUS_TYPES = ['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED', 'CUSTOM'] as const
export const NEW_CASE_CHANNELS = ['MAIL', 'TWITTER', 'FACEBOOK', 'NOTE'] as const
export const POST_FILTERS = [
  'ALL', 'ACTIVITIES', 'MESSAGES', 'NOTES', 'SHADOW_POSTS', 'CHAT_MESSAGES', 'FACEBOOK_POSTS', 'FACEBOOK_POST_COMMENTS',
  'FACEBOOK_MESSAGES', 'TWEETS', 'TWITTER_MESSAGES'
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

const ids = (names: ReadonlyArray<string>, input: Record<string, unknown>): V.Issues =>
  names.flatMap((name) => V.optional(input[name], (n) => V.positiveInt(name, n)))

const checkCaseFields = (input: CaseFields & { readonly brandId?: number }): V.Issues =>
  V.issues(
    V.optional(input.subject, (s) => V.nonBlank('subject', s)),
    ids(['requesterId', 'assignedTeamId', 'assignedAgentId', 'statusId', 'priorityId', 'typeId', 'formId', 'brandId'], input as Record<string, unknown>),
    V.optional(input.fieldValues, (v) => V.record('fieldValues', v)),
    V.optional(input.tags, (t) => checkTags('tags', t))
  )

const checkChannel = (channel: string | undefined, channelId: number | undefined, options: ChannelOptions | undefined): V.Issues =>
  V.issues(
    V.optional(channel, (c) => V.oneOf('channel', c, NEW_CASE_CHANNELS)),
    V.optional(channelId, (n) => V.positiveInt('channelId', n)),
    V.when(channel === 'NOTE' && channelId !== undefined, 'channelId', 'is not used with the NOTE channel'),
    V.when(channel !== undefined && channel !== 'NOTE' && channelId === undefined, 'channelId', `is required with the ${channel} channel`),
    V.optional(options, (o) =>
      V.issues(
        V.record('channelOptions', o),
        V.when(o?.cc !== undefined && channel !== 'MAIL', 'channelOptions.cc', 'is only used with the MAIL channel'),
        V.optional(o?.cc, (cc) => (Array.isArray(cc) ? cc.flatMap((e, i) => V.email(`channelOptions.cc[${i}]`, e)) : [{ path: 'channelOptions.cc', message: 'must be an array' }])),
        V.when(o?.type !== undefined && channel !== 'TWITTER', 'channelOptions.type', 'is only used with the TWITTER channel'),
        V.optional(o?.html, (b) => V.isBoolean('channelOptions.html', b))
      )
    )
  )

/** `channel_options` is data: sent as the server documents it (`cc` as CSV). */
const channelOptions = (options: ChannelOptions | undefined) =>
  options === undefined ? undefined : { ...(options.cc !== undefined ? { cc: csv(options.cc) } : {}), ...(options.html !== undefined ? { html: options.html } : {}), ...(options.type !== undefined ? { type: options.type } : {}) }

const caseFieldsBody = (input: CaseFields) => ({
  subject: input?.subject,
  requesterId: input?.requesterId,
  assignedTeamId: input?.assignedTeamId,
  assignedAgentId: input?.assignedAgentId,
  statusId: input?.statusId,
  priorityId: input?.priorityId,
  typeId: input?.typeId,
  formId: input?.formId,
  fieldValues: input?.fieldValues,
  tags: csv(input?.tags)
})

const checkList = (a: CaseListArgs): V.Issues =>
  V.issues(
    checkOffset(a),
    V.optional(a.identityType, (t) => V.oneOf('identityType', t, IDENTITY_TYPES)),
    V.when((a.identityType === undefined) !== (a.identityValue === undefined), 'identityValue', 'identityType and identityValue go together'),
    V.optional(a.status, (s) => (Array.isArray(s) ? s.flatMap((v, i) => V.oneOf(`status[${i}]`, v, STATUS_TYPES)) : [{ path: 'status', message: 'must be an array' }])),
    V.optional(a.priority, (n) => V.positiveInt('priority', n)),
    V.optional(a.startTime, (d) => V.date('startTime', d)),
    V.optional(a.tags, (t) => checkTags('tags', t)),
    V.optional(a.ids, (n) => V.positiveInts('ids', n)),
    V.when(a.ids !== undefined && a.legacyIds !== undefined, 'legacyIds', 'ids and legacyIds cannot be combined'),
    V.when(
      (a.ids !== undefined || a.legacyIds !== undefined) &&
        [a.identityType, a.tags, a.status, a.priority, a.startTime].some((v) => v !== undefined),
      'ids',
      'ids and legacyIds cannot be combined with filters'
    )
  )

/** One page of cases, newest update first. */
export const all = (args: CaseListArgs = {}): V1Request<Page<Case>> =>
  getRequest('Case.all', PATH, page(kase), {
    query: {
      identityType: args?.identityType,
      identityValue: args?.identityValue,
      tags: args?.tags,
      status: args?.status,
      priority: args?.priority,
      startTime: args?.startTime instanceof Date && !Number.isNaN(args?.startTime.getTime()) ? args?.startTime.toISOString() : undefined,
      ids: args?.ids,
      legacyIds: args?.legacyIds,
      offset: args?.offset,
      limit: args?.limit
    },
    issues: V.input(args, checkList, 'args')
  })

export const get = (id: number): V1Request<Case> => getRequest('Case.get', `${PATH}/${segment(id)}`, one(kase), { issues: V.positiveInt('id', id) })

/** Creates a case (201). A MAIL, TWITTER or FACEBOOK case needs `channelId`; NOTE takes none. */
export const post = (input: NewCase): V1Request<Case> =>
  postRequest('Case.post', PATH, one(kase), {
    issues: V.input(input, (i) =>
      V.issues(
        V.nonBlank('subject', i.subject),
        V.nonBlank('contents', i.contents),
        V.oneOf('channel', i.channel, NEW_CASE_CHANNELS),
        checkChannel(i.channel, i.channelId, i.channelOptions),
        checkCaseFields(i),
        V.optional(i.attachmentFileIds, (n) => V.positiveInts('attachmentFileIds', n))
      )
    ),
    body: json({
      ...caseFieldsBody(input),
      contents: input?.contents,
      channel: input?.channel,
      channelId: input?.channelId,
      channelOptions: channelOptions(input?.channelOptions),
      legacyId: input?.legacyId,
      attachmentFileIds: csv(input?.attachmentFileIds),
      clientId: input?.clientId
    })
  })

export const put = (id: number, input: CaseUpdate): V1Request<Case> =>
  putRequest('Case.put', `${PATH}/${segment(id)}`, one(kase), {
    issues: V.issues(V.positiveInt('id', id), V.input(input, checkCaseFields)),
    body: json({ ...caseFieldsBody(input), brandId: input?.brandId })
  })

/** Moves a case to the trash (Agents, Admins, Owners). */
export const trash = (id: number): V1Request<Case> =>
  putRequest('Case.trash', `${PATH}/${segment(id)}/trash`, one(kase), { issues: V.positiveInt('id', id) })

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
    query: { afterId: args?.afterId, beforeId: args?.beforeId, filters: args?.filters, limit: args?.limit },
    issues: V.issues(
      V.positiveInt('caseId', caseId),
      V.input(
        args,
        (a) =>
          V.issues(
            checkCursor(a),
            V.optional(a.filters, (f) => (Array.isArray(f) ? f.flatMap((v, i) => V.oneOf(`filters[${i}]`, v, POST_FILTERS)) : [{ path: 'filters', message: 'must be an array' }]))
          ),
        'args'
      )
    )
  })

/** Replies on a case (201): the created posts and the case. `channel: 'NOTE'` adds an internal note. */
export const reply = (caseId: number, input: Reply): V1Request<CaseReply> =>
  postRequest('Case.reply', `${PATH}/${segment(caseId)}/reply`, one(caseReply), {
    issues: V.issues(
      V.positiveInt('caseId', caseId),
      V.input(input, (i) =>
        V.issues(
          V.nonBlank('contents', i.contents),
          i.channel === undefined ? V.optional(i.channelId, (n) => V.positiveInt('channelId', n)) : checkChannel(i.channel, i.channelId, i.channelOptions),
          checkCaseFields(i),
          V.optional(i.source, (s) => V.oneOf('source', s, REPLY_SOURCES)),
          V.optional(i.metadata, (m) => V.record('metadata', m)),
          V.optional(i.attachmentFileIds, (n) => V.positiveInts('attachmentFileIds', n))
        )
      )
    ),
    body: json({
      ...caseFieldsBody(input),
      contents: input?.contents,
      channel: input?.channel,
      channelId: input?.channelId,
      channelOptions: channelOptions(input?.channelOptions),
      source: input?.source,
      metadata: input?.metadata === undefined ? undefined : { user_agent: input.metadata.userAgent },
      attachmentFileIds: csv(input?.attachmentFileIds),
      clientId: input?.clientId
    })
  })

// ---------------------------------------------------------------------------------------------------------------
// Notes

export const notes = (caseId: number, args: OffsetArgs = {}): V1Request<Page<Note>> =>
  getRequest('Case.notes', `${PATH}/${segment(caseId)}/notes`, page(note), {
    query: { offset: args?.offset, limit: args?.limit },
    issues: V.issues(V.positiveInt('caseId', caseId), V.input(args, checkOffset, 'args'))
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
export const replaceTags = (caseId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  replaceTagsOf(TAGGABLE, caseId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (caseId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(TAGGABLE, caseId, names)

export { get as find, post as save, put as update }
