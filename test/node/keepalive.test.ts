// nodeTransport and a server that closes kept-alive sockets: the race of a pooled socket the server closed while it lay
// idle (Node's http.Server after keepAliveTimeout, Apache, nginx), reproduced without waiting for a timeout: the
// server below closes a kept-alive socket exactly when the next request arrives on it, as the race looks to a client.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { KEEPS_DEADLINE, type MayKeepDeadline } from '../../src/core/deadline'
import type { HttpMethod } from '../../src/core/http'
import { withLogger } from '../../src/core/policy'
import { nodeTransport } from '../../src/node/index'
import { listenLocally, type Listening } from '../support/localServer'
import { LATE_MARGIN_MS, referenceTimer } from '../support/timers'
import { unwrap, unwrapLeft } from '../support/transport'

/** How the server ends a request instead of answering it: FIN (`socket hang up`), RST (ECONNRESET), or the first bytes of an answer, then FIN. */
type Cut = 'fin' | 'rst' | 'partial'

interface Hit {
  readonly method: string
  readonly url: string
  readonly socket: Socket
  /** The how-manieth request on its connection (1: a fresh connection). */
  readonly nth: number
  readonly cut: Cut | undefined
}

let server: Server
let base = ''
let listening: Listening
const hits: Array<Hit> = []
/** Which requests the server cuts. */
let cutWhen: (hit: Omit<Hit, 'cut'>) => Cut | undefined = () => undefined
let answer: (hit: Hit, res: ServerResponse) => void = (_, res) => res.end('ok')
const perSocket = new WeakMap<Socket, number>()

const t = suite('nodeTransport: kept-alive sockets the server closed')

t.before(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const socket = req.socket
    const nth = (perSocket.get(socket) ?? 0) + 1
    perSocket.set(socket, nth)
    const seen = { method: req.method ?? '', url: req.url ?? '', socket, nth }
    const cut = cutWhen(seen)
    const hit = { ...seen, cut }
    hits.push(hit)
    if (cut === 'rst') return void socket.resetAndDestroy()
    if (cut === 'fin') return void socket.destroy()
    if (cut === 'partial') return void socket.end('HTTP/1.1 200 OK\r\nContent-Ty')
    req.resume()
    req.on('end', () => answer(hit, res))
  })
  listening = await listenLocally(server)
  base = listening.base
})

t.after(() => listening.close())

t.before.each(() => {
  hits.length = 0
  cutWhen = () => undefined
  answer = (_, res) => res.end('ok')
})

/** The server closes a kept-alive connection when the next request arrives on it. */
const closesKeptAlive =
  (how: Cut, urls: RegExp = /./) =>
  (hit: Omit<Hit, 'cut'>): Cut | undefined =>
    hit.nth > 1 && urls.test(hit.url) ? how : undefined

const get = (path: string, method: HttpMethod = 'GET') => ({ method, url: `${base}${path}`, headers: {}, operation: 'Test.op' })

const summary = (list: ReadonlyArray<Hit>) => list.map((h) => `${h.method} ${h.url} #${h.nth}${h.cut === undefined ? '' : ` cut:${h.cut}`}`)

t('the race reproduced: a GET on a kept-alive socket the server closes (FIN, then RST) is answered, sent once more on a fresh connection', async () => {
  for (const how of ['fin', 'rst'] as const) {
    hits.length = 0
    cutWhen = closesKeptAlive(how, /^\/second/)
    const transport = nodeTransport()
    assert.is(unwrap(await transport(get('/first'))()).body, 'ok')
    const second = await transport(get('/second'))()
    transport.destroy()
    assert.is(second._tag === 'Right' ? second.right.body : JSON.stringify(second.left), 'ok', how)
    assert.equal(summary(hits), ['GET /first #1', `GET /second #2 cut:${how}`, 'GET /second #1'], how)
    assert.is(hits[1]?.socket, hits[0]?.socket, 'the cut request went out on the reused socket')
  }
})

t('PUT and DELETE are repeated as GET is (idempotent); a POST or PATCH that met the closed socket fails honestly, sent once', async () => {
  cutWhen = closesKeptAlive('fin', /^\/cut/)
  const transport = nodeTransport()
  // each warm-up goes out on the connection the last repeat opened
  for (const [method, warmed] of [
    ['PUT', 1],
    ['DELETE', 2]
  ] as const) {
    hits.length = 0
    unwrap(await transport(get('/warm'))())
    assert.is(unwrap(await transport({ ...get('/cut', method), body: 'x=1' })()).body, 'ok', method)
    assert.equal(summary(hits), [`GET /warm #${warmed}`, `${method} /cut #${warmed + 1} cut:fin`, `${method} /cut #1`], method)
  }
  // the POST's cut closed its connection: the PATCH's warm-up opens one
  for (const [method, warmed] of [
    ['POST', 2],
    ['PATCH', 1]
  ] as const) {
    hits.length = 0
    unwrap(await transport(get('/warm'))())
    const refused = unwrapLeft(await transport({ ...get('/cut', method), body: 'subject=Hello' })())
    assert.ok(refused._tag === 'TransportError' && /socket hang up|ECONNRESET/.test(refused.cause), JSON.stringify(refused))
    assert.equal(
      summary(hits),
      [`GET /warm #${warmed}`, `${method} /cut #${warmed + 1} cut:fin`],
      `the ${method} reached the server once, the transport did not send it again`
    )
  }
  transport.destroy()
})

t('a failure on a fresh connection is not repeated; nor is the repeat: a request is sent at most twice, its error redacted', async () => {
  cutWhen = (hit) => (hit.url.startsWith('/doomed') ? 'rst' : undefined)
  const transport = nodeTransport()
  const fresh = unwrapLeft(await transport(get('/doomed'))())
  assert.is(fresh._tag, 'TransportError')
  assert.equal(summary(hits), ['GET /doomed #1 cut:rst'])

  hits.length = 0
  unwrap(await transport(get('/warm'))())
  const secrets = '/doomed?e=/Base/Department&apikey=KEY-7a1c&salt=SALT-44be&signature=SIG-0f9d'
  const twice = unwrapLeft(await transport({ ...get(secrets), headers: { authorization: 'Basic c2VjcmV0' } })())
  transport.destroy()
  assert.equal(summary(hits), ['GET /warm #1', `GET ${secrets} #2 cut:rst`, `GET ${secrets} #1 cut:rst`])
  assert.ok(twice._tag === 'TransportError' && /ECONNRESET|socket hang up/.test(twice.cause), JSON.stringify(twice))
  assert.ok(twice._tag === 'TransportError' && twice.request.url.endsWith('apikey=[redacted]&salt=[redacted]&signature=[redacted]'))
  assert.not.match(JSON.stringify(twice), /KEY-7a1c|SALT-44be|SIG-0f9d|c2VjcmV0/)
})

t('no repeat once a byte of an answer arrived', async () => {
  cutWhen = closesKeptAlive('partial', /^\/half/)
  const transport = nodeTransport()
  unwrap(await transport(get('/warm'))())
  const half = unwrapLeft(await transport(get('/half'))())
  transport.destroy()
  assert.is(half._tag, 'TransportError')
  assert.equal(summary(hits), ['GET /warm #1', 'GET /half #2 cut:partial'])
})

t('answered requests are sent once: no extra request reaches the server, whatever the status', async () => {
  answer = (hit, res) => {
    res.statusCode = hit.url === '/fails' ? 500 : 200
    res.end('answer')
  }
  const transport = nodeTransport()
  for (let i = 0; i < 5; i++) unwrap(await transport(get(`/read${i}`))())
  unwrap(await transport({ ...get('/write', 'POST'), body: 'a=1' })())
  assert.is(unwrap(await transport(get('/fails'))()).status, 500)
  transport.destroy()
  assert.is(hits.length, 7)
  assert.is(new Set(hits.map((h) => h.socket)).size, 1, 'all on one kept-alive connection')
})

t('the repeat goes out on a fresh connection, not on another idle socket of the pool (closed by the server as well)', async () => {
  // three sockets in the pool: the server holds the first answers until three requests are in
  const held: Array<ServerResponse> = []
  answer = (_, res) => {
    held.push(res)
    if (held.length === 3) for (const r of held) r.end('ok')
  }
  const transport = nodeTransport()
  await Promise.all([1, 2, 3].map((i) => transport(get(`/burst${i}`))()))
  answer = (_, res) => res.end('ok')
  const pooled = new Set(hits.map((h) => h.socket))
  assert.is(pooled.size, 3)
  // the server now closes every kept-alive connection when a request arrives on it
  hits.length = 0
  cutWhen = closesKeptAlive('fin')
  assert.is(unwrap(await transport(get('/after-idle'))()).body, 'ok')
  assert.equal(summary(hits), ['GET /after-idle #2 cut:fin', 'GET /after-idle #1'])
  // the other two were dropped from the pool: the next request reuses the fresh connection
  cutWhen = () => undefined
  assert.is(unwrap(await transport(get('/next'))()).body, 'ok')
  transport.destroy()
  assert.equal(summary(hits).slice(2), ['GET /next #2'])
  await new Promise((resolve) => setImmediate(resolve))
  assert.ok(
    [...pooled].every((s) => s.destroyed || s.readableEnded),
    'the idle sockets as old as the closed one were closed'
  )
})

t('the repeat keeps the request deadline; a request ended by its deadline or an abort is not repeated', async () => {
  const transport = nodeTransport()
  const keep = (transport as MayKeepDeadline)[KEEPS_DEADLINE] as NonNullable<MayKeepDeadline[typeof KEEPS_DEADLINE]>
  // the repeat is never answered: the deadline armed for the first attempt ends it
  cutWhen = closesKeptAlive('fin', /^\/cut/)
  answer = (hit, res) => (hit.url === '/cut' ? undefined : res.end('ok'))
  unwrap(await keep(get('/warm'), 60_000))
  const reference = referenceTimer(300)
  const started = performance.now()
  const late = unwrapLeft(await keep(get('/cut'), 300))
  const took = performance.now() - started
  const referenceMs = await reference
  assert.ok(late._tag === 'TransportError' && late.cause === 'timed out after 300 ms, in the headers phase', JSON.stringify(late))
  assert.ok(took < referenceMs + LATE_MARGIN_MS, `ended after ${took.toFixed(0)} ms, a plain 300 ms timer after ${referenceMs.toFixed(0)} ms`)
  assert.equal(summary(hits), ['GET /warm #1', 'GET /cut #2 cut:fin', 'GET /cut #1'])

  // the server holds a request on a kept-alive socket; the deadline (then an abort) ends it, which closes the socket:
  // nothing is sent again
  for (const end of ['deadline', 'abort'] as const) {
    hits.length = 0
    cutWhen = () => undefined
    const controller = new AbortController()
    answer = (hit, res) => (hit.url === '/held' ? (end === 'abort' ? controller.abort() : undefined) : res.end('ok'))
    unwrap(await keep(get('/warm'), 60_000))
    const ended = unwrapLeft(await keep({ ...get('/held'), signal: controller.signal }, end === 'deadline' ? 200 : 60_000))
    assert.is(ended._tag, 'TransportError', end)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(summary(hits).slice(-1), ['GET /held #2'], end)
  }
  transport.destroy()
})

t('the repeated answer is read within maxBodyBytes as any other', async () => {
  cutWhen = closesKeptAlive('rst', /^\/big/)
  answer = (hit, res) => res.end(hit.url === '/big' ? 'x'.repeat(5000) : 'ok')
  const transport = nodeTransport()
  unwrap(await transport(get('/warm'))())
  const big = unwrap(await transport({ ...get('/big'), maxBodyBytes: 1000 })())
  transport.destroy()
  assert.equal([big.body, big.headers['content-length']], ['', '5000'])
  assert.equal(summary(hits), ['GET /warm #1', 'GET /big #2 cut:rst', 'GET /big #1'])
})

/** Serves one request on a server with this keepAliveTimeout: its hint, and who closed the idle connection when. */
const idleClose = async (keepAliveTimeout: number) => {
  const server = createServer((_, res) => res.end('ok'))
  server.keepAliveTimeout = keepAliveTimeout
  let answeredAt = 0
  let closed: Promise<{ readonly byClient: boolean; readonly afterMs: number }> | undefined
  server.on('connection', (socket: Socket) => {
    let byClient = false
    socket.on('end', () => (byClient = true))
    closed = new Promise((resolve) => socket.on('close', () => resolve({ byClient, afterMs: performance.now() - answeredAt })))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const transport = nodeTransport()
  const response = unwrap(await transport({ method: 'GET', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, headers: {} })())
  answeredAt = performance.now()
  const { byClient, afterMs } = await (closed as NonNullable<typeof closed>)
  transport.destroy()
  await new Promise((resolve) => server.close(resolve))
  return { hint: response.headers['keep-alive'], byClient, afterMs }
}

// Node's Agent ignores a server's `Keep-Alive: timeout=N` unless the agent has a timeout (measured on Node 20: the
// server closed the idle connection, after 3 s for timeout=2).
t("idle sockets are closed by the client: a second before a server's Keep-Alive: timeout=2, after 4 s for timeout=8", async () => {
  const [short, long] = await Promise.all([idleClose(2_000), idleClose(8_000)])
  assert.equal([short.hint, short.byClient], ['timeout=2', true], `closed after ${short.afterMs.toFixed(0)} ms`)
  assert.ok(short.afterMs < 2_000, `closed after ${short.afterMs.toFixed(0)} ms`)
  assert.equal([long.hint, long.byClient], ['timeout=8', true], `closed after ${long.afterMs.toFixed(0)} ms`)
  assert.ok(long.afterMs >= 3_900 && long.afterMs < 7_000, `closed after ${long.afterMs.toFixed(0)} ms`)
})

t('an answer slower than the idle time is still read: the idle timer closes only idle sockets', async () => {
  // timeout=2: the pooled socket's idle timer is 1 s; the second answer takes 1.3 s on that socket
  let served = 0
  const slow = createServer((_, res) => void setTimeout(() => res.end('slow but whole'), served++ === 0 ? 0 : 1_300))
  slow.keepAliveTimeout = 2_000
  let connections = 0
  slow.on('connection', () => connections++)
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`
  const transport = nodeTransport()
  try {
    unwrap(await transport({ method: 'GET', url, headers: {} })())
    const started = performance.now()
    assert.is(unwrap(await transport({ method: 'GET', url, headers: {} })()).body, 'slow but whole')
    assert.ok(performance.now() - started >= 1_250)
    assert.equal([served, connections], [2, 1], 'sent once, on the pooled socket')
  } finally {
    transport.destroy()
    slow.closeAllConnections()
    await new Promise((resolve) => slow.close(resolve))
  }
})

t('a repeat happens inside the transport: a policy around it (withLogger) sees one attempt', async () => {
  cutWhen = closesKeptAlive('fin', /^\/second/)
  const lines: Array<unknown> = []
  const logger = {
    debug: (l: unknown) => lines.push(l),
    info: (l: unknown) => lines.push(l),
    warn: (l: unknown) => lines.push(l),
    error: (l: unknown) => lines.push(l)
  }
  const transport = nodeTransport()
  const logged = withLogger(logger)(transport)
  unwrap(await logged(get('/first'))())
  unwrap(await logged(get('/second'))())
  transport.destroy()
  assert.equal(summary(hits), ['GET /first #1', 'GET /second #2 cut:fin', 'GET /second #1'])
  assert.is(lines.length, 2)
})

t.run()
