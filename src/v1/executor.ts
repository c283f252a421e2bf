/**
 * The v1 executor: validate → authenticate (once) → send → keep the session → check the status → parse → normalise
 * (letter case, flat resources) → decode, for any `V1Request`. Configuration and the session live in the executor
 * value, never in a global. Nothing throws or rejects: every failure is a `Left`, scrubbed of every credential the
 * executor knows (password, Basic token, session ids, CSRF tokens, bearer token).
 */
import * as E from '../core/either'
import type * as TE from 'fp-ts/TaskEither'
import { drawErrors } from '../core/decoder'
import {
  apiError,
  causeText,
  decodeError,
  httpError,
  parseError,
  redact,
  scrubError,
  scrubValue,
  transportError,
  userInfoOf,
  validationError,
  type KayakoError
} from '../core/error'
import { bodyTooLarge, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BODY_BYTES, fetchTransport, redirectMessage, type HttpRequest, type HttpResponse, type Transport } from '../core/http'
import { withTimeout } from '../core/policy'
import { v1ConfigIssues } from './config'
import { readEnvelope, type Envelope, type Log, type Notification } from './envelope'
import { checkJson, DEFAULT_MAX_VALUES, isObject, normaliseDocument } from './flat'
import { toSnake } from './letterCase'
import { mergeOptions, toWire, type Options } from './options'
import type { Query, V1Request } from './request'
import { authHeaders, authSecrets, basicAuthorization, initialState, isBearer, isCredentials, SESSION_GONE, type Auth } from './auth'

export interface V1Config {
  /** The helpdesk, e.g. `https://brewfictus.kayako.com` (`/api/v1` is added unless the URL already ends with it). */
  readonly url: string
  readonly auth: Auth
  /** How requests are sent; default `fetchTransport`. Swap it to mock, or wrap it with policies. */
  readonly transport?: Transport
  /** Special options for every request (a request's own options win). */
  readonly options?: Options
  /**
   * Called with the `notifications` (for the end user) and `logs` (for developers) of every answer that has any,
   * successful or not, with credentials scrubbed. `withMeta` returns them with the result instead.
   */
  readonly onMeta?: (meta: Meta) => void
  /**
   * The largest response body read, in bytes; default 32 MiB (`DEFAULT_MAX_BODY_BYTES`), `Infinity` for no limit.
   * A larger body is a `ParseError` and is never parsed; transports that can stop reading early do (fetchTransport).
   */
  readonly maxBodyBytes?: number
  /**
   * Each request's deadline, end to end (connecting, the headers, the whole body, any retries inside `transport`);
   * default 60 s (`DEFAULT_DEADLINE_MS`), `Infinity` for none. A late request is a `TransportError` naming the phase.
   */
  readonly deadlineMs?: number
  /**
   * The most values (objects, arrays, members, items) an answer may hold; default 2,500,000 (`DEFAULT_MAX_VALUES`,
   * twice a real 32 MiB case list). More is a `ParseError`, found in a linear pass before the body is parsed.
   */
  readonly maxValues?: number
}

/** What an answer said besides its data. */
export interface Meta {
  readonly operation: string
  readonly status: number
  readonly notifications: ReadonlyArray<Notification>
  readonly logs: ReadonlyArray<Log>
}

/** A result with the answer's status, notifications and logs. */
export interface Answer<A> extends Meta {
  readonly value: A
}

export interface V1Executor {
  <A>(request: V1Request<A>): TE.TaskEither<KayakoError, A>
  /** The same, with the answer's notifications and logs (which `onMeta` also receives). */
  readonly withMeta: <A>(request: V1Request<A>) => TE.TaskEither<KayakoError, Answer<A>>
  /**
   * The session the executor holds now, e.g. to keep it between serverless invocations and start the next executor
   * with `auth: { sessionId, csrfToken }`. `undefined` before the first call (credentials) or with a bearer token.
   */
  readonly session: () => { readonly sessionId: string; readonly csrfToken?: string } | undefined
}

const ACCEPT = 'application/json'

/** `https://h`, `https://h/`, `https://h/api/v1/` → `https://h/api/v1`. */
export const apiRoot = (url: string): string => {
  const trimmed = url.replace(/\/+$/, '')
  return /\/api\/v1$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`
}

const queryText = (value: Exclude<Query[string], undefined>): string =>
  Array.isArray(value) ? value.join(',') : String(value)

// Commas stay readable (`include=user,case_status`); `+` must be encoded or the server reads a space.
const encodeQuery = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`).join('&')

const contentDisposition = (filename: string): string => {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return ascii === filename ? `attachment; filename="${filename}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** The HTTP request for a description, without authentication headers. */
export const toHttpRequest = (root: string, req: V1Request<unknown>, defaults: Options): HttpRequest => {
  const wire = toWire(mergeOptions(defaults, req.options))
  const pairs: Array<readonly [string, string]> = []
  for (const [name, value] of Object.entries(req.query)) if (value !== undefined) pairs.push([toSnake(name), queryText(value)])
  pairs.push(...wire.query)
  const url = `${root}${req.path}${pairs.length > 0 ? `?${encodeQuery(pairs)}` : ''}`
  const headers: Record<string, string> = { accept: ACCEPT }
  if (wire.xOptions !== undefined) headers['x-options'] = wire.xOptions
  const base = { method: req.method, url, headers, operation: req.operation }
  if (req.body === undefined) return base
  if (req.body._tag === 'File') {
    headers['content-type'] = req.body.contentType
    headers['content-disposition'] = contentDisposition(req.body.filename)
    return { ...base, body: req.body.data }
  }
  const body: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(req.body.value)) if (value !== undefined) body[toSnake(name)] = value
  headers['content-type'] = 'application/json'
  return { ...base, body: JSON.stringify(body) }
}

interface Parsed {
  readonly envelope: Envelope | undefined
  /** Why the body is not JSON, when it is not. */
  readonly failure: string | undefined
  readonly empty: boolean
}

const parse = (whole: string, maxValues: number): Parsed => {
  // A UTF-8 byte order mark: TextDecoder drops it, Buffer#toString keeps it; JSON.parse would refuse it
  const body = whole.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { envelope: undefined, failure: undefined, empty: true }
  // bounded before the tree is built: a body of tiny values would take many times its size in memory
  const tooMuch = checkJson(body, maxValues)
  if (tooMuch !== undefined) return { envelope: undefined, failure: tooMuch, empty: false }
  let document: unknown
  try {
    document = JSON.parse(body)
  } catch (thrown) {
    return { envelope: undefined, failure: `not JSON (${causeText(thrown)})`, empty: false }
  }
  try {
    return { envelope: readEnvelope(normaliseDocument(document)), failure: undefined, empty: false }
  } catch (thrown) {
    // A document nested deeper than the stack allows (JSON.parse itself copes): unreadable, not a network failure.
    return { envelope: undefined, failure: `unreadable document (${causeText(thrown)})`, empty: false }
  }
}

const EMPTY_ENVELOPE: Envelope = {
  status: null,
  data: undefined,
  resource: null,
  totalCount: null,
  offset: null,
  limit: null,
  links: { first: null, previous: null, next: null, last: null },
  sessionId: null,
  authToken: null,
  errors: [],
  notifications: [],
  logs: []
}

const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** A failed answer: the server's `errors[]` when it sent any (and did not redirect), else the status with the body. */
const failed = (operation: string, http: HttpRequest, response: HttpResponse, parsed: Parsed): KayakoError => {
  const redirect = redirectMessage(response)
  return redirect === undefined && parsed.envelope !== undefined && parsed.envelope.errors.length > 0
    ? apiError(operation, response.status, parsed.envelope.errors)
    : httpError(operation, redact(http), response.status, response.body, redirect)
}

const interpret = <A>(req: V1Request<A>, http: HttpRequest, response: HttpResponse, parsed: Parsed): E.Either<KayakoError, A> => {
  if (!isSuccess(response.status)) return E.left(failed(req.operation, http, response, parsed))
  if (parsed.failure !== undefined) return E.left(parseError(req.operation, parsed.failure, response.body))
  const envelope = parsed.envelope ?? (parsed.empty ? EMPTY_ENVELOPE : undefined)
  if (envelope === undefined) return E.left(decodeError(req.operation, ['(root): expected a JSON object (the envelope)']))
  // JSONP-style answers always have HTTP 200; the envelope's own status still says it failed (spec §2.13)
  if (envelope.errors.length > 0 && envelope.status !== null && !isSuccess(envelope.status)) {
    return E.left(apiError(req.operation, envelope.status, envelope.errors))
  }
  // A complete answer arrived: whatever goes wrong from here is about the document, never "no response".
  try {
    const decoded = req.decoder.decode(envelope)
    return E.isLeft(decoded) ? E.left(decodeError(req.operation, drawErrors(decoded.left))) : E.right(decoded.right)
  } catch (thrown) {
    return E.left(decodeError(req.operation, [`(root): could not be decoded (${causeText(thrown)})`]))
  }
}

/** An executor for a configuration that cannot work: every call is a `ValidationError` naming the fields. */
const refusing = (issues: ReturnType<typeof v1ConfigIssues>): V1Executor => {
  const withMeta = <A>(req: V1Request<A>): TE.TaskEither<KayakoError, Answer<A>> => async () => E.left(validationError(req.operation, issues))
  return Object.assign(<A>(req: V1Request<A>): TE.TaskEither<KayakoError, A> => async () => E.left(validationError(req.operation, issues)), { withMeta, session: () => undefined })
}

export const v1 = (config: V1Config): V1Executor => {
  const invalid = v1ConfigIssues(config)
  if (invalid.length > 0) return refusing(invalid)
  const deadlineMs = config.deadlineMs ?? DEFAULT_DEADLINE_MS
  const transport = deadlineMs === Infinity ? (config.transport ?? fetchTransport) : withTimeout(deadlineMs)(config.transport ?? fetchTransport)
  const root = apiRoot(config.url)
  const defaults = config.options ?? {}
  const auth = config.auth
  const state = initialState(auth)
  const secrets = new Set<string>([...authSecrets(auth), ...userInfoOf(config.url)])
  const known = (): ReadonlyArray<string> => [...secrets]
  let login: Promise<E.Either<KayakoError, void>> | undefined

  const remember = (secret: string | undefined): void => {
    if (secret !== undefined && secret !== '') secrets.add(secret)
  }
  const clean = (e: KayakoError): KayakoError => scrubError(e, secrets)
  // Every string of the notifications and logs: a session id was seen in a notification's `relatedUrl`.
  const cleanMeta = <M extends Pick<Meta, 'notifications' | 'logs'>>(meta: M): M =>
    meta.notifications.length + meta.logs.length === 0 ? meta : { ...meta, ...scrubValue({ notifications: meta.notifications, logs: meta.logs }, secrets) }

  const maxBodyBytes = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const maxValues = config.maxValues ?? DEFAULT_MAX_VALUES
  const send = async (operation: string, http: HttpRequest): Promise<E.Either<KayakoError, HttpResponse>> => {
    try {
      const sent = await transport({ ...http, maxBodyBytes, secrets: known })()
      const tooLarge = E.isRight(sent) ? bodyTooLarge(sent.right, maxBodyBytes) : undefined
      return tooLarge === undefined ? sent : E.left(parseError(operation, tooLarge, E.isRight(sent) ? sent.right.body : ''))
    } catch (thrown) {
      return E.left(transportError(operation, redact(http), causeText(thrown)))
    }
  }

  /** Keeps the CSRF token of any answer's header and the session id of any answer's body (ZAM does the same). */
  const learn = (response: HttpResponse, parsed: Parsed): void => {
    if (isBearer(auth)) return
    const csrf = response.headers['x-csrf-token']
    if (csrf !== undefined && csrf !== '') {
      state.csrfToken = csrf
      remember(csrf)
    }
    const sessionId = parsed.envelope?.sessionId
    if (sessionId !== undefined && sessionId !== null) {
      state.sessionId = sessionId
      state.basicOnly = false
      remember(sessionId)
    }
  }

  const report = (operation: string, status: number, parsed: Parsed): void => {
    const envelope = parsed.envelope
    if (config.onMeta === undefined || envelope === undefined) return
    if (envelope.notifications.length === 0 && envelope.logs.length === 0) return
    try {
      config.onMeta(cleanMeta({ operation, status, notifications: envelope.notifications, logs: envelope.logs }))
    } catch {
      // a failing callback must not turn an answer into an error
    }
  }

  /** Basic authentication through `GET /session` (what Kayako's own agent app does), keeping id and CSRF token. */
  const authenticate = async (operation: string): Promise<E.Either<KayakoError, void>> => {
    if (!isCredentials(auth)) return E.right(undefined)
    state.sessionId = undefined
    state.csrfToken = undefined
    state.basicOnly = false
    const http: HttpRequest = { method: 'GET', url: `${root}/session`, headers: { accept: ACCEPT, authorization: basicAuthorization(auth) }, operation }
    let sent = await send(operation, http)
    if (E.isLeft(sent)) return sent
    let parsed = parse(sent.right.body, maxValues)
    report(operation, sent.right.status, parsed)
    const authToken = parsed.envelope?.authToken ?? null
    if (authToken !== null) remember(authToken)
    if (sent.right.status === 403 && authToken !== null && auth.otp !== undefined && parsed.envelope?.errors.some((e) => e.code === 'OTP_EXPECTED')) {
      // the second step of a two-factor login (spec §1.6): the step's token and the one-time password
      let code: string
      try {
        code = await auth.otp()
      } catch (thrown) {
        // nothing was sent with a code: the callback (configuration) failed, not the network
        return E.left(validationError(operation, [{ path: 'config.auth.otp', message: `the callback failed (${causeText(thrown)}); the login was not completed` }]))
      }
      remember(code)
      const second: HttpRequest = { method: 'GET', url: `${root}/session`, headers: { accept: ACCEPT, 'x-token': authToken, 'x-otp': code }, operation }
      sent = await send(operation, second)
      if (E.isLeft(sent)) return sent
      parsed = parse(sent.right.body, maxValues)
      report(operation, sent.right.status, parsed)
      if (!isSuccess(sent.right.status)) return E.left(failed(operation, second, sent.right, parsed))
    }
    if (!isSuccess(sent.right.status)) return E.left(failed(operation, http, sent.right, parsed))
    learn(sent.right, parsed)
    const data = parsed.envelope?.data
    if (state.sessionId === undefined && isObject(data) && typeof data.id === 'string' && (parsed.envelope?.resource === 'session' || data.resource_type === 'session')) {
      state.sessionId = data.id
      remember(data.id)
    }
    // No session id at all (UNCONFIRMED that a server does this): keep sending Basic rather than fail.
    if (state.sessionId === undefined) state.basicOnly = true
    return E.right(undefined)
  }

  /** One login at a time: concurrent calls wait for the login in flight instead of each creating a session. */
  const ensureSession = (operation: string): Promise<E.Either<KayakoError, void>> => {
    login ??= authenticate(operation).finally(() => {
      login = undefined
    })
    return login
  }

  const needsLogin = (): boolean => isCredentials(auth) && state.sessionId === undefined && !state.basicOnly

  const exchange = async <A>(req: V1Request<A>): Promise<E.Either<KayakoError, Answer<A>>> => {
    if (req.issues.length > 0) return E.left(validationError(req.operation, req.issues))
    if (login !== undefined || needsLogin()) {
      const loggedIn = await (login ?? ensureSession(req.operation))
      if (E.isLeft(loggedIn)) return loggedIn
    }
    const plain = toHttpRequest(root, req, defaults)
    const attempt = async (): Promise<E.Either<KayakoError, readonly [HttpRequest, HttpResponse, Parsed, string | undefined]>> => {
      const usedSession = state.sessionId
      const http = { ...plain, headers: { ...plain.headers, ...authHeaders(auth, state, plain.method) } }
      const sent = await send(req.operation, http)
      if (E.isLeft(sent)) return sent
      const parsed = parse(sent.right.body, maxValues)
      learn(sent.right, parsed)
      return E.right([http, sent.right, parsed, usedSession] as const)
    }
    let result = await attempt()
    if (E.isLeft(result)) return result
    const [, firstResponse, , usedSession] = result.right
    if (isCredentials(auth) && usedSession !== undefined && SESSION_GONE.includes(firstResponse.status)) {
      // The session expired or was dropped: log in again (unless a concurrent call already did) and retry once.
      if (state.sessionId === usedSession) state.sessionId = undefined
      if (login !== undefined || needsLogin()) {
        const loggedIn = await (login ?? ensureSession(req.operation))
        if (E.isLeft(loggedIn)) return loggedIn
      }
      result = await attempt()
      if (E.isLeft(result)) return result
    }
    const [http, response, parsed] = result.right
    report(req.operation, response.status, parsed)
    const value = interpret(req, http, response, parsed)
    if (E.isLeft(value)) return value
    if (req.method === 'DELETE' && req.path === '/session' && !isBearer(auth)) {
      // logged out: the session is gone (with credentials, the next call logs in again)
      state.sessionId = undefined
      state.csrfToken = undefined
    }
    const envelope = parsed.envelope ?? EMPTY_ENVELOPE
    return E.right({ operation: req.operation, status: response.status, notifications: envelope.notifications, logs: envelope.logs, value: value.right })
  }

  const safely = <A>(req: V1Request<A>): TE.TaskEither<KayakoError, Answer<A>> => async () => {
    try {
      const result = await exchange(req)
      return E.isLeft(result) ? E.left(clean(result.left)) : E.right(cleanMeta(result.right))
    } catch (thrown) {
      return E.left(clean(transportError(req.operation, { method: req.method, url: `${root}${req.path}`, headers: {} }, causeText(thrown))))
    }
  }

  const run = <A>(req: V1Request<A>): TE.TaskEither<KayakoError, A> => async () => {
    const answer = await safely(req)()
    return E.isLeft(answer) ? answer : E.right(answer.right.value)
  }

  const session = () =>
    state.sessionId === undefined || isBearer(auth)
      ? undefined
      : state.csrfToken === undefined
        ? { sessionId: state.sessionId }
        : { sessionId: state.sessionId, csrfToken: state.csrfToken }

  return Object.assign(run, { withMeta: safely, session })
}
