// The `kayako` command as a user gets it: the tarball packed and installed with npm into a fresh project (from the
// npm cache, offline), then `npx kayako sandbox --port 0`, whose printed URLs must serve both APIs.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { nodeTransport } from '../../src/node/index'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { until } from '../support/timers'
import { unwrap } from '../support/transport'
import { ROOT } from './entries.mjs'

const bin = suite('the kayako command from the installed tarball')

let scratch = ''
let project = ''
let child: ChildProcess | undefined

bin.before(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' })
  scratch = mkdtempSync(join(tmpdir(), 'kayako-fp-bin-'))
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const [info] = JSON.parse(out) as Array<{ filename: string }>
  if (info === undefined) throw new Error('npm pack reported nothing')
  project = join(scratch, 'project')
  execFileSync('mkdir', [project])
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', version: '1.0.0', private: true }))
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, info.filename)], { cwd: project, stdio: 'pipe' })
})

bin.after(() => {
  // The command runs in its own process group (detached): stop the whole group, npx and the node it started.
  try {
    if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  } catch {
    // already gone
  }
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
})

const npx = (args: ReadonlyArray<string>) => spawnSync('npx', ['--no-install', 'kayako', ...args], { cwd: project, encoding: 'utf8' })

bin('npx kayako --help lists sandbox; a wrong command exits 2', () => {
  const help = npx(['--help'])
  assert.is(help.status, 0, help.stderr)
  assert.match(help.stdout, /sandbox/)
  const wrong = npx(['nope'])
  assert.is(wrong.status, 2)
  assert.match(wrong.stderr, /unknown command 'nope'/)
})

bin('npx kayako sandbox --port 0 prints URLs and credentials that serve both APIs; Ctrl-C stops it', async () => {
  const started = spawn('npx', ['--no-install', 'kayako', 'sandbox', '--port', '0'], { cwd: project, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child = started
  let stdout = ''
  let stderr = ''
  started.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<string>((resolve) => started.on('exit', (code, signal) => resolve(signal ?? String(code))))
  await until(() => stdout.includes('Ctrl-C'), 60_000, 50)
  const field = (label: string, after = 0): string => {
    const found = new RegExp(`^ {2}${label} +(\\S+)$`, 'm').exec(stdout.slice(after))
    if (found?.[1] === undefined) throw new Error(`no ${label} in:\n${stdout}\n${stderr}`)
    return found[1]
  }
  const v1At = stdout.indexOf('v1 JSON API')
  const transport = nodeTransport()
  const run = classic({ url: field('URL'), apiKey: field('API key'), secretKey: field('Secret key'), transport })
  assert.match(field('URL'), /^http:\/\/127\.0\.0\.1:\d+\/api\/index\.php$/)
  assert.ok(unwrap(await run(Department.all())()).length > 0)
  const cases = unwrap(
    await v1({ url: field('URL', v1At), auth: { username: field('Username', v1At), password: field('Password', v1At) }, transport })(Case.all())()
  )
  assert.ok(cases.items.length > 0)
  // Ctrl-C reaches the whole group: npx ends by the signal, the command closes the server (the port refuses).
  process.kill(-(started.pid as number), 'SIGINT')
  assert.ok(['0', 'SIGINT'].includes(await exited), stderr)
  assert.is((await run(Department.all())())._tag, 'Left')
})

bin.run()
