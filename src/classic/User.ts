/**
 * User — `/Base/User` (spec §2.4) and the user search `POST /Base/UserSearch` (§2.4a, since 4.40.1148).
 */
import type * as O from 'fp-ts/Option'
import { success, type Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { bool, first, int, list, literal, requiredInt, single, struct, text, texts, timestamp, type Extra, type XmlElement } from './xml'

/** A manager sees every ticket of the user's organization in the support center. */
export type UserRole = 'user' | 'manager'

export const USER_ROLES: ReadonlyArray<UserRole> = ['user', 'manager']

/** The server accepts at most this many users per page (`/Base/User/Filter/<marker>/<maxitems>` is capped there). */
export const MAX_PAGE_SIZE = 1000

export interface User {
  readonly id: number
  readonly userGroupId: number
  readonly userRole: UserRole
  /** 0 when the user belongs to no organization. */
  readonly userOrganizationId: number
  /** As entered: the server matches it against its localized list (English `Mr.`, `Ms.`, `Mrs.`, `Dr.`). */
  readonly salutation: string
  /** null: never expires. */
  readonly userExpiry: Date | null
  readonly fullName: string
  /** Every address of the user (one `<email>` element each), the primary first. */
  readonly emails: ReadonlyArray<string>
  readonly designation: string
  readonly phone: string
  /** When the user was created. */
  readonly dateline: Date | null
  /** null: never logged in. */
  readonly lastVisit: Date | null
  readonly isEnabled: boolean
  readonly timezone: string
  readonly enableDst: boolean
  /** 0 when no SLA plan is set on the user. */
  readonly slaPlanId: number
  /** null: the SLA plan never expires. */
  readonly slaPlanExpiry: Date | null
  readonly extra: Extra
}

export interface NewUser {
  readonly fullName: string
  /** At least one address; every address must be unused in the helpdesk. */
  readonly emails: ReadonlyArray<string>
  /** A group of the `registered` type. */
  readonly userGroupId: number
  /** Never shown in an error or a validation message. */
  readonly password: string
  readonly userOrganizationId?: number
  readonly salutation?: string
  readonly designation?: string
  readonly phone?: string
  readonly isEnabled?: boolean
  readonly userRole?: UserRole
  readonly timezone?: string
  readonly enableDst?: boolean
  readonly slaPlanId?: number
  /** null: never (sent as 0). */
  readonly slaPlanExpiry?: Date | null
  /** null: never (sent as 0). */
  readonly userExpiry?: Date | null
  readonly sendWelcomeEmail?: boolean
}

/** Omitted fields keep their values; `emails`, when given, replaces the whole list. */
export interface UserUpdate {
  readonly fullName: string
  readonly emails?: ReadonlyArray<string>
  readonly userGroupId?: number
  readonly password?: string
  readonly userOrganizationId?: number
  readonly salutation?: string
  readonly designation?: string
  readonly phone?: string
  readonly isEnabled?: boolean
  readonly userRole?: UserRole
  readonly timezone?: string
  readonly enableDst?: boolean
  readonly slaPlanId?: number
  readonly slaPlanExpiry?: Date | null
  readonly userExpiry?: Date | null
}

export interface UserFilter {
  /** The smallest user id to return (default 1). */
  readonly marker?: number
  /** At most this many users, 1 to 1000 (default 1000). */
  readonly maxItems?: number
}

export interface UserSearchOptions {
  /** Match the query as a phrase (4.98.8; older servers ignore it). */
  readonly phrase?: boolean
}

const user: Decoder<XmlElement, User> = /*#__PURE__*/ struct('user', {
  id: requiredInt('id'),
  userGroupId: int('usergroupid'),
  userRole: literal('userrole', USER_ROLES, 'user'),
  userOrganizationId: int('userorganizationid'),
  salutation: text('salutation'),
  userExpiry: timestamp('userexpiry'),
  fullName: text('fullname'),
  emails: texts('email', success),
  designation: text('designation'),
  phone: text('phone'),
  dateline: timestamp('dateline'),
  lastVisit: timestamp('lastvisit'),
  isEnabled: bool('isenabled'),
  timezone: text('timezone'),
  enableDst: bool('enabledst'),
  slaPlanId: int('slaplanid'),
  slaPlanExpiry: timestamp('slaplanexpiry')
})

const users = /*#__PURE__*/ list('users', 'user', user)
const oneUser = /*#__PURE__*/ first(users)
const echoedUser = /*#__PURE__*/ single(users)

const ROUTE = '/Base/User'

const checkEmails = (emails: unknown): V.Issues =>
  Array.isArray(emails)
    ? emails.length === 0
      ? V.when(true, 'emails', 'must list at least one address')
      : emails.flatMap((e, i) => V.email(`emails[${i}]`, e))
    : V.when(true, 'emails', 'must be an array of e-mail addresses')

const expiry = (path: string, value: Date | null): V.Issues => (value === null ? [] : V.date(path, value))

const checkOptional = (input: Partial<UserUpdate>): V.Issues =>
  V.issues(
    V.optional(input.userOrganizationId, (n) => V.nonNegativeInt('userOrganizationId', n)),
    V.optional(input.salutation, (s) => V.isString('salutation', s)),
    V.optional(input.designation, (s) => V.isString('designation', s)),
    V.optional(input.phone, (s) => V.isString('phone', s)),
    V.optional(input.isEnabled, (b) => V.isBoolean('isEnabled', b)),
    V.optional(input.userRole, (r) => V.oneOf('userRole', r, USER_ROLES)),
    V.optional(input.timezone, (s) => V.isString('timezone', s)),
    V.optional(input.enableDst, (b) => V.isBoolean('enableDst', b)),
    V.optional(input.slaPlanId, (n) => V.nonNegativeInt('slaPlanId', n)),
    V.optional(input.slaPlanExpiry, (d) => expiry('slaPlanExpiry', d)),
    V.optional(input.userExpiry, (d) => expiry('userExpiry', d))
  )

// Timestamps: 0 means "never" on the wire.
const unix = (value: Date | null | undefined): Date | number | undefined => (value === null ? 0 : value)

const fields = (input: Partial<NewUser>) =>
  phpForm({
    fullname: input.fullName,
    usergroupid: input.userGroupId,
    // Always the array form `email[]`: the server accepts a string or an array, the array carries several.
    email: input.emails,
    password: input.password,
    userorganizationid: input.userOrganizationId,
    salutation: input.salutation,
    designation: input.designation,
    phone: input.phone,
    isenabled: input.isEnabled,
    userrole: input.userRole,
    timezone: input.timezone,
    enabledst: input.enableDst,
    slaplanid: input.slaPlanId,
    slaplanexpiry: unix(input.slaPlanExpiry),
    userexpiry: unix(input.userExpiry),
    sendwelcomeemail: input.sendWelcomeEmail
  })

/**
 * Users by id from `marker` (default 1), at most `maxItems` (default and maximum 1000): `GET /Base/User/Filter`
 * or `/Base/User/Filter/<marker>/<maxitems>`. To walk every user see `userPages` in `kayako-fp/classic`.
 */
export const all = (filter: UserFilter = {}): ClassicRequest<ReadonlyArray<User>> => {
  const issues = V.input(
    filter,
    (f) =>
      V.issues(
        V.optional(f.marker, (n) => V.positiveInt('marker', n)),
        V.optional(f.maxItems, (n) => V.intBetween('maxItems', n, 1, MAX_PAGE_SIZE))
      ),
    'filter'
  )
  const paged = filter !== null && typeof filter === 'object' && (filter.marker !== undefined || filter.maxItems !== undefined)
  const route = paged ? `${ROUTE}/Filter/${segment(filter.marker ?? 1)}/${segment(filter.maxItems ?? MAX_PAGE_SIZE)}` : `${ROUTE}/Filter`
  return getRequest('User.all', route, users, { issues })
}

/** One user; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<User>> =>
  getRequest('User.get', `${ROUTE}/${segment(id)}`, oneUser, { issues: V.positiveInt('id', id) })

export const post = (input: NewUser): ClassicRequest<User> => {
  const issues = V.input(input, (i) =>
    V.issues(
      V.nonBlank('fullName', i.fullName),
      checkEmails(i.emails),
      V.positiveInt('userGroupId', i.userGroupId),
      V.secret('password', i.password),
      checkOptional(i),
      V.optional(i.sendWelcomeEmail, (b) => V.isBoolean('sendWelcomeEmail', b))
    )
  )
  return postRequest('User.post', ROUTE, echoedUser, { issues, form: V.whenValid(issues, () => fields(input)) })
}

export const put = (id: number, input: UserUpdate): ClassicRequest<User> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) =>
      V.issues(
        V.nonBlank('fullName', i.fullName),
        V.optional(i.emails, checkEmails),
        V.optional(i.userGroupId, (n) => V.positiveInt('userGroupId', n)),
        V.optional(i.password, (p) => V.secret('password', p)),
        checkOptional(i)
      )
    )
  )
  return putRequest('User.put', `${ROUTE}/${segment(id)}`, echoedUser, { issues, form: V.whenValid(issues, () => fields(input)) })
}

/** Deletes a user; the server answers an unknown id with 400 `User Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('User.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

/**
 * Users whose e-mail, full name, phone, organization name or user-group title match: `POST /Base/UserSearch`.
 */
export const search = (query: string, options: UserSearchOptions = {}): ClassicRequest<ReadonlyArray<User>> => {
  const issues = V.issues(
    V.nonBlank('query', query),
    V.input(options, (o) => V.optional(o.phrase, (b) => V.isBoolean('phrase', b)), 'options')
  )
  // `phrase` only when asked for: servers before 4.98.8 do not know it.
  const form = V.whenValid(issues, () => phpForm({ query, phrase: options.phrase === true ? true : undefined }))
  return postRequest('User.search', '/Base/UserSearch', users, { issues, form })
}

export { del as delete, get as find, post as save, put as update, del as destroy }
