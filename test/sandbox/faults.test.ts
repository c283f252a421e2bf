import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import type { HttpRequest, HttpResponse } from '../../src/core/http'
import { fetchTransport } from '../../src/core/http'
import { withTimeout } from '../../src/core/policy'
import { createSandbox, sandboxTransport, type Sandbox } from '../../src/sandbox/handler'
import { startSandbox } from '../../src/sandbox/server'
import { FAULT_KINDS, faultInjector, faultyTransport, routeOf, seededRandom, type FaultKind } from '../../src/sandbox/faults'
import { fakeClock } from '../support/clock'
import { fixture } from '../support/fixtures'
import { unwrap } from '../support/transport'

const LIST = fixture('classic/Department_ListAll.xml')
const request = (method: HttpRequest['method'], route: string): HttpRequest => ({
  method,
  url: `https://h/api/index.php?e=${route}&apikey=k`,
  headers: {},
  operation: 'test'
})

/** A stand-in for the sandbox handler: counts what it handled. */
const handler = () => {
  const handled: Array<string> = []
  const handle = async (r: HttpRequest): Promise<HttpResponse> => {
    handled.push(`${r.method} ${routeOf(r)}`)
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: LIST }
  }
  return { handle, handled }
}

test('routeOf: the Classic e= route, or the v1 path', () => {
  assert.is(routeOf(request('GET', '/Base/Department/5')), '/Base/Department/5')
  assert.is(routeOf({ method: 'GET', url: 'https://h/api/index.php?x=1&e=%2FBase%2FUser', headers: {} }), '/Base/User')
  assert.is(routeOf({ method: 'GET', url: 'https://h.kayako.com/api/v1/cases/5?include=user', headers: {} }), '/cases/5')
  assert.is(routeOf({ method: 'GET', url: 'http://127.0.0.1:8080/other/path', headers: {} }), '/other/path')
})

test('a script per route is followed in order, by method and route prefix; then the rate applies', () => {
  const injector = faultInjector({ script: { 'POST /Base/Department': ['503', 'none', 'reset'], '/Base/User': ['hang'] } })
  const post = request('POST', '/Base/Department')
  assert.equal([injector.next(post), injector.next(post), injector.next(post), injector.next(post)], ['503', undefined, 'reset', undefined])
  assert.is(injector.next(request('GET', '/Base/Department')), undefined, 'another method')
  assert.is(injector.next(request('GET', '/Base/UserGroup')), undefined, 'not below /Base/User')
  assert.is(injector.next(request('GET', '/Base/User/7')), 'hang')
  assert.is(injector.next(request('GET', '/Base/User/7')), undefined)
})

test('a rate draws faults reproducibly from the kinds given', () => {
  const draw = (seed: number) => {
    const injector = faultInjector({ rate: 0.3, seed, kinds: ['500', 'reset'] })
    return Array.from({ length: 2000 }, () => injector.next(request('GET', '/Base/Department')))
  }
  const faults = draw(7)
  assert.equal(faults, draw(7))
  assert.not.equal(faults, draw(8))
  const share = faults.filter((f) => f !== undefined).length / faults.length
  assert.ok(share > 0.25 && share < 0.35, String(share))
  assert.equal([...new Set(faults)].sort(), ['500', 'reset', undefined].sort())
})

test('seededRandom is uniform enough', () => {
  const random = seededRandom(42)
  const buckets = [0, 0, 0, 0]
  for (let i = 0; i < 4000; i++) {
    const bucket = Math.floor(random() * 4)
    buckets[bucket] = (buckets[bucket] ?? 0) + 1
  }
  for (const b of buckets) assert.ok(b > 900 && b < 1100, String(buckets))
})

/** Each fault once, through the real Classic executor (with a time-out for `hang` and `trickle`). */
test('each fault as the Classic executor sees it, and whether the sandbox handled the request', async () => {
  const outcomes: Record<string, string> = {}
  for (const fault of FAULT_KINDS) {
    const { clock, run } = fakeClock()
    const { handle, handled } = handler()
    const injector = faultInjector({ script: { '/Base/Department': [fault] }, clock, retryAfterSeconds: 3, trickle: { chunkBytes: 64, delayMs: 100 } })
    const transport = withTimeout(1000, { clock })(faultyTransport(handle, injector))
    const result = await run(classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })(Department.all()))
    outcomes[fault] = E.isRight(result)
      ? `Right ${result.right.length}`
      : `${result.left._tag}${result.left._tag === 'HttpError' ? ` ${result.left.status}` : ''}`
    assert.equal(
      injector.log.map((l) => [l.fault, l.handled]),
      [[fault, handled.length === 1]],
      fault
    )
  }
  assert.equal(outcomes, {
    reset: 'TransportError',
    hang: 'TransportError',
    '500': 'HttpError 500',
    '502': 'HttpError 502',
    '503': 'HttpError 503',
    '429': 'HttpError 429',
    html: 'ParseError',
    truncate: 'ParseError',
    notice: 'Right 2',
    trickle: 'TransportError'
  } satisfies Record<FaultKind, string>)
})

test('429 carries Retry-After; a trickle faster than the time-out arrives whole', async () => {
  const { clock, run } = fakeClock()
  const { handle } = handler()
  const injector = faultInjector({
    script: { '/Base/Department': ['429', 'trickle'] },
    clock,
    retryAfterSeconds: 3,
    trickle: { chunkBytes: 1024, delayMs: 10 }
  })
  const transport = faultyTransport(handle, injector)
  const limited = unwrap(await run(transport(request('GET', '/Base/Department'))))
  assert.equal([limited.status, limited.headers['retry-after']], [429, '3'])
  const started = clock.now()
  const slow = unwrap(await run(withTimeout(1000, { clock })(transport)(request('GET', '/Base/Department'))))
  assert.is(slow.body, LIST)
  assert.is(clock.now() - started, Math.ceil(LIST.length / 1024) * 10)
})

test('a truncated body declares its cut length', async () => {
  const { handle } = handler()
  const transport = faultyTransport(handle, faultInjector({ script: { '/Base/Department': ['truncate'] } }))
  const r = unwrap(await transport(request('GET', '/Base/Department'))())
  assert.is(r.body, LIST.slice(0, Math.floor(LIST.length / 2)))
  assert.is(r.headers['content-length'], String(r.body.length))
})

// ---------------------------------------------------------------------------------------------------------------
// Wired into the sandbox: `faults` on createSandbox, through sandboxTransport and over HTTP

const titles = async (sandbox: Sandbox): Promise<ReadonlyArray<string>> => {
  const all = await classic({
    url: 'http://sandbox/api/index.php',
    apiKey: sandbox.apiKey,
    secretKey: sandbox.secretKey,
    transport: sandboxTransport(sandbox)
  })(Department.all())()
  return unwrap(all).map((d) => d.title)
}

test('sandboxTransport: a POST stopped before the sandbox creates nothing; a damaged answer hides a creation', async () => {
  const sandbox = createSandbox({ faults: { script: { 'POST /Base/Department': ['reset', '503', 'truncate', 'none'] } } })
  const run = classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport: sandboxTransport(sandbox) })
  const tags: Array<string> = []
  for (const title of ['Reset', 'Unavailable', 'Truncated', 'Fine']) {
    const r = await run(Department.post({ title, type: 'public', app: 'tickets' }))()
    tags.push(E.isRight(r) ? 'Right' : r.left._tag)
  }
  assert.equal(tags, ['TransportError', 'HttpError', 'ParseError', 'Right'])
  const after = await titles(sandbox)
  assert.equal(
    ['Reset', 'Unavailable', 'Truncated', 'Fine'].filter((t) => after.includes(t)),
    ['Truncated', 'Fine']
  )
  assert.equal(
    sandbox.faults?.log.map((l) => [l.fault, l.handled, l.route]),
    [
      ['reset', false, '/Base/Department'],
      ['503', false, '/Base/Department'],
      ['truncate', true, '/Base/Department']
    ]
  )
})

test('over HTTP: every fault on a real socket, as fetch and the executor see it', async () => {
  const running = await startSandbox({
    faults: { script: { 'GET /Base/Department': [...FAULT_KINDS, 'none'] }, retryAfterSeconds: 2, trickle: { chunkBytes: 16, delayMs: 25 } }
  })
  try {
    const run = classic({ url: running.url, apiKey: running.apiKey, secretKey: running.secretKey, transport: withTimeout(400)(fetchTransport) })
    const outcomes: Record<string, string> = {}
    for (const fault of [...FAULT_KINDS, 'none']) {
      const result = await run(Department.all())()
      outcomes[fault] = E.isRight(result) ? 'Right' : `${result.left._tag}${result.left._tag === 'HttpError' ? ` ${result.left.status}` : ''}`
    }
    assert.equal(outcomes, {
      reset: 'TransportError',
      hang: 'TransportError',
      '500': 'HttpError 500',
      '502': 'HttpError 502',
      '503': 'HttpError 503',
      '429': 'HttpError 429',
      html: 'ParseError',
      truncate: 'ParseError',
      notice: 'Right',
      trickle: 'TransportError',
      none: 'Right'
    })
    assert.equal(
      running.sandbox.faults?.log.map((l) => l.fault),
      FAULT_KINDS
    )
  } finally {
    await running.close()
  }
})

test.run()
