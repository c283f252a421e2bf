/**
 * Staff — `/Base/Staff` (spec §2.2): the helpdesk's staff users. The XML root is `<staffusers>`, each item `<staff>`.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, int, many, one, requiredInt, struct, text, type Extra, type XmlElement } from './internal/xml'

/** A staff member as the API answers it (`GET /Base/Staff`). */
export interface Staff {
  readonly id: number
  readonly staffGroupId: number
  readonly firstName: string
  readonly lastName: string
  readonly fullName: string
  readonly userName: string
  readonly email: string
  readonly designation: string
  readonly greeting: string
  readonly mobileNumber: string
  readonly isEnabled: boolean
  /** A PHP time zone name (`Europe/London`), or '' for the helpdesk default. */
  readonly timezone: string
  readonly enableDst: boolean
  /** The staff member's e-mail signature (sent as `staffsignature`). */
  readonly signature: string
  readonly extra: Extra
}

/**
 * On create the server reads `isenabled` and `enabledst` with PHP `!empty()`, so `false` would be ignored (the
 * member is created enabled, with DST on). `false` is therefore refused here: create, then `put` the flag.
 */
export interface NewStaff {
  readonly firstName: string
  readonly lastName: string
  readonly userName: string
  readonly email: string
  readonly staffGroupId: number
  /** Never shown in an error or a validation message. */
  readonly password: string
  readonly designation?: string
  readonly mobileNumber?: string
  readonly signature?: string
  readonly isEnabled?: true
  readonly greeting?: string
  readonly timezone?: string
  readonly enableDst?: true
}

/** Omitted fields keep their values; the password is changed only when given. */
export interface StaffUpdate extends Partial<Omit<NewStaff, 'firstName' | 'lastName' | 'staffGroupId' | 'isEnabled' | 'enableDst'>> {
  readonly firstName: string
  readonly lastName: string
  readonly staffGroupId: number
  /** Unlike a new staff member's, these can be switched off. */
  readonly isEnabled?: boolean
  readonly enableDst?: boolean
}

const staff: Decoder<XmlElement, Staff> = /*#__PURE__*/ struct('staff', {
  id: requiredInt('id'),
  staffGroupId: int('staffgroupid'),
  firstName: text('firstname'),
  lastName: text('lastname'),
  fullName: text('fullname'),
  userName: text('username'),
  email: text('email'),
  designation: text('designation'),
  greeting: text('greeting'),
  mobileNumber: text('mobilenumber'),
  isEnabled: bool('isenabled'),
  timezone: text('timezone'),
  enableDst: bool('enabledst'),
  signature: text('signature')
})

const staffUsers = /*#__PURE__*/ many('staffusers', 'staff', staff)
const oneStaff = /*#__PURE__*/ first(staffUsers)
const echoedStaff = /*#__PURE__*/ one(staffUsers)

const ROUTE = '/Base/Staff'

/** Every field of a staff member's input types, described once: wire name and check. */
const FIELDS: Fields<NewStaff & StaffUpdate, FormValue> = {
  firstName: { wire: 'firstname', check: V.nonBlank },
  lastName: { wire: 'lastname', check: V.nonBlank },
  userName: { wire: 'username', check: V.nonBlank },
  email: { wire: 'email', check: V.email },
  staffGroupId: { wire: 'staffgroupid', check: V.positiveInt },
  password: { wire: 'password', check: V.secret },
  designation: { wire: 'designation', check: V.isString },
  mobileNumber: { wire: 'mobilenumber', check: V.isString },
  // `signature` is the request signature: the server reads the staff signature as `staffsignature` (since 4.01.326).
  signature: { wire: 'staffsignature', check: V.isString },
  isEnabled: { wire: 'isenabled', check: V.isBoolean },
  greeting: { wire: 'greeting', check: V.isString },
  timezone: { wire: 'timezone', check: V.isString },
  enableDst: { wire: 'enabledst', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewStaff> = { firstName: true, lastName: true, userName: true, email: true, staffGroupId: true, password: true }
const UPDATE_REQUIRED: RequiredFields<StaffUpdate> = { firstName: true, lastName: true, staffGroupId: true }

const newRules = (input: Partial<NewStaff>): V.Issues =>
  V.issues(
    V.when(input.isEnabled !== undefined && input.isEnabled !== true, 'isEnabled', 'the server ignores false on create: create, then put { isEnabled: false }'),
    V.when(input.enableDst !== undefined && input.enableDst !== true, 'enableDst', 'the server ignores false on create: create, then put { enableDst: false }')
  )

// `isEnabled` and `enableDst` are `true` in `NewStaff` and `boolean` in `StaffUpdate`: the table takes either input.
const form = (input: NewStaff | StaffUpdate) => phpForm(wireValues(FIELDS, input as Partial<NewStaff & StaffUpdate>))

/** Every staff member. */
export const all = (): ClassicRequest<ReadonlyArray<Staff>> => getRequest('Staff.all', ROUTE, staffUsers)

/** One staff member; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<Staff>> =>
  getRequest('Staff.get', `${ROUTE}/${segment(id)}`, oneStaff, { issues: V.positiveInt('id', id) })

/** Creates a staff member: `POST /Base/Staff`; the answer is the staff member as stored. */
export const post = (input: NewStaff): ClassicRequest<Staff> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input, newRules)
  return postRequest('Staff.post', ROUTE, echoedStaff, { issues, form: V.whenValid(issues, () => form(input)) })
}

/** Changes staff member `id`: `PUT /Base/Staff/:id`; the answer is the staff member as stored. */
export const put = (id: number, input: StaffUpdate): ClassicRequest<Staff> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input))
  return putRequest('Staff.put', `${ROUTE}/${segment(id)}`, echoedStaff, { issues, form: V.whenValid(issues, () => form(input)) })
}

/** Deletes a staff member; the server answers an unknown id with 400 `Staff Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('Staff.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
