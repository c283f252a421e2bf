// The user's first hour, from the packed tarball: fresh projects install it the way the README's Install section says
// (`npm i kayako-fp fp-ts io-ts`), once with npm's default hoisted layout and once with `--install-strategy=linked`
// (isolated like pnpm's: only direct dependencies are visible at the top), then
// - run the README's Quick start as written in each form it names: `tsx quickstart.ts` ("type": "module"),
//   `tsx quickstart.mts`, plain `node quickstart.mjs` (the same text) and `node quickstart.cjs` (the CommonJS block);
// - load every import path of every code block of the README with Node's own resolver (`import()` for import
//   statements, `require` for require calls), so an example whose import would not resolve fails here.
// Installs prefer npm's cache (`--prefer-offline`): offline when the cache has the packages, the registry otherwise.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from './entries.mjs'
import { packTarball } from './packed'

const run = promisify(execFile)
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const LAYOUTS = ['hoisted', 'linked'] as const
type Layout = (typeof LAYOUTS)[number]

export interface CodeBlock {
  readonly lang: string
  /** README line of the block's first code line (1-based). */
  readonly line: number
  readonly code: string
  /** The `## ` section the block is in. */
  readonly section: string
}

/** Every fenced block of a markdown text with its language and section. */
export const codeBlocks = (markdown: string): ReadonlyArray<CodeBlock> => {
  const lines = markdown.split(/\r?\n/)
  const blocks: Array<CodeBlock> = []
  let section = '(top)'
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const h = /^##\s+(.*\S)\s*$/.exec(line)
    if (h) section = h[1] ?? section
    const fence = /^\s*(`{3,})\s*([^\s`]*)/.exec(line)
    if (!fence) continue
    const marker = fence[1] ?? '```'
    const body: Array<string> = []
    let j = i + 1
    while (j < lines.length && !new RegExp(`^\\s*\`{${marker.length},}\\s*$`).test(lines[j] ?? '')) body.push(lines[j++] ?? '')
    blocks.push({ lang: (fence[2] ?? '').toLowerCase(), line: i + 2, code: body.join('\n') + '\n', section })
    i = j
  }
  return blocks
}

export interface Specifiers {
  /** Loaded by `import` statements, `export … from` and `import()`: Node's ES module resolver. */
  readonly esm: ReadonlyArray<string>
  /** Loaded by `require()`: Node's CommonJS resolver. */
  readonly cjs: ReadonlyArray<string>
}

/** The module specifiers of a piece of JavaScript or TypeScript (type-only imports included: they name real modules). */
export const specifiersOf = (code: string): Specifiers => {
  const esm = new Set<string>()
  const cjs = new Set<string>()
  for (const m of code.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm)) esm.add(m[1] ?? '')
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) esm.add(m[1] ?? '')
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) esm.add(m[1] ?? '')
  for (const m of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) cjs.add(m[1] ?? '')
  return { esm: [...esm].sort(), cjs: [...cjs].sort() }
}

/** The npm package a bare specifier belongs to (`fp-ts/lib/Either.js` → `fp-ts`), or undefined for a Node built-in. */
export const packageOf = (specifier: string): string | undefined => {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) return undefined
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const SCRIPT_LANGS = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs', 'cjs'])
const blocks = codeBlocks(README).filter((b) => SCRIPT_LANGS.has(b.lang))
const quickStart = blocks.filter((b) => b.section === 'Quick start')
const esmQuickStart = quickStart.find((b) => b.lang === 'ts')
const cjsQuickStart = quickStart.find((b) => b.lang === 'js')

/** Every specifier with the README lines that use it. */
const usage = (kind: keyof Specifiers): Map<string, Array<number>> => {
  const map = new Map<string, Array<number>>()
  for (const b of blocks) for (const s of specifiersOf(b.code)[kind]) map.set(s, [...(map.get(s) ?? []), b.line])
  return map
}
const esmUses = usage('esm')
const cjsUses = usage('cjs')

/** What the fresh projects install besides the tarball: the peers, and any other package an example imports, at this repository's versions. */
const installs = (): Array<string> => {
  const names = new Set(['fp-ts', 'io-ts'])
  for (const s of [...esmUses.keys(), ...cjsUses.keys()]) {
    const name = packageOf(s)
    if (name !== undefined && name !== 'kayako-fp') names.add(name)
  }
  return [...names].sort().map((name) => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
    return `${name}@${version}`
  })
}

// Node's resolver, inside the project: loads each specifier and prints the ones that fail with their error code.
// The canary, `fp-ts/Either` under `import`, must fail (a directory import): a check that cannot fail checks nothing.
const RESOLVE = `
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const [esm, cjs] = JSON.parse(process.argv[2])
const failures = []
for (const s of esm) await import(s).catch((e) => failures.push({ kind: 'import', specifier: s, code: e.code ?? String(e) }))
for (const s of cjs) { try { require(s) } catch (e) { failures.push({ kind: 'require', specifier: s, code: e.code ?? String(e) }) } }
const canary = await import('fp-ts/Either').then(() => 'loaded', (e) => e.code)
console.log(JSON.stringify({ failures, canary }))
`

const projects = new Map<Layout, string>()
let scratch = ''

const install = suite('install from the tarball into fresh projects')

install.before(async () => {
  const { tarball } = packTarball()
  scratch = mkdtempSync(join(tmpdir(), 'kayako-fp-install-'))
  const packages = installs()
  await Promise.all(
    LAYOUTS.map(async (layout) => {
      const dir = join(scratch, layout)
      mkdirSync(dir)
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `fresh-${layout}`, version: '1.0.0', private: true, type: 'module' }, null, 2))
      const args = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `--install-strategy=${layout}`, tarball, ...packages]
      await run('npm', args, { cwd: dir, timeout: 240_000 })
      if (esmQuickStart !== undefined) {
        for (const file of ['quickstart.ts', 'quickstart.mts', 'quickstart.mjs']) writeFileSync(join(dir, file), esmQuickStart.code)
      }
      if (cjsQuickStart !== undefined) writeFileSync(join(dir, 'quickstart.cjs'), cjsQuickStart.code)
      writeFileSync(join(dir, 'resolve.mjs'), RESOLVE)
      projects.set(layout, dir)
    })
  )
})

install.after(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
})

install('the README has a Quick start as an ES module (```ts) and as CommonJS (```js)', () => {
  assert.ok(esmQuickStart, 'no ```ts block under "## Quick start"')
  assert.ok(cjsQuickStart, 'no ```js block under "## Quick start"')
  assert.equal(specifiersOf(cjsQuickStart.code).esm, [], 'the CommonJS block uses import')
  assert.ok(specifiersOf(esmQuickStart.code).esm.length > 0)
})

// A package directory at the top of node_modules: what an isolated layout must not have for a transitive dependency.
const atTop = (dir: string, name: string): boolean => existsSync(join(dir, 'node_modules', name, 'package.json'))

install('the linked layout is isolated: the dependencies of kayako-fp are not at the top', () => {
  assert.ok(existsSync(join(projects.get('linked') ?? '', 'node_modules', '.store')), 'npm did not install the linked layout')
  assert.not.ok(atTop(projects.get('linked') ?? '', 'txml'), 'txml is at the top of the linked project')
  assert.ok(atTop(projects.get('hoisted') ?? '', 'txml'), 'txml is not hoisted in the default layout')
})

const QUICK_START_OUTPUT = /^\S+: Invoice 118 is missing \(1 post\)$/m

for (const layout of LAYOUTS) {
  install(`${layout}: the Quick start runs as written with tsx (.ts, .mts) and plain node (.mjs, CommonJS)`, async () => {
    const dir = projects.get(layout) ?? ''
    const forms: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
      ['tsx quickstart.ts', [TSX, 'quickstart.ts']],
      ['tsx quickstart.mts', [TSX, 'quickstart.mts']],
      ['node quickstart.mjs', ['quickstart.mjs']],
      ['node quickstart.cjs', ['quickstart.cjs']]
    ]
    const results = await Promise.all(
      forms.map(async ([name, args]) => {
        const out = await run(process.execPath, [...args], { cwd: dir, timeout: 60_000 }).then(
          (r) => ({ ok: true, text: r.stdout }),
          (e: unknown) => {
            const { stdout = '', stderr = String(e) } = e as { stdout?: string; stderr?: string }
            return { ok: false, text: `${stdout}${stderr}` }
          }
        )
        return { name, ...out }
      })
    )
    const failed = results.filter((r) => !r.ok || !QUICK_START_OUTPUT.test(r.text))
    assert.equal(
      failed.map((r) => `${r.name}: ${r.text.trim().slice(0, 1500)}`),
      []
    )
  })

  install(`${layout}: every import path of every README example resolves under Node's resolver`, async () => {
    const dir = projects.get(layout) ?? ''
    const { stdout } = await run(process.execPath, ['resolve.mjs', JSON.stringify([[...esmUses.keys()], [...cjsUses.keys()]])], { cwd: dir, timeout: 60_000 })
    const { failures, canary } = JSON.parse(stdout) as { failures: Array<{ kind: 'import' | 'require'; specifier: string; code: string }>; canary: string }
    assert.is(canary, 'ERR_UNSUPPORTED_DIR_IMPORT', "the canary import of 'fp-ts/Either' did not fail: the check checks nothing")
    assert.equal(
      failures.map((f) => `${f.kind} '${f.specifier}' (README.md:${((f.kind === 'import' ? esmUses : cjsUses).get(f.specifier) ?? []).join(', ')}): ${f.code}`),
      []
    )
  })
}

install.run()
