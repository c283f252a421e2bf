/**
 * Organization — `/organizations` (spec §3.2 organization). Create/update parameters follow Kayako's agent app.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { organization, type Organization } from './internal/entities/people'
import {
  checkOffset,
  checkStrings,
  csv,
  deleteRequest,
  getRequest,
  json,
  none,
  offsetQuery,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type ListFields,
  type OffsetArgs,
  type Page,
  type V1Request
} from './internal/request'

export type { Organization } from './internal/entities/people'

export interface OrganizationListArgs extends OffsetArgs {
  readonly legacyIds?: ReadonlyArray<string>
}

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

export const all = (args: OrganizationListArgs = {}): V1Request<Page<Organization>> =>
  getRequest('Organization.all', PATH, page(organization), {
    query: offsetQuery(args, LIST_FIELDS),
    issues: checkOffset(args, LIST_FIELDS)
  })

export const get = (id: number): V1Request<Organization> =>
  getRequest('Organization.get', `${PATH}/${segment(id)}`, one(organization), { issues: V.positiveInt('id', id) })

export const post = (input: NewOrganization): V1Request<Organization> =>
  postRequest('Organization.post', PATH, one(organization), {
    issues: checkFields(FIELDS, NEW_REQUIRED, input),
    body: json(wireValues(FIELDS, input))
  })

export const put = (id: number, input: OrganizationUpdate): V1Request<Organization> =>
  putRequest('Organization.put', `${PATH}/${segment(id)}`, one(organization), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

const del = (id: number): V1Request<void> => deleteRequest('Organization.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
