/**
 * Every failure kayako-fp can report, as a tagged union. Nothing in the library throws: executors return these in a
 * `Left`. None of them carries a credential (API key, secret, salt, signature, password, session id, CSRF token):
 * requests are stored through `redact`, and executors scrub every text they put into an error.
 */

/** A request as it may appear in an error or a log line: no body, credentials replaced by `[redacted]`. */
export interface RedactedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}

/** One problem with the arguments of a call, found before anything was sent. */
export interface ValidationIssue {
  readonly path: string
  readonly message: string
}

export interface ValidationError {
  readonly _tag: 'ValidationError'
  readonly operation: string
  readonly issues: ReadonlyArray<ValidationIssue>
}

/** No complete response: network failure, a connection closed mid-answer, abort, timeout, a transport that threw. */
export interface TransportError {
  readonly _tag: 'TransportError'
  readonly operation: string
  readonly request: RedactedRequest
  readonly cause: string
  /** Set when a deadline ran out: the phase of the exchange it ran out in (see `TransferPhase`). */
  readonly phase?: TransferPhase
}

/**
 * Where an exchange is: `connect` (no connection yet), `headers` (the request is on its way, no response header has
 * arrived; with `fetchTransport` this includes connecting, which fetch does not report), `body` (the headers arrived,
 * the body is being read).
 */
export type TransferPhase = 'connect' | 'headers' | 'body'

/** A status the API does not use for its own answers (403, 5xx, …), with the body as received (cut to 2 KB). */
export interface HttpError {
  readonly _tag: 'HttpError'
  readonly operation: string
  readonly request: RedactedRequest
  readonly status: number
  readonly body: string
  /** What the library made of the status, when it has more to say than the number (a redirect it did not follow). */
  readonly message?: string
}

/** One error entry of an API answer (v1 `errors[]`; Classic answers have a message only). */
export interface ApiErrorEntry {
  readonly code?: string
  readonly message: string
  readonly parameter?: string
  readonly parameters?: ReadonlyArray<string>
  readonly pointer?: string
  readonly moreInfo?: string
}

/** The server refused in its own words: Classic 400/401/404 texts, v1 `errors[]`. */
export interface ApiError {
  readonly _tag: 'ApiError'
  readonly operation: string
  readonly status: number
  readonly messages: ReadonlyArray<string>
  readonly errors: ReadonlyArray<ApiErrorEntry>
}

/** The body is not a document at all: a PHP warning page, an empty or truncated body, invalid JSON. */
export interface ParseError {
  readonly _tag: 'ParseError'
  readonly operation: string
  readonly message: string
  readonly excerpt: string
}

/** A well-formed document of an unexpected shape. */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  readonly operation: string
  readonly messages: ReadonlyArray<string>
}

export type KayakoError = ValidationError | TransportError | HttpError | ApiError | ParseError | DecodeError

const EXCERPT = 2048
const excerpt = (text: string): string => (text.length > EXCERPT ? text.slice(0, EXCERPT) + '…' : text)

export const validationError = (operation: string, issues: ReadonlyArray<ValidationIssue>): KayakoError => ({
  _tag: 'ValidationError',
  operation,
  issues
})

export const transportError = (operation: string, request: RedactedRequest, cause: string): KayakoError => ({
  _tag: 'TransportError',
  operation,
  request,
  cause
})

export const httpError = (operation: string, request: RedactedRequest, status: number, body: string, message?: string): KayakoError => ({
  _tag: 'HttpError',
  operation,
  request,
  status,
  body: excerpt(body),
  ...(message === undefined ? {} : { message })
})

export const apiError = (
  operation: string,
  status: number,
  errors: ReadonlyArray<ApiErrorEntry>
): KayakoError => ({
  _tag: 'ApiError',
  operation,
  status,
  messages: errors.map((e) => e.message),
  errors
})

export const parseError = (operation: string, message: string, body: string): KayakoError => ({
  _tag: 'ParseError',
  operation,
  message,
  excerpt: excerpt(body)
})

export const decodeError = (operation: string, messages: ReadonlyArray<string>): KayakoError => ({
  _tag: 'DecodeError',
  operation,
  messages
})

/** Transient failures are worth retrying (for idempotent requests): no response, or 408/429/5xx gateway statuses. */
export const isTransient = (e: KayakoError): boolean =>
  e._tag === 'TransportError' || (e._tag === 'HttpError' && TRANSIENT_STATUSES.includes(e.status))

const TRANSIENT_STATUSES: ReadonlyArray<number> = [408, 429, 500, 502, 503, 504]

/** Query parameters and headers whose values are credentials. Compared case-insensitively. */
export const SECRET_PARAMS: ReadonlyArray<string> = ['apikey', 'salt', 'signature', 'password', 'session_id', 'sessionid', 'csrf_token', 'token', 'access_token']
export const SECRET_HEADERS: ReadonlyArray<string> = ['authorization', 'x-session-id', 'x-csrf-token', 'cookie', 'set-cookie', 'proxy-authorization']

const REDACTED = '[redacted]'

/** The URL with credential query parameters replaced. A URL that does not parse is dropped entirely. */
export const redactUrl = (url: string): string => {
  const q = url.indexOf('?')
  if (q < 0) return url
  const pairs = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    const name = eq < 0 ? pair : pair.slice(0, eq)
    let decoded = name
    try {
      decoded = decodeURIComponent(name)
    } catch {
      return REDACTED
    }
    return SECRET_PARAMS.includes(decoded.toLowerCase()) ? `${name}=${REDACTED}` : pair
  })
  return url.slice(0, q + 1) + pairs.join('&')
}

/** A request made safe to show: credentials in the query and in headers replaced, the body left out. */
export const redact = (request: {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
}): RedactedRequest => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = SECRET_HEADERS.includes(name.toLowerCase()) ? REDACTED : value
  }
  return { method: request.method, url: redactUrl(request.url), headers }
}

/** Replaces every occurrence of each secret (and its URL-encoded form) in a text. Secrets shorter than 6 characters are ignored (too likely to be ordinary text; the URL and headers are redacted by name anyway). */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  let out = text
  for (const secret of secrets) {
    if (secret.length < 6) continue
    for (const form of new Set([secret, uriEncoded(secret)])) {
      out = out.split(form).join(REDACTED)
    }
  }
  return out
}

// A secret the server handed out may hold a lone surrogate, on which encodeURIComponent throws: scrubbing must not.
const uriEncoded = (text: string): string => {
  try {
    return encodeURIComponent(text)
  } catch {
    return text
  }
}

/** Applies `scrub` to every string inside an error value. */
export const scrubError = (error: KayakoError, secrets: ReadonlyArray<string>): KayakoError =>
  scrubValue(error, secrets) as KayakoError

const scrubValue = (value: unknown, secrets: ReadonlyArray<string>): unknown => {
  if (typeof value === 'string') return scrub(value, secrets)
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, secrets)
    return out
  }
  return value
}

/** A one-line human description of an error, for logs and demo output. */
export const describe = (e: KayakoError): string => {
  switch (e._tag) {
    case 'ValidationError':
      return `${e.operation}: invalid arguments: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
    case 'TransportError':
      return `${e.operation}: no response (${e.cause})`
    case 'HttpError':
      return `${e.operation}: HTTP ${e.status}${e.message === undefined ? '' : `: ${e.message}`}`
    case 'ApiError':
      return `${e.operation}: the server said (${e.status}): ${e.messages.join('; ')}`
    case 'ParseError':
      return `${e.operation}: unreadable response: ${e.message}`
    case 'DecodeError':
      return `${e.operation}: unexpected response shape: ${e.messages.join('; ')}`
  }
}

/** Text of an unknown thrown value, without trusting it to be an Error. */
export const causeText = (thrown: unknown): string => {
  try {
    if (thrown instanceof Error) {
      const inner = (thrown as { cause?: unknown }).cause
      const innerText = inner instanceof Error ? `: ${inner.message}` : ''
      return `${thrown.name}: ${thrown.message}${innerText}`
    }
    return typeof thrown === 'string' ? thrown : `non-Error thrown: ${String(thrown)}`
  } catch {
    return 'unprintable thrown value'
  }
}
