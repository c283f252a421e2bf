/**
 * IdentityDomain — `/identities/domains` (spec §3.2 identity_domain): an organization's domains.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityDomain, type IdentityDomain } from './internal/entities/people'
import type { ListFields, OffsetArgs } from './internal/request'
import { create, deleteById, getById, offsetList, update } from './internal/endpoints'

export type { IdentityDomain } from './internal/entities/people'

/** The filter of `GET /identities/domains` (one organization's), with offset paging. */
export interface IdentityDomainListArgs extends OffsetArgs {
  readonly organizationId?: number
}

/** A new domain of an organization (`POST /identities/domains`), e.g. `example.com`. */
export interface NewIdentityDomain {
  readonly organizationId: number
  readonly domain: string
  readonly isPrimary?: boolean
}

/** The fields to change on a domain (`PUT /identities/domains/:id`); it stays with its organization. */
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

/** One page of organization domains (`GET /identities/domains`), of one organization if given. */
export const all = /*#__PURE__*/ offsetList<IdentityDomainListArgs, IdentityDomain>('IdentityDomain.all', PATH, identityDomain, LIST_FIELDS)

/** One domain (`GET /identities/domains/:id`). */
export const get = /*#__PURE__*/ getById('IdentityDomain.get', PATH, identityDomain)

/** Adds a domain to an organization (201). */
export const post = /*#__PURE__*/ create<NewIdentityDomain, IdentityDomain>('IdentityDomain.post', PATH, identityDomain, FIELDS, NEW_REQUIRED)

/** Changes a domain (`PUT /identities/domains/:id`). */
export const put = /*#__PURE__*/ update<IdentityDomainUpdate, IdentityDomain>('IdentityDomain.put', PATH, identityDomain, FIELDS)

/** Removes a domain from its organization (`DELETE /identities/domains/:id`). */
const del = /*#__PURE__*/ deleteById('IdentityDomain.delete', PATH)

export { del as delete, get as find, post as save, put as update, del as destroy }
