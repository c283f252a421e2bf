/**
 * The v1 executor: the v1 specifics on the shared pipeline (`core/pipeline.ts`): JSON requests, authenticated by the
 * session module (`auth.ts`: login, two-factor, CSRF, re-login), answered in an envelope that is parsed (bounded),
 * normalised (letter case, flat resources) and decoded. Configuration and the session live in the executor value,
 * never in a global. Nothing throws or rejects: every failure is a `Left`, scrubbed of every credential the executor
 * knows (password, Basic token, session ids, CSRF tokens, two-factor token and code, bearer token).
 */
import * as E from '../../core/either'
import type * as TE from 'fp-ts/TaskEither'
import { apiError, decodeError, parseError, scrubValue, userInfoOf, type KayakoError } from '../../core/error'
import type { HttpRequest, Transport } from '../../core/http'
import { decode, pipeline, refuse } from '../../core/pipeline'
import { v1ConfigIssues } from './config'
import { failed, isSuccess, parseAnswer, wireName, type Envelope, type Log, type Normalise, type Notification, type Parsed } from './envelope'
import { DEFAULT_MAX_VALUES } from './flat'
import type { V1Request } from './request'
import { ACCEPT, session, type Auth } from './auth'

/** What `v1` needs: the helpdesk's URL and credentials (or a bearer token), and optionally a transport and limits. */
export interface V1Config {
  /** The helpdesk, e.g. `https://brewfictus.kayako.com` (`/api/v1` is added unless the URL already ends with it). */
  readonly url: string
  readonly auth: Auth
  /**
   * How requests are sent; default a keep-alive `node:http(s)` transport on Node, `fetchTransport` elsewhere (chosen
   * by the package's `node` export condition). Swap it to mock, or wrap it with policies.
   */
  readonly transport?: Transport
  /**
   * Special options for every request, `defaultOptions({ flat: true })` (a request's own options win). A function made
   * by `defaultOptions`, so that only the bundles of executors with defaults carry the code that encodes them.
   */
  readonly options?: <A>(request: V1Request<A>) => V1Request<A>
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
  /**
   * Reads every answer with this, `normaliseDocument`, also those nobody asked to be in another letter case or flat
   * (options that ask for them bring it themselves: `withOptions`, `defaultOptions`). Without it, other answers are read
   * as the server writes them by default (snake_case, related resources nested).
   */
  readonly normalise?: Normalise
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

/** Runs a v1 request description: opens and keeps the session, sends, unwraps the envelope and decodes. Made by `v1`. */
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

/** `https://h`, `https://h/`, `https://h/api/v1/` → `https://h/api/v1`. */
export const apiRoot = (url: string): string => {
  const trimmed = url.replace(/\/+$/, '')
  return /\/api\/v1$/.test(trimmed) ? trimmed : `${trimmed}/api/v1`
}

export { wireName }

// Commas stay readable (`include=user,case_status`); `+` must be encoded or the server reads a space. A list is sent as
// CSV: its text (`String([1, 2])` is `1,2`).
const encode = (text: unknown): string => encodeURIComponent(text as string).replace(/%2C/gi, ',')

/** The HTTP request for a description, without authentication headers. */
export const toHttpRequest = (root: string, { method, path, query, wire, body, operation }: V1Request<unknown>): HttpRequest => {
  let pairs = ''
  for (const [name, value] of Object.entries(query)) if (value !== undefined) pairs += `&${encode(wireName(name))}=${encode(value)}`
  for (const [name, value] of wire?.query ?? []) pairs += `&${encode(name)}=${encode(value)}`
  // the first `&` opens the query
  const url = root + path + pairs.replace('&', '?')
  const headers: Record<string, string> = { accept: ACCEPT }
  if (wire?.xOptions !== undefined) headers['x-options'] = wire.xOptions
  if (body === undefined) return { method, url, headers, operation }
  if (body._tag === 'File') {
    headers['content-type'] = body.contentType
    headers['content-disposition'] = body.disposition
    return { method, url, headers, operation, body: body.data }
  }
  const json: Record<string, unknown> = {}
  // (`undefined` values: `JSON.stringify` leaves them out)
  for (const [name, value] of Object.entries(body.value)) json[wireName(name)] = value
  // JSON, as every request accepts
  headers['content-type'] = ACCEPT
  return { method, url, headers, operation, body: JSON.stringify(json) }
}

/** The v1 executor for one helpdesk and one set of credentials (see `Auth`): it keeps the session and CSRF token itself. */
export const v1 = (config: V1Config): V1Executor => {
  const invalid = v1ConfigIssues(config)
  if (invalid.length > 0) return Object.assign(refuse(invalid), { withMeta: refuse(invalid), session: () => undefined })
  const { send, run, tooLarge } = pipeline(config)
  const root = apiRoot(config.url)
  // the session adds the credentials of `auth` and what it learns
  const secrets = new Set<string>(userInfoOf(config.url))
  const known = (): ReadonlyArray<string> => [...secrets]
  // Every string of the notifications and logs: a session id was seen in a notification's `relatedUrl`.
  const report = (operation: string, status: number, parsed: Parsed): Meta => {
    const { notifications = [], logs = [] } = parsed.envelope ?? {}
    const meta = { operation, status, ...scrubValue({ notifications, logs }, secrets) }
    try {
      if (notifications.length + logs.length > 0) config.onMeta?.(meta)
    } catch {
      // a failing callback must not turn an answer into an error
    }
    return meta
  }

  const held = session(
    config.auth,
    root,
    async (http, normalise) => {
      const sent = await send({ ...http, secrets: known })
      if (E.isLeft(sent)) return sent
      const response = sent.right
      const operation = http.operation ?? 'request'
      const big = tooLarge(operation, response)
      if (big) return E.left(big)
      const parsed = parseAnswer(response.body, config.maxValues ?? DEFAULT_MAX_VALUES, normalise ?? config.normalise)
      return E.right([http, response, parsed, report(operation, response.status, parsed)])
    },
    (secret) => {
      if (secret) secrets.add(secret)
    }
  )

  const withMeta =
    <A>(asked: V1Request<A>): TE.TaskEither<KayakoError, Answer<A>> =>
    () => {
      const req = config.options?.(asked) ?? asked
      const { operation } = req
      return run({
        operation,
        issues: req.issues,
        secrets: known,
        target: () => ({ method: req.method, url: root + req.path, headers: {} }),
        exchange: async () => {
          if (req.download) return req.download({ root, exchange: held.exchange }) as Promise<E.Either<KayakoError, Answer<A>>>
          const exchanged = await held.exchange(toHttpRequest(root, req), req.normalise)
          if (E.isLeft(exchanged)) return exchanged
          const [http, response, parsed, meta] = exchanged.right
          const { envelope, failure } = parsed
          const link = response.headers.link
          const error = !isSuccess(response.status)
            ? failed(operation, http, response, parsed)
            : failure !== undefined
              ? parseError(operation, failure, response.body)
              : !envelope
                ? decodeError(operation, ['(root): expected an object (the envelope)'])
                : // JSONP-style answers always have HTTP 200; the envelope's own status still says it failed (spec §2.13)
                  envelope.errors.length > 0 && envelope.status !== null && !isSuccess(envelope.status)
                  ? apiError(operation, envelope.status, envelope.errors)
                  : undefined
          const value = error
            ? E.left(error)
            : decode(operation, req.decoder, link === undefined ? (envelope as Envelope) : { ...(envelope as Envelope), link })
          if (E.isLeft(value)) return value
          if (req.method === 'DELETE' && req.path === '/session') held.ended()
          return E.right({ ...meta, value: value.right })
        }
      })
    }

  return Object.assign(
    <A>(req: V1Request<A>): TE.TaskEither<KayakoError, A> =>
      async () =>
        E.map((a: Answer<A>) => a.value)(await withMeta(req)()),
    {
      withMeta,
      session: held.held
    }
  )
}
