/**
 * UserOrganization — `/Base/UserOrganization` (spec §2.6): the organizations users belong to
 * (`User.userOrganizationId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { first, int, literal, many, one, requiredInt, struct, text, timestamp, type Extra, type XmlElement } from './internal/xml'

/** `shared`: members see each other's tickets in the support center; `restricted`: they do not. */
export type OrganizationType = 'restricted' | 'shared'

/** Every `OrganizationType`. */
export const ORGANIZATION_TYPES: ReadonlyArray<OrganizationType> = ['restricted', 'shared']

/** A user organization as the API answers it (`GET /Base/UserOrganization`). */
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

/** The fields of a new user organization, for `post`. */
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
export interface UserOrganizationUpdate extends Partial<Omit<NewUserOrganization, 'name'>> {
  readonly name: string
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

const userOrganizations = /*#__PURE__*/ many('userorganizations', 'userorganization', userOrganization)
const oneUserOrganization = /*#__PURE__*/ first(userOrganizations)
const echoedUserOrganization = /*#__PURE__*/ one(userOrganizations)

const ROUTE = '/Base/UserOrganization'

/** Every field of an organization's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewUserOrganization & UserOrganizationUpdate, FormValue> = {
  name: { wire: 'name', check: V.nonBlank },
  organizationType: { wire: 'organizationtype', check: (path, value) => V.oneOf(path, value, ORGANIZATION_TYPES) },
  address: { wire: 'address', check: V.isString },
  city: { wire: 'city', check: V.isString },
  state: { wire: 'state', check: V.isString },
  postalCode: { wire: 'postalcode', check: V.isString },
  country: { wire: 'country', check: V.isString },
  phone: { wire: 'phone', check: V.isString },
  fax: { wire: 'fax', check: V.isString },
  website: { wire: 'website', check: V.isString },
  slaPlanId: { wire: 'slaplanid', check: V.nonNegativeInt },
  // 0 means "never" on the wire.
  slaPlanExpiry: { wire: 'slaplanexpiry', check: (path, value) => (value === null ? [] : V.date(path, value)), encode: (expiry) => expiry ?? 0 }
}

const NEW_REQUIRED: RequiredFields<NewUserOrganization> = { name: true, organizationType: true }
const UPDATE_REQUIRED: RequiredFields<UserOrganizationUpdate> = { name: true }

const form = (input: Partial<NewUserOrganization & UserOrganizationUpdate>) => phpForm(wireValues(FIELDS, input))

/** Every user organization. */
export const all = (): ClassicRequest<ReadonlyArray<UserOrganization>> => getRequest('UserOrganization.all', ROUTE, userOrganizations)

/** One organization; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<UserOrganization>> =>
  getRequest('UserOrganization.get', `${ROUTE}/${segment(id)}`, oneUserOrganization, { issues: V.positiveInt('id', id) })

/** Creates a user organization: `POST /Base/UserOrganization`; the answer is the user organization as stored. */
export const post = (input: NewUserOrganization): ClassicRequest<UserOrganization> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  return postRequest('UserOrganization.post', ROUTE, echoedUserOrganization, { issues, form: V.whenValid(issues, () => form(input)) })
}

/** Updates an organization. Unsent optional fields are blanked by the server: see `UserOrganizationUpdate`. */
export const put = (id: number, input: UserOrganizationUpdate): ClassicRequest<UserOrganization> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input))
  return putRequest('UserOrganization.put', `${ROUTE}/${segment(id)}`, echoedUserOrganization, { issues, form: V.whenValid(issues, () => form(input)) })
}

/** Deletes an organization; the server answers an unknown id with 400 `User Organization Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('UserOrganization.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
