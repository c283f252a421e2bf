// Request overhead: requests per second of the full client (sign, send, parse, decode) against a server on
// 127.0.0.1 in another process, beside the raw transports (node:http with a keep-alive agent, the global fetch) that
// send a pre-signed URL and only parse the answer with txml — sequentially and with 32 requests in flight.
import { type ChildProcess, spawn } from 'node:child_process'
import * as http from 'node:http'
import { join } from 'node:path'
import { parse } from 'txml/txml'
import { toHttpRequest } from '../../src/classic/internal/executor'
import { randomSalt } from '../../src/classic/internal/sign'
import type { Signer } from '../../src/classic/internal/signer'
import { Classic, Core, Department, NodeOnly } from './built'
import { API_KEY, SECRET_KEY } from './keys'
import { fixed, interleaved, median, table } from './measure'

export { API_KEY, SECRET_KEY } from './keys'

export interface Server {
  readonly url: string
  readonly label: string
  readonly stop: () => void
}

/** Starts test/bench/server.ts in a child process (so that server and client do not share one event loop). */
export const startServer = (): Promise<Server> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server.ts')], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line !== undefined) {
        const { url, label } = JSON.parse(line) as { url: string; label: string }
        resolve({ url, label, stop: () => child.kill() })
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })

type Send = () => Promise<unknown>

/** `total` requests, at most `concurrency` in flight. */
const load = async (send: Send, total: number, concurrency: number): Promise<void> => {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < total) {
      next++
      await send()
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

export interface RequestResult {
  readonly server: string
  readonly sequential: Record<string, number>
  readonly concurrent: Record<string, number>
  /** Client CPU (user + system) µs per request in the sequential runs, the median over the rounds. */
  readonly sequentialCpu: Record<string, number>
}

export const benchRequests = async (rounds: number, server: Server, sequentialCount = 1000, concurrentCount = 3000): Promise<RequestResult> => {
  const url = `${server.url}/api/index.php`
  const request = Department.get(1)
  // The raw loops send pre-signed requests, a different salt each time (more salts than the sandbox caches), so that
  // the server verifies a fresh signature for every request of every contender.
  const presigned: Array<{ url: string; headers: Readonly<Record<string, string>> }> = []
  for (let i = 0; i < 4096; i++) {
    const salt = randomSalt()
    const signed = toHttpRequest(url, request, { apikey: API_KEY, salt, signature: NodeOnly.nodeSigner(SECRET_KEY)(salt) as string })
    presigned.push({ url: signed.url, headers: signed.headers })
  }
  let turn = 0
  const nextSigned = () => presigned[turn++ % presigned.length] as (typeof presigned)[number]

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })
  const rawNode: Send = () =>
    new Promise((resolve, reject) => {
      const signed = nextSigned()
      http
        .get(signed.url, { agent, headers: signed.headers }, (res) => {
          const chunks: Array<Buffer> = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve(parse(Buffer.concat(chunks).toString('utf8'))))
          res.on('error', reject)
        })
        .on('error', reject)
    })
  const rawFetch: Send = async () => {
    const signed = nextSigned()
    return parse(await (await fetch(signed.url, { headers: signed.headers })).text())
  }

  const node = NodeOnly.nodeTransport()
  // The Node build's defaults: the shared keep-alive node:http transport and node:crypto signing.
  const viaDefaults = Classic.classic({ url, apiKey: API_KEY, secretKey: SECRET_KEY })
  const viaNode = Classic.classic({ url, apiKey: API_KEY, secretKey: SECRET_KEY, transport: node, signer: Classic.webCryptoSigner })
  const viaNodeSigner = Classic.classic({ url, apiKey: API_KEY, secretKey: SECRET_KEY, transport: node, signer: NodeOnly.nodeSigner })
  // The alternative, evaluated here rather than offered as an option: one (salt, signature) pair reused for
  // a second (a salt source that changes once a second, and a signer that remembers the last signature).
  let windowStart = 0
  let windowSalt = ''
  const reusedSalt = (): string => {
    if (Date.now() - windowStart > 1000) {
      windowStart = Date.now()
      windowSalt = randomSalt()
    }
    return windowSalt
  }
  const rememberLast: Signer = (secretKey) => {
    const sign = Classic.webCryptoSigner(secretKey)
    let last: { salt: string; signature: string | Promise<string> } | undefined
    return (salt) => {
      if (last?.salt !== salt) last = { salt, signature: sign(salt) }
      return last.signature
    }
  }
  const viaNodeReuse = Classic.classic({ url, apiKey: API_KEY, secretKey: SECRET_KEY, transport: node, salt: reusedSalt, signer: rememberLast })
  const viaFetch = Classic.classic({ url, apiKey: API_KEY, secretKey: SECRET_KEY, transport: Core.fetchTransport })
  const checked =
    (run: typeof viaNode): Send =>
    async () => {
      const r = await run(request)()
      if (r._tag === 'Left') throw new Error(`bench request failed: ${JSON.stringify(r.left)}`)
      return r
    }
  const senders = {
    rawNode,
    clientDefaults: checked(viaDefaults),
    clientNode: checked(viaNode),
    clientNodeSigner: checked(viaNodeSigner),
    clientNodeReuse: checked(viaNodeReuse),
    rawFetch,
    clientFetch: checked(viaFetch)
  }

  const rps = (count: number, ms: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, (count * 1000) / v]))
  // The process's CPU time per request of each contender (the server runs in another process): what the client costs
  // whatever the server and the machine's load add to the wall time.
  const cpu: Record<string, Array<number>> = {}
  const run = async (count: number, concurrency: number) =>
    rps(
      count,
      await interleaved(
        rounds,
        Object.fromEntries(
          Object.entries(senders).map(([name, send]) => [
            name,
            async () => {
              const before = process.cpuUsage()
              await load(send, count, concurrency)
              const used = process.cpuUsage(before)
              ;(cpu[name] ??= []).push((used.user + used.system) / count)
            }
          ])
        ) as Record<keyof typeof senders, () => Promise<void>>
      )
    )
  const sequential = await run(sequentialCount, 1)
  // The warm-up round's figure is left out.
  const sequentialCpu = Object.fromEntries(Object.entries(cpu).map(([name, us]) => [name, median(us.slice(1))]))
  const concurrent = await run(concurrentCount, 32)
  node.destroy()
  agent.destroy()
  return { server: server.label, sequential, concurrent, sequentialCpu }
}

export const requestTable = (r: RequestResult): string => {
  const row = (label: string, key: string, base: string) => [
    label,
    fixed(r.sequential[key] ?? 0, 0),
    `${fixed((r.sequential[key] ?? 0) / (r.sequential[base] ?? 1))}×`,
    fixed(r.concurrent[key] ?? 0, 0),
    `${fixed((r.concurrent[key] ?? 0) / (r.concurrent[base] ?? 1))}×`,
    fixed(r.sequentialCpu[key] ?? 0, 0)
  ]
  return (
    table(
      ['requests per second', 'sequential', 'ratio¹', 'concurrency 32', 'ratio¹', 'client CPU µs a request, sequential'],
      [
        row('raw node:http keep-alive + txml.parse', 'rawNode', 'rawNode'),
        row('**client with its defaults** (Node: keep-alive node:http, node:crypto signing)', 'clientDefaults', 'rawNode'),
        row('client + nodeTransport + WebCrypto signing', 'clientNode', 'rawNode'),
        row('client + nodeTransport + nodeSigner', 'clientNodeSigner', 'rawNode'),
        row('client + nodeTransport, one salt per second (evaluated, not offered)', 'clientNodeReuse', 'rawNode'),
        row('raw fetch + txml.parse', 'rawFetch', 'rawNode'),
        row('client + fetchTransport', 'clientFetch', 'rawFetch')
      ]
    ) +
    '\n\n¹ the client rows against their raw transport (node:http or fetch); raw fetch against raw node:http.' +
    '\n\nThe sandbox remembers the signatures of its last 512 salts: the "one salt per second" row also spares the server its' +
    ' HMAC (a Kayako server computes it on every request), so it overstates what reusing a salt would save; the signing' +
    ' table below gives the client-side saving (one signature per request).'
  )
}
