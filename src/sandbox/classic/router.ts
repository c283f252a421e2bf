/**
 * Reading a request the way the 4.98.8 server does (spec §1.1, §1.3): where the route is, which variables each verb
 * reads, and where the credentials must be.
 */
import type { HttpRequest } from '../../core/http'
import { binaryString, boundaryOf, MalformedBody, parseMultipart, parseQuery, urldecode, utf8Text, type PhpArray, type UploadedFile } from './vars'

export interface ParsedRequest {
  readonly method: string
  /** The route segments, e.g. `['Tickets', 'Ticket', 'ListAll', '1']`; empty when no route was given. */
  readonly segments: ReadonlyArray<string>
  readonly route: string
  /** Where the credentials are read: `$_GET` for GET/DELETE, `$_POST` for POST/PUT (spec §1.3). */
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
const asBinary = (text: string): string => (/[^\x00-\x7f]/.test(text) ? binaryString(encoder.encode(text)) : text)

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

const formContent = (contentType: string) => /application\/x-www-form-urlencoded/i.test(contentType)
const multipartContent = (contentType: string) => /multipart\/form-data/i.test(contentType)

const readMultipart = (binary: string, contentType: string) => {
  const boundary = boundaryOf(contentType)
  if (boundary === undefined || boundary === '') throw new MalformedBody('Malformed multipart body: the Content-Type has no boundary')
  return parseMultipart(binary, boundary)
}

const jsonVars = (binary: string): PhpArray => {
  const vars: PhpArray = new Map()
  try {
    const parsed: unknown = JSON.parse(utf8Text(binary, 'the JSON body'))
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') vars.set(k, String(v))
    }
  } catch (thrown) {
    if (!(thrown instanceof SyntaxError)) throw thrown
  }
  return vars
}

/**
 * Parses a request. Throws `InvalidUtf8` or `MalformedBody` (answered with 400 by the caller). `undefined` when the
 * path is not the API entry point.
 */
export const parseRequest = (req: HttpRequest): ParsedRequest | undefined => {
  const { path, query } = splitUrl(req.url)
  const info = pathInfo(path)
  if (info === undefined) return undefined
  const method = req.method.toUpperCase()
  const rawQuery = asBinary(query)
  const getVars = parseQuery(rawQuery, 'the query string')
  const contentType = header(req, 'content-type')
  const body = binaryString(bodyBytes(req))

  let postVars: PhpArray = new Map()
  let files: ReadonlyMap<string, UploadedFile> = NO_FILES
  if (method === 'POST' || method === 'PUT') {
    if (multipartContent(contentType)) {
      // PHP fills $_POST/$_FILES from multipart only for POST; reading it for PUT too is a tolerance.
      const parsed = readMultipart(body, contentType)
      postVars = parsed.vars
      files = parsed.files
    } else if (formContent(contentType) || (contentType === '' && body !== '')) {
      // A form body without a Content-Type is read too (PHP would leave $_POST empty): a tolerance.
      postVars = parseQuery(body, 'the form body')
    } else if (method === 'PUT' && !/application\/json/i.test(contentType)) {
      // Spec §1.3: PUT without a form content type reads $_GET if it has anything besides the route, else the body.
      const rest = [...getVars.keys()].filter((k) => k !== 'e' && !k.startsWith('/'))
      postVars = rest.length > 0 ? getVars : parseQuery(body, 'the body')
    }
  }

  // Route: `e` ($_REQUEST, the body wins), then PATH_INFO, then the "standard URL type" `index.php?/Route&…`.
  const e = postVars.get('e') ?? getVars.get('e')
  let route = ''
  let standardKey: string | undefined
  // The router urldecodes `e` once more (after PHP did): `%252F` arrives as `/`.
  if (typeof e === 'string' && e !== '') route = utf8Text(urldecode(asBinary(e)), 'the route')
  else if (info !== '' && info !== '/') route = utf8Text(urldecode(asBinary(info).replace(/\+/g, '%2B')), 'the path')
  else {
    const first = rawQuery.split('&')[0] ?? ''
    if (first.startsWith('/') || first.startsWith('%2F') || first.startsWith('%2f')) {
      standardKey = utf8Text(urldecode(first.split('=')[0] ?? ''), 'the query string')
      route = standardKey
    }
  }
  // After routing the server removes `e` from $_GET/$_POST/$_REQUEST; the standard URL type's key goes too.
  for (const vars of [getVars, postVars]) {
    vars.delete('e')
    if (standardKey !== undefined) vars.delete(standardKey)
  }

  const segments = route.split('/').map((s) => s.trim()).filter((s) => s !== '')
  const readsQuery = method === 'GET' || method === 'DELETE'
  const vars = readsQuery ? getVars : postVars
  // Spec §1.3: with a JSON content type the body is the auth container, whatever the verb (4.98.8), though the
  // controllers still read $_GET/$_POST.
  const authVars = /application\/json/i.test(contentType) ? jsonVars(body) : vars
  return { method, segments, route: `/${segments.join('/')}`, authVars, vars, files }
}
