// Issue 17: a 5,000-ticket Classic export, with every ticket's posts, notes, time tracks, custom fields and files,
// holds every record of the sandbox and peaks under 150 MB of RSS. Measured in a child process (test/export/memory.ts,
// bundled, with --expose-gc), so that neither the test runner nor the TypeScript loader counts; the sandbox with its
// 5,000 tickets lives in that process too, so the figure is an upper bound of the export's own.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as esbuild from 'esbuild'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from '../tooling/entries.mjs'

interface Measured {
  readonly tickets: number
  readonly records: number
  readonly files: number
  readonly seconds: number
  readonly baselineRssMb: number
  readonly peakRssMb: number
  readonly peakHeapMb: number
  readonly mismatches: ReadonlyArray<string>
}

const BOUND_MB = 150

test(`a 5,000-ticket export: every record, files byte-equal, peak RSS under ${BOUND_MB} MB`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fp-export-'))
  try {
    const script = join(dir, 'memory.mjs')
    await esbuild.build({
      entryPoints: [join(ROOT, 'test/export/memory.ts')],
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      outfile: script,
      logLevel: 'warning'
    })
    const measured = JSON.parse(execFileSync(process.execPath, ['--expose-gc', script, '5000'], { encoding: 'utf8' })) as Measured
    console.log(
      `  5,000 tickets: ${measured.records} records, ${measured.files} files in ${measured.seconds} s; peak RSS ${measured.peakRssMb} MB (${measured.baselineRssMb} MB before the export), peak live heap ${measured.peakHeapMb} MB`
    )
    assert.equal(measured.mismatches, [])
    assert.ok(measured.tickets >= 5000)
    assert.ok(measured.files >= 5000 / 3 - 1)
    assert.ok(measured.peakRssMb < BOUND_MB, `${measured.peakRssMb} MB`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test.run()
