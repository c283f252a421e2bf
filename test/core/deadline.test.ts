// The machinery under the executors' default deadline and the redirect rule, without sockets: withTimeout names the
// phase a transport reported last; fetchTransport asks fetch not to follow redirects and reports one it cannot see;
// followSameOriginRedirects follows GETs within their origin only.
import * as E from 'fp-ts/Either'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { describe, httpError, type KayakoError, type TransferPhase } from '../../src/core/error'
import { fetchTransportWith, followSameOriginRedirects, redirectMessage, type HttpRequest, type HttpResponse, type Transport } from '../../src/core/http'
import { withTimeout } from '../../src/core/policy'
import { fakeClock } from '../support/clock'

const GET: HttpRequest = {
  method: 'GET',
  url: 'https://h/api/index.php?e=/Base/Department&apikey=K&salt=S&signature=G',
  headers: {},
  operation: 'Department.all'
}

/** Reports the given phases at once, then never answers (until aborted: then a TransportError, as real transports). */
const stallingAfter =
  (phases: ReadonlyArray<TransferPhase>): Transport =>
  (request) =>
  () =>
    new Promise((resolve) => {
      for (const phase of phases) request.onPhase?.(phase)
      request.signal?.addEventListener('abort', () => resolve(E.left({ _tag: 'TransportError', operation: 'x', request, cause: 'aborted' })))
    })

const t = suite('deadline and redirects')

for (const [phases, cause, phase] of [
  [['connect'], 'timed out after 1000 ms, in the connect phase', 'connect'],
  [['connect', 'headers'], 'timed out after 1000 ms, in the headers phase', 'headers'],
  [['connect', 'headers', 'body'], 'timed out after 1000 ms, in the body phase', 'body']
] as const) {
  t(`withTimeout: a transport that reached ${phase} times out naming that phase`, async () => {
    const { clock, advance } = fakeClock()
    let result: E.Either<KayakoError, HttpResponse> | undefined
    void withTimeout(1000, { clock })(stallingAfter(phases))(GET)().then((r) => (result = r))
    await advance(1000)
    assert.equal(result, {
      _tag: 'Left',
      left: {
        _tag: 'TransportError',
        operation: 'Department.all',
        request: { method: 'GET', url: 'https://h/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]', headers: {} },
        cause,
        phase
      }
    })
  })
}

t('withTimeout: a deadline past what a timer holds (2^31 − 1 ms) is armed at that most, not at once', async () => {
  const delays: Array<number> = []
  const clock = { now: () => 0, setTimeout: (_: () => void, ms: number) => delays.push(ms), clearTimeout: () => undefined }
  const answered: Transport = () => () => Promise.resolve(E.right({ status: 200, headers: {}, body: '' }))
  const r = await withTimeout(30 * 24 * 3600 * 1000, { clock })(answered)(GET)()
  assert.ok(E.isRight(r))
  assert.equal(delays, [2 ** 31 - 1])
})

t('withTimeout: nested deadlines both hear the phases; a transport that reports none gets no phase', async () => {
  const { clock, advance } = fakeClock()
  let result: E.Either<KayakoError, HttpResponse> | undefined
  const nested = withTimeout(500, { clock })(withTimeout(1000, { clock })(stallingAfter(['connect', 'headers'])))
  void nested(GET)().then((r) => (result = r))
  await advance(500)
  assert.ok(result?._tag === 'Left' && result.left._tag === 'TransportError' && result.left.phase === 'headers', JSON.stringify(result))
  let silent: E.Either<KayakoError, HttpResponse> | undefined
  void withTimeout(100, { clock })(stallingAfter([]))(GET)().then((r) => (silent = r))
  await advance(100)
  assert.ok(silent?._tag === 'Left' && silent.left._tag === 'TransportError' && silent.left.cause === 'timed out after 100 ms' && !('phase' in silent.left))
})

t("fetchTransport asks fetch not to follow (redirect: 'manual') and returns the 3xx as it came", async () => {
  const inits: Array<Record<string, unknown> | undefined> = []
  const transport = fetchTransportWith(() => async (_url: string, init?: Record<string, unknown>) => {
    inits.push(init)
    return new Response('moved', { status: 308, headers: { location: 'https://elsewhere.example/' } })
  })
  const answer = await transport(GET)()
  assert.equal(answer, E.right({ status: 308, headers: { 'content-type': 'text/plain;charset=UTF-8', location: 'https://elsewhere.example/' }, body: 'moved' }))
  assert.is(inits[0]?.redirect, 'manual')
})

t('a runtime that hides the redirect (opaqueredirect, status 0): an HttpError that says so, never a Right', async () => {
  const transport = fetchTransportWith(() => async () => ({ type: 'opaqueredirect', status: 0, headers: new Headers(), body: null, text: async () => '' }))
  const left = (await transport(GET)()) as E.Left<KayakoError>
  assert.ok(
    left.left._tag === 'HttpError' && left.left.status === 0 && left.left.message?.startsWith('redirected (the runtime hides where), not followed') === true,
    JSON.stringify(left)
  )
})

t('redirectMessage: the five redirect codes with a Location, the Location redacted; describe shows it', () => {
  const location = 'https://other.example/api/index.php?e=/X&apikey=K&salt=S&signature=G'
  for (const status of [301, 302, 303, 307, 308]) {
    assert.is(
      redirectMessage({ status, headers: { location }, body: '' })?.startsWith(
        'redirected to https://other.example/api/index.php?e=/X&apikey=[redacted]&salt=[redacted]&signature=[redacted], not followed'
      ),
      true
    )
  }
  for (const status of [200, 300, 304, 404]) assert.is(redirectMessage({ status, headers: { location }, body: '' }), undefined)
  assert.is(redirectMessage({ status: 302, headers: {}, body: '' }), undefined)
  const e = httpError('Department.get', { method: 'GET', url: 'https://h/', headers: {} }, 301, '', 'redirected to x')
  assert.is(describe(e), 'Department.get: HTTP 301: redirected to x')
  assert.is(describe(httpError('Department.get', { method: 'GET', url: 'https://h/', headers: {} }, 503, '')), 'Department.get: HTTP 503')
})

t('followSameOriginRedirects: GETs within the origin (relative Locations too), at most max times; nothing else', async () => {
  const sent: Array<HttpRequest> = []
  const answers: Record<string, HttpResponse> = {
    'https://h/a': { status: 301, headers: { location: '/b' }, body: '' },
    'https://h/b': { status: 307, headers: { location: 'https://h/c' }, body: '' },
    'https://h/c': { status: 200, headers: {}, body: 'done' },
    'https://h/away': { status: 302, headers: { location: 'https://h:8443/x' }, body: '' },
    'https://h/loop': { status: 302, headers: { location: '/loop' }, body: '' },
    'https://h/bad': { status: 302, headers: { location: 'http://[' }, body: '' }
  }
  const base: Transport = (request) => async () => {
    sent.push(request)
    return E.right(answers[request.url] ?? { status: 404, headers: {}, body: '' })
  }
  const follow = followSameOriginRedirects(3)(base)
  assert.equal(await follow({ method: 'GET', url: 'https://h/a', headers: { x: '1' } })(), E.right(answers['https://h/c']))
  assert.equal(
    sent.map((r) => [r.method, r.url, r.headers]),
    [
      ['GET', 'https://h/a', { x: '1' }],
      ['GET', 'https://h/b', { x: '1' }],
      ['GET', 'https://h/c', { x: '1' }]
    ]
  )
  for (const [request, calls] of [
    [{ method: 'PUT', url: 'https://h/a', headers: {} }, 1],
    [{ method: 'GET', url: 'https://h/away', headers: {} }, 1],
    [{ method: 'GET', url: 'https://h/bad', headers: {} }, 1],
    [{ method: 'GET', url: 'https://h/loop', headers: {} }, 4]
  ] as const) {
    sent.length = 0
    const answer = await follow(request)()
    assert.ok(answer._tag === 'Right' && answer.right.status >= 300 && answer.right.status < 400, JSON.stringify(answer))
    assert.is(sent.length, calls, request.url)
  }
})

t.run()
