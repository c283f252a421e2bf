import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, Transport } from '../../src/core/http'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { collect, pages } from '../../src/v1/internal/paging'
import * as TestResource from '../../src/v1/Test'
import { unwrap, unwrapLeft } from '../support/transport'

const API = 'https://h/api/v1'

/** A server holding `total` tests; answers offset pages, or cursor pages (ascending ids) when asked with after_id. */
const server = (total: number, style: { readonly links: boolean; readonly cursor?: boolean }) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (r) => async () => {
    sent.push(r)
    const url = new URL(r.url)
    const limit = Number(url.searchParams.get('limit') ?? 10)
    const afterId = url.searchParams.get('after_id')
    const offset = style.cursor ? (afterId === null ? 0 : Number(afterId)) : Number(url.searchParams.get('offset') ?? 0)
    const ids = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i + 1)
    const body: Record<string, unknown> = {
      status: 200,
      data: ids.map((id) => ({ id, name: `t${id}`, resource_type: 'test' })),
      resource: 'test',
      total_count: total,
      limit
    }
    if (!style.cursor) body.offset = offset
    if (style.links) {
      const at = (o: number) => (style.cursor ? `${API}/tests.json?after_id=${o}&limit=${limit}` : `${API}/tests.json?offset=${o}&limit=${limit}`)
      if (offset + limit < total) body.next_url = at(offset + limit)
      body.last_url = at(Math.floor((total - 1) / limit) * limit)
      if (offset > 0) body.first_url = at(0)
    }
    return E.right({ status: 200, headers: {}, body: JSON.stringify(body) })
  }
  return { run: v1({ url: 'https://h', auth: { sessionId: 'S-0123456789' }, transport }), sent }
}

const offsets = (sent: ReadonlyArray<HttpRequest>) => sent.map((r) => new URL(r.url).search)

test('offset paging with next_url stops exactly at the end', async () => {
  for (const [total, expected] of [
    [25, ['?limit=10', '?offset=10&limit=10', '?offset=20&limit=10']],
    [20, ['?limit=10', '?offset=10&limit=10']],
    [0, ['?limit=10']]
  ] as const) {
    const { run, sent } = server(total, { links: true })
    const items = unwrap(await collect(run)(TestResource.all({ limit: 10 }))())
    assert.equal(
      items.map((t) => t.id),
      Array.from({ length: total }, (_, i) => i + 1)
    )
    assert.equal(offsets(sent), expected, `total ${total}`)
  }
})

test('offset paging without links uses total_count: no request past the end', async () => {
  const { run, sent } = server(20, { links: false })
  const items = unwrap(await collect(run)(TestResource.all({ limit: 10 }))())
  assert.is(items.length, 20)
  assert.equal(offsets(sent), ['?limit=10', '?offset=10&limit=10'])
})

test('cursor paging follows after_id from next_url, then from the last id', async () => {
  const linked = server(25, { links: true, cursor: true })
  const a = unwrap(await collect(linked.run)(TestResource.all({ limit: 10 }))())
  assert.equal(
    a.map((t) => t.id),
    Array.from({ length: 25 }, (_, i) => i + 1)
  )
  assert.equal(offsets(linked.sent), ['?limit=10', '?limit=10&after_id=10', '?limit=10&after_id=20'])
  const bare = server(30, { links: false, cursor: true })
  const b = unwrap(await collect(bare.run)(TestResource.all({ limit: 10 }))())
  assert.is(b.length, 30)
  assert.equal(offsets(bare.sent), ['?limit=10', '?limit=10&after_id=10', '?limit=10&after_id=20'])
})

test('case posts: the cursor argument replaces the other one', async () => {
  const { run, sent } = server(12, { links: true, cursor: true })
  const posts = Case.posts(7, { limit: 10, filters: ['MESSAGES', 'NOTES'] })
  const pageList: Array<number> = []
  for await (const p of pages(run)({ ...posts, decoder: TestResource.all().decoder })) pageList.push(unwrap(p).items.length)
  assert.equal(pageList, [10, 2])
  assert.equal(
    sent.map((r) => r.url),
    [`${API}/cases/7/posts?filters=MESSAGES,NOTES&limit=10`, `${API}/cases/7/posts?after_id=10&filters=MESSAGES,NOTES&limit=10`]
  )
})

test('pages are fetched on demand, and a failure ends the walk as a Left', async () => {
  const { run, sent } = server(100, { links: true })
  for await (const p of pages(run)(TestResource.all({ limit: 10 }))) {
    assert.is(unwrap(p).items.length, 10)
    break
  }
  assert.is(sent.length, 1)
  let calls = 0
  const flaky: Transport = () => async () => {
    calls++
    return calls === 1
      ? E.right({
          status: 200,
          headers: {},
          body: JSON.stringify({ status: 200, data: [{ id: 1 }], offset: 0, limit: 1, total_count: 3, next_url: `${API}/tests?offset=1&limit=1` })
        })
      : E.right({
          status: 429,
          headers: { 'retry-after': '59' },
          body: JSON.stringify({ status: 429, errors: [{ code: 'RATE_LIMIT_REACHED', message: 'The rate limit for this action was reached' }] })
        })
  }
  const e = unwrapLeft(await collect(v1({ url: 'https://h', auth: { sessionId: 'S-0123456789' }, transport: flaky }))(TestResource.all({ limit: 1 }))())
  assert.ok(e._tag === 'ApiError' && e.status === 429)
  assert.is(calls, 2)
})

test('a server that points at the same page again does not loop', async () => {
  let calls = 0
  const stuck: Transport = () => async () => {
    calls++
    return E.right({
      status: 200,
      headers: {},
      body: JSON.stringify({ status: 200, data: [{ id: 1 }], offset: 0, limit: 1, total_count: 9, next_url: `${API}/tests?offset=0&limit=1` })
    })
  }
  const items = unwrap(
    await collect(v1({ url: 'https://h', auth: { sessionId: 'S-0123456789' }, transport: stuck }))(TestResource.all({ offset: 0, limit: 1 }))()
  )
  assert.is(items.length, 1)
  assert.is(calls, 1)
})

test.run()
