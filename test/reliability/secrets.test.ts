// Every error path, run with distinctive credentials through the production stack (logger, timeout, retry): no
// Left, log line, retry event, notice or description contains a credential, a salt or a signature, in any form.
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { inspect } from 'node:util'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { describe, transportError, type KayakoError } from '../../src/core/error'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { withLogger, withRetry, withTimeout, type RetryEvent } from '../../src/core/policy'
import { v1, type Meta } from '../../src/v1/internal/executor'
import * as Organization from '../../src/v1/Organization'
import * as Team from '../../src/v1/Team'
import type { V1Request } from '../../src/v1/internal/request'
import { fakeClock } from '../support/clock'
import { fixture } from '../support/fixtures'

export const CREDENTIALS = {
  apiKey: 'APIKEY-6c1f9e2a-77d4-QUOKKA',
  secretKey: 'SECRETKEY-b3d08f6e-NUMBAT',
  password: 'PASSWORD-Wombat!42-hunter2',
  sessionId: 'SESSIONID-0f1e2d3c4b5a-DINGO',
  csrfToken: 'CSRFTOKEN-a1b2c3d4e5f6-EMU'
}

/** A text that quotes everything the request carries, raw and decoded, as careless servers and libraries do. */
const quote = (request: HttpRequest): string => {
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body)
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '))
    } catch {
      return text
    }
  }
  return `${request.method} ${request.url} ${decode(request.url)} ${body} ${decode(body)} ${JSON.stringify(request.headers)}`
}

type Server = (request: HttpRequest) => Promise<E.Either<KayakoError, HttpResponse>> | never

const ok = (status: number, body: string): E.Either<KayakoError, HttpResponse> => E.right({ status, headers: {}, body })

/** The error paths: each answers every request in its own bad way, quoting the request. */
const PATHS: Record<string, Server> = {
  'transport throws an Error': (r) => {
    throw new Error(`connect ECONNREFUSED while sending ${quote(r)}`)
  },
  'transport throws a string': (r) => {
    throw `failed: ${quote(r)}`
  },
  'transport rejects with an Error whose cause quotes': (r) => Promise.reject(new Error('fetch failed', { cause: new Error(quote(r)) })),
  'transport answers an unredacted TransportError': async (r) =>
    E.left(transportError('x', { method: r.method, url: r.url, headers: { ...r.headers } }, `reset: ${quote(r)}`)),
  '400 echoing the request': async (r) => ok(400, `Department Load Failed: ${quote(r)}`),
  '401 echoing the request': async (r) => ok(401, `FAILED TO AUTHENTICATE ${quote(r)}`),
  '404 echoing the request': async (r) => ok(404, `<b>Not found</b> ${quote(r)}`),
  '503 echoing the request': async (r) => ok(503, `<html>Service Unavailable ${quote(r)}</html>`),
  '500 echoing the request': async (r) => ok(500, quote(r)),
  'a PHP warning page echoing the request': async (r) => ok(200, `${fixture('classic/Error_PHPWarning_body.html')}<pre>${quote(r)}</pre>`),
  'XML with the request in a number': async (r) =>
    ok(200, `<?xml version="1.0"?><departments><department><id>${quote(r).replace(/[<>&]/g, ' ')}</id></department></departments>`),
  'a notice quoting the request before good XML': async (r) =>
    ok(200, `<b>Notice</b>: ${quote(r).replace(/[<>]/g, ' ')}\n${fixture('classic/Department_ListAll.xml')}`),
  'a truncated body quoting the request': async (r) => ok(200, `<?xml version="1.0"?><departments><department><title>${quote(r).replace(/[<>&]/g, ' ')}`),
  'no answer until the time-out': () => new Promise(() => undefined)
}

const DESCRIPTIONS: ReadonlyArray<() => ClassicRequest<unknown>> = [
  () => Department.all(),
  () => Department.get(7),
  () => Department.post({ title: 'Billing', type: 'public', app: 'tickets' }),
  () => Department.put(7, { title: 'Billing' }),
  () => Department.delete(7)
]

/** Each form a value can take in a text: raw, URL-encoded, form-encoded, Base64. */
const forms = (secret: string): ReadonlyArray<string> => [
  secret,
  encodeURIComponent(secret),
  new URLSearchParams({ s: secret }).toString().slice(2),
  btoa(secret)
]

const texts = (value: unknown): ReadonlyArray<string> => [JSON.stringify(value) ?? '', String(value), inspect(value, { depth: Infinity })]

test('no error path leaks a credential, a salt or a signature', async () => {
  const { clock, run } = fakeClock()
  const seen: Array<string> = []
  const logLines: Array<ReadonlyArray<unknown>> = []
  const retries: Array<RetryEvent> = []
  const notices: Array<string> = []
  const lefts: Array<KayakoError> = []
  const secrets = new Set<string>(Object.values(CREDENTIALS))
  const log = (...args: ReadonlyArray<unknown>) => void logLines.push(args)
  for (const [name, server] of Object.entries(PATHS)) {
    const base: Transport = (request) => {
      // Every salt and signature sent is a secret too.
      const params = new URLSearchParams(request.url.split('?')[1] ?? '')
      const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '')
      for (const key of ['salt', 'signature']) for (const v of [params.get(key), form.get(key)]) if (v) secrets.add(v)
      return () => server(request)
    }
    const transport = pipe(
      base,
      withLogger({ debug: log, info: log, warn: log, error: log }, { clock }),
      withTimeout(5_000, { clock }),
      withRetry({ clock, random: () => 0.5, onRetry: (e) => retries.push(e) })
    )
    const execute = classic({
      url: 'https://help.example.com/api/index.php',
      apiKey: CREDENTIALS.apiKey,
      secretKey: CREDENTIALS.secretKey,
      transport,
      onNotice: (n) => notices.push(n)
    })
    for (const description of DESCRIPTIONS) {
      const result = await run(execute(description()))
      if (E.isLeft(result)) lefts.push(result.left)
      seen.push(name)
    }
  }
  assert.ok(lefts.length >= 60, `${lefts.length} Lefts`)
  assert.ok(
    logLines.length >= 100 && retries.length >= 20 && notices.length >= 2,
    `${logLines.length} lines, ${retries.length} retries, ${notices.length} notices`
  )
  assert.ok(secrets.size > 10, 'salts and signatures were collected')
  const haystacks = [
    ...lefts.flatMap((l) => [...texts(l), describe(l)]),
    ...logLines.flatMap((args) => [...texts(args), ...args.map(String)]),
    ...retries.flatMap(texts),
    ...notices
  ]
  for (const haystack of haystacks) {
    for (const secret of secrets) {
      for (const form of forms(secret)) {
        if (haystack.includes(form)) assert.unreachable(`${form} leaked in: ${haystack.slice(0, 300)}`)
      }
    }
  }
})

/** The v1 error paths: each answers in its own bad way, quoting the request (headers included). */
const V1_PATHS: Record<string, Server> = {
  'transport throws an Error': PATHS['transport throws an Error'] as Server,
  'transport throws a string': PATHS['transport throws a string'] as Server,
  'transport answers an unredacted TransportError': PATHS['transport answers an unredacted TransportError'] as Server,
  '400 with errors[] quoting the request': async (r) =>
    ok(400, JSON.stringify({ status: 400, errors: [{ code: 'FIELD_INVALID', parameter: quote(r), message: `Invalid: ${quote(r)}`, more_info: quote(r) }] })),
  '401 quoting the request': async (r) => ok(401, JSON.stringify({ status: 401, errors: [{ code: 'AUTHENTICATION_FAILED', message: quote(r) }] })),
  '500 echoing the request': PATHS['500 echoing the request'] as Server,
  'an HTML page echoing the request': async (r) => ok(200, `<html><body>${quote(r)}</body></html>`),
  'JSON with the request in a wrong type': async (r) =>
    ok(
      200,
      JSON.stringify({
        status: 200,
        data: { id: quote(r), name: 7 },
        notifications: [{ type: 'ERROR', message: quote(r) }],
        logs: [{ level: 'ERROR', message: quote(r) }]
      })
    ),
  'notifications and logs quoting the request': async (r) =>
    ok(200, JSON.stringify({ status: 200, data: [], notifications: [{ type: 'INFO', message: quote(r) }], logs: [{ level: 'DEBUG', message: quote(r) }] })),
  'no answer until the time-out': PATHS['no answer until the time-out'] as Server
}

const V1_DESCRIPTIONS: ReadonlyArray<() => V1Request<unknown>> = [
  () => Team.all(),
  () => Organization.get(3),
  () => Organization.post({ name: 'Acme' }),
  () => Organization.delete(3)
]

test('no v1 error path leaks the password, the session id or the CSRF token, nor does the login failing', async () => {
  const { clock, run } = fakeClock()
  const logLines: Array<ReadonlyArray<unknown>> = []
  const metas: Array<Meta> = []
  const lefts: Array<KayakoError> = []
  const log = (...args: ReadonlyArray<unknown>) => void logLines.push(args)
  const login = async (): Promise<E.Either<KayakoError, HttpResponse>> =>
    E.right({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-csrf-token': CREDENTIALS.csrfToken },
      body: JSON.stringify({
        status: 201,
        data: { id: CREDENTIALS.sessionId, resource_type: 'session' },
        resource: 'session',
        session_id: CREDENTIALS.sessionId
      })
    })
  for (const [name, server] of Object.entries(V1_PATHS)) {
    for (const loginFails of [false, true]) {
      const base: Transport = (request) => () => (!loginFails && request.url.endsWith('/session') ? login() : server(request))
      const transport = pipe(
        base,
        withLogger({ debug: log, info: log, warn: log, error: log }, { clock }),
        withTimeout(5_000, { clock }),
        withRetry({ clock, random: () => 0.5 })
      )
      const execute = v1({
        url: 'https://acme.kayako.com',
        auth: { username: 'admin@acme.example', password: CREDENTIALS.password },
        transport,
        onMeta: (m) => metas.push(m)
      })
      for (const description of V1_DESCRIPTIONS) {
        const result = await run(execute(description()))
        if (E.isLeft(result)) lefts.push(result.left)
      }
      // A session handed over from elsewhere, too.
      const handed = v1({ url: 'https://acme.kayako.com', auth: { sessionId: CREDENTIALS.sessionId, csrfToken: CREDENTIALS.csrfToken }, transport })
      const result = await run(handed(Organization.post({ name: `x ${name}` })))
      if (E.isLeft(result)) lefts.push(result.left)
    }
  }
  assert.ok(lefts.length >= 60 && metas.length >= 4 && logLines.length >= 80, `${lefts.length} Lefts, ${metas.length} metas, ${logLines.length} lines`)
  const secrets = [CREDENTIALS.password, CREDENTIALS.sessionId, CREDENTIALS.csrfToken, btoa(`admin@acme.example:${CREDENTIALS.password}`)]
  const haystacks = [
    ...lefts.flatMap((l) => [...texts(l), describe(l)]),
    ...logLines.flatMap((args) => [...texts(args), ...args.map(String)]),
    ...metas.flatMap(texts)
  ]
  for (const haystack of haystacks) {
    for (const secret of secrets) {
      for (const form of forms(secret)) {
        if (haystack.includes(form)) assert.unreachable(`${form} leaked in: ${haystack.slice(0, 300)}`)
      }
    }
  }
})

test.run()
