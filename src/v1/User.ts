/**
 * User — `/users` (spec §3.1 users area, §3.2 user), with the user's notes (`/users/:id/notes`) and tags
 * (`/users/:id/tags`). Create/update parameters follow Kayako's agent app (the doc pages were cut off).
 */
import * as V from '../core/validate'
import { note, user, type Note, type Tag, type User } from './entities'
import {
  checkNote,
  checkOffset,
  checkTags,
  csv,
  deleteRequest,
  getRequest,
  json,
  none,
  noteBody,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type NewNote,
  type OffsetArgs,
  type Page,
  type V1Request
} from './request'
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf, type Taggable } from './tagging'

export type { AgentCaseAccess, Note, OrganizationCaseAccess, Tag, User } from './entities'
export type { NewNote } from './request'

export const AGENT_CASE_ACCESS = ['SELF', 'TEAMS', 'INHERIT-FROM-ROLE', 'ALL'] as const
export const ORGANIZATION_CASE_ACCESS = ['REQUESTED', 'ORGANIZATION'] as const

export interface UserListArgs extends OffsetArgs {
  readonly ids?: ReadonlyArray<number>
  readonly legacyIds?: ReadonlyArray<string>
  /** A role type, e.g. `AGENT` (UNCONFIRMED by the docs; seen in clients). */
  readonly role?: string
}

export interface NewUser {
  readonly fullName: string
  readonly roleId: number
  /** The primary e-mail address. */
  readonly email?: string
  readonly designation?: string
  readonly alias?: string
  readonly isEnabled?: boolean
  readonly organizationId?: number
  readonly teamIds?: ReadonlyArray<number>
  readonly localeId?: number
  readonly timeZone?: string
  readonly greeting?: string
  readonly signature?: string
  readonly statusMessage?: string
  readonly agentCaseAccess?: (typeof AGENT_CASE_ACCESS)[number]
  readonly organizationCaseAccess?: (typeof ORGANIZATION_CASE_ACCESS)[number]
  readonly tags?: ReadonlyArray<string>
  /** Custom field values by field key, sent as they are. */
  readonly fieldValues?: Readonly<Record<string, string>>
}

export type UserUpdate = Partial<NewUser>

export interface NoteListArgs extends OffsetArgs {
  readonly isPinned?: boolean
}

const PATH = '/users'

const checkFields = (input: UserUpdate): V.Issues =>
  V.issues(
    V.optional(input.fullName, (n) => V.nonBlank('fullName', n)),
    V.optional(input.roleId, (n) => V.positiveInt('roleId', n)),
    V.optional(input.email, (e) => V.email('email', e)),
    V.optional(input.isEnabled, (b) => V.isBoolean('isEnabled', b)),
    V.optional(input.organizationId, (n) => V.positiveInt('organizationId', n)),
    V.optional(input.teamIds, (ids) => V.positiveInts('teamIds', ids)),
    V.optional(input.localeId, (n) => V.positiveInt('localeId', n)),
    V.optional(input.agentCaseAccess, (a) => V.oneOf('agentCaseAccess', a, AGENT_CASE_ACCESS)),
    V.optional(input.organizationCaseAccess, (a) => V.oneOf('organizationCaseAccess', a, ORGANIZATION_CASE_ACCESS)),
    V.optional(input.tags, (tags) => checkTags('tags', tags)),
    V.optional(input.fieldValues, (v) => V.record('fieldValues', v))
  )

const body = (input: UserUpdate) =>
  json({
    fullName: input?.fullName,
    roleId: input?.roleId,
    email: input?.email,
    designation: input?.designation,
    alias: input?.alias,
    isEnabled: input?.isEnabled,
    organizationId: input?.organizationId,
    teamIds: csv(input?.teamIds),
    localeId: input?.localeId,
    timeZone: input?.timeZone,
    greeting: input?.greeting,
    signature: input?.signature,
    statusMessage: input?.statusMessage,
    agentCaseAccess: input?.agentCaseAccess,
    organizationCaseAccess: input?.organizationCaseAccess,
    tags: csv(input?.tags),
    fieldValues: input?.fieldValues
  })

/** One page of users. */
export const all = (args: UserListArgs = {}): V1Request<Page<User>> =>
  getRequest('User.all', PATH, page(user), {
    query: { ids: args?.ids, legacyIds: args?.legacyIds, role: args?.role, offset: args?.offset, limit: args?.limit },
    issues: V.input(args, (a) => V.issues(checkOffset(a), V.optional(a.ids, (ids) => V.positiveInts('ids', ids))))
  })

export const get = (id: number): V1Request<User> => getRequest('User.get', `${PATH}/${segment(id)}`, one(user), { issues: V.positiveInt('id', id) })

/** The user the executor is authenticated as (`GET /me`). */
export const me = (): V1Request<User> => getRequest('User.me', '/me', one(user))

export const post = (input: NewUser): V1Request<User> =>
  postRequest('User.post', PATH, one(user), {
    issues: V.input(input, (i) => V.issues(V.nonBlank('fullName', i.fullName), V.positiveInt('roleId', i.roleId), checkFields(i))),
    body: body(input)
  })

export const put = (id: number, input: UserUpdate): V1Request<User> =>
  putRequest('User.put', `${PATH}/${segment(id)}`, one(user), { issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)), body: body(input) })

const del = (id: number): V1Request<void> => deleteRequest('User.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

// ---------------------------------------------------------------------------------------------------------------
// Notes

/** Notes on the user and the user's organization, newest first. */
export const notes = (userId: number, args: NoteListArgs = {}): V1Request<Page<Note>> =>
  getRequest('User.notes', `${PATH}/${segment(userId)}/notes`, page(note), {
    query: { isPinned: args?.isPinned, offset: args?.offset, limit: args?.limit },
    issues: V.issues(V.positiveInt('userId', userId), V.input(args, checkOffset, 'args'))
  })

export const addNote = (userId: number, input: NewNote): V1Request<Note> =>
  postRequest('User.addNote', `${PATH}/${segment(userId)}/notes`, one(note), {
    issues: V.issues(V.positiveInt('userId', userId), checkNote(input)),
    body: noteBody(input)
  })

// ---------------------------------------------------------------------------------------------------------------
// Tags (`tags` is CSV on the wire)

const TAGGABLE: Taggable = { module: 'User', path: PATH, idName: 'userId' }

export const tags = (userId: number): V1Request<ReadonlyArray<Tag>> => listTags(TAGGABLE, userId)

/** Adds tags, keeping the others. */
export const addTags = (userId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => addTagsTo(TAGGABLE, userId, names)

/** Replaces all tags. */
export const replaceTags = (userId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  replaceTagsOf(TAGGABLE, userId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (userId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(TAGGABLE, userId, names)

export { del as delete, get as find, post as save, put as update, del as destroy }
