import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import { byOffset, collect, pages, type PageResult, type PageStream } from '../../src/classic/internal/pages'
import * as User from '../../src/classic/User'
import { getRequest } from '../../src/classic/internal/request'
import { many, requiredAttrInt, struct, text } from '../../src/classic/internal/xml'
import type { HttpResponse, Transport } from '../../src/core/http'
import { unwrap, unwrapLeft } from '../support/transport'

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n'

const usersXml = (ids: ReadonlyArray<number>) =>
  `${XML}<users>\n${ids
    .map((id) => `<user>\n<id><![CDATA[${id}]]></id>\n<fullname><![CDATA[User ${id}]]></fullname>\n<email><![CDATA[u${id}@example.com]]></email>\n</user>\n`)
    .join('')}</users>`

const ticketsXml = (ids: ReadonlyArray<number>) =>
  `${XML}<tickets>\n${ids.map((id) => `<ticket id="${id}" flagtype="0">\n<subject><![CDATA[T${id}]]></subject>\n</ticket>\n`).join('')}</tickets>`

/** A transport serving routes through a function; records every route (`e=`) it was asked for. */
const server = (answer: (route: string, call: number) => Partial<HttpResponse>) => {
  const routes: Array<string> = []
  const transport: Transport = (request) => async () => {
    const route = new URL(request.url).searchParams.get('e') ?? ''
    routes.push(route)
    const r = answer(route, routes.length)
    return E.right({ status: r.status ?? 200, headers: {}, body: r.body ?? '' })
  }
  const run = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'key', secretKey: 'secret', transport })
  return { run, routes }
}

/** Users with ids 1..n, every third id missing (deleted users leave gaps). */
const userIds = (n: number) => Array.from({ length: n }, (_, i) => i + 1 + Math.floor(i / 2))

const userServer = (ids: ReadonlyArray<number>, failOnCall?: number) =>
  server((route, call) => {
    if (call === failOnCall) return { status: 503, body: 'Service Unavailable' }
    const m = /^\/Base\/User\/Filter\/(\d+)\/(\d+)$/.exec(route)
    if (m === null) return { status: 400, body: `unexpected route ${route}` }
    const [marker, max] = [Number(m[1]), Number(m[2])]
    return { body: usersXml(ids.filter((id) => id >= marker).slice(0, max)) }
  })

const pagesOf = async <A>(stream: PageStream<A>): Promise<Array<PageResult<A>>> => {
  const out: Array<PageResult<A>> = []
  for await (const page of stream) out.push(page)
  return out
}

const sizes = <A>(pages: ReadonlyArray<PageResult<A>>) => pages.map((p) => (E.isRight(p) ? p.right.length : p.left._tag))

test('User.everyPage: markers follow the last id + 1; a short last page ends the walk', async () => {
  const ids = userIds(25)
  const { run, routes } = userServer(ids)
  const walked = await pagesOf(pages(run)(User.everyPage({ pageSize: 10 })))
  assert.equal(sizes(walked), [10, 10, 5])
  assert.equal(routes, ['/Base/User/Filter/1/10', `/Base/User/Filter/${(ids[9] as number) + 1}/10`, `/Base/User/Filter/${(ids[19] as number) + 1}/10`])
  assert.equal(
    walked.flatMap((p) => unwrap(p).map((u) => u.id)),
    ids
  )
})

test('User.everyPage: a total that is a multiple of the page size ends with one empty request, not yielded', async () => {
  const { run, routes } = userServer(userIds(20))
  assert.equal(sizes(await pagesOf(pages(run)(User.everyPage({ pageSize: 10 })))), [10, 10])
  assert.is(routes.length, 3)
})

test('User.everyPage: no users → one request, no page; collect → []', async () => {
  const { run, routes } = userServer([])
  assert.equal(await pagesOf(pages(run)(User.everyPage({ pageSize: 10 }))), [])
  assert.equal(unwrap(await collect(run)(User.everyPage({ pageSize: 10 }))()), [])
  assert.is(routes.length, 2)
})

test('collect(User.everyPage()): every user in order, with the default page size of 1000 and a start marker', async () => {
  const ids = userIds(1200)
  const { run, routes } = userServer(ids)
  const users = unwrap(await collect(run)(User.everyPage())())
  assert.equal(
    users.map((u) => u.id),
    ids
  )
  assert.equal(routes, ['/Base/User/Filter/1/1000', `/Base/User/Filter/${(ids[999] as number) + 1}/1000`])
  const from = userServer(ids)
  assert.equal(unwrap(await collect(from.run)(User.everyPage({ marker: 1700, pageSize: 1000 }))()).length, ids.filter((id) => id >= 1700).length)
  assert.equal(from.routes, ['/Base/User/Filter/1700/1000'])
})

test('User.everyPage: an error is the last page and stops the walk; collect surfaces it', async () => {
  const { run, routes } = userServer(userIds(45), 2)
  const walked = await pagesOf(pages(run)(User.everyPage({ pageSize: 10 })))
  assert.equal(sizes(walked), [10, 'HttpError'])
  assert.is(routes.length, 2)
  const again = userServer(userIds(45), 3)
  const error = unwrapLeft(await collect(again.run)(User.everyPage({ pageSize: 10 }))())
  assert.equal([error._tag, again.routes.length], ['HttpError', 3])
})

test('User.everyPage: invalid options are a ValidationError before any request', async () => {
  const { run, routes } = userServer(userIds(5))
  const [only, ...rest] = await pagesOf(pages(run)(User.everyPage({ pageSize: 1001, marker: 0 })))
  const error = unwrapLeft(only as PageResult<unknown>)
  assert.equal([error._tag, error._tag === 'ValidationError' ? error.issues.map((i) => i.path) : []], ['ValidationError', ['pageSize', 'marker']])
  assert.equal([rest, routes], [[], []])
})

test('User.everyPage: a server that does not advance ends the walk with a DecodeError instead of looping', async () => {
  const { run, routes } = server(() => ({ body: usersXml([1, 2]) }))
  const walked = await pagesOf(pages(run)(User.everyPage({ pageSize: 2 })))
  assert.equal(sizes(walked), [2, 2, 'DecodeError'])
  assert.is(routes.length, 2)
})

test('a stream is lazy and re-iterable: breaking early sends no further request', async () => {
  const { run, routes } = userServer(userIds(25))
  const stream = pages(run)(User.everyPage({ pageSize: 10 }))
  assert.is(routes.length, 0, 'nothing before iteration')
  for await (const page of stream) {
    assert.ok(E.isRight(page))
    break
  }
  assert.is(routes.length, 1)
  assert.equal(sizes(await pagesOf(stream)), [10, 10, 5])
  assert.is(routes.length, 4)
})

// Offset paging, as Ticket.all does it: a request builder stands in for Ticket.all.
const ticket = struct('ticket', { id: requiredAttrInt('id'), subject: text('subject') })
const tickets = many('tickets', 'ticket', ticket)
const ticketPage = (start: number, count: number) => getRequest('Ticket.all', `/Tickets/Ticket/ListAll/1/-1/-1/-1/${count}/${start}`, tickets)

const ticketServer = (total: number, failOnCall?: number) =>
  server((route, call) => {
    if (call === failOnCall) return { status: 404, body: 'Ticket not Found' }
    const m = /^\/Tickets\/Ticket\/ListAll\/1\/-1\/-1\/-1\/(\d+)\/(\d+)$/.exec(route)
    if (m === null) return { status: 400, body: `unexpected route ${route}` }
    const [count, start] = [Number(m[1]), Number(m[2])]
    const ids = Array.from({ length: total }, (_, i) => 100 + i)
    return { body: ticketsXml(ids.slice(start, start + count)) }
  })

test('byOffset: start advances by the page size; a short page ends the walk', async () => {
  const { run, routes } = ticketServer(23)
  const walked = await pagesOf(pages(run)(byOffset(ticketPage, { pageSize: 10 })))
  assert.equal(sizes(walked), [10, 10, 3])
  assert.equal(routes, ['/Tickets/Ticket/ListAll/1/-1/-1/-1/10/0', '/Tickets/Ticket/ListAll/1/-1/-1/-1/10/10', '/Tickets/Ticket/ListAll/1/-1/-1/-1/10/20'])
  assert.equal(walked.flatMap((p) => unwrap(p).map((t) => t.id)).slice(-3), [120, 121, 122])
})

test('byOffset: an exact multiple of the page size → one extra empty request; none at all → one request', async () => {
  const exact = ticketServer(30)
  assert.equal(unwrap(await collect(exact.run)(byOffset(ticketPage, { pageSize: 10 }))()).length, 30)
  assert.is(exact.routes.length, 4)
  const empty = ticketServer(0)
  assert.equal(unwrap(await collect(empty.run)(byOffset(ticketPage))()).length, 0)
  assert.equal(empty.routes, ['/Tickets/Ticket/ListAll/1/-1/-1/-1/100/0'])
})

test('byOffset: a start offset; errors stop the walk and surface', async () => {
  const from = ticketServer(23)
  assert.equal(unwrap(await collect(from.run)(byOffset(ticketPage, { pageSize: 10, start: 15 }))()).map((t) => t.id)[0], 115)
  assert.is(from.routes.length, 1)
  const failing = ticketServer(50, 2)
  const walked = await pagesOf(pages(failing.run)(byOffset(ticketPage, { pageSize: 10 })))
  assert.equal(sizes(walked), [10, 'ApiError'])
  const error = unwrapLeft(await collect(ticketServer(50, 3).run)(byOffset(ticketPage, { pageSize: 10 }))())
  assert.equal(error._tag === 'ApiError' ? error.messages : [], ['Ticket not Found'])
})

test('byOffset: bad options and a throwing request builder are Lefts, nothing thrown', async () => {
  const { run, routes } = ticketServer(5)
  const bad = unwrapLeft(await collect(run)(byOffset(ticketPage, { pageSize: 0, start: -1 }))())
  assert.equal(bad._tag === 'ValidationError' ? bad.issues.map((i) => i.path) : bad._tag, ['pageSize', 'start'])
  const thrown = unwrapLeft(
    await collect(run)(
      byOffset(() => {
        throw new Error('boom')
      })
    )()
  )
  assert.equal(thrown._tag === 'ValidationError' ? thrown.issues : thrown._tag, [{ path: 'page', message: 'the request builder threw: Error: boom' }])
  assert.equal(routes, [])
  const rejecting = unwrapLeft(await collect(() => () => Promise.reject(new Error('down')))(byOffset(ticketPage))())
  assert.equal([rejecting._tag, rejecting._tag === 'TransportError' ? rejecting.cause : ''], ['TransportError', 'Error: down'])
})

test.run()
