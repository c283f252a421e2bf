// nodeTransport against a tiny HTTP server on 127.0.0.1: what is sent, what comes back, and every failure as a Left.
import * as O from 'fp-ts/Option'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { KEEPS_DEADLINE, systemClock, type MayKeepDeadline, type Send } from '../../src/core/deadline'
import type { TransportError } from '../../src/core/error'
import { pipeline } from '../../src/core/pipeline'
import { defaultTransport, executorDeadline } from '../../src/core/runtime.node'
import { nodeSigner, nodeTransport } from '../../src/node/index'
import { signature } from '../../src/classic/internal/sign'
import { listenLocally, type Listening } from '../support/localServer'
import { LATE_MARGIN_MS, referenceTimer } from '../support/timers'
import { unwrap, unwrapLeft } from '../support/transport'

interface Received {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: Buffer
  readonly socket: Socket
}

type Handler = (req: Received, res: ServerResponse) => void

let server: Server
let base = ''
let listening: Listening
let handler: Handler = (_, res) => res.end()
const received: Array<Received> = []

const t = suite('nodeTransport')

t.before(async () => {
  server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), socket: req.socket }
      received.push(r)
      handler(r, res)
    })
  })
  listening = await listenLocally(server)
  base = listening.base
})

t.after(() => listening.close())

t.before.each(() => {
  received.length = 0
})

t('GET: status, lower-case headers (repeated ones joined), UTF-8 body without BOM; method, URL and headers sent', async () => {
  handler = (_, res) => {
    res.setHeader('Content-Type', 'text/xml; charset=utf-8')
    res.setHeader('Set-Cookie', ['a=1', 'b=2'])
    res.setHeader('X-Custom', 'yes')
    res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0"?><a>Zoë €</a>', 'utf8')]))
  }
  const transport = nodeTransport()
  const response = unwrap(await transport({ method: 'GET', url: `${base}/api/index.php?e=/Base/Department&x=1`, headers: { Accept: 'text/xml' } })())
  transport.destroy()
  assert.is(response.status, 200)
  assert.is(response.body, '<?xml version="1.0"?><a>Zoë €</a>')
  assert.is(response.headers['content-type'], 'text/xml; charset=utf-8')
  assert.is(response.headers['set-cookie'], 'a=1, b=2')
  assert.is(response.headers['x-custom'], 'yes')
  assert.is(received[0]?.method, 'GET')
  assert.is(received[0]?.url, '/api/index.php?e=/Base/Department&x=1')
  assert.is(received[0]?.headers.accept, 'text/xml')
  assert.is(received[0]?.headers['accept-encoding'], 'gzip, deflate, br')
  assert.is(received[0]?.headers.connection, 'keep-alive')
})

t('POST and PUT: string and byte bodies are sent with their length and content type', async () => {
  handler = (_, res) => res.end('ok')
  const transport = nodeTransport()
  const form = 'title=Caf%C3%A9&apikey=k'
  await transport({ method: 'POST', url: `${base}/p`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })()
  const bytes = new Uint8Array([0, 1, 2, 255])
  await transport({ method: 'PUT', url: `${base}/q`, headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: bytes })()
  transport.destroy()
  assert.is(received[0]?.method, 'POST')
  assert.is(received[0]?.body.toString('utf8'), form)
  assert.is(received[0]?.headers['content-length'], String(form.length))
  assert.is(received[0]?.headers['content-type'], 'application/x-www-form-urlencoded')
  assert.is(received[1]?.method, 'PUT')
  assert.equal([...(received[1]?.body ?? [])], [0, 1, 2, 255])
  assert.is(received[1]?.headers['content-length'], '4')
})

t('every status is a Right with its body', async () => {
  handler = (_, res) => {
    res.statusCode = 404
    res.end('Ticket not Found')
  }
  const transport = nodeTransport()
  const response = unwrap(await transport({ method: 'DELETE', url: `${base}/x`, headers: {} })())
  transport.destroy()
  assert.is(response.status, 404)
  assert.is(response.body, 'Ticket not Found')
})

t('gzip, raw deflate and brotli answers are decompressed; compress: false asks for none', async () => {
  const text = '<?xml version="1.0"?><departments>' + '<department><id>1</id></department>'.repeat(50) + '</departments>'
  const encodings: Record<string, Buffer> = { gzip: gzipSync(text), deflate: deflateRawSync(text), br: brotliCompressSync(text) }
  for (const [encoding, bytes] of Object.entries(encodings)) {
    handler = (_, res) => {
      res.setHeader('content-encoding', encoding)
      res.end(bytes)
    }
    const transport = nodeTransport()
    const response = unwrap(await transport({ method: 'GET', url: `${base}/z`, headers: {} })())
    transport.destroy()
    assert.is(response.body, text, encoding)
  }
  handler = (_, res) => res.end('plain')
  const plain = nodeTransport({ compress: false })
  await plain({ method: 'GET', url: `${base}/z`, headers: {} })()
  plain.destroy()
  assert.is(received[received.length - 1]?.headers['accept-encoding'], undefined)
})

t('keeps the connection alive between sequential requests', async () => {
  handler = (_, res) => res.end('x')
  const transport = nodeTransport()
  for (let i = 0; i < 3; i++) await transport({ method: 'GET', url: `${base}/k${i}`, headers: {} })()
  transport.destroy()
  assert.is(received.length, 3)
  assert.is(new Set(received.map((r) => r.socket)).size, 1)
})

const transportLeft = (e: unknown): TransportError => {
  const left = e as TransportError
  assert.is(left._tag, 'TransportError')
  return left
}

t('a refused connection is a TransportError with the request redacted', async () => {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
  const transport = nodeTransport()
  const error = transportLeft(
    unwrapLeft(
      await transport({
        method: 'GET',
        url: `http://127.0.0.1:${port}/api/index.php?e=/Base/Department&apikey=KEY-123456&salt=SALT-123456&signature=SIG-123456`,
        headers: { authorization: 'Basic c2VjcmV0' },
        operation: 'Department.all'
      })()
    )
  )
  assert.is(error.operation, 'Department.all')
  assert.match(error.cause, /ECONNREFUSED/)
  assert.is(error.request.url, `http://127.0.0.1:${port}/api/index.php?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]`)
  assert.is(error.request.headers.authorization, '[redacted]')
})

t('an abort while waiting for the answer is a TransportError; an aborted signal sends nothing', async () => {
  const controller = new AbortController()
  handler = () => controller.abort() // never answers: the request is aborted once the server has it
  const transport = nodeTransport()
  const error = transportLeft(unwrapLeft(await transport({ method: 'GET', url: `${base}/slow`, headers: {}, signal: controller.signal })()))
  assert.match(error.cause, /AbortError/)
  assert.is(received.length, 1)
  const again = transportLeft(unwrapLeft(await transport({ method: 'GET', url: `${base}/never`, headers: {}, signal: controller.signal })()))
  assert.match(again.cause, /AbortError/)
  assert.is(received.length, 1)
  transport.destroy()
})

t('a connection cut in the middle of the body is a TransportError', async () => {
  handler = (_, res) => {
    res.writeHead(200, { 'content-length': '1000' })
    res.write('<?xml version="1.0"?><tick')
    setImmediate(() => res.destroy())
  }
  const transport = nodeTransport()
  const error = transportLeft(unwrapLeft(await transport({ method: 'GET', url: `${base}/cut`, headers: {} })()))
  transport.destroy()
  assert.ok(error.cause.length > 0)
})

t('a URL that does not parse, or another protocol, is a ValidationError: nothing was sent, no network failed', async () => {
  const transport = nodeTransport()
  const unparsable = unwrapLeft(await transport({ method: 'GET', url: 'not a url', headers: {}, operation: 'X.get' })())
  assert.equal(unparsable, {
    _tag: 'ValidationError',
    operation: 'X.get',
    issues: [{ path: 'url', message: 'must be an absolute http(s) URL; nothing was sent' }]
  })
  const ftp = unwrapLeft(await transport({ method: 'GET', url: 'ftp://127.0.0.1/x', headers: {} })())
  assert.ok(ftp._tag === 'ValidationError' && /must be an absolute http\(s\) URL/.test(ftp.issues[0]?.message ?? ''))
})

// nodeTransport parses an origin once and sends a later path as it is when URL parsing would not change it.
t('every URL is sent as URL parsing makes it, the first to an origin and the later ones: dot segments, escapes, user-info', async () => {
  handler = (_, res) => res.end('ok')
  const transport = nodeTransport()
  const paths = [
    '/api/index.php?e=/Base/Department/1&apikey=k&salt=abc&signature=a%2Fb%3D',
    '/a/./b/../c?x=/./y',
    '/a/%2e%2E/b',
    '/a b/"q"?c=d e&f=\'g\'',
    '/a\\b?x#frag',
    '/é?ü=1',
    '/x?y=1'
  ]
  for (const path of paths) unwrap(await transport({ method: 'GET', url: `${base}${path}`, headers: {} })())
  assert.equal(
    received.map((r) => r.url),
    paths.map((path) => {
      const url = new URL(`${base}${path}`)
      return url.pathname + url.search
    })
  )
  const [, port] = /:(\d+)$/.exec(base) ?? []
  unwrap(await transport({ method: 'GET', url: `http://user:p%40ss@127.0.0.1:${port}/private`, headers: {} })())
  unwrap(await transport({ method: 'GET', url: `${base}/public`, headers: {} })())
  unwrap(await transport({ method: 'GET', url: `http://localhost:${port}/other-origin`, headers: {} })())
  transport.destroy()
  const [privately, publicly, other] = received.slice(-3)
  assert.is(privately?.headers.authorization, `Basic ${Buffer.from('user:p@ss').toString('base64')}`)
  assert.is(publicly?.headers.authorization, undefined, 'user-info is never remembered for the origin')
  assert.equal([publicly?.url, other?.url, other?.headers.host], ['/public', '/other-origin', `localhost:${port}`])
})

t('the Classic executor runs on it end to end', async () => {
  handler = (req, res) => {
    res.setHeader('content-type', 'text/xml')
    res.end(
      req.url?.includes('/Base/Department/7')
        ? '<?xml version="1.0" encoding="UTF-8"?><departments><department><id>7</id><title><![CDATA[Billing & Co]]></title><type>public</type><app>tickets</app></department></departments>'
        : '<?xml version="1.0" encoding="UTF-8"?><departments></departments>'
    )
  }
  const transport = nodeTransport()
  const run = classic({ url: `${base}/api/index.php`, apiKey: 'key', secretKey: 'secret', salt: () => 'salt', transport })
  const found = unwrap(await run(Department.get(7))())
  transport.destroy()
  assert.is(O.isSome(found) ? found.value.title : undefined, 'Billing & Co')
  assert.is(received[0]?.url, '/api/index.php?e=/Base/Department/7&apikey=key&salt=salt&signature=hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D')
})

// Executors set `maxBodyBytes` on the requests they send (their `maxBodyBytes` option, 32 MiB by default).
const limited = (url: string, maxBodyBytes: number) => ({ method: 'GET' as const, url, headers: {}, maxBodyBytes })

t('maxBodyBytes: a declared length above the limit is not read at all', async () => {
  handler = (_, res) => res.end('x'.repeat(5000))
  const transport = nodeTransport()
  const response = unwrap(await transport(limited(`${base}/big`, 1000))())
  transport.destroy()
  assert.is(response.body, '')
  assert.is(response.headers['content-length'], '5000')
})

t('maxBodyBytes: an endless chunked body is cut just past the limit', async () => {
  let written = 0
  handler = (_, res) => {
    const chunk = 'y'.repeat(1024)
    const pump = (): void => {
      while (written < 50_000_000 && !res.destroyed) {
        written += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => (written = Infinity))
    pump()
  }
  const transport = nodeTransport()
  const response = unwrap(await transport(limited(`${base}/endless`, 64 * 1024))())
  transport.destroy()
  assert.ok(response.body.length > 64 * 1024 && response.body.length < 4 * 1024 * 1024, String(response.body.length))
})

t('maxBodyBytes: a gzip bomb stops unpacking past the limit; within it every encoding unpacks', async () => {
  const bomb = gzipSync(Buffer.alloc(20_000_000, 0x61))
  handler = (_, res) => {
    res.setHeader('content-encoding', 'gzip')
    res.end(bomb)
  }
  const transport = nodeTransport()
  const cut = unwrap(await transport(limited(`${base}/bomb`, 100_000))())
  assert.ok(bomb.length < 100_000 && cut.body.length > 100_000 && cut.body.length < 2_000_000, String(cut.body.length))
  const text = '<?xml version="1.0"?><a>' + 'é'.repeat(3000) + '</a>'
  const encodings: Record<string, Buffer> = { gzip: gzipSync(text), deflate: deflateSync(text), 'deflate ': deflateRawSync(text), br: brotliCompressSync(text) }
  for (const [encoding, bytes] of Object.entries(encodings)) {
    handler = (_, res) => {
      res.setHeader('content-encoding', encoding.trim())
      res.end(bytes)
    }
    assert.is(unwrap(await transport(limited(`${base}/z`, 1_000_000))()).body, text, encoding)
  }
  handler = (_, res) => {
    res.setHeader('content-encoding', 'deflate')
    res.end()
  }
  assert.is(unwrap(await transport(limited(`${base}/empty`, 1000))()).body, '')
  transport.destroy()
})

// The executors' deadline in the Node builds (runtime.node.ts): a transport that keeps it (KEEPS_DEADLINE) is handed
// the deadline instead of being wrapped: one timer, no AbortController per request. (The built package's executors
// are checked end to end in test/package.test.ts.)
const keptSend: Send = (transport, request) => transport(request)()

t('Node executor deadline: no AbortController per request, the timer cleared after the answer; a late answer ends the connection, phase named', async () => {
  const RealAbortController = globalThis.AbortController
  let controllers = 0
  globalThis.AbortController = class extends RealAbortController {
    constructor() {
      super()
      controllers++
    }
  }
  const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length
  const transport = nodeTransport()
  try {
    handler = (_, res) => res.end('ok')
    const timed = executorDeadline(60_000, systemClock, keptSend)(transport)
    const before = timeouts()
    for (let i = 0; i < 3; i++) assert.is(unwrap(await timed({ method: 'GET', url: `${base}/ok`, headers: {} })()).body, 'ok')
    assert.is(timeouts(), before, 'every deadline timer cleared once its answer came')
    assert.is(controllers, 0)

    received.length = 0
    handler = () => undefined // never answers
    const late = executorDeadline(200, systemClock, keptSend)(transport)
    const reference = referenceTimer(200)
    const started = performance.now()
    const url = `${base}/api/index.php?e=/Base/Department/3&apikey=KEY-4f1c2a&salt=SALT-3b8c&signature=SIG-9d2e7b`
    const error = transportLeft(unwrapLeft(await late({ method: 'GET', url, headers: {}, operation: 'Department.get' })()))
    const took = performance.now() - started
    assert.equal([error.operation, error.cause, error.phase], ['Department.get', 'timed out after 200 ms, in the headers phase', 'headers'])
    // on time: no later than a plain 200 ms timer armed with it, plus a margin (test/support/timers.ts)
    const referenceMs = await reference
    assert.ok(took < referenceMs + LATE_MARGIN_MS, `ended after ${took.toFixed(0)} ms, a plain 200 ms timer after ${referenceMs.toFixed(0)} ms`)
    assert.not.match(JSON.stringify(error), /KEY-4f1c2a|SIG-9d2e7b|SALT-3b8c/)
    const socket = received[0]?.socket
    await new Promise((resolve) => (socket?.destroyed === true ? resolve(undefined) : socket?.once('close', resolve)))
    assert.is(socket?.destroyed, true, 'the late request ended its connection')
    assert.is(controllers, 0)

    // A transport the deadline cannot see into (here a wrapper) gets the generic deadline: a signal per request.
    handler = (_, res) => res.end('ok')
    const wrapped = executorDeadline(60_000, systemClock, keptSend)((request) => transport(request))
    assert.is(unwrap(await wrapped({ method: 'GET', url: `${base}/ok`, headers: {} })()).body, 'ok')
    assert.is(controllers, 1)
  } finally {
    globalThis.AbortController = RealAbortController
    transport.destroy()
  }
})

t(
  "nodeTransport's deadlines share one timer: a shorter one started later ends on time, a longer one is still answered, one past 2^31 ms waits without a timer overflow",
  async () => {
    const transport = nodeTransport()
    const keep = (transport as MayKeepDeadline)[KEEPS_DEADLINE] as NonNullable<MayKeepDeadline[typeof KEEPS_DEADLINE]>
    const waiting = new Map<string, ServerResponse>()
    handler = (req, res) => void waiting.set(req.url, res) // answered below, by hand
    const warnings: Array<string> = []
    const warned = (warning: Error): void => void warnings.push(warning.name)
    process.on('warning', warned)
    try {
      const huge = keep({ method: 'GET', url: `${base}/huge`, headers: {} }, 2 ** 31 + 10)
      await new Promise((resolve) => setTimeout(resolve, 20))
      // 30 s: the shared timer armed for it would end the short one 30 s late; and it is answered (by hand, below)
      // long before it runs out even on a loaded machine
      const long = keep({ method: 'GET', url: `${base}/long`, headers: {} }, 30_000)
      const reference = referenceTimer(150)
      const started = performance.now()
      const short = transportLeft(unwrapLeft(await keep({ method: 'GET', url: `${base}/short`, headers: {} }, 150)))
      const took = performance.now() - started
      assert.is(short.cause, 'timed out after 150 ms, in the headers phase')
      // on time: no later than a plain 150 ms timer armed with it, plus a margin (test/support/timers.ts)
      const referenceMs = await reference
      assert.ok(
        took < referenceMs + LATE_MARGIN_MS,
        `the short deadline ended after ${took.toFixed(0)} ms, a plain 150 ms timer after ${referenceMs.toFixed(0)} ms`
      )
      for (const path of ['/long', '/huge']) waiting.get(path)?.end('late but in time')
      assert.equal([unwrap(await long).body, unwrap(await huge).body], ['late but in time', 'late but in time'])
      assert.equal(warnings, [], 'no TimeoutOverflowWarning (a timer of 1 ms, again and again)')
    } finally {
      process.off('warning', warned)
      transport.destroy()
    }
  }
)

t("the Node builds' default transport keeps the deadline as nodeTransport does (runtime.node.ts)", async () => {
  assert.type((defaultTransport as MayKeepDeadline)[KEEPS_DEADLINE], 'function')
  handler = () => undefined // never answers
  const error = transportLeft(
    unwrapLeft(await executorDeadline(150, systemClock, keptSend)(defaultTransport)({ method: 'GET', url: `${base}/x`, headers: {} })())
  )
  assert.equal([error.cause, error.phase], ['timed out after 150 ms, in the headers phase', 'headers'])
  handler = (_, res) => res.end('ok')
  const answer = await pipeline({ transport: defaultTransport }).send({ method: 'GET', url: `${base}/y`, headers: {} })
  assert.ok(answer._tag === 'Right' && answer.right.body === 'ok')
})

t('nodeSigner signs exactly as the WebCrypto signer', async () => {
  for (const [secret, salt] of [
    ['secret', 'salt'],
    ['é-ünïcode', '1234567890'],
    ['k'.repeat(100), 'A1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv']
  ] as const) {
    assert.is(nodeSigner(secret)(salt), await signature(secret, salt))
  }
  assert.is(nodeSigner('secret')('salt'), 'hoVxX2132GWCjsm3bNMpI+Ooszpn2oRRM+IEMU9rsQs=')
})

t('the Classic executor with nodeSigner sends the same signed request', async () => {
  handler = (_, res) => res.end('<?xml version="1.0" encoding="UTF-8"?><departments></departments>')
  const transport = nodeTransport()
  const run = classic({ url: `${base}/api/index.php`, apiKey: 'key', secretKey: 'secret', salt: () => 'salt', transport, signer: nodeSigner })
  assert.equal(unwrap(await run(Department.get(3))()), O.none)
  transport.destroy()
  assert.is(received[0]?.url, '/api/index.php?e=/Base/Department/3&apikey=key&salt=salt&signature=hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D')
})

t.run()
