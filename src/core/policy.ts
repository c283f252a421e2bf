/**
 * Transport policies. Each one wraps a `Transport` and returns a `Transport`, so they compose with `pipe`; the one
 * applied last is the outermost:
 *
 *   pipe(fetchTransport, withLogger(console), withTimeout(10_000), withRetry(), withConcurrency(8))
 *
 * reads as: log every attempt, give each attempt 10 s, retry transient failures, keep at most 8 requests in flight
 * (a request sleeping before its retry does not hold a slot only when `withConcurrency` sits inside `withRetry`; put
 * it outside, as here, to bound whole operations instead).
 *
 * Like every transport, a policy never throws and its task never rejects: a transport that throws (even a non-Error)
 * becomes a `TransportError`. Time and randomness are injectable (`clock`, `random`) so tests run instantly.
 */
import * as E from './either'
import { causeText, redact, scrub, SECRET_HEADERS, SECRET_PARAMS, transportError, userInfoOf, type KayakoError } from './error'
import type { HttpMethod, HttpRequest, HttpResponse, Transport } from './http'
import { deadline, systemClock, type Clock } from './deadline'

export { systemClock, type Clock } from './deadline'

/** What a transport answered: a response (any status) or the error that stopped it. */
export type Sent = E.Either<KayakoError, HttpResponse>

// ---------------------------------------------------------------------------------------------------------------
// Time

const reasonText = (reason: unknown): string => (reason === undefined ? 'no reason given' : causeText(reason))

/** Waits `ms` on the clock; resolves `false` at once if the signal aborts first. */
const sleep = (clock: Clock, ms: number, signal: AbortSignal | undefined): Promise<boolean> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve(false)
    const onAbort = (): void => {
      clock.clearTimeout(handle)
      resolve(false)
    }
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** Runs a transport without trusting it: a throw or a rejection becomes a `TransportError` (its text scrubbed). */
const send = async (transport: Transport, request: HttpRequest): Promise<Sent> => {
  try {
    return await transport(request)()
  } catch (thrown) {
    return E.left(transportError(request.operation ?? 'request', redact(request), scrub(causeText(thrown), secretsOf(request))))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// withRetry

/** Methods that may be repeated without changing the outcome: retried by default. */
export const IDEMPOTENT_METHODS: ReadonlyArray<HttpMethod> = ['GET', 'PUT', 'DELETE']

/** True for GET, PUT and DELETE (`IDEMPOTENT_METHODS`): what `withRetry` retries unless told otherwise. */
export const isIdempotent = (request: HttpRequest): boolean => IDEMPOTENT_METHODS.includes(request.method)

/** Statuses worth another try: the server or a proxy on the way was momentarily unable to answer. */
export const RETRY_STATUSES: ReadonlyArray<number> = [408, 429, 500, 502, 503, 504]

/** Another try might succeed: no response at all, or one of `RETRY_STATUSES`. */
export const isRetryableOutcome = (sent: Sent): boolean => (E.isLeft(sent) ? sent.left._tag === 'TransportError' : RETRY_STATUSES.includes(sent.right.status))

/**
 * Shared by every request through one `withRetry` (or several, when passed to each): retries may use up a reserve,
 * then only a share of the requests, so a failing server is not hammered with retry storms. Deterministic: it counts
 * requests, not time.
 */
export interface RetryBudget {
  /** Called once per request (not per attempt). */
  readonly deposit: () => void
  /** Takes one retry; `false` when the budget is spent. */
  readonly withdraw: () => boolean
  /** Retries available now (whole ones). */
  readonly remaining: () => number
}

/** Options of `retryBudget`. */
export interface RetryBudgetOptions {
  /** Retries available before any request has been made; default 10. */
  readonly initial?: number
  /** Retries each request adds to the budget; default 0.2 (one retry per five requests in the long run). */
  readonly perRequest?: number
  /** The most retries the budget can hold; default 100. */
  readonly max?: number
}

// Kept in thousandths of a retry so that adding 0.2 five times is exactly one.
const MILLI = 1000

/** A retry budget to share between `withRetry` policies (see `RetryBudget`); each `withRetry` without one gets its own. */
export const retryBudget = (options: RetryBudgetOptions = {}): RetryBudget => {
  const max = Math.round((options.max ?? 100) * MILLI)
  const perRequest = Math.round((options.perRequest ?? 0.2) * MILLI)
  let tokens = Math.min(max, Math.round((options.initial ?? 10) * MILLI))
  return {
    deposit: () => {
      tokens = Math.min(max, tokens + perRequest)
    },
    withdraw: () => {
      if (tokens < MILLI) return false
      tokens -= MILLI
      return true
    },
    remaining: () => Math.floor(tokens / MILLI)
  }
}

/** What `onRetry` is told before each wait. The request is redacted (`redact`), the reason scrubbed (`scrub`). */
export interface RetryEvent {
  readonly operation: string
  readonly request: ReturnType<typeof redact>
  /** The attempt that failed, from 1. */
  readonly attempt: number
  readonly delayMs: number
  /** `HTTP 503`, or the transport error's cause (scrubbed of any credential the request carried). */
  readonly reason: string
  /** The wait the server asked for (`Retry-After`), when it asked: then `delayMs` is that wait. */
  readonly retryAfterMs?: number
}

/** Options of `withRetry`: how often, how long to wait, what counts as worth another try. */
export interface RetryPolicy {
  /** Tries in all, the first included; default 3. */
  readonly maxAttempts?: number
  /**
   * Without `Retry-After`, the wait before retry n (from 1) is drawn uniformly from
   * [0, min(maxDelayMs, baseDelayMs × 2^(n−1))) ("full jitter", so that many clients do not retry in step).
   * Defaults 200 ms and 10 s.
   */
  readonly baseDelayMs?: number
  readonly maxDelayMs?: number
  /**
   * The longest `Retry-After` (seconds or an HTTP date) that is honoured; default 60 s
   * (`DEFAULT_MAX_RETRY_AFTER_MS`: interactive use should not hang for longer). When the server asks for a longer
   * wait, retrying sooner would disregard it, so the answer is returned as it is (the caller sees the 429 or 503 as an
   * `HttpError` and can decide). Bulk work takes `BULK_RETRY`, which honours 600 s.
   */
  readonly maxRetryAfterMs?: number
  /**
   * Which requests may be sent more than once. Default `isIdempotent` (GET, PUT, DELETE): a POST that timed out may
   * have been carried out, and sending it again could create a second ticket. Opt a request in only where a repeat
   * is harmless, e.g. `(r) => isIdempotent(r) || r.operation === 'Ticket.search'` (a search is a POST that changes nothing).
   */
  readonly retryable?: (request: HttpRequest) => boolean
  /**
   * Which answers are worth another try; default `isRetryableOutcome`. A transport sees statuses, not documents: to
   * retry reads that got an HTML maintenance page with a 200, add e.g.
   * `(sent) => isRetryableOutcome(sent) || (E.isRight(sent) && sent.right.headers['content-type']?.startsWith('text/html') === true)`.
   */
  readonly retryOn?: (sent: E.Either<KayakoError, HttpResponse>) => boolean
  /** Default: a fresh `retryBudget()` for this policy. Pass one to share it between transports. */
  readonly budget?: RetryBudget
  readonly clock?: Clock
  /** Uniform in [0, 1); default `Math.random`. */
  readonly random?: () => number
  /** Told before each wait (for metrics); a throwing callback is ignored. */
  readonly onRetry?: (event: RetryEvent) => void
}

/** The longest `Retry-After` `withRetry` honours by default: a person waiting on an answer should not wait longer. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000

/**
 * A preset for bulk work (imports, exports, migrations, `Case.updateMany` batches): up to 10 tries, honouring a
 * `Retry-After` of up to 600 s, the longest Kayako sends (spec §2.11), and backing off up to 60 s without one. Use it
 * as `withRetry({ ...BULK_RETRY, onRetry })`. The waits count against the executor's `deadlineMs` (60 s by default),
 * which bounds a call with its retries: give the executor `deadlineMs: Infinity` and bound each attempt with
 * `withTimeout` inside the retry instead.
 */
export const BULK_RETRY: RetryPolicy = { maxAttempts: 10, maxRetryAfterMs: 600_000, maxDelayMs: 60_000 }

/**
 * `Retry-After` as a wait in milliseconds: delta-seconds or an HTTP date (a date in the past means no wait);
 * `undefined` when absent or unreadable.
 */
export const retryAfterMs = (value: string | undefined, now: number): number | undefined => {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Date.parse reads the IMF-fixdate form servers send ("Wed, 21 Oct 2015 07:28:00 GMT") and the obsolete forms.
  const at = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Retries transient failures of retryable requests; see `RetryPolicy`. The last answer is returned as it is. */
export const withRetry =
  (policy: RetryPolicy = {}) =>
  (transport: Transport): Transport => {
    const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts ?? 3))
    const baseDelayMs = policy.baseDelayMs ?? 200
    const maxDelayMs = policy.maxDelayMs ?? 10_000
    const maxRetryAfterMs = policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS
    const retryable = policy.retryable ?? isIdempotent
    const retryOn = policy.retryOn ?? isRetryableOutcome
    const budget = policy.budget ?? retryBudget()
    const clock = policy.clock ?? systemClock
    const random = policy.random ?? Math.random

    /** The server's `Retry-After`, if it sent a readable one. */
    const askedFor = (sent: Sent): number | undefined => (E.isRight(sent) ? retryAfterMs(sent.right.headers['retry-after'], clock.now()) : undefined)

    /** The wait before the next attempt, or `undefined` when the server asked for more than we will wait. */
    const delayAfter = (asked: number | undefined, attempt: number): number | undefined => {
      if (asked !== undefined) return asked <= maxRetryAfterMs ? asked : undefined
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
      return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling)
    }

    const worthRetrying = (sent: Sent): boolean => {
      try {
        return retryOn(sent)
      } catch {
        return false
      }
    }

    return (request) => async () => {
      budget.deposit()
      let mayRepeat: boolean
      try {
        mayRepeat = retryable(request)
      } catch {
        mayRepeat = false
      }
      for (let attempt = 1; ; attempt++) {
        const sent = await send(transport, { ...request, attempt })
        if (!mayRepeat || attempt >= maxAttempts || request.signal?.aborted === true || !worthRetrying(sent)) return sent
        const asked = askedFor(sent)
        const delayMs = delayAfter(asked, attempt)
        if (delayMs === undefined || !budget.withdraw()) return sent
        if (policy.onRetry !== undefined) {
          try {
            policy.onRetry({
              operation: request.operation ?? 'request',
              request: redact(request),
              attempt,
              delayMs,
              reason: E.isRight(sent)
                ? `HTTP ${sent.right.status}`
                : scrub(sent.left._tag === 'TransportError' ? sent.left.cause : sent.left._tag, secretsOf(request)),
              ...(asked === undefined ? {} : { retryAfterMs: asked })
            })
          } catch {
            // metrics must not change the outcome
          }
        }
        if (!(await sleep(clock, delayMs, request.signal))) return sent
      }
    }
  }

// ---------------------------------------------------------------------------------------------------------------
// withTimeout

/** Options of `withTimeout`. */
export interface TimeoutOptions {
  readonly clock?: Clock
}

/**
 * Gives each request `ms` milliseconds, end to end (connecting, the headers, the whole body). On time-out the request
 * is aborted through its `AbortSignal` (a caller's own signal still works: either one aborts) and the answer is a
 * `TransportError` saying so, with the `phase` it ran out in when the transport reports phases (both transports of
 * the library do); a response that arrives later is dropped. A transport that ignores the signal cannot hold the
 * caller past the deadline.
 */
export const withTimeout =
  (ms: number, options: TimeoutOptions = {}) =>
  (transport: Transport): Transport => {
    const clock = options.clock ?? systemClock
    const timed = deadline(ms, clock, send)(transport)
    return (request) => () => {
      const outer = request.signal
      if (outer === undefined) return timed(request)()
      const fail = (cause: string): Sent => E.left(transportError(request.operation ?? 'request', redact(request), cause))
      if (outer.aborted) return Promise.resolve(fail(`aborted before sending: ${reasonText(outer.reason)}`))
      // The caller's signal aborts the exchange through a signal of this request's own, so that a long-lived caller
      // signal does not gather a listener per request.
      const linked = new AbortController()
      // Below the deadline, its own signal and the caller's (through `linked`): either one aborts the exchange.
      const both: Transport = (inner) => {
        inner.signal?.addEventListener('abort', () => linked.abort(inner.signal?.reason), { once: true })
        return transport({ ...inner, signal: linked.signal })
      }
      return new Promise<Sent>((resolve) => {
        const onAbort = (): void => {
          linked.abort(outer.reason)
          resolve(fail(`aborted: ${reasonText(outer.reason)}`))
        }
        outer.addEventListener('abort', onAbort, { once: true })
        const linkedTimed = deadline(ms, clock, send)(both)
        void linkedTimed(request)().then((sent) => {
          outer.removeEventListener('abort', onAbort)
          resolve(sent)
        })
      })
    }
  }

// ---------------------------------------------------------------------------------------------------------------
// withLogger

/** Any logger with the four usual methods: `console`, pino, bunyan, a child logger… Called as `(entry, message)`. */
export interface Logger {
  /** Logs at debug level (not used by the default levels). */
  readonly debug: (...args: ReadonlyArray<unknown>) => void
  /** Logs an answered attempt (the default for 1xx-4xx other than 408 and 429). */
  readonly info: (...args: ReadonlyArray<unknown>) => void
  /** Logs a 408, 429 or 5xx answer (by default). */
  readonly warn: (...args: ReadonlyArray<unknown>) => void
  /** Logs an attempt that got no response (by default). */
  readonly error: (...args: ReadonlyArray<unknown>) => void
}

/** The `Logger` method an entry is logged with. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** One attempt, as logged. Built from the redacted request only: no credential, no body. */
export interface HttpLogEntry {
  readonly event: 'kayako.http'
  readonly operation: string
  readonly method: string
  /** With the user-info, `apikey`, `salt`, `signature`, session ids and tokens replaced by `[redacted]`. */
  readonly url: string
  /** The status, or absent when there was no response. */
  readonly status?: number
  /** Why there was no response (scrubbed of any credential the request carried). */
  readonly error?: string
  readonly ms: number
  readonly attempt: number
}

/** Options of `withLogger`: the clock that times attempts, and the level of each entry. */
export interface LoggerOptions {
  readonly clock?: Clock
  /** Default: `error` without a response, `warn` for 408/429/5xx, `info` otherwise. */
  readonly level?: (entry: HttpLogEntry) => LogLevel
}

const defaultLevel = (entry: HttpLogEntry): LogLevel =>
  entry.status === undefined ? 'error' : entry.status >= 500 || entry.status === 408 || entry.status === 429 ? 'warn' : 'info'

/** Logs one structured line per attempt (put it innermost to see every retry). A throwing logger is ignored. */
export const withLogger =
  (logger: Logger, options: LoggerOptions = {}) =>
  (transport: Transport): Transport => {
    const clock = options.clock ?? systemClock
    const level = options.level ?? defaultLevel
    return (request) => async () => {
      const started = clock.now()
      const sent = await send(transport, request)
      try {
        const safe = redact(request)
        const base = {
          event: 'kayako.http' as const,
          operation: request.operation ?? 'request',
          method: safe.method,
          url: safe.url,
          ms: Math.max(0, clock.now() - started),
          attempt: request.attempt ?? 1
        }
        const entry: HttpLogEntry = E.isRight(sent)
          ? { ...base, status: sent.right.status }
          : { ...base, error: scrub(sent.left._tag === 'TransportError' ? sent.left.cause : sent.left._tag, secretsOf(request)) }
        const outcome = entry.status === undefined ? `failed (${entry.error})` : String(entry.status)
        logger[level(entry)](entry, `${entry.operation} ${entry.method} ${outcome} in ${entry.ms} ms (attempt ${entry.attempt})`)
      } catch {
        // logging must not change the outcome
      }
      return sent
    }
  }

/** A credential's value as a form field, a multipart part or a JSON property. */
const secretFieldPatterns = (name: string): ReadonlyArray<RegExp> => [
  new RegExp(`(?:^|&)${name}=([^&]*)`, 'gi'),
  new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`, 'gi'),
  new RegExp(`"${name}"\\s*:\\s*"([^"]*)"`, 'gi')
]

/**
 * Every credential value a request carries, for scrubbing texts that may quote them: the executor's own list
 * (`request.secrets`, which includes what it put in the body), the URL's user-info, credential query parameters and
 * headers, and, for a request no executor made, credential fields of the body.
 */
export const secretsOf = (request: HttpRequest): ReadonlyArray<string> => {
  const found: Array<string> = [...(request.secrets?.() ?? []), ...userInfoOf(request.url)]
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '))
    } catch {
      return text
    }
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : ''
  // An executor's list covers its body: a large upload is not decoded and searched on every logged attempt.
  const body =
    request.secrets !== undefined || request.body === undefined ? '' : typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)
  for (const name of SECRET_PARAMS) {
    for (const pattern of secretFieldPatterns(name)) {
      for (const text of [query, body]) for (const m of text.matchAll(pattern)) found.push(m[1] ?? '', decode(m[1] ?? ''))
    }
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SECRET_HEADERS.includes(name.toLowerCase())) continue
    found.push(value)
    const scheme = /^(Basic|Bearer)\s+(\S+)/i.exec(value)
    if (scheme !== null) found.push(scheme[2] ?? '')
    if (scheme?.[1]?.toLowerCase() === 'basic') {
      try {
        const pair = new TextDecoder().decode(Uint8Array.from(atob(scheme[2] ?? ''), (c) => c.charCodeAt(0)))
        found.push(pair, pair.slice(pair.indexOf(':') + 1))
      } catch {
        // not Base64: the header value itself is scrubbed
      }
    }
  }
  return found.filter((s) => s !== '')
}

// ---------------------------------------------------------------------------------------------------------------
// withConcurrency

/**
 * At most `limit` requests in flight through this transport (a limit below 1 counts as 1); the others wait and go
 * in the order they came. A waiting request whose signal aborts leaves the queue with a `TransportError`.
 */
export const withConcurrency =
  (limit: number) =>
  (transport: Transport): Transport => {
    const slots = Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : limit === Infinity ? Infinity : 1
    let active = 0
    const waiting: Array<() => void> = []
    const release = (): void => {
      const next = waiting.shift()
      if (next !== undefined) next()
      else active--
    }
    return (request) => async () => {
      if (active < slots) active++
      else {
        const admitted = await new Promise<boolean>((resolve) => {
          if (request.signal?.aborted === true) return resolve(false)
          const onAbort = (): void => {
            const at = waiting.indexOf(admit)
            if (at >= 0) waiting.splice(at, 1)
            resolve(false)
          }
          // The slot is handed over as it is released: `active` stays the same.
          const admit = (): void => {
            request.signal?.removeEventListener('abort', onAbort)
            resolve(true)
          }
          waiting.push(admit)
          request.signal?.addEventListener('abort', onAbort, { once: true })
        })
        if (!admitted) {
          return E.left(
            transportError(request.operation ?? 'request', redact(request), `aborted while waiting for a free slot: ${reasonText(request.signal?.reason)}`)
          )
        }
      }
      try {
        return await send(transport, request)
      } finally {
        release()
      }
    }
  }
