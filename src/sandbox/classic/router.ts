/**
 * Reading a request the way the 4.98.8 server does (spec §1.1, §1.3): where the route is, which variables each verb
 * reads, and where the credentials must be.
 */
import type { HttpRequest } from '../../core/http'
import type { Leniency } from './settings'
import {
  binaryBytes,
  binaryString,
  boundaryOf,
  MalformedBody,
  MAX_INPUT_NESTING,
  parseMultipart,
  parseQuery,
  urldecode,
  utf8Text,
  type PhpArray,
  type PhpValue,
  type UploadedFile
} from './vars'

export interface ParsedRequest {
  readonly method: string
  /** The route segments, e.g. `['Tickets', 'Ticket', 'ListAll', '1']`; empty when no route was given. */
  readonly segments: ReadonlyArray<string>
  readonly route: string
  /** Where the credentials are read (`SWIFT_RESTServer::ParseInputStream`). */
  readonly authVars: PhpArray
  /** What the controller reads. */
  readonly vars: PhpArray
  readonly files: ReadonlyMap<string, UploadedFile>
}

const NO_FILES: ReadonlyMap<string, UploadedFile> = new Map()

const header = (req: HttpRequest, name: string): string => {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === name) return v
  return ''
}

const encoder = /*#__PURE__*/ new TextEncoder()

/** Text → binary string: characters beyond ASCII are UTF-8 encoded (a URL or body given as a JS string). */
const asBinary = (text: string): string => (/[\x80-\uffff]/.test(text) ? binaryString(encoder.encode(text)) : text)

export const bodyBytes = (req: HttpRequest): Uint8Array =>
  req.body === undefined ? new Uint8Array(0) : typeof req.body === 'string' ? encoder.encode(req.body) : req.body

/** Splits a URL (absolute or a path) into its path and its raw query string. */
export const splitUrl = (url: string): { readonly path: string; readonly query: string } => {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  const hash = withoutOrigin.indexOf('#')
  const noHash = hash < 0 ? withoutOrigin : withoutOrigin.slice(0, hash)
  const q = noHash.indexOf('?')
  return q < 0 ? { path: noHash, query: '' } : { path: noHash.slice(0, q), query: noHash.slice(q + 1) }
}

/** The PATH_INFO after `index.php`, '' when the path names the API folder itself, `undefined` for other paths. */
export const pathInfo = (path: string): string | undefined => {
  const at = path.toLowerCase().indexOf('/index.php')
  if (at >= 0) return path.slice(at + '/index.php'.length)
  return /^\/?(api\/?)?$/i.test(path) ? '' : undefined
}

// PHP fills $_POST only for a POST whose media type (case-insensitive) is a form or multipart (main/SAPI.c); the router
// and `ParseInputStream` test the Content-Type with the case-sensitive `strstr` (`L/Router/class.SWIFT_Router.php:973`,
// `L/REST/class.SWIFT_RESTServer.php:216`).
const formContent = (contentType: string) => /application\/x-www-form-urlencoded/i.test(contentType)
const multipartContent = (contentType: string) => /multipart\/form-data/i.test(contentType)
const jsonContent = (contentType: string) => contentType.includes('application/json')
const routerParsesPut = (contentType: string) => contentType.includes('application/x-www-form-urlencoded')

const readMultipart = (binary: string, contentType: string) => {
  const boundary = boundaryOf(contentType)
  if (boundary === undefined || boundary === '') throw new MalformedBody('Malformed multipart body: the Content-Type has no boundary')
  return parseMultipart(binary, boundary)
}

/** PHP's string conversion of a `json_decode` scalar (`true` → `1`, `false`/`null` → ``). */
const phpString = (value: unknown): string => (value === true ? '1' : typeof value === 'string' || typeof value === 'number' ? String(value) : '')

const phpValue = (value: unknown, depth: number): PhpValue | undefined => {
  if (value !== null && typeof value === 'object') {
    if (depth >= MAX_INPUT_NESTING) return undefined
    const array: PhpArray = new Map()
    for (const [k, v] of Object.entries(value)) {
      const converted = phpValue(v, depth + 1)
      if (converted !== undefined) array.set(k, converted)
    }
    return array
  }
  // isset() is false for null: a JSON null is as good as absent.
  return value === null ? undefined : phpString(value)
}

/**
 * `json_decode($body, true)` as the credentials container (`class.SWIFT_RESTServer.php:216-218`): values are used as
 * PHP sees them (`"salt": true` signs `1`; `"salt": 0` is empty). Not an object (or invalid JSON): no container.
 */
const jsonVars = (binary: string): PhpArray => {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(binaryBytes(binary)))
  } catch (thrown) {
    if (!(thrown instanceof SyntaxError)) throw thrown
    return new Map<string, PhpValue>()
  }
  const vars = phpValue(parsed, 0)
  return vars instanceof Map ? vars : new Map<string, PhpValue>()
}

/** Which tolerances the request reader applies (`LENIENCIES`); none by default. */
export type LenientCheck = (name: Leniency) => boolean
const STRICT: LenientCheck = () => false

/** The route the router reads (`SWIFT_Router::GetURI`, `L/Router/class.SWIFT_Router.php:983-1035`). */
const routeOf = (e: PhpValue | undefined, info: string, rawQuery: string, lenient: LenientCheck): string => {
  // `isset($_REQUEST['e']) && !empty(...) && substr(e, 0, 1) == '/'` (:984); urldecoded once more (:986), so `%252F`
  // arrives as `/`.
  if (typeof e === 'string' && e !== '' && e !== '0' && (e.startsWith('/') || lenient('route-without-slash'))) {
    return utf8Text(urldecode(asBinary(e)), 'the route')
  }
  if (info.replace(/^\/+|\/+$/g, '') !== '') return utf8Text(urldecode(asBinary(info).replace(/\+/g, '%2B')), 'the path')
  // The raw QUERY_STRING (:1016-1019), cut at its first `&` by `ExplodeSegments` (:854-866): `index.php?/Route&…`.
  // Not urldecoded; with a stray `e=Route` (no slash) it names an app `e=Route`, which does not exist.
  if (rawQuery.replace(/^\/+|\/+$/g, '') !== '') return utf8Text(rawQuery.split('&')[0] as string, 'the query string')
  return ''
}

/**
 * Parses a request the way PHP and the 4.98.8 router and REST server read it. Throws `InvalidUtf8` or
 * `MalformedBody` (answered with 400 by the caller). `undefined` when the path is not the API entry point.
 */
export const parseRequest = (req: HttpRequest, lenient: LenientCheck = STRICT): ParsedRequest | undefined => {
  const { path, query } = splitUrl(req.url)
  const info = pathInfo(path)
  if (info === undefined) return undefined
  const method = req.method.toUpperCase()
  const rawQuery = asBinary(query)
  const getVars = parseQuery(rawQuery, 'the query string')
  const contentType = header(req, 'content-type')
  const body = binaryString(bodyBytes(req))

  // $_POST/$_FILES as PHP and the router fill them before the controller runs.
  let postVars: PhpArray = new Map()
  let files: ReadonlyMap<string, UploadedFile> = NO_FILES
  const untypedForm = contentType === '' && body !== '' && lenient('form-body-without-content-type')
  if (method === 'POST') {
    if (multipartContent(contentType)) {
      const parsed = readMultipart(body, contentType)
      postVars = parsed.vars
      files = parsed.files
    } else if (formContent(contentType) || untypedForm) postVars = parseQuery(body, 'the form body')
  } else if (method === 'PUT') {
    // The router parses a PUT body only for this content type (`class.SWIFT_Router.php:973-981`).
    if (routerParsesPut(contentType) || untypedForm) postVars = parseQuery(body, 'the form body')
    else if (multipartContent(contentType) && lenient('multipart-put')) {
      const parsed = readMultipart(body, contentType)
      postVars = parsed.vars
      files = parsed.files
    }
  }

  // `$_REQUEST['e']`: the body wins over the query string (PHP's request_order "GP").
  const route = routeOf(postVars.get('e') ?? getVars.get('e'), info, rawQuery, lenient)
  // The router unsets `e` from $_GET/$_POST/$_REQUEST (`class.SWIFT_Router.php:76-79`); the standard URL type's key stays.
  getVars.delete('e')
  postVars.delete('e')

  // The credentials container (`ParseInputStream`, `class.SWIFT_RESTServer.php:206-238`): a JSON body for any verb;
  // else $_GET (GET/DELETE) or $_POST (POST) when not empty, else `parse_str` of the raw body; PUT tries $_POST,
  // then $_GET, then the raw body, which then also becomes $_POST (:235-236).
  const rawBody = () => parseQuery(body, 'the body', false)
  let authVars: PhpArray
  let vars = method === 'GET' || method === 'DELETE' ? getVars : postVars
  if (jsonContent(contentType)) authVars = jsonVars(body)
  else if (method === 'GET' || method === 'DELETE') authVars = getVars.size > 0 ? getVars : rawBody()
  else if (method === 'POST') authVars = postVars.size > 0 ? postVars : rawBody()
  else if (method === 'PUT') {
    if (postVars.size > 0) authVars = postVars
    else if (getVars.size > 0) {
      authVars = getVars
      // The controller still reads the empty $_POST: fields in the query string are ignored.
      if (lenient('put-fields-in-query')) vars = getVars
    } else vars = authVars = rawBody()
  } else authVars = new Map()

  const segments = route
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return { method, segments, route: `/${segments.join('/')}`, authVars, vars, files }
}
