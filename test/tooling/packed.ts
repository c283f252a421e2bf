// One build and one `npm pack` per test run, shared by the suites that install the tarball (pack.test.ts,
// install.test.ts): each asks for it in its `before` hook and gets the same tarball.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './entries.mjs'

export interface Packed {
  /** The directory holding the tarball (a fresh temporary directory, removed at exit). */
  readonly dir: string
  /** Absolute path of the `.tgz`. */
  readonly tarball: string
  /** The paths `npm pack` put in it. */
  readonly files: ReadonlyArray<string>
}

let packed: Packed | undefined

export const packTarball = (): Packed => {
  if (packed !== undefined) return packed
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' })
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fp-pack-'))
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>
  if (info === undefined) throw new Error('npm pack reported nothing')
  packed = { dir, tarball: join(dir, info.filename), files: info.files.map((f) => f.path) }
  return packed
}
