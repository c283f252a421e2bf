/**
 * How the Classic executor signs salts. Kept apart from sign.ts so that no public declaration mentions `CryptoKey`
 * (a Node project without the DOM library has no such type, and its type check would fail on ours).
 */
import { importSigningKey, signWith } from './sign'

/**
 * Makes one executor's signing function from the secret key: `salt → signature`. The default, `webCryptoSigner`,
 * runs on every runtime; on Node, `nodeSigner` from `kayako-fp/node` signs synchronously with node:crypto.
 */
export type Signer = (secretKey: string) => (salt: string) => string | Promise<string>

/** WebCrypto HMAC-SHA256, the key imported once (lazily); a failed import is tried again by the next request. */
export const webCryptoSigner: Signer = (secretKey) => {
  let key: Promise<CryptoKey> | undefined
  return async (salt) => {
    try {
      key ??= importSigningKey(secretKey)
      return await signWith(await key, salt)
    } catch (thrown) {
      key = undefined
      throw thrown
    }
  }
}
