/**
 * IdentityPhone — `/identities/phones` (spec §3.2 identity_phone): phone numbers of a user or an organization.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityPhone, type IdentityPhone } from './internal/entities/people'
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

export type { IdentityPhone } from './internal/entities/people'

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

export const all = (args: IdentityPhoneListArgs = {}): V1Request<Page<IdentityPhone>> =>
  getRequest('IdentityPhone.all', PATH, page(identityPhone), {
    query: offsetQuery(args, LIST_FIELDS),
    issues: checkOffset(args, LIST_FIELDS)
  })

export const get = (id: number): V1Request<IdentityPhone> =>
  getRequest('IdentityPhone.get', `${PATH}/${segment(id)}`, one(identityPhone), { issues: V.positiveInt('id', id) })

export const post = (input: NewIdentityPhone): V1Request<IdentityPhone> =>
  postRequest('IdentityPhone.post', PATH, one(identityPhone), {
    issues: checkFields(FIELDS, NEW_REQUIRED, input, ownerRule),
    body: json(wireValues(FIELDS, input))
  })

export const put = (id: number, input: IdentityPhoneUpdate): V1Request<IdentityPhone> =>
  putRequest('IdentityPhone.put', `${PATH}/${segment(id)}`, one(identityPhone), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

const del = (id: number): V1Request<void> => deleteRequest('IdentityPhone.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
