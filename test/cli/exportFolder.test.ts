// The folder `kayako export` writes (src/cli/exportFolder.ts) and `--verify` (src/cli/exportVerify.ts), fed by a
// small deterministic event source of this test's own that behaves as the library's contract says (a checkpoint at
// every page covers every event before it; `resume` goes on after it; `haveFile` skips attachments already there).
// A "crash" drops the folder without finishing it: what was buffered and not flushed is lost, as with SIGKILL.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as O from 'fp-ts/Option'
import { exportCommand } from '../../src/cli/export'
import { decodeError, transportError } from '../../src/core/error'
import { isRefusal, openFolder, readManifest, recordLine, safeName, type ExportFolder, type ExportSettings } from '../../src/cli/exportFolder'
import type { CommandIo } from '../../src/cli/main'
import type { Checkpoint, ExportEvent } from '../../src/export/events'

const SETTINGS: ExportSettings = { api: 'classic', server: 'http://127.0.0.1:1/api/index.php', selected: null, since: null, shard: null }
const SECRET = 'sentinel-Secret-9f3b'

/** The events of a small helpdesk: departments, tickets with posts (interleaved children) and attachments. */
const script = (tickets: number): ReadonlyArray<ExportEvent> => {
  const events: Array<ExportEvent> = []
  const page = (resource: string) =>
    events.push({ type: 'page', resource, checkpoint: { api: 'classic', version: 1, done: [], current: { resource, cursor: events.length + 1 } } })
  events.push({ type: 'resource-start', resource: 'departments', total: 3 })
  for (let d = 1; d <= 3; d++)
    events.push({ type: 'record', resource: 'departments', id: String(d), record: { id: d, title: `Department ${d}`, parent: d === 1 ? O.none : O.some(1) } })
  page('departments')
  events.push({ type: 'resource-end', resource: 'departments', count: 3 })
  events.push({ type: 'resource-start', resource: 'tickets', total: tickets })
  events.push({ type: 'resource-start', resource: 'ticket-posts' })
  events.push({ type: 'resource-start', resource: 'ticket-attachments' })
  for (let t = 1; t <= tickets; t++) {
    events.push({
      type: 'record',
      resource: 'tickets',
      id: String(t),
      record: { id: t, subject: `Ticket ${t} ✓ "quoted"`, created: new Date(Date.UTC(2024, 0, t)) }
    })
    for (let p = 1; p <= 1 + (t % 3); p++)
      events.push({
        type: 'record',
        resource: 'ticket-posts',
        id: `${t}-${p}`,
        record: { ticketId: t, id: p, contents: `post ${p} of ${t}\nline two`.repeat(1 + (t % 5)) }
      })
    if (t % 2 === 0) {
      const id = `${t}/a`
      events.push({ type: 'record', resource: 'ticket-attachments', id, record: { ticketId: t, fileName: `scan ${t}.png`, size: 64 * t } })
      events.push({
        type: 'file',
        resource: 'ticket-attachments',
        id,
        name: `scan ${t}.png`,
        bytes: Uint8Array.from({ length: 64 * t }, (_, i) => (i * t) % 256),
        owner: { resource: 'ticket-attachments', id }
      })
    }
    if (t % 7 === 0)
      events.push({
        type: 'error',
        resource: 'ticket-posts',
        id: String(t),
        error: decodeError('TicketPost.all', [`post ${t}: expected a number`]),
        raw: `<post>${t}</post>`
      })
    if (t % 4 === 0) page('tickets')
  }
  page('tickets')
  events.push(
    { type: 'resource-end', resource: 'ticket-attachments', count: 0 },
    { type: 'resource-end', resource: 'ticket-posts', count: 0 },
    { type: 'resource-end', resource: 'tickets', count: tickets }
  )
  return events
}

/** The source: the script from the checkpoint on, without the files `haveFile` has. */
function* source(
  events: ReadonlyArray<ExportEvent>,
  resume: Checkpoint | undefined,
  haveFile: (resource: string, id: string) => boolean
): Generator<ExportEvent> {
  const from = resume === undefined ? 0 : (resume.current as { cursor: number }).cursor
  for (const event of events.slice(from)) if (event.type !== 'file' || !haveFile(event.resource, event.id)) yield event
}

const scratch = (): string => mkdtempSync(join(tmpdir(), 'kayako-export-folder-'))

const open = (dir: string, resume: boolean, secrets: ReadonlyArray<string> = []): ExportFolder => {
  const folder = openFolder({ dir, settings: SETTINGS, resume, now: new Date(), secrets, syncEveryMs: 0 })
  if (isRefusal(folder)) throw new Error(folder.refused)
  return folder
}

/** Every file under dir, by relative path, with its bytes (the manifest without the fields that differ by run). */
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
  files.set('manifest.json', JSON.stringify({ ...manifest, started: '', finished: '', resumed: [] }))
  return files
}

const exportAll = (dir: string, events: ReadonlyArray<ExportEvent>): void => {
  const folder = open(dir, false)
  for (const event of source(events, undefined, folder.haveFile)) folder.write(event)
  folder.finish(new Date())
}

const io = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  const value: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), signal: new AbortController().signal }
  return { out, err, io: value }
}

test('the folder: one NDJSON per resource ({"id","record"}, Options as values, dates ISO), files by id, errors, a manifest with counts, sizes and SHA-256', () => {
  const dir = scratch()
  try {
    exportAll(dir, script(10))
    assert.equal(readdirSync(dir).sort(), [
      'departments.ndjson',
      'errors.ndjson',
      'files',
      'manifest.json',
      'ticket-attachments.ndjson',
      'ticket-posts.ndjson',
      'tickets.ndjson'
    ])
    const departments = readFileSync(join(dir, 'departments.ndjson'), 'utf8').split('\n')
    assert.is(departments[0], '{"id":"1","record":{"id":1,"title":"Department 1","parent":null}}')
    assert.is(departments[1], '{"id":"2","record":{"id":2,"title":"Department 2","parent":1}}')
    assert.is(
      readFileSync(join(dir, 'tickets.ndjson'), 'utf8').split('\n')[0],
      '{"id":"1","record":{"id":1,"subject":"Ticket 1 ✓ \\"quoted\\"","created":"2024-01-01T00:00:00.000Z"}}'
    )
    // `4/a` is not a file name: percent-encoded, the record keeps the original name.
    assert.equal(
      readFileSync(join(dir, 'files', 'ticket-attachments', safeName('4/a'))),
      Buffer.from(Uint8Array.from({ length: 256 }, (_, i) => (i * 4) % 256))
    )
    assert.is(safeName('4/a'), '4%2Fa')
    assert.is(safeName('..'), '%2E%2E')
    const manifest = readManifest(dir)
    if (isRefusal(manifest)) throw new Error(manifest.refused)
    assert.is(manifest.complete, true)
    assert.equal(Object.keys(manifest.resources), ['departments', 'tickets', 'ticket-posts', 'ticket-attachments'])
    assert.equal(manifest.resources.tickets, {
      file: 'tickets.ndjson',
      count: 10,
      total: 10,
      bytes: statSync(join(dir, 'tickets.ndjson')).size,
      sha256: manifest.resources.tickets?.sha256 ?? '',
      done: true
    })
    assert.match(manifest.resources.tickets?.sha256 ?? '', /^[0-9a-f]{64}$/)
    assert.equal(
      manifest.files['ticket-attachments'] && { count: manifest.files['ticket-attachments'].count, bytes: manifest.files['ticket-attachments'].bytes },
      { count: 5, bytes: 64 * (2 + 4 + 6 + 8 + 10) }
    )
    assert.is(manifest.errors.count, 1)
    assert.equal(JSON.parse(readFileSync(join(dir, 'errors.ndjson'), 'utf8')), {
      resource: 'ticket-posts',
      id: '7',
      error: { tag: 'DecodeError', operation: 'TicketPost.all', message: 'TicketPost.all: unexpected response shape: post 7: expected a number' },
      raw: '<post>7</post>'
    })
    assert.equal(
      recordLine('x', { bytes: Uint8Array.from([1, 2, 3]), big: 12n, none: O.none, some: O.some(O.some('deep')) }),
      '{"id":"x","record":{"bytes":"AQID","big":"12","none":null,"some":"deep"}}\n'
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('crashed at every point of the script and resumed each time: the folder ends byte-identical to an uninterrupted run (manifest timestamps aside)', () => {
  const events = script(24)
  const whole = scratch()
  const crashed = scratch()
  try {
    exportAll(whole, events)
    const expected = snapshot(whole)
    // Crash points are positions in the script: at each, the run stops there (what it buffered is lost) and the next
    // run resumes from its checkpoint. Every position once in one pass, then random sets.
    const every = Array.from({ length: events.length - 1 }, (_, i) => i + 1)
    let random = 17
    const draw = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648
    const sets = [every, ...Array.from({ length: 20 }, () => every.filter(() => draw() < 0.1))]
    let runs = 0
    for (const points of sets) {
      rmSync(crashed, { recursive: true, force: true })
      const pending = [...points]
      for (let attempt = 0; ; attempt++) {
        const folder = open(crashed, attempt > 0)
        const from = folder.resume === undefined ? 0 : (folder.resume.current as { cursor: number }).cursor
        let at = from
        let stopped = false
        for (const event of source(events, folder.resume, () => false)) {
          if (pending[0] !== undefined && at >= pending[0]) {
            pending.shift()
            stopped = true
            break
          }
          if (event.type !== 'file' || !folder.haveFile(event.resource, event.id)) folder.write(event)
          at++
        }
        runs++
        if (!stopped) {
          folder.finish(new Date())
          break
        }
        folder.close()
        // A torn tail and a half-written attachment, as a kill can leave them.
        if (existsSync(join(crashed, 'tickets.ndjson'))) appendFileSync(join(crashed, 'tickets.ndjson'), '{"id":"torn')
        if (existsSync(join(crashed, 'files', 'ticket-attachments'))) writeFileSync(join(crashed, 'files', 'ticket-attachments', '.99.partial'), 'half')
      }
      assert.equal(snapshot(crashed), expected, `crash points ${points.join(',')}`)
    }
    assert.ok(runs > events.length, `${runs} runs`)
  } finally {
    rmSync(whole, { recursive: true, force: true })
    rmSync(crashed, { recursive: true, force: true })
  }
})

test('a folder is not overwritten: an export there needs --resume, other settings are refused, a truncated file is caught', () => {
  const dir = scratch()
  try {
    const first = open(dir, false)
    first.write({ type: 'resource-start', resource: 'departments' })
    first.write({ type: 'record', resource: 'departments', id: '1', record: { id: 1 } })
    first.write({
      type: 'page',
      resource: 'departments',
      checkpoint: { api: 'classic', version: 1, done: [], current: { resource: 'departments', cursor: 2 } }
    })
    first.close()
    const again = openFolder({ dir, settings: SETTINGS, resume: false, now: new Date(), secrets: [] })
    assert.ok(isRefusal(again) && /pass --resume/.test(again.refused))
    const other = openFolder({ dir, settings: { ...SETTINGS, since: '2024-01-01T00:00:00.000Z' }, resume: true, now: new Date(), secrets: [] })
    assert.ok(isRefusal(other) && /other settings/.test(other.refused))
    writeFileSync(join(dir, 'departments.ndjson'), '{"id"')
    const short = openFolder({ dir, settings: SETTINGS, resume: true, now: new Date(), secrets: [] })
    assert.ok(isRefusal(short) && /shorter/.test(short.refused))
    const stranger = scratch()
    writeFileSync(join(stranger, 'notes.txt'), 'mine')
    const notEmpty = openFolder({ dir: stranger, settings: SETTINGS, resume: false, now: new Date(), secrets: [] })
    assert.ok(isRefusal(notEmpty) && /not empty/.test(notEmpty.refused))
    // Someone's own NDJSON in a folder without a manifest is not ours: refused, even with --resume, and kept.
    rmSync(join(stranger, 'notes.txt'))
    writeFileSync(join(stranger, 'mine.ndjson'), '{"mine":true}\n')
    const theirs = openFolder({ dir: stranger, settings: SETTINGS, resume: true, now: new Date(), secrets: [] })
    assert.ok(isRefusal(theirs) && /not empty/.test(theirs.refused))
    assert.is(readFileSync(join(stranger, 'mine.ndjson'), 'utf8'), '{"mine":true}\n')
    rmSync(stranger, { recursive: true, force: true })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a credential in a record or an error never reaches the files: scrubbed in every wire form', () => {
  const dir = scratch()
  try {
    const folder = open(dir, false, [SECRET])
    folder.write({ type: 'resource-start', resource: 'tickets' })
    folder.write({ type: 'record', resource: 'tickets', id: '1', record: { subject: `key ${SECRET} and ${encodeURIComponent(SECRET)}` } })
    folder.write({
      type: 'error',
      resource: 'tickets',
      error: transportError('Ticket.all', { method: 'GET', url: '', headers: {} }, `reset ${SECRET}`),
      raw: `apikey=${SECRET}`
    })
    folder.finish(new Date())
    for (const name of readdirSync(dir)) assert.not.ok(readFileSync(join(dir, name), 'utf8').includes(SECRET), name)
    assert.match(readFileSync(join(dir, 'tickets.ndjson'), 'utf8'), /\[redacted\]/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('--verify: a whole export passes (0); a changed byte, a lost attachment or a repeated record is found (4)', async () => {
  const dir = scratch()
  try {
    exportAll(dir, script(12))
    const ok = io()
    assert.is(await exportCommand(['--verify', dir], ok.io, { env: {} }), 0, ok.err.join('\n'))
    assert.match(ok.out.join('\n'), /tickets +12/)
    assert.match(ok.out.join('\n'), /verified/)

    const posts = join(dir, 'ticket-posts.ndjson')
    const original = readFileSync(posts)
    const changed = Buffer.from(original)
    changed[20] = changed[20] === 0x41 ? 0x42 : 0x41
    writeFileSync(posts, changed)
    const bad = io()
    assert.is(await exportCommand(['--verify', dir], bad.io, { env: {} }), 4)
    assert.match(bad.err.join('\n'), /ticket-posts\.ndjson: SHA-256/)
    writeFileSync(posts, original)

    const lost = join(dir, 'files', 'ticket-attachments', safeName('6/a'))
    const bytes = readFileSync(lost)
    rmSync(lost)
    const missing = io()
    assert.is(await exportCommand(['--verify', dir], missing.io, { env: {} }), 4)
    assert.match(missing.err.join('\n'), /ticket-attachments: 5 files/)
    writeFileSync(lost, bytes)

    const tickets = join(dir, 'tickets.ndjson')
    const lines = readFileSync(tickets, 'utf8')
    writeFileSync(tickets, `${lines}${lines.split('\n')[0] ?? ''}\n`)
    const twice = io()
    assert.is(await exportCommand(['--verify', '--json', dir], twice.io, { env: {} }), 4)
    const report = JSON.parse(twice.out[0] ?? '{}') as { ok: boolean; problems: ReadonlyArray<string> }
    assert.is(report.ok, false)
    assert.ok(report.problems.some((p) => /1 records repeat an id/.test(p)))
    assert.ok(report.problems.some((p) => /13 records, the manifest says 12/.test(p)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('--verify of shards: the parts of one export count distinct ids together; a missing or repeated part is reported', async () => {
  const events = script(12)
  const dirs = [0, 1].map((index) => {
    const dir = scratch()
    const folder = openFolder({ dir, settings: { ...SETTINGS, shard: { index, count: 2 } }, resume: false, now: new Date(), secrets: [] })
    if (isRefusal(folder)) throw new Error(folder.refused)
    // Shard i: the departments in full, the tickets (and their children) whose id mod 2 is i.
    const mine = (id: string) => Number(id.split(/[-/]/)[0]) % 2 === index
    for (const event of source(events, undefined, folder.haveFile))
      if (event.type !== 'record' || event.resource === 'departments' || mine(event.id)) if (event.type !== 'file' || mine(event.id)) folder.write(event)
    folder.finish(new Date())
    return dir
  })
  try {
    const both = io()
    assert.is(await exportCommand(['--verify', '--json', ...dirs], both.io, { env: {} }), 0, both.err.join('\n'))
    const report = JSON.parse(both.out[0] ?? '{}') as { counts: Record<string, number> }
    assert.is(report.counts.departments, 3)
    assert.is(report.counts.tickets, 12)
    const one = io()
    assert.is(await exportCommand(['--verify', dirs[0] ?? ''], one.io, { env: {} }), 4)
    assert.match(one.err.join('\n'), /shards missing: 1\/2/)
    const repeated = io()
    assert.is(await exportCommand(['--verify', dirs[0] ?? '', dirs[0] ?? ''], repeated.io, { env: {} }), 4)
    assert.match(repeated.err.join('\n'), /shard 0 given more than once/)
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  }
})

test('usage errors (2): no --api, an unknown resource, a bad --shard or --since, missing credentials, named without their values', async () => {
  const cases: ReadonlyArray<readonly [ReadonlyArray<string>, Record<string, string>, RegExp]> = [
    [['--out', 'x'], {}, /--api must be classic or v1/],
    [['--api', 'classic'], {}, /--out <dir> is required/],
    [['--api', 'classic', '--out', 'x'], { KAYAKO_URL: 'http://h/api/index.php', KAYAKO_API_KEY: SECRET }, /needs KAYAKO_SECRET_KEY \(--secret-key\)/],
    [['--api', 'v1', '--out', 'x'], { KAYAKO_V1_URL: 'http://h', KAYAKO_EMAIL: 'a@b.c' }, /KAYAKO_PASSWORD/],
    [
      ['--api', 'classic', '--out', 'x', '--resources', 'tickets,cases'],
      { KAYAKO_URL: 'http://h/', KAYAKO_API_KEY: SECRET, KAYAKO_SECRET_KEY: SECRET },
      /unknown resource 'cases'/
    ],
    [['--api', 'v1', '--out', 'x', '--shard', '2/2'], { KAYAKO_V1_URL: 'http://h', KAYAKO_TOKEN: SECRET }, /--shard must be i\/n/],
    [['--api', 'v1', '--out', 'x', '--since', 'yesterday'], { KAYAKO_V1_URL: 'http://h', KAYAKO_SESSION: SECRET }, /--since must be a date/],
    [['--api', 'v1', '--out', 'x', '--concurrency', '0'], { KAYAKO_V1_URL: 'http://h', KAYAKO_SESSION: SECRET }, /--concurrency must be an integer/],
    [['--verify'], {}, /--verify needs the folders/],
    [['--nope'], {}, /Unknown option '--nope'/]
  ]
  for (const [args, env, message] of cases) {
    const run = io()
    assert.is(await exportCommand(args, run.io, { env }), 2, args.join(' '))
    assert.match(run.err.join('\n'), message)
    assert.not.ok(run.err.join('\n').includes(SECRET))
  }
})

test.run()
