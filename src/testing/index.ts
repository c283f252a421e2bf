/**
 * `kayako-fp/testing`: test your own code without a helpdesk or a server. `mockClassic(table)` is a Classic executor
 * that answers from a table and records every call, so a pipeline written against `ClassicExecutor` runs unchanged
 * in a unit test:
 *
 * ```ts
 * const run = mockClassic({
 *   'Department.get': ok(O.some(billing)),                       // by operation name
 *   'POST /Tickets/Ticket': ok(ticket),                           // by method and route
 *   'DELETE /Tickets/Ticket/:id': fail(apiError('Ticket.delete', 404, [{ message: 'Ticket not Found' }])),
 *   '/Base/User/*': (call) => E.right(O.none)                     // by route, any method; a function sees the call
 * })
 * await myPipeline(run)()
 * assert.equal(run.calls.map((c) => c.operation), ['Department.get', 'Ticket.post'])
 * ```
 *
 * Lookup order: `METHOD /route`, then `/route`, then the operation name, then `'*'`. Route keys may use `:name` or
 * `*` for one segment. Arguments are validated first, as the real executor does: a request with issues gets its
 * `ValidationError` and is recorded with `sent: false`. A call nothing answers is a `TransportError` naming it.
 *
 * One level down, `recordTransport` captures real answers (from the sandbox or a staging helpdesk) and
 * `replayTransport` serves them again, so a test can run the real executor, signing, parsing and decoding included,
 * on answers captured once.
 */
import * as E from '../core/either'
import type * as TE from 'fp-ts/TaskEither'
import type { ClassicExecutor } from '../classic/internal/executor'
import type { ClassicRequest, FilePart, FormPairs } from '../classic/internal/request'
import { redact, scrub, scrubValue, SECRET_PARAMS, transportError, validationError, type KayakoError } from '../core/error'
import type { HttpRequest, HttpResponse, Transport } from '../core/http'
import { secretsOf } from '../core/policy'

/** One call the mock executor received. */
export interface RecordedCall {
  readonly operation: string
  readonly method: string
  readonly route: string
  readonly query: FormPairs
  readonly form: FormPairs
  readonly files: ReadonlyArray<FilePart>
  /** False when validation stopped it (the real executor would not have sent it either). */
  readonly sent: boolean
  /** The table key that answered; undefined when none did. */
  readonly matched?: string
}

export type MockAnswer = E.Either<KayakoError, unknown> | ((call: RecordedCall) => E.Either<KayakoError, unknown> | Promise<E.Either<KayakoError, unknown>>)

export type MockTable = Readonly<Record<string, MockAnswer>>

export interface MockClassicExecutor extends ClassicExecutor {
  /** Every call so far, oldest first. */
  readonly calls: ReadonlyArray<RecordedCall>
  /** The calls for one operation name or route key. */
  callsTo(key: string): ReadonlyArray<RecordedCall>
  /** Forgets the recorded calls. */
  clear(): void
}

/** A successful answer. */
export const ok = <A>(value: A): E.Either<KayakoError, A> => E.right(value)
/** A failed answer. */
export const fail = (error: KayakoError): E.Either<KayakoError, never> => E.left(error)

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `/Base/User/:id` or `/Base/User/*` → a regex for one route. */
const routePattern = (route: string): RegExp =>
  new RegExp(
    `^${route
      .split('/')
      .map((s) => (s === '*' || s.startsWith(':') ? '[^/]+' : escape(s)))
      .join('/')}$`
  )

const METHOD_KEY = /^(GET|POST|PUT|DELETE)\s+(\/.*)$/

const lookup = (table: MockTable, call: RecordedCall): readonly [string, MockAnswer] | undefined => {
  const keys = Object.keys(table)
  const byMethod = keys.find((k) => {
    const m = METHOD_KEY.exec(k)
    return m !== null && m[1] === call.method && routePattern(m[2] as string).test(call.route)
  })
  const byRoute = keys.find((k) => k.startsWith('/') && routePattern(k).test(call.route))
  const key = byMethod ?? byRoute ?? (call.operation in table ? call.operation : undefined) ?? ('*' in table ? '*' : undefined)
  return key === undefined ? undefined : [key, table[key] as MockAnswer]
}

export const mockClassic = (table: MockTable): MockClassicExecutor => {
  const calls: Array<RecordedCall> = []
  const run =
    <A>(req: ClassicRequest<A>): TE.TaskEither<KayakoError, A> =>
    async () => {
      const base = { operation: req.operation, method: req.method, route: req.route, query: req.query, form: req.form, files: req.files }
      if (req.issues.length > 0) {
        calls.push({ ...base, sent: false })
        return E.left(validationError(req.operation, req.issues))
      }
      const found = lookup(table, { ...base, sent: true })
      const call: RecordedCall = found === undefined ? { ...base, sent: true } : { ...base, sent: true, matched: found[0] }
      calls.push(call)
      if (found === undefined) {
        return E.left(
          transportError(
            req.operation,
            { method: req.method, url: `mock:${req.route}`, headers: {} },
            `no mock answer for ${req.operation} (${req.method} ${req.route})`
          )
        )
      }
      const answer = found[1]
      try {
        return (typeof answer === 'function' ? await answer(call) : answer) as E.Either<KayakoError, A>
      } catch (thrown) {
        return E.left(
          transportError(
            req.operation,
            { method: req.method, url: `mock:${req.route}`, headers: {} },
            `the mock answer for ${found[0]} threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`
          )
        )
      }
    }
  const executor = Object.assign(run, {
    callsTo: (key: string) => calls.filter((c) => c.operation === key || c.matched === key),
    clear: () => {
      calls.length = 0
    }
  })
  // A getter (Object.assign would copy the array once): `calls` is always the current list.
  return Object.defineProperty(executor, 'calls', { get: () => calls.slice(), enumerable: true }) as unknown as MockClassicExecutor
}

// ---------------------------------------------------------------------------------------------------------------
// Recorded answers

/**
 * One captured exchange: what identifies the request (its method, route and the query arguments that are not
 * credentials; never the body), and the answer, scrubbed.
 */
export interface Recording {
  readonly method: string
  /** Classic: the `e=` route (`/Tickets/Ticket/1`); v1: the path below `/api/v1` (`/cases/2`). */
  readonly route: string
  /**
   * The query arguments that tell one call from another (v1 `include=user&offset=10`, Classic list arguments), sorted
   * by name; credentials (`apikey`, `salt`, `signature`, session ids…) and the Classic `e=` route left out. Absent in
   * recordings made before 0.2: `''`.
   */
  readonly query?: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export interface RecordingTransport extends Transport {
  /** Every exchange so far, oldest first (JSON-serialisable: save it as a test fixture). */
  readonly recordings: ReadonlyArray<Recording>
}

const decoded = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/** The query's pairs, decoded (a pair that does not decode is kept as written). */
const queryPairs = (query: string): ReadonlyArray<readonly [string, string]> =>
  query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const [name, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]
      return [decoded(name) ?? name, decoded(value) ?? value] as const
    })

const queryParam = (query: string, name: string): string | undefined => queryPairs(query).find(([k]) => k === name)?.[1]

const splitUrl = (url: string): readonly [string, string] => {
  const [beforeQuery = '', query = ''] = url.split('#')[0]?.split(/\?(.*)/s) ?? []
  return [beforeQuery, query]
}

/** The Classic route of a request: `e=`, else PATH_INFO after `index.php`, else the standard URL type `?/Route&…`. */
export const routeOf = (url: string): string => {
  const [beforeQuery, query] = splitUrl(url)
  const e = queryParam(query, 'e')
  if (e !== undefined && e !== '') return e
  const info = /\/index\.php(\/[^?]*)/i.exec(beforeQuery)?.[1]
  if (info !== undefined && info !== '/') return decoded(info) ?? info
  const first = query.split('&')[0] ?? ''
  return first.startsWith('/') ? (decoded(first.split('=')[0] ?? '') ?? '') : ''
}

const V1_PATH = /\/api\/v1(\/[^?#]*)?$/

/**
 * What identifies a request among recordings: its method, its route (v1: the path below `/api/v1`) and its query
 * arguments other than credentials (and `e=`, the Classic route), sorted, so that `Case.get(2)` never gets the answer
 * of `Case.get(1)`, nor `Case.all({ offset: 10 })` the first page. Salts and signatures differ on every call and are
 * credentials anyway: never part of the key.
 */
export const requestKey = (url: string): { readonly route: string; readonly query: string } => {
  const [beforeQuery, query] = splitUrl(url)
  const v1Path = V1_PATH.exec(beforeQuery)
  const route = v1Path === null ? routeOf(url) : (decoded(v1Path[1] ?? '/') ?? '/')
  // The standard URL type (`?/Route&…`) carries the route as the first pair's name.
  const pairs = queryPairs(query).filter(
    ([name], i) => !SECRET_PARAMS.includes(name.toLowerCase()) && (v1Path !== null || (name !== 'e' && !(i === 0 && name.startsWith('/'))))
  )
  const sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return { route, query: sorted.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') }
}

const keyText = (method: string, route: string, query: string | undefined): string =>
  `${method} ${route}${query === undefined || query === '' ? '' : `?${query}`}`

/**
 * Wraps a transport and keeps what it answered. Credential headers of the answer (`Set-Cookie`, `X-CSRF-Token`…) are
 * replaced, and every text is scrubbed of every secret the executor holds when the recordings are read, so a session
 * id or CSRF token the executor learned from the very answer recorded is scrubbed too (`scrub`).
 */
export const recordTransport = (transport: Transport): RecordingTransport => {
  const recordings: Array<readonly [Recording, HttpRequest]> = []
  const recording: Transport = (request) => async () => {
    const answer = await transport(request)()
    if (answer._tag === 'Right') {
      const { status, headers, body } = answer.right
      const { route, query } = requestKey(request.url)
      recordings.push([{ method: request.method, route, query, status, headers: redact({ method: '', url: '', headers }).headers, body }, request])
    }
    return answer
  }
  const read = (): ReadonlyArray<Recording> => recordings.map(([r, request]) => ({ ...scrubValue(r, secretsOf(request)), method: r.method, status: r.status }))
  return Object.defineProperty(recording, 'recordings', { get: read, enumerable: true }) as RecordingTransport
}

/**
 * Answers from recordings by method, route and query (see `requestKey`): several recordings of one call are served in
 * order, the last one repeating. A request nothing was recorded for is a `TransportError` naming it.
 */
export const replayTransport = (recordings: ReadonlyArray<Recording>): Transport => {
  const queues = new Map<string, Array<Recording>>()
  for (const r of recordings) {
    const key = keyText(r.method, r.route, r.query)
    queues.set(key, [...(queues.get(key) ?? []), r])
  }
  return (request: HttpRequest) => () => {
    const { route, query } = requestKey(request.url)
    const key = keyText(request.method, route, query)
    const queue = queues.get(key)
    const next = queue?.length === 1 ? queue[0] : queue?.shift()
    if (next === undefined) {
      const cause = scrub(`nothing recorded for ${key}`, secretsOf(request))
      return Promise.resolve(E.left(transportError(request.operation ?? 'request', redact(request), cause)))
    }
    const response: HttpResponse = { status: next.status, headers: next.headers, body: next.body }
    return Promise.resolve(E.right(response))
  }
}
