/**
 * The Classic request description: plain data a builder returns and an executor runs. Builders never perform I/O and
 * never throw; arguments that fail validation are carried as `issues`, which the executor answers with a
 * `ValidationError` before anything is sent.
 */
import type { Decoder } from '../../core/decoder'
import type { Issues } from '../../core/validate'
import type { XmlElement } from './xml'

/** The HTTP method of a Classic call. */
export type ClassicMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Ordered name/value pairs, already in PHP array syntax (`usergroupid[]`, `field[1][7]`). */
export type FormPairs = ReadonlyArray<readonly [string, string]>

/** A file sent as a `multipart/form-data` part. */
export interface FilePart {
  readonly name: string
  readonly filename: string
  readonly contentType: string
  readonly data: Uint8Array
}

/** What the executor does with a 200 answer: decode the XML document, or expect nothing (DELETE). */
export type ResponseDecoder<A> = { readonly _tag: 'Xml'; readonly decoder: Decoder<XmlElement, A> } | { readonly _tag: 'Void' }

/**
 * A Classic API call as data: what every builder returns and an executor (`classic(config)`) signs, sends and
 * decodes into an `A`. Building one sends nothing.
 */
export interface ClassicRequest<A> {
  /** `Object.method`, for errors and logs. */
  readonly operation: string
  readonly method: ClassicMethod
  /** The route sent as `e=`, e.g. `/Base/Department/5`. */
  readonly route: string
  /** Extra query parameters (GET/DELETE). */
  readonly query: FormPairs
  /** Body fields (POST/PUT), without the credentials, which the executor adds. */
  readonly form: FormPairs
  /** Files: when present the body is `multipart/form-data`, encoded by `multipart`. */
  readonly files: ReadonlyArray<FilePart>
  /** The `multipart/form-data` encoder, set with the files (`withFiles` in `multipart.ts`), so only uploads carry it. */
  readonly multipart?: Upload['multipart']
  readonly issues: Issues
  readonly response: ResponseDecoder<A>
}

/** The type a request decodes to. */
export type Result<R> = R extends ClassicRequest<infer A> ? A : never

// ---------------------------------------------------------------------------------------------------------------
// Form values

/** A value as a builder hands it over; encoded the way the official clients do (booleans 1/0, dates Unix seconds). */
export type FormValue = string | number | boolean | Date | null | undefined | ReadonlyArray<FormValue> | { readonly [key: string]: FormValue }

const scalar = (value: string | number | boolean | Date | null): string =>
  value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : value instanceof Date ? String(Math.floor(value.getTime() / 1000)) : String(value)

/**
 * Flattens values into PHP form pairs: arrays as `name[]` (as the Ruby and Python clients send them), objects as
 * `name[key]`, nested to any depth. `undefined` values are left out.
 */
export const phpForm = (values: { readonly [name: string]: FormValue }): FormPairs => {
  const out: Array<readonly [string, string]> = []
  const add = (name: string, value: FormValue): void => {
    if (value === undefined) return
    if (Array.isArray(value)) {
      for (const item of value as ReadonlyArray<FormValue>) add(`${name}[]`, item)
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) add(`${name}[${k}]`, v)
    } else {
      out.push([name, scalar(value)])
    }
  }
  for (const [name, value] of Object.entries(values)) add(name, value)
  return out
}

/** A lone surrogate (half of an emoji cut in two) becomes U+FFFD: `encodeURIComponent` throws on it. */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')

/** `encodeURIComponent`, lone surrogates as U+FFFD (the replacement only when there is one: it is the slow part). */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text)
  } catch {
    return encodeURIComponent(wellFormed(text))
  }
}

/** `application/x-www-form-urlencoded` text of pairs. */
export const encodeForm = (pairs: FormPairs): string => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')

// ---------------------------------------------------------------------------------------------------------------
// Constructors used by the resource modules

export const xml = <A>(decoder: Decoder<XmlElement, A>): ResponseDecoder<A> => ({ _tag: 'Xml', decoder })
export const none: ResponseDecoder<void> = { _tag: 'Void' }

const NONE: ReadonlyArray<never> = []

/** Files to send, with the encoder of their body (`withFiles`). */
export interface Upload {
  readonly files: ReadonlyArray<FilePart>
  readonly multipart: (boundary: string, fields: FormPairs, files: ReadonlyArray<FilePart>) => Uint8Array
}

export interface RequestParts {
  readonly query?: FormPairs
  readonly form?: FormPairs
  readonly upload?: Upload
  readonly issues?: Issues
}

export const request = <A>(
  operation: string,
  method: ClassicMethod,
  route: string,
  response: ResponseDecoder<A>,
  parts: RequestParts = {}
): ClassicRequest<A> => ({
  operation,
  method,
  route,
  query: parts.query ?? NONE,
  form: parts.form ?? NONE,
  files: parts.upload?.files ?? NONE,
  issues: parts.issues ?? NONE,
  response,
  ...(parts.upload && { multipart: parts.upload.multipart })
})

export const getRequest = <A>(operation: string, route: string, decoder: Decoder<XmlElement, A>, parts?: RequestParts) =>
  request(operation, 'GET', route, xml(decoder), parts)

export const postRequest = <A>(operation: string, route: string, decoder: Decoder<XmlElement, A>, parts?: RequestParts) =>
  request(operation, 'POST', route, xml(decoder), parts)

export const putRequest = <A>(operation: string, route: string, decoder: Decoder<XmlElement, A>, parts?: RequestParts) =>
  request(operation, 'PUT', route, xml(decoder), parts)

export const deleteRequest = (operation: string, route: string, parts?: RequestParts): ClassicRequest<void> => request(operation, 'DELETE', route, none, parts)

/**
 * An id as a route segment; invalid ids are reported as issues by the builder, so any text is fine here, but it must
 * not throw (builders are total): a value without a string form gives ''.
 */
export const segment = (value: string | number): string => {
  let text: string
  try {
    text = String(value)
  } catch {
    return ''
  }
  return encodeURIComponent(wellFormed(text))
}
