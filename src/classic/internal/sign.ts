/** Classic request signing: `signature = base64(HMAC-SHA256(key = secret key, message = salt))`, through WebCrypto. */
import { toBase64, utf8 } from '../../core/bytes'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

// Random bytes are drawn 4 KiB at a time: one `getRandomValues` call per salt cost as much as the rest of the salt.
// Each byte is used once; the pool is made on first use (no work at import time).
const POOL_BYTES = 4096
let pool: Uint8Array | undefined
let poolAt = POOL_BYTES

const randomByte = (): number => {
  if (pool === undefined || poolAt >= POOL_BYTES) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES))
    poolAt = 0
  }
  return pool[poolAt++] as number
}

/** 32 random alphanumerics (as the official Ruby client makes them), from the platform's secure random source. */
export const randomSalt = (length = 32): string => {
  let out = ''
  while (out.length < length) {
    const b = randomByte()
    // 248 = 62 * 4: rejecting the rest keeps every character equally likely.
    if (b < 248) out += ALPHANUMERIC.charAt(b % 62)
  }
  return out
}

export const importSigningKey = (secretKey: string): Promise<CryptoKey> =>
  crypto.subtle.importKey('raw', utf8(secretKey) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])

export const signWith = async (key: CryptoKey, salt: string): Promise<string> =>
  toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(salt) as BufferSource)))

/** The signature for one salt. Executors import the key once instead; this is for one-off use and tests. */
export const signature = async (secretKey: string, salt: string): Promise<string> => signWith(await importSigningKey(secretKey), salt)
