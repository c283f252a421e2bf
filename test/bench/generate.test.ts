// The benchmark generators stay decodable (so `npm run bench` measures real work, not an early failure): small
// documents of each kind decode through the client with the values the generators put in.
import * as E from 'fp-ts/Either'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import { pages } from '../../src/classic/internal/pages'
import * as User from '../../src/classic/User'
import * as Ticket from '../../src/classic/Ticket'
import type { Transport } from '../../src/core/http'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { withOptions } from '../../src/v1/internal/request'
import { ticketListXml, userPageXml, v1CaseListJson } from './generate'

const answering =
  (body: string): Transport =>
  () =>
  async () =>
    E.right({ status: 200, headers: {}, body })

const g = suite('bench generators')

g('a generated ticket list decodes: CDATA, entities, notes and posts', async () => {
  const text = ticketListXml(60_000)
  assert.is(text, ticketListXml(60_000), 'deterministic')
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport: answering(text) })
  const tickets = await run(Ticket.all({ departmentIds: [1] }))()
  if (E.isLeft(tickets)) throw new Error(JSON.stringify(tickets.left))
  assert.ok(tickets.right.length >= 5)
  const first = tickets.right[0]
  assert.is(first?.id, 1)
  assert.is(first?.displayId, 'ABC-101-10001')
  assert.match(first?.subject ?? '', / <urgent> & "quoted"$/)
  const posts = first?.posts
  assert.ok(posts !== undefined && posts._tag === 'Some' && posts.value.length >= 2)
  assert.ok((first?.notes.length ?? 0) >= 1)
})

g('generated user pages walk to the end', async () => {
  const transport: Transport = (request) => async () => {
    const route = decodeURIComponent(/[?&]e=([^&]*)/.exec(request.url)?.[1] ?? '')
    const [, marker, max] = /\/Base\/User\/Filter\/(\d+)\/(\d+)/.exec(route) ?? []
    const from = Number(marker)
    return E.right({ status: 200, headers: {}, body: userPageXml(from, Math.min(2500, from + Number(max) - 1)) })
  }
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })
  let users = 0
  for await (const page of pages(run)(User.everyPage({ pageSize: 1000 }))) {
    if (E.isLeft(page)) throw new Error(JSON.stringify(page.left))
    users += page.right.length
  }
  assert.is(users, 2500)
})

g('a generated v1 case list decodes in every letter case, flat resources resolved', async () => {
  for (const flat of [false, true]) {
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      const run = v1({ url: 'https://brewfictus.kayako.com', auth: { sessionId: 's' }, transport: answering(v1CaseListJson(30_000, letterCase, flat)) })
      const page = await run(withOptions({ case: letterCase, flat })(Case.all()))()
      if (E.isLeft(page)) throw new Error(`${letterCase} ${flat}: ${JSON.stringify(page.left)}`)
      const requester = page.right.items[0]?.requester as { _tag?: string; fullName?: string } | null | undefined
      assert.ok(page.right.items.length >= 5)
      assert.is(requester?._tag === 'Reference', !flat, `${letterCase} ${flat}`)
      if (flat) assert.is(requester?.fullName, 'User 2 Zoë')
    }
  }
})

g.run()
