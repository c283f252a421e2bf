// THE resume test of `kayako export`: the command runs as a child process (`node --import tsx src/cli/kayako.ts
// export …`) against a sandbox served over HTTP by this test, and is killed at random points, SIGKILL mostly and
// SIGTERM sometimes, then resumed with --resume, again and again; the folder it finally completes must be
// byte-identical to that of an uninterrupted export, the manifest's `started`, `finished` and `resumed` aside (the
// only fields that say when). A proxy in front of the sandbox counts the attachment downloads: one already complete
// on disk is not downloaded again.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'

const kill = suite('kayako export, killed at random points and resumed')

const ROOT = resolve(import.meta.dirname, '../..')
/** Enough tickets (each with posts, notes, attachments) that a run lasts a few seconds; e17-lib's tests cover 5,000. */
const TICKETS = 100
const KILLS = Number(process.env.KILLS ?? 20)

let sandbox: RunningSandbox | undefined
let scratch = ''

/** A proxy in front of the sandbox that counts the attachment downloads through it, by attachment id. */
interface Proxy {
  readonly url: string
  readonly downloads: Map<string, number>
  readonly close: () => Promise<void>
}

const proxyTo = async (target: URL): Promise<Proxy> => {
  const downloads = new Map<string, number>()
  const server: Server = createServer((req, res) => {
    const e = new URL(req.url ?? '/', 'http://x').searchParams.get('e') ?? ''
    const attachment = /^\/Tickets\/TicketAttachment\/\d+\/(\d+)/.exec(e)?.[1]
    if (attachment !== undefined) downloads.set(attachment, (downloads.get(attachment) ?? 0) + 1)
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`,
    downloads,
    close: async () => {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
    }
  }
}

kill.before(async () => {
  sandbox = await startSandbox({ bulk: { tickets: TICKETS } })
  scratch = mkdtempSync(join(tmpdir(), 'kayako-export-kill-'))
})

kill.after(async () => {
  await sandbox?.close()
  rmSync(scratch, { recursive: true, force: true })
})

interface Run {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly pages: number
  readonly stderr: string
  readonly ms: number
  /** When the first `page` event was printed (start-up done), in ms from the start. */
  readonly firstPage: number
}

/**
 * When to stop a run: once it printed that many `page` events; or that long after it started (`afterMs`), or after its
 * first `page` event (`afterPageMs`).
 */
type Stop = { readonly signal: NodeJS.Signals } & ({ readonly pages: number } | { readonly afterMs: number } | { readonly afterPageMs: number })

/** Runs the command; with `stop`, sends its signal then (the child goes on until the signal lands: wherever it then is). */
const exportRun = (url: string, dir: string, resume: boolean, stop?: Stop): Promise<Run> =>
  new Promise((done) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/kayako.ts', 'export', '--api', 'classic', '--out', dir, '--json', ...(resume ? ['--resume'] : [])],
      {
        cwd: ROOT,
        env: { ...process.env, KAYAKO_URL: url, KAYAKO_API_KEY: sandbox?.apiKey ?? '', KAYAKO_SECRET_KEY: sandbox?.secretKey ?? '' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let timer = stop !== undefined && 'afterMs' in stop ? setTimeout(() => child.kill(stop.signal), stop.afterMs) : undefined
    let pages = 0
    let firstPage = 0
    let rest = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('{"type":"page"')) continue
        if (pages++ === 0) firstPage = Date.now() - started
        if (stop !== undefined && 'pages' in stop && pages === stop.pages) child.kill(stop.signal)
        if (stop !== undefined && 'afterPageMs' in stop && pages === 1) timer = setTimeout(() => child.kill(stop.signal), stop.afterPageMs)
      }
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ code, signal, pages, stderr, ms: Date.now() - started, firstPage })
    })
  })

/** Every file under dir with its bytes; the manifest without the fields that say when. */
const snapshot = (dir: string): Map<string, string> => {
  const files = new Map<string, string>()
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.set(relative(dir, path), readFileSync(path).toString('base64'))
    }
  }
  walk(dir)
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>
  // `server` too: each chain of runs reads through its own proxy (its own port).
  files.set('manifest.json', JSON.stringify({ ...manifest, started: '', finished: '', resumed: [], server: '' }))
  return files
}

kill(
  'killed at ≥ 20 random points (SIGKILL and SIGTERM) and resumed: the same files as an uninterrupted run; no complete attachment fetched again',
  async () => {
    const started = Date.now()
    if (sandbox === undefined) throw new Error('no sandbox')
    const target = new URL(sandbox.url)
    const reference = await exportRun(sandbox.url, join(scratch, 'whole'), false)
    assert.is(reference.code, 0, reference.stderr)
    const expected = snapshot(join(scratch, 'whole'))
    const attachments = readdirSync(join(scratch, 'whole', 'files', 'ticket-attachments')).length
    assert.ok(attachments >= TICKETS / 4, `${attachments} attachments`)

    /**
     * One chain of runs in its own folders, through its own proxy: killed `kills` times, resumed after each kill.
     * Half the kills land at the first or second checkpoint of the run (the signal arrives while the run goes on), so
     * that the runs move through the export; the others at a random time: up to 1 s after the run's first checkpoint
     * (mid-page, mid-download, mid-write) or, every fourth, during start-up. A run that completes before its kill lands
     * ends a round: its folder is compared, and a new round starts in a new folder.
     */
    const chain = async (name: string, kills: number, seed: number) => {
      const proxy = await proxyTo(target)
      let random = seed % 2147483647 || 1
      const draw = (n: number): number => (random = (random * 48271) % 2147483647) % n
      let round = 0
      let killed = join(scratch, `${name}-${round}`)
      let fetchedAgain = 0
      const onDisk = (): ReadonlyArray<string> => {
        try {
          return readdirSync(join(killed, 'files', 'ticket-attachments')).filter((file) => !file.startsWith('.'))
        } catch {
          return []
        }
      }
      /** Runs, and checks that no attachment complete on disk before the run was downloaded by it. */
      const checked = async (resume: boolean, stop?: Stop): Promise<Run> => {
        const complete = onDisk()
        const before = new Map(proxy.downloads)
        const run = await exportRun(proxy.url, killed, resume, stop)
        for (const id of complete) assert.is(proxy.downloads.get(id), before.get(id), `attachment ${id} was complete on disk and was downloaded again`)
        fetchedAgain += [...proxy.downloads].filter(([id, n]) => (before.get(id) ?? 0) > 0 && n > (before.get(id) ?? 0)).length
        return run
      }
      const compare = (): void => {
        const got = snapshot(killed)
        assert.equal([...got.keys()], [...expected.keys()])
        assert.equal(JSON.parse(got.get('manifest.json') ?? '{}'), JSON.parse(expected.get('manifest.json') ?? '{}'), `manifest.json of ${killed}`)
        for (const [path, bytes] of expected) assert.ok(got.get(path) === bytes, `${path} differs in ${killed}`)
      }
      const signals: Array<NodeJS.Signals> = []
      let resume = false
      try {
        while (signals.length < kills) {
          const signal: NodeJS.Signals = signals.length % 4 === 3 ? 'SIGTERM' : 'SIGKILL'
          const stop: Stop =
            signals.length % 2 === 1
              ? { signal, pages: 1 + draw(2) }
              : signals.length % 8 === 6
                ? { signal, afterMs: 200 + draw(Math.max(1, reference.firstPage - 200)) }
                : { signal, afterPageMs: draw(1000) }
          const run = await checked(resume, stop)
          if (run.code === 0) {
            compare()
            killed = join(scratch, `${name}-${++round}`)
            proxy.downloads.clear()
            resume = false
            continue
          }
          if (signal === 'SIGKILL') assert.is(run.signal, 'SIGKILL', run.stderr)
          else assert.ok(run.code === 130 || run.signal === 'SIGTERM', `SIGTERM: interrupted (130) or killed before its handler was set, ${run.stderr}`)
          signals.push(signal)
          resume = true
        }
        const last = await checked(resume)
        assert.is(last.code, 0, last.stderr)
        compare()
        // Every attachment was downloaded; one fetched but not yet on disk when its run was killed is fetched again.
        assert.ok(proxy.downloads.size >= attachments)
      } finally {
        await proxy.close()
      }
      return { signals, rounds: round + 1, fetchedAgain }
    }

    // Two chains at once (the machine's two cores), each with half the kills.
    const seed = Number(process.env.FC_SEED ?? Date.now())
    const chains = await Promise.all([chain('a', Math.ceil(KILLS / 2), seed), chain('b', Math.floor(KILLS / 2), seed + 1)])
    const signals = chains.flatMap((c) => c.signals)
    assert.ok(signals.length >= 20)
    console.log(
      `  [${signals.length} kills (${signals.filter((s) => s === 'SIGKILL').length} SIGKILL) in ${chains.map((c) => c.rounds).join('+')} rounds, ${reference.pages} pages and ${(reference.ms / 1000).toFixed(1)} s per whole run, ${attachments} attachments, ${chains.reduce((n, c) => n + c.fetchedAgain, 0)} fetched again (not on disk at a kill), ${((Date.now() - started) / 1000).toFixed(1)} s]`
    )
  }
)

kill.run()
