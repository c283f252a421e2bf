/**
 * Authentication and the session (spec §1.3–1.7), the v1 executor's session module. (Named `auth.ts`, not
 * `session.ts`: `Session.ts` is the session resource module, and the two names would clash on case-insensitive file
 * systems.) Three ways in:
 * - `{ username, password, otp? }`: Basic once (`GET /session`, completed by the `twoFactor` step when the account
 *   has two-factor authentication), then the session id and CSRF token the server hands out; re-authenticates once
 *   when the server says the session is gone (401, 454);
 * - `{ sessionId, csrfToken? }`: a session obtained elsewhere (no re-authentication possible);
 * - `{ bearer }`: an OAuth 2.0 access token (or a JWT SSO token) sent on every request;
 * - `{ fingerprintId }`: a customer of the Messenger (spec §1.9), the client's secret id in `X-Fingerprint-ID` on every
 *   request; the server shows it only what was created with that id (`Conversation`).
 */
import * as E from '../../core/either'
import { base64OfText } from '../../core/bytes'
import { causeText, validationError, type KayakoError } from '../../core/error'
import type { HttpMethod, HttpRequest, HttpResponse } from '../../core/http'
import { failed, isSuccess, type Normalise, type Parsed } from './envelope'
import type { Meta } from './executor'
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
   * For accounts with two-factor authentication: `otp: twoFactor(() => code)`, whose callback is called when the
   * server asks for a one-time password (403 `OTP_EXPECTED`), at every login. Without it that answer is an `ApiError`.
   * (A step, not the callback itself, so that the bundles of the other configurations carry none of its code.)
   */
  readonly otp?: TwoFactor
}

/** The second login step `twoFactor(code)` makes, for `Credentials.otp`: made by `twoFactor`, called by the executor. */
export interface TwoFactor {
  /**
   * @internal Given the first step's exchange, the exchange that completes the login, or the first one as it is when
   * it asked for nothing. `next` sends `GET /session` with more headers; `remember` hands the scrubber what the step
   * learned.
   */
  (
    first: Exchanged,
    next: (headers: Record<string, string>) => Promise<E.Either<KayakoError, Exchanged>>,
    remember: (secret: string) => void,
    operation: string
  ): Promise<E.Either<KayakoError, Exchanged>>
}

/**
 * Two-factor authentication (spec §1.6) for `Credentials.otp`: when the login answers 403 `OTP_EXPECTED` with an
 * `auth_token`, `code` is asked for the one-time password, and the login is completed with `X-Token` and `X-OTP`.
 * A callback that throws is a `ValidationError` naming `config.auth.otp`: nothing was sent with a code.
 */
export const twoFactor =
  (code: () => string | Promise<string>): TwoFactor =>
  async (first, next, remember, operation) => {
    const envelope = first[2].envelope
    const token = envelope?.authToken
    if (first[1].status !== 403 || !token || !envelope.errors.some((e) => e.code === 'OTP_EXPECTED')) return E.right(first)
    let otp: string
    try {
      otp = await code()
    } catch (thrown) {
      return E.left(
        validationError(operation, [{ path: 'config.auth.otp', message: `the callback failed (${causeText(thrown)}); the login was not completed` }])
      )
    }
    remember(otp)
    return next({ 'x-token': token, 'x-otp': otp })
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

/** Statuses after which a session is gone: 401 (e.g. AUTHORIZATION_REQUIRED) and 454 SESSION_LOADING_FAILED. */
const SESSION_GONE: ReadonlyArray<number> = [401, 454]

/**
 * One exchange as the session made it: the request sent last (with its headers), its answer, the answer read, and its
 * notifications and logs (scrubbed; already handed to `onMeta`).
 */
export type Exchanged = readonly [HttpRequest, HttpResponse, Parsed, Meta]

/**
 * Sends one request and reads its answer (the executor's pipeline, size check and parse step), with `normalise` when
 * given; reports its notifications and logs (`onMeta`), the login's too.
 */
export type ExchangeOnce = (http: HttpRequest, normalise?: Normalise) => Promise<E.Either<KayakoError, Exchanged>>

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

/**
 * The session of one executor: `exchangeOnce` sends, reads and reports; `remember` gets every credential learned on
 * the way (session id, CSRF token, two-factor token and code) and those of `auth`, for the scrubber. The state lives in
 * the closure's variables, which minify to a letter each.
 */
export const session = (auth: Auth, root: string, exchangeOnce: ExchangeOnce, remember: (secret: string | undefined | null) => void): Session => {
  const credentials = 'username' in auth && 'password' in auth ? auth : undefined
  const basic = credentials && `Basic ${base64OfText(`${credentials.username}:${credentials.password}`)}`
  // Every secret of the configuration, for the scrubber: the credentials' values (not the username; the
  // configuration's check made them strings).
  for (const value of credentials ? [credentials.password, basic?.slice('Basic '.length)] : Object.values(auth)) remember(value as string)
  // A bearer token or a fingerprint goes on every request as it is: no session is held.
  const fixed: Record<string, string> | undefined =
    'bearer' in auth ? { authorization: `Bearer ${auth.bearer}` } : 'fingerprintId' in auth ? { 'x-fingerprint-id': auth.fingerprintId } : undefined
  let { sessionId, csrfToken } = (fixed ? {} : auth) as Partial<SessionAuth>
  /** Set when a Basic login answered without a session id: then Basic goes on every request. */
  let basicOnly = false
  let login: Promise<E.Either<KayakoError, void>> | undefined

  /** Authentication headers for one request, given what is held now (the CSRF token on the methods it protects, spec §1.5). */
  const headersFor = (method: HttpMethod): Record<string, string> =>
    fixed ??
    (sessionId
      ? { 'x-session-id': sessionId, ...(csrfToken && method !== 'GET' && { 'x-csrf-token': csrfToken }) }
      : { ...(basic && { authorization: basic }) })

  /** Keeps the CSRF token of any answer's header and the session id of any answer's body (ZAM does the same). */
  const learn = ([, response, parsed]: Exchanged): void => {
    if (fixed) return
    const csrf = response.headers['x-csrf-token']
    if (csrf) remember((csrfToken = csrf))
    const id = parsed.envelope?.sessionId
    if (id) {
      remember((sessionId = id))
      basicOnly = false
    }
  }

  /** One step of the login: `GET /session` with these headers. */
  const loginStep = (operation: string, headers: Record<string, string>): Promise<E.Either<KayakoError, Exchanged>> =>
    exchangeOnce({ method: 'GET', url: `${root}/session`, headers: { accept: ACCEPT, ...headers }, operation })

  /** Basic authentication through `GET /session` (what Kayako's own agent app does), keeping id and CSRF token. */
  const authenticate = async (c: Credentials, operation: string): Promise<E.Either<KayakoError, void>> => {
    // (called only when no session is held, and not after a login without a session id: `basicOnly` is false)
    sessionId = csrfToken = undefined
    let step = await loginStep(operation, { authorization: basic as string })
    if (E.isLeft(step)) return step
    // the token of a next step (a credential), also where no step follows and the answer is an error
    remember(step.right[2].envelope?.authToken)
    if (c.otp) step = await c.otp(step.right, (headers) => loginStep(operation, headers), remember, operation)
    if (E.isLeft(step)) return step
    const [http, response, parsed] = step.right
    if (!isSuccess(response.status)) return E.left(failed(operation, http, response, parsed))
    learn(step.right)
    const data = parsed.envelope?.data
    if (!sessionId && isObject(data) && typeof data.id === 'string' && (parsed.envelope?.resource ?? data.resource_type) === 'session')
      remember((sessionId = data.id))
    // No session id at all (UNCONFIRMED that a server does this): keep sending Basic rather than fail.
    basicOnly = !sessionId
    return E.right(undefined)
  }

  return {
    exchange: async (plain, normalise) => {
      // (the executor's requests always name their operation)
      const operation = plain.operation as string
      for (let retried = false; ; retried = true) {
        // the login in flight, or a new one when credentials have no session yet: concurrent calls share one
        const ready = await (login ??=
          credentials && !sessionId && !basicOnly
            ? authenticate(credentials, operation).finally(() => {
                login = undefined
              })
            : undefined)
        if (ready && E.isLeft(ready)) return ready
        const used = sessionId
        const sent = await exchangeOnce({ ...plain, headers: { ...plain.headers, ...headersFor(plain.method) } }, normalise)
        if (E.isLeft(sent)) return sent
        learn(sent.right)
        if (retried || !credentials || !used || !SESSION_GONE.includes(sent.right[1].status)) return sent
        // The session expired or was dropped: log in again (unless a concurrent call already did) and retry once.
        if (sessionId === used) sessionId = undefined
      }
    },
    // (a session id or CSRF token is never empty: the configuration's check and `learn` see to that)
    held: () => (sessionId ? { sessionId, ...(csrfToken && { csrfToken }) } : undefined),
    ended: () => {
      sessionId = csrfToken = undefined
    }
  }
}
