// Signing cost: WebCrypto HMAC-SHA256 with the key imported per signature and once per executor, against
// node:crypto's createHmac, in microseconds per signature.
import { createHmac } from 'node:crypto'
import { randomSalt, signature } from '../../src/classic/internal/sign'
import { webCryptoSigner } from '../../src/classic/internal/signer'
import { fixed, interleaved, table } from './measure'

const SIGNATURES = 5000

export interface SigningResult {
  readonly importEach: number
  readonly keyOnce: number
  readonly saltOnly: number
  readonly nodeHmac: number
}

export const benchSigning = async (rounds: number): Promise<SigningResult> => {
  const secret = 'bench-secret-key-0123456789'
  const sign = webCryptoSigner(secret)
  await sign('warm-up')
  const salts = Array.from({ length: SIGNATURES }, () => randomSalt())
  const ms = await interleaved(rounds, {
    importEach: async () => {
      for (const salt of salts) await signature(secret, salt)
    },
    keyOnce: async () => {
      for (const salt of salts) await sign(salt)
    },
    saltOnly: () => {
      for (let i = 0; i < SIGNATURES; i++) randomSalt()
    },
    nodeHmac: () => {
      for (const salt of salts) createHmac('sha256', secret).update(salt).digest('base64')
    }
  })
  const us = (x: number): number => (x * 1000) / SIGNATURES
  return { importEach: us(ms.importEach), keyOnce: us(ms.keyOnce), saltOnly: us(ms.saltOnly), nodeHmac: us(ms.nodeHmac) }
}

export const signingTable = (r: SigningResult): string =>
  table(
    ['per request', 'µs', 'vs node:crypto createHmac'],
    [
      ['WebCrypto importKey + sign (a key per signature)', fixed(r.importEach, 1), `${fixed(r.importEach / r.nodeHmac, 1)}×`],
      ['WebCrypto sign, key imported once per executor (what `classic()` does)', fixed(r.keyOnce, 1), `${fixed(r.keyOnce / r.nodeHmac, 1)}×`],
      ['32-character salt from crypto.getRandomValues', fixed(r.saltOnly, 1), '-'],
      ['node:crypto createHmac (not used: not on edge runtimes)', fixed(r.nodeHmac, 1), '1×']
    ]
  )
