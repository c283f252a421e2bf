// `kayako export` in this process against a sandbox served over HTTP: both APIs, --verify against the server's own
// counts, shards, faults with Retry-After, an undecodable record (exit 3), an interrupted run resumed, the progress
// modes, and no credential anywhere in the output or the folder (sentinel keys).
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { Writable } from 'node:stream'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { exportCommand, type ExportEnvironment } from '../../src/cli/export'
import { readManifest, type Manifest } from '../../src/cli/exportFolder'
import type { CommandIo } from '../../src/cli/main'
import type { Transport } from '../../src/core/http'
import { nodeTransport } from '../../src/node/index'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'

const KEY = 'Sentinel-ApiKey-7d41c0'
const SECRET = 'Sentinel+Secret/93ab=='

const io = (signal: AbortSignal = new AbortController().signal) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const value: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), signal }
  return { out, err, io: value, all: () => [...out, ...err].join('\n') }
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'kayako-export-'))

const manifestOf = (dir: string): Manifest => {
  const manifest = readManifest(dir)
  if ('refused' in manifest) throw new Error(manifest.refused)
  return manifest
}

/** Every file under dir, by path, with its text; the manifest without the fields that say when. */
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
  files.set('manifest.json', JSON.stringify({ ...manifestOf(dir), started: '', finished: '', resumed: [] }))
  return files
}

/** Every file's text under dir, concatenated (for the sentinel). */
const everything = (dir: string): string => [...snapshot(dir).values()].map((b) => Buffer.from(b, 'base64').toString('utf8')).join('\n')

const classicEnv = (s: RunningSandbox, transport?: Transport): ExportEnvironment => ({
  env: { KAYAKO_URL: s.url, KAYAKO_API_KEY: s.apiKey, KAYAKO_SECRET_KEY: s.secretKey },
  ...(transport === undefined ? {} : { transport })
})

const command = suite('kayako export against the sandbox')
let sandbox: RunningSandbox | undefined
const dirs: Array<string> = []
const folder = (): string => {
  const dir = scratch()
  dirs.push(dir)
  return join(dir, 'export')
}

command.before(async () => {
  sandbox = await startSandbox({ apiKey: KEY, secretKey: SECRET })
})
command.after(async () => {
  await sandbox?.close()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const running = (): RunningSandbox => {
  if (sandbox === undefined) throw new Error('no sandbox')
  return sandbox
}

command(
  'Classic: every resource written, --verify with credentials agrees with the server (TicketCount, list lengths); no credential in any output or file',
  async () => {
    const s = running()
    const dir = folder()
    const plain = io()
    assert.is(await exportCommand(['--api', 'classic', '--out', dir], plain.io, classicEnv(s)), 0, plain.all())
    const manifest = manifestOf(dir)
    assert.is(manifest.complete, true)
    assert.is(manifest.server, s.url)
    assert.ok((manifest.resources.tickets?.count ?? 0) > 0)
    assert.is(manifest.resources.tickets?.count, manifest.resources.tickets?.total)
    assert.match(plain.all(), /tickets: started \(\d+ on the server\)/)
    assert.match(plain.all(), /export of .* \(classic\): complete/)
    const verify = io()
    assert.is(await exportCommand(['--verify', dir], verify.io, classicEnv(s)), 0, verify.all())
    assert.match(verify.all(), /tickets +\d+ +server: \d+/)
    assert.match(verify.all(), /departments +5 +server: 5/)
    for (const text of [plain.all(), verify.all(), everything(dir)])
      for (const secret of [KEY, SECRET, encodeURIComponent(SECRET)]) assert.not.ok(text.includes(secret), secret)
  }
)

command(
  'v1: an export with a password login, verified against the lists’ total_count; --json prints events without record bodies or the password',
  async () => {
    const s = running()
    const login = s.v1
    if (login === undefined) throw new Error('no v1')
    const dir = folder()
    const env: ExportEnvironment = { env: { KAYAKO_V1_URL: login.url, KAYAKO_EMAIL: login.username, KAYAKO_PASSWORD: login.password } }
    const json = io()
    assert.is(await exportCommand(['--api', 'v1', '--out', dir, '--json'], json.io, env), 0, json.all())
    const events = json.out.map((line) => JSON.parse(line) as { type: string; record?: unknown })
    assert.ok(events.some((e) => e.type === 'resource-start'))
    assert.ok(events.some((e) => e.type === 'page'))
    assert.is(events.at(-1)?.type, 'done')
    assert.not.ok(events.some((e) => 'record' in e))
    assert.is(json.err.length, 0)
    const verify = io()
    assert.is(await exportCommand(['--verify', '--json', dir], verify.io, env), 0, verify.all())
    const report = JSON.parse(verify.out[0] ?? '{}') as { server: ReadonlyArray<{ resource: string; exported: number; server: number }> }
    const cases = report.server.find((c) => c.resource === 'cases')
    assert.ok(cases !== undefined && cases.exported === cases.server && cases.exported > 0, JSON.stringify(report.server))
    for (const text of [json.all(), verify.all(), everything(dir)]) assert.not.ok(text.includes(login.password))
  }
)

command('--shard i/n: each part in its own folder; --verify of the parts as one export matches the server; one part alone is reported', async () => {
  const s = running()
  const parts = [0, 1, 2].map(() => folder())
  for (const [index, dir] of parts.entries()) {
    const run = io()
    assert.is(await exportCommand(['--api', 'classic', '--out', dir, '--shard', `${index}/3`, '--quiet'], run.io, classicEnv(s)), 0, run.all())
    assert.equal(run.out, [])
    assert.equal(manifestOf(dir).shard, { index, count: 3 })
  }
  const whole = folder()
  assert.is(await exportCommand(['--api', 'classic', '--out', whole, '--quiet'], io().io, classicEnv(s)), 0)
  const ticketsOf = (dir: string) => manifestOf(dir).resources.tickets?.count ?? 0
  assert.is(
    parts.map(ticketsOf).reduce((a, b) => a + b, 0),
    ticketsOf(whole)
  )
  assert.ok(parts.every((dir) => manifestOf(dir).resources.departments?.count === manifestOf(whole).resources.departments?.count))
  const together = io()
  assert.is(await exportCommand(['--verify', ...parts], together.io, classicEnv(s)), 0, together.all())
  assert.match(together.all(), new RegExp(`tickets +${ticketsOf(whole)} +server: ${ticketsOf(whole)}`))
  const alone = io()
  assert.is(await exportCommand(['--verify', parts[1] ?? ''], alone.io, classicEnv(s)), 4)
  assert.match(alone.all(), /shards missing: 0\/3, 2\/3/)
})

command(
  'an interrupted run (the signal) exits 130 and --resume finishes with the files of an uninterrupted run; resuming a complete export does nothing',
  async () => {
    const s = running()
    const whole = folder()
    assert.is(await exportCommand(['--api', 'classic', '--out', whole, '--quiet'], io().io, classicEnv(s)), 0)
    const dir = folder()
    const stop = new AbortController()
    let answers = 0
    const base = nodeTransport()
    // Stops the run after some answers, mid-export.
    const stopping: Transport = (request) => async () => {
      const answer = await base(request)()
      if (++answers === 12) stop.abort()
      return answer
    }
    const first = io(stop.signal)
    assert.is(await exportCommand(['--api', 'classic', '--out', dir], first.io, classicEnv(s, stopping)), 130, first.all())
    assert.match(first.all(), /interrupted; go on with/)
    assert.is(manifestOf(dir).complete, false)
    const again = io()
    assert.is(await exportCommand(['--api', 'classic', '--out', dir], again.io, classicEnv(s)), 2)
    assert.match(again.all(), /pass --resume/)
    const resumed = io()
    assert.is(await exportCommand(['--api', 'classic', '--out', dir, '--resume'], resumed.io, classicEnv(s)), 0, resumed.all())
    assert.match(resumed.all(), /resuming the export/)
    assert.equal(snapshot(dir), snapshot(whole))
    assert.is(manifestOf(dir).resumed.length, 1)
    const done = io()
    assert.is(await exportCommand(['--api', 'classic', '--out', dir, '--resume'], done.io, classicEnv(s)), 0)
    assert.match(done.all(), /complete already/)
  }
)

command('faults on 20% of the requests (429 with Retry-After, 503, resets): every record still exported, the waits logged', async () => {
  const faulty = await startSandbox({ faults: { rate: 0.2, kinds: ['429', '503', 'reset'], seed: 7 } })
  try {
    const clean = folder()
    assert.is(
      await exportCommand(
        ['--api', 'classic', '--out', clean, '--quiet', '--resources', 'departments,users,tickets,ticket-posts,ticket-attachments'],
        io().io,
        classicEnv(running())
      ),
      0
    )
    const dir = folder()
    const run = io()
    const code = await exportCommand(
      ['--api', 'classic', '--out', dir, '--resources', 'departments,users,tickets,ticket-posts,ticket-attachments'],
      run.io,
      classicEnv(faulty)
    )
    assert.is(code, 0, run.all())
    assert.match(run.all(), /waiting \d+ s before trying again \(.*(HTTP 429|HTTP 503|reset).*\)/)
    const counts = (d: string) => Object.fromEntries(Object.entries(manifestOf(d).resources).map(([name, e]) => [name, e.count]))
    assert.equal(counts(dir), counts(clean))
    assert.equal(manifestOf(dir).files, manifestOf(clean).files)
  } finally {
    await faulty.close()
  }
})

command('a record that cannot be decoded goes to errors.ndjson with its raw answer; the export goes on and exits 3', async () => {
  const s = running()
  const base = nodeTransport()
  // The department list answers one department with an id that is not a number.
  const broken: Transport = (request) => async () => {
    const answer = await base(request)()
    if (answer._tag === 'Right' && request.url.includes('e=/Base/Department&'))
      return { ...answer, right: { ...answer.right, body: answer.right.body.replace(/<id><!\[CDATA\[\d+\]\]><\/id>/, '<id>not-a-number</id>') } }
    return answer
  }
  const dir = folder()
  const run = io()
  assert.is(await exportCommand(['--api', 'classic', '--out', dir, '--resources', 'departments'], run.io, classicEnv(s, broken)), 3, run.all())
  const manifest = manifestOf(dir)
  assert.is(manifest.errors.count, 1)
  assert.is(manifest.resources.departments?.count, 4)
  const error = JSON.parse(readFileSync(join(dir, 'errors.ndjson'), 'utf8')) as { resource: string; error: { tag: string }; raw: string }
  assert.is(error.resource, 'departments')
  assert.is(error.error.tag, 'DecodeError')
  assert.match(error.raw, /<id>not-a-number<\/id>/)
  assert.match(run.all(), /departments.*skipped/)
  const verify = io()
  assert.is(await exportCommand(['--verify', dir], verify.io, { env: {} }), 0, verify.all())
})

command('exit 1 when the folder cannot be written (a file stands where it should be); the message names it, no credential', async () => {
  const s = running()
  const dir = folder()
  mkdirSync(dirname(dir), { recursive: true })
  writeFileSync(dir, 'a file, not a folder')
  const run = io()
  assert.is(await exportCommand(['--api', 'classic', '--out', join(dir, 'inside')], run.io, classicEnv(s)), 1)
  assert.match(run.all(), /kayako export: .*(ENOTDIR|EEXIST)/)
  assert.not.ok(run.all().includes(SECRET) || run.all().includes(KEY))
})

command('on a terminal: cli-progress bars per resource in progress (count/total, rate, ETA), a line per finished resource', async () => {
  const s = running()
  let written = ''
  const terminal = Object.assign(
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        written += chunk.toString()
        done()
      }
    }),
    { isTTY: true, columns: 120, rows: 40, cursorTo: () => true, moveCursor: () => true, clearLine: () => true, clearScreenDown: () => true }
  ) as unknown as NodeJS.WriteStream
  const dir = folder()
  const run = io()
  assert.is(
    await exportCommand(['--api', 'classic', '--out', dir, '--resources', 'departments,tickets,ticket-posts'], run.io, { ...classicEnv(s), tty: terminal }),
    0
  )
  assert.match(written, /tickets +█+ \d+\/\d+ +[\d.]+\/s +done/)
  assert.match(written, /departments +█+ 5 +[\d.]+\/s +done/)
  assert.not.match(run.err.join('\n'), /started/)
})

command('npm run demo ends with an export of the sandbox and its manifest in short', () => {
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'src/sandbox/demo.ts'], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8' })
  assert.is(demo.status, 0, demo.stderr)
  assert.match(demo.stdout, /9\. Export everything: kayako export --api classic --out <folder>/)
  assert.match(demo.stdout, /tickets +\d+ +\d+ +[0-9a-f]{12}…/)
  assert.match(demo.stdout, /\d+ attachments \(\d+ bytes\) under files\/, 0 errors; exit code 0/)
})

command.run()
