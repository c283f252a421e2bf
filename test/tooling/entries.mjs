// The public modules of the package, derived from the source tree, for the build, the exports map check and the
// bundle checks. Rule: `src/index.ts` is `.`; each `src/<area>/index.ts` is `./<area>`; each capitalised module
// `src/<area>/<Name>.ts` (one API object) is `./<area>/<Name>`; `EXTRA` lists other public entry files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..', '..')
const SRC = join(ROOT, 'src')

/** Further public entries: subpath → source file (relative to src/). */
const EXTRA = {
  // node-only: startSandbox (node:http), plus the socket-free createSandbox and sandboxTransport
  './sandbox': 'sandbox/server',
  // any runtime: createSandbox and sandboxTransport without node:http
  './sandbox/handler': 'sandbox/handler',
  // txml as the Classic `xmlParser` (the default reads answers without it)
  './classic/txml': 'classic/txml'
}

/**
 * Public subpaths that only work on Node (they import `node:*`): the bundle check builds them for the node platform;
 * every other module must bundle for `--platform=neutral` (edge runtimes, browsers) without a Node built-in.
 */
export const NODE_ONLY = ['./node', './sandbox']

/** @returns {Record<string, string>} subpath → source path relative to src/, without extension */
export const publicEntries = () => {
  const entries = { '.': 'index' }
  for (const area of readdirSync(SRC, { withFileTypes: true })) {
    if (!area.isDirectory()) continue
    const dir = join(SRC, area.name)
    if (existsSync(join(dir, 'index.ts'))) entries[`./${area.name}`] = `${area.name}/index`
    for (const file of readdirSync(dir).sort()) {
      const m = /^([A-Z][A-Za-z0-9]*)\.ts$/.exec(file)
      if (m) entries[`./${area.name}/${m[1]}`] = `${area.name}/${m[1]}`
    }
  }
  for (const [subpath, file] of Object.entries(EXTRA)) entries[subpath] = file
  return entries
}

/** The `exports` map the package must have for those entries. */
export const exportsMap = () => {
  const map = {}
  for (const [subpath, file] of Object.entries(publicEntries())) {
    // Node (and Deno, Bun, Jest) stop at `node`: CommonJS, which both require and import load; bundlers for Node
    // (`esbuild --platform=node`, which adds `module`) get ES modules there, dist/node. Both Node builds default to the
    // node:http transport and node:crypto signing. Every other bundler gets dist/esm (fetch and WebCrypto, no node
    // code): through `module` (esbuild's browser platform, webpack, rollup's node-resolve), `worker` (wrangler asks
    // for workerd/worker/browser only) or `browser`. These after `node` keep runtimes that execute files as they are
    // (and publint) off the ES modules, whose bare `fp-ts/…` imports only bundlers resolve.
    map[subpath] = {
      types: `./dist/types/${file}.d.ts`,
      node: { module: `./dist/node/${file}.js`, default: `./dist/cjs/${file}.cjs` },
      module: `./dist/esm/${file}.js`,
      worker: `./dist/esm/${file}.js`,
      browser: `./dist/esm/${file}.js`,
      default: `./dist/cjs/${file}.cjs`
    }
  }
  map['./package.json'] = './package.json'
  return map
}

/**
 * `typesVersions` for TypeScript's `node10` resolution (no `exports`): one exact entry per subpath. A wildcard
 * (`"*": ["dist/types/*"]`) would also remap the top-level `types` path and `package.json`, which then fail to resolve.
 */
export const typesVersions = () => {
  const paths = {}
  for (const [subpath, file] of Object.entries(publicEntries())) {
    if (subpath !== '.') paths[subpath.slice(2)] = [`dist/types/${file}.d.ts`]
  }
  return { '*': paths }
}

// `node test/tooling/entries.mjs --write` rewrites package.json's exports map from the source tree.
if (process.argv[1] === import.meta.filename && process.argv.includes('--write')) {
  const path = join(ROOT, 'package.json')
  const pkg = JSON.parse(readFileSync(path, 'utf8'))
  pkg.exports = exportsMap()
  pkg.typesVersions = typesVersions()
  writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n')
  console.log(`exports: ${Object.keys(pkg.exports).length - 1} public modules`)
}
