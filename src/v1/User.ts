/**
 * User — `/users` (spec §3.1 users area, §3.2 user), with the user's notes (`/users/:id/notes`) and tags
 * (`/users/:id/tags`). Create/update parameters follow Kayako's agent app (the doc pages were cut off).
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { RELATED_CASE_FIELDS, type RelatedCaseListArgs } from './internal/caseFilters'
import { addNoteTo, create, deleteById, getById, offsetList, relatedPage, update, type Parent } from './internal/endpoints'
import { kase, type Case } from './internal/entities/case'
import { note, type Note } from './internal/entities/note'
import { organization, user, type Organization, type User } from './internal/entities/people'
import type { Tag } from './internal/entities/tag'
import { checkStrings, checkTags, csv, getRequest, one, type ListFields, type NewNote, type OffsetArgs, type Page, type V1Request } from './internal/request'
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf } from './internal/tagging'

export type { CaseStatusType, RelatedCaseListArgs } from './internal/caseFilters'
export { CASE_STATUS_TYPES } from './internal/caseFilters'
export type { Case } from './internal/entities/case'
export type { Note, NoteColor } from './internal/entities/note'
export type { Organization, OrganizationCaseAccess, User } from './internal/entities/people'
export type { AgentCaseAccess } from './internal/entities/role'
export type { Tag } from './internal/entities/tag'
export type { NewNote } from './internal/request'

/** Which cases an agent sees: their own, their teams', the role's setting, or all. */
export const AGENT_CASE_ACCESS = ['SELF', 'TEAMS', 'INHERIT-FROM-ROLE', 'ALL'] as const
/** Which cases a customer sees: those they requested, or all of their organization's. */
export const ORGANIZATION_CASE_ACCESS = ['REQUESTED', 'ORGANIZATION'] as const

/** The filters of `GET /users` (`ids`, `legacy_ids`, `role`), with offset paging. */
export interface UserListArgs extends OffsetArgs {
  readonly ids?: ReadonlyArray<number>
  readonly legacyIds?: ReadonlyArray<string>
  /** A role type, e.g. `AGENT` (UNCONFIRMED by the docs; seen in clients). */
  readonly role?: string
}

/** A new user (`POST /users`): a name and a role (which makes them an agent or a customer), and the rest optional. */
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

/** The fields to change on a user (`PUT /users/:id`); those left out keep their value. */
export type UserUpdate = Partial<NewUser>

/** The filter of `GET /users/:id/notes` (`is_pinned`), with offset paging. */
export interface NoteListArgs extends OffsetArgs {
  readonly isPinned?: boolean
}

const PATH = '/users'

/** Every field of a user's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewUser, unknown> = {
  fullName: { wire: 'fullName', check: V.nonBlank },
  roleId: { wire: 'roleId', check: V.positiveInt },
  email: { wire: 'email', check: V.email },
  designation: { wire: 'designation', check: V.isString },
  alias: { wire: 'alias', check: V.isString },
  isEnabled: { wire: 'isEnabled', check: V.isBoolean },
  organizationId: { wire: 'organizationId', check: V.positiveInt },
  teamIds: { wire: 'teamIds', check: V.positiveInts, encode: csv },
  localeId: { wire: 'localeId', check: V.positiveInt },
  timeZone: { wire: 'timeZone', check: V.isString },
  greeting: { wire: 'greeting', check: V.isString },
  signature: { wire: 'signature', check: V.isString },
  statusMessage: { wire: 'statusMessage', check: V.isString },
  agentCaseAccess: { wire: 'agentCaseAccess', check: (path, value) => V.oneOf(path, value, AGENT_CASE_ACCESS) },
  organizationCaseAccess: { wire: 'organizationCaseAccess', check: (path, value) => V.oneOf(path, value, ORGANIZATION_CASE_ACCESS) },
  tags: { wire: 'tags', check: checkTags, encode: csv },
  fieldValues: { wire: 'fieldValues', check: V.record }
}

const NEW_REQUIRED: RequiredFields<NewUser> = { fullName: true, roleId: true }

const LIST_FIELDS: ListFields<UserListArgs> = {
  ids: { wire: 'ids', check: V.positiveInts },
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv },
  role: { wire: 'role', check: V.isString }
}

const NOTE_LIST_FIELDS: ListFields<NoteListArgs> = {
  isPinned: { wire: 'isPinned', check: V.isBoolean }
}

/** One page of users. */
export const all = /*#__PURE__*/ offsetList<UserListArgs, User>('User.all', PATH, user, LIST_FIELDS)

/** One user (`GET /users/:id`). */
export const get = /*#__PURE__*/ getById('User.get', PATH, user)

/** The user the executor is authenticated as (`GET /me`). */
export const me = (): V1Request<User> => getRequest('User.me', '/me', one(user))

/** Creates a user (201); `email` becomes their primary e-mail address. */
export const post = /*#__PURE__*/ create<NewUser, User>('User.post', PATH, user, FIELDS, NEW_REQUIRED)

/** Changes a user (`PUT /users/:id`). */
export const put = /*#__PURE__*/ update<UserUpdate, User>('User.put', PATH, user, FIELDS)

/** Deletes a user (`DELETE /users/:id`). */
const del = /*#__PURE__*/ deleteById('User.delete', PATH)

/** The user as the parent of notes, tags, cases and organizations. */
const PARENT: Parent = { module: 'User', path: PATH, idName: 'userId' }

// ---------------------------------------------------------------------------------------------------------------
// Notes

/** Notes on the user and the user's organization, newest first. */
export const notes = (userId: number, args: NoteListArgs = {}): V1Request<Page<Note>> => relatedPage(PARENT, 'notes', note, userId, args, NOTE_LIST_FIELDS)

/** Adds a note on the user (`POST /users/:id/notes`, 201). */
export const addNote = (userId: number, input: NewNote): V1Request<Note> => addNoteTo(PARENT, userId, input)

// ---------------------------------------------------------------------------------------------------------------
// Tags (`tags` is CSV on the wire)

/** The user's tags (`GET /users/:id/tags`). */
export const tags = (userId: number): V1Request<ReadonlyArray<Tag>> => listTags(PARENT, userId)

/** Adds tags, keeping the others. */
export const addTags = (userId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => addTagsTo(PARENT, userId, names)

/** Replaces all tags. */
export const replaceTags = (userId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => replaceTagsOf(PARENT, userId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (userId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(PARENT, userId, names)

// ---------------------------------------------------------------------------------------------------------------
// Relations

/** Omits `priority`: the docs filter a user's cases by status only. */
export type UserCaseListArgs = Omit<RelatedCaseListArgs, 'priority'>

/** One page of the cases the user requested (`/users/:id/cases`), newest update first. */
export const cases = (userId: number, args: UserCaseListArgs = {}): V1Request<Page<Case>> =>
  relatedPage(PARENT, 'cases', kase, userId, args, RELATED_CASE_FIELDS)

/** One page of the organizations the user belongs to (`/users/:id/organizations`). */
export const organizations = (userId: number, args: OffsetArgs = {}): V1Request<Page<Organization>> =>
  relatedPage(PARENT, 'organizations', organization, userId, args)

export { del as delete, get as find, post as save, put as update, del as destroy }
