/**
 * Node-only helpers: a faster transport and a faster signer for the Classic executor.
 *
 * A transport on `node:http` / `node:https` with keep-alive agents, for Node servers: on Node, the global `fetch`
 * (undici) answers about half the requests per second of `node:http` with a keep-alive agent (see the README's
 * Performance section). Node only: `import { nodeTransport } from 'kayako-fp/node'`; everything else in kayako-fp
 * runs on any runtime with `fetch` and WebCrypto.
 *
 * It behaves like `fetchTransport`: every status is a `Right`, header names are lower case, the body is decoded as
 * UTF-8 (a byte order mark dropped), gzip/deflate/br answers are decompressed, redirects are not followed; no complete
 * response (refused, reset, aborted, closed mid-body) is a `TransportError` whose request is redacted, a body that
 * cannot be decompressed a `ParseError`, a URL that cannot be sent a `ValidationError`. Unlike fetch, it sends a GET,
 * PUT or DELETE once more on a fresh connection when the kept-alive one it went out on had been closed by the server.
 */
import { createHmac } from 'node:crypto'
import * as http from 'node:http'
import * as https from 'node:https'
import type * as net from 'node:net'
import { urlToHttpOptions } from 'node:url'
import * as zlib from 'node:zlib'
import { KEEPS_DEADLINE, lateError } from '../core/deadline'
import { causeText, parseError, redact, transportError, type KayakoError, type TransferPhase } from '../core/error'
import { invalidUrl, type HttpRequest, type HttpResponse, type Transport } from '../core/http'
import { IDEMPOTENT_METHODS } from '../core/policy'
import type { Signer } from '../classic/internal/signer'

/**
 * Classic request signing with node:crypto: the same signature as the default WebCrypto signer, computed
 * synchronously: WebCrypto's `subtle.sign` hands every signature to the thread pool and back (20–60 µs against
 * 2–4 µs), which a Node client feels on a fast network (the README's Performance section).
 * `classic({ ..., signer: nodeSigner })`.
 */
export const nodeSigner: Signer = (secretKey) => {
  // The key's bytes once, not once per signature.
  const key = Buffer.from(secretKey, 'utf8')
  return (salt) => createHmac('sha256', key).update(salt, 'utf8').digest('base64')
}

/** Options of `nodeTransport`: socket pooling, compression, agents of your own. */
export interface NodeTransportOptions {
  /** Most sockets per origin (default: unlimited, as Node's); limit concurrency with a policy instead. */
  readonly maxSockets?: number
  /** Most idle sockets kept per origin (default 256). */
  readonly maxFreeSockets?: number
  /** Ask for compressed answers (`accept-encoding: gzip, deflate, br`, as fetch does); default true. */
  readonly compress?: boolean
  /**
   * Agents of your own (proxy, TLS options); the transport then creates none for that protocol. Give them a `timeout`
   * (this transport's own agents have 4 s): without one Node's Agent ignores a server's `Keep-Alive: timeout=N`.
   */
  readonly agents?: { readonly http?: http.Agent; readonly https?: https.Agent }
}

export interface NodeTransport extends Transport {
  /** Closes the sockets of the agents this transport created (a process exits without it too: idle sockets are unref'd). */
  readonly destroy: () => void
}

type Result = { readonly _tag: 'Left'; readonly left: KayakoError } | { readonly _tag: 'Right'; readonly right: HttpResponse }

const decompress = (encoding: string | undefined, body: Buffer, done: (error: Error | null, result: Buffer) => void): void => {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzip(body, { finishFlush: zlib.constants.Z_SYNC_FLUSH }, done)
    case 'br':
      return zlib.brotliDecompress(body, done)
    case 'deflate':
      // Servers send zlib-wrapped or raw deflate under the same name; fetch accepts both.
      return zlib.inflate(body, (error, result) => (error === null ? done(null, result) : zlib.inflateRaw(body, done)))
    default:
      return done(null, body)
  }
}

/** The URL when it can be sent (http or https), else `undefined` (`invalidUrl` says why). */
const parsedUrl = (text: string): URL | undefined => {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

/** Where a request goes, as `http.request` takes it (what `urlToHttpOptions` makes of its URL). */
interface Target {
  readonly protocol: string
  readonly hostname: string
  readonly port: number | undefined
  readonly path: string
  readonly auth: string | undefined
}

// A path and query made only of characters that URL parsing keeps as they are (no `#`, `\\`, quote, space, non-ASCII
// or dot segment): after an origin's text, such a path is sent as it is, and the URL need not be parsed again.
const PLAIN_PATH = /^\/[\w\-.~!$&()*+,;=:@/%?]*$/
const DOT_SEGMENT = /\/(?:\.|%2e)/i

/** How long a pooled socket may lie idle: less than any server is likely to keep it (see `nodeTransport`). */
const IDLE_MS = 4_000

/** A request's deadline, as `deadlines` keeps it. */
interface Deadline {
  readonly at: number
  readonly expire: () => void
}

// setTimeout takes at most 2^31 - 1 ms (a longer delay fires at once); a later deadline is looked at again then.
const LONGEST_DELAY = 2 ** 31 - 1

/**
 * The deadlines of a transport's requests on one timer, armed for the earliest: a request adds its deadline and takes
 * it out when answered, with no timer set and cleared per request (each cost as much as the rest of the transport's
 * own work). The timer is unref'd: a request in flight keeps the process alive through its socket or DNS lookup.
 */
const deadlines = () => {
  const pending = new Set<Deadline>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let armedAt = Infinity
  const arm = (at: number): void => {
    if (timer !== undefined) clearTimeout(timer)
    armedAt = at
    timer = setTimeout(sweep, Math.min(Math.max(0, at - performance.now()), LONGEST_DELAY)).unref()
  }
  const sweep = (): void => {
    timer = undefined
    armedAt = Infinity
    const now = performance.now()
    let next = Infinity
    for (const deadline of pending) {
      if (deadline.at <= now) {
        pending.delete(deadline)
        deadline.expire()
      } else next = Math.min(next, deadline.at)
    }
    if (next < Infinity) arm(next)
  }
  return {
    add: (ms: number, expire: () => void): Deadline => {
      const deadline = { at: performance.now() + ms, expire }
      pending.add(deadline)
      if (deadline.at < armedAt) arm(deadline.at)
      return deadline
    },
    remove: (deadline: Deadline): boolean => pending.delete(deadline)
  }
}

/** Node's headers as the transport answers them: `set-cookie`, the one list Node keeps, joined as fetch joins it. */
const headersOf = (headers: http.IncomingHttpHeaders): Record<string, string> => {
  const cookies = headers['set-cookie']
  return cookies === undefined ? (headers as Record<string, string>) : { ...(headers as Record<string, string>), 'set-cookie': cookies.join(', ') }
}

/** The encodings this transport unpacks (any other body is returned as it came, as `decompress` does). */
const isEncoded = (encoding: string | undefined): boolean =>
  encoding !== undefined && ['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding.trim().toLowerCase())

/**
 * Reads a body up to `limit` bytes (after decompression), as `fetchTransport` does with a request's `maxBodyBytes`:
 * reading stops once more bytes than the limit have arrived (or at once when an uncompressed body declares a larger
 * `Content-Length`), and the partial text returned is longer than the limit, which the executor reports without
 * parsing it. A small compressed body cannot unpack to gigabytes in memory.
 */
const readLimited = (
  res: http.IncomingMessage,
  encoding: string | undefined,
  limit: number,
  answer: (bytes: Buffer) => void,
  fail: (thrown: unknown) => void
): void => {
  const declared = Number(res.headers['content-length'])
  if (!isEncoded(encoding) && Number.isFinite(declared) && declared > limit) {
    res.destroy()
    return answer(Buffer.alloc(0))
  }
  const chunks: Array<Buffer> = []
  let received = 0
  let stopped = false
  const take = (chunk: Buffer): void => {
    if (stopped) return
    chunks.push(chunk)
    received += chunk.length
    if (received > limit) {
      finish()
      res.destroy()
    }
  }
  const finish = (): void => {
    if (stopped) return
    stopped = true
    const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received)
    // Let the pieces go before the text is made: the body is held once as bytes, once as text, not three times.
    chunks.length = 0
    answer(whole)
  }
  const name = (encoding ?? '').trim().toLowerCase()
  if (!isEncoded(encoding)) {
    res.on('data', take)
    res.on('end', finish)
    return
  }
  const unpack = (stream: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress): void => {
    stream.on('data', take)
    stream.on('end', finish)
    stream.on('error', (error) => {
      if (!stopped) fail(error)
    })
    res.pipe(stream)
  }
  if (name === 'gzip' || name === 'x-gzip') return unpack(zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }))
  if (name === 'br') return unpack(zlib.createBrotliDecompress())
  // deflate, zlib-wrapped or raw: the first two bytes tell (a zlib header is a multiple of 31 with method 8).
  let sawBody = false
  res.once('data', (first: Buffer) => {
    sawBody = true
    res.pause()
    const zlibWrapped = first.length >= 2 && ((first[0] as number) & 0x0f) === 8 && (((first[0] as number) << 8) | (first[1] as number)) % 31 === 0
    const stream = zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw()
    stream.write(first)
    unpack(stream)
    res.resume()
  })
  res.once('end', () => {
    if (!sawBody) finish()
  })
}

/**
 * Drops an agent's idle sockets to the server a closed one was connected to: after one of them turned out closed by the
 * server, the others, idle as long or longer (the most recently used is taken first), likely are too, and the retry
 * must go out on a fresh connection. `agentRemove` takes a socket out of the pool at once (Node's http docs, Agent).
 */
const dropIdle = (agent: http.Agent, address: string | undefined, port: number | undefined): void => {
  for (const idle of Object.values(agent.freeSockets)) {
    for (const socket of [...(idle ?? [])]) {
      if (socket.remoteAddress === address && socket.remotePort === port) {
        socket.emit('agentRemove')
        socket.destroy()
      }
    }
  }
}

/** A transport on `node:http`/`node:https` with keep-alive agents: about twice the requests per second of Node's `fetch`, the same answers and errors. */
export const nodeTransport = (options: NodeTransportOptions = {}): NodeTransport => {
  const agentOptions: http.AgentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? Infinity,
    maxFreeSockets: options.maxFreeSockets ?? 256,
    scheduling: 'lifo',
    // With a timeout, Node's Agent honours a server's `Keep-Alive: timeout=N`: an idle socket is closed after N - 1 s,
    // or this timeout if shorter; without one it ignores the hint (measured on Node 20). 4 s, as long as fetch (undici)
    // keeps an idle socket without a hint: below the 5 s of Node's and Apache's default keep-alive timeouts. On a
    // socket in use the timer does nothing (nothing listens for a request's 'timeout'; deadlines are kept here).
    timeout: IDLE_MS
  }
  const compress = options.compress ?? true
  let httpAgent: http.Agent | undefined
  let httpsAgent: https.Agent | undefined
  const agentFor = (protocol: string): http.Agent | undefined => {
    if (protocol === 'http:') return options.agents?.http ?? (httpAgent ??= new http.Agent(agentOptions))
    if (protocol === 'https:') return options.agents?.https ?? (httpsAgent ??= new https.Agent(agentOptions))
    return undefined
  }
  // The last origin sent to (without user-info) and its URL text (`http://host:port`), parsed once: most transports
  // talk to one helpdesk.
  let known: { readonly text: string; readonly target: Target } | undefined
  const targetOf = (text: string): Target | undefined => {
    if (known !== undefined && text.startsWith(known.text) && text.charCodeAt(known.text.length) === 0x2f) {
      const path = text.slice(known.text.length)
      const { protocol, hostname, port } = known.target
      if (PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)) return { protocol, hostname, port, path, auth: undefined }
    }
    const url = parsedUrl(text)
    if (url === undefined) return undefined
    const options = urlToHttpOptions(url)
    const target: Target = {
      protocol: url.protocol,
      hostname: options.hostname as string,
      port: options.port as number | undefined,
      path: options.path as string,
      auth: options.auth ?? undefined
    }
    if (target.auth === undefined) known = { text: `${url.protocol}//${url.host}`, target }
    return target
  }

  // With `ms`, the deadline is kept here (see KEEPS_DEADLINE): on the transport's one timer, no AbortController or
  // signal listeners.
  const timers = deadlines()
  const send = (request: HttpRequest, ms?: number): Promise<Result> =>
    new Promise<Result>((settle) => {
      let deadline: Deadline | undefined
      // Answered, failed or past its deadline: nothing more is sent for it.
      let settled = false
      const resolve = (result: Result): void => {
        settled = true
        if (deadline !== undefined) timers.remove(deadline)
        settle(result)
      }
      const fail = (thrown: unknown): void =>
        resolve({ _tag: 'Left', left: transportError(request.operation ?? 'request', redact(request), causeText(thrown)) })
      // The whole answer arrived but its content encoding is broken: the same bytes would come again.
      const undecodable = (thrown: unknown, body: string): void =>
        resolve({ _tag: 'Left', left: parseError(request.operation ?? 'request', `the body could not be decompressed (${causeText(thrown)})`, body) })
      const target = targetOf(request.url)
      if (target === undefined) return resolve({ _tag: 'Left', left: invalidUrl(request) as KayakoError })
      const protocol = target.protocol
      const agent = agentFor(protocol) as http.Agent
      const headers: Record<string, string> = {}
      let encodingAsked = false
      let lengthGiven = false
      for (const name in request.headers) {
        headers[name] = request.headers[name] as string
        const lower = name.toLowerCase()
        encodingAsked ||= lower === 'accept-encoding'
        lengthGiven ||= lower === 'content-length'
      }
      if (compress && !encodingAsked) headers['accept-encoding'] = 'gzip, deflate, br'
      const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body
      if (body !== undefined && !lengthGiven) headers['content-length'] = String(body.byteLength)

      let phase: TransferPhase | undefined
      const enter = (next: TransferPhase): void => {
        phase = next
        request.onPhase?.(next)
      }
      let response: http.IncomingMessage | undefined
      const onResponse = (res: http.IncomingMessage): void => {
        response = res
        enter('body')
        const responseHeaders = headersOf(res.headers)
        const answer = (bytes: Buffer): void => {
          if (request.bytes === true) {
            resolve({
              _tag: 'Right',
              right: { status: res.statusCode ?? 0, headers: responseHeaders, body: '', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) }
            })
            return
          }
          const text = bytes.toString('utf8')
          // As fetch's text(): a UTF-8 byte order mark is not part of the text.
          resolve({
            _tag: 'Right',
            right: { status: res.statusCode ?? 0, headers: responseHeaders, body: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
          })
        }
        res.on('error', fail)
        res.on('close', () => {
          if (!res.complete) fail(new Error('the connection closed before the response ended'))
        })
        const encoding = responseHeaders['content-encoding']
        const limit = request.maxBodyBytes
        if (limit !== undefined && Number.isFinite(limit)) return readLimited(res, encoding, limit, answer, (thrown) => undecodable(thrown, ''))
        const chunks: Array<Buffer> = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const received = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
          decompress(encoding, received, (error, bytes) => (error === null ? answer(bytes) : undecodable(error, '')))
        })
      }

      // A kept-alive socket the server closed while it lay idle (its keep-alive timeout, 5 s on Node and Apache) can be
      // handed to this request just as the close is on its way: the request then meets a FIN or a reset (`socket hang
      // up`, ECONNRESET, EPIPE) and no byte of an answer. The server never received it, or cannot tell it from a crash
      // before answering; so it is sent once more on a fresh connection only when sending it twice does what sending it
      // once does: the idempotent methods (IDEMPOTENT_METHODS: GET, PUT, DELETE; RFC 9110 §9.2.2 lets a client repeat
      // them after a failure before it could read the answer). A POST (a new ticket or reply) or PATCH that met a reset
      // may have been applied, so it fails as before, and so does a failure on a fresh socket, after any byte of an
      // answer, after the deadline or an abort, or of the retry itself.
      const repeatable = IDEMPOTENT_METHODS.includes(request.method)
      let retried = false
      let current: http.ClientRequest | undefined
      const attempt = (): void => {
        try {
          const lib = protocol === 'https:' ? https : http
          // One shape, no spread: the options are read by Node's ClientRequest on every request.
          const sent: http.RequestOptions = {
            protocol,
            hostname: target.hostname,
            port: target.port,
            path: target.path,
            method: request.method,
            headers,
            agent
          }
          if (target.auth !== undefined) sent.auth = target.auth
          if (request.signal !== undefined) sent.signal = request.signal
          const req = (current = lib.request(sent, onResponse))
          // A pooled socket's bytes read when this request took it (more at an error: an answer had begun), and its
          // server, read while the socket is open (Node keeps it for later).
          let pooled: net.Socket | undefined
          let readBefore = 0
          let server: { readonly address: string | undefined; readonly port: number | undefined } | undefined
          req.on('error', (error) => {
            const code = (error as NodeJS.ErrnoException).code
            // Bytes after a complete response (a Content-Length shorter than the body) fail the socket, not the answer.
            if (response?.complete === true) return
            if (
              pooled !== undefined &&
              !retried &&
              !settled &&
              response === undefined &&
              pooled.bytesRead === readBefore &&
              (code === 'ECONNRESET' || code === 'EPIPE') &&
              request.signal?.aborted !== true
            ) {
              retried = true
              dropIdle(agent, server?.address, server?.port)
              return attempt()
            }
            fail(error)
          })
          const tracksPhases = ms !== undefined || request.onPhase !== undefined
          if (tracksPhases) enter('connect')
          if (tracksPhases || repeatable) {
            req.on('socket', (socket) => {
              if (repeatable && req.reusedSocket && !retried) {
                pooled = socket
                readBefore = socket.bytesRead
                server = { address: socket.remoteAddress, port: socket.remotePort }
              }
              if (!tracksPhases) return
              if (socket.connecting) socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', () => enter('headers'))
              else enter('headers')
            })
          }
          req.end(body)
        } catch (thrown) {
          fail(thrown)
        }
      }
      if (ms !== undefined) {
        deadline = timers.add(ms, () => {
          settled = true
          settle({ _tag: 'Left', left: lateError(request, ms, phase) })
          current?.destroy()
        })
      }
      attempt()
    })

  const transport = ((request: HttpRequest) => () => send(request)) as Transport
  const destroy = (): void => {
    httpAgent?.destroy()
    httpsAgent?.destroy()
  }
  return Object.assign(transport, { destroy, [KEEPS_DEADLINE]: send })
}
