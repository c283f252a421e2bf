/**
 * Staff — `/Base/Staff` (spec §2.2): the helpdesk's staff users. The XML root is `<staffusers>`, each item `<staff>`.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { bool, first, int, list, requiredInt, single, struct, text, type Extra, type XmlElement } from './xml'

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
export interface StaffUpdate {
  readonly firstName: string
  readonly lastName: string
  readonly staffGroupId: number
  readonly userName?: string
  readonly email?: string
  readonly password?: string
  readonly designation?: string
  readonly mobileNumber?: string
  readonly signature?: string
  readonly isEnabled?: boolean
  readonly greeting?: string
  readonly timezone?: string
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

const staffUsers = /*#__PURE__*/ list('staffusers', 'staff', staff)
const oneStaff = /*#__PURE__*/ first(staffUsers)
const echoedStaff = /*#__PURE__*/ single(staffUsers)

const ROUTE = '/Base/Staff'

const checkOptional = (input: Partial<StaffUpdate>): V.Issues =>
  V.issues(
    V.optional(input.designation, (s) => V.isString('designation', s)),
    V.optional(input.mobileNumber, (s) => V.isString('mobileNumber', s)),
    V.optional(input.signature, (s) => V.isString('signature', s)),
    V.optional(input.greeting, (s) => V.isString('greeting', s)),
    V.optional(input.timezone, (s) => V.isString('timezone', s))
  )

const checkRequired = (input: Partial<StaffUpdate>): V.Issues =>
  V.issues(V.nonBlank('firstName', input.firstName), V.nonBlank('lastName', input.lastName), V.positiveInt('staffGroupId', input.staffGroupId))

const fields = (input: Partial<StaffUpdate>) =>
  phpForm({
    firstname: input.firstName,
    lastname: input.lastName,
    username: input.userName,
    email: input.email,
    staffgroupid: input.staffGroupId,
    password: input.password,
    designation: input.designation,
    mobilenumber: input.mobileNumber,
    // `signature` is the request signature: the server reads the staff signature as `staffsignature` (since 4.01.326).
    staffsignature: input.signature,
    isenabled: input.isEnabled,
    greeting: input.greeting,
    timezone: input.timezone,
    enabledst: input.enableDst
  })

/** Every staff member. */
export const all = (): ClassicRequest<ReadonlyArray<Staff>> => getRequest('Staff.all', ROUTE, staffUsers)

/** One staff member; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<Staff>> =>
  getRequest('Staff.get', `${ROUTE}/${segment(id)}`, oneStaff, { issues: V.positiveInt('id', id) })

export const post = (input: NewStaff): ClassicRequest<Staff> => {
  const issues = V.input(input, (i) =>
    V.issues(
      checkRequired(i),
      V.nonBlank('userName', i.userName),
      V.email('email', i.email),
      V.secret('password', i.password),
      checkOptional(i),
      V.when(i.isEnabled !== undefined && i.isEnabled !== true, 'isEnabled', 'the server ignores false on create: create, then put { isEnabled: false }'),
      V.when(i.enableDst !== undefined && i.enableDst !== true, 'enableDst', 'the server ignores false on create: create, then put { enableDst: false }')
    )
  )
  return postRequest('Staff.post', ROUTE, echoedStaff, { issues, form: V.whenValid(issues, () => fields(input)) })
}

export const put = (id: number, input: StaffUpdate): ClassicRequest<Staff> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) =>
      V.issues(
        checkRequired(i),
        V.optional(i.userName, (s) => V.nonBlank('userName', s)),
        V.optional(i.email, (s) => V.email('email', s)),
        V.optional(i.password, (s) => V.secret('password', s)),
        V.optional(i.isEnabled, (b) => V.isBoolean('isEnabled', b)),
        V.optional(i.enableDst, (b) => V.isBoolean('enableDst', b)),
        checkOptional(i)
      )
    )
  )
  return putRequest('Staff.put', `${ROUTE}/${segment(id)}`, echoedStaff, { issues, form: V.whenValid(issues, () => fields(input)) })
}

/** Deletes a staff member; the server answers an unknown id with 400 `Staff Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('Staff.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
