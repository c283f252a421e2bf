import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fixture } from '../../support/fixtures'
import { call, keyShape, login, makeSandbox } from './support'

const codes = (r: { json: { errors: Array<{ code: string }> } }) => r.json.errors.map((e) => e.code)

test('FIELD_REQUIRED: the body equals the docs’ example (errors.field_required.json)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'POST', 'identities/emails', s.write, JSON.stringify({ user_id: 2 }))
  assert.is(r.status, 400)
  assert.equal(r.json, JSON.parse(fixture('v1/errors.field_required.json')))
})

test('FIELD_INVALID has the fixture’s shape (errors.field_invalid.json)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'PUT', 'users/2', s.write, JSON.stringify({ agent_case_access: 'SOMETIMES' }))
  assert.is(r.status, 400)
  assert.equal(keyShape(r.json), keyShape(JSON.parse(fixture('v1/errors.field_invalid.json'))))
  assert.equal(r.json.errors[0], {
    code: 'FIELD_INVALID',
    parameter: 'agent_case_access',
    message: 'The value of the field is invalid',
    more_info: 'https://developer.kayako.com/api/v1/reference/errors/FIELD_INVALID'
  })
})

test('SESSION_LOADING_FAILED and RATE_LIMIT_REACHED bodies equal the fixtures; CREDENTIAL_EXPIRED has its shape', async () => {
  const { sandbox } = makeSandbox({ rateLimitPerMinute: 1 })
  const lost = await call(sandbox, 'GET', 'cases', { 'X-Session-ID': 'gone' })
  assert.is(lost.status, 454)
  assert.equal(lost.json, JSON.parse(fixture('v1/errors.session_loading_failed.json')))
  const limited = await call(sandbox, 'GET', 'tests')
  assert.is(limited.status, 429)
  assert.equal(limited.json, JSON.parse(fixture('v1/errors.rate_limit_reached.json')))
  const { sandbox: other } = makeSandbox()
  const expired = await call(other, 'GET', 'session', {
    Authorization: `Basic ${btoa(`${other.accounts.expiredPassword.username}:${other.accounts.expiredPassword.password}`)}`
  })
  const expected = JSON.parse(fixture('v1/errors.credential_expired.json'))
  assert.equal(keyShape(expired.json), keyShape(expected))
  assert.equal(expired.json.errors, expected.errors)
})

test('field errors are collected, not stopped at the first: FIELD_REQUIRED, FIELD_INVALID, FIELD_EMPTY together', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'POST', 'cases', s.write, JSON.stringify({ subject: '   ', requester_id: 999, channel: 'PIGEON' }))
  assert.is(r.status, 400)
  assert.equal(
    r.json.errors.map((e: { code: string; parameter: string }) => `${e.code} ${e.parameter}`),
    ['FIELD_EMPTY subject', 'FIELD_REQUIRED contents', 'FIELD_INVALID requester_id', 'FIELD_INVALID channel']
  )
})

test('FIELD_DUPLICATE, FIELD_REDUNDANT, ANY_FIELD_REQUIRED (parameters), ONE_FIELD_EXPECTED (parameters)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const dup = await call(sandbox, 'POST', 'users', s.write, JSON.stringify({ full_name: 'Copy', role_id: 4, email: sandbox.accounts.agent.username }))
  assert.equal([dup.status, dup.json.errors[0].code, dup.json.errors[0].parameter], [400, 'FIELD_DUPLICATE', 'email'])
  const redundant = await call(
    sandbox,
    'POST',
    'cases',
    s.write,
    JSON.stringify({ subject: 'a', contents: 'b', requester_id: 2, channel: 'NOTE', channel_id: 'x' })
  )
  assert.equal(codes(redundant), ['FIELD_REDUNDANT'])
  assert.is(redundant.json.errors[0].parameter, 'channel_id')
  const any = await call(sandbox, 'POST', 'identities/phones', s.write, JSON.stringify({ number: '+44 20 7946 0000' }))
  assert.equal(any.json.errors[0], {
    code: 'ANY_FIELD_REQUIRED',
    parameters: ['user_id', 'organization_id'],
    message: 'This action requires any of the related fields to be specified',
    more_info: 'https://developer.kayako.com/api/v1/reference/errors/ANY_FIELD_REQUIRED'
  })
  const both = await call(sandbox, 'GET', 'cases/1/posts?after_id=1&before_id=2', s.read)
  assert.is(both.status, 400)
  assert.equal([both.json.errors[0].code, both.json.errors[0].parameters], ['ONE_FIELD_EXPECTED', ['after_id', 'before_id']])
})

test('a field error inside a map carries a pointer (field_values)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'PUT', 'cases/1', s.write, JSON.stringify({ field_values: { product: '99' } }))
  assert.equal(r.json.errors[0].pointer, '/product')
  assert.equal(r.json.errors[0].parameter, 'field_values')
})

test('RESOURCE_NOT_FOUND 404, RESOURCE_ACTION_NOT_AVAILABLE 400, METHOD_NOT_SUPPORTED 405, APP_NOT_FOUND 400', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const cases: Array<[string, string, number, string]> = [
    ['GET', 'cases/9999', 404, 'RESOURCE_NOT_FOUND'],
    ['GET', 'users/9999.json', 404, 'RESOURCE_NOT_FOUND'],
    ['GET', 'cases/1/frobnicate', 400, 'RESOURCE_ACTION_NOT_AVAILABLE'],
    ['GET', 'cases/abc', 400, 'RESOURCE_ACTION_NOT_AVAILABLE'],
    ['PATCH', 'cases/1', 405, 'METHOD_NOT_SUPPORTED'],
    ['DELETE', 'cases/statuses', 405, 'METHOD_NOT_SUPPORTED'],
    ['GET', 'nonsense/things', 400, 'APP_NOT_FOUND']
  ]
  for (const [method, path, status, code] of cases) {
    const r = await call(sandbox, method as 'GET', path, { ...s.write })
    assert.is(r.status, status, `${method} ${path}`)
    assert.equal(codes(r), [code], `${method} ${path}`)
    assert.is(r.json.status, status)
  }
  const outside = await call(sandbox, 'GET', 'http://127.0.0.1:4321/somewhere/else')
  assert.is(outside.status, 404)
})

test('a body that is not JSON, or JSON that is not an object, is 400 with a log line; never a crash', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  for (const body of ['{"subject": ', '[1,2]', '"text"']) {
    const r = await call(sandbox, 'POST', 'cases', s.write, body)
    assert.is(r.status, 400, body)
    assert.equal(codes(r), ['FIELD_INVALID'])
    assert.is(r.json.logs[0].level, 'ERROR')
  }
  const multipart = await call(sandbox, 'POST', 'cases', { ...s.write, 'Content-Type': 'multipart/form-data; boundary=x' }, '--x\r\n')
  assert.is(multipart.status, 400)
  assert.match(multipart.json.logs[0].message, /POST \/api\/v1\/files/)
})

test('the request URL may be relative; weird but valid paths do not crash', async () => {
  const { sandbox } = makeSandbox()
  const r = await sandbox.handle({ method: 'GET', url: '/api/v1/tests/1.json', headers: {} })
  assert.is(JSON.parse(r.body).data.resource_url, 'http://127.0.0.1/api/v1/tests/1')
  const odd = await sandbox.handle({ method: 'GET', url: '/api/v1/%E0%A4%A/tests', headers: {} })
  assert.is(odd.status, 400)
})

test('RESOURCE_MODIFIED: PUT with a stale If-Match is 412; the current ETag passes; If-None-Match gives 304', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const first = await call(sandbox, 'GET', 'cases/1', s.read)
  const etag = first.headers.etag!
  assert.match(etag, /^"[0-9a-f]{16}"$/)
  const notModified = await call(sandbox, 'GET', 'cases/1', { ...s.read, 'If-None-Match': etag })
  assert.equal([notModified.status, notModified.text], [304, ''])
  const changed = await call(sandbox, 'PUT', 'cases/1', { ...s.write, 'If-Match': etag }, JSON.stringify({ subject: 'Changed once' }))
  assert.is(changed.status, 200)
  const stale = await call(sandbox, 'PUT', 'cases/1', { ...s.write, 'If-Match': etag }, JSON.stringify({ subject: 'Changed twice' }))
  assert.is(stale.status, 412)
  assert.equal(codes(stale), ['RESOURCE_MODIFIED'])
  assert.is((await call(sandbox, 'GET', 'cases/1', s.read)).json.data.subject, 'Changed once')
})

test('bad option values are FIELD_INVALID on the option', async () => {
  const { sandbox } = makeSandbox()
  for (const [query, parameter] of [
    ['_case=kebab', '_case'],
    ['_flat=maybe', '_flat'],
    ['_empty=perhaps', '_empty'],
    ['fields=title(', 'fields'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset']
  ]) {
    const r = await call(sandbox, 'GET', `tests?${query}`)
    assert.is(r.status, 400, query)
    assert.equal([r.json.errors[0].code, r.json.errors[0].parameter], ['FIELD_INVALID', parameter], query)
  }
})

test('a fault inside the sandbox answers 500 ACTION_FAILED with a log line, never a rejected promise', async () => {
  const { sandbox } = makeSandbox({
    now: () => {
      throw new Error('clock broke')
    }
  })
  const r = await sandbox.handle({ method: 'GET', url: '/api/v1/tests', headers: {} })
  assert.is(r.status, 500)
  const body = JSON.parse(r.body)
  assert.is(body.errors[0].code, 'ACTION_FAILED')
  assert.match(body.logs[0].message, /clock broke/)
})

test.run()
