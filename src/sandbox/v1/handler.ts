// The v1 sandbox: an in-memory Kayako v1 JSON API as a pure request handler (no sockets, no node: imports), for
// tests, demos and the sandbox server, which mounts it under /api/v1/.
import * as E from '../../core/either'
import type { HttpRequest, HttpResponse, Transport } from '../../core/http'
import { parseView, DEFAULT_VIEW, type View } from './options'
import { authenticator, type AuthResult } from './auth'
import { type Ctx, type Principal, type SandboxState, type SessionRecord } from './context'
import { err, statusOf, type ApiErr } from './errors'
import { fieldReader, readBody, readQuery } from './input'
import { random } from './random'
import { renderBody, type Log, type Reply } from './render'
import { allRoutes } from './routes/index'
import { matchPath, type Route } from './routes/route'
import { seedBulkCases } from './seedBulk'
import { ADMIN_EMAIL, AGENT_EMAIL, CUSTOMER_EMAIL, EXPIRED_EMAIL, SEED_OTP, SEED_PASSWORD, seedStore, TWO_FACTOR_EMAIL } from './seed'
import { etagOf, find, typeOf, type Row } from './store'
import type { Leniency } from '../classic/settings'

/** Options of the v1 sandbox (`SandboxOptions.v1`): seed, clock, rate limit, session and lock-out timing, tolerances. */
export interface V1SandboxOptions {
  /** Seeds the generated data, session ids and tokens (default: a fixed seed; the same seed gives the same data). */
  readonly seed?: number | string
  /** Requests allowed per clock minute before 429 RATE_LIMIT_REACHED + `Retry-After` (default: no limit). */
  readonly rateLimitPerMinute?: number
  /** The clock in epoch milliseconds (default `Date.now`); tests inject one. */
  readonly now?: () => number
  /** Idle time after which a session can no longer be loaded (454), in seconds (default 3600). */
  readonly sessionTtlSeconds?: number
  /** Failed Basic logins of one user before AUTHENTICATION_LOCKED (default 5), and the lock's length (default 600 s). */
  readonly maxLoginFailures?: number
  readonly lockSeconds?: number
  /** Origin used for `resource_url`s when a request URL is relative (default `http://127.0.0.1`). */
  readonly origin?: string
  /** Tolerances, off by default (the v1 ones of `LENIENCIES`, e.g. `v1-loose-x-options`). */
  readonly lenient?: ReadonlyArray<Leniency>
  /** Bulk cases after the seed, for tests at scale (`seedBulk.ts`): `{ cases: 5000 }`. */
  readonly bulk?: { readonly cases?: number }
}

/** A login: user name (an e-mail address) and password. */
export interface Credentials {
  readonly username: string
  readonly password: string
}

/** The v1 side of a sandbox (`Sandbox.v1`): its handler, the seeded logins and token, and `expireSessions`. */
export interface V1Sandbox {
  /** Answers one v1 request; never rejects. */
  readonly handle: (request: HttpRequest) => Promise<HttpResponse>
  /** An administrator's login (a staff user who may call every route). */
  readonly credentials: Credentials
  /** Other seeded logins for exercising the flows around authentication. */
  readonly accounts: {
    readonly agent: Credentials
    readonly customer: Credentials
    /** Valid, but the password has expired: 403 CREDENTIAL_EXPIRED + `auth_token`. */
    readonly expiredPassword: Credentials
    /** Two-factor: 403 OTP_EXPECTED + `auth_token`, then `X-Token` + `X-OTP: otp`. */
    readonly twoFactor: Credentials & { readonly otp: string }
  }
  /** An OAuth access token of the administrator (`Authorization: Bearer …`). */
  readonly bearerToken: string
  /** Ends every session now (as if they had expired): the next call with a session id answers 454. */
  readonly expireSessions: () => void
}

const DEFAULT_SEED = 20150721

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-api-version': '1', ...headers },
  body: JSON.stringify(body)
})

interface Outcome {
  readonly reply: Reply
  readonly principal: Principal | undefined
  readonly created: SessionRecord | undefined
  readonly extraLogs: ReadonlyArray<Log>
}

/** A row's `updated_at` in whole seconds, if it has one. */
const modifiedAt = (row: Row | undefined): number | undefined => {
  const value = row?.updated_at
  if (typeof value !== 'string') return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}

/** An HTTP date header in whole seconds; undefined when absent or unreadable (then it is ignored, as HTTP says). */
const httpTime = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')

/** `Fri, 14 Aug 2015 18:39:41 +0000`. */
const lastModified = (seconds: number): string => {
  const d = new Date(seconds * 1000)
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}

export const createV1Sandbox = (options: V1SandboxOptions = {}): V1Sandbox => {
  const now = options.now ?? (() => Date.now())
  const rnd = random(options.seed ?? DEFAULT_SEED)
  const store = seedStore(rnd)
  if (options.bulk?.cases !== undefined) seedBulkCases(store, options.bulk.cases)
  const tokens = random(`${String(options.seed ?? DEFAULT_SEED)}:tokens`)
  const bearerToken = tokens.token(40)
  const state: SandboxState = { store, rnd, sessions: new Map(), authTokens: new Map(), bearerTokens: new Map([[bearerToken, 1]]), fingerprints: new Map() }
  const { authenticate, allowed } = authenticator(state, tokens, {
    sessionTtlMs: (options.sessionTtlSeconds ?? 3600) * 1000,
    maxLoginFailures: options.maxLoginFailures ?? 5,
    lockMs: (options.lockSeconds ?? 600) * 1000
  })
  const window = { minute: -1, count: 0 }
  const routes = allRoutes()

  /** The route for a path, or the error for an unknown path / a verb the path does not take. */
  const resolve = (method: string, segments: ReadonlyArray<string>): { route: Route; params: Record<string, number> } | ApiErr => {
    let pathKnown = false
    for (const r of routes) {
      const params = matchPath(r, segments)
      if (params === undefined) continue
      if (r.method === method) return { route: r, params }
      pathKnown = true
    }
    if (pathKnown) return err('METHOD_NOT_SUPPORTED')
    const root = (segments[0] ?? '').toLowerCase()
    // The first component names a resource we know: the action is what is wrong. Otherwise it is read as an app
    // name (spec §1.1, APP_NOT_FOUND).
    return routes.some((r) => r.segments[0] === root) ? err('RESOURCE_ACTION_NOT_AVAILABLE') : err('APP_NOT_FOUND')
  }

  const run = (request: HttpRequest, url: URL, at: number): { readonly outcome: Outcome; readonly view: View; readonly segments: ReadonlyArray<string> } => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value
    const path = url.pathname.replace(/\/+$/, '')
    const prefix = /^\/api\/v1(?=\/|$)/i.exec(path)
    const segments = (
      prefix === null
        ? []
        : path
            .slice(prefix[0].length)
            .split('/')
            .filter((s) => s !== '')
    ).map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
    const last = segments.pop()
    if (last !== undefined) segments.push(last.replace(/\.json$/i, ''))
    const query = readQuery(url.search)
    const parsed = parseView(query, headers['x-options'], options.lenient?.includes('v1-loose-x-options') === true)
    const view = parsed.view
    const done = (reply: Reply, auth?: AuthResult) => ({
      outcome: { reply, principal: auth?.principal, created: auth?.created, extraLogs: auth?.logs ?? [] },
      view,
      segments
    })
    if (prefix === null) return done({ status: 404, errors: [err('RESOURCE_NOT_FOUND')] })

    if (options.rateLimitPerMinute !== undefined) {
      const minute = Math.floor(at / 60_000)
      if (minute !== window.minute) {
        window.minute = minute
        window.count = 0
      }
      if (window.count >= options.rateLimitPerMinute) {
        const retryAfter = Math.max(1, Math.ceil(((minute + 1) * 60_000 - at) / 1000))
        return done({ status: 429, errors: [err('RATE_LIMIT_REACHED')], headers: { 'retry-after': String(retryAfter) } })
      }
      window.count++
    }
    if (parsed.errors.length > 0) return done({ status: 400, errors: parsed.errors })
    // "Accept must include application/json or */* (else 406)" (spec §2.1). No error code is documented for it, so
    // the answer explains itself in a log line. A missing Accept is accepted.
    const accept = headers.accept
    if (accept !== undefined && !/application\/json|\*\/\*|application\/\*/i.test(accept)) {
      return done({ status: 406, logs: [{ level: 'ERROR', message: 'The Accept header must include application/json or */*' }] })
    }

    const auth = authenticate(request.method, segments, query, headers, at)
    if (auth.reply !== undefined) return done(auth.reply)
    const resolved = resolve(request.method, segments)
    if (!('route' in resolved)) return done({ status: statusOf([resolved]), errors: [resolved] }, auth)
    const denied = allowed(resolved.route, auth.principal)
    if (denied !== undefined) return done({ status: statusOf([denied]), errors: [denied] }, auth)

    let body = {}
    if (!resolved.route.rawBody && (request.method === 'POST' || request.method === 'PUT')) {
      const read = readBody(request.body, headers['content-type'] ?? '')
      if (!read.ok) return done({ status: 400, errors: [err('FIELD_INVALID')], logs: [{ level: 'ERROR', message: read.message }] }, auth)
      body = read.params
    }
    const baseUrl = `${url.origin}/api/v1`
    const ctx: Ctx = {
      method: request.method,
      segments,
      params: resolved.params,
      query,
      body,
      rawBody: request.body,
      headers,
      principal: auth.principal,
      state,
      store,
      now: at,
      baseUrl,
      url,
      fields: fieldReader(body, store)
    }

    // Conditional writes (spec §2.10): If-Match names the ETag the caller last saw.
    const ifMatch = headers['if-match']
    if (ifMatch !== undefined && (request.method === 'PUT' || request.method === 'DELETE')) {
      const current = currentRow(ctx)
      if (
        current !== undefined &&
        !ifMatch
          .split(',')
          .map((t) => t.trim())
          .includes(etagOf(current)) &&
        ifMatch.trim() !== '*'
      ) {
        return done({ status: 412, errors: [err('RESOURCE_MODIFIED')] }, auth)
      }
    }
    // If-Unmodified-Since (spec §2.10): a write to a resource changed after that time is refused.
    const ifUnmodifiedSince = httpTime(headers['if-unmodified-since'])
    if (ifUnmodifiedSince !== undefined && (request.method === 'PUT' || request.method === 'DELETE')) {
      const changed = modifiedAt(currentRow(ctx))
      if (changed !== undefined && changed > ifUnmodifiedSince) return done({ status: 412, errors: [err('RESOURCE_MODIFIED')] }, auth)
    }
    return done(resolved.route.handle(ctx), auth)
  }

  /** The stored row a PUT/DELETE path addresses, found through the GET route of the same path. */
  const currentRow = (ctx: Ctx): Row | undefined => {
    const get = routes.filter((r) => r.method === 'GET').map((r) => ({ r, params: matchPath(r, ctx.segments) }))
    const found = get.find((g) => g.params !== undefined)
    if (found?.params === undefined) return undefined
    const reply = found.r.handle({ ...ctx, method: 'GET', params: found.params })
    const data = reply.data
    return data !== undefined && data !== null && !Array.isArray(data) ? (data as Row) : undefined
  }

  const respond = (request: HttpRequest): HttpResponse => {
    let url: URL
    try {
      url = new URL(request.url, options.origin ?? 'http://127.0.0.1')
    } catch {
      return jsonResponse(404, renderBody({ status: 404, errors: [err('RESOURCE_NOT_FOUND')] }, store, DEFAULT_VIEW, ''))
    }
    try {
      const at = now()
      const { outcome, view } = run(request, url, at)
      const { reply, created } = outcome
      const logs = [...(reply.logs ?? []), ...(outcome.extraLogs ?? [])]
      const extras = created === undefined ? reply.extras : { ...reply.extras, session_id: created.id }
      const headers: Record<string, string> = { ...reply.headers }
      if (created?.csrfToken != null) headers['x-csrf-token'] = created.csrfToken
      const data = reply.data
      if (request.method === 'GET' && reply.status === 200 && data !== undefined && data !== null && !Array.isArray(data)) {
        const row = data as Row
        if (find(store, typeOf(row), (row.id ?? row.uuid) as number) === row) {
          const etag = etagOf(row)
          headers.etag = etag
          const ifNoneMatch = request.headers['if-none-match'] ?? request.headers['If-None-Match']
          if (
            ifNoneMatch !== undefined &&
            ifNoneMatch
              .split(',')
              .map((t) => t.trim())
              .includes(etag)
          ) {
            return { status: 304, headers: { 'x-api-version': '1', etag }, body: '' }
          }
          // Last-Modified / If-Modified-Since (spec §2.10; the docs' format `Fri, 14 Aug 2015 18:39:41 +0000`).
          const changed = modifiedAt(row)
          if (changed !== undefined) {
            headers['last-modified'] = lastModified(changed)
            const since = httpTime(request.headers['if-modified-since'] ?? request.headers['If-Modified-Since'])
            if (ifNoneMatch === undefined && since !== undefined && changed <= since) {
              return { status: 304, headers: { 'x-api-version': '1', etag, 'last-modified': headers['last-modified'] }, body: '' }
            }
          }
        }
      }
      if (reply.status === 201 && data !== undefined && data !== null && !Array.isArray(data)) {
        const rendered = renderBody({ status: 201, data }, store, DEFAULT_VIEW, `${url.origin}/api/v1`) as { data?: { resource_url?: string } }
        if (rendered.data?.resource_url !== undefined) headers['content-location'] = rendered.data.resource_url
      }
      if (reply.raw !== undefined)
        return { status: reply.status, headers: { 'x-api-version': '1', ...headers, ...reply.raw.headers }, body: '', bytes: reply.raw.bytes }
      const body = renderBody({ ...reply, logs, ...(extras === undefined ? {} : { extras }) }, store, view, `${url.origin}/api/v1`)
      return jsonResponse(reply.status, body, headers)
    } catch (thrown) {
      // A bug of the sandbox itself: answered as an API failure, never a crash of the caller's test.
      const reply: Reply = {
        status: 500,
        errors: [err('ACTION_FAILED')],
        logs: [{ level: 'ERROR', message: `Unhandled exception in the v1 sandbox: ${thrown instanceof Error ? thrown.message : String(thrown)}` }]
      }
      return jsonResponse(500, renderBody(reply, store, DEFAULT_VIEW, ''))
    }
  }

  const credentials = (email: string): Credentials => ({ username: email, password: SEED_PASSWORD })
  // The answer is computed synchronously; the Promise executor turns a throw into a rejection, as `async` would.
  const handle = (request: HttpRequest): Promise<HttpResponse> => new Promise((resolve) => resolve(respond(request)))

  return {
    handle,
    credentials: credentials(ADMIN_EMAIL),
    accounts: {
      agent: credentials(AGENT_EMAIL),
      customer: credentials(CUSTOMER_EMAIL),
      expiredPassword: credentials(EXPIRED_EMAIL),
      twoFactor: { ...credentials(TWO_FACTOR_EMAIL), otp: SEED_OTP }
    },
    bearerToken,
    expireSessions: () => state.sessions.clear()
  }
}

/** The sandbox as a Transport (no sockets): hand it to the v1 executor in tests. */
export const v1SandboxTransport = (options: V1SandboxOptions = {}): Transport => {
  const sandbox = createV1Sandbox(options)
  return (request) => async () => E.right(await sandbox.handle(request))
}
