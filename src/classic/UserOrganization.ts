/**
 * UserOrganization — `/Base/UserOrganization` (spec §2.6): the organizations users belong to
 * (`User.userOrganizationId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { first, int, list, literal, requiredInt, single, struct, text, timestamp, type Extra, type XmlElement } from './xml'

/** `shared`: members see each other's tickets in the support center; `restricted`: they do not. */
export type OrganizationType = 'restricted' | 'shared'

export const ORGANIZATION_TYPES: ReadonlyArray<OrganizationType> = ['restricted', 'shared']

export interface UserOrganization {
  readonly id: number
  readonly name: string
  readonly organizationType: OrganizationType
  readonly address: string
  readonly city: string
  readonly state: string
  /** Text: postal codes are not numbers everywhere. */
  readonly postalCode: string
  readonly country: string
  readonly phone: string
  readonly fax: string
  readonly website: string
  /** When the organization was created. */
  readonly dateline: Date | null
  readonly lastUpdate: Date | null
  /** 0 when no SLA plan is set. */
  readonly slaPlanId: number
  /** null: never expires. */
  readonly slaPlanExpiry: Date | null
  readonly extra: Extra
}

export interface NewUserOrganization {
  readonly name: string
  readonly organizationType: OrganizationType
  readonly address?: string
  readonly city?: string
  readonly state?: string
  readonly postalCode?: string
  readonly country?: string
  readonly phone?: string
  readonly fax?: string
  readonly website?: string
  /** Must exist (else 400 `Invalid SLA Plan Specified`). */
  readonly slaPlanId?: number
  /** null: never (sent as 0). */
  readonly slaPlanExpiry?: Date | null
}

/**
 * **The server blanks every optional field that is not sent again** (address, city, …, SLA plan): pass the whole
 * organization on every update, e.g. `put(org.id, { ...org, name: 'New name' })` (extra properties are ignored).
 */
export interface UserOrganizationUpdate {
  readonly name: string
  readonly organizationType?: OrganizationType
  readonly address?: string
  readonly city?: string
  readonly state?: string
  readonly postalCode?: string
  readonly country?: string
  readonly phone?: string
  readonly fax?: string
  readonly website?: string
  readonly slaPlanId?: number
  readonly slaPlanExpiry?: Date | null
}

const userOrganization: Decoder<XmlElement, UserOrganization> = /*#__PURE__*/ struct('userorganization', {
  id: requiredInt('id'),
  name: text('name'),
  organizationType: literal('organizationtype', ORGANIZATION_TYPES, 'restricted'),
  address: text('address'),
  city: text('city'),
  state: text('state'),
  postalCode: text('postalcode'),
  country: text('country'),
  phone: text('phone'),
  fax: text('fax'),
  website: text('website'),
  dateline: timestamp('dateline'),
  lastUpdate: timestamp('lastupdate'),
  slaPlanId: int('slaplanid'),
  slaPlanExpiry: timestamp('slaplanexpiry')
})

const userOrganizations = /*#__PURE__*/ list('userorganizations', 'userorganization', userOrganization)
const oneUserOrganization = /*#__PURE__*/ first(userOrganizations)
const echoedUserOrganization = /*#__PURE__*/ single(userOrganizations)

const ROUTE = '/Base/UserOrganization'

const TEXT_FIELDS = ['address', 'city', 'state', 'postalCode', 'country', 'phone', 'fax', 'website'] as const

const checkOptional = (input: Partial<UserOrganizationUpdate>): V.Issues =>
  V.issues(
    ...TEXT_FIELDS.map((name) => V.optional(input[name], (s) => V.isString(name, s))),
    V.optional(input.slaPlanId, (n) => V.nonNegativeInt('slaPlanId', n)),
    V.optional(input.slaPlanExpiry, (d) => (d === null ? [] : V.date('slaPlanExpiry', d)))
  )

const fields = (input: Partial<UserOrganizationUpdate>) =>
  phpForm({
    name: input.name,
    organizationtype: input.organizationType,
    address: input.address,
    city: input.city,
    state: input.state,
    postalcode: input.postalCode,
    country: input.country,
    phone: input.phone,
    fax: input.fax,
    website: input.website,
    slaplanid: input.slaPlanId,
    // 0 means "never" on the wire.
    slaplanexpiry: input.slaPlanExpiry === null ? 0 : input.slaPlanExpiry
  })

/** Every user organization. */
export const all = (): ClassicRequest<ReadonlyArray<UserOrganization>> => getRequest('UserOrganization.all', ROUTE, userOrganizations)

/** One organization; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<UserOrganization>> =>
  getRequest('UserOrganization.get', `${ROUTE}/${segment(id)}`, oneUserOrganization, { issues: V.positiveInt('id', id) })

export const post = (input: NewUserOrganization): ClassicRequest<UserOrganization> => {
  const issues = V.input(input, (i) =>
    V.issues(V.nonBlank('name', i.name), V.oneOf('organizationType', i.organizationType, ORGANIZATION_TYPES), checkOptional(i))
  )
  return postRequest('UserOrganization.post', ROUTE, echoedUserOrganization, { issues, form: V.whenValid(issues, () => fields(input)) })
}

/** Updates an organization. Unsent optional fields are blanked by the server: see `UserOrganizationUpdate`. */
export const put = (id: number, input: UserOrganizationUpdate): ClassicRequest<UserOrganization> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) =>
      V.issues(
        V.nonBlank('name', i.name),
        V.optional(i.organizationType, (t) => V.oneOf('organizationType', t, ORGANIZATION_TYPES)),
        checkOptional(i)
      )
    )
  )
  return putRequest('UserOrganization.put', `${ROUTE}/${segment(id)}`, echoedUserOrganization, {
    issues,
    form: V.whenValid(issues, () => fields(input))
  })
}

/** Deletes an organization; the server answers an unknown id with 400 `User Organization Load Failed: …`. */
const del = (id: number): ClassicRequest<void> =>
  deleteRequest('UserOrganization.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
