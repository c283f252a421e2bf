import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import * as Case from '../../src/v1/Case'
import { twoFactor } from '../../src/v1/internal/auth'
import { v1, type Meta } from '../../src/v1/internal/executor'
import { normaliseAnswer, normaliseDocument } from '../../src/v1/internal/flat'
import { defaultOptions, withOptions } from '../../src/v1/internal/request'
import * as Session from '../../src/v1/Session'
import * as TestResource from '../../src/v1/Test'
import { fixture } from '../support/fixtures'
import { bodyText, canned, unwrap, unwrapLeft } from '../support/transport'
import { dropEmpty, inline, recase } from './support'

const URL = 'https://brewfictus.kayako.com'
const API = `${URL}/api/v1`
const USER = 'agent@brewfictus.com'
const PASSWORD = 'Pa55-W0rd-Secret!'
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`
const S1 = 'SESSION-ONE-0123456789abcdef'
const S2 = 'SESSION-TWO-fedcba9876543210'
const C1 = 'CSRF-ONE-zyxwvutsrq'
const C2 = 'CSRF-TWO-qrstuvwxyz'
const TEST_BODY = fixture('v1/tests.get.json')
const CASE_BODY = (() => {
  const list = JSON.parse(fixture('v1/cases.list.json')) as { data: ReadonlyArray<unknown> }
  return JSON.stringify({ status: 201, data: list.data[0], resource: 'case' })
})()

const loginAnswer = (sessionId: string, csrf: string): Partial<HttpResponse> => ({
  headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
  body: JSON.stringify({ ...JSON.parse(fixture('v1/session.get.json')), session_id: sessionId })
})

const withCredentials = (transport: Transport) => v1({ url: URL, auth: { username: USER, password: PASSWORD }, transport })

const requestLine = (r: HttpRequest | undefined) => `${r?.method} ${r?.url}`

test('session flow: Basic → session → CSRF on a write → 454 → one re-auth → retry, with exact headers', async () => {
  const { transport, sent } = canned(
    loginAnswer(S1, C1),
    { status: 201, body: CASE_BODY },
    { body: CASE_BODY },
    { status: 454, body: fixture('v1/errors.session_loading_failed.json') },
    loginAnswer(S2, C2),
    { body: CASE_BODY }
  )
  const run = withCredentials(transport)
  const created = unwrap(await run(Case.post({ subject: 'Help', contents: 'It broke', channel: 'NOTE', requesterId: 2 }))())
  assert.is(created.id, 1)
  assert.is(requestLine(sent[0]), `GET ${API}/session`)
  assert.equal(sent[0]?.headers, { accept: 'application/json', authorization: BASIC })
  assert.is(requestLine(sent[1]), `POST ${API}/cases`)
  assert.equal(sent[1]?.headers, { accept: 'application/json', 'content-type': 'application/json', 'x-session-id': S1, 'x-csrf-token': C1 })
  assert.equal(JSON.parse(bodyText(sent[1])), { subject: 'Help', requester_id: 2, contents: 'It broke', channel: 'NOTE' })

  unwrap(await run(Case.get(1))())
  assert.is(requestLine(sent[2]), `GET ${API}/cases/1`)
  assert.equal(sent[2]?.headers, { accept: 'application/json', 'x-session-id': S1 })

  unwrap(await run(Case.put(1, { statusId: 3 }))())
  assert.is(sent.length, 6)
  assert.equal(sent[3]?.headers, { accept: 'application/json', 'content-type': 'application/json', 'x-session-id': S1, 'x-csrf-token': C1 })
  assert.is(requestLine(sent[4]), `GET ${API}/session`)
  assert.equal(sent[4]?.headers, { accept: 'application/json', authorization: BASIC })
  assert.is(requestLine(sent[5]), `PUT ${API}/cases/1`)
  assert.equal(sent[5]?.headers, { accept: 'application/json', 'content-type': 'application/json', 'x-session-id': S2, 'x-csrf-token': C2 })
  assert.is(bodyText(sent[5]), '{"status_id":3}')
  assert.equal(run.session(), { sessionId: S2, csrfToken: C2 })
})

test('a 401 after the re-authentication is final: one re-auth only', async () => {
  const denied = { status: 401, body: JSON.stringify({ status: 401, errors: [{ code: 'AUTHORIZATION_REQUIRED', message: 'Authorization required' }] }) }
  const { transport, sent } = canned(loginAnswer(S1, C1), denied, loginAnswer(S2, C2), denied)
  const e = unwrapLeft(await withCredentials(transport)(TestResource.get(1))())
  assert.equal(e, {
    _tag: 'ApiError',
    operation: 'Test.get',
    status: 401,
    messages: ['Authorization required'],
    errors: [{ code: 'AUTHORIZATION_REQUIRED', message: 'Authorization required' }]
  })
  assert.equal(sent.map(requestLine), [`GET ${API}/session`, `GET ${API}/tests/1`, `GET ${API}/session`, `GET ${API}/tests/1`])
})

test('bad credentials: the login fails once, nothing else is sent', async () => {
  const body = JSON.stringify({
    status: 401,
    errors: [{ code: 'AUTHENTICATION_FAILED', message: 'Used authentication credentials are invalid or signature verification failed' }]
  })
  const { transport, sent } = canned({ status: 401, body })
  const e = unwrapLeft(await withCredentials(transport)(TestResource.get(1))())
  assert.ok(e._tag === 'ApiError' && e.status === 401 && e.errors[0]?.code === 'AUTHENTICATION_FAILED')
  assert.is(sent.length, 1)
})

test('concurrent first calls share one login', async () => {
  const { transport, sent } = canned(loginAnswer(S1, C1), { body: TEST_BODY })
  const run = withCredentials(transport)
  const results = await Promise.all([run(TestResource.get(1))(), run(TestResource.get(1))(), run(TestResource.get(1))()])
  assert.ok(results.every(E.isRight))
  assert.equal(sent.map(requestLine), [`GET ${API}/session`, `GET ${API}/tests/1`, `GET ${API}/tests/1`, `GET ${API}/tests/1`])
})

test('two-factor login: 403 OTP_EXPECTED + auth_token → X-Token and X-OTP → session', async () => {
  const TOKEN = 'AUTH-TOKEN-0123456789abcdef'
  const otpExpected = {
    status: 403,
    body: JSON.stringify({
      status: 403,
      errors: [{ code: 'OTP_EXPECTED', message: 'To complete authentication you need to provide the one-time password' }],
      notifications: [{ type: 'INFO', message: 'Two-factor authentication is enabled for your account' }],
      auth_token: TOKEN
    })
  }
  const { transport, sent } = canned(otpExpected, loginAnswer(S1, C1), { body: TEST_BODY })
  const run = v1({ url: URL, auth: { username: USER, password: PASSWORD, otp: twoFactor(async () => '379069') }, transport })
  unwrap(await run(TestResource.get(1))())
  assert.equal(sent.map(requestLine), [`GET ${API}/session`, `GET ${API}/session`, `GET ${API}/tests/1`])
  assert.equal(sent[1]?.headers, { accept: 'application/json', 'x-token': TOKEN, 'x-otp': '379069' })
  assert.equal(sent[2]?.headers, { accept: 'application/json', 'x-session-id': S1 })
  // without an otp callback the answer is the server's error, with the token scrubbed wherever it could show
  const plain = canned(otpExpected)
  const e = unwrapLeft(await withCredentials(plain.transport)(TestResource.get(1))())
  assert.ok(e._tag === 'ApiError' && e.status === 403 && e.errors[0]?.code === 'OTP_EXPECTED')
  const failing = canned(
    { ...otpExpected, body: otpExpected.body.replace('"status":403', `"status":403,"echo":"${TOKEN}"`) },
    { status: 500, body: `no: ${TOKEN}` }
  )
  const e2 = unwrapLeft(
    await v1({ url: URL, auth: { username: USER, password: PASSWORD, otp: twoFactor(() => '379069') }, transport: failing.transport })(TestResource.get(1))()
  )
  assert.is(e2._tag, 'HttpError')
  assert.not.ok(JSON.stringify(e2).includes(TOKEN))
})

test("a twoFactor step asks for no code when the login needs none; a 403 without OTP_EXPECTED stays the server's error", async () => {
  let asked = 0
  const otp = twoFactor(() => {
    asked++
    return '379069'
  })
  const { transport, sent } = canned(loginAnswer(S1, C1), { body: TEST_BODY })
  unwrap(await v1({ url: URL, auth: { username: USER, password: PASSWORD, otp }, transport })(TestResource.get(1))())
  assert.equal(sent.map(requestLine), [`GET ${API}/session`, `GET ${API}/tests/1`])
  const refused = canned({
    status: 403,
    body: JSON.stringify({ status: 403, errors: [{ code: 'PERMISSION_DENIED', message: 'no' }], auth_token: 'T-0123456789' })
  })
  const e = unwrapLeft(await v1({ url: URL, auth: { username: USER, password: PASSWORD, otp }, transport: refused.transport })(TestResource.get(1))())
  assert.ok(e._tag === 'ApiError' && e.errors[0]?.code === 'PERMISSION_DENIED', JSON.stringify(e))
  assert.is(refused.sent.length, 1)
  assert.is(asked, 0)
})

test('logging out forgets the session: the next call logs in again without a wasted request', async () => {
  const { transport, sent } = canned(loginAnswer(S1, C1), { body: '{"status":200}' }, loginAnswer(S2, C2), { body: TEST_BODY })
  const run = withCredentials(transport)
  unwrap(await run(Session.delete())())
  assert.equal(sent[1]?.headers, { accept: 'application/json', 'x-session-id': S1, 'x-csrf-token': C1 })
  assert.is(run.session(), undefined)
  unwrap(await run(TestResource.get(1))())
  assert.equal(sent.map(requestLine), [`GET ${API}/session`, `DELETE ${API}/session`, `GET ${API}/session`, `GET ${API}/tests/1`])
  assert.is(sent[3]?.headers['x-session-id'], S2)
})

test('a login answer without session_id: the session resource id is used', async () => {
  const { transport, sent } = canned({ headers: { 'x-csrf-token': C1 }, body: fixture('v1/session.get.json') }, { body: TEST_BODY })
  unwrap(await withCredentials(transport)(TestResource.get(1))())
  assert.is(sent[1]?.headers['x-session-id'], '9GrwKuIMvHdjmf369ed75a56fd7a8d4606026cd7a34d4e99c487a3NjrBdRw4npE3qYlczSrV0DA6')
})

test('a session id and CSRF token given: the session on every call, the token on writes only; a refreshed id is kept', async () => {
  const { transport, sent } = canned({ body: TEST_BODY }, { body: JSON.stringify({ status: 200, session_id: S2 }) }, { body: TEST_BODY })
  const run = v1({ url: `${API}/`, auth: { sessionId: S1, csrfToken: C1 }, transport })
  unwrap(await run(TestResource.get(1))())
  unwrap(await run(TestResource.delete(1))())
  unwrap(await run(TestResource.put(1, { name: 'x' }))())
  assert.equal(sent[0]?.headers, { accept: 'application/json', 'x-session-id': S1 })
  assert.equal(sent[1]?.headers, { accept: 'application/json', 'x-session-id': S1, 'x-csrf-token': C1 })
  assert.is(requestLine(sent[1]), `DELETE ${API}/tests/1`)
  assert.equal(sent[2]?.headers, { accept: 'application/json', 'content-type': 'application/json', 'x-session-id': S2, 'x-csrf-token': C1 })
})

test('a session id only: 454 is an ApiError (no credentials to re-authenticate with)', async () => {
  const { transport, sent } = canned({ status: 454, body: fixture('v1/errors.session_loading_failed.json') })
  const e = unwrapLeft(await v1({ url: URL, auth: { sessionId: S1 }, transport })(TestResource.get(1))())
  assert.ok(e._tag === 'ApiError' && e.status === 454 && e.errors[0]?.code === 'SESSION_LOADING_FAILED')
  assert.is(sent.length, 1)
})

test('a bearer token on every call; session ids in answers are not used', async () => {
  const { transport, sent } = canned({ body: JSON.stringify({ status: 200, session_id: S1, data: { id: 1, name: 'n' } }) })
  const run = v1({ url: URL, auth: { bearer: 'BEARER-abcdef123456' }, transport })
  unwrap(await run(TestResource.get(1))())
  unwrap(await run(TestResource.post({ name: 'n' }))())
  assert.equal(sent[0]?.headers, { accept: 'application/json', authorization: 'Bearer BEARER-abcdef123456' })
  assert.equal(sent[1]?.headers, { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer BEARER-abcdef123456' })
  assert.is(run.session(), undefined)
})

test('options: executor defaults, per-request overrides, one X-Options header', async () => {
  const { transport, sent } = canned({ body: TEST_BODY }, { body: fixture('v1/cases.list.json') }, { body: TEST_BODY })
  const run = v1({ url: URL, auth: { sessionId: S1 }, transport, options: defaultOptions({ flat: true, case: 'camel' }) })
  unwrap(await run(TestResource.get(1))())
  assert.is(sent[0]?.url, `${API}/tests/1?_case=camel`)
  assert.is(sent[0]?.headers['x-options'], 'flat')
  const req = pipe(
    Case.all({ status: ['OPEN', 'PENDING'], limit: 5 }),
    withOptions({ empty: false, case: 'pascal', include: ['user', 'caseStatus'], fields: ['+tags', '-lastPostPreview', { '+requester': ['fullName'] }] })
  )
  unwrap(await run(req)())
  assert.is(
    sent[1]?.url,
    `${API}/cases?status=OPEN,PENDING&limit=5&_case=pascal&include=user,case_status&fields=%2Btags,-last_post_preview,%2Brequester(full_name)`
  )
  assert.is(sent[1]?.headers['x-options'], 'flat,no_empty')
  unwrap(await run(pipe(TestResource.get(1), withOptions({ flat: false, case: 'snake' })))())
  assert.is(sent[2]?.url, `${API}/tests/1`)
  assert.is(sent[2]?.headers['x-options'], undefined)
})

test('normalising: only the requests asking for another letter case or flat resources carry it, defaults included', async () => {
  // the options object of 0.x configurations (now `defaultOptions(…)`) is refused, not ignored
  const old = { flat: true } as unknown as ReturnType<typeof defaultOptions>
  const e = unwrapLeft(await v1({ url: URL, auth: { sessionId: S1 }, options: old })(TestResource.get(1))())
  assert.equal(e._tag === 'ValidationError' ? e.issues.map((i) => i.path) : e, ['config.options'])
  assert.is(pipe(TestResource.get(1), withOptions({ include: ['user'], case: 'snake', flat: false })).normalise, undefined)
  assert.is(pipe(TestResource.get(1), withOptions({ case: 'pascal' })).normalise, normaliseAnswer)
  assert.is(pipe(TestResource.get(1), withOptions({ flat: true })).normalise, normaliseAnswer)
  assert.is(defaultOptions({ flat: true })(TestResource.get(1)).normalise, normaliseAnswer)
  // the request's own options win over the defaults, in what is sent and in how the answer is read
  const own = defaultOptions({ case: 'camel', include: ['user'] })(withOptions({ case: 'snake' })(TestResource.get(1)))
  assert.is(own.normalise, undefined)
  assert.equal(own.wire, { query: [['include', 'user']], xOptions: undefined })
  assert.is(TestResource.get(1).wire, undefined, 'no options, nothing to encode')
  // not asked: the answer is read as the server writes it, so a camelCase body decodes to the defaults of missing fields
  const camel = JSON.stringify(recase(JSON.parse(TEST_BODY), 'camel'))
  const { transport } = canned({ body: camel }, { body: camel })
  const run = v1({ url: URL, auth: { sessionId: S1 }, transport })
  const plain = unwrap(await run(TestResource.get(1))())
  const asked = unwrap(await run(pipe(TestResource.get(1), withOptions({ case: 'camel' })))())
  assert.is(asked.authenticationScheme, 'NONE')
  assert.is.not(plain.authenticationScheme, asked.authenticationScheme)
})

test('one answer fetched twelve ways (case × flat × no_empty) through the executor decodes to deep-equal values', async () => {
  const flat = JSON.parse(fixture('v1/tests.get.flat.json'))
  // a server that honours the options it is sent
  const server: Transport = (r) => async () => {
    const url = new globalThis.URL(r.url)
    const options = (r.headers['x-options'] ?? '').split(',')
    let doc: unknown = options.includes('flat') ? flat : inline(flat)
    if (options.includes('no_empty')) doc = dropEmpty(doc)
    doc = recase(doc, (url.searchParams.get('_case') ?? 'snake') as 'snake')
    bodies.add(JSON.stringify(doc))
    return E.right({ status: 200, headers: {}, body: JSON.stringify(doc) })
  }
  const bodies = new Set<string>()
  const run = v1({ url: URL, auth: { sessionId: S1 }, transport: server })
  const values: Array<unknown> = []
  for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
    for (const flatMode of [false, true]) {
      for (const empty of [true, false]) {
        values.push(unwrap(await run(pipe(TestResource.get(1), withOptions({ case: letterCase, flat: flatMode, empty })))()))
      }
    }
  }
  assert.is(bodies.size, 12)
  for (const v of values) assert.equal(v, values[0])
  const first = values[0] as { user: { fullName: string; organization: { name: string } } }
  assert.is(first.user.fullName, 'Charlotte Küchler')
  assert.is(first.user.organization.name, 'Brewfictus')
})

test('notifications and logs: withMeta on success, onMeta on success and failure', async () => {
  const notifications = [{ type: 'INFO', message: 'A message has been sent to your email' }]
  const logs = [{ level: 'NOTICE', message: 'To avoid long delays instead of supplying username and password with each request use just the session id' }]
  const ok = JSON.stringify({ ...JSON.parse(TEST_BODY), notifications, logs })
  const failed = JSON.stringify({
    status: 400,
    errors: [{ code: 'FIELD_INVALID', message: 'bad', parameter: 'name' }],
    notifications: [{ type: 'ERROR', message: 'Fix the name', sticky: true }]
  })
  const seen: Array<Meta> = []
  const { transport } = canned({ body: ok }, { status: 400, body: failed })
  const run = v1({ url: URL, auth: { sessionId: S1 }, transport, onMeta: (m) => seen.push(m) })
  const answer = unwrap(await run.withMeta(TestResource.get(1))())
  assert.is(answer.value.name, 'Test 1')
  assert.is(answer.status, 200)
  assert.equal(answer.notifications, [{ type: 'INFO', message: 'A message has been sent to your email', sticky: false }])
  assert.equal(answer.logs, logs)
  assert.is(unwrapLeft(await run(TestResource.get(1))())._tag, 'ApiError')
  assert.equal(
    seen.map((m) => [m.operation, m.status, m.notifications.map((n) => n.message), m.logs.length]),
    [
      ['Test.get', 200, ['A message has been sent to your email'], 1],
      ['Test.get', 400, ['Fix the name'], 0]
    ]
  )
})

test('error entries keep parameters, pointer and camelCase moreInfo', async () => {
  const body = JSON.stringify({
    Status: 400,
    Errors: [
      {
        Code: 'ONE_FIELD_EXPECTED',
        Message: 'This action expects only one of the related fields to be specified',
        Parameters: ['until', 'since'],
        Pointer: '/0/since',
        MoreInfo: 'https://developer.kayako.com/api/v1/reference/errors/ONE_FIELD_EXPECTED'
      }
    ]
  })
  const { transport } = canned({ status: 400, body })
  const e = unwrapLeft(await v1({ url: URL, auth: { sessionId: S1 }, transport, normalise: normaliseDocument })(TestResource.get(1))())
  assert.equal(e._tag === 'ApiError' ? e.errors : undefined, [
    {
      code: 'ONE_FIELD_EXPECTED',
      message: 'This action expects only one of the related fields to be specified',
      parameters: ['until', 'since'],
      pointer: '/0/since',
      moreInfo: 'https://developer.kayako.com/api/v1/reference/errors/ONE_FIELD_EXPECTED'
    }
  ])
})

test('non-API failures: HttpError, ParseError, DecodeError, TransportError; validation sends nothing', async () => {
  const go = async (response: Partial<HttpResponse>) =>
    unwrapLeft(await v1({ url: URL, auth: { sessionId: S1 }, transport: canned(response).transport })(TestResource.get(1))())
  const http = await go({ status: 502, body: '<html>Bad gateway</html>' })
  assert.ok(http._tag === 'HttpError' && http.status === 502 && http.request.headers['x-session-id'] === '[redacted]')
  assert.is((await go({ status: 200, body: '<html>PHP warning</html>' }))._tag, 'ParseError')
  assert.is((await go({ status: 200, body: '{"status":200,"data":' }))._tag, 'ParseError')
  assert.equal(await go({ status: 200, body: '{"status":200,"data":{"name":"no id"}}' }), {
    _tag: 'DecodeError',
    operation: 'Test.get',
    messages: ['data.id: is required (got undefined)']
  })
  assert.is((await go({ status: 200, body: '[1,2]' }))._tag, 'DecodeError')
  const throwing: Transport = () => () => {
    throw 'boom'
  }
  const rejecting: Transport = () => () => Promise.reject(new Error('socket hang up'))
  for (const transport of [throwing, rejecting]) {
    const e = unwrapLeft(await v1({ url: URL, auth: { username: USER, password: PASSWORD }, transport })(TestResource.get(1))())
    assert.is(e._tag, 'TransportError')
  }
  const { transport, sent } = canned({ body: TEST_BODY })
  const invalid = unwrapLeft(await v1({ url: URL, auth: { username: USER, password: PASSWORD }, transport })(TestResource.get(0))())
  assert.equal(invalid, { _tag: 'ValidationError', operation: 'Test.get', issues: [{ path: 'id', message: 'must be a positive integer, got 0' }] })
  assert.is(sent.length, 0)
})

test('an empty 200 body is success for a call that decodes nothing', async () => {
  const { transport } = canned({ status: 200, body: '' })
  assert.equal(await v1({ url: URL, auth: { sessionId: S1 }, transport })(TestResource.delete(1))(), E.right(undefined))
})

test('a file upload sends the raw bytes with its type and name', async () => {
  const { File } = await import('../../src/v1/index')
  const { transport, sent } = canned({
    status: 201,
    body: JSON.stringify({ status: 201, data: { id: 19, name: 'coffee.png', size: 3, resource_type: 'file' } })
  })
  const data = new Uint8Array([137, 80, 78])
  const f = unwrap(
    await v1({ url: URL, auth: { sessionId: S1, csrfToken: C1 }, transport })(File.upload({ filename: 'coffee.png', contentType: 'image/png', data }))()
  )
  assert.is(f.id, 19)
  assert.is(requestLine(sent[0]), `POST ${API}/files`)
  assert.equal(sent[0]?.headers, {
    accept: 'application/json',
    'content-type': 'image/png',
    'content-disposition': 'attachment; filename="coffee.png"',
    'x-session-id': S1,
    'x-csrf-token': C1
  })
  assert.ok(sent[0]?.body === data)
})

test('no error, message or meta contains a password, Basic token, session id, CSRF or bearer token', async () => {
  const bearer = 'BEARER-TOKEN-9f8e7d6c5b4a'
  const secrets = [PASSWORD, BASIC.slice(6), S1, C1, bearer]
  // what the server could echo back: the request, and every secret this executor was given or was handed
  let known: ReadonlyArray<string> = []
  const echo = (r: HttpRequest): string => `${r.url} ${JSON.stringify(r.headers)} ${bodyText(r)} ${known.join(' ')}`
  const answers: ReadonlyArray<(r: HttpRequest) => Partial<HttpResponse>> = [
    (r) => ({ status: 500, body: echo(r) }),
    (r) => ({
      status: 400,
      body: JSON.stringify({
        status: 400,
        errors: [{ code: 'X', message: echo(r), parameter: known.join(' '), pointer: known.join('/') }],
        logs: [{ level: 'ERROR', message: echo(r) }]
      })
    }),
    (r) => ({ status: 200, body: `<html>${echo(r)}</html>` }),
    (r) => ({ status: 200, body: JSON.stringify({ status: 200, data: { id: echo(r) }, notifications: [{ type: 'INFO', message: echo(r) }] }) })
  ]
  const seen: Array<string> = []
  for (const answer of answers) {
    for (const [auth, given] of [
      [{ username: USER, password: PASSWORD }, [PASSWORD, BASIC.slice(6), S1, C1]],
      [{ sessionId: S1, csrfToken: C1 }, [S1, C1]],
      [{ bearer }, [bearer]]
    ] as const) {
      known = given
      const transport: Transport = (r) => async () => {
        // the first call of a credentials executor is the login: it hands out session one, then two
        if ('username' in auth && r.url.endsWith('/session'))
          return E.right({ status: 200, headers: { 'x-csrf-token': C1 }, body: JSON.stringify({ status: 200, session_id: S1 }) })
        return E.right({ status: 200, headers: {}, ...answer(r) } as HttpResponse)
      }
      const rejecting: Transport = (r) => () => Promise.reject(new Error(echo(r)))
      // the login itself fails with the echoing answer
      const refusing: Transport = (r) => async () => E.right({ status: 200, headers: {}, ...answer(r) } as HttpResponse)
      for (const t of [transport, rejecting, refusing]) {
        // a transport that never hands out a session: the executor cannot know S1 then
        known = t !== transport && 'username' in auth ? [PASSWORD, BASIC.slice(6)] : given
        const run = v1({ url: URL, auth, transport: t, onMeta: (m) => seen.push(JSON.stringify(m)) })
        for (const req of [TestResource.get(1), TestResource.post({ name: 'n' })]) {
          const e = unwrapLeft(await run(req as never)())
          seen.push(JSON.stringify(e))
        }
      }
    }
  }
  assert.ok(seen.length > 40)
  for (const shown of seen) for (const secret of secrets) assert.not.ok(shown.includes(secret), `leaks ${secret}: ${shown.slice(0, 300)}`)
})

test.run()
