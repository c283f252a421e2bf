/**
 * The credentials check of `Controller_api::__construct` (`L/Controllers/class.Controller_api.php:69-97`) and
 * `SWIFT_RESTManager::Authenticate` (`L/REST/class.SWIFT_RESTManager.php:86-127`):
 * `salt` set and not `empty()`, else 401 `NO SALT PROVIDED!`; `trim(apikey)` non-empty and equal to the key, and
 * `trim(str_replace(' ', '+', signature))` non-empty and equal to `base64(HMAC-SHA256(secret, salt))`, else 401
 * `FAILED TO AUTHENTICATE`.
 *
 * The HMAC is computed here, with WebCrypto directly, never with the client's signer: a signing bug in the client
 * cannot pass its own check.
 */
import type { Reply } from './controller'
import { isEmpty, phpLooseEquals, type PhpArray, type PhpValue } from './vars'

export const NO_SALT = 'NO SALT PROVIDED!'
export const FAILED = 'FAILED TO AUTHENTICATE'

const CACHE_SIZE = 512
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const base64 = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63)
    out += i + 1 < bytes.length ? BASE64.charAt((n >> 6) & 63) : '='
    out += i + 2 < bytes.length ? BASE64.charAt(n & 63) : '='
  }
  return out
}

const utf8 = /*#__PURE__*/ new TextEncoder()

/** `base64_encode(hash_hmac('sha256', $salt, $secret, true))`. */
export const hmacSha256Base64 = async (secret: string, message: string): Promise<string> => {
  const key = await crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return base64(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(message))))
}

/** `RESTServer->Get(name)` as a string: absent is `false` (''), an array counts as no text. */
const text = (value: PhpValue | undefined): string => (typeof value === 'string' ? value : '')

export const authenticator = (apiKey: string, secretKey: string) => {
  // Clients reuse salts rarely, but tests and benchmarks do: a small cache saves the HMAC.
  const expected = new Map<string, string>()
  const signatureFor = async (salt: string): Promise<string> => {
    const known = expected.get(salt)
    if (known !== undefined) return known
    const computed = await hmacSha256Base64(secretKey, salt)
    if (expected.size >= CACHE_SIZE) expected.delete(expected.keys().next().value as string)
    expected.set(salt, computed)
    return computed
  }

  /** `undefined` when the credentials are good, else the 401 answer. */
  return async (vars: PhpArray): Promise<Reply | undefined> => {
    // PHP empty(): a salt of '0' counts as missing too.
    if (isEmpty(vars, 'salt')) return unauthorized(NO_SALT)
    const salt = text(vars.get('salt'))
    const given = text(vars.get('apikey')).trim()
    const signature = text(vars.get('signature')).replace(/ /g, '+').trim()
    // `empty($_incomingAPIKey)` and `empty($_signature)`: '0' is empty too (class.SWIFT_RESTManager.php:110-119).
    // `$_apiKey != $_incomingAPIKey` is PHP's loose comparison (class.SWIFT_RESTManager.php:110).
    if (!phpLooseEquals(apiKey, given) || given === '' || given === '0' || apiKey.trim() === '' || signature === '' || signature === '0')
      return unauthorized(FAILED)
    return (await signatureFor(salt)) === signature ? undefined : unauthorized(FAILED)
  }
}

// The 401 comes before the controller sets `Content-type: text/xml` (class.Controller_api.php:99), so PHP's default
// type applies.
const unauthorized = (message: string): Reply => ({ status: 401, body: message, contentType: 'text/html; charset=UTF-8' })
