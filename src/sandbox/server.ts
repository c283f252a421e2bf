/**
 * `kayako-fp/sandbox` (node only): the sandbox served over HTTP on 127.0.0.1.
 *
 * ```ts
 * const sandbox = await startSandbox()          // a free port
 * const run = classic({ url: sandbox.url, apiKey: sandbox.apiKey, secretKey: sandbox.secretKey })
 * await sandbox.close()
 * ```
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HttpMethod, HttpRequest, HttpResponse } from '../core/http'
import { damage, faultResponse, HANDLED, routeOf, type FaultInjector, type FaultKind } from './faults'
import { createSandbox, DEFAULT_MAX_BODY_BYTES, type Sandbox, type SandboxOptions } from './handler'

export { createSandbox, sandboxTransport, type RequestHandler, type Sandbox, type SandboxOptions } from './handler'
export { DEFAULT_SETTINGS, LENIENCIES, type HelpdeskSettings, type Leniency } from './classic/settings'
export { FAULT_KINDS, HANDLED, type FaultInjector, type FaultKind, type FaultOptions, type FaultRecord } from './faults'

/** Options of `startSandbox`: the sandbox's, and the port. */
export interface StartOptions extends SandboxOptions {
  /** Default 0: a free port. */
  readonly port?: number
}

/** A sandbox served on 127.0.0.1: the URLs and keys to give a client, the sandbox behind it; `close` stops it. */
export interface RunningSandbox {
  /** The API entry point, e.g. `http://127.0.0.1:50123/api/index.php`. */
  readonly url: string
  readonly apiKey: string
  readonly secretKey: string
  readonly port: number
  /** The v1 JSON API on the same server: its root URL and an administrator's login (absent with `v1: false`). */
  readonly v1: { readonly url: string; readonly username: string; readonly password: string } | undefined
  /** The sandbox behind the socket (its store, `reset`, `mount`). */
  readonly sandbox: Sandbox
  /** Stops listening and closes open connections. */
  readonly close: () => Promise<void>
}

/** Characters beyond ASCII in a request line arrive as Latin-1; percent-encode their bytes so the handler sees them. */
const asciiUrl = (url: string): string => url.replace(/[\x80-\xff]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)

const readBody = (req: IncomingMessage, limit: number): Promise<{ readonly bytes: Uint8Array } | { readonly tooLarge: number }> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is read and dropped, so the client gets the answer instead of a reset connection.
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > limit ? { tooLarge: size } : { bytes: new Uint8Array(Buffer.concat(chunks)) }))
    req.on('error', reject)
  })

/** The bytes of an answer: a download's as they are, any other's text in UTF-8. */
const payloadOf = (response: HttpResponse): Buffer => (response.bytes === undefined ? Buffer.from(response.body, 'utf8') : Buffer.from(response.bytes))

const writeResponse = (res: ServerResponse, response: HttpResponse): void => {
  const payload = payloadOf(response)
  res.writeHead(response.status, { ...response.headers, 'content-length': String(payload.length) })
  res.end(payload)
}

/** A fault on the wire: a reset socket, no answer at all, an error page, or the sandbox's answer damaged or slow. */
const serveFault = async (
  sandbox: Sandbox,
  injector: FaultInjector,
  fault: FaultKind,
  request: HttpRequest,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> => {
  const entry = { method: request.method, route: routeOf(request), fault }
  if (!HANDLED[fault]) {
    injector.record({ ...entry, handled: false })
    if (fault === 'reset') req.socket.destroy()
    const page = faultResponse(fault, injector.options)
    // `hang`: no answer; the client gives up, or `close()` drops the connection.
    if (page !== undefined) writeResponse(res, page)
    return
  }
  const response = await sandbox.handle(request)
  injector.record({ ...entry, handled: true, status: response.status })
  if (fault !== 'trickle') {
    writeResponse(res, damage(fault, response))
    return
  }
  const payload = payloadOf(response)
  const { chunkBytes, delayMs } = injector.options.trickle ?? { chunkBytes: 64, delayMs: 100 }
  res.writeHead(response.status, { ...response.headers, 'content-length': String(payload.length) })
  for (let at = 0; at < payload.length; at += Math.max(1, chunkBytes)) {
    if (res.destroyed) return
    res.write(payload.subarray(at, at + Math.max(1, chunkBytes)))
    await new Promise((resolve) => setTimeout(resolve, delayMs))
  }
  res.end()
}

/** Serves a sandbox over HTTP on 127.0.0.1 (a free port unless `port` is given), for code that needs a URL. */
export const startSandbox = async (options: StartOptions = {}): Promise<RunningSandbox> => {
  const sandbox = createSandbox(options)
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    const declared = Number(req.headers['content-length'] ?? 0)
    const body = await readBody(req, limit)
    const url = `http://${req.headers.host ?? '127.0.0.1'}${asciiUrl(req.url ?? '/')}`
    const request: HttpRequest = { method: (req.method ?? 'GET').toUpperCase() as HttpMethod, url, headers, body: 'bytes' in body ? body.bytes : undefined }
    const fault = sandbox.faults?.next(request)
    if (fault !== undefined) return serveFault(sandbox, sandbox.faults as FaultInjector, fault, request, req, res)
    const response =
      'tooLarge' in body || declared > limit
        ? {
            status: 400,
            headers: { 'content-type': 'text/plain; charset=UTF-8' },
            body: `Request body too large: ${'tooLarge' in body ? body.tooLarge : declared} bytes (the sandbox accepts at most ${limit})`
          }
        : await sandbox.handle({ method: (req.method ?? 'GET').toUpperCase() as HttpMethod, url, headers, body: body.bytes })
    const payload = payloadOf(response)
    res.writeHead(response.status, { ...response.headers, 'content-length': String(payload.length) })
    res.end(payload)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((thrown: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=UTF-8' })
      res.end(`Sandbox error: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
    })
  })
  // An idle kept-alive connection is closed by the client, never under it: Node's 5 s default races clients that keep
  // an idle socket as long or longer (httpx 5 s, curl 118 s; a request sent as the server closes fails with
  // ECONNRESET). 120 s outlasts them; fetch reads the `Keep-Alive: timeout=120` hint and closes 2 s before,
  // nodeTransport after 4 s. headersTimeout as long: Node 20 counts it only before a connection's first request and
  // while headers arrive (not between requests), so an unused pre-opened connection is not sent a 408 sooner.
  // Not Kayako's behaviour but its web server's (Apache's KeepAliveTimeout), which the PHP source has no say in.
  server.keepAliveTimeout = 120_000
  server.headersTimeout = 121_000
  // Clients that send `Expect: 100-continue` (the PHP client above 1 MiB) get their continue.
  server.on('checkContinue', (req, res) => {
    res.writeContinue()
    server.emit('request', req, res)
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nMalformed HTTP request')
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/api/index.php`,
    apiKey: sandbox.apiKey,
    secretKey: sandbox.secretKey,
    port,
    get v1() {
      const side = sandbox.v1
      return side === undefined ? undefined : { url: `http://127.0.0.1:${port}/api/v1`, ...side.credentials }
    },
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
