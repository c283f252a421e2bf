/**
 * IdentityPhone — `/identities/phones` (spec §3.2 identity_phone): phone numbers of a user or an organization.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityPhone, type IdentityPhone } from './internal/entities/people'
import type { ListFields, OffsetArgs } from './internal/request'
import { create, deleteById, getById, offsetList, update } from './internal/endpoints'

export type { IdentityPhone } from './internal/entities/people'

/** The filters of `GET /identities/phones` (one user's or one organization's), with offset paging. */
export interface IdentityPhoneListArgs extends OffsetArgs {
  readonly userId?: number
  readonly organizationId?: number
}

/** The owner is a user or an organization: exactly one of `userId` and `organizationId`. */
export interface NewIdentityPhone {
  readonly userId?: number
  readonly organizationId?: number
  readonly number: string
  readonly isPrimary?: boolean
}

/** The fields to change on a phone number (`PUT /identities/phones/:id`); it stays with its owner. */
export interface IdentityPhoneUpdate {
  readonly number?: string
  readonly isPrimary?: boolean
}

const PATH = '/identities/phones'

/** Every field of a phone identity's input types, described once: wire name and check. */
const FIELDS: Fields<NewIdentityPhone & IdentityPhoneUpdate, unknown> = {
  userId: { wire: 'userId', check: V.positiveInt },
  organizationId: { wire: 'organizationId', check: V.positiveInt },
  number: { wire: 'number', check: V.nonBlank },
  isPrimary: { wire: 'isPrimary', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewIdentityPhone> = { number: true }

/** A new phone has one owner. */
const ownerRule = (input: Partial<NewIdentityPhone>): V.Issues =>
  V.when((input.userId === undefined) === (input.organizationId === undefined), 'userId', 'exactly one of userId and organizationId is required')

const LIST_FIELDS: ListFields<IdentityPhoneListArgs> = {
  userId: { wire: 'userId', check: V.positiveInt },
  organizationId: { wire: 'organizationId', check: V.positiveInt }
}

/** One page of phone numbers (`GET /identities/phones`), of one user or organization if given. */
export const all = /*#__PURE__*/ offsetList<IdentityPhoneListArgs, IdentityPhone>('IdentityPhone.all', PATH, identityPhone, LIST_FIELDS)

/** One phone number (`GET /identities/phones/:id`). */
export const get = /*#__PURE__*/ getById('IdentityPhone.get', PATH, identityPhone)

/** Adds a phone number to a user or an organization (201). */
export const post = /*#__PURE__*/ create<NewIdentityPhone, IdentityPhone>('IdentityPhone.post', PATH, identityPhone, FIELDS, NEW_REQUIRED, ownerRule)

/** Changes a phone number (`PUT /identities/phones/:id`). */
export const put = /*#__PURE__*/ update<IdentityPhoneUpdate, IdentityPhone>('IdentityPhone.put', PATH, identityPhone, FIELDS)

/** Removes a phone number from its owner (`DELETE /identities/phones/:id`). */
const del = /*#__PURE__*/ deleteById('IdentityPhone.delete', PATH)

export { del as delete, get as find, post as save, put as update, del as destroy }
