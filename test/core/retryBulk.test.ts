// withRetry for long waits (issue 15): the default honours a Retry-After up to 60 s (interactive use), the BULK_RETRY
// preset up to Kayako's 600 s; each wait is reported through onRetry with what the server asked. An injected clock:
// nothing waits for real.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { BULK_RETRY, DEFAULT_MAX_RETRY_AFTER_MS, withRetry, type RetryEvent } from '../../src/core/policy'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { fakeClock } from '../support/clock'
import { fixture } from '../support/fixtures'
import { unwrap, unwrapLeft } from '../support/transport'

const GET: HttpRequest = { method: 'GET', url: 'https://h/api/v1/cases', headers: {}, operation: 'Case.all' }

/** Answers from a script (the last entry repeats), counting what it was sent. */
const scripted = (...script: ReadonlyArray<Partial<HttpResponse>>) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => () => {
    sent.push(request)
    const step = script[Math.min(sent.length - 1, script.length - 1)] ?? {}
    return Promise.resolve(E.right({ status: step.status ?? 200, headers: step.headers ?? {}, body: step.body ?? '' }))
  }
  return { transport, sent }
}

const limited = (seconds: number): Partial<HttpResponse> => ({
  status: 429,
  headers: { 'retry-after': String(seconds), 'content-type': 'application/json' },
  body: fixture('v1/errors.rate_limit_reached.json')
})

test('the default stays short: a Retry-After of 600 s is not waited for, the 429 comes back at once', async () => {
  assert.is(DEFAULT_MAX_RETRY_AFTER_MS, 60_000)
  const { clock, run, delays } = fakeClock()
  const { transport, sent } = scripted(limited(600), { status: 200 })
  const events: Array<RetryEvent> = []
  const answer = unwrap(await run(withRetry({ clock, onRetry: (e) => events.push(e) })(transport)(GET)))
  assert.equal([answer.status, sent.length, delays, events], [429, 1, [], []])
})

test('BULK_RETRY honours 600 s and reports the wait the server asked for', async () => {
  const { clock, run, delays } = fakeClock()
  const { transport, sent } = scripted(limited(600), limited(59), { status: 200 })
  const events: Array<RetryEvent> = []
  const started = clock.now()
  const answer = unwrap(await run(withRetry({ ...BULK_RETRY, clock, onRetry: (e) => events.push(e) })(transport)(GET)))
  assert.is(answer.status, 200)
  assert.is(sent.length, 3)
  assert.equal(delays, [600_000, 59_000])
  assert.is(clock.now() - started, 659_000)
  assert.equal(
    events.map((e) => [e.attempt, e.delayMs, e.retryAfterMs, e.reason]),
    [
      [1, 600_000, 600_000, 'HTTP 429'],
      [2, 59_000, 59_000, 'HTTP 429']
    ]
  )
})

test('BULK_RETRY: longer than 600 s is still not waited for; without Retry-After the backoff has no retryAfterMs', async () => {
  const over = fakeClock()
  const s = scripted(limited(601), { status: 200 })
  assert.is(unwrap(await over.run(withRetry({ ...BULK_RETRY, clock: over.clock })(s.transport)(GET))).status, 429)
  assert.is(s.sent.length, 1)
  const plain = fakeClock()
  const events: Array<RetryEvent> = []
  const p = scripted({ status: 503 }, { status: 200 })
  await plain.run(withRetry({ ...BULK_RETRY, clock: plain.clock, random: () => 0.5, onRetry: (e) => events.push(e) })(p.transport)(GET))
  assert.equal(
    events.map((e) => [e.delayMs, e.retryAfterMs]),
    [[100, undefined]]
  )
})

test('end to end: the v1 executor over the sandbox waits out a 600 s RATE_LIMIT_REACHED with BULK_RETRY', async () => {
  const sandbox = createV1Sandbox()
  let limitedOnce = 0
  // the sandbox answers, except the first data call, which a rate limit answers with Retry-After: 600
  const inner: Transport = (request) => async () => {
    if (request.url.includes('/cases') && limitedOnce++ === 0) {
      const l = limited(600)
      return E.right({ status: l.status ?? 429, headers: l.headers ?? {}, body: l.body ?? '' })
    }
    return E.right(await sandbox.handle(request))
  }
  const short = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: withRetry()(inner) })
  const refused = unwrapLeft(await short(Case.get(1))())
  assert.equal(refused._tag === 'ApiError' ? [refused.status, refused.errors[0]?.code] : refused, [429, 'RATE_LIMIT_REACHED'])
  limitedOnce = 0
  const { clock, run, delays } = fakeClock()
  const bulk = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: withRetry({ ...BULK_RETRY, clock })(inner), deadlineMs: Infinity })
  assert.is(unwrap(await run(() => bulk(Case.get(1))())).id, 1)
  assert.ok(delays.includes(600_000))
})

test.run()
