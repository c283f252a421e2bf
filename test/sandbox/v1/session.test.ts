import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { basic, call, login, makeSandbox } from './support'

test('Basic auth opens a session: session_id in the body, X-CSRF-Token in the headers, the session resource as data', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'session.json', {
    Authorization: basic(sandbox.credentials.username, sandbox.credentials.password),
    'User-Agent': 'kayako-fp-test'
  })
  assert.is(r.status, 200)
  assert.match(r.json.session_id, /^[A-Za-z0-9]{80}$/)
  assert.match(r.headers['x-csrf-token']!, /^[A-Za-z0-9]{72}$/)
  assert.is(r.json.data.id, r.json.session_id, 'the session resource is the new session')
  assert.is(r.json.data.user.id, 1)
  assert.is(r.json.data.user_agent, 'kayako-fp-test')
  assert.is(r.json.resource, 'session')
  assert.is(r.headers['x-api-version'], '1')
})

test('the session id authenticates later calls through X-Session-ID or _session_id, without credentials', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const viaHeader = await call(sandbox, 'GET', 'me', s.read)
  assert.is(viaHeader.status, 200)
  assert.is(viaHeader.json.data.full_name, 'Charlotte Küchler')
  assert.is(viaHeader.json.session_id, undefined, 'session_id only on the response that created the session')
  assert.is(viaHeader.headers['x-csrf-token'], undefined)
  const viaArgument = await call(sandbox, 'GET', `me?_session_id=${s.id}`)
  assert.is(viaArgument.json.data.id, 1)
  const test1 = await call(sandbox, 'GET', 'tests/1', s.read)
  assert.is(test1.json.data.authentication_scheme, 'SESSION')
  assert.is(test1.json.data.session_id, s.id)
})

test('CSRF: a write with the session but without (or with a wrong) X-CSRF-Token is CSRF_FAILED; with it, it passes', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const body = JSON.stringify({ name: 'From a test' })
  for (const headers of [s.read, { ...s.read, 'X-CSRF-Token': 'wrong' }]) {
    const r = await call(sandbox, 'POST', 'tests', headers, body)
    assert.is(r.status, 403)
    assert.is(r.json.errors[0].code, 'CSRF_FAILED')
  }
  const put = await call(sandbox, 'PUT', 'session/ack', s.read)
  assert.is(put.json.errors[0].code, 'CSRF_FAILED', 'PUT needs it too')
  const del = await call(sandbox, 'DELETE', 'tests/1', s.read)
  assert.is(del.json.errors[0].code, 'CSRF_FAILED', 'DELETE needs it too')
  const ok = await call(sandbox, 'POST', 'tests', s.write, body)
  assert.is(ok.status, 201)
  assert.is(ok.json.data.name, 'From a test')
  const read = await call(sandbox, 'GET', 'tests/1', s.read)
  assert.is(read.status, 200, 'reads never need the token')
})

test('X-CSRF: false on the login creates a session without CSRF protection', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'session', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password), 'X-CSRF': 'false' })
  assert.is(r.headers['x-csrf-token'], undefined)
  const write = await call(sandbox, 'POST', 'tests', { 'X-Session-ID': r.json.session_id }, '{"name":"no csrf"}')
  assert.is(write.status, 201)
})

test('a Basic-authenticated write needs no CSRF token (the request authenticates itself)', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'POST', 'tests', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) }, '{"name":"x"}')
  assert.is(r.status, 201)
  assert.type(r.json.session_id, 'string')
})

test('an idle session expires (clock) and then answers 454 SESSION_LOADING_FAILED; re-authenticating gives a new one', async () => {
  const { sandbox, clock } = makeSandbox({ sessionTtlSeconds: 60 })
  const s = await login(sandbox)
  clock.advance(59_000)
  assert.is((await call(sandbox, 'GET', 'me', s.read)).status, 200, 'activity keeps it alive')
  clock.advance(59_000)
  assert.is((await call(sandbox, 'GET', 'me', s.read)).status, 200)
  clock.advance(61_000)
  const expired = await call(sandbox, 'GET', 'me', s.read)
  assert.is(expired.status, 454)
  assert.equal(
    expired.json.errors.map((e: { code: string }) => e.code),
    ['SESSION_LOADING_FAILED']
  )
  const again = await login(sandbox)
  assert.is.not(again.id, s.id)
  assert.is((await call(sandbox, 'GET', 'me', again.read)).status, 200)
})

test('expireSessions() ends every session; an unknown session id is 454 too', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  sandbox.expireSessions()
  assert.is((await call(sandbox, 'GET', 'cases', s.read)).status, 454)
  assert.is((await call(sandbox, 'GET', 'cases', { 'X-Session-ID': 'nope' })).status, 454)
})

test('DELETE /session logs out: the id no longer loads', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const out = await call(sandbox, 'DELETE', 'session.json', s.write)
  assert.equal(out.json, { status: 200 })
  assert.is((await call(sandbox, 'GET', 'me', s.read)).status, 454)
})

test('wrong credentials are 401 AUTHENTICATION_FAILED; repeated failures lock the login with 429 + Retry-After', async () => {
  const { sandbox, clock } = makeSandbox({ maxLoginFailures: 3, lockSeconds: 120 })
  const wrong = { Authorization: basic(sandbox.credentials.username, 'not-it') }
  for (let i = 0; i < 3; i++) {
    const r = await call(sandbox, 'GET', 'me', wrong)
    assert.is(r.status, 401)
    assert.is(r.json.errors[0].code, 'AUTHENTICATION_FAILED')
  }
  const locked = await call(sandbox, 'GET', 'me', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) })
  assert.is(locked.status, 429)
  assert.is(locked.json.errors[0].code, 'AUTHENTICATION_LOCKED')
  assert.is(locked.headers['retry-after'], '120')
  clock.advance(100_000)
  assert.is(
    (await call(sandbox, 'GET', 'me', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) })).headers['retry-after'],
    '20'
  )
  clock.advance(20_000)
  assert.is((await call(sandbox, 'GET', 'me', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) })).status, 200)
  const unknown = await call(sandbox, 'GET', 'me', { Authorization: basic('nobody@example.com', 'x') })
  assert.is(unknown.status, 401)
  const garbage = await call(sandbox, 'GET', 'me', { Authorization: 'Basic %%%' })
  assert.is(garbage.status, 401)
})

test('no credentials on a staff route: 401 AUTHORIZATION_REQUIRED; public routes answer anonymously', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'cases')
  assert.is(r.status, 401)
  assert.is(r.json.errors[0].code, 'AUTHORIZATION_REQUIRED')
  const t = await call(sandbox, 'GET', 'tests/1')
  assert.equal(Object.keys(t.json.data), ['id', 'name', 'authentication_scheme', 'resource_type', 'resource_url'])
  assert.is(t.json.data.authentication_scheme, 'NONE')
  assert.is((await call(sandbox, 'GET', 'cases/statuses')).status, 200)
})

test('roles: a customer may not list cases, an agent may not read business hours (403 PERMISSIONS_DENIED)', async () => {
  const { sandbox } = makeSandbox()
  const customer = await login(sandbox, sandbox.accounts.customer)
  const c = await call(sandbox, 'GET', 'cases', customer.read)
  assert.is(c.status, 403)
  assert.is(c.json.errors[0].code, 'PERMISSIONS_DENIED')
  assert.is((await call(sandbox, 'GET', 'me', customer.read)).json.data.full_name, 'Caryn Pryor')
  const agent = await login(sandbox, sandbox.accounts.agent)
  assert.is((await call(sandbox, 'GET', 'cases', agent.read)).status, 200)
  const hours = await call(sandbox, 'GET', 'businesshours', agent.read)
  assert.is(hours.status, 403)
  assert.is(hours.json.errors[0].code, 'PERMISSIONS_DENIED')
})

test('an expired password: 403 CREDENTIAL_EXPIRED + auth_token; PUT /profile/password with X-Token sets a new one', async () => {
  const { sandbox } = makeSandbox()
  const who = sandbox.accounts.expiredPassword
  const first = await call(sandbox, 'GET', 'session', { Authorization: basic(who.username, who.password) })
  assert.is(first.status, 403)
  assert.is(first.json.errors[0].code, 'CREDENTIAL_EXPIRED')
  assert.match(first.json.auth_token, /^[A-Za-z0-9]{80}$/)
  assert.is(first.json.session_id, undefined)
  const other = await call(sandbox, 'GET', 'me', { 'X-Token': first.json.auth_token })
  assert.is(other.status, 401, 'the token serves the password step only')
  const first2 = await call(sandbox, 'GET', 'session', { Authorization: basic(who.username, who.password) })
  const update = await call(sandbox, 'PUT', 'profile/password.json', { 'X-Token': first2.json.auth_token }, 'new_password=fresh-secret-1')
  assert.is(update.status, 200)
  assert.is(update.json.notifications[0].type, 'SUCCESS')
  assert.is((await call(sandbox, 'GET', 'me', { Authorization: basic(who.username, who.password) })).status, 401)
  const now = await call(sandbox, 'GET', 'me', { Authorization: basic(who.username, 'fresh-secret-1') })
  assert.is(now.status, 200)
  assert.is(now.json.data.full_name, 'Mia Schultz')
})

test('two-factor: 403 OTP_EXPECTED + auth_token + INFO notification; X-Token + X-OTP completes the login', async () => {
  const { sandbox } = makeSandbox()
  const who = sandbox.accounts.twoFactor
  const first = await call(sandbox, 'GET', 'session', { Authorization: basic(who.username, who.password) })
  assert.is(first.status, 403)
  assert.is(first.json.errors[0].code, 'OTP_EXPECTED')
  assert.equal(first.json.notifications, [{ type: 'INFO', message: 'Two-factor authentication is enabled for your account' }])
  const wrong = await call(sandbox, 'GET', 'session', { 'X-Token': first.json.auth_token, 'X-OTP': '000000' })
  assert.is(wrong.status, 401)
  const ok = await call(sandbox, 'GET', 'session', { 'X-Token': first.json.auth_token, 'X-OTP': who.otp })
  assert.is(ok.status, 200)
  assert.type(ok.json.session_id, 'string')
  assert.type(ok.headers['x-csrf-token'], 'string')
  const reused = await call(sandbox, 'GET', 'session', { 'X-Token': first.json.auth_token, 'X-OTP': who.otp })
  assert.is(reused.status, 401, 'a step token works once')
})

test('bearer token (OAuth): no session, no CSRF; an unknown token is AUTHENTICATION_FAILED', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'POST', 'tests', { Authorization: `Bearer ${sandbox.bearerToken}` }, '{"name":"oauth"}')
  assert.is(r.status, 201)
  assert.is(r.json.data.authentication_scheme, 'OAUTH')
  assert.is(r.json.session_id, undefined)
  const bad = await call(sandbox, 'GET', 'me', { Authorization: 'Bearer nope' })
  assert.is(bad.status, 401)
  assert.is(bad.json.errors[0].code, 'AUTHENTICATION_FAILED')
})

test('X-Session-ID and _session_id that disagree are PARAMETERS_INCONSISTENT; a session of another user next to credentials is 454', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'GET', `me?_session_id=other`, s.read)
  assert.is(r.status, 400)
  assert.equal([r.json.errors[0].code, r.json.errors[0].parameter], ['PARAMETERS_INCONSISTENT', '_session_id'])
  const agent = sandbox.accounts.agent
  const mixed = await call(sandbox, 'GET', 'me', { ...s.read, Authorization: basic(agent.username, agent.password) })
  assert.is(mixed.status, 454)
  const same = await call(sandbox, 'GET', 'me', { ...s.read, Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) })
  assert.is(same.status, 200)
  assert.is(same.json.session_id, undefined, 'the caller’s own session is reused')
})

test('logging in again with Basic while a session exists adds the docs’ NOTICE log', async () => {
  const { sandbox } = makeSandbox()
  await login(sandbox)
  const again = await call(sandbox, 'GET', 'me', { Authorization: basic(sandbox.credentials.username, sandbox.credentials.password) })
  assert.equal(again.json.logs, [
    { level: 'NOTICE', message: 'To avoid long delays instead of supplying username and password with each request use just the session id' }
  ])
})

test('session ids and tokens are deterministic for a seed and differ between seeds', async () => {
  const a = await login(makeSandbox({ seed: 7 }).sandbox)
  const b = await login(makeSandbox({ seed: 7 }).sandbox)
  const c = await login(makeSandbox({ seed: 8 }).sandbox)
  assert.equal([a.id, a.csrf], [b.id, b.csrf])
  assert.is.not(a.id, c.id)
})

test.run()
