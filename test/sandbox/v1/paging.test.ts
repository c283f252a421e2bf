import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fixture } from '../../support/fixtures'
import { call, login, makeSandbox, ORIGIN } from './support'

test('offset paging: following next_url from the first page visits every case (archived ones included) exactly once and stops at the end', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const everything = await call(sandbox, 'GET', 'cases?limit=1000&archived=1', s.read)
  const total = everything.json.total_count as number
  assert.is(total, 36)
  const expected = everything.json.data.map((c: { id: number }) => c.id)
  const seen: Array<number> = []
  let url: string | undefined = 'cases?limit=7&archived=1&_case=camel&fields=subject'
  let pages = 0
  while (url !== undefined) {
    const page = await call(sandbox, 'GET', url, s.read)
    assert.is(page.status, 200)
    assert.is(page.json.totalCount, total)
    seen.push(...page.json.data.map((c: { id: number }) => c.id))
    url = page.json.nextUrl
    pages++
    if (pages > 10) throw new Error('next_url does not end')
  }
  assert.is(pages, 6)
  assert.equal(seen, expected)
})

test('offset links: first page has next/last; middle pages first/previous/next/last; the last page no next (JSDK captures)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const first = await call(sandbox, 'GET', 'cases.json?status=NEW,OPEN,PENDING,COMPLETED,CLOSED&archived=1&limit=10', s.read)
  const q = 'status=NEW%2COPEN%2CPENDING%2CCOMPLETED%2CCLOSED&archived=1'
  assert.equal(
    [first.json.offset, first.json.limit, first.json.first_url, first.json.previous_url, first.json.next_url, first.json.last_url],
    [0, 10, undefined, undefined, `${ORIGIN}/api/v1/cases.json?${q}&offset=10&limit=10`, `${ORIGIN}/api/v1/cases.json?${q}&offset=30&limit=10`]
  )
  const middle = await call(sandbox, 'GET', 'cases?archived=1&offset=15&limit=10', s.read)
  assert.equal(
    [middle.json.first_url, middle.json.previous_url, middle.json.next_url, middle.json.last_url],
    [
      `${ORIGIN}/api/v1/cases.json?archived=1&offset=0&limit=10`,
      `${ORIGIN}/api/v1/cases.json?archived=1&offset=5&limit=10`,
      `${ORIGIN}/api/v1/cases.json?archived=1&offset=25&limit=10`,
      `${ORIGIN}/api/v1/cases.json?archived=1&offset=30&limit=10`
    ]
  )
  const last = await call(sandbox, 'GET', 'cases?archived=1&offset=30&limit=10', s.read)
  assert.is(last.json.data.length, 6)
  assert.is(last.json.next_url, undefined)
  const beyond = await call(sandbox, 'GET', 'cases?archived=1&offset=50', s.read)
  assert.equal([beyond.json.data, beyond.json.next_url, beyond.json.total_count], [[], undefined, 36])
  const single = await call(sandbox, 'GET', 'teams', s.read)
  assert.equal(Object.keys(single.json), ['status', 'data', 'resource', 'offset', 'limit', 'total_count'], 'one page: no links')
})

test('paging links never carry a session id or token given as an argument', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'GET', `cases?_session_id=${s.id}&limit=5`)
  assert.is(r.status, 200)
  assert.not.match(r.json.next_url, s.id)
  assert.not.match(r.json.next_url, '_session_id')
})

test('cursor paging of posts (newest first): after_id walks to older posts, before_id back; links use after_id/before_id', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  // Give case 1 enough posts for three pages.
  for (let i = 0; i < 6; i++) {
    const r = await call(sandbox, 'POST', 'cases/1/reply', s.write, JSON.stringify({ contents: `Reply ${i}` }))
    assert.is(r.status, 201)
  }
  const all = await call(sandbox, 'GET', 'cases/1/posts?limit=100', s.read)
  const ids = all.json.data.map((p: { id: number }) => p.id)
  assert.is(ids.length, 8)
  assert.equal(
    ids,
    [...ids].sort((a: number, b: number) => b - a),
    'newest first'
  )
  assert.equal(Object.keys(all.json), ['status', 'data', 'resource', 'limit', 'total_count'], 'no offset on a cursor collection')
  const seen: Array<number> = []
  let url: string | undefined = 'cases/1/posts?limit=3'
  while (url !== undefined) {
    const page = await call(sandbox, 'GET', url, s.read)
    seen.push(...page.json.data.map((p: { id: number }) => p.id))
    url = page.json.next_url
  }
  assert.equal(seen, ids)
  const second = await call(sandbox, 'GET', `cases/1/posts?limit=3&after_id=${ids[2]}`, s.read)
  assert.equal(
    second.json.data.map((p: { id: number }) => p.id),
    ids.slice(3, 6)
  )
  // The documented cursor-link form (tests.list.cursor_links.json): no `.json`, cursor first, `count` = total.
  assert.is(second.json.previous_url, `${ORIGIN}/api/v1/cases/1/posts?before_id=${ids[3]}&limit=3&count=${ids.length}`)
  const back = await call(sandbox, 'GET', second.json.previous_url, s.read)
  assert.equal(
    back.json.data.map((p: { id: number }) => p.id),
    ids.slice(0, 3)
  )
  const filtered = await call(sandbox, 'GET', 'cases/1/posts?filters=NOTES', s.read)
  assert.equal(filtered.json.data, [])
})

test('tests list: the page 11–20 of 25 has the docs’ example’s cursor links (tests.list.cursor_links.json)', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'tests?after_id=10')
  assert.equal(
    r.json.data.map((t: { id: number }) => t.id),
    [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
  )
  const example = JSON.parse(fixture('v1/tests.list.cursor_links.json'))
  assert.equal(Object.keys(r.json), Object.keys(example))
  assert.equal([r.json.limit, r.json.total_count], [example.limit, example.total_count])
  // The docs' links point at another host; path and arguments agree exactly (audit V1: no `.json`, `count` = total).
  for (const link of ['first_url', 'previous_url', 'next_url', 'last_url']) {
    assert.is(r.json[link].slice(ORIGIN.length), new URL(example[link]).pathname + new URL(example[link]).search, link)
  }
  const last = await call(sandbox, 'GET', r.json.last_url)
  assert.equal(
    last.json.data.map((t: { id: number }) => t.id),
    [21, 22, 23, 24, 25]
  )
  assert.is(last.json.next_url, undefined)
  const first = await call(sandbox, 'GET', r.json.first_url)
  assert.equal(
    first.json.data.map((t: { id: number }) => t.id),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  )
  const offset = await call(sandbox, 'GET', 'tests?offset=20')
  assert.equal([offset.json.offset, offset.json.data.length, offset.json.next_url], [20, 5, undefined])
})

test('unpaginated collections carry total_count only', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  for (const path of ['cases/statuses', 'cases/priorities', 'cases/types', 'cases/fields', 'cases/channels', 'cases/1/tags']) {
    const r = await call(sandbox, 'GET', path, s.read)
    assert.equal(Object.keys(r.json), ['status', 'data', 'resource', 'total_count'], path)
    assert.is(r.json.total_count, r.json.data.length, path)
  }
})

test.run()
