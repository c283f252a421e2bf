// Authentication (spec §1): Basic → a session (X-Session-ID) guarded by a CSRF token, the multi-step `auth_token`
// flows (expired password, one-time password), OAuth bearer tokens, lock-out after failed logins, and who may call
// which route.
import * as E from '../../core/either'
import { fromBase64, utf8Decode } from '../../core/bytes'
import type { Principal, SandboxState, SessionRecord } from './context'
import { err, type ApiErr } from './errors'
import type { Random } from './random'
import type { Log, Reply } from './render'
import type { Route } from './routes/route'
import { all, find, isoTime, type Row, textOf } from './store'

export interface AuthResult {
  readonly principal?: Principal
  /** The session this request opened (its id goes into the body, its CSRF token into a header). */
  readonly created?: SessionRecord
  /** The refusal, when authentication failed or needs another step. */
  readonly reply?: Reply
  readonly logs?: ReadonlyArray<Log>
}

export interface AuthSettings {
  readonly sessionTtlMs: number
  readonly maxLoginFailures: number
  readonly lockMs: number
}

export const authenticator = (state: SandboxState, tokens: Random, settings: AuthSettings) => {
  const store = state.store
  const failures = new Map<string, { count: number; lockedUntil: number }>()

  const userByEmail = (email: string): Row | undefined => {
    const identity = all(store, 'identity_email').find((e) => textOf(e.email).toLowerCase() === email.trim().toLowerCase())
    return identity === undefined ? undefined : find(store, 'user', identity.$user as number)
  }

  const principalOf = (user: Row, scheme: Principal['scheme'], session?: SessionRecord): Principal => ({
    user,
    roleType: textOf(find(store, 'role', (user.role as { id: number }).id)?.type ?? 'CUSTOMER'),
    scheme,
    ...(session === undefined ? {} : { session })
  })

  const newSession = (user: Row, headers: Record<string, string>, at: number): SessionRecord => {
    // `X-CSRF: false` on the authenticating request opts the new session out of CSRF protection (spec §1.5).
    const csrf = (headers['x-csrf'] ?? '').trim().toLowerCase() === 'false' ? null : tokens.token(72)
    const session: SessionRecord = {
      id: tokens.token(80),
      userId: user.id as number,
      csrfToken: csrf,
      createdAt: at,
      lastActivityAt: at,
      userAgent: headers['user-agent'] ?? ''
    }
    state.sessions.set(session.id, session)
    return session
  }

  const liveSession = (id: string, at: number): SessionRecord | undefined => {
    const s = state.sessions.get(id)
    if (s === undefined) return undefined
    if (at - s.lastActivityAt > settings.sessionTtlMs || find(store, 'user', s.userId) === undefined) {
      state.sessions.delete(id)
      return undefined
    }
    return s
  }

  const authToken = (userId: number, step: 'OTP' | 'PASSWORD', at: number): string => {
    const token = tokens.token(80)
    state.authTokens.set(token, { userId, step, expiresAt: at + 600_000 })
    return token
  }

  /** After a password or OTP check: reuse the caller's session if it is theirs, else open one. */
  const signIn = (user: Row, sessionId: string | undefined, headers: Record<string, string>, at: number): AuthResult => {
    if (sessionId !== undefined) {
      const s = liveSession(sessionId, at)
      // A session of another user next to credentials: SESSION_LOADING_FAILED (spec §1.4, first listed reason).
      if (s !== undefined && s.userId !== user.id) return { reply: { status: 454, errors: [err('SESSION_LOADING_FAILED')] } }
      if (s !== undefined) {
        s.lastActivityAt = at
        return { principal: principalOf(user, 'BASIC', s) }
      }
      // An unknown session id next to valid credentials: a new session (tolerant; the docs advise not to send both).
    }
    const hadSession = [...state.sessions.values()].some((s) => s.userId === user.id)
    const created = newSession(user, headers, at)
    user.last_logged_in_at = isoTime(at)
    const logs: Array<Log> = hadSession
      ? [{ level: 'NOTICE', message: 'To avoid long delays instead of supplying username and password with each request use just the session id' }]
      : []
    return { principal: principalOf(user, 'BASIC', created), created, logs }
  }

  const authenticate = (
    method: string,
    segments: ReadonlyArray<string>,
    query: ReadonlyMap<string, string>,
    headers: Record<string, string>,
    at: number
  ): AuthResult => {
    const headerSession = headers['x-session-id']
    const argSession = query.get('_session_id')
    if (headerSession !== undefined && argSession !== undefined && headerSession !== argSession) {
      return { reply: { status: 400, errors: [err('PARAMETERS_INCONSISTENT', '_session_id')] } }
    }
    const sessionId = headerSession ?? argSession
    const authorization = (headers.authorization ?? '').trim()
    const stepToken = headers['x-token'] ?? query.get('_token')

    if (/^basic\s/i.test(authorization)) {
      const decoded = fromBase64(authorization.slice(6).trim())
      const text = E.isRight(decoded) ? utf8Decode(decoded.right) : ''
      const colon = text.indexOf(':')
      const email = colon < 0 ? text : text.slice(0, colon)
      const password = colon < 0 ? '' : text.slice(colon + 1)
      const key = email.trim().toLowerCase()
      const record = failures.get(key)
      if (record !== undefined && record.lockedUntil > at) {
        return {
          reply: { status: 429, errors: [err('AUTHENTICATION_LOCKED')], headers: { 'retry-after': String(Math.ceil((record.lockedUntil - at) / 1000)) } }
        }
      }
      const user = userByEmail(email)
      if (user === undefined || user.$password !== password || user.is_enabled !== true) {
        const count = (record?.count ?? 0) + 1
        failures.set(key, { count: count >= settings.maxLoginFailures ? 0 : count, lockedUntil: count >= settings.maxLoginFailures ? at + settings.lockMs : 0 })
        return { reply: { status: 401, errors: [err('AUTHENTICATION_FAILED')] } }
      }
      failures.delete(key)
      if (user.$passwordExpired === true) {
        return { reply: { status: 403, errors: [err('CREDENTIAL_EXPIRED')], extras: { auth_token: authToken(user.id as number, 'PASSWORD', at) } } }
      }
      if (typeof user.$otp === 'string') {
        return {
          reply: {
            status: 403,
            errors: [err('OTP_EXPECTED')],
            notifications: [{ type: 'INFO', message: 'Two-factor authentication is enabled for your account' }],
            extras: { auth_token: authToken(user.id as number, 'OTP', at) }
          }
        }
      }
      return signIn(user, sessionId, headers, at)
    }

    if (stepToken !== undefined && authorization === '') {
      const step = state.authTokens.get(stepToken)
      const user = step === undefined || step.expiresAt < at ? undefined : find(store, 'user', step.userId)
      if (step === undefined || user === undefined) return { reply: { status: 401, errors: [err('AUTHENTICATION_FAILED')] } }
      if (step.step === 'OTP') {
        const otp = headers['x-otp'] ?? query.get('_otp')
        if (otp === undefined) return { reply: { status: 403, errors: [err('OTP_EXPECTED')], extras: { auth_token: stepToken } } }
        if (otp.trim() !== user.$otp) return { reply: { status: 401, errors: [err('AUTHENTICATION_FAILED')] } }
        state.authTokens.delete(stepToken)
        return signIn(user, undefined, headers, at)
      }
      // The password-update token is good for PUT /profile/password only (spec §1.6).
      if (method === 'PUT' && segments.join('/').toLowerCase() === 'profile/password') {
        state.authTokens.delete(stepToken)
        return { principal: principalOf(user, 'BASIC') }
      }
      return { reply: { status: 401, errors: [err('AUTHORIZATION_REQUIRED')] } }
    }

    // A Messenger client (spec §1.9): `X-Fingerprint-ID` or `_fingerprint_id`, a customer known by nothing else.
    const fingerprint = (headers['x-fingerprint-id'] ?? query.get('_fingerprint_id'))?.trim()
    if (fingerprint !== undefined && fingerprint !== '' && authorization === '' && sessionId === undefined) {
      const bound = state.fingerprints.get(fingerprint)
      const user = (bound === undefined ? undefined : find(store, 'user', bound)) ?? { $type: 'user', id: 0, full_name: '' }
      return { principal: { user, roleType: 'CUSTOMER', scheme: 'FINGERPRINT', fingerprint } }
    }

    const bearer = /^bearer\s+(.+)$/i.exec(authorization)?.[1] ?? query.get('access_token')
    if (bearer !== undefined) {
      const userId = state.bearerTokens.get(bearer.trim())
      const user = userId === undefined ? undefined : find(store, 'user', userId)
      if (user === undefined || user.is_enabled !== true) return { reply: { status: 401, errors: [err('AUTHENTICATION_FAILED')] } }
      return { principal: principalOf(user, 'OAUTH') }
    }

    if (sessionId !== undefined) {
      const s = liveSession(sessionId, at)
      const user = s === undefined ? undefined : find(store, 'user', s.userId)
      if (s === undefined || user === undefined || user.is_enabled !== true) {
        return { reply: { status: 454, errors: [err('SESSION_LOADING_FAILED')] } }
      }
      if ((method === 'POST' || method === 'PUT' || method === 'DELETE') && s.csrfToken !== null && headers['x-csrf-token'] !== s.csrfToken) {
        return { reply: { status: 403, errors: [err('CSRF_FAILED')] } }
      }
      s.lastActivityAt = at
      return { principal: principalOf(user, 'SESSION', s) }
    }
    return {}
  }

  const allowed = (route: Route, principal: Principal | undefined): ApiErr | undefined => {
    const access = route.access
    if (access === 'public') return undefined
    if (principal === undefined) return err('AUTHORIZATION_REQUIRED')
    // A fingerprint is good for the customer's conversations only (spec §1.9).
    if (principal.scheme === 'FINGERPRINT' && route.segments[0] !== 'conversations') return err('AUTHORIZATION_REQUIRED')
    if (access === 'customer') return undefined
    if (principal.roleType === 'CUSTOMER') return err('PERMISSIONS_DENIED')
    if (access === 'admin' && principal.roleType !== 'ADMIN' && principal.roleType !== 'OWNER') return err('PERMISSIONS_DENIED')
    return undefined
  }

  return { authenticate, allowed }
}
