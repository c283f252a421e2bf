// `npm run bench [decode|requests|memory|signing|v1 …]`: the benchmarks of issue 7, on the built package, each a median
// of at least 5 interleaved rounds with ratios taken in the same run; writes test/bench/results.md (all sections) and
// prints every table. Not part of CI: timings depend on the machine and its load.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as esbuild from 'esbuild'
import { ROOT } from '../tooling/entries.mjs'
import { benchDecode, decodeTable } from './decode'
import { fixed, median, table } from './measure'
import { benchRequests, requestTable, startServer } from './requests'
import { benchSigning, signingTable } from './signing'
import { benchV1, v1Table } from './v1'
import { benchV1Ceiling, v1CeilingTable } from './v1Ceiling'

const ROUNDS = 5
const wanted = process.argv.slice(2)
const runs = (section: string): boolean => wanted.length === 0 || wanted.includes(section)
const sections: Array<string> = []
const log = (text: string): void => {
  console.log(`${text}\n`)
  sections.push(text)
}

interface MemoryRow {
  readonly users: number
  readonly pageSize: number
  readonly seconds: number
  readonly peakRssMb: number
}

const benchMemory = async (): Promise<Array<MemoryRow>> => {
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fp-bench-'))
  const script = join(dir, 'memory.mjs')
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/bench/memory.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    outfile: script,
    logLevel: 'warning'
  })
  const rows: Array<MemoryRow> = []
  try {
    for (const [users, pageSize] of [
      [1000, 1000],
      [10_000, 1000],
      [100_000, 1000],
      [300_000, 1000],
      [100_000, 250]
    ] as const) {
      const samples: Array<MemoryRow> = []
      for (let i = 0; i < 3; i++)
        samples.push(JSON.parse(execFileSync(process.execPath, [script, String(users), String(pageSize)], { encoding: 'utf8' })) as MemoryRow)
      rows.push({ users, pageSize, seconds: median(samples.map((s) => s.seconds)), peakRssMb: median(samples.map((s) => s.peakRssMb)) })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

const main = async (): Promise<void> => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' })
  const cpu = cpus()
  const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')}`
  log(
    `# Benchmarks\n\nMachine: ${machine}. Node ${process.version}. ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.\n` +
      `Medians of ${ROUNDS} interleaved rounds after a warm-up round; the ratios compare figures of the same run. Reproduce with \`npm run bench\`.`
  )

  if (runs('decode')) {
    const rows = await benchDecode(ROUNDS)
    log(`## 1. Decode throughput: Ticket.all\n\n${decodeTable(rows)}`)
  }
  if (runs('requests')) {
    const server = await startServer()
    try {
      const result = await benchRequests(ROUNDS, server)
      log(`## 2. Request overhead (against ${result.server} on 127.0.0.1, in another process)\n\n${requestTable(result)}`)
    } finally {
      server.stop()
    }
  }
  if (runs('signing')) log(`## Signing cost\n\n${signingTable(await benchSigning(ROUNDS))}`)
  if (runs('memory')) {
    const rows = await benchMemory()
    log(
      `## 3. Memory: walking users with pages(run)(User.everyPage()) (peak RSS, median of 3 processes)\n\n` +
        table(
          ['users', 'page size', 'peak RSS', 'seconds', 'users/s'],
          rows.map((r) => [r.users.toLocaleString('en'), r.pageSize, `${fixed(r.peakRssMb, 0)} MB`, fixed(r.seconds), fixed(r.users / r.seconds, 0)])
        )
    )
  }
  if (runs('v1')) {
    log(`## 4. v1: Case.all decoding and flat resolution against JSON.parse\n\n${v1Table(await benchV1(ROUNDS))}`)
    log(`### What any decoder that returns plain objects pays (test/bench/v1Ceiling.ts)\n\n${v1CeilingTable(await benchV1Ceiling(ROUNDS))}`)
  }
  // The analysis (profiles, what dominates where a goal is missed) is kept by hand in notes.md.
  if (wanted.length === 0) {
    const notes = readFileSync(join(ROOT, 'test/bench/notes.md'), 'utf8')
    writeFileSync(join(ROOT, 'test/bench/results.md'), `${sections.join('\n\n')}\n\n${notes}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
