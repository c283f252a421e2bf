// Paging by the `Link` header (spec §2.6: seen in the Zammad importer, its URL percent-encoded twice) when the body
// names no next page, and by the body's links when it does (fixture tests.list.cursor_links.json).
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, Transport } from '../../src/core/http'
import * as E2 from '../../src/core/either'
import { test as testEntity } from '../../src/v1/internal/entities/test'
import { nextLink } from '../../src/v1/internal/link'
import { page } from '../../src/v1/internal/request'
import { v1 } from '../../src/v1/internal/executor'
import { collect, nextUrl } from '../../src/v1/internal/paging'
import * as TestResource from '../../src/v1/Test'
import { cheapest } from '../support/cpu'
import { fixture } from '../support/fixtures'
import { unwrap } from '../support/transport'
import { envelopeOf } from './support'

test('nextLink: the rel="next" target, decoded when its query is percent-encoded once or twice', () => {
  assert.is(nextLink('<https://x/api/v1/tests?after_id=20>; rel="next"'), 'https://x/api/v1/tests?after_id=20')
  assert.is(nextLink('<https://x/a?after_id%3D20%26limit%3D5>; rel=next'), 'https://x/a?after_id=20&limit=5')
  assert.is(nextLink('<https://x/a?after_id%253D20%2526limit%253D5>; rel="next"'), 'https://x/a?after_id=20&limit=5')
  assert.is(nextLink('<https://x/a?offset=0>; rel="prev", <https://x/a?offset=20>; rel="last next"'), 'https://x/a?offset=20')
  assert.is(nextLink('<https://x/a?offset=0>; rel="prev"'), null)
  assert.is(nextLink(undefined), null)
  assert.is(nextLink('garbage'), null)
})

test('nextLink reads a hostile header in linear time (256 KB of "<" took ~50 s when a match could run past a "<")', () => {
  const KB = 1024
  for (const header of ['<'.repeat(256 * KB), '<a'.repeat(128 * KB), `<a>${'; x'.repeat(80 * KB)}`, `<a>; rel="${' a'.repeat(128 * KB)}"`]) {
    const run = cheapest(500, () => nextLink(header))
    assert.is(run.value, null, header.slice(0, 10))
    assert.ok(run.cpuMs < 500, `${header.slice(0, 10)}… (${header.length} chars): ${run.cpuMs.toFixed(0)} ms of CPU`)
  }
  assert.is(nextLink(`${'<'.repeat(64 * KB)}<https://x/a?offset=20>; rel="next"`), 'https://x/a?offset=20')
})

test('nextUrl: the body’s next_url wins; the Link header (kept by page() as it came) fills in only when the body has none', () => {
  const nextOf = (document: unknown, link?: string) => {
    const envelope = envelopeOf(document)
    const decoded = page(testEntity).decode(link === undefined ? envelope : { ...envelope, link })
    return E2.isRight(decoded) ? nextUrl(decoded.right) : 'decode failed'
  }
  const withBody = JSON.parse(fixture('v1/tests.list.cursor_links.json')) as unknown
  assert.is(nextOf(withBody), 'http://v5.kayako.com/api/v1/tests?after_id=20&count=25')
  assert.is(nextOf(withBody, '<https://elsewhere/tests?after_id=99>; rel="next"'), 'http://v5.kayako.com/api/v1/tests?after_id=20&count=25')
  const bare = { status: 200, data: [], resource: 'test', limit: 10, total_count: 25 }
  assert.is(nextOf(bare), null)
  assert.is(nextOf(bare, '<https://x/api/v1/tests?after_id%3D10>; rel="next"'), 'https://x/api/v1/tests?after_id=10')
  const decoded = page(testEntity).decode({ ...envelopeOf(bare), link: '<https://x/a?offset=20>; rel="next"' })
  assert.equal(E2.isRight(decoded) && [decoded.right.links.next, decoded.right.link], [null, '<https://x/a?offset=20>; rel="next"'], 'links are the body’s')
  const plain = page(testEntity).decode(envelopeOf(bare))
  assert.is(E2.isRight(plain) && 'link' in plain.right, false, 'no Link header, no link field')
})

test('collect follows Link headers to the end (no body links, no total count)', async () => {
  const sent: Array<HttpRequest> = []
  const pageOf = (from: number, next: number | undefined) => ({
    status: 200,
    headers: { 'content-type': 'application/json', ...(next === undefined ? {} : { link: `<https://h/api/v1/tests?after_id%253D${next}>; rel="next"` }) },
    body: JSON.stringify({ status: 200, data: [1, 2].map((i) => ({ id: from + i, name: `T${from + i}`, resource_type: 'test' })), resource: 'test', limit: 2 })
  })
  const transport: Transport = (request) => async () => {
    sent.push(request)
    const after = /after_id=(\d+)/.exec(request.url)?.[1]
    return E.right(after === undefined ? pageOf(0, 2) : after === '2' ? pageOf(2, 4) : pageOf(4, undefined))
  }
  const run = v1({ url: 'https://h/api/v1', auth: { sessionId: 's3ss10n-1d-for-the-test' }, transport })
  const items = unwrap(await collect(run)(TestResource.all({ limit: 2 }))())
  assert.equal(
    items.map((t) => t.id),
    [1, 2, 3, 4, 5, 6]
  )
  assert.equal(
    sent.map((r) => r.url.replace('https://h/api/v1', '')),
    ['/tests?limit=2', '/tests?limit=2&after_id=2', '/tests?limit=2&after_id=4']
  )
})

test.run()
