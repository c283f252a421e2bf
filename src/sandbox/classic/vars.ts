/**
 * Request variables the way PHP builds them: `parse_str` for query strings and form bodies (PHP array syntax
 * `name[]`, `name[0]`, `name[1][7]`), a `multipart/form-data` reader that accepts CRLF and bare-LF line ends (the
 * official PHP client hand-builds LF-only bodies, spec classic-clients §3.1), and strict UTF-8 for text.
 *
 * Everything works on "binary strings" (one char per byte, like PHP strings), so raw UTF-8 in a body, percent escapes
 * and binary file parts are all handled the same way; text is decoded from UTF-8 only at the end.
 */

/** A PHP request value: a string, or an ordered array (keys as strings, like PHP's). */
export type PhpValue = string | PhpArray
export type PhpArray = Map<string, PhpValue>

export interface UploadedFile {
  readonly filename: string
  readonly contentType: string
  readonly bytes: Uint8Array
}

/** A request text that is not valid UTF-8: answered with 400 and the `where` in the message. */
export class InvalidUtf8 extends Error {
  constructor(readonly where: string) {
    super(`Invalid UTF-8 in ${where}`)
  }
}

/** A body the sandbox cannot read (broken multipart): answered with 400. */
export class MalformedBody extends Error {}

const strictUtf8 = /*#__PURE__*/ new TextDecoder('utf-8', { fatal: true })

/** One char per byte. */
export const binaryString = (bytes: Uint8Array): string => {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as Array<number>)
  return out
}

export const binaryBytes = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
  return out
}

/** A binary string holding UTF-8 → text; throws `InvalidUtf8`. */
export const utf8Text = (binary: string, where: string): string => {
  // eslint-disable-next-line no-control-regex
  if (!/[\x80-\xff]/.test(binary)) return binary
  try {
    return strictUtf8.decode(binaryBytes(binary))
  } catch {
    throw new InvalidUtf8(where)
  }
}

/** PHP `urldecode`: `+` is a space, `%XX` a byte; a `%` not followed by two hex digits stays as it is. */
export const urldecode = (binary: string): string =>
  binary.replace(/\+/g, ' ').replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/** Splits `a[b][]` into `['a', 'b', '']`; a name with no (well-formed) brackets is one part. */
export const nameParts = (name: string): ReadonlyArray<string> => {
  const open = name.indexOf('[')
  if (open <= 0) return [name]
  const parts = [name.slice(0, open)]
  let rest = name.slice(open)
  while (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) break
    parts.push(rest.slice(1, close))
    rest = rest.slice(close + 1)
  }
  return parts
}

const nextIndex = (array: PhpArray): string => {
  let next = 0
  for (const key of array.keys()) if (/^(0|-?[1-9][0-9]*)$/.test(key)) next = Math.max(next, Number(key) + 1)
  return String(next)
}

/** Adds one `name=value` the way PHP does (later scalars replace earlier ones; `[]` appends). */
export const assign = (vars: PhpArray, name: string, value: string): void => {
  const parts = nameParts(name)
  let target = vars
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] === '' && i > 0 ? nextIndex(target) : (parts[i] as string)
    if (i === parts.length - 1) {
      target.set(key, value)
    } else {
      const existing = target.get(key)
      if (existing instanceof Map) target = existing
      else {
        const created: PhpArray = new Map()
        target.set(key, created)
        target = created
      }
    }
  }
}

/** PHP `parse_str` of a binary query string or form body. */
export const parseQuery = (binary: string, where: string): PhpArray => {
  const vars: PhpArray = new Map()
  for (const piece of binary.split('&')) {
    if (piece === '') continue
    const eq = piece.indexOf('=')
    const rawName = eq < 0 ? piece : piece.slice(0, eq)
    const rawValue = eq < 0 ? '' : piece.slice(eq + 1)
    const name = utf8Text(urldecode(rawName), where)
    if (name === '') continue
    assign(vars, name, utf8Text(urldecode(rawValue), where))
  }
  return vars
}

const headerParam = (header: string, param: string): string | undefined => {
  const m = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header)
  return m === null ? undefined : (m[1] ?? m[2])
}

export const boundaryOf = (contentType: string): string | undefined => headerParam(contentType, 'boundary')

/**
 * Reads a `multipart/form-data` body: plain parts become variables, parts with a `filename` become files (PHP's
 * `$_FILES`). Line ends may be CRLF or LF.
 */
export const parseMultipart = (binary: string, boundary: string): { readonly vars: PhpArray; readonly files: Map<string, UploadedFile> } => {
  const vars: PhpArray = new Map()
  const files = new Map<string, UploadedFile>()
  const delimiter = `--${boundary}`
  const chunks = binary.split(delimiter)
  if (chunks.length < 2) throw new MalformedBody('Malformed multipart body: the boundary does not occur in it')
  // chunks[0] is the preamble; the last one starts with `--` (the closing delimiter).
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break
    const part = chunk.replace(/^[ \t]*\r?\n/, '')
    const split = /\r?\n\r?\n/.exec(part)
    if (split === null) throw new MalformedBody('Malformed multipart body: a part has no blank line after its headers')
    const head = part.slice(0, split.index)
    const body = part.slice(split.index + split[0].length).replace(/\r?\n$/, '')
    let disposition = ''
    let contentType = 'application/octet-stream'
    for (const line of head.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const header = line.slice(0, colon).trim().toLowerCase()
      const value = line.slice(colon + 1).trim()
      if (header === 'content-disposition') disposition = value
      if (header === 'content-type') contentType = value
    }
    const rawName = headerParam(disposition, 'name')
    if (rawName === undefined) throw new MalformedBody('Malformed multipart body: a part has no name')
    const name = utf8Text(rawName, 'a multipart field name')
    const filename = headerParam(disposition, 'filename')
    if (filename !== undefined) {
      files.set(name, { filename: utf8Text(filename, 'a multipart file name'), contentType, bytes: binaryBytes(body) })
    } else {
      assign(vars, name, utf8Text(body, `the multipart field "${name}"`))
    }
  }
  return { vars, files }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading variables in controllers

/** The string value of a variable; `undefined` when absent or an array. */
export const str = (vars: PhpArray, name: string): string | undefined => {
  const v = vars.get(name)
  return typeof v === 'string' ? v : undefined
}

/** The trimmed value, or '' when absent. */
export const trimmed = (vars: PhpArray, name: string): string => (str(vars, name) ?? '').trim()

/** PHP `empty()`: absent, '', or '0'. */
export const isEmpty = (vars: PhpArray, name: string): boolean => {
  const v = vars.get(name)
  return v === undefined || v === '' || v === '0' || (v instanceof Map && v.size === 0)
}

/** PHP `(int)`: leading integer, else 0. */
export const toInt = (text: string | undefined): number => {
  const m = /^\s*([+-]?\d+)/.exec(text ?? '')
  return m === null ? 0 : Number(m[1])
}

export const intVar = (vars: PhpArray, name: string): number => toInt(str(vars, name))

/** The values of an array variable in order; a scalar counts as a one-element list (tolerant). */
export const listVar = (vars: PhpArray, name: string): ReadonlyArray<string> => {
  const v = vars.get(name)
  if (v === undefined) return []
  if (typeof v === 'string') return [v]
  return [...v.values()].filter((x): x is string => typeof x === 'string')
}

export const isArray = (vars: PhpArray, name: string): boolean => vars.get(name) instanceof Map
