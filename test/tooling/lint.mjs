// `npm run lint`: ESLint (test/tooling/eslint.config.mjs) and `prettier --check` over LINTED; `npm run format`
// (`--write`) rewrites the layout of the same folders.
// Usage: node test/tooling/lint.mjs [--write] [folders…]   (folders default to LINTED)
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

// The folders CI lints: all the code.
export const LINTED = ['src', 'test']

const root = resolve(import.meta.dirname, '../..')
const write = process.argv.includes('--write')
const folders = process.argv.slice(2).filter((a) => a !== '--write')
const targets = folders.length > 0 ? folders : LINTED
const tooling = (file) => resolve(root, 'test/tooling', file)
// prettier would also rewrite the Markdown and JSON beside the code: only the code is its business here.
const glob = (target) => (/\.[cm]?[jt]s$/.test(target) ? target : `${target}/**/*.{ts,mts,mjs}`)
const run = (bin, args) => spawnSync(process.execPath, [resolve(root, 'node_modules', bin), ...args], { cwd: root, stdio: 'inherit' }).status ?? 1

const prettier = [
  'prettier/bin/prettier.cjs',
  ['--config', tooling('prettier.config.mjs'), write ? '--write' : '--check', '--log-level', 'warn', ...targets.map(glob)]
]
const eslint = ['eslint/bin/eslint.js', ['--config', tooling('eslint.config.mjs'), '--max-warnings', '0', ...targets]]
process.exitCode = write ? run(...prettier) : Math.max(run(...eslint), run(...prettier))
