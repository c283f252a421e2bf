/**
 * IdentityEmail — `/identities/emails` (spec §3.2 identity_email): a user's e-mail addresses. Ordered primary first,
 * then by last update.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityEmail, type IdentityEmail } from './internal/entities/people'
import { type ListFields, type OffsetArgs } from './internal/request'
import { create, deleteById, getById, offsetList, update } from './internal/endpoints'

export type { IdentityEmail } from './internal/entities/people'

/** The filter of `GET /identities/emails` (one user's), with offset paging. */
export interface IdentityEmailListArgs extends OffsetArgs {
  readonly userId?: number
}

/** A new e-mail address of a user (`POST /identities/emails`). */
export interface NewIdentityEmail {
  readonly userId: number
  readonly email: string
  readonly isPrimary?: boolean
  /** Only for users with the AGENT, ADMIN or OWNER role. */
  readonly isValidated?: boolean
  readonly isNotificationEnabled?: boolean
}

/** The fields to change on an e-mail address (`PUT /identities/emails/:id`); it stays with its user. */
export type IdentityEmailUpdate = Partial<Omit<NewIdentityEmail, 'userId'>>

const PATH = '/identities/emails'

/** Every field of an e-mail identity's input types, described once: wire name and check. */
const FIELDS: Fields<NewIdentityEmail & IdentityEmailUpdate, unknown> = {
  userId: { wire: 'userId', check: V.positiveInt },
  email: { wire: 'email', check: V.email },
  isPrimary: { wire: 'isPrimary', check: V.isBoolean },
  isValidated: { wire: 'isValidated', check: V.isBoolean },
  isNotificationEnabled: { wire: 'isNotificationEnabled', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewIdentityEmail> = { userId: true, email: true }

const LIST_FIELDS: ListFields<IdentityEmailListArgs> = {
  userId: { wire: 'userId', check: V.positiveInt }
}

/** One page of e-mail addresses (`GET /identities/emails`), of one user if given; primary first. */
export const all = /*#__PURE__*/ offsetList<IdentityEmailListArgs, IdentityEmail>('IdentityEmail.all', PATH, identityEmail, LIST_FIELDS)

/** One e-mail address (`GET /identities/emails/:id`). */
export const get = /*#__PURE__*/ getById('IdentityEmail.get', PATH, identityEmail)

/** Adds an e-mail address to a user (201). */
export const post = /*#__PURE__*/ create<NewIdentityEmail, IdentityEmail>('IdentityEmail.post', PATH, identityEmail, FIELDS, NEW_REQUIRED)

/** Changes an e-mail address, e.g. makes it the primary one (`PUT /identities/emails/:id`). */
export const put = /*#__PURE__*/ update<IdentityEmailUpdate, IdentityEmail>('IdentityEmail.put', PATH, identityEmail, FIELDS)

/** Removes an e-mail address from its user (`DELETE /identities/emails/:id`). */
const del = /*#__PURE__*/ deleteById('IdentityEmail.delete', PATH)

export { del as delete, get as find, post as save, put as update, del as destroy }
