/**
 * Authentication and the session (spec §1.3–1.7), the v1 executor's session module. (Named `auth.ts`, not
 * `session.ts`: `Session.ts` is the session resource module, and the two names would clash on case-insensitive file
 * systems.) Three ways in:
 * - `{ username, password, otp? }`: Basic once (`GET /session`, completed with `X-Token` + `X-OTP` when the account
 *   has two-factor authentication), then the session id and CSRF token the server hands out; re-authenticates once
 *   when the server says the session is gone (401, 454);
 * - `{ sessionId, csrfToken? }`: a session obtained elsewhere (no re-authentication possible);
 * - `{ bearer }`: an OAuth 2.0 access token (or a JWT SSO token) sent on every request;
 * - `{ fingerprintId }`: a customer of the Messenger (spec §1.9), the client's secret id in `X-Fingerprint-ID` on every
 *   request; the server shows it only what was created with that id (`Conversation`).
 */
import * as E from '../../core/either'
import { toBase64, utf8 } from '../../core/bytes'
import { causeText, validationError, type KayakoError } from '../../core/error'
import type { HttpMethod, HttpRequest, HttpResponse } from '../../core/http'
import type { Sent } from '../../core/pipeline'
import { failed, isSuccess, type Normalise, type Parsed } from './envelope'
import { isObject } from './flat'

/**
 * An agent's e-mail address and password: the executor logs in with Basic once (`GET /session`) and then sends the
 * session id and CSRF token the server hands out, logging in again once when the session is gone (401, 454).
 */
export interface Credentials {
  /** The agent's e-mail address. */
  readonly username: string
  readonly password: string
  /**
   * For accounts with two-factor authentication: called when the server asks for a one-time password
   * (403 `OTP_EXPECTED`), at every login. Without it that answer is an `ApiError`.
   */
  readonly otp?: () => string | Promise<string>
}

/** A session obtained elsewhere (`X-Session-ID`); the executor cannot renew it, so calls fail once it expires. */
export interface SessionAuth {
  readonly sessionId: string
  /** Needed for POST, PUT and DELETE unless the session was created with `X-CSRF: false`. */
  readonly csrfToken?: string
}

/** An OAuth 2.0 access token or a JWT SSO token, sent as `Authorization: Bearer …` on every request. */
export interface BearerAuth {
  readonly bearer: string
}

/**
 * A customer authenticated by fingerprint (spec §1.9, what Kayako's Messenger and its Java SDK send): a secret id the
 * client makes once (a random UUID) and keeps; the conversations created with it are the only ones it sees.
 */
export interface FingerprintAuth {
  readonly fingerprintId: string
}

/** How the v1 executor signs in: {@link Credentials}, {@link SessionAuth}, {@link BearerAuth}, {@link FingerprintAuth}. */
export type Auth = Credentials | SessionAuth | BearerAuth | FingerprintAuth

export const isCredentials = (auth: Auth): auth is Credentials => 'username' in auth && 'password' in auth
export const isBearer = (auth: Auth): auth is BearerAuth => 'bearer' in auth
export const isFingerprint = (auth: Auth): auth is FingerprintAuth => 'fingerprintId' in auth

/** What the executor holds between calls. */
export interface SessionState {
  sessionId: string | undefined
  csrfToken: string | undefined
  /** Set when a Basic login answered without a session id: then Basic goes on every request. */
  basicOnly: boolean
}

export const basicAuthorization = (credentials: Credentials): string => `Basic ${toBase64(utf8(`${credentials.username}:${credentials.password}`))}`

/** Authentication headers for one request, given the current state. */
export const authHeaders = (auth: Auth, state: SessionState, method: HttpMethod): Record<string, string> => {
  const headers: Record<string, string> = {}
  if (isBearer(auth)) headers.authorization = `Bearer ${auth.bearer}`
  else if (isFingerprint(auth)) headers['x-fingerprint-id'] = auth.fingerprintId
  else if (isCredentials(auth) && (state.basicOnly || state.sessionId === undefined)) headers.authorization = basicAuthorization(auth)
  if (state.sessionId !== undefined && !isBearer(auth)) {
    headers['x-session-id'] = state.sessionId
    // the methods the CSRF token protects (spec §1.5)
    if (state.csrfToken !== undefined && method !== 'GET') headers['x-csrf-token'] = state.csrfToken
  }
  return headers
}

/** Every secret the executor knows of, for scrubbing errors and log lines. */
export const authSecrets = (auth: Auth): ReadonlyArray<string> =>
  isCredentials(auth)
    ? [auth.password, basicAuthorization(auth).slice('Basic '.length)]
    : isBearer(auth)
      ? [auth.bearer]
      : isFingerprint(auth)
        ? [auth.fingerprintId]
        : [auth.sessionId, ...(auth.csrfToken === undefined ? [] : [auth.csrfToken])]

/** Statuses after which a session is gone: 401 (e.g. AUTHORIZATION_REQUIRED) and 454 SESSION_LOADING_FAILED. */
export const SESSION_GONE: ReadonlyArray<number> = [401, 454]

/** One exchange as the session made it: the request sent last (with its headers), its answer, the answer read. */
export type Exchanged = readonly [HttpRequest, HttpResponse, Parsed]

/** What the session needs from the executor: the pipeline's `send`, the parse step, and where to tell what it learned. */
export interface SessionDeps {
  readonly root: string
  readonly send: (http: HttpRequest) => Promise<Sent>
  readonly parse: (body: string, normalise?: Normalise) => Parsed
  /** Every answer's notifications and logs (the login's too). */
  readonly report: (operation: string, status: number, parsed: Parsed) => void
  /** A credential learned on the way (session id, CSRF token, two-factor token and code), for the scrubber. */
  readonly remember: (secret: string | undefined | null) => void
}

export interface Session {
  /**
   * Sends a request with the authentication it needs: logs in first when needed (one login at a time), keeps the
   * session id and CSRF token any answer hands out, and logs in again and retries once when the server says the
   * session is gone (401, 454). Its answers are read with `normalise` when given.
   */
  readonly exchange: (plain: HttpRequest, normalise?: Normalise) => Promise<E.Either<KayakoError, Exchanged>>
  /** The session held now (`run.session()`); `undefined` before the first call or with a bearer token. */
  readonly held: () => { readonly sessionId: string; readonly csrfToken?: string } | undefined
  /** Logged out: the session is gone (with credentials, the next call logs in again). */
  readonly ended: () => void
}

/** What every v1 request accepts (the executor's too). */
export const ACCEPT = 'application/json'

export const session = (auth: Auth, deps: SessionDeps): Session => {
  const { root, send, parse, report, remember } = deps
  const state: SessionState =
    'sessionId' in auth
      ? { sessionId: auth.sessionId, csrfToken: auth.csrfToken, basicOnly: false }
      : { sessionId: undefined, csrfToken: undefined, basicOnly: false }
  let login: Promise<E.Either<KayakoError, void>> | undefined

  /** Keeps the CSRF token of any answer's header and the session id of any answer's body (ZAM does the same). */
  const learn = (response: HttpResponse, parsed: Parsed): void => {
    // A bearer token or a fingerprint goes on every request as it is: no session is held.
    if (isBearer(auth) || isFingerprint(auth)) return
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

  /** Basic authentication through `GET /session` (what Kayako's own agent app does), keeping id and CSRF token. */
  const authenticate = async (credentials: Credentials, operation: string): Promise<E.Either<KayakoError, void>> => {
    state.sessionId = undefined
    state.csrfToken = undefined
    state.basicOnly = false
    const http: HttpRequest = { method: 'GET', url: `${root}/session`, headers: { accept: ACCEPT, authorization: basicAuthorization(credentials) }, operation }
    let sent = await send(http)
    if (E.isLeft(sent)) return sent
    let parsed = parse(sent.right.body)
    report(operation, sent.right.status, parsed)
    const authToken = parsed.envelope?.authToken ?? null
    remember(authToken)
    if (sent.right.status === 403 && authToken !== null && credentials.otp !== undefined && parsed.envelope?.errors.some((e) => e.code === 'OTP_EXPECTED')) {
      // the second step of a two-factor login (spec §1.6): the step's token and the one-time password
      let code: string
      try {
        code = await credentials.otp()
      } catch (thrown) {
        // nothing was sent with a code: the callback (configuration) failed, not the network
        return E.left(
          validationError(operation, [{ path: 'config.auth.otp', message: `the callback failed (${causeText(thrown)}); the login was not completed` }])
        )
      }
      remember(code)
      const second: HttpRequest = { method: 'GET', url: `${root}/session`, headers: { accept: ACCEPT, 'x-token': authToken, 'x-otp': code }, operation }
      sent = await send(second)
      if (E.isLeft(sent)) return sent
      parsed = parse(sent.right.body)
      report(operation, sent.right.status, parsed)
      if (!isSuccess(sent.right.status)) return E.left(failed(operation, second, sent.right, parsed))
    }
    if (!isSuccess(sent.right.status)) return E.left(failed(operation, http, sent.right, parsed))
    learn(sent.right, parsed)
    const data = parsed.envelope?.data
    if (
      state.sessionId === undefined &&
      isObject(data) &&
      typeof data.id === 'string' &&
      (parsed.envelope?.resource === 'session' || data.resource_type === 'session')
    ) {
      state.sessionId = data.id
      remember(data.id)
    }
    // No session id at all (UNCONFIRMED that a server does this): keep sending Basic rather than fail.
    if (state.sessionId === undefined) state.basicOnly = true
    return E.right(undefined)
  }

  /** Waits for the login in flight, or starts one when credentials have no session yet: concurrent calls share one. */
  const loggedIn = async (operation: string): Promise<E.Either<KayakoError, void>> => {
    if (login === undefined && !(isCredentials(auth) && state.sessionId === undefined && !state.basicOnly)) return E.right(undefined)
    login ??= authenticate(auth as Credentials, operation).finally(() => {
      login = undefined
    })
    return login
  }

  const attempt = async (plain: HttpRequest, normalise?: Normalise): Promise<E.Either<KayakoError, readonly [Exchanged, string | undefined]>> => {
    const usedSession = state.sessionId
    const http = { ...plain, headers: { ...plain.headers, ...authHeaders(auth, state, plain.method) } }
    const sent = await send(http)
    if (E.isLeft(sent)) return sent
    const parsed = parse(sent.right.body, normalise)
    learn(sent.right, parsed)
    return E.right([[http, sent.right, parsed], usedSession])
  }

  const exchange = async (plain: HttpRequest, normalise?: Normalise): Promise<E.Either<KayakoError, Exchanged>> => {
    const operation = plain.operation ?? 'request'
    const ready = await loggedIn(operation)
    if (E.isLeft(ready)) return ready
    const first = await attempt(plain, normalise)
    if (E.isLeft(first)) return first
    const [[, response], usedSession] = first.right
    if (!(isCredentials(auth) && usedSession !== undefined && SESSION_GONE.includes(response.status))) return E.right(first.right[0])
    // The session expired or was dropped: log in again (unless a concurrent call already did) and retry once.
    if (state.sessionId === usedSession) state.sessionId = undefined
    const again = await loggedIn(operation)
    if (E.isLeft(again)) return again
    const second = await attempt(plain, normalise)
    return E.isLeft(second) ? second : E.right(second.right[0])
  }

  return {
    exchange,
    held: () =>
      state.sessionId === undefined || isBearer(auth)
        ? undefined
        : state.csrfToken === undefined
          ? { sessionId: state.sessionId }
          : { sessionId: state.sessionId, csrfToken: state.csrfToken },
    ended: () => {
      if (isBearer(auth)) return
      state.sessionId = undefined
      state.csrfToken = undefined
    }
  }
}
