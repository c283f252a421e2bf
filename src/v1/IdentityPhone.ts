/**
 * IdentityPhone — `/identities/phones` (spec §3.2 identity_phone): phone numbers of a user or an organization.
 */
import * as V from '../core/validate'
import { identityPhone, type IdentityPhone } from './entities'
import { checkOffset, deleteRequest, getRequest, json, none, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { IdentityPhone } from './entities'

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

const checkFields = (input: IdentityPhoneUpdate): V.Issues =>
  V.issues(V.optional(input.number, (n) => V.nonBlank('number', n)), V.optional(input.isPrimary, (b) => V.isBoolean('isPrimary', b)))

const checkOwner = (input: NewIdentityPhone): V.Issues =>
  V.issues(
    V.optional(input.userId, (n) => V.positiveInt('userId', n)),
    V.optional(input.organizationId, (n) => V.positiveInt('organizationId', n)),
    V.when((input.userId === undefined) === (input.organizationId === undefined), 'userId', 'exactly one of userId and organizationId is required')
  )

const body = (input: Partial<NewIdentityPhone>) =>
  json({ userId: input?.userId, organizationId: input?.organizationId, number: input?.number, isPrimary: input?.isPrimary })

export const all = (args: IdentityPhoneListArgs = {}): V1Request<Page<IdentityPhone>> =>
  getRequest('IdentityPhone.all', PATH, page(identityPhone), {
    query: { userId: args?.userId, organizationId: args?.organizationId, offset: args?.offset, limit: args?.limit },
    issues: V.input(
      args,
      (a) =>
        V.issues(checkOffset(a), V.optional(a.userId, (n) => V.positiveInt('userId', n)), V.optional(a.organizationId, (n) => V.positiveInt('organizationId', n))),
      'args'
    )
  })

export const get = (id: number): V1Request<IdentityPhone> =>
  getRequest('IdentityPhone.get', `${PATH}/${segment(id)}`, one(identityPhone), { issues: V.positiveInt('id', id) })

export const post = (input: NewIdentityPhone): V1Request<IdentityPhone> =>
  postRequest('IdentityPhone.post', PATH, one(identityPhone), {
    issues: V.input(input, (i) => V.issues(checkOwner(i), V.nonBlank('number', i.number), checkFields(i))),
    body: body(input)
  })

export const put = (id: number, input: IdentityPhoneUpdate): V1Request<IdentityPhone> =>
  putRequest('IdentityPhone.put', `${PATH}/${segment(id)}`, one(identityPhone), {
    issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)),
    body: body(input)
  })

const del = (id: number): V1Request<void> =>
  deleteRequest('IdentityPhone.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
