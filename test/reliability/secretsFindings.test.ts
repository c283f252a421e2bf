// Issue 11, finding 5, one test per leak: each failed before the single scrubbing boundary (src/core/error.ts).
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import * as TicketCustomField from '../../src/classic/TicketCustomField'
import { describe, scrub, type KayakoError } from '../../src/core/error'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { withLogger, withRetry, type RetryEvent } from '../../src/core/policy'
import { recordTransport } from '../../src/testing/index'
import { twoFactor } from '../../src/v1/internal/auth'
import { v1, type Meta } from '../../src/v1/internal/executor'
import * as Organization from '../../src/v1/Organization'
import { fakeClock } from '../support/clock'

const answer = (status: number, body: string, headers: Record<string, string> = {}): E.Either<KayakoError, HttpResponse> => E.right({ status, headers, body })

/** Answers in order (the last repeats), recording what was sent. */
const script = (...answers: ReadonlyArray<(r: HttpRequest) => E.Either<KayakoError, HttpResponse>>) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    return (answers[Math.min(sent.length - 1, answers.length - 1)] as (r: HttpRequest) => E.Either<KayakoError, HttpResponse>)(request)
  }
  return { transport, sent }
}

const logger = (lines: Array<string>) => {
  const log = (...args: ReadonlyArray<unknown>) => void lines.push(JSON.stringify(args))
  return { debug: log, info: log, warn: log, error: log }
}

const leaks = (text: string, secrets: ReadonlyArray<string>): ReadonlyArray<string> =>
  secrets.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)))

const TOKEN = 'AUTHTOKEN-2fa-7d1c0b9e'
const CODE = '379069'
const SESSION = 'SESSION-5e4d3c2b1a'
const CSRF = 'CSRF-9a8b7c6d'

const otpExpected = () =>
  answer(403, JSON.stringify({ status: 403, errors: [{ code: 'OTP_EXPECTED', message: 'one-time password needed' }], auth_token: TOKEN }))
const session = () =>
  answer(201, JSON.stringify({ status: 201, data: { id: SESSION, resource_type: 'session' }, resource: 'session', session_id: SESSION }), {
    'x-csrf-token': CSRF
  })

test('onRetry: a retried second two-factor step shows neither the auth token nor the one-time code', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = script(
    otpExpected,
    () => answer(503, 'busy'),
    session,
    () => answer(200, '{"status":200,"data":[]}')
  )
  const events: Array<RetryEvent> = []
  const execute = v1({
    url: 'https://acme.kayako.com',
    auth: { username: 'agent@acme.example', password: 'hunter2-pass', otp: twoFactor(() => CODE) },
    transport: withRetry({ clock, random: () => 0, onRetry: (e) => events.push(e) })(transport)
  })
  assert.ok(E.isRight(await run(execute(Organization.all()))))
  assert.is(sent[1]?.headers['x-otp'], CODE, 'the second step was sent with the code')
  assert.is(events.length, 1)
  assert.equal(leaks(JSON.stringify(events), [TOKEN, CODE]), [])
  assert.equal(events[0]?.request.headers, { accept: 'application/json', 'x-token': '[redacted]', 'x-otp': '[redacted]' })
})

test('onRetry: a retried multipart POST does not show the salt through the boundary', async () => {
  const { clock, run } = fakeClock()
  const SALT = 'SALT0123456789abcdefghijklmnopqr'
  const { transport, sent } = script(
    () => answer(503, 'busy'),
    () => answer(200, '<?xml version="1.0"?><customfields></customfields>')
  )
  const events: Array<RetryEvent> = []
  const execute = classic({
    url: 'https://help.example.com/api/index.php',
    apiKey: 'APIKEY-0a1b2c3d',
    secretKey: 'SECRET-4e5f6a7b',
    salt: () => SALT,
    transport: withRetry({ clock, random: () => 0, retryable: () => true, onRetry: (e) => events.push(e) })(transport)
  })
  await run(execute(TicketCustomField.post(1, { ab32ds122: TicketCustomField.fileValue('r.txt', 'report') })))
  assert.match(sent[0]?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  assert.is(events.length, 1)
  assert.equal(leaks(JSON.stringify(events), [SALT]), [])
  assert.not.ok((sent[0]?.headers['content-type'] ?? '').includes(SALT), 'the boundary is not made of the salt')
})

test('onMeta and withMeta: every field of a notification is scrubbed (relatedUrl, relatedHref, relatedLabel), and of a log', async () => {
  const echoing = JSON.stringify({
    status: 200,
    data: [],
    notifications: [
      {
        type: 'INFO',
        message: `hello ${SESSION}`,
        related_url: `https://acme.kayako.com/agent?session_id=${SESSION}`,
        related_href: `/x/${SESSION}`,
        related_label: `open ${SESSION}`
      }
    ],
    logs: [{ level: 'NOTICE', message: `for ${SESSION}` }]
  })
  const { transport } = script(() => answer(200, echoing))
  const metas: Array<Meta> = []
  const execute = v1({ url: 'https://acme.kayako.com', auth: { sessionId: SESSION }, transport, onMeta: (m) => metas.push(m) })
  const answered = await execute.withMeta(Organization.all())()
  assert.is(metas.length, 1)
  assert.equal(leaks(JSON.stringify([metas, answered]), [SESSION]), [])
  assert.equal(metas[0]?.notifications[0], {
    type: 'INFO',
    message: 'hello [redacted]',
    sticky: false,
    relatedUrl: 'https://acme.kayako.com/agent?session_id=[redacted]',
    relatedHref: '/x/[redacted]',
    relatedLabel: 'open [redacted]'
  })
})

test("a password in the URL's user-info shows in no error and no log entry", async () => {
  const PASSWORD = 'userinfo-P4ss'
  const url = `https://agent:${PASSWORD}@help.example.com/api/index.php`
  const lines: Array<string> = []
  const lefts: Array<KayakoError> = []
  for (const failure of [
    () => answer(503, 'down'),
    () =>
      E.left<KayakoError, HttpResponse>({ _tag: 'TransportError', operation: 'x', request: { method: 'GET', url, headers: {} }, cause: `fetch ${url} failed` })
  ]) {
    const { transport } = script(failure)
    const execute = classic({ url, apiKey: 'APIKEY-0a1b2c3d', secretKey: 'SECRET-4e5f6a7b', transport: withLogger(logger(lines))(transport) })
    const result = await execute(Department.all())()
    if (E.isLeft(result)) lefts.push(result.left)
  }
  const v1Run = v1({
    url: `https://agent:${PASSWORD}@acme.kayako.com`,
    auth: { bearer: 'BEARER-0a1b2c3d' },
    transport: withLogger(logger(lines))(script(() => answer(500, 'down')).transport)
  })
  const v1Result = await v1Run(Organization.all())()
  if (E.isLeft(v1Result)) lefts.push(v1Result.left)
  assert.is(lefts.length, 3)
  assert.is(lines.length, 3)
  assert.equal(leaks(JSON.stringify([lefts, lefts.map(describe), lines]), [PASSWORD]), [])
  const first = lefts[0]
  assert.is(
    first?._tag === 'HttpError' && first.request.url,
    'https://[redacted]@help.example.com/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]'
  )
})

test('credentials shorter than 6 characters are scrubbed too, where they stand on their own', async () => {
  for (const short of ['k', 'pw', 'abc', '1234', 'x9!z5']) {
    const { transport } = script((r) => answer(401, `Invalid password ${short} for agent (sent ${r.headers.authorization})`))
    const execute = v1({ url: 'https://acme.kayako.com', auth: { username: 'agent@acme.example', password: short }, transport })
    const e = await execute(Organization.all())()
    assert.ok(E.isLeft(e))
    const text = JSON.stringify(e)
    assert.ok(text.includes('Invalid password [redacted] for agent (sent Basic [redacted])'), text)
    assert.ok(text.includes('agent'), 'the words around are kept')
  }
  // a short secret inside a word is not a secret's occurrence: the text keeps its letters
  assert.is(scrub('Undefined offset: 11, salt=s', ['s']), 'Undefined offset: 11, salt=[redacted]')
})

test('recordings: neither the session id nor the CSRF token a login handed out, nor the password an answer echoes', async () => {
  const { transport } = script(session, (r) => answer(200, `{"status":200,"data":[],"echo":"${r.headers['x-session-id']} and hunter2-pass"}`))
  const recorder = recordTransport(transport)
  const execute = v1({ url: 'https://acme.kayako.com', auth: { username: 'agent@acme.example', password: 'hunter2-pass' }, transport: recorder })
  assert.ok(E.isRight(await execute(Organization.all())()))
  assert.is(recorder.recordings.length, 2)
  assert.equal(leaks(JSON.stringify(recorder.recordings), [SESSION, CSRF, 'hunter2-pass']), [])
  assert.is(recorder.recordings[0]?.headers['x-csrf-token'], '[redacted]')
})

test('an excerpt cut in the middle of a secret keeps no part of it', async () => {
  const API_KEY = 'APIKEY-0123456789-abcdefghij-KLMNOP'
  const { transport } = script(() => answer(500, `${' '.repeat(2048 - 10)}${API_KEY} tail`))
  const e = await classic({ url: 'https://help.example.com/api/index.php', apiKey: API_KEY, secretKey: 'SECRET-4e5f6a7b', transport })(Department.all())()
  assert.ok(E.isLeft(e) && e.left._tag === 'HttpError')
  const body = E.isLeft(e) && e.left._tag === 'HttpError' ? e.left.body : ''
  assert.ok(body.endsWith(' [redacted]…'), body.slice(-30))
  assert.not.ok(body.includes(API_KEY.slice(0, 10)))
})

test('a ValidationError quoting a secret passed by mistake is scrubbed, cut or not', async () => {
  const API_KEY = 'APIKEY-0123456789-abcdefghij-KLMNOPQRSTUVWXYZ'
  const run = classic({
    url: 'https://help.example.com/api/index.php',
    apiKey: API_KEY,
    secretKey: 'SECRET-4e5f6a7b',
    transport: script(() => answer(200, '')).transport
  })
  const e = await run(Department.get(API_KEY as unknown as number))()
  assert.ok(E.isLeft(e) && e.left._tag === 'ValidationError')
  assert.not.ok(JSON.stringify(e).includes(API_KEY.slice(0, 12)), JSON.stringify(e))
})

test.run()
