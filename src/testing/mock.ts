/**
 * The engine of `mockClassic` and `mockV1`: a table of entries, each keyed by a builder (`Department.get`), by one
 * request (`Case.get(2)`), or by a route text (`'GET /cases/:id'`, `'/Base/User/*'`, an operation name, `'*'`), and
 * answered by a value of the builder's result type (checked by the compiler), a wire answer (`wire(…)`, run through
 * the real executor: parsed and decoded, so a wrong fixture is a `DecodeError` naming the route), a `Left`, or a
 * function of the call returning one of those.
 */
import * as E from '../core/either'
import { decodeError, transportError, validationError, type KayakoError } from '../core/error'
import type { Issues } from '../core/validate'
import type { ClassicRequest, FilePart, FormPairs } from '../classic/internal/request'
import type { Body, Query, V1Request } from '../v1/internal/request'

/** An answer as the server would send it: run through the executor's parsing and decoding of the request it answers. */
export interface Wire {
  readonly _tag: 'Wire'
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * A wire answer: a Classic XML text, or a v1 JSON document (an object is serialised: `{ status: 200, data: {…} }`).
 * Any status: `wire('Ticket not Found', 404)` is the `ApiError` a real 404 gives.
 */
export const wire = (body: string | object, status = 200, headers: Readonly<Record<string, string>> = {}): Wire => ({
  _tag: 'Wire',
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body)
})

/** A successful answer. */
export const ok = <A>(value: A): E.Either<KayakoError, A> => E.right(value)
/** A failed answer. */
export const fail = (error: KayakoError): E.Either<KayakoError, never> => E.left(error)

/** A request of either API: what an entry matches and a mock records. */
export type AnyRequest = ClassicRequest<unknown> | V1Request<unknown>

/** The API a request belongs to. */
export type ApiOf<R> = R extends ClassicRequest<unknown> ? 'classic' : 'v1'

/** What a request decodes to, in either API. */
export type ResultOf<R> = R extends ClassicRequest<infer A> ? A : R extends V1Request<infer A> ? A : never

/** What an answer may be: the result, a wire answer, a `Left`, or a function of the call giving one of those. */
export type MockAnswer<A, C> = E.Either<KayakoError, A> | Wire | ((call: C) => E.Either<KayakoError, A> | Wire | Promise<E.Either<KayakoError, A> | Wire>)

/** One line of a mock's table; `Api` keeps Classic entries out of `mockV1` and the reverse. */
export interface MockEntry<Api extends 'classic' | 'v1'> {
  /** How the entry is named in `matched` and error texts: the operation, the request, or the route text. */
  readonly key: string
  /** Lower is more specific: a request, a builder, `METHOD /route`, `/route`, an operation name, `'*'`. */
  readonly rank: number
  /** Whether this entry answers the request. */
  readonly matches: (request: AnyRequest) => boolean
  readonly answer: MockAnswer<unknown, never>
  /** Contravariant on purpose: a route entry (both APIs) fits either mock, a builder entry only its own. */
  readonly api?: (api: Api) => void
}

/**
 * A route-keyed table: `{ 'GET /cases/:id': wire(…), '*': fail(…) }`. Without a builder the answers' type is
 * unknown, so they are wire answers or `Left`s.
 */
export type MockTable<C extends MockCall = MockCall> = Readonly<Record<string, MockAnswer<never, C>>>

type AnyEntry = Omit<MockEntry<'classic'>, 'api'>

const routeOf = (request: AnyRequest): string => ('route' in request ? request.route : request.path)

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `/Base/User/:id` or `/cases/*` → a regex for one route; `:name` and `*` match one segment. */
const routePattern = (route: string): RegExp =>
  new RegExp(
    `^${route
      .split('/')
      .map((s) => (s === '*' || s.startsWith(':') ? '[^/]+' : escape(s)))
      .join('/')}$`
  )

const METHOD_KEY = /^(GET|POST|PUT|DELETE)\s+(\/.*)$/

/** Query (and Classic form) of a request, in a form that compares equal when the arguments are the same. */
const argumentsOf = (request: AnyRequest): string =>
  JSON.stringify(
    'route' in request
      ? request.query
      : Object.entries(request.query)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  )

/** What a builder builds: probed once by calling it without arguments (builders are total: they never throw). */
const probe = (builder: (...args: never) => AnyRequest): AnyRequest | undefined => {
  try {
    return Reflect.apply(builder, undefined, []) as AnyRequest
  } catch {
    return undefined
  }
}

const routeEntry = (key: string, answer: MockAnswer<unknown, never>): MockEntry<'classic' | 'v1'> => {
  const byMethod = METHOD_KEY.exec(key)
  if (byMethod !== null) {
    const pattern = routePattern(byMethod[2] as string)
    return { key, rank: 2, answer, matches: (r) => r.method === byMethod[1] && pattern.test(routeOf(r)) }
  }
  if (key.startsWith('/')) {
    const pattern = routePattern(key)
    return { key, rank: 3, answer, matches: (r) => pattern.test(routeOf(r)) }
  }
  if (key === '*') return { key, rank: 5, answer, matches: () => true }
  return { key, rank: 4, answer, matches: (r) => r.operation === key }
}

/**
 * One entry of a mock's table. Keyed by a builder (`on(Department.get, ok(O.some(billing)))`) or by one request
 * (`on(Case.get(2), ok(case2))`), the answer must be of the builder's result type; keyed by a route text
 * (`on('GET /cases/:id', wire({ status: 200, data: {…} }))`) it is a wire answer or a `Left`.
 */
export function on<R extends AnyRequest>(key: ((...args: never) => R) | R, answer: MockAnswer<ResultOf<R>, MockCallOf<R>>): MockEntry<ApiOf<R>>
export function on<C extends MockCall = MockCall>(key: string, answer: MockAnswer<never, C>): MockEntry<'classic' | 'v1'>
export function on(key: string | AnyRequest | ((...args: never) => AnyRequest), answer: MockAnswer<unknown, never>): MockEntry<'classic' | 'v1'> {
  if (typeof key === 'string') return routeEntry(key, answer)
  if (typeof key === 'function') {
    const built = probe(key)
    // An entry nothing can match says so in `key` (every call it was meant for then answers "no mock answer").
    if (built === undefined) return { key: `(a builder that threw when probed)`, rank: 1, answer, matches: () => false }
    return { key: built.operation, rank: 1, answer, matches: (r) => r.operation === built.operation && r.method === built.method }
  }
  const args = argumentsOf(key)
  return {
    key: `${key.operation} ${key.method} ${routeOf(key)}`,
    rank: 0,
    answer,
    matches: (r) => r.operation === key.operation && r.method === key.method && routeOf(r) === routeOf(key) && argumentsOf(r) === args
  }
}

/** A table as entries: route-keyed records become `on(key, answer)` each. */
export const entriesOf = <C extends MockCall>(table: ReadonlyArray<AnyEntry> | MockTable<C>): ReadonlyArray<AnyEntry> =>
  Array.isArray(table)
    ? (table as ReadonlyArray<AnyEntry>)
    : Object.entries(table as MockTable<C>).map(([key, answer]) => routeEntry(key, answer as MockAnswer<unknown, never>))

/** The most specific entry for a request (the first of equals). */
const lookup = (entries: ReadonlyArray<AnyEntry>, request: AnyRequest): AnyEntry | undefined => {
  let best: AnyEntry | undefined
  for (const entry of entries) if ((best === undefined || entry.rank < best.rank) && entry.matches(request)) best = entry
  return best
}

/** What the mocks have in common: the calls they received. */
export interface MockCall {
  readonly operation: string
  readonly method: string
  /** False when validation stopped it (the real executor would not have sent it either). */
  readonly sent: boolean
  /** The table key that answered; undefined when none did. */
  readonly matched?: string
}

/** One call a `mockClassic` executor received. */
export interface RecordedCall extends MockCall {
  readonly route: string
  readonly query: FormPairs
  readonly form: FormPairs
  readonly files: ReadonlyArray<FilePart>
}

/** One call a `mockV1` executor received. */
export interface V1Call extends MockCall {
  /** Below `/api/v1`, e.g. `/cases/2`. */
  readonly path: string
  /** camelCase names, as the builder made them. */
  readonly query: Query
  readonly body: Body | undefined
}

/** How a call of request `R` is recorded: a {@link RecordedCall} for Classic, a {@link V1Call} for v1. */
export type MockCallOf<R> = R extends ClassicRequest<unknown> ? RecordedCall : V1Call

/** How `callsTo` picks calls: an operation name or entry key, a builder, or a request (the same arguments). */
export type CallsKey = string | ((...args: never) => AnyRequest) | AnyRequest

/** What a mock executor adds to the executor: the calls it received, by key, and `clear`. */
export interface MockControls<C> {
  /** Every call so far, oldest first. */
  readonly calls: ReadonlyArray<C>
  /** The calls of one operation (a name or a builder), of one request, or answered by one table key. */
  readonly callsTo: (key: CallsKey) => ReadonlyArray<C>
  /** Forgets the recorded calls. */
  readonly clear: () => void
}

interface Engine<R extends AnyRequest, C extends MockCall> {
  readonly entries: ReadonlyArray<AnyEntry>
  readonly callOf: (request: R, sent: boolean, matched: string | undefined) => C
  /** Runs a wire answer through the real executor for this request. */
  readonly decodeWire: <A>(request: R & { readonly issues: Issues }, answer: Wire) => Promise<E.Either<KayakoError, A>>
}

const noAnswer = (operation: string, method: string, route: string, cause: string): KayakoError =>
  transportError(operation, { method, url: `mock:${route}`, headers: {} }, cause)

/** Where a wire answer failed: the request's method and route, and the table key that gave it. */
const named = (error: KayakoError, where: string): KayakoError =>
  error._tag === 'DecodeError'
    ? decodeError(
        error.operation,
        error.messages.map((m) => `${where}: ${m}`)
      )
    : error._tag === 'ParseError'
      ? { ...error, message: `${where}: ${error.message}` }
      : error

/** The mock executor's function and its controls, for one API. */
export const mockEngine = <R extends AnyRequest, C extends MockCall>(engine: Engine<R, C>) => {
  const calls: Array<C> = []
  const run = async <A>(request: R): Promise<E.Either<KayakoError, A>> => {
    const route = routeOf(request)
    if (request.issues.length > 0) {
      calls.push(engine.callOf(request, false, undefined))
      return E.left(validationError(request.operation, request.issues))
    }
    const entry = lookup(engine.entries, request)
    const call = engine.callOf(request, true, entry?.key)
    calls.push(call)
    if (entry === undefined)
      return E.left(noAnswer(request.operation, request.method, route, `no mock answer for ${request.operation} (${request.method} ${route})`))
    let answer: E.Either<KayakoError, unknown> | Wire
    try {
      const given = entry.answer as MockAnswer<unknown, C>
      answer = typeof given === 'function' ? await given(call) : given
    } catch (thrown) {
      const text = thrown instanceof Error ? thrown.message : String(thrown)
      return E.left(noAnswer(request.operation, request.method, route, `the mock answer for ${entry.key} threw: ${text}`))
    }
    if (answer._tag !== 'Wire') return answer as E.Either<KayakoError, A>
    const decoded = await engine.decodeWire<A>(request, answer)
    return E.isLeft(decoded) ? E.left(named(decoded.left, `${request.method} ${route} (mock answer '${entry.key}')`)) : decoded
  }
  const picks = (key: CallsKey): ((call: C, index: number) => boolean) => {
    if (typeof key === 'string') return (c) => c.operation === key || c.matched === key
    const entry = on(key as AnyRequest, E.right(undefined))
    return (_, index) => {
      const request = requests[index]
      return request !== undefined && entry.matches(request)
    }
  }
  const requests: Array<R> = []
  const controls: MockControls<C> = {
    get calls() {
      return calls.slice()
    },
    callsTo: (key) => calls.filter(picks(key)),
    clear: () => {
      calls.length = 0
      requests.length = 0
    }
  }
  const recordingRun = <A>(request: R): Promise<E.Either<KayakoError, A>> => {
    requests.push(request)
    return run<A>(request)
  }
  return { run: recordingRun, controls }
}
