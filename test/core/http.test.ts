import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fetchTransport, fetchTransportWith } from '../../src/core/http'
import { unwrap, unwrapLeft } from '../support/transport'

const request = { method: 'POST' as const, url: 'http://h/api/index.php?e=/X&apikey=K&salt=S&signature=G', headers: { a: 'b' }, body: 'x=1' }

test('fetchTransport looks the global fetch up at call time and calls it unbound', async () => {
  const original = globalThis.fetch
  const calls: Array<unknown> = []
  globalThis.fetch = function (this: unknown, url: unknown, init: unknown) {
    calls.push([this, url, init])
    return Promise.resolve(new Response('<ok/>', { status: 201, headers: { 'X-Thing': 'v' } }))
  }
  try {
    const r = unwrap(await fetchTransport(request)())
    assert.equal(r, { status: 201, headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-thing': 'v' }, body: '<ok/>' })
    const [self, url, init] = calls[0] as [unknown, string, { method: string; body: string; headers: Record<string, string> }]
    assert.is(self, undefined)
    assert.is(url, request.url)
    assert.equal([init.method, init.body, init.headers], ['POST', 'x=1', { a: 'b' }])
  } finally {
    globalThis.fetch = original
  }
})

test('without a global fetch, fetchTransport loads cross-fetch and sends through it', async () => {
  const { createServer } = await import('node:http')
  const server = createServer((req, res) => res.end(`<seen method="${req.method ?? ''}"/>`))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const original = globalThis.fetch
  // @ts-expect-error: a runtime without fetch
  delete globalThis.fetch
  try {
    const r = unwrap(await fetchTransport({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} })())
    assert.equal([r.status, r.body], [200, '<seen method="GET"/>'])
    assert.is(globalThis.fetch, undefined, 'the fallback is not installed globally')
  } finally {
    globalThis.fetch = original
    server.close()
  }
})

test('a failing fetch is a TransportError with a redacted request', async () => {
  const t = fetchTransportWith(() => () => Promise.reject(new TypeError('fetch failed')))
  const e = unwrapLeft(await t(request)())
  assert.equal(e, {
    _tag: 'TransportError',
    operation: 'request',
    request: { method: 'POST', url: 'http://h/api/index.php?e=/X&apikey=[redacted]&salt=[redacted]&signature=[redacted]', headers: { a: 'b' } },
    cause: 'TypeError: fetch failed'
  })
})

test.run()
