/**
 * IdentityDomain — `/identities/domains` (spec §3.2 identity_domain): an organization's domains.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityDomain, type IdentityDomain } from './internal/entities/people'
import {
  checkOffset,
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

export type { IdentityDomain } from './internal/entities/people'

export interface IdentityDomainListArgs extends OffsetArgs {
  readonly organizationId?: number
}

export interface NewIdentityDomain {
  readonly organizationId: number
  readonly domain: string
  readonly isPrimary?: boolean
}

export type IdentityDomainUpdate = Partial<Omit<NewIdentityDomain, 'organizationId'>>

const PATH = '/identities/domains'

const isAlphanumeric = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/**
 * Two or more dot-separated labels of letters, digits and inner hyphens, in one pass (the regex it replaces
 * backtracked over every label of a long non-domain).
 */
const isDomain = (text: string): boolean => {
  let labels = 0
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46
    if (c === 46) {
      if (i === start || text.charCodeAt(start) === 45 || text.charCodeAt(i - 1) === 45) return false
      labels++
      start = i + 1
    } else if (!isAlphanumeric(c) && c !== 45) return false
  }
  return labels >= 2
}

/** Not blank and, when given, a domain name. */
const checkDomain = (path: string, value: unknown): V.Issues =>
  V.issues(
    V.nonBlank(path, value),
    V.when(value !== undefined && (typeof value !== 'string' || !isDomain(value)), path, 'must be a domain name such as example.com')
  )

/** Every field of a domain's input types, described once: wire name and check. */
const FIELDS: Fields<NewIdentityDomain & IdentityDomainUpdate, unknown> = {
  organizationId: { wire: 'organizationId', check: V.positiveInt },
  domain: { wire: 'domain', check: checkDomain },
  isPrimary: { wire: 'isPrimary', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewIdentityDomain> = { organizationId: true, domain: true }

const LIST_FIELDS: ListFields<IdentityDomainListArgs> = {
  organizationId: { wire: 'organizationId', check: V.positiveInt }
}

export const all = (args: IdentityDomainListArgs = {}): V1Request<Page<IdentityDomain>> =>
  getRequest('IdentityDomain.all', PATH, page(identityDomain), {
    query: offsetQuery(args, LIST_FIELDS),
    issues: checkOffset(args, LIST_FIELDS)
  })

export const get = (id: number): V1Request<IdentityDomain> =>
  getRequest('IdentityDomain.get', `${PATH}/${segment(id)}`, one(identityDomain), { issues: V.positiveInt('id', id) })

export const post = (input: NewIdentityDomain): V1Request<IdentityDomain> =>
  postRequest('IdentityDomain.post', PATH, one(identityDomain), {
    issues: checkFields(FIELDS, NEW_REQUIRED, input),
    body: json(wireValues(FIELDS, input))
  })

export const put = (id: number, input: IdentityDomainUpdate): V1Request<IdentityDomain> =>
  putRequest('IdentityDomain.put', `${PATH}/${segment(id)}`, one(identityDomain), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

const del = (id: number): V1Request<void> => deleteRequest('IdentityDomain.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
