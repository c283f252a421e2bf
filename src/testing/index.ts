/**
 * `kayako-fp/testing`: test your own code without a helpdesk or a server. `mockClassic(table)` and `mockV1(table)`
 * are executors that answer from a table and record every call, so a pipeline written against `ClassicExecutor` or
 * `V1Executor` runs unchanged in a unit test:
 *
 * ```ts
 * const run = mockV1([
 *   on(Case.get(2), ok(case2)),                         // one request: the answer must be a Case
 *   on(Case.get, ok(anyCase)),                          // every Case.get: the same
 *   on('GET /cases', wire(savedAnswer)),                // a wire answer: parsed and decoded like the server's
 *   on('*', fail(apiError('any', 500, [])))             // anything else
 * ])
 * await myPipeline(run)()
 * assert.equal(run.callsTo(Case.get).map((c) => c.path), ['/cases/2'])
 * ```
 *
 * Keyed by a builder or a request, an answer is checked by the compiler against the builder's result type (a
 * department where `Department.get` answers an `Option` does not compile). A wire answer (`wire(xml)`, `wire(json)`)
 * goes through the real executor's parsing and decoding, so a fixture of the wrong shape is a `DecodeError` that
 * names the method and route, never a `TypeError` later in your code. Route keys (`METHOD /route`, `/route`, with
 * `:name` or `*` for one segment; an operation name; `'*'`) know no result type: they take wire answers and `Left`s.
 * The most specific key answers: a request, a builder, `METHOD /route`, `/route`, an operation name, `'*'`.
 * Arguments are validated first, as the real executor does: a request with issues gets its `ValidationError` and is
 * recorded with `sent: false`. A call nothing answers is a `TransportError` naming it.
 *
 * One level down, `recordTransport` captures real answers (from the sandbox or a staging helpdesk) and
 * `replayTransport` serves them again, so a test can run the real executor, signing, parsing and decoding included,
 * on answers captured once.
 */
import * as E from '../core/either'
import { fromBase64, toBase64, utf8 } from '../core/bytes'
import type * as TE from 'fp-ts/TaskEither'
import { classic, type ClassicExecutor } from '../classic/internal/executor'
import type { ClassicRequest } from '../classic/internal/request'
import { redact, scrub, scrubValue, SECRET_PARAMS, transportError, type KayakoError } from '../core/error'
import type { HttpRequest, HttpResponse, Transport } from '../core/http'
import { secretsOf } from '../core/policy'
import { v1, type V1Executor } from '../v1/internal/executor'
import type { V1Request } from '../v1/internal/request'
import { entriesOf, mockEngine, type MockControls, type MockEntry, type MockTable, type RecordedCall, type V1Call, type Wire } from './mock'

export {
  fail,
  ok,
  on,
  wire,
  type AnyRequest,
  type ApiOf,
  type CallsKey,
  type MockAnswer,
  type MockCall,
  type MockCallOf,
  type MockControls,
  type MockEntry,
  type MockTable,
  type RecordedCall,
  type ResultOf,
  type V1Call,
  type Wire
} from './mock'

export interface MockClassicExecutor extends ClassicExecutor, MockControls<RecordedCall> {}

export interface MockV1Executor extends V1Executor, MockControls<V1Call> {}

/** A transport that gives one wire answer to whatever it is asked. */
const answering =
  (answer: Wire, contentType: string): Transport =>
  () =>
  () =>
    Promise.resolve(E.right({ status: answer.status, headers: { 'content-type': contentType, ...answer.headers }, body: answer.body }))

/** Kayako starts every XML answer with the declaration, which the parser looks for: a fixture may leave it out. */
const withDeclaration = (answer: Wire): Wire =>
  answer.body.trimStart().startsWith('<') && !answer.body.includes('<?xml')
    ? { ...answer, body: `<?xml version="1.0" encoding="UTF-8"?>\n${answer.body}` }
    : answer

/**
 * A Classic executor that answers from a table and records every call, so a pipeline written against
 * `ClassicExecutor` runs unchanged in a unit test. Arguments are validated first, as the real executor does; a call no
 * entry answers is a `TransportError` naming it; a wire answer goes through the real signing-free parse and decode.
 */
export const mockClassic = (table: ReadonlyArray<MockEntry<'classic'>> | MockTable<RecordedCall>): MockClassicExecutor => {
  const { run, controls } = mockEngine<ClassicRequest<unknown>, RecordedCall>({
    entries: entriesOf(table),
    callOf: (req, sent, matched) => ({
      operation: req.operation,
      method: req.method,
      route: req.route,
      query: req.query,
      form: req.form,
      files: req.files,
      sent,
      ...(matched === undefined ? {} : { matched })
    }),
    decodeWire: <A>(req: ClassicRequest<unknown>, answer: Wire) =>
      classic({ url: 'http://mock.invalid/api/index.php', apiKey: 'mock', secretKey: 'mock', transport: answering(withDeclaration(answer), 'text/xml') })(
        req as ClassicRequest<A>
      )()
  })
  const execute =
    <A>(req: ClassicRequest<A>): TE.TaskEither<KayakoError, A> =>
    () =>
      run<A>(req)
  return withControls(execute, controls)
}

/**
 * A v1 executor that answers from a table and records every call (see `mockClassic`). `withMeta` answers with status
 * 200 and no notifications; `session()` is `undefined`, as with a bearer token.
 */
export const mockV1 = (table: ReadonlyArray<MockEntry<'v1'>> | MockTable<V1Call>): MockV1Executor => {
  const { run, controls } = mockEngine<V1Request<unknown>, V1Call>({
    entries: entriesOf(table),
    callOf: (req, sent, matched) => ({
      operation: req.operation,
      method: req.method,
      path: req.path,
      query: req.query,
      body: req.body,
      sent,
      ...(matched === undefined ? {} : { matched })
    }),
    decodeWire: <A>(req: V1Request<unknown>, answer: Wire) =>
      v1({ url: 'http://mock.invalid', auth: { bearer: 'mock' }, transport: answering(answer, 'application/json') })(req as V1Request<A>)()
  })
  const execute =
    <A>(req: V1Request<A>): TE.TaskEither<KayakoError, A> =>
    () =>
      run<A>(req)
  const withMeta =
    <A>(req: V1Request<A>) =>
    async () =>
      E.map((value: A) => ({ value, operation: req.operation, status: 200, notifications: [], logs: [] }))(await run<A>(req))
  return withControls(Object.assign(execute, { withMeta, session: () => undefined }), controls)
}

/** The executor with the controls; `calls` stays a getter (Object.assign would copy the list once). */
const withControls = <F extends object, C>(execute: F, controls: MockControls<C>): F & MockControls<C> =>
  Object.defineProperties(execute, {
    calls: { get: () => controls.calls, enumerable: true },
    callsTo: { value: controls.callsTo, enumerable: true },
    clear: { value: controls.clear, enumerable: true }
  }) as F & MockControls<C>

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
  /** A download's body (`HttpResponse.bytes`: v1 `Attachment.download`, `File.download`), in Base64; `body` is then `''`. */
  readonly bytes?: string
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
  const recordings: Array<readonly [Recording, HttpRequest, Uint8Array | undefined]> = []
  const recording: Transport = (request) => async () => {
    const answer = await transport(request)()
    if (answer._tag === 'Right') {
      const { status, headers, body, bytes } = answer.right
      const { route, query } = requestKey(request.url)
      recordings.push([{ method: request.method, route, query, status, headers: redact({ method: '', url: '', headers }).headers, body }, request, bytes])
    }
    return answer
  }
  const read = (): ReadonlyArray<Recording> =>
    recordings.map(([r, request, bytes]) => {
      const secrets = secretsOf(request)
      const scrubbed = { ...scrubValue(r, secrets), method: r.method, status: r.status }
      return bytes === undefined ? scrubbed : { ...scrubbed, bytes: toBase64(scrubBytes(bytes, secrets)) }
    })
  return Object.defineProperty(recording, 'recordings', { get: read, enumerable: true }) as RecordingTransport
}

/** Downloaded bytes that are UTF-8 text (an error envelope, a text file) pass the scrubber like any body. */
const scrubBytes = (bytes: Uint8Array, secrets: ReadonlyArray<string>): Uint8Array => {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return bytes
  }
  const scrubbed = scrub(text, secrets)
  return scrubbed === text ? bytes : utf8(scrubbed)
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
    const bytes = next.bytes === undefined ? undefined : fromBase64(next.bytes)
    if (bytes?._tag === 'Left')
      return Promise.resolve(
        E.left(transportError(request.operation ?? 'request', redact(request), scrub(`the bytes recorded for ${key} are not Base64`, secretsOf(request))))
      )
    const response: HttpResponse =
      bytes === undefined
        ? { status: next.status, headers: next.headers, body: next.body }
        : { status: next.status, headers: next.headers, body: '', bytes: bytes.right }
    return Promise.resolve(E.right(response))
  }
}
