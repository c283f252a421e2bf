/**
 * Every failure kayako-fp can report, as a tagged union. Nothing in the library throws: executors return these in a
 * `Left`. None of them carries a credential (API key, secret, salt, signature, password, URL user-info, session id,
 * CSRF token, two-factor token and code, bearer token): requests are stored through `redact`, and executors pass every
 * error through `scrubError`.
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

/** The arguments of a call (or the executor's configuration) are invalid: nothing was sent. `issues` names each field. */
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

/** Every failure an executor returns in its `Left`; `_tag` tells which. `describe` turns one into a line of text. */
export type KayakoError = ValidationError | TransportError | HttpError | ApiError | ParseError | DecodeError

const EXCERPT = 2048
/** The first 2 KB of a text from outside, marked `…` when cut: what an error keeps of a body or a message. */
export const excerpt = (text: string): string => (text.length > EXCERPT ? text.slice(0, EXCERPT) + '…' : text)

/** Builds a `ValidationError` (also for test doubles: `mockClassic` answers, fixtures). */
export const validationError = (operation: string, issues: ReadonlyArray<ValidationIssue>): KayakoError => ({
  _tag: 'ValidationError',
  operation,
  issues
})

/** Builds a `TransportError`: no complete response arrived; `cause` says why. */
export const transportError = (operation: string, request: RedactedRequest, cause: string): KayakoError => ({
  _tag: 'TransportError',
  operation,
  request,
  cause
})

/**
 * The `TransportError` of a request that got no complete response: its operation (`request` when it names none), the
 * request redacted, and the phase a deadline ran out in, if one did.
 */
export const noResponse = (
  request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly operation?: string },
  cause: string,
  phase?: TransferPhase
): TransportError => ({ ...(transportError(request.operation ?? 'request', redact(request), cause) as TransportError), ...(phase && { phase }) })

/** Builds an `HttpError`; the body is cut to its first 2 KB (`excerpt`). */
export const httpError = (operation: string, request: RedactedRequest, status: number, body: string, message?: string): KayakoError => ({
  _tag: 'HttpError',
  operation,
  request,
  status,
  body: excerpt(body),
  ...(message !== undefined && { message })
})

/** Builds an `ApiError` from the server's error entries; `messages` are their texts. */
export const apiError = (operation: string, status: number, errors: ReadonlyArray<ApiErrorEntry>): KayakoError => ({
  _tag: 'ApiError',
  operation,
  status,
  messages: errors.map((e) => e.message),
  errors
})

/** Builds a `ParseError`; the body is kept as a 2 KB `excerpt`. */
export const parseError = (operation: string, message: string, body: string): KayakoError => ({
  _tag: 'ParseError',
  operation,
  message,
  excerpt: excerpt(body)
})

/** Builds a `DecodeError` from the decoder's messages (each names the path that failed). */
export const decodeError = (operation: string, messages: ReadonlyArray<string>): KayakoError => ({
  _tag: 'DecodeError',
  operation,
  messages
})

/** Transient failures are worth retrying (for idempotent requests): no response, or 408/429/5xx gateway statuses. */
export const isTransient = (e: KayakoError): boolean => e._tag === 'TransportError' || (e._tag === 'HttpError' && TRANSIENT_STATUSES.includes(e.status))

const TRANSIENT_STATUSES: ReadonlyArray<number> = [408, 429, 500, 502, 503, 504]

/** Query parameters and headers whose values are credentials. Compared case-insensitively. */
export const SECRET_PARAMS: ReadonlyArray<string> =
  /*#__PURE__*/ 'apikey salt signature password session_id sessionid csrf_token token access_token auth_token otp _fingerprint_id _session_id _token _otp _jwt'.split(
    ' '
  )
/** Request and response headers whose values are credentials: `redact` replaces them, recordings never keep them. Compared case-insensitively. */
export const SECRET_HEADERS: ReadonlyArray<string> =
  /*#__PURE__*/ 'authorization x-session-id x-csrf-token cookie set-cookie proxy-authorization x-token x-otp x-fingerprint-id'.split(' ')

// Every name of SECRET_PARAMS and SECRET_HEADERS once, as `isSecretName` reads it: what redaction carries.
const SECRET_NAMES: ReadonlyArray<string> =
  /*#__PURE__*/ 'apikey salt signature password sessionid csrftoken token accesstoken authtoken otp fingerprintid jwt authorization cookie setcookie proxyauthorization'.split(
    ' '
  )

/**
 * Whether a query parameter's or a header's name names a credential: every name of `SECRET_PARAMS` and
 * `SECRET_HEADERS`, read without case, a leading `x-`, `_` and `-` (so `x-session-id`, `_session_id`, `session_id`
 * and `sessionid` are one name).
 */
export const isSecretName = (name: string): boolean => SECRET_NAMES.includes(name.toLowerCase().replace(/^x-|[-_]/g, ''))

/** What stands in for a credential in a redacted URL, header or scrubbed text. */
export const REDACTED = '[redacted]'

// `scheme://user:password@host`: the user-info part, up to the first `@` before any `/`, `?` or `#`.
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i

/** The user-info part of a URL (`user:password`) and its password (decoded: its forms include the encoded one). */
export const userInfoOf = (url: string): ReadonlyArray<string> => {
  const info = USER_INFO.exec(url)?.[2]
  if (info === undefined) return []
  const password = info.slice(info.indexOf(':') + 1)
  try {
    return [info, decodeURIComponent(password)]
  } catch {
    return [info, password]
  }
}

/**
 * The URL with the user-info part and credential query parameters replaced. A query pair whose name does not decode
 * is replaced entirely.
 */
export const redactUrl = (url: string): string => {
  const bare = url.replace(USER_INFO, `$1${REDACTED}@`)
  const q = bare.indexOf('?') + 1
  return q > 0
    ? bare.slice(0, q) +
        bare.slice(q).replace(/[^&]+/g, (pair) => {
          const name = pair.split('=', 1)[0] as string
          try {
            return isSecretName(decodeURIComponent(name)) ? `${name}=${REDACTED}` : pair
          } catch {
            return REDACTED
          }
        })
    : bare
}

/**
 * A request made safe to show, by structure: user-info and credential query parameters and headers replaced, the body
 * left out. (Texts that may quote a secret elsewhere go through `scrub`.)
 */
export const redact = (request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>> }): RedactedRequest => {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = isSecretName(name) ? REDACTED : value
  }
  return { method: request.method, url: redactUrl(request.url), headers }
}

/**
 * THE scrubber: every text that leaves the library towards user code and may quote a secret (error texts, the error
 * text of a log entry or retry event, notifications and logs, notices, recordings) passes through it, with every
 * secret the executor holds or learned. Fields that carry secrets by their nature (the query's credential parameters,
 * credential headers, the URL's user-info, the body) never reach a sink at all: `redact` replaces them by structure.
 *
 * Each secret is replaced, whatever its length, in each form it takes on the wire or in an echo (`wireForms`). A form
 * of 8 characters or more is replaced wherever it occurs. A shorter one (a toy password, `s` as a test's secret key)
 * is replaced where it stands on its own, i.e. not next to an ASCII letter or digit: `apikey=k&`, `"ab"`, `: 1234.`
 * lose it, `offset` or `Ticket` keep their letters. Replacing a short text everywhere would mangle every message
 * (and no longer say which word was meant), while inside a longer word it does not single the secret out anyway.
 * Occurrences are found overlapping and merged, so one secret cannot shield part of another, and where a text was cut
 * short (`…`, as excerpts and quoted values are; the first 64 cuts) the beginning of a secret just before it goes too.
 */
export const scrub = (text: string, secrets: Iterable<string>): string => scrubValue(text, secrets)

const scrubText = (text: string, forms: ReadonlySet<string>): string => {
  const covered = new Uint8Array(text.length)
  // Short forms count where no ASCII letter or digit continues them (the last digit of an escape like `%3A` does not).
  const alone = (at: number, end: number): boolean =>
    end - at >= WHOLE || !((WORD.test(text[at - 1] ?? '') && text[at - 3] !== '%') || WORD.test(text[end] ?? ''))
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) if (alone(at, at + form.length)) covered.fill(1, at, at + form.length)
    // Where the text was cut short (`…`: excerpts, quoted values), the start of a secret before the cut gives it away.
    // (every such beginning is covered: together, the longest)
    for (let cut = text.indexOf('…'), n = 0; cut > 0 && n++ < 64; cut = text.indexOf('…', cut + 1))
      for (let k = 1; k < form.length && k <= cut; k++) if (text.startsWith(form.slice(0, k), cut - k) && alone(cut - k, cut)) covered.fill(1, cut - k, cut)
  }
  let out = ''
  let at = 0
  for (let start; (start = covered.indexOf(1, at)) >= 0;) {
    out += text.slice(at, start) + REDACTED
    at = covered.indexOf(0, start)
    if (at < 0) return out
  }
  return out + text.slice(at)
}

/** Forms this long are replaced wherever they occur; shorter ones only where they stand on their own. */
const WHOLE = 8
/** An ASCII letter or digit (`''`, outside the text, is not). */
const WORD = /[A-Za-z\d]/

/**
 * A secret as it may appear in a text: as is, JSON-escaped, URL-encoded (`%2B`, or `+` for a space as forms write
 * it) and as Base64 of its UTF-8 bytes (as in Basic authentication).
 */
export const wireForms = (secret: string): ReadonlyArray<string> => {
  try {
    const encoded = encodeURIComponent(secret)
    return [
      secret,
      JSON.stringify(secret).slice(1, -1),
      encoded,
      new URLSearchParams({ s: secret }).toString().slice(2),
      // Base64 of its UTF-8 bytes: `unescape` of the URL-encoded text has one character per byte, what `btoa` takes
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Annex B, in every runtime; no TextEncoder or loop
      btoa(unescape(encoded))
    ]
  } catch {
    // a lone surrogate (a secret the server handed out) has no encoded form: scrubbing must not throw
    return [secret]
  }
}

/**
 * An error made safe to show: its request redacted again by structure (a transport may have put the raw one there),
 * every other string scrubbed, except the tag and the operation, which the library wrote itself.
 */
export const scrubError = (error: KayakoError, secrets: Iterable<string>): KayakoError => {
  const scrubbed = { ...scrubValue(error, secrets), _tag: error._tag, operation: error.operation }
  return ('request' in error ? { ...scrubbed, request: redact(error.request) } : scrubbed) as KayakoError
}

/** `scrub` applied to every string inside a value (arrays and plain objects; other values as they are). */
export const scrubValue = <A>(value: A, secrets: Iterable<string>): A => {
  const forms = new Set<string>()
  for (const secret of secrets) if (typeof secret === 'string' && secret !== '') for (const form of wireForms(secret)) forms.add(form)
  return forms.size === 0 ? value : deep(value, forms)
}

// A value with nothing to scrub comes back as it is (the same object), so scrubbing allocates only what it changes.
const deep = <A>(value: A, forms: ReadonlySet<string>): A => {
  if (typeof value === 'string') return scrubText(value, forms) as A
  if (value === null || typeof value !== 'object') return value
  let changed = false
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const scrubbed = deep(v, forms)
    changed ||= scrubbed !== v
    return [k, scrubbed] as const
  })
  return (!changed ? value : Array.isArray(value) ? entries.map((e) => e[1]) : Object.fromEntries(entries)) as A
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
    const inner = (thrown as { cause?: unknown } | null)?.cause
    return thrown instanceof Error
      ? `${thrown.name}: ${thrown.message}${inner instanceof Error ? `: ${inner.message}` : ''}`
      : typeof thrown === 'string'
        ? thrown
        : `non-Error thrown: ${String(thrown)}`
  } catch {
    return 'unprintable thrown value'
  }
}
