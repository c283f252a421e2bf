// Hostile servers on 127.0.0.1 for the reliability suites: each case installs its own raw handler (full control of
// status, headers, timing and the socket), and runs over every transport the library ships.
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { fetchTransport, type Transport } from '../../src/core/http'
import { nodeTransport } from '../../src/node/index'

export interface Received {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: Buffer
}

export type HostileHandler = (req: Received, res: ServerResponse, socket: Socket) => void

export interface HostileServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** Everything this server received since it started (or since `received.length = 0`). */
  readonly received: Array<Received>
  /** Replaces the handler for the next requests. */
  handle(handler: HostileHandler): void
  close(): Promise<void>
}

/** A server whose answers the test writes by hand; its sockets are destroyed on close, so a stalled answer ends. */
export const hostileServer = async (initial: HostileHandler = (_, res) => res.end()): Promise<HostileServer> => {
  let handler = initial
  const received: Array<Received> = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) }
      received.push(r)
      handler(r, res, req.socket)
    })
  })
  // Node closes a kept-alive connection after 5 s idle; a client that takes it from its pool for the next call at that
  // moment gets ECONNRESET (a loaded machine stretched the gzip bomb's calls to 5-7 s: fetch failed on the next one).
  // These servers test the answers, not idle connections: theirs stay open until the client or close() ends them.
  server.keepAliveTimeout = 0
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handle: (next) => {
      handler = next
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/** Every transport the library ships, so each hostile case runs over all of them. */
export const TRANSPORTS: ReadonlyArray<{ readonly name: string; readonly transport: () => Transport }> = [
  { name: 'fetchTransport', transport: () => fetchTransport },
  { name: 'nodeTransport', transport: () => nodeTransport() }
]

/**
 * Wall time, CPU time (this process's, every thread: test/support/cpu.ts) and RSS growth of one call, for the bounds
 * the reliability issue sets (generous margins). Wall time bounds a wait; CPU time bounds work, which a loaded machine
 * does not stretch.
 */
export const measured = async <A>(
  work: () => Promise<A>
): Promise<{ readonly value: A; readonly ms: number; readonly cpuMs: number; readonly rssGrowth: number }> => {
  const rss0 = process.memoryUsage.rss()
  const exact = resetPeakRss()
  let peak = rss0
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 5)
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  try {
    const value = await work()
    const cpu = process.cpuUsage(cpu0)
    peak = Math.max(peak, process.memoryUsage.rss(), exact ? peakRss() : 0)
    return { value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, rssGrowth: peak - rss0 }
  } finally {
    clearInterval(sampler)
  }
}

/**
 * Linux keeps the peak resident size (VmHWM), and resets it to the current size on request: the exact peak of a
 * call, where a timer on this thread misses the peak of synchronous work (a body unpacked and joined in one go: a
 * whole 64 MiB gzip bomb went unseen). Elsewhere, the timer's samples.
 */
const resetPeakRss = (): boolean => {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return peakRss() > 0
  } catch {
    return false
  }
}

const peakRss = (): number => {
  try {
    return Number(/VmHWM:\s*(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024
  } catch {
    return 0
  }
}
