/**
 * OAuthClient — `/oauth/clients` (spec §1.7; Admins and Owners). Read-only here.
 */
import { oauthClient, type OAuthClient } from './internal/entities/oauthClient'
import { type OffsetArgs } from './internal/request'
import { getById, offsetList } from './internal/endpoints'

export type { OAuthClient, OAuthClientLogo } from './internal/entities/oauthClient'

const PATH = '/oauth/clients'

/** One page of the registered OAuth clients (`GET /oauth/clients`). */
export const all = /*#__PURE__*/ offsetList<OffsetArgs, OAuthClient>('OAuthClient.all', PATH, oauthClient)

/** One OAuth client (`GET /oauth/clients/:id`); its `secret` is never in this answer. */
export const get = /*#__PURE__*/ getById('OAuthClient.get', PATH, oauthClient)

export { get as find }
