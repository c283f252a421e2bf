/**
 * Organization — `/organizations` (spec §3.2 organization). Create/update parameters follow Kayako's agent app.
 */
import * as V from '../core/validate'
import { organization, type Organization } from './entities'
import { checkOffset, csv, deleteRequest, getRequest, json, none, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { Organization } from './entities'

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

const checkFields = (input: OrganizationUpdate): V.Issues =>
  V.issues(
    V.optional(input.name, (n) => V.nonBlank('name', n)),
    V.optional(input.isShared, (b) => V.isBoolean('isShared', b)),
    V.optional(input.domains, (ds) => (Array.isArray(ds) ? ds.flatMap((d, i) => V.nonBlank(`domains[${i}]`, d)) : [{ path: 'domains', message: 'must be an array' }])),
    V.optional(input.tags, (ts) => (Array.isArray(ts) ? ts.flatMap((t, i) => V.nonBlank(`tags[${i}]`, t)) : [{ path: 'tags', message: 'must be an array' }])),
    V.optional(input.fieldValues, (v) => V.record('fieldValues', v))
  )

const body = (input: OrganizationUpdate) =>
  json({ name: input?.name, isShared: input?.isShared, domains: csv(input?.domains), tags: csv(input?.tags), fieldValues: input?.fieldValues })

export const all = (args: OrganizationListArgs = {}): V1Request<Page<Organization>> =>
  getRequest('Organization.all', PATH, page(organization), {
    query: { legacyIds: args?.legacyIds, offset: args?.offset, limit: args?.limit },
    issues: V.input(args, checkOffset, 'args')
  })

export const get = (id: number): V1Request<Organization> =>
  getRequest('Organization.get', `${PATH}/${segment(id)}`, one(organization), { issues: V.positiveInt('id', id) })

export const post = (input: NewOrganization): V1Request<Organization> =>
  postRequest('Organization.post', PATH, one(organization), {
    issues: V.input(input, (i) => V.issues(V.nonBlank('name', i.name), checkFields(i))),
    body: body(input)
  })

export const put = (id: number, input: OrganizationUpdate): V1Request<Organization> =>
  putRequest('Organization.put', `${PATH}/${segment(id)}`, one(organization), {
    issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)),
    body: body(input)
  })

const del = (id: number): V1Request<void> =>
  deleteRequest('Organization.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
