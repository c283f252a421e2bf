// Issue 13's layout rule: no file in src/ is over 500 lines (a longer one is split by what it holds, as its siblings
// are). Lines are counted as `wc -l` counts them: the newlines.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from './entries.mjs'

const MAX_LINES = 500

const lineCount = (text: string): number => text.split('\n').length - 1

/** The source files below `dir` with more than `max` lines, as `path: lines`, paths relative to `dir`. */
const tooLong = (dir: string, max: number): ReadonlyArray<string> =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.[cm]?[jt]s$/.test(path))
    .map((path) => [path, lineCount(readFileSync(join(dir, path), 'utf8'))] as const)
    .filter(([, lines]) => lines > max)
    .map(([path, lines]) => `${path}: ${lines}`)
    .sort()

const t = suite('file length')

t('the check names a file over the limit, in a sub-folder too, and passes one at the limit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fp-length-'))
  try {
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'AtLimit.ts'), 'x\n'.repeat(MAX_LINES))
    writeFileSync(join(dir, 'sub', 'over.ts'), 'x\n'.repeat(MAX_LINES + 1))
    writeFileSync(join(dir, 'notes.md'), 'x\n'.repeat(MAX_LINES * 2))
    assert.equal(tooLong(dir, MAX_LINES), [`${join('sub', 'over.ts')}: ${MAX_LINES + 1}`])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

t(`no file in src/ is over ${MAX_LINES} lines`, () => {
  assert.equal(tooLong(join(ROOT, 'src'), MAX_LINES), [])
})

t.run()
