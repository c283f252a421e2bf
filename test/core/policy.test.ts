import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { inspect } from 'node:util'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { KayakoError } from '../../src/core/error'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import {
  isRetryableOutcome,
  retryAfterMs,
  retryBudget,
  secretsOf,
  withConcurrency,
  withLogger,
  withRetry,
  withTimeout,
  type Clock,
  type HttpLogEntry,
  type RetryEvent
} from '../../src/core/policy'
import { fakeClock, settle } from '../support/clock'
import { unwrap, unwrapLeft } from '../support/transport'

type Outcome = Partial<HttpResponse> | 'reset' | { readonly throws: unknown } | { readonly takesMs: number; readonly then?: Partial<HttpResponse> }

/** A transport that answers from a script (the last entry repeats) and records every request it was sent. */
const scripted = (clock: Clock, ...script: ReadonlyArray<Outcome>) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => () => {
    sent.push(request)
    const step = script[Math.min(sent.length - 1, script.length - 1)] ?? {}
    if (step === 'reset') return Promise.resolve(E.left(reset(request)))
    if ('throws' in step) throw step.throws
    const respond = (r: Partial<HttpResponse>) => E.right({ status: r.status ?? 200, headers: r.headers ?? {}, body: r.body ?? '' })
    if ('takesMs' in step) {
      return new Promise((resolve) => clock.setTimeout(() => resolve(respond(step.then ?? {})), step.takesMs))
    }
    return Promise.resolve(respond(step))
  }
  return { transport, sent }
}

const reset = (request: HttpRequest): KayakoError => ({
  _tag: 'TransportError',
  operation: request.operation ?? 'request',
  request: { method: request.method, url: request.url, headers: {} },
  cause: 'Error: read ECONNRESET'
})

const GET: HttpRequest = {
  method: 'GET',
  url: 'https://h/api/index.php?e=/Base/Department&apikey=K&salt=S&signature=G',
  headers: {},
  operation: 'Department.all'
}
const POST: HttpRequest = { method: 'POST', url: 'https://h/api/index.php?e=/Base/Department', headers: {}, body: 'title=x', operation: 'Department.post' }

const statusOf = (sent: E.Either<KayakoError, HttpResponse>): number | string => (E.isRight(sent) ? sent.right.status : sent.left._tag)

// ---------------------------------------------------------------------------------------------------------------
// withRetry

test('retry: transient statuses are retried until a success; attempts are numbered', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 503 }, { status: 502 }, { status: 200, body: 'ok' })
  const result = await run(withRetry({ clock, random: () => 0 })(transport)(GET))
  assert.is(unwrap(result).body, 'ok')
  assert.equal(
    sent.map((r) => r.attempt),
    [1, 2, 3]
  )
  assert.equal(
    sent.map((r) => r.url),
    [GET.url, GET.url, GET.url]
  )
})

test('retry: each of 408 429 500 502 503 504 and a TransportError is retried; 400 401 404 501 are not', async () => {
  for (const first of [{ status: 408 }, { status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }, 'reset'] as const) {
    const { clock, run } = fakeClock()
    const { transport, sent } = scripted(clock, first, { status: 200 })
    assert.is(statusOf(await run(withRetry({ clock, random: () => 0 })(transport)(GET))), 200, JSON.stringify(first))
    assert.is(sent.length, 2)
  }
  for (const status of [400, 401, 404, 501]) {
    const { clock, run } = fakeClock()
    const { transport, sent } = scripted(clock, { status }, { status: 200 })
    assert.is(statusOf(await run(withRetry({ clock })(transport)(GET))), status)
    assert.is(sent.length, 1)
  }
})

test('retry: after maxAttempts the last answer is returned as it is', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 503, body: 'busy' })
  const result = await run(withRetry({ clock, maxAttempts: 4, random: () => 0 })(transport)(GET))
  assert.equal(unwrap(result), { status: 503, headers: {}, body: 'busy' })
  assert.is(sent.length, 4)
  const { transport: failing } = scripted(clock, 'reset')
  assert.is(unwrapLeft(await run(withRetry({ clock, random: () => 0 })(failing)(GET)))._tag, 'TransportError')
})

test('retry: POST and PATCH are not retried by default', async () => {
  for (const method of ['POST', 'PATCH'] as const) {
    const { clock, run } = fakeClock()
    const { transport, sent } = scripted(clock, 'reset', { status: 200 })
    assert.is(statusOf(await run(withRetry({ clock })(transport)({ ...POST, method }))), 'TransportError')
    assert.is(sent.length, 1)
  }
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    const { clock, run } = fakeClock()
    const { transport, sent } = scripted(clock, 'reset', { status: 200 })
    assert.is(statusOf(await run(withRetry({ clock, random: () => 0 })(transport)({ ...GET, method }))), 200)
    assert.is(sent.length, 2)
  }
})

test('retry: a caller opts a POST in with `retryable`', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 503 }, { status: 200 })
  const retryable = (r: HttpRequest) => r.method !== 'POST' || r.operation === 'Department.post'
  assert.is(statusOf(await run(withRetry({ clock, retryable, random: () => 0 })(transport)(POST))), 200)
  assert.is(sent.length, 2)
  assert.is(sent[1]?.body, 'title=x')
  const other = scripted(clock, { status: 503 }, { status: 200 })
  assert.is(statusOf(await run(withRetry({ clock, retryable })(other.transport)({ ...POST, operation: 'Ticket.post' }))), 503)
  assert.is(other.sent.length, 1)
  // A throwing predicate means "do not repeat".
  const third = scripted(clock, { status: 503 }, { status: 200 })
  const throwing = () => {
    throw new Error('bad predicate')
  }
  assert.is(statusOf(await run(withRetry({ clock, retryable: throwing })(third.transport)(GET))), 503)
})

test('retry: retryOn widens what is retried (an HTML page with a 200)', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(
    clock,
    { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' },
    { status: 200, body: '<?xml?>' }
  )
  const retryOn = (r: E.Either<KayakoError, HttpResponse>) => isRetryableOutcome(r) || (E.isRight(r) && r.right.headers['content-type'] === 'text/html')
  assert.is(unwrap(await run(withRetry({ clock, retryOn, random: () => 0 })(transport)(GET))).body, '<?xml?>')
  assert.is(sent.length, 2)
  const plain = scripted(clock, { status: 200, headers: { 'content-type': 'text/html' } }, { status: 200 })
  await run(withRetry({ clock })(plain.transport)(GET))
  assert.is(plain.sent.length, 1, 'not by default')
})

test('retry: capped exponential backoff with full jitter', async () => {
  const { clock, run, delays } = fakeClock()
  const { transport } = scripted(clock, 'reset')
  await run(withRetry({ clock, maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 })(transport)(GET))
  // ceilings 100, 200, 400, 800, 1000 (capped), 1000, 1000; half of each
  assert.equal(delays, [50, 100, 200, 400, 500, 500, 500])
  const high = fakeClock()
  await high.run(withRetry({ clock: high.clock, maxAttempts: 3, baseDelayMs: 100, random: () => 0.999 })(scripted(high.clock, 'reset').transport)(GET))
  assert.equal(high.delays, [99, 199])
  const low = fakeClock()
  await low.run(withRetry({ clock: low.clock, maxAttempts: 3, random: () => 0 })(scripted(low.clock, 'reset').transport)(GET))
  assert.equal(low.delays, [0, 0])
})

test('retry: Retry-After in seconds is honoured exactly', async () => {
  const { clock, run, delays } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 429, headers: { 'retry-after': '7' } }, { status: 200 })
  const started = clock.now()
  assert.is(statusOf(await run(withRetry({ clock, random: () => 0.5 })(transport)(GET))), 200)
  assert.equal(delays, [7000])
  assert.is(clock.now() - started, 7000)
  assert.is(sent.length, 2)
})

test('retry: Retry-After as an HTTP date is honoured; a past date means no wait', async () => {
  const { clock, run, delays } = fakeClock(Date.UTC(2026, 10, 22, 18, 0, 0))
  const in30s = new Date(Date.UTC(2026, 10, 22, 18, 0, 30)).toUTCString()
  assert.is(in30s, 'Sun, 22 Nov 2026 18:00:30 GMT')
  const past = 'Sun, 22 Nov 2026 17:00:00 GMT'
  const { transport, sent } = scripted(
    clock,
    { status: 503, headers: { 'retry-after': in30s } },
    { status: 503, headers: { 'retry-after': past } },
    { status: 200 }
  )
  assert.is(statusOf(await run(withRetry({ clock })(transport)(GET))), 200)
  assert.equal(delays, [30_000, 0])
  assert.is(sent.length, 3)
})

test('retry: a Retry-After beyond the cap ends retrying with the answer as it is', async () => {
  const { clock, run, delays } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 429, headers: { 'retry-after': '3600' } }, { status: 200 })
  const result = await run(withRetry({ clock, maxRetryAfterMs: 60_000 })(transport)(GET))
  assert.equal(unwrap(result), { status: 429, headers: { 'retry-after': '3600' }, body: '' })
  assert.is(sent.length, 1)
  assert.equal(delays, [])
  // at the cap exactly: honoured
  const atCap = fakeClock()
  const s = scripted(atCap.clock, { status: 429, headers: { 'retry-after': '60' } }, { status: 200 })
  assert.is(statusOf(await atCap.run(withRetry({ clock: atCap.clock })(s.transport)(GET))), 200)
  assert.equal(atCap.delays, [60_000])
})

test('retry: an unreadable Retry-After falls back to backoff', async () => {
  const { clock, run, delays } = fakeClock()
  const { transport } = scripted(clock, { status: 503, headers: { 'retry-after': 'soon' } }, { status: 200 })
  await run(withRetry({ clock, baseDelayMs: 100, random: () => 0.5 })(transport)(GET))
  assert.equal(delays, [50])
})

test('retryAfterMs reads both forms', () => {
  const now = Date.UTC(2015, 9, 21, 7, 28, 0)
  assert.is(retryAfterMs('120', now), 120_000)
  assert.is(retryAfterMs(' 0 ', now), 0)
  assert.is(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', now), 10_000)
  assert.is(retryAfterMs('Wednesday, 21-Oct-15 07:28:05 GMT', now), 5_000)
  assert.is(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now), 0)
  assert.is(retryAfterMs('-5', now), undefined)
  assert.is(retryAfterMs('1.5', now), undefined)
  assert.is(retryAfterMs('', now), undefined)
  assert.is(retryAfterMs(undefined, now), undefined)
})

test('retry: the budget is shared by requests and, once spent, stops retries', async () => {
  const { clock, run } = fakeClock()
  const budget = retryBudget({ initial: 2, perRequest: 0 })
  const { transport, sent } = scripted(clock, 'reset')
  const retrying = withRetry({ clock, budget, maxAttempts: 5, random: () => 0 })(transport)
  await run(retrying(GET))
  assert.is(sent.length, 3, 'two retries from the reserve')
  await run(retrying(GET))
  assert.is(sent.length, 4, 'no retry left for the second request')
  assert.is(budget.remaining(), 0)
})

test('retry budget: requests earn retries, up to the maximum', () => {
  const budget = retryBudget({ initial: 0, perRequest: 0.2, max: 2 })
  assert.is(budget.withdraw(), false)
  for (let i = 0; i < 5; i++) budget.deposit()
  assert.is(budget.remaining(), 1)
  assert.is(budget.withdraw(), true)
  assert.is(budget.withdraw(), false)
  for (let i = 0; i < 100; i++) budget.deposit()
  assert.is(budget.remaining(), 2)
})

test('retry: an abort during the wait stops at once with the last answer', async () => {
  const { clock, advance } = fakeClock()
  const { transport, sent } = scripted(clock, { status: 503 }, { status: 200 })
  const controller = new AbortController()
  const pending = withRetry({ clock, baseDelayMs: 1000, random: () => 0.5 })(transport)({ ...GET, signal: controller.signal })()
  await advance(100)
  controller.abort(new Error('shutting down'))
  assert.is(statusOf(await pending), 503)
  assert.is(sent.length, 1)
})

test('retry: a transport that throws a non-Error is a TransportError, and retried', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(clock, { throws: 'a string' }, { throws: { weird: true } }, { throws: null })
  const e = unwrapLeft(await run(withRetry({ clock, random: () => 0 })(transport)(GET)))
  assert.is(sent.length, 3)
  assert.equal([e._tag, e._tag === 'TransportError' ? e.cause : ''], ['TransportError', 'non-Error thrown: null'])
  assert.is(
    e._tag === 'TransportError' ? e.request.url : '',
    'https://h/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]'
  )
})

test('retry: onRetry hears of every wait, with the redacted request', async () => {
  const { clock, run } = fakeClock()
  const events: Array<RetryEvent> = []
  const { transport } = scripted(clock, 'reset', { status: 429, headers: { 'retry-after': '2' } }, { status: 200 })
  await run(withRetry({ clock, random: () => 0.5, baseDelayMs: 100, onRetry: (e) => events.push(e) })(transport)(GET))
  assert.equal(
    events.map((e) => [e.attempt, e.delayMs, e.reason, e.operation]),
    [
      [1, 50, 'Error: read ECONNRESET', 'Department.all'],
      [2, 2000, 'HTTP 429', 'Department.all']
    ]
  )
  assert.not.match(JSON.stringify(events), /apikey=K|salt=S|signature=G/)
})

// ---------------------------------------------------------------------------------------------------------------
// withTimeout

test('timeout: fires at the deadline, aborts the signal with a TimeoutError, and ignores a late answer', async () => {
  const { clock, advance, pending } = fakeClock()
  const { transport, sent } = scripted(clock, { takesMs: 5000, then: { status: 200 } })
  let result: E.Either<KayakoError, HttpResponse> | undefined
  void withTimeout(1000, { clock })(transport)(GET)().then((r) => (result = r))
  await advance(999)
  assert.is(result, undefined)
  assert.is(sent[0]?.signal?.aborted, false)
  await advance(1)
  const e = unwrapLeft(result ?? E.right({ status: 0, headers: {}, body: '' }))
  assert.equal(e, {
    _tag: 'TransportError',
    operation: 'Department.all',
    request: { method: 'GET', url: 'https://h/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]', headers: {} },
    cause: 'timed out after 1000 ms'
  })
  assert.is(sent[0]?.signal?.aborted, true)
  assert.is((sent[0]?.signal?.reason as DOMException).name, 'TimeoutError')
  await advance(10_000)
  assert.is(unwrapLeft(result ?? E.right(null))._tag, 'TransportError', 'the late answer changed nothing')
  assert.is(pending(), 0)
})

test('timeout: a prompt answer passes and the timer is cleared', async () => {
  const { clock, run, pending } = fakeClock()
  const { transport } = scripted(clock, { takesMs: 999, then: { status: 201 } })
  assert.is(statusOf(await run(withTimeout(1000, { clock })(transport)(GET))), 201)
  assert.is(pending(), 0)
})

test("timeout: the caller's own signal still aborts, and an aborted one sends nothing", async () => {
  const { clock, advance } = fakeClock()
  const { transport, sent } = scripted(clock, { takesMs: 5000 })
  const controller = new AbortController()
  let result: E.Either<KayakoError, HttpResponse> | undefined
  void withTimeout(1000, { clock })(transport)({ ...GET, signal: controller.signal })().then((r) => (result = r))
  await advance(10)
  controller.abort(new Error('user left'))
  await settle()
  const e = unwrapLeft(result ?? E.right(null))
  assert.is(e._tag === 'TransportError' ? e.cause : '', 'aborted: Error: user left')
  assert.is(sent[0]?.signal?.aborted, true)
  const before = sent.length
  const again = unwrapLeft(await withTimeout(1000, { clock })(transport)({ ...GET, signal: controller.signal })())
  assert.is(again._tag === 'TransportError' ? again.cause : '', 'aborted before sending: Error: user left')
  assert.is(sent.length, before)
})

test('timeout inside retry: each attempt gets its own deadline', async () => {
  const { clock, run } = fakeClock()
  const { transport, sent } = scripted(clock, { takesMs: 60_000 }, { takesMs: 60_000 }, { takesMs: 10, then: { status: 200 } })
  const t = pipe(transport, withTimeout(1000, { clock }), withRetry({ clock, random: () => 0 }))
  assert.is(statusOf(await run(t(GET))), 200)
  assert.is(sent.length, 3)
})

test('timeout: a transport that throws synchronously is a TransportError', async () => {
  const { clock } = fakeClock()
  const { transport } = scripted(clock, { throws: 42 })
  const e = unwrapLeft(await withTimeout(1000, { clock })(transport)(GET)())
  assert.is(e._tag === 'TransportError' ? e.cause : '', 'non-Error thrown: 42')
})

// ---------------------------------------------------------------------------------------------------------------
// withLogger

const recorder = () => {
  const lines: Array<{ level: string; args: ReadonlyArray<unknown> }> = []
  const at =
    (level: string) =>
    (...args: ReadonlyArray<unknown>) =>
      void lines.push({ level, args })
  return { logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines }
}

test('logger: one structured line per attempt, with status, time and attempt', async () => {
  const { clock, run } = fakeClock()
  const { logger, lines } = recorder()
  const { transport } = scripted(clock, { takesMs: 30, then: { status: 503 } }, 'reset', { takesMs: 12, then: { status: 200 } })
  await run(pipe(transport, withLogger(logger, { clock }), withRetry({ clock, random: () => 0 }))(GET))
  const url = 'https://h/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]'
  const base = { event: 'kayako.http', operation: 'Department.all', method: 'GET', url }
  assert.equal(
    lines.map((l) => [l.level, ...l.args]),
    [
      ['warn', { ...base, ms: 30, attempt: 1, status: 503 }, 'Department.all GET 503 in 30 ms (attempt 1)'],
      ['error', { ...base, ms: 0, attempt: 2, error: 'Error: read ECONNRESET' }, 'Department.all GET failed (Error: read ECONNRESET) in 0 ms (attempt 2)'],
      ['info', { ...base, ms: 12, attempt: 3, status: 200 }, 'Department.all GET 200 in 12 ms (attempt 3)']
    ]
  )
})

test('logger: the level is configurable and a throwing logger changes nothing', async () => {
  const { clock } = fakeClock()
  const { logger, lines } = recorder()
  const { transport } = scripted(clock, { status: 200 })
  await withLogger(logger, { clock, level: (e: HttpLogEntry) => (e.status === 200 ? 'debug' : 'warn') })(transport)(GET)()
  assert.equal(
    lines.map((l) => l.level),
    ['debug']
  )
  const boom = () => {
    throw new Error('disk full')
  }
  const result = await withLogger({ debug: boom, info: boom, warn: boom, error: boom })(transport)(GET)()
  assert.is(statusOf(result), 200)
})

const SECRETS = {
  apiKey: 'APIKEY-7f3a9c1e-d00d',
  salt: 'SALT-q8w7e6r5t4y3',
  signature: 'SIG+abc/def==XYZ123',
  password: 'Pa55word-Hunter2!',
  sessionId: 'SESSION-aa11bb22cc33',
  csrf: 'CSRF-zz99yy88xx77'
}

test('logger: no credential reaches a line, even when the failure quotes them', async () => {
  const { clock } = fakeClock()
  const { logger, lines } = recorder()
  const enc = encodeURIComponent
  const requests: ReadonlyArray<HttpRequest> = [
    { ...GET, url: `https://h/api/index.php?e=/X&apikey=${enc(SECRETS.apiKey)}&salt=${SECRETS.salt}&signature=${enc(SECRETS.signature)}` },
    { ...POST, body: `title=x&apikey=${enc(SECRETS.apiKey)}&salt=${SECRETS.salt}&signature=${enc(SECRETS.signature)}` },
    {
      method: 'POST',
      url: 'https://h/api/v1/cases',
      headers: {
        authorization: `Basic ${btoa(`admin@example.com:${SECRETS.password}`)}`,
        'X-Session-ID': SECRETS.sessionId,
        'X-CSRF-Token': SECRETS.csrf
      },
      body: JSON.stringify({ subject: 'hi', password: SECRETS.password })
    }
  ]
  for (const request of requests) {
    const leaky: Transport = (r) => () => {
      throw new Error(
        `connect failed for ${r.url} ${String(r.body)} ${JSON.stringify(r.headers)} ${decodeURIComponent(r.url)} ${decodeURIComponent(String(r.body))}`
      )
    }
    await withLogger(logger, { clock })(leaky)(request)()
    await withLogger(logger, { clock })(scripted(clock, { status: 500 }).transport)(request)()
  }
  assert.is(lines.length, 6)
  for (const line of lines) {
    for (const text of [JSON.stringify(line.args), String(line.args[1]), inspect(line.args, { depth: 10 })]) {
      for (const secret of Object.values(SECRETS)) {
        assert.not.ok(text.includes(secret) || text.includes(encodeURIComponent(secret)), `${secret} in ${text}`)
      }
    }
  }
  assert.match(String(lines[0]?.args[1]), /connect failed/)
})

test('secretsOf finds credentials in the query, a form, multipart, JSON and headers', () => {
  const found = secretsOf({
    method: 'POST',
    url: 'https://h/?e=/X&apikey=A%2BB',
    headers: { 'x-session-id': 'S1', Authorization: `Basic ${btoa('u:p@ss')}` },
    body: '--b\r\nContent-Disposition: form-data; name="signature"\r\n\r\nSIG\r\n--b--'
  })
  for (const s of ['A%2BB', 'A+B', 'S1', 'SIG', 'u:p@ss', 'p@ss']) assert.ok(found.includes(s), s)
})

// ---------------------------------------------------------------------------------------------------------------
// withConcurrency

/** A transport whose requests finish only when the test says so. */
const gated = () => {
  const started: Array<string> = []
  const release = new Map<string, () => void>()
  let inFlight = 0
  let maxInFlight = 0
  const transport: Transport = (request) => () =>
    new Promise((resolve) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      started.push(request.url)
      release.set(request.url, () => {
        inFlight--
        resolve(E.right({ status: 200, headers: {}, body: request.url }))
      })
    })
  return { transport, started, finish: (url: string) => release.get(url)?.(), max: () => maxInFlight, inFlight: () => inFlight }
}

test('concurrency: at most n in flight; the rest start in arrival order', async () => {
  const g = gated()
  const limited = withConcurrency(3)(g.transport)
  const urls = Array.from({ length: 10 }, (_, i) => `u${i}`)
  const results = urls.map((url) => limited({ ...GET, url })())
  await settle()
  assert.equal(g.started, ['u0', 'u1', 'u2'])
  // finish out of order: the slot goes to the longest-waiting request
  g.finish('u1')
  await settle()
  assert.equal(g.started, ['u0', 'u1', 'u2', 'u3'])
  g.finish('u2')
  g.finish('u0')
  await settle()
  assert.equal(g.started, ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'])
  for (let i = 3; i < 10; i++) {
    g.finish(`u${i}`)
    await settle()
    assert.ok(g.inFlight() <= 3)
  }
  const bodies = (await Promise.all(results.map((r) => r))).map((r) => unwrap(r).body)
  assert.equal(bodies, urls)
  assert.equal(g.started, urls)
  assert.is(g.max(), 3)
})

test('concurrency: a waiting request that is aborted leaves the queue', async () => {
  const g = gated()
  const limited = withConcurrency(1)(g.transport)
  const controller = new AbortController()
  const first = limited({ ...GET, url: 'a' })()
  const second = limited({ ...GET, url: 'b', signal: controller.signal })()
  const third = limited({ ...GET, url: 'c' })()
  await settle()
  controller.abort(new Error('gave up'))
  const e = unwrapLeft(await second)
  assert.is(e._tag === 'TransportError' ? e.cause : '', 'aborted while waiting for a free slot: Error: gave up')
  g.finish('a')
  await settle()
  g.finish('c')
  assert.equal([unwrap(await first).body, unwrap(await third).body], ['a', 'c'])
  assert.equal(g.started, ['a', 'c'])
})

test('concurrency: a slot is freed when the transport throws; a limit below 1 counts as 1', async () => {
  const { clock } = fakeClock()
  const limited = withConcurrency(0)(scripted(clock, { throws: new Error('boom') }, { status: 200 }).transport)
  const results = await Promise.all([limited(GET)(), limited(GET)()])
  assert.equal(results.map(statusOf), ['TransportError', 200])
})

test.run()
