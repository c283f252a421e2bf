import * as TE from 'fp-ts/TaskEither'
import { utf8ByteLength } from './bytes'
import { causeText, redact, transportError, type KayakoError } from './error'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

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
  /**
   * Every secret the executor holds or has learned so far (set by executors, never sent): policies scrub the texts of
   * their events with it (`secretsOf`). A function, so that it is current and `JSON.stringify(request)` leaves it out.
   */
  readonly secrets?: () => ReadonlyArray<string>
}

export interface HttpResponse {
  readonly status: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Sends one request. A transport answers every status as a `Right`; only "no response" is a `Left`. */
export type Transport = (request: HttpRequest) => TE.TaskEither<KayakoError, HttpResponse>

interface FetchResponse {
  readonly status: number
  readonly headers: { forEach(cb: (value: string, name: string) => void): void }
  /** A WHATWG stream where the runtime has one: read piecewise when the request has a `maxBodyBytes`. */
  readonly body?: { getReader(): BodyReader } | null
  text(): Promise<string>
}

interface BodyReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>
  cancel(reason?: unknown): Promise<void>
}

type FetchLike = (input: string, init?: Record<string, unknown>) => Promise<FetchResponse>

// A variable specifier keeps bundlers from inlining cross-fetch: it is loaded only on runtimes without a global fetch.
const CROSS_FETCH = 'cross-fetch'

const resolveFetch = async (): Promise<FetchLike> => {
  const global = (globalThis as { fetch?: FetchLike }).fetch
  if (typeof global === 'function') return global
  const mod = (await import(/* webpackIgnore: true */ /* @vite-ignore */ CROSS_FETCH)) as {
    default?: FetchLike
    fetch?: FetchLike
  }
  const fetch = mod.fetch ?? mod.default
  if (typeof fetch !== 'function') throw new Error('no fetch implementation: neither a global fetch nor cross-fetch')
  return fetch
}

/**
 * A transport over a fetch function. The function is called unbound (`fetch(url, init)`), as some runtimes require.
 */
export const fetchTransportWith =
  (getFetch: () => Promise<FetchLike> | FetchLike): Transport =>
  (request) =>
  async () => {
    try {
      const fetch = await getFetch()
      const init: Record<string, unknown> = { method: request.method, headers: { ...request.headers } }
      if (request.body !== undefined) init.body = request.body
      if (request.signal !== undefined) init.signal = request.signal
      const response = await fetch(request.url, init)
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value
      })
      const body = await readBody(response, headers, request.maxBodyBytes)
      return { _tag: 'Right', right: { status: response.status, headers, body } }
    } catch (thrown) {
      return { _tag: 'Left', left: transportError(request.operation ?? 'request', redact(request), causeText(thrown)) }
    }
  }

/**
 * The body as text; with a limit, reading stops as soon as the body is known to exceed it (from Content-Length, or
 * once more bytes than the limit have arrived) so that an endless or huge body cannot exhaust memory. The text
 * returned then exceeds the limit (a `Content-Length` header above it is kept), which `bodyTooLarge` reports.
 */
const readBody = async (response: FetchResponse, headers: Readonly<Record<string, string>>, maxBytes: number | undefined): Promise<string> => {
  if (maxBytes === undefined || !Number.isFinite(maxBytes) || typeof response.body?.getReader !== 'function') return response.text()
  const declared = headers['content-length'] === undefined ? Number.NaN : Number(headers['content-length'])
  // A declared length within the limit bounds the body (read at full speed), unless the body is compressed: then it
  // is the compressed size, and a small gzip body can unpack to gigabytes.
  const encoded = (headers['content-encoding'] ?? 'identity').trim().toLowerCase() !== 'identity'
  if (Number.isFinite(declared) && declared <= maxBytes && !encoded) return response.text()
  const reader = response.body.getReader()
  if (Number.isFinite(declared) && declared > maxBytes) {
    await reader.cancel().catch(() => undefined)
    return ''
  }
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    received += value?.length ?? 0
    text += decoder.decode(value, { stream: true })
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return text
    }
  }
}

/** The default transport: the global `fetch`, looked up at call time; cross-fetch only where there is none. */
export const fetchTransport: Transport = /*#__PURE__*/ fetchTransportWith(resolveFetch)

/** Bodies larger than this are refused by default (`maxBodyBytes` of the executors): 32 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024

/**
 * Why a response body is too large to parse, or `undefined` when it is within `maxBytes` (UTF-8 bytes). A declared
 * `Content-Length` above the limit counts too (the transport may have stopped reading). Executors turn the message
 * into a `ParseError` before parsing, so an oversized body never reaches the XML or JSON parser.
 */
export const bodyTooLarge = (response: HttpResponse, maxBytes: number): string | undefined => {
  if (!Number.isFinite(maxBytes)) return undefined
  const declared = Number(response.headers['content-length'])
  const text = response.body
  // Each UTF-16 code unit is at least one UTF-8 byte and at most three: count bytes only when it matters.
  const size =
    Number.isFinite(declared) && declared > maxBytes ? declared : text.length > maxBytes || text.length * 3 <= maxBytes ? text.length : utf8ByteLength(text)
  return size > maxBytes ? `the body (at least ${size} bytes) exceeds maxBodyBytes (${maxBytes} bytes)` : undefined
}
