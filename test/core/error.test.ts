import { test } from 'uvu'
import * as assert from 'uvu/assert'
import {
  causeText,
  describe,
  httpError,
  isSecretName,
  isTransient,
  redact,
  redactUrl,
  scrub,
  scrubError,
  SECRET_HEADERS,
  SECRET_PARAMS,
  transportError
} from '../../src/core/error'

test('redactUrl replaces credential parameters, keeps the rest', () => {
  assert.is(
    redactUrl('https://h/api/index.php?e=/Base/Department&apikey=K1&salt=S1&signature=a%2Bb%3D&title=x'),
    'https://h/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]&title=x'
  )
  assert.is(redactUrl('https://h/api/v1/cases'), 'https://h/api/v1/cases')
})

test('isSecretName: every credential parameter and header, in any case; not their neighbours', () => {
  for (const name of [...SECRET_PARAMS, ...SECRET_HEADERS]) {
    assert.ok(isSecretName(name), name)
    assert.ok(isSecretName(name.toUpperCase()), name)
  }
  for (const name of ['offset', 'session', 'x-options', 'content-type', 'accept', 'x-api-version', 'tokens', 'x_token', 'e'])
    assert.not.ok(isSecretName(name), name)
  // a credential parameter is redacted whatever its case, as a header is
  assert.is(redactUrl('https://h/?_Session_ID=S&X=1'), 'https://h/?_Session_ID=[redacted]&X=1')
})

test('redact drops the body and credential headers', () => {
  const r = redact({ method: 'POST', url: 'https://h/?x=1', headers: { Authorization: 'Basic abc', 'X-Session-ID': 's', accept: 'text/xml' } })
  assert.equal(r, { method: 'POST', url: 'https://h/?x=1', headers: { Authorization: '[redacted]', 'X-Session-ID': '[redacted]', accept: 'text/xml' } })
  assert.not.ok('body' in r)
})

test('scrub removes secrets and their URL-encoded forms', () => {
  assert.is(scrub('sig a+b/c= and a%2Bb%2Fc%3D', ['a+b/c=']), 'sig [redacted] and [redacted]')
  assert.is(scrub('abcde, xabcde', ['abcde']), '[redacted], xabcde', 'a short secret where it stands on its own')
  assert.is(scrub('offset=s&s=1', ['s']), 'offset=[redacted]&[redacted]=1')
  assert.is(scrub('xSECRET1x', ['SECRET1x']), 'x[redacted]', 'eight characters: everywhere')
  assert.is(scrub('user%3A%C3%85 and w4U= and xw4U=', ['Å']), 'user%3A[redacted] and [redacted] and xw4U=', 'after an escape; Base64')
  assert.is(scrub(JSON.stringify({ m: 'x "b\\ y' }), ['"b\\']), '{"m":"x [redacted] y"}', 'JSON-escaped')
  assert.is(scrub('ab+c d ab%2Bc%20d', ['ab+c d']), '[redacted] [redacted]', 'form- and URL-encoded')
  assert.is(scrub('XXXXXXXXXXXXSECRET-abc', ['SECRET-abcdef', 'XXXXXXXXXXXX']), '[redacted]SECRET-abc', 'no cut, no partial match')
  assert.is(scrub('excerpt SECRET-ab…', ['SECRET-abcdef']), 'excerpt [redacted]…', 'the beginning of a secret cut off')
  assert.is(scrub('x SECRET-ab0cd-SECRET x', ['SECRET-ab0', '0cd-SECRET']), 'x [redacted] x', 'overlapping secrets are merged')
})

test('scrubError reaches nested strings; the request is redacted by structure', () => {
  const e = scrubError(
    httpError('X.get', { method: 'GET', url: 'https://u:SECRET1@h/?apikey=SECRET1&x=1', headers: { 'x-otp': 'SECRET1' } }, 500, 'oops SECRET1'),
    ['SECRET1']
  )
  assert.not.ok(JSON.stringify(e).includes('SECRET1'))
  assert.is(e._tag === 'HttpError' && e.request.url, 'https://[redacted]@h/?apikey=[redacted]&x=1')
})

test('isTransient', () => {
  const req = { method: 'GET', url: 'u', headers: {} }
  assert.ok(isTransient(transportError('a', req, 'reset')))
  assert.ok(isTransient(httpError('a', req, 503, '')))
  assert.not.ok(isTransient(httpError('a', req, 403, '')))
})

test('causeText never trusts the thrown value', () => {
  assert.is(causeText(new TypeError('bad')), 'TypeError: bad')
  assert.is(causeText('plain'), 'plain')
  assert.is(causeText(42), 'non-Error thrown: 42')
  const hostile = {
    toString() {
      throw new Error('no')
    }
  }
  assert.is(causeText(hostile), 'unprintable thrown value')
})

test('describe gives one line per tag', () => {
  assert.is(describe(httpError('Department.get', { method: 'GET', url: 'u', headers: {} }, 503, '')), 'Department.get: HTTP 503')
})

test.run()
