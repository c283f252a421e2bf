import * as TE from 'fp-ts/TaskEither'
import { utf8ByteLength } from './bytes'
import * as E from './either'
import { causeText, httpError, noResponse, parseError, redact, redactUrl, validationError, type KayakoError, type TransferPhase } from './error'
import { notHttpUrl } from './validate'

/** The method of an {@link HttpRequest}: the executors of both APIs send GET, POST, PUT and DELETE. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

/** One HTTP request as executors hand it to a {@link Transport}: complete, with its headers and encoded body. */
export interface HttpRequest {
  readonly method: HttpMethod
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array
  /** Aborts the request (used by `withTimeout`). */
  readonly signal?: AbortSignal
  /** The operation the request serves, e.g. `Department.get`: for errors and logs only, never sent. */
  readonly operation?: string
  /** Which try this is, from 1 (set by `withRetry`, read by `withLogger`): never sent. */
  readonly attempt?: number
  /**
   * The body size the caller will accept (set by executors from their `maxBodyBytes`). A transport may stop reading
   * once the body is larger; what it returns is then longer than the limit, which `bodyTooLarge` reports.
   */
  readonly maxBodyBytes?: number
  /** Told as the exchange enters each phase (set by `withTimeout`, so a deadline can say where it ran out): never sent. */
  readonly onPhase?: (phase: TransferPhase) => void
  /**
   * Every secret the executor holds or has learned so far (set by executors, never sent): policies scrub the texts of
   * their events with it (`secretsOf`). A function, so that it is current and `JSON.stringify(request)` leaves it out.
   */
  readonly secrets?: () => ReadonlyArray<string>
  /**
   * The answer is wanted as bytes (a download): the transport sets `HttpResponse.bytes` and leaves `body` empty.
   * Never sent. A transport that ignores it answers text, which the v1 executor takes as its UTF-8 bytes.
   */
  readonly bytes?: boolean
}

/** What a {@link Transport} answers: status, headers and body, whatever the status. */
export interface HttpResponse {
  readonly status: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** The body as it came, when the request asked for bytes (`HttpRequest.bytes`); `body` is then `''`. */
  readonly bytes?: Uint8Array
}

/**
 * Sends one request. A transport answers every status as a `Right` (a redirect too: transports do not follow them);
 * "no complete response" is a `TransportError`, a request that cannot be sent (a bad URL) a `ValidationError`.
 */
export type Transport = (request: HttpRequest) => TE.TaskEither<KayakoError, HttpResponse>

/** The part of a WHATWG `Response` that `fetchTransportWith` reads. */
export interface FetchResponse {
  readonly status: number
  /** `opaqueredirect` where the runtime hides a redirect from `redirect: 'manual'` (browsers). */
  readonly type?: string
  readonly headers: {
    /** Calls `cb` with each header. */
    forEach(cb: (value: string, name: string) => void): void
  }
  /** A WHATWG stream where the runtime has one: read piecewise when the request has a `maxBodyBytes`. */
  readonly body?: {
    /** A reader of the body's bytes. */
    getReader(): BodyReader
  } | null
  /** The whole body as text. */
  text(): Promise<string>
}

/** The part of a WHATWG stream reader that `fetchTransportWith` uses to read a body piecewise. */
export interface BodyReader {
  /** The next chunk, or `done`. */
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>
  /** Stops reading (a body over `maxBodyBytes`). */
  cancel(reason?: unknown): Promise<void>
}

/** A `fetch` function (the global one, a polyfill such as `cross-fetch`, undici's, or a test double), as `fetchTransportWith` takes it. */
export type FetchLike = (input: string, init?: Record<string, unknown>) => Promise<FetchResponse>

// A variable specifier keeps bundlers from inlining cross-fetch: it is loaded only on runtimes without a global fetch.
const CROSS_FETCH = 'cross-fetch'

// Looked up at each call, so that a test double (or a polyfill installed later) is used.
// (cross-fetch's default export is its fetch, under every loader: its CommonJS `module.exports` is the function)
const resolveFetch = async (): Promise<FetchLike> =>
  (globalThis as { fetch?: FetchLike }).fetch ?? ((await import(/* webpackIgnore: true */ /* @vite-ignore */ CROSS_FETCH)) as { default: FetchLike }).default

// ---------------------------------------------------------------------------------------------------------------
// Redirects: no transport of the library follows one (fetch is told `redirect: 'manual'`, node:http never does)

/** The statuses that are redirects (301, 302, 303, 307, 308): no transport follows them on its own. */
export const REDIRECT_STATUSES: ReadonlyArray<number> = [301, 302, 303, 307, 308]

/**
 * What an executor says of a redirect it got (`HttpError.message`), or `undefined` for any other answer. Nothing is
 * followed by default: another origin would receive the Classic credentials or the v1 session headers, and fetch
 * would re-send a POST or PUT behind a 301, 302 or 303 as a GET, so that nothing is written.
 */
export const redirectMessage = (response: HttpResponse): string | undefined => {
  const location = REDIRECT_STATUSES.includes(response.status) ? response.headers.location : undefined
  return location === undefined ? undefined : `redirected to ${redactUrl(location)}${NOT_FOLLOWED}`
}

// (the usual cause is a wrong base URL: http for https, an old host name, a wrong path)
const NOT_FOLLOWED = ', not followed (check the url)'

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * Follows the redirects of GET requests within their own origin (scheme, host and port), up to `max` (default 5),
 * sending the same request with the same headers to the new URL. Any other redirect (another origin, another method,
 * one too many) is answered as it came, and the executor reports it as an `HttpError`: a request is never re-sent with
 * another method, and another origin never receives anything. Opt-in: `pipe(fetchTransport, followSameOriginRedirects())`.
 */
export const followSameOriginRedirects =
  (max = 5) =>
  (transport: Transport): Transport =>
  (request) =>
  async () => {
    let current = request
    for (let hops = 0; ; hops++) {
      const sent = await transport(current)()
      if (sent._tag === 'Left' || current.method !== 'GET' || hops >= max || redirectMessage(sent.right) === undefined) return sent
      let target: string
      try {
        target = new URL(sent.right.headers.location as string, current.url).href
      } catch {
        return sent
      }
      if (originOf(target) !== originOf(current.url)) return sent
      current = { ...current, url: target }
    }
  }

/** A request no transport can send: its URL does not parse, or is not http(s). Nothing was sent. */
export const invalidUrl = (request: HttpRequest): KayakoError | undefined => {
  const problem = notHttpUrl(request.url)
  return problem === undefined ? undefined : validationError(request.operation ?? 'request', [{ path: 'url', message: `${problem}; nothing was sent` }])
}

/**
 * A transport over a fetch function. The function is called unbound (`fetch(url, init)`), as some runtimes require.
 * Redirects are not followed (`redirect: 'manual'`): the 3xx answer is returned as it came.
 */
export const fetchTransportWith =
  (getFetch: () => Promise<FetchLike> | FetchLike): Transport =>
  (request) =>
  async () => {
    const unsendable = invalidUrl(request)
    if (unsendable) return E.left(unsendable)
    const operation = request.operation ?? 'request'
    let answered = false
    try {
      const fetch = await getFetch()
      // fetch does not say when it has connected: its `headers` phase includes connecting.
      request.onPhase?.('headers')
      // absent members (`body`, `signal`) are `undefined`, which fetch ignores
      const response = await fetch(request.url, {
        method: request.method,
        headers: { ...request.headers },
        redirect: 'manual',
        body: request.body,
        signal: request.signal
      })
      if (response.type === 'opaqueredirect') {
        // A browser hides a redirect's status and Location from `redirect: 'manual'`; it is refused all the same.
        return E.left(httpError(operation, redact(request), 0, '', `redirected (the runtime hides where)${NOT_FOLLOWED}`))
      }
      answered = true
      request.onPhase?.('body')
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value
      })
      return E.right({ status: response.status, headers, ...(await readBody(response, headers, request.maxBodyBytes, request.bytes)) })
    } catch (thrown) {
      // The answer arrived but its content encoding is broken (zlib and brotli error codes on the cause, as Node's fetch
      // reports it): the same bytes would come again, so not "no response".
      const code = (thrown as { cause?: { code?: unknown } } | null)?.cause?.code
      return E.left(
        answered && /^(Z_|ERR__ERROR_)/.test(code as string)
          ? parseError(operation, `the body could not be decompressed (${causeText(thrown)})`, '')
          : noResponse(request, causeText(thrown))
      )
    }
  }

/**
 * The body as text, or as bytes (a download: `body` is then `''`); with a limit, reading stops as soon as the body is
 * known to exceed it (from Content-Length, or once more bytes than the limit have arrived) so that an endless or huge
 * body cannot exhaust memory. What is returned then exceeds the limit (a `Content-Length` header above it is kept,
 * nothing is read), which `bodyTooLarge` reports.
 */
const readBody = async (
  response: FetchResponse,
  headers: Readonly<Record<string, string>>,
  max = Infinity,
  asBytes = false
): Promise<Pick<HttpResponse, 'body' | 'bytes'>> => {
  const declared = Number(headers['content-length'])
  // A declared length within the limit bounds the body (read at full speed), unless the body is compressed: then it
  // is the compressed size, and a small gzip body can unpack to gigabytes.
  // (trimmed, not matched with `^\s*(identity)?\s*$`: that backtracks quadratically on a header of white space, such
  // as no-break spaces, which fetch does not trim)
  const encoded = !['', 'identity'].includes((headers['content-encoding'] ?? '').trim().toLowerCase())
  if (!response.body?.getReader || (!asBytes && (max === Infinity || (declared <= max && !encoded)))) return { body: await response.text() }
  const reader = response.body.getReader()
  const chunks: Array<Uint8Array<ArrayBuffer>> = []
  // Text is decoded as it arrives: the chunks, their copy in a Blob and the text would hold three times the body at
  // once (four times the limit with a gzip bomb). A UTF-8 sequence cut at the limit becomes U+FFFD, never fewer bytes.
  const utf8 = new TextDecoder()
  let body = ''
  let received = declared > max ? declared : 0
  for (let chunk; received <= max && !(chunk = await reader.read()).done;) {
    const value = chunk.value as Uint8Array<ArrayBuffer>
    if (asBytes) chunks.push(value)
    else body += utf8.decode(value, { stream: true })
    received += value.length
  }
  // not awaited: nothing more is read, and a runtime whose cancel waits on the server must not hold the answer
  if (received > max) reader.cancel().catch(() => undefined)
  return asBytes ? { body: '', bytes: new Uint8Array(await new Blob(chunks).arrayBuffer()) } : { body: body + utf8.decode() }
}

/** The default transport: the global `fetch`, looked up at call time; cross-fetch only where there is none. */
export const fetchTransport: Transport = /*#__PURE__*/ fetchTransportWith(resolveFetch)

/**
 * How long an executor gives each request by default, end to end (connecting, the headers, the whole body): 60 s.
 * Executors take `deadlineMs` to change it (`Infinity` switches it off); a late request is a `TransportError` whose
 * `phase` says where it ran out.
 */
export const DEFAULT_DEADLINE_MS = 60_000

/** Bodies larger than this are refused by default (`maxBodyBytes` of the executors): 32 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 33_554_432 // 32 × 1024 × 1024

/**
 * Why a response body is too large to parse, or `undefined` when it is within `maxBytes` (UTF-8 bytes). A declared
 * `Content-Length` above the limit counts too (the transport may have stopped reading). Executors turn the message
 * into a `ParseError` before parsing, so an oversized body never reaches the XML or JSON parser.
 */
export const bodyTooLarge = (response: HttpResponse, maxBytes: number): string | undefined => {
  const declared = Number(response.headers['content-length'])
  const text = response.body
  // Each UTF-16 code unit is at least one UTF-8 byte and at most three: count bytes only when it matters (counted, not
  // encoded: a Blob of the text would hold a copy of a body of up to maxBodyBytes). (No limit: nothing is counted.)
  const size =
    declared > maxBytes ? declared : (response.bytes?.length ?? (text.length > maxBytes || text.length * 3 <= maxBytes ? text.length : utf8ByteLength(text)))
  return size > maxBytes ? `the body (at least ${size} bytes) exceeds maxBodyBytes (${maxBytes} bytes)` : undefined
}
