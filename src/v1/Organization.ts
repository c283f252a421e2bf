/**
 * Organization — `/organizations` (spec §3.2 organization). Create/update parameters follow Kayako's agent app.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { RELATED_CASE_FIELDS, type RelatedCaseListArgs } from './internal/caseFilters'
import { addNoteTo, create, deleteById, getById, offsetList, relatedPage, update, type Parent } from './internal/endpoints'
import { kase, type Case } from './internal/entities/case'
import { note, type Note } from './internal/entities/note'
import { organization, user, type Organization, type User } from './internal/entities/people'
import type { Tag } from './internal/entities/tag'
import { checkStrings, csv, type ListFields, type NewNote, type OffsetArgs, type Page, type V1Request } from './internal/request'
import { addTags as addTagsTo, listTags, removeTags as removeTagsFrom, replaceTags as replaceTagsOf } from './internal/tagging'

export type { CaseStatusType, RelatedCaseListArgs as OrganizationCaseListArgs } from './internal/caseFilters'
export { CASE_STATUS_TYPES } from './internal/caseFilters'
export type { Case } from './internal/entities/case'
export type { Note, NoteColor } from './internal/entities/note'
export type { Organization, User } from './internal/entities/people'
export type { Tag } from './internal/entities/tag'
export type { NewNote } from './internal/request'

/** The filter of `GET /organizations` (`legacy_ids`), with offset paging. */
export interface OrganizationListArgs extends OffsetArgs {
  readonly legacyIds?: ReadonlyArray<string>
}

/** A new organization (`POST /organizations`): its name, and optionally its domains, tags and custom field values. */
export interface NewOrganization {
  readonly name: string
  /** Plan-dependent. */
  readonly isShared?: boolean
  /** Domain names (`example.com`), sent as CSV. */
  readonly domains?: ReadonlyArray<string>
  readonly tags?: ReadonlyArray<string>
  /** Custom field values by field key, sent as they are. */
  readonly fieldValues?: Readonly<Record<string, string>>
}

/** The fields to change on an organization (`PUT /organizations/:id`); a list given replaces the current one. */
export type OrganizationUpdate = Partial<NewOrganization>

const PATH = '/organizations'

/** A list of non-blank names (may be empty: it replaces the current list). */
const nonBlanks = (path: string, value: unknown): V.Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => V.nonBlank(`${path}[${i}]`, v)) : [{ path, message: 'must be an array' }]

/** Every field of an organization's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewOrganization, unknown> = {
  name: { wire: 'name', check: V.nonBlank },
  isShared: { wire: 'isShared', check: V.isBoolean },
  domains: { wire: 'domains', check: nonBlanks, encode: csv },
  tags: { wire: 'tags', check: nonBlanks, encode: csv },
  fieldValues: { wire: 'fieldValues', check: V.record }
}

const NEW_REQUIRED: RequiredFields<NewOrganization> = { name: true }

const LIST_FIELDS: ListFields<OrganizationListArgs> = {
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv }
}

/** One page of organizations (`GET /organizations`), or those with the given legacy ids. */
export const all = /*#__PURE__*/ offsetList<OrganizationListArgs, Organization>('Organization.all', PATH, organization, LIST_FIELDS)

/** One organization (`GET /organizations/:id`). */
export const get = /*#__PURE__*/ getById('Organization.get', PATH, organization)

/** Creates an organization (201). */
export const post = /*#__PURE__*/ create<NewOrganization, Organization>('Organization.post', PATH, organization, FIELDS, NEW_REQUIRED)

/** Changes an organization (`PUT /organizations/:id`). */
export const put = /*#__PURE__*/ update<OrganizationUpdate, Organization>('Organization.put', PATH, organization, FIELDS)

/** Deletes an organization (`DELETE /organizations/:id`). */
const del = /*#__PURE__*/ deleteById('Organization.delete', PATH)

/** The organization as the parent of cases, members, notes and tags. */
const PARENT: Parent = { module: 'Organization', path: PATH, idName: 'organizationId' }

// ---------------------------------------------------------------------------------------------------------------
// Relations

/** One page of the cases of the organization's members (`/organizations/:id/cases`), filtered by status and priority. */
export const cases = (organizationId: number, args: RelatedCaseListArgs = {}): V1Request<Page<Case>> =>
  relatedPage(PARENT, 'cases', kase, organizationId, args, RELATED_CASE_FIELDS)

/** One page of the organization's members (`/organizations/:id/members`). */
export const members = (organizationId: number, args: OffsetArgs = {}): V1Request<Page<User>> => relatedPage(PARENT, 'members', user, organizationId, args)

/** Notes on the organization, newest first. */
export const notes = (organizationId: number, args: OffsetArgs = {}): V1Request<Page<Note>> => relatedPage(PARENT, 'notes', note, organizationId, args)

/** Adds a note on the organization (`POST /organizations/:id/notes`, 201). */
export const addNote = (organizationId: number, input: NewNote): V1Request<Note> => addNoteTo(PARENT, organizationId, input)

// Tags (`tags` is CSV on the wire)

/** The organization's tags (`GET /organizations/:id/tags`). */
export const tags = (organizationId: number): V1Request<ReadonlyArray<Tag>> => listTags(PARENT, organizationId)

/** Adds tags, keeping the others. */
export const addTags = (organizationId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => addTagsTo(PARENT, organizationId, names)

/** Replaces all tags. */
export const replaceTags = (organizationId: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> => replaceTagsOf(PARENT, organizationId, names)

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (organizationId: number, names: ReadonlyArray<string>): V1Request<void> => removeTagsFrom(PARENT, organizationId, names)

export { del as delete, get as find, post as save, put as update, del as destroy }
