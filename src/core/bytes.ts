import * as E from './either'

const encoder = /*#__PURE__*/ new TextEncoder()

export const utf8 = (text: string): Uint8Array => encoder.encode(text)

/** The UTF-8 size of a text without encoding it (a lone surrogate counts as the 3 bytes of U+FFFD). */
export const utf8ByteLength = (text: string): number => {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // one more byte from U+0080, two more from U+0800 (a lone surrogate too: U+FFFD)
    if (c > 0x7f) bytes += c < 0x800 ? 1 : 2
    // a surrogate pair is 4 bytes for its 2 code units: its high half added 2, its low half adds nothing
    if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return bytes
}

export const utf8Decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes)

const CHUNK = 0x8000

/** Standard Base64 with padding. */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as Array<number>)
  }
  return btoa(binary)
}

/**
 * Standard Base64 of a text's UTF-8 bytes (a lone surrogate as U+FFFD's, as TextEncoder encodes it): the Basic
 * authentication of the v1 session, without TextEncoder or a loop in its bundle (`unescape` of the URL-encoded text
 * gives one character per UTF-8 byte, which is what `btoa` takes). Never throws.
 */
export const base64OfText = (text: string): string =>
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- Annex B, in every runtime; the shortest UTF-8 to bytes
  btoa(unescape(encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'))))

/** Decodes standard or URL-safe Base64; white space is ignored and padding is optional. */
export const fromBase64 = (text: string): E.Either<string, Uint8Array> => {
  if (typeof text !== 'string') return E.left('not Base64')
  const clean = text.replace(/[\s]/g, '').replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
    return E.left('not Base64')
  }
  const unpadded = clean.replace(/=+$/, '')
  const binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return E.right(out)
}
