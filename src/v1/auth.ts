/**
 * Authentication and the session (spec §1.3–1.7). (Named `auth.ts`, not `session.ts`: `Session.ts` is the session
 * resource module, and the two names would clash on case-insensitive file systems.) Three ways in:
 * - `{ username, password, otp? }`: Basic once (`GET /session`, completed with `X-Token` + `X-OTP` when the account
 *   has two-factor authentication), then the session id and CSRF token the server hands out; re-authenticates once
 *   when the server says the session is gone (401, 454);
 * - `{ sessionId, csrfToken? }`: a session obtained elsewhere (no re-authentication possible);
 * - `{ bearer }`: an OAuth 2.0 access token (or a JWT SSO token) sent on every request.
 */
import { toBase64, utf8 } from '../core/bytes'
import type { HttpMethod } from '../core/http'

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

export interface SessionAuth {
  readonly sessionId: string
  /** Needed for POST, PUT and DELETE unless the session was created with `X-CSRF: false`. */
  readonly csrfToken?: string
}

export interface BearerAuth {
  readonly bearer: string
}

export type Auth = Credentials | SessionAuth | BearerAuth

export const isCredentials = (auth: Auth): auth is Credentials => 'username' in auth && 'password' in auth
export const isBearer = (auth: Auth): auth is BearerAuth => 'bearer' in auth

/** What the executor holds between calls. */
export interface SessionState {
  sessionId: string | undefined
  csrfToken: string | undefined
  /** Set when a Basic login answered without a session id: then Basic goes on every request. */
  basicOnly: boolean
}

export const initialState = (auth: Auth): SessionState =>
  'sessionId' in auth ? { sessionId: auth.sessionId, csrfToken: auth.csrfToken, basicOnly: false } : { sessionId: undefined, csrfToken: undefined, basicOnly: false }

export const basicAuthorization = (credentials: Credentials): string => `Basic ${toBase64(utf8(`${credentials.username}:${credentials.password}`))}`

/** Methods the CSRF token protects (spec §1.5). */
export const isUnsafe = (method: HttpMethod): boolean => method !== 'GET'

/** Authentication headers for one request, given the current state. */
export const authHeaders = (auth: Auth, state: SessionState, method: HttpMethod): Record<string, string> => {
  const headers: Record<string, string> = {}
  if (isBearer(auth)) headers.authorization = `Bearer ${auth.bearer}`
  else if (isCredentials(auth) && (state.basicOnly || state.sessionId === undefined)) headers.authorization = basicAuthorization(auth)
  if (state.sessionId !== undefined && !isBearer(auth)) {
    headers['x-session-id'] = state.sessionId
    if (state.csrfToken !== undefined && isUnsafe(method)) headers['x-csrf-token'] = state.csrfToken
  }
  return headers
}

/** Every secret the executor knows of, for scrubbing errors and log lines. */
export const authSecrets = (auth: Auth): ReadonlyArray<string> =>
  isCredentials(auth)
    ? [auth.password, basicAuthorization(auth).slice('Basic '.length)]
    : isBearer(auth)
      ? [auth.bearer]
      : [auth.sessionId, ...(auth.csrfToken === undefined ? [] : [auth.csrfToken])]

/** Statuses after which a session is gone: 401 (e.g. AUTHORIZATION_REQUIRED) and 454 SESSION_LOADING_FAILED. */
export const SESSION_GONE: ReadonlyArray<number> = [401, 454]
