/**
 * Fault injection for the sandbox: what a flaky network, an overloaded helpdesk or a PHP warning does to requests,
 * on purpose, so that callers can prove their code survives it.
 *
 * A fault either stops a request before the sandbox handles it (the helpdesk never saw it: `reset`, `hang`, `500`,
 * `502`, `503`, `429`, `html`) or damages the answer after the sandbox handled it (the work was done but the caller
 * cannot tell: `truncate`, `notice`, `trickle`). The injector's `log` records which, so a test can tell a lost POST
 * from an ambiguous one.
 */
import * as E from '../core/either'
import { redact, transportError } from '../core/error'
import type { HttpRequest, HttpResponse, Transport } from '../core/http'
import { systemClock, type Clock } from '../core/policy'

/** A way the sandbox can misbehave: a reset or hanging connection, an error status, an HTML or truncated body, a PHP notice, a slow body… */
export type FaultKind = 'reset' | 'hang' | '500' | '502' | '503' | '429' | 'html' | 'truncate' | 'notice' | 'trickle'

/** Every `FaultKind`, the default of `FaultOptions.kinds`. */
export const FAULT_KINDS: ReadonlyArray<FaultKind> = ['reset', 'hang', '500', '502', '503', '429', 'html', 'truncate', 'notice', 'trickle']

/** Whether the sandbox handles a request that meets the fault (and so may have changed its records). */
export const HANDLED: Readonly<Record<FaultKind, boolean>> = {
  reset: false,
  hang: false,
  '500': false,
  '502': false,
  '503': false,
  '429': false,
  html: false,
  truncate: true,
  notice: true,
  trickle: true
}

/** What to inject: a rate and seed over `kinds`, or a script of faults per route. */
export interface FaultOptions {
  /** The share of requests (0 to 1) that meet a fault, drawn from `kinds`; default 0. */
  readonly rate?: number
  /** The faults `rate` draws from; default all of `FAULT_KINDS`. */
  readonly kinds?: ReadonlyArray<FaultKind>
  /**
   * Faults in order for the requests of a route, e.g. `{ 'POST /Base/Department': ['503', 'none', 'reset'] }`. A key
   * is a route (Classic `e=` route, v1 path after `/api/v1`) optionally preceded by a method; it matches that route
   * and the routes below it. `'none'` lets one request through; once a script is used up, `rate` applies.
   */
  readonly script?: Readonly<Record<string, ReadonlyArray<FaultKind | 'none'>>>
  /** Seed of the random draws (the same seed, the same faults); default 1. */
  readonly seed?: number
  /** Sent with `429`; default 1. */
  readonly retryAfterSeconds?: number
  /** How slowly `trickle` delivers the answer; default 64 bytes every 100 ms. */
  readonly trickle?: { readonly chunkBytes: number; readonly delayMs: number }
  /** Time for `hang`-free waits (`trickle`); default the system clock. */
  readonly clock?: Clock
}

/** One injected fault. */
export interface FaultRecord {
  readonly method: string
  readonly route: string
  readonly fault: FaultKind
  /** The sandbox handled the request before the fault damaged its answer (see `HANDLED`). */
  readonly handled: boolean
  /** The answer the sandbox gave, for handled requests: what the caller would have got. */
  readonly status?: number
}

/** Decides the fault for each request (`next`) and keeps what it injected (`log`). */
export interface FaultInjector {
  /** The fault for a request, if any: consumes the route's script, else draws against `rate`. */
  readonly next: (request: HttpRequest) => FaultKind | undefined
  /** Every fault injected so far, in order. */
  readonly log: ReadonlyArray<FaultRecord>
  /** Adds an entry to `log` (the transport and the server call it once the fault has played out). */
  readonly record: (entry: FaultRecord) => void
  readonly options: FaultOptions
}

/** A small seeded generator (mulberry32): reproducible fault sequences without a dependency. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The route a request is for: the Classic `e=` parameter, else the path after `/api/v1` (or the whole path). */
export const routeOf = (request: HttpRequest): string => {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : ''
  for (const pair of query.split('&')) {
    if (!pair.startsWith('e=')) continue
    try {
      return decodeURIComponent(pair.slice(2))
    } catch {
      return pair.slice(2)
    }
  }
  const path = request.url.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? ''
  const v1 = path.indexOf('/api/v1')
  return v1 >= 0 ? path.slice(v1 + '/api/v1'.length) || '/' : path
}

const matches = (key: string, request: HttpRequest, route: string): boolean => {
  const space = key.indexOf(' ')
  const method = space > 0 ? key.slice(0, space).toUpperCase() : undefined
  const prefix = space > 0 ? key.slice(space + 1) : key
  if (method !== undefined && method !== request.method) return false
  return route === prefix || route.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)
}

export const faultInjector = (options: FaultOptions): FaultInjector => {
  const random = seededRandom(options.seed ?? 1)
  const kinds = options.kinds ?? FAULT_KINDS
  const rate = Math.min(1, Math.max(0, options.rate ?? 0))
  const used = new Map<string, number>()
  const log: Array<FaultRecord> = []
  return {
    options,
    log,
    record: (entry) => void log.push(entry),
    next: (request) => {
      const route = routeOf(request)
      for (const [key, sequence] of Object.entries(options.script ?? {})) {
        if (!matches(key, request, route)) continue
        const at = used.get(key) ?? 0
        if (at >= sequence.length) continue
        used.set(key, at + 1)
        const scripted = sequence[at]
        return scripted === 'none' ? undefined : scripted
      }
      if (rate === 0 || kinds.length === 0 || random() >= rate) return undefined
      return kinds[Math.floor(random() * kinds.length)]
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the faults look like on the wire

/** What PHP prints before the document when `display_errors` is on. */
export const PHP_NOTICE =
  '<br />\n<b>Notice</b>:  Undefined offset: 1 in <b>/var/www/kayako/__swift/library/Router/class.SWIFT_Router.php</b> on line <b>142</b><br />\n'

export const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Service temporarily unavailable</title></head>\n' +
  '<body><h1>We will be back soon</h1><p>The helpdesk is undergoing maintenance.</p></body></html>\n'

const gatewayPage = (status: number, text: string): string =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`

/** The answer of a fault that stops a request before the sandbox (the HTTP ones). */
export const faultResponse = (fault: FaultKind, options: FaultOptions = {}): HttpResponse | undefined => {
  const html = { 'content-type': 'text/html; charset=UTF-8' }
  switch (fault) {
    case '500':
      return { status: 500, headers: html, body: gatewayPage(500, 'Internal Server Error') }
    case '502':
      return { status: 502, headers: html, body: gatewayPage(502, 'Bad Gateway') }
    case '503':
      return { status: 503, headers: html, body: gatewayPage(503, 'Service Temporarily Unavailable') }
    case '429':
      return { status: 429, headers: { ...html, 'retry-after': String(options.retryAfterSeconds ?? 1) }, body: gatewayPage(429, 'Too Many Requests') }
    case 'html':
      return { status: 200, headers: html, body: HTML_PAGE }
    default:
      return undefined
  }
}

/** A handled answer, damaged: cut in half, or with a PHP notice before it (`trickle` does not change it). */
export const damage = (fault: FaultKind, response: HttpResponse): HttpResponse => {
  switch (fault) {
    case 'truncate': {
      const body = response.body.slice(0, Math.floor(response.body.length / 2))
      return { ...response, headers: { ...response.headers, 'content-length': String(new TextEncoder().encode(body).length) }, body }
    }
    case 'notice':
      return { ...response, body: PHP_NOTICE + response.body }
    default:
      return response
  }
}

/** How long `trickle` takes to deliver a body. */
export const trickleMs = (body: string, options: FaultOptions): number => {
  const { chunkBytes, delayMs } = options.trickle ?? { chunkBytes: 64, delayMs: 100 }
  return Math.ceil(Math.max(1, body.length) / Math.max(1, chunkBytes)) * delayMs
}

// ---------------------------------------------------------------------------------------------------------------
// In process: a handler with faults, as a transport

/**
 * A sandbox handler as a transport, with faults: `reset` is a `TransportError`, `hang` answers only when the
 * request's signal aborts (use `withTimeout`), `trickle` answers after the time the body would take to arrive
 * (or on abort), the others are the answers above.
 */
export const faultyTransport = (handle: (request: HttpRequest) => Promise<HttpResponse>, injector: FaultInjector): Transport => {
  const clock = injector.options.clock ?? systemClock
  return (request) => async () => {
    const fault = injector.next(request)
    const noResponse = (cause: string) => E.left(transportError(request.operation ?? 'request', redact(request), cause))
    if (fault === undefined) return E.right(await handle(request))
    const entry = { method: request.method, route: routeOf(request), fault }
    if (!HANDLED[fault]) {
      injector.record({ ...entry, handled: false })
      if (fault === 'reset') return noResponse('socket hang up: connection reset by peer (injected fault)')
      const response = faultResponse(fault, injector.options)
      if (response !== undefined) return E.right(response)
      // hang
      return new Promise((resolve) => {
        const signal = request.signal
        if (signal === undefined) return
        if (signal.aborted) resolve(noResponse('aborted'))
        else signal.addEventListener('abort', () => resolve(noResponse('aborted')), { once: true })
      })
    }
    const response = await handle(request)
    injector.record({ ...entry, handled: true, status: response.status })
    if (fault !== 'trickle') return E.right(damage(fault, response))
    return new Promise((resolve) => {
      const signal = request.signal
      const onAbort = () => {
        clock.clearTimeout(timer)
        resolve(noResponse('aborted while the body was arriving'))
      }
      const timer = clock.setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort)
          resolve(E.right(response))
        },
        trickleMs(response.body, injector.options)
      )
      if (signal?.aborted === true) onAbort()
      else signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}
