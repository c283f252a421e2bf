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

/**
 * PHP's `max_input_vars` and `max_input_nesting_level` (php.ini defaults 1000 and 64): PHP stops reading variables
 * after the 1000th (with a warning) and drops a variable nested deeper than 64 levels. They also bound the work done
 * on a request before its credentials are checked.
 */
export const MAX_INPUT_VARS = 1000
export const MAX_INPUT_NESTING = 64
/** PHP's `max_file_uploads` (php.ini default 20): file parts after the 20th are dropped. */
export const MAX_FILE_UPLOADS = 20

/**
 * Splits a variable name the way PHP's `php_register_variable_ex` does: leading spaces dropped; `.` and ` ` in the
 * base name become `_`; `a[b][]` → `['a', 'b', '']`; text after the last `]` is ignored; a first `[` without `]`
 * becomes `_` (so `a[b` is the plain name `a_b`). `undefined` for a name PHP ignores (empty base, or nesting deeper
 * than `MAX_INPUT_NESTING`, in which case the whole variable is dropped: `{ drop: base }`).
 */
export const nameParts = (name: string): ReadonlyArray<string> | { readonly drop: string } | undefined => {
  let at = 0
  while (name[at] === ' ') at++
  let base = ''
  for (; at < name.length && name[at] !== '['; at++) {
    const c = name[at] as string
    base += c === ' ' || c === '.' ? '_' : c
  }
  if (base === '') return undefined
  if (at === name.length) return [base]
  const parts = [base]
  for (;;) {
    if (parts.length > MAX_INPUT_NESTING) return { drop: base }
    const close = name.indexOf(']', at + 1)
    if (close < 0) {
      if (parts.length === 1) return [`${base}_${name.slice(at + 1).replace(/[ .[]/g, '_')}`]
      return parts
    }
    parts.push(name.slice(at + 1, close))
    if (name[close + 1] !== '[') return parts
    at = close + 1
  }
}

const INTEGER_KEY = /^(0|-?[1-9][0-9]*)$/

// PHP arrays remember their next free integer key; so does this table, so `a[]=…` appends in constant time.
const nextFree = /*#__PURE__*/ new WeakMap<PhpArray, number>()

const nextIndex = (array: PhpArray): number => {
  let next = nextFree.get(array)
  if (next === undefined) {
    next = 0
    for (const key of array.keys()) if (INTEGER_KEY.test(key)) next = Math.max(next, Number(key) + 1)
  }
  return next
}

const setKey = (array: PhpArray, key: string, value: PhpValue): void => {
  array.set(key, value)
  if (INTEGER_KEY.test(key)) nextFree.set(array, Math.max(nextIndex(array), Number(key) + 1))
}

/** Adds one `name=value` the way PHP does (later scalars replace earlier ones; `[]` appends). */
export const assign = (vars: PhpArray, name: string, value: string): void => {
  const parts = nameParts(name)
  if (parts === undefined) return
  if (!Array.isArray(parts)) {
    vars.delete((parts as { readonly drop: string }).drop)
    return
  }
  let target = vars
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] === '' && i > 0 ? String(nextIndex(target)) : (parts[i] as string)
    if (i === parts.length - 1) {
      setKey(target, key, value)
    } else {
      const existing = target.get(key)
      if (existing instanceof Map) target = existing
      else {
        const created: PhpArray = new Map()
        setKey(target, key, created)
        target = created
      }
    }
  }
}

const lenientUtf8 = /*#__PURE__*/ new TextDecoder('utf-8')

/**
 * PHP `parse_str` of a binary query string or form body, in one pass: at most `MAX_INPUT_VARS` pieces are read.
 * `strict` false decodes invalid UTF-8 with U+FFFD instead of throwing (for reading credentials from any body).
 */
export const parseQuery = (binary: string, where: string, strict = true): PhpArray => {
  const vars: PhpArray = new Map()
  const text = (raw: string) => (strict ? utf8Text(urldecode(raw), where) : lenientUtf8.decode(binaryBytes(urldecode(raw))))
  let count = 0
  for (let at = 0; at < binary.length;) {
    const amp = binary.indexOf('&', at)
    const end = amp < 0 ? binary.length : amp
    if (end > at) {
      if (++count > MAX_INPUT_VARS) break
      // Looked for inside this piece only: a search to the body's end per piece would be quadratic.
      const piece = binary.slice(at, end)
      const eq = piece.indexOf('=')
      const name = text(eq < 0 ? piece : piece.slice(0, eq))
      if (name !== '') assign(vars, name, eq < 0 ? '' : text(piece.slice(eq + 1)))
    }
    at = end + 1
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
  let at = binary.indexOf(delimiter)
  if (at < 0) throw new MalformedBody('Malformed multipart body: the boundary does not occur in it')
  // Part by part, stopping after MAX_INPUT_VARS parts (the text before the first delimiter is the preamble; the
  // closing delimiter is followed by `--`).
  let uploads = 0
  for (let count = 0; at >= 0 && ++count <= MAX_INPUT_VARS;) {
    const start = at + delimiter.length
    const next = binary.indexOf(delimiter, start)
    const chunk = binary.slice(start, next < 0 ? binary.length : next)
    at = next
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
      if (++uploads > MAX_FILE_UPLOADS) continue
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

/**
 * A value used as a key of one of the server's caches (`isset($_cache[$_POST[name]])`): PHP reads a canonical
 * decimal string as the integer key, anything else (`'01'`, `'1 '`, `'1abc'`) finds nothing. `undefined` then.
 */
export const cacheKey = (vars: PhpArray, name: string): number | undefined => {
  const v = str(vars, name)
  return v !== undefined && /^(0|[1-9][0-9]*)$/.test(v) ? Number(v) : undefined
}

/** PHP `empty(trim($x))`: '' or '0' after trimming (the Staff checks). */
export const emptyTrimmed = (vars: PhpArray, name: string): boolean => {
  const v = str(vars, name)?.trim()
  return v === undefined || v === '' || v === '0'
}

/** `isset($x) && trim($x) != '' && !empty($x)`: the required-text test of the base controllers. */
export const requiredText = (vars: PhpArray, name: string): boolean => {
  const v = str(vars, name)
  return v !== undefined && v.trim() !== '' && v !== '0'
}

const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/

/** PHP 8's `==` between two strings: numerically when both are numeric strings (`'100' == '1e2'`, `' 1' == '1'`). */
export const phpLooseEquals = (a: string, b: string): boolean => (NUMERIC.test(a) && NUMERIC.test(b) ? Number(a) === Number(b) : a === b)
