// `kayako sandbox` in this process: the flags become startSandbox's options, and the served APIs answer the library.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { main, type CommandIo } from '../../src/cli/main'
import { optionsOf } from '../../src/cli/sandbox'
import { nodeTransport } from '../../src/node/index'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { until } from '../support/timers'
import { unwrap, unwrapLeft } from '../support/transport'

const io = (signal: AbortSignal = new AbortController().signal) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const value: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), signal }
  return { out, err, io: value }
}

test('kayako --help lists the subcommands; no command, an unknown one or a wrong flag is a usage error (2)', async () => {
  const help = io()
  assert.is(await main(['--help'], help.io), 0)
  assert.match(help.out.join('\n'), /^ {2}sandbox +serve the in-memory Kayako/m)
  const none = io()
  assert.is(await main([], none.io), 2)
  assert.match(none.err.join('\n'), /Usage: kayako <command>/)
  const unknown = io()
  assert.is(await main(['nonesuch'], unknown.io), 2)
  assert.match(unknown.err.join('\n'), /unknown command 'nonesuch'/)
  const flag = io()
  assert.is(await main(['sandbox', '--prot', '8080'], flag.io), 2)
  assert.match(flag.err.join('\n'), /Unknown option '--prot'[\s\S]*Usage: kayako sandbox/)
  const version = io()
  assert.is(await main(['--version'], version.io), 0)
  assert.match(version.out[0] ?? '', /^\d+\.\d+\.\d+/)
})

test('kayako sandbox --help names every fault and every tolerance', async () => {
  const help = io()
  assert.is(await main(['sandbox', '--help'], help.io), 0)
  const text = help.out.join('\n')
  for (const word of [
    '--port',
    '--seed',
    '--faults',
    '--fault-kinds',
    '--fault ',
    '--strict',
    '--lenient',
    'trickle',
    'display-id-children',
    'route-without-slash'
  ]) {
    assert.ok(text.includes(word), word)
  }
})

test('flags become startSandbox options; wrong values are refused with the reason', () => {
  const options = optionsOf([
    '-p',
    '8080',
    '--seed',
    '7',
    '--empty',
    '--faults',
    '0.25',
    '--fault-kinds',
    '503,reset',
    '--fault',
    'POST /Base/Department=503,none',
    '--lenient',
    'route-without-slash'
  ])
  assert.equal(
    [options.port, options.seed, options.faults, options.lenient, options.v1],
    [
      8080,
      false,
      { rate: 0.25, kinds: ['503', 'reset'], script: { 'POST /Base/Department': ['503', 'none'] }, seed: 7 },
      ['route-without-slash'],
      { lenient: ['route-without-slash'], seed: 7 }
    ]
  )
  assert.is(optionsOf([], { PORT: '9000' }).port, 9000)
  assert.is(optionsOf(['--port', '0'], { PORT: '9000' }).port, 0)
  assert.equal(optionsOf(['--strict']).lenient, [])
  assert.is((optionsOf(['--lenient', 'all']).lenient ?? []).length > 5, true)
  assert.is(optionsOf(['--classic-only']).v1, false)
  for (const [args, reason] of [
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--port', 'x'], /--port must be an integer/],
    [['--faults', '2'], /--faults must be a number from 0 to 1/],
    [['--fault-kinds', '503,teapot'], /unknown fault 'teapot'/],
    [['--fault', 'GET /cases'], /--fault must be <route>=<faults>/],
    [['--lenient', 'everything'], /unknown tolerance 'everything'/],
    [['--strict', '--lenient', 'all'], /--strict and --lenient exclude each other/],
    [['extra'], /Unexpected argument 'extra'/]
  ] as const) {
    assert.throws(() => optionsOf(args), reason)
  }
})

test('kayako sandbox serves both APIs at the URLs it prints, with its flags applied, until stopped', async () => {
  const stop = new AbortController()
  const cli = io(stop.signal)
  const done = main(['sandbox', '--port', '0', '--json', '--fault', 'GET /Base/Department=503'], cli.io)
  await until(() => cli.out.length > 0)
  const printed = JSON.parse(cli.out[0] ?? 'null') as {
    classic: { url: string; apiKey: string; secretKey: string }
    v1: { url: string; username: string; password: string }
  }
  assert.match(printed.classic.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/index\.php$/)
  const transport = nodeTransport()
  const run = classic({ ...printed.classic, transport })
  const faulted = unwrapLeft(await run(Department.all())())
  assert.ok(faulted._tag === 'HttpError' && faulted.status === 503, JSON.stringify(faulted))
  assert.ok(unwrap(await run(Department.all())()).length > 0)
  const cases = unwrap(await v1({ url: printed.v1.url, auth: { username: printed.v1.username, password: printed.v1.password }, transport })(Case.all())())
  assert.ok(cases.items.length > 0)
  stop.abort()
  assert.is(await done, 0)
  assert.is((await run(Department.all())())._tag, 'Left')
})

test('kayako sandbox on a port in use says so and exits 1', async () => {
  const first = new AbortController()
  const a = io(first.signal)
  const done = main(['sandbox', '--json'], a.io)
  await until(() => a.out.length > 0)
  const { port } = JSON.parse(a.out[0] ?? '{}') as { port: number }
  const b = io()
  assert.is(await main(['sandbox', '--port', String(port)], b.io), 1)
  assert.match(b.err.join('\n'), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}`))
  first.abort()
  assert.is(await done, 0)
})

test.run()
