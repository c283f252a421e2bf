/**
 * IdentityEmail — `/identities/emails` (spec §3.2 identity_email): a user's e-mail addresses. Ordered primary first,
 * then by last update.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { identityEmail, type IdentityEmail } from './internal/entities/people'
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

export type { IdentityEmail } from './internal/entities/people'

export interface IdentityEmailListArgs extends OffsetArgs {
  readonly userId?: number
}

export interface NewIdentityEmail {
  readonly userId: number
  readonly email: string
  readonly isPrimary?: boolean
  /** Only for users with the AGENT, ADMIN or OWNER role. */
  readonly isValidated?: boolean
  readonly isNotificationEnabled?: boolean
}

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

export const all = (args: IdentityEmailListArgs = {}): V1Request<Page<IdentityEmail>> =>
  getRequest('IdentityEmail.all', PATH, page(identityEmail), {
    query: offsetQuery(args, LIST_FIELDS),
    issues: checkOffset(args, LIST_FIELDS)
  })

export const get = (id: number): V1Request<IdentityEmail> =>
  getRequest('IdentityEmail.get', `${PATH}/${segment(id)}`, one(identityEmail), { issues: V.positiveInt('id', id) })

export const post = (input: NewIdentityEmail): V1Request<IdentityEmail> =>
  postRequest('IdentityEmail.post', PATH, one(identityEmail), {
    issues: checkFields(FIELDS, NEW_REQUIRED, input),
    body: json(wireValues(FIELDS, input))
  })

export const put = (id: number, input: IdentityEmailUpdate): V1Request<IdentityEmail> =>
  putRequest('IdentityEmail.put', `${PATH}/${segment(id)}`, one(identityEmail), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

const del = (id: number): V1Request<void> => deleteRequest('IdentityEmail.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
