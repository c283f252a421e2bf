// The sentinel test: distinct, recognisable secrets of every length from 1 to 64, for every role (Classic API key,
// secret key, salt, a password field, URL user-info; v1 password, user-info, session id, CSRF token, two-factor token
// and one-time code, a handed-over session, a bearer token), run through every sink both executors have: Lefts of every
// kind (validation, transport, HTTP status with an echoing server, API error, parse, decode), `describe`, withLogger
// entries, onRetry events, onNotice, onMeta and withMeta, and recordTransport recordings. The hostile server echoes
// every credential the request carries in every form (as is, URL-encoded, form-encoded, Base64, JSON-escaped) and the
// raw request besides; no sink may show any of those forms of any secret, nor of any signature sent.
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { inspect } from 'node:util'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import * as Staff from '../../src/classic/Staff'
import * as TicketCustomField from '../../src/classic/TicketCustomField'
import { toBase64, utf8 } from '../../src/core/bytes'
import { describe, transportError, type KayakoError } from '../../src/core/error'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { withLogger, withRetry, withTimeout, type RetryEvent } from '../../src/core/policy'
import { nodeSigner } from '../../src/node/index'
import { recordTransport, type Recording } from '../../src/testing/index'
import type { Auth } from '../../src/v1/internal/auth'
import { twoFactor } from '../../src/v1/internal/auth'
import { v1, type Meta } from '../../src/v1/internal/executor'
import * as Organization from '../../src/v1/Organization'
import type { V1Request } from '../../src/v1/internal/request'
import * as Team from '../../src/v1/Team'
import { fakeClock } from '../support/clock'
import { fixture } from '../support/fixtures'

// ---------------------------------------------------------------------------------------------------------------
// Sentinels

const ROLES = [
  'apiKey',
  'secretKey',
  'salt',
  'staffPassword',
  'classicUserInfo',
  'password',
  'v1UserInfo',
  'sessionId',
  'csrfToken',
  'authToken',
  'otp',
  'handedSessionId',
  'handedCsrfToken',
  'bearer',
  'fingerprint'
] as const
type Role = (typeof ROLES)[number]

/**
 * A sentinel: a character of its own per role (Latin-1 letters no text of the library or the protocol contains), then
 * characters that need encoding in every form (space, `+`, `%`, `&`, `=`, `"`, `\`, `<`, non-ASCII…).
 */
const FILL = '~+ %&=/:@é"\'<>\\!*()q7#;?,$ü'
export const sentinel = (role: Role, length: number): string => (String.fromCharCode(0xc0 + ROLES.indexOf(role)) + FILL.repeat(3)).slice(0, length)

/** In run r, role i has length 1 + ((r + 5i) mod 64): over 64 runs every role takes every length from 1 to 64. */
const sentinelsOfRun = (run: number): Readonly<Record<Role, string>> =>
  Object.fromEntries(ROLES.map((role, i) => [role, sentinel(role, 1 + ((run + 5 * i) % 64))])) as Record<Role, string>

/** Each form a secret takes in a text: as is, URL-encoded, form-encoded, Base64 of its UTF-8 bytes, JSON-escaped. */
const forms = (secret: string): ReadonlyArray<string> => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ s: secret }).toString().slice(2),
  toBase64(utf8(secret)),
  JSON.stringify(secret).slice(1, -1)
]

// ---------------------------------------------------------------------------------------------------------------
// The hostile server: it finds every credential a request carries and echoes it in every form

const bodyOf = (request: HttpRequest): string =>
  request.body === undefined ? '' : typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)

const CREDENTIAL_FIELDS = ['apikey', 'salt', 'signature', 'password']

/** Every credential value the request carries, as the server reads it. */
const credentialsIn = (request: HttpRequest): ReadonlyArray<string> => {
  const found: Array<string> = []
  const query = new URLSearchParams(request.url.split('?')[1] ?? '')
  const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '')
  for (const name of CREDENTIAL_FIELDS) for (const v of [query.get(name), form.get(name)]) if (v !== null) found.push(v)
  for (const m of bodyOf(request).matchAll(/name="(\w+)"\r\n\r\n([^\r]*)\r\n/g)) if (CREDENTIAL_FIELDS.includes(m[1] ?? '')) found.push(m[2] ?? '')
  const info = /^\w+:\/\/([^/@]*)@/.exec(request.url)?.[1]
  if (info !== undefined) found.push(info, decodeURIComponent(info.slice(info.indexOf(':') + 1)))
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'authorization') {
      const token = value.slice(value.indexOf(' ') + 1)
      found.push(token)
      if (value.startsWith('Basic ')) {
        const pair = new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0)))
        found.push(pair, pair.slice(pair.indexOf(':') + 1))
      }
    } else if (['x-session-id', 'x-csrf-token', 'x-token', 'x-otp', 'x-fingerprint-id'].includes(name)) found.push(value)
  }
  return found
}

/** Every credential of the request in every form, and the raw request (URL, body, headers) besides. */
const echo = (request: HttpRequest): string =>
  [...credentialsIn(request).flatMap(forms), request.method, request.url, bodyOf(request), JSON.stringify(request.headers)].join(' | ')

const answer = (status: number, body: string, headers: Record<string, string> = {}): E.Either<KayakoError, HttpResponse> => E.right({ status, headers, body })

type Behaviour = (request: HttpRequest) => Promise<E.Either<KayakoError, HttpResponse>>

const xmlSafe = (text: string): string => text.replace(/[<>&]/g, ' ')

/** Ways to answer with an echo, shared by both APIs. */
const COMMON: Record<string, Behaviour> = {
  'transport throws an Error': (r) => {
    throw new Error(`connect ECONNREFUSED while sending ${echo(r)}`)
  },
  'transport rejects with a cause': (r) => Promise.reject(new Error('fetch failed', { cause: new Error(echo(r)) })),
  'transport answers an unredacted TransportError': async (r) =>
    E.left(transportError('x', { method: r.method, url: r.url, headers: { ...r.headers } }, echo(r))),
  '503 echoing (retried)': async (r) => answer(503, `<html>Service Unavailable ${echo(r)}</html>`)
}

/** A 500 whose 2 KB excerpt is cut in the middle of the first credential the request carries. */
const cutInSecret: Behaviour = async (r) => {
  const first = credentialsIn(r)[0] ?? ''
  return answer(500, `${' '.repeat(2048 - Math.ceil(first.length / 2))}${first} ${echo(r)}`)
}

const CLASSIC: Record<string, Behaviour> = {
  ...COMMON,
  '500 cut inside a secret': cutInSecret,
  '400 echoing': async (r) => answer(400, `Department Load Failed: ${echo(r)}`),
  '401 echoing': async (r) => answer(401, `FAILED TO AUTHENTICATE ${echo(r)}`),
  '404 echoing': async (r) => answer(404, `<b>Not found</b> ${echo(r)}`),
  'a PHP warning page echoing (ParseError)': async (r) => answer(200, `${fixture('classic/Error_PHPWarning_body.html')}<pre>${echo(r)}</pre>`),
  'XML with the echo in a number (DecodeError)': async (r) =>
    answer(200, `<?xml version="1.0"?><departments><department><id>${xmlSafe(echo(r))}</id></department></departments>`),
  'a notice echoing before good XML': async (r) => answer(200, `<b>Notice</b>: ${xmlSafe(echo(r))}\n${fixture('classic/Department_ListAll.xml')}`)
}

// ---------------------------------------------------------------------------------------------------------------
// Sinks

interface Sinks {
  readonly lefts: Array<KayakoError>
  readonly lines: Array<ReadonlyArray<unknown>>
  readonly retries: Array<RetryEvent>
  readonly notices: Array<string>
  readonly metas: Array<Meta>
  readonly answers: Array<unknown>
  readonly recordings: Array<Recording>
}

const newSinks = (): Sinks => ({ lefts: [], lines: [], retries: [], notices: [], metas: [], answers: [], recordings: [] })

const texts = (value: unknown): ReadonlyArray<string> => [
  JSON.stringify(value) ?? '',
  String(value),
  inspect(value, { depth: Infinity, maxStringLength: Infinity, maxArrayLength: Infinity })
]

const haystacks = (sinks: Sinks): ReadonlyArray<readonly [string, string]> => [
  ...sinks.lefts.flatMap((l) => [...texts(l), describe(l)].map((t) => [`Left ${l._tag}`, t] as const)),
  ...sinks.lines.flatMap((args) => [...texts(args), ...args.map(String)].map((t) => ['log entry', t] as const)),
  ...sinks.retries.flatMap((e) => texts(e).map((t) => ['onRetry', t] as const)),
  ...sinks.notices.map((n) => ['onNotice', n] as const),
  ...sinks.metas.flatMap((m) => texts(m).map((t) => ['onMeta', t] as const)),
  ...sinks.answers.flatMap((a) => texts(a).map((t) => ['withMeta', t] as const)),
  ...sinks.recordings.flatMap((r) => texts(r).map((t) => ['recording', t] as const))
]

const assertNoSecret = (sinks: Sinks, secrets: Iterable<string>, context: string): void => {
  const needles = [...new Set([...secrets].flatMap(forms))]
  for (const [sink, haystack] of haystacks(sinks)) {
    for (const needle of needles) {
      if (haystack.includes(needle)) assert.unreachable(`${context}: ${JSON.stringify(needle)} in ${sink}: ${haystack.slice(0, 400)}`)
    }
  }
}

/** The production stack: recordings innermost, then a logger, a time-out, and retries opted in for POST too. */
const stack = (base: Transport, sinks: Sinks, clock: ReturnType<typeof fakeClock>['clock']) => {
  const recorder = recordTransport(base)
  const log = (...args: ReadonlyArray<unknown>) => void sinks.lines.push(args)
  const transport = pipe(
    recorder,
    withLogger({ debug: log, info: log, warn: log, error: log }, { clock }),
    withTimeout(5_000, { clock }),
    withRetry({ clock, random: () => 0.5, retryable: () => true, onRetry: (e) => sinks.retries.push(e) })
  )
  return { transport, recorder }
}

/** Every signature sent is a secret too. */
const signaturesIn = (request: HttpRequest): ReadonlyArray<string> => {
  const found = credentialsIn(request)
  const query = new URLSearchParams(request.url.split('?')[1] ?? '').get('signature')
  const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '').get('signature')
  const part = /name="signature"\r\n\r\n([^\r]*)\r\n/.exec(bodyOf(request))?.[1]
  return [query, form, part].filter((s): s is string => s !== null && s !== undefined && found.includes(s))
}

// ---------------------------------------------------------------------------------------------------------------
// Classic

const classicDescriptions = (s: Readonly<Record<Role, string>>): ReadonlyArray<ClassicRequest<unknown>> => [
  Department.get(7),
  Department.post({ title: 'Billing', type: 'public', app: 'tickets' }),
  Department.delete(7),
  Staff.post({ firstName: 'Ada', lastName: 'Lovelace', userName: 'ada', email: 'ada@example.com', staffGroupId: 1, password: s.staffPassword }),
  TicketCustomField.post(1, { ab32ds122: TicketCustomField.fileValue('r.txt', 'report') }),
  // a user mistake: a secret passed where an id belongs ends in a ValidationError quoting it (cut at 40 characters)
  Department.get(s.apiKey as unknown as number)
]

/** What the runs over every length go through: a retried POST (multipart too), a notice, an echoed 400, validation. */
const CLASSIC_LIGHT = ['503 echoing (retried)', 'a notice echoing before good XML', '400 echoing']
const CLASSIC_LIGHT_DESCRIPTIONS = [1, 4, 5]

const runClassic = async (s: Readonly<Record<Role, string>>, sinks: Sinks, signatures: Set<string>, full: boolean): Promise<void> => {
  const { clock, run } = fakeClock()
  for (const [name, behaviour] of Object.entries(CLASSIC)) {
    if (!full && !CLASSIC_LIGHT.includes(name)) continue
    const base: Transport = (request) => () => {
      for (const sig of signaturesIn(request)) signatures.add(sig)
      return behaviour(request)
    }
    const { transport, recorder } = stack(base, sinks, clock)
    const execute = classic({
      url: `https://agent:${encodeURIComponent(s.classicUserInfo)}@help.example.com/api/index.php`,
      apiKey: s.apiKey,
      secretKey: s.secretKey,
      salt: () => s.salt,
      signer: nodeSigner, // synchronous: the fake clock need not wait for WebCrypto's thread pool
      transport,
      onNotice: (n) => sinks.notices.push(n)
    })
    for (const description of classicDescriptions(s).filter((_, i) => full || CLASSIC_LIGHT_DESCRIPTIONS.includes(i))) {
      const result = await run(execute(description))
      if (E.isLeft(result)) sinks.lefts.push(result.left)
    }
    sinks.recordings.push(...recorder.recordings)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// v1

const json = (value: unknown): string => JSON.stringify(value)

/** A notification and a log whose every field echoes the request. */
const meta = (r: HttpRequest) => ({
  notifications: [{ type: 'INFO', message: echo(r), sticky: false, related_url: echo(r), related_href: echo(r), related_label: echo(r) }],
  logs: [{ level: 'NOTICE', message: echo(r) }]
})

const V1: Record<string, Behaviour> = {
  ...COMMON,
  '500 cut inside a secret': cutInSecret,
  '400 errors[] echoing in every field': async (r) =>
    answer(
      400,
      json({
        status: 400,
        errors: [{ code: 'FIELD_INVALID', parameter: echo(r), parameters: [echo(r)], pointer: echo(r), message: echo(r), more_info: echo(r) }],
        ...meta(r)
      })
    ),
  '401 echoing (the session is dropped: log in again)': async (r) =>
    answer(401, json({ status: 401, errors: [{ code: 'AUTHORIZATION_REQUIRED', message: echo(r) }] })),
  'an HTML page echoing (ParseError)': async (r) => answer(200, `<html><body>${echo(r)}</body></html>`),
  'JSON with the echo in a wrong type (DecodeError)': async (r) => answer(200, json({ status: 200, data: { id: echo(r), name: 7 }, ...meta(r) })),
  'notifications and logs echoing in every field': async (r) => answer(200, json({ status: 200, data: [], ...meta(r) }))
}

interface V1Variant {
  readonly url: string
  readonly auth: Auth
  /** A secret this executor holds, passed by mistake where an id belongs. */
  readonly held: string
}

const v1Variants = (s: Readonly<Record<Role, string>>): Record<string, V1Variant> => ({
  'Basic login (user-info in the URL)': {
    url: `https://agent:${encodeURIComponent(s.v1UserInfo)}@acme.kayako.com`,
    auth: { username: 'agent@acme.example', password: s.password },
    held: s.password
  },
  'two-factor login': {
    url: 'https://acme.kayako.com',
    auth: { username: 'agent@acme.example', password: s.password, otp: twoFactor(async () => s.otp) },
    held: s.password
  },
  'a handed-over session': { url: 'https://acme.kayako.com', auth: { sessionId: s.handedSessionId, csrfToken: s.handedCsrfToken }, held: s.handedCsrfToken },
  'a bearer token': { url: 'https://acme.kayako.com', auth: { bearer: s.bearer }, held: s.bearer },
  'a customer fingerprint': { url: 'https://acme.kayako.com', auth: { fingerprintId: s.fingerprint }, held: s.fingerprint }
})

/**
 * `GET /session`: with two-factor, the first step answers 403 OTP_EXPECTED with the auth token; the second step fails
 * once with a 503 (so that it is retried: an onRetry event with X-Token and X-OTP), then hands out the session. Every
 * answer echoes the request, in its notifications too.
 */
const loginServer = (s: Readonly<Record<Role, string>>, twoFactor: boolean) => {
  let secondSteps = 0
  return async (r: HttpRequest): Promise<E.Either<KayakoError, HttpResponse>> => {
    if (twoFactor && r.headers['x-otp'] === undefined) {
      return answer(
        403,
        json({ status: 403, errors: [{ code: 'OTP_EXPECTED', message: `one-time password needed ${echo(r)}` }], auth_token: s.authToken, ...meta(r) })
      )
    }
    if (twoFactor && secondSteps++ === 0) return answer(503, `busy ${echo(r)}`)
    return answer(201, json({ status: 201, data: { id: s.sessionId, resource_type: 'session' }, resource: 'session', session_id: s.sessionId, ...meta(r) }), {
      'x-csrf-token': s.csrfToken
    })
  }
}

const v1Descriptions = (held: string): ReadonlyArray<V1Request<unknown>> => [
  Team.all(),
  Organization.get(3),
  Organization.post({ name: 'Acme' }),
  Organization.delete(3),
  Organization.get(held as unknown as number)
]

/** What the runs over every length go through: the login (two-factor retried), errors[] and notifications, validation. */
const V1_LIGHT = ['400 errors[] echoing in every field', 'notifications and logs echoing in every field']
const V1_LIGHT_DESCRIPTIONS = [2, 4]

const runV1 = async (s: Readonly<Record<Role, string>>, sinks: Sinks, full: boolean): Promise<void> => {
  const { clock, run } = fakeClock()
  for (const [name, variant] of Object.entries(v1Variants(s))) {
    for (const [behaviourName, behaviour] of Object.entries(V1)) {
      if (!full && !V1_LIGHT.includes(behaviourName)) continue
      const login = loginServer(s, name === 'two-factor login')
      const base: Transport = (request) => () => (request.url.endsWith('/session') && request.method === 'GET' ? login(request) : behaviour(request))
      const { transport, recorder } = stack(base, sinks, clock)
      const execute = v1({ url: variant.url, auth: variant.auth, transport, onMeta: (m) => sinks.metas.push(m) })
      for (const description of v1Descriptions(variant.held).filter((_, i) => full || V1_LIGHT_DESCRIPTIONS.includes(i))) {
        const result = await run(execute.withMeta(description))
        if (E.isLeft(result)) sinks.lefts.push(result.left)
        else sinks.answers.push({ ...result.right, value: undefined })
      }
      sinks.recordings.push(...recorder.recordings)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

const RUNS = Array.from({ length: 64 }, (_, r) => r)

/**
 * The runs: every sink and every kind of failure with all secrets of one length (1, 2, 7, 8 and 64: around the
 * length from which the scrubber replaces a form wherever it occurs), then, for every length from 1 to 64 in every
 * role, the lighter set of paths that still reaches every sink (64 runs of the whole set would take a minute).
 */
const sameLength = (length: number): Readonly<Record<Role, string>> =>
  Object.fromEntries(ROLES.map((role) => [role, sentinel(role, length)])) as Record<Role, string>
const PLAN: ReadonlyArray<readonly [string, Readonly<Record<Role, string>>, boolean]> = [
  ...[1, 2, 7, 8, 64].map((length) => [`every path, length ${length}`, sameLength(length), true] as const),
  ...RUNS.map((r) => [`run ${r}`, sentinelsOfRun(r), false] as const)
]

test('the sentinels: 15 roles, every length from 1 to 64, distinct, none inside another', () => {
  for (const role of ROLES) {
    const lengths = new Set(RUNS.map((r) => Array.from(sentinelsOfRun(r)[role]).length))
    assert.equal(
      [...lengths].sort((a, b) => a - b),
      RUNS.map((r) => r + 1),
      role
    )
  }
  for (const r of RUNS) {
    const all = Object.values(sentinelsOfRun(r))
    for (const a of all) for (const b of all) if (a !== b) assert.not.ok(a.includes(b), `${a} contains ${b}`)
  }
})

test('Classic: no sink shows any secret of any length in any form', async () => {
  let counted = newSinks()
  for (const [r, [context, s, full]] of PLAN.entries()) {
    const sinks = newSinks()
    const signatures = new Set<string>()
    await runClassic(s, sinks, signatures, full)
    assertNoSecret(
      sinks,
      [s.apiKey, s.secretKey, s.salt, s.staffPassword, s.classicUserInfo, `agent:${encodeURIComponent(s.classicUserInfo)}`, ...signatures],
      context
    )
    // the excerpt cut inside a secret keeps no half of it
    for (const l of sinks.lefts)
      if (l._tag === 'HttpError' && l.status === 500 && s.apiKey.length >= 4)
        assert.not.ok(l.body.includes(s.apiKey.slice(0, Math.ceil(s.apiKey.length / 2))), l.body.slice(2000))
    if (r === 0) counted = sinks
  }
  const tags = new Set(counted.lefts.map((l) => l._tag))
  assert.equal([...tags].sort(), ['ApiError', 'DecodeError', 'HttpError', 'ParseError', 'TransportError', 'ValidationError'])
  assert.ok(
    counted.lines.length >= 100 && counted.retries.length >= 30 && counted.notices.length >= 4 && counted.recordings.length >= 50,
    `${counted.lines.length} lines, ${counted.retries.length} retries, ${counted.notices.length} notices, ${counted.recordings.length} recordings`
  )
  assert.ok(
    counted.retries.some((e) => e.request.method === 'POST' && (e.request.headers['content-type'] ?? '').startsWith('multipart/form-data')),
    'a multipart POST was retried'
  )
})

test('v1: no sink shows any secret of any length in any form (Basic, two-factor, session, bearer, fingerprint)', async () => {
  let counted = newSinks()
  for (const [r, [context, s, full]] of PLAN.entries()) {
    const sinks = newSinks()
    await runV1(s, sinks, full)
    const basic = toBase64(utf8(`agent@acme.example:${s.password}`))
    assertNoSecret(
      sinks,
      [
        s.password,
        s.v1UserInfo,
        s.sessionId,
        s.csrfToken,
        s.authToken,
        s.otp,
        s.handedSessionId,
        s.handedCsrfToken,
        s.bearer,
        s.fingerprint,
        basic,
        `agent:${encodeURIComponent(s.v1UserInfo)}`
      ],
      context
    )
    if (r === 0) counted = sinks
  }
  const tags = new Set(counted.lefts.map((l) => l._tag))
  assert.equal([...tags].sort(), ['ApiError', 'DecodeError', 'HttpError', 'ParseError', 'TransportError', 'ValidationError'])
  assert.ok(
    counted.metas.length >= 30 && counted.answers.length >= 10 && counted.retries.length >= 30 && counted.recordings.length >= 50,
    `${counted.metas.length} metas, ${counted.answers.length} answers, ${counted.retries.length} retries, ${counted.recordings.length} recordings`
  )
  assert.ok(
    counted.retries.some((e) => 'x-otp' in e.request.headers),
    'the second two-factor step was retried'
  )
  assert.ok(counted.metas.some((m) => m.notifications.some((n) => n.relatedUrl !== undefined && n.relatedHref !== undefined && n.relatedLabel !== undefined)))
})

test.run()
