import { date, type Extra, list, record, related, type Related, toText } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource, type Timestamps } from './resource'

/** An OAuth client's logo image. */
export interface OAuthClientLogo {
  readonly url: string | null
  readonly createdAt: Date | null
  readonly extra: Extra
}

/** An app registered for OAuth 2.0 (`/oauth/clients`): its key, the scopes it may ask for and its callback URL. */
export interface OAuthClient extends Timestamps, Resource {
  readonly id: number
  readonly name: string
  readonly url: string | null
  readonly key: string | null
  /** Only in the answer that creates the client. */
  readonly secret: string | null
  readonly scopes: ReadonlyArray<string>
  readonly logo: OAuthClientLogo | null
  readonly description: string | null
  readonly author: string | null
  readonly authorUrl: string | null
  readonly callbackUrl: string | null
  readonly creator: Related<User> | null
  readonly lastUsedAt: Date | null
}

export const oauthClient: Decoder<unknown, OAuthClient> = /*#__PURE__*/ record(
  'oauth_client',
  'id:I name:t url key secret scopes:1 logo:2 description author authorUrl callbackUrl creator:3 lastUsedAt:0 ' + 'createdAt:0 updatedAt:0 resourceUrl',
  () => [date, list({ decode: toText }), /*#__PURE__*/ record(undefined, 'url createdAt:0', () => [date]), related(user)]
)
