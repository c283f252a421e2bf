import * as TE from 'fp-ts/TaskEither'
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
}

export interface HttpResponse {
  readonly status: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Sends one request. A transport answers every status as a `Right`; only "no response" is a `Left`. */
export type Transport = (request: HttpRequest) => TE.TaskEither<KayakoError, HttpResponse>

type FetchLike = (input: string, init?: Record<string, unknown>) => Promise<{
  readonly status: number
  readonly headers: { forEach(cb: (value: string, name: string) => void): void }
  text(): Promise<string>
}>

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
      const body = await response.text()
      return { _tag: 'Right', right: { status: response.status, headers, body } }
    } catch (thrown) {
      return { _tag: 'Left', left: transportError(request.operation ?? 'request', redact(request), causeText(thrown)) }
    }
  }

/** The default transport: the global `fetch`, looked up at call time; cross-fetch only where there is none. */
export const fetchTransport: Transport = /*#__PURE__*/ fetchTransportWith(resolveFetch)
