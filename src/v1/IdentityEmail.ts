/**
 * IdentityEmail — `/identities/emails` (spec §3.2 identity_email): a user's e-mail addresses. Ordered primary first,
 * then by last update.
 */
import * as V from '../core/validate'
import { identityEmail, type IdentityEmail } from './entities'
import { checkOffset, deleteRequest, getRequest, json, none, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { IdentityEmail } from './entities'

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

const checkFields = (input: IdentityEmailUpdate): V.Issues =>
  V.issues(
    V.optional(input.email, (e) => V.email('email', e)),
    V.optional(input.isPrimary, (b) => V.isBoolean('isPrimary', b)),
    V.optional(input.isValidated, (b) => V.isBoolean('isValidated', b)),
    V.optional(input.isNotificationEnabled, (b) => V.isBoolean('isNotificationEnabled', b))
  )

const body = (input: Partial<NewIdentityEmail>) =>
  json({
    userId: input?.userId,
    email: input?.email,
    isPrimary: input?.isPrimary,
    isValidated: input?.isValidated,
    isNotificationEnabled: input?.isNotificationEnabled
  })

export const all = (args: IdentityEmailListArgs = {}): V1Request<Page<IdentityEmail>> =>
  getRequest('IdentityEmail.all', PATH, page(identityEmail), {
    query: { userId: args?.userId, offset: args?.offset, limit: args?.limit },
    issues: V.input(args, (a) => V.issues(checkOffset(a), V.optional(a.userId, (n) => V.positiveInt('userId', n))), 'args')
  })

export const get = (id: number): V1Request<IdentityEmail> =>
  getRequest('IdentityEmail.get', `${PATH}/${segment(id)}`, one(identityEmail), { issues: V.positiveInt('id', id) })

export const post = (input: NewIdentityEmail): V1Request<IdentityEmail> =>
  postRequest('IdentityEmail.post', PATH, one(identityEmail), {
    issues: V.input(input, (i) => V.issues(V.positiveInt('userId', i.userId), V.email('email', i.email), checkFields(i))),
    body: body(input)
  })

export const put = (id: number, input: IdentityEmailUpdate): V1Request<IdentityEmail> =>
  putRequest('IdentityEmail.put', `${PATH}/${segment(id)}`, one(identityEmail), {
    issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)),
    body: body(input)
  })

const del = (id: number): V1Request<void> =>
  deleteRequest('IdentityEmail.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
