/**
 * User — `/Base/User` (spec §2.4) and the user search `POST /Base/UserSearch` (§2.4a, since 4.40.1148).
 */
import type * as O from 'fp-ts/Option'
import { success, type Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as E from '../core/either'
import { decodeError } from '../core/error'
import * as V from '../core/validate'
import type { Walk } from './internal/pages'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, int, list, literal, many, one, requiredInt, struct, text, textAs, timestamp, type Extra, type XmlElement } from './internal/xml'

/** A manager sees every ticket of the user's organization in the support center. */
export type UserRole = 'user' | 'manager'

/** Every `UserRole`. */
export const USER_ROLES: ReadonlyArray<UserRole> = ['user', 'manager']

/** The server accepts at most this many users per page (`/Base/User/Filter/<marker>/<maxitems>` is capped there). */
export const MAX_PAGE_SIZE = 1000

/** A user as the API answers it (`GET /Base/User`). */
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

/** The fields of a new user, for `post`. */
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
export interface UserUpdate extends Partial<Omit<NewUser, 'fullName' | 'sendWelcomeEmail'>> {
  readonly fullName: string
}

/** Arguments of `all`: one page of users by id. */
export interface UserFilter {
  /** The smallest user id to return (default 1). */
  readonly marker?: number
  /** At most this many users, 1 to 1000 (default 1000). */
  readonly maxItems?: number
}

/** Where `everyPage` starts and how many users a request asks for. */
export interface UserPageOptions {
  /** Users per request, 1 to 1000 (the server's cap); default 1000. */
  readonly pageSize?: number
  /** The first user id to return; default 1. */
  readonly marker?: number
}

/** Arguments of `search`. */
export interface UserSearch {
  /** Matched against e-mail, full name, phone, organization name and user-group title. */
  readonly query: string
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
  emails: list('email', textAs(success)),
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

const users = /*#__PURE__*/ many('users', 'user', user)
const oneUser = /*#__PURE__*/ first(users)
const echoedUser = /*#__PURE__*/ one(users)

const ROUTE = '/Base/User'

const checkEmails = (path: string, emails: unknown): V.Issues =>
  Array.isArray(emails)
    ? emails.length === 0
      ? V.when(true, path, 'must list at least one address')
      : emails.flatMap((e, i) => V.email(`${path}[${i}]`, e))
    : V.when(true, path, 'must be an array of e-mail addresses')

const expiry = (path: string, value: unknown): V.Issues => (value === null ? [] : V.date(path, value))

// Timestamps: 0 means "never" on the wire.
const unix = (value: Date | null): Date | number => value ?? 0

/** Every field of a user's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewUser & UserUpdate, FormValue> = {
  fullName: { wire: 'fullname', check: V.nonBlank },
  userGroupId: { wire: 'usergroupid', check: V.positiveInt },
  // Always the array form `email[]`: the server accepts a string or an array, the array carries several.
  emails: { wire: 'email', check: checkEmails },
  password: { wire: 'password', check: V.secret },
  userOrganizationId: { wire: 'userorganizationid', check: V.nonNegativeInt },
  salutation: { wire: 'salutation', check: V.isString },
  designation: { wire: 'designation', check: V.isString },
  phone: { wire: 'phone', check: V.isString },
  isEnabled: { wire: 'isenabled', check: V.isBoolean },
  userRole: { wire: 'userrole', check: (path, value) => V.oneOf(path, value, USER_ROLES) },
  timezone: { wire: 'timezone', check: V.isString },
  enableDst: { wire: 'enabledst', check: V.isBoolean },
  slaPlanId: { wire: 'slaplanid', check: V.nonNegativeInt },
  slaPlanExpiry: { wire: 'slaplanexpiry', check: expiry, encode: unix },
  userExpiry: { wire: 'userexpiry', check: expiry, encode: unix },
  sendWelcomeEmail: { wire: 'sendwelcomeemail', check: V.isBoolean }
}

/** The search's fields: a table of their own, so that a bundle with `search` does not carry the user's table. */
const SEARCH_TABLE: Fields<UserSearch, FormValue> = {
  query: { wire: 'query', check: V.nonBlank },
  // Only when asked for: servers before 4.98.8 do not know it.
  phrase: { wire: 'phrase', check: V.isBoolean, encode: (phrase) => (phrase ? true : undefined) }
}

const NEW_REQUIRED: RequiredFields<NewUser> = { fullName: true, emails: true, userGroupId: true, password: true }
const UPDATE_REQUIRED: RequiredFields<UserUpdate> = { fullName: true }
const SEARCH_REQUIRED: RequiredFields<UserSearch> = { query: true }

/**
 * Users by id from `marker` (default 1), at most `maxItems` (default and maximum 1000): `GET /Base/User/Filter`
 * or `/Base/User/Filter/<marker>/<maxitems>`. To walk every user: `pages(run)(User.everyPage())`
 * (`pages` and `collect` from `kayako-fp/classic`).
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

/**
 * The walk of every user, page by page, for `pages(run)(…)` or `collect(run)(…)`: `all({ marker, maxItems: pageSize })`,
 * the next marker being the last id + 1.
 */
export const everyPage = (options: UserPageOptions = {}): Walk<User> => {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE
  return {
    operation: 'User.everyPage',
    issues: V.input(
      options,
      (o) =>
        V.issues(
          V.optional(o.pageSize, (n) => V.intBetween('pageSize', n, 1, MAX_PAGE_SIZE)),
          V.optional(o.marker, (n) => V.positiveInt('marker', n))
        ),
      'options'
    ),
    first: options.marker ?? 1,
    pageSize,
    request: (marker) => all({ marker, maxItems: pageSize }),
    next: (marker, page) => {
      // The server answers ids >= marker in id order; the largest id is the last one, taken defensively anyway.
      const last = page.reduce((max, u) => Math.max(max, u.id), 0)
      return last >= marker
        ? E.right(last + 1)
        : E.left(decodeError('User.everyPage', [`the page for marker ${marker} ended at user ${last}: the walk cannot continue`]))
    }
  }
}

/** One user; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<User>> =>
  getRequest('User.get', `${ROUTE}/${segment(id)}`, oneUser, { issues: V.positiveInt('id', id) })

/** Creates a user: `POST /Base/User`; the answer is the user as stored. */
export const post = (input: NewUser): ClassicRequest<User> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  return postRequest('User.post', ROUTE, echoedUser, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes user `id`: `PUT /Base/User/:id`; the answer is the user as stored. */
export const put = (id: number, input: UserUpdate): ClassicRequest<User> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input))
  return putRequest('User.put', `${ROUTE}/${segment(id)}`, echoedUser, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Deletes a user; the server answers an unknown id with 400 `User Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('User.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

/**
 * Users whose e-mail, full name, phone, organization name or user-group title match: `POST /Base/UserSearch`.
 */
export const search = (input: UserSearch): ClassicRequest<ReadonlyArray<User>> => {
  const issues = checkFields(SEARCH_TABLE, SEARCH_REQUIRED, input)
  return postRequest('User.search', '/Base/UserSearch', users, { issues, form: V.whenValid(issues, () => phpForm(wireValues(SEARCH_TABLE, input))) })
}

export { del as delete, get as find, post as save, put as update, del as destroy }
