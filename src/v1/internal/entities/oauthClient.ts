import { date, type Extra, list, nested, nullableText, related, type Related, requiredInt, struct, text, toText } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'

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

export const oauthClient: Decoder<unknown, OAuthClient> = /*#__PURE__*/ struct('oauth_client', () => ({
  id: requiredInt('id'),
  name: text('name'),
  url: nullableText('url'),
  key: nullableText('key'),
  secret: nullableText('secret'),
  scopes: list('scopes', { decode: toText }),
  logo: nested('logo', /*#__PURE__*/ struct(undefined, { url: nullableText('url'), createdAt: date('created_at') })),
  description: nullableText('description'),
  author: nullableText('author'),
  authorUrl: nullableText('author_url'),
  callbackUrl: nullableText('callback_url'),
  creator: related('creator', user),
  lastUsedAt: date('last_used_at'),
  ...stamps(),
  ...url()
}))
