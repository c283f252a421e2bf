/**
 * OAuthClient — `/oauth/clients` (spec §1.7; Admins and Owners). Read-only here.
 */
import * as V from '../core/validate'
import { oauthClient, type OAuthClient } from './internal/entities/oauthClient'
import { checkOffset, getRequest, offsetQuery, one, page, segment, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { OAuthClient, OAuthClientLogo } from './internal/entities/oauthClient'

const PATH = '/oauth/clients'

export const all = (args: OffsetArgs = {}): V1Request<Page<OAuthClient>> =>
  getRequest('OAuthClient.all', PATH, page(oauthClient), { query: offsetQuery(args), issues: checkOffset(args) })

export const get = (id: number): V1Request<OAuthClient> =>
  getRequest('OAuthClient.get', `${PATH}/${segment(id)}`, one(oauthClient), { issues: V.positiveInt('id', id) })

export { get as find }
