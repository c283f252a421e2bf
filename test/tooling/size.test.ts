// The bundle checker of `npm run size`, run over small hand-written packages: it passes a clean one and fails each
// deliberately broken one for the reason it was broken.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkBundles } from './size.mjs'

const NAME = 'fixture-kit'

const ENTRIES: Record<string, string> = { './a': 'a/index', './a/Alpha': 'a/Alpha', './a/Beta': 'a/Beta' }

const GOOD: Record<string, string> = {
  'dist/esm/a/plumbing.js': `export const describe = (kind, id) => kind + ' #' + id`,
  'dist/esm/a/Alpha.js': `import { describe } from './plumbing.js'\nexport const get = (id) => describe('alpha', id)\nexport const all = () => 'every alpha'`,
  'dist/esm/a/Beta.js': `import { describe } from './plumbing.js'\nexport const get = (id) => describe('beta', id)`,
  'dist/esm/a/index.js': `export * as Alpha from './Alpha.js'\nexport * as Beta from './Beta.js'\nexport const make = (url) => ({ url })`
}

/** Writes a package (package.json with an exports map for ENTRIES, plus files) into a fresh temporary folder. */
const fixturePackage = (files: Record<string, string>, manifest: Record<string, unknown> = { sideEffects: false }): string => {
  const root = mkdtempSync(join(tmpdir(), 'kayako-fp-size-'))
  const exports = Object.fromEntries(
    Object.entries(ENTRIES).map(([subpath, file]) => [subpath, { module: `./dist/esm/${file}.js`, default: `./dist/esm/${file}.js` }])
  )
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: NAME, version: '1.0.0', exports, ...manifest }))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const roots: Array<string> = []
const check = (
  files: Record<string, string>,
  options: { manifest?: Record<string, unknown>; budgets?: Array<{ label: string; contents: string; limit: number }> } = {}
) => {
  const root = fixturePackage(files, options.manifest)
  roots.push(root)
  return checkBundles({ root, name: NAME, entries: ENTRIES, nodeOnly: [], budgets: options.budgets ?? [] })
}

const size = suite('size checker')

size.after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

size('a clean package passes and every export is measured', async () => {
  const result = await check(GOOD)
  assert.equal(result.violations, [])
  assert.equal(
    result.rows.map((r) => `${r.module} ${r.export}`),
    ['fixture-kit/a Alpha', 'fixture-kit/a Beta', 'fixture-kit/a make', 'fixture-kit/a/Alpha all', 'fixture-kit/a/Alpha get', 'fixture-kit/a/Beta get']
  )
  const alphaAll = result.rows.find((r) => r.module === 'fixture-kit/a/Alpha' && r.export === 'all')
  const alphaGet = result.rows.find((r) => r.module === 'fixture-kit/a/Alpha' && r.export === 'get')
  assert.ok(alphaAll !== undefined && alphaGet !== undefined && alphaAll.min > 0 && alphaAll.min < alphaGet.min, 'tree-shaken per export')
  assert.ok(result.sideEffects.every((s) => s.min === 0))
})

size('fails when one resource module imports another', async () => {
  const result = await check({
    ...GOOD,
    'dist/esm/a/Beta.js': `import { get as alpha } from './Alpha.js'\nexport const get = (id) => alpha(id) + ' via beta'`
  })
  assert.equal(result.violations.length, 2)
  assert.match(result.violations[0] ?? '', /^fixture-kit\/a › Beta: the resource module a\/Alpha contributes \d+ bytes$/)
  assert.match(result.violations[1] ?? '', /^fixture-kit\/a\/Beta › get: the resource module a\/Alpha contributes \d+ bytes$/)
})

size('a resource module that reaches another through plumbing fails too', async () => {
  const result = await check({
    ...GOOD,
    'dist/esm/a/related.js': `import { get } from './Alpha.js'\nexport const alphaOf = (entity) => get(entity.alphaId)`,
    'dist/esm/a/Beta.js': `import { alphaOf } from './related.js'\nexport const get = (id) => alphaOf({ alphaId: id })`
  })
  assert.ok(
    result.violations.some((v) => /^fixture-kit\/a\/Beta › get: the resource module a\/Alpha contributes \d+ bytes$/.test(v)),
    result.violations.join('\n')
  )
})

size('plumbing re-exported by an index may call resource modules: reported, not failed', async () => {
  const result = await check({
    ...GOOD,
    'dist/esm/a/related.js': `import { get } from './Alpha.js'\nexport const alphaOf = (entity) => get(entity.alphaId)`,
    'dist/esm/a/index.js': `${GOOD['dist/esm/a/index.js']}\nexport { alphaOf } from './related.js'`
  })
  assert.equal(result.violations, [])
  assert.equal(result.plumbingUses.length, 1)
  assert.equal(result.plumbingUses, ['fixture-kit/a › alphaOf uses a/Alpha'])
})

size('a type-only or unused import of another resource module is fine', async () => {
  const result = await check({
    ...GOOD,
    'dist/esm/a/Beta.js': `import { all } from './Alpha.js'\nimport { describe } from './plumbing.js'\nexport const get = (id) => describe('beta', id)\nexport const unused = false && all`
  })
  assert.equal(result.violations, [])
})

size('fails when importing a module for its side effects leaves code behind', async () => {
  const result = await check({ ...GOOD, 'dist/esm/a/plumbing.js': `globalThis.loaded = true\n${GOOD['dist/esm/a/plumbing.js']}` }, { manifest: {} })
  assert.ok(result.violations.length >= 3)
  assert.ok(
    result.violations.some((v) => /^import "fixture-kit\/a\/Alpha" \(side effects only\): a\/plumbing contributes \d+ bytes$/.test(v)),
    result.violations.join('\n')
  )
})

size('fails when a client module imports a Node built-in', async () => {
  const result = await check({
    ...GOOD,
    'dist/esm/a/Alpha.js': `import { createHash } from 'node:crypto'\nexport const get = (id) => createHash('sha1').update(String(id)).digest('hex')\nexport const all = () => 'every alpha'`
  })
  assert.ok(
    result.violations.includes('fixture-kit/a/Alpha › get: imports the Node built-in "node:crypto" (bundled for --platform=neutral)'),
    result.violations.join('\n')
  )
  assert.not.ok(
    result.violations.some((v) => v.includes('Beta')),
    result.violations.join('\n')
  )
})

size('fails when a budget is exceeded, and reports where the bytes go', async () => {
  const contents = `import { get } from 'fixture-kit/a/Alpha'\nexport const run = (id) => get(id)`
  const result = await check(GOOD, {
    budgets: [
      { label: 'tight', contents, limit: 20 },
      { label: 'roomy', contents, limit: 10_000 }
    ]
  })
  const [tight, roomy] = result.budgets
  assert.ok(tight !== undefined && roomy !== undefined)
  assert.equal(result.violations, [`tight: ${tight.gzip} bytes min+gzip, over the budget of 20`])
  assert.ok(tight.gzip > 20)
  assert.ok((tight.owners.get('ours') ?? 0) > 0)
})

// Check (e): one package, two builds chosen by export conditions (dist/node under `node`, dist/esm elsewhere).
const NODE_BUILD: Record<string, string> = {
  'dist/node/a/Alpha.js': [
    `import { request } from 'node:http'`,
    `import { Agent } from 'node:https'`,
    `import { createHmac } from 'node:crypto'`,
    `export const get = (id) => [request, Agent, createHmac, id]`,
    `export const all = () => 'every alpha'`
  ].join('\n')
}
const byRuntime = {
  './a/Alpha': {
    node: { module: './dist/node/a/Alpha.js' },
    module: './dist/esm/a/Alpha.js',
    worker: './dist/esm/a/Alpha.js',
    default: './dist/esm/a/Alpha.js'
  }
}
const runtimeCase = { label: 'defaults', contents: `export { get } from 'fixture-kit/a/Alpha'`, limit: Infinity, runtimeCheck: true }

const checkRuntimes = (files: Record<string, string>) => {
  const root = fixturePackage(files)
  roots.push(root)
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
  writeFileSync(join(root, 'package.json'), JSON.stringify({ ...manifest, exports: { ...manifest.exports, ...byRuntime } }))
  return checkBundles({ root, name: NAME, entries: ENTRIES, nodeOnly: [], budgets: [runtimeCase] })
}

size('passes when an edge bundle holds no Node built-in and a Node bundle takes the node build', async () => {
  const result = await checkRuntimes({ ...GOOD, ...NODE_BUILD })
  assert.equal(result.violations, [])
  assert.equal(
    result.runtimes.map((r) => [r.build, r.builtins]),
    [
      ['dist/esm', []],
      ['dist/node', ['node:crypto', 'node:http', 'node:https']]
    ]
  )
})

size('fails when an edge bundle holds node code, or a Node bundle misses the node defaults', async () => {
  const edge = await checkRuntimes({ ...GOOD, ...NODE_BUILD, 'dist/esm/a/Alpha.js': NODE_BUILD['dist/node/a/Alpha.js'] as string })
  assert.ok(
    edge.violations.includes('defaults bundled with edge: esbuild --platform=neutral --conditions=worker: imports node:crypto, node:http, node:https'),
    edge.violations.join('\n')
  )
  const lambda = await checkRuntimes({
    ...GOOD,
    'dist/node/a/Alpha.js': GOOD['dist/esm/a/Alpha.js'] as string,
    'dist/node/a/plumbing.js': GOOD['dist/esm/a/plumbing.js'] as string
  })
  assert.equal(lambda.violations, ['defaults bundled with Lambda: esbuild --platform=node (defaults): does not import node:http, node:https, node:crypto'])
})

size.run()
