// Three builds of every public module, one file per source module so bundlers keep only what is imported:
// dist/esm (ES modules, for bundlers: the `module`, `worker` and `browser` conditions), dist/cjs (CommonJS, what
// Node's require and import both load) and dist/node (ES modules for bundlers under the `node` condition). The two
// Node builds carry each `x.node.ts` in place of its sibling `x.ts` (the defaults: node:http and node:crypto). Types come from `tsc` (see the build script). TypeScript is transpiled by esbuild: the
// classic-compiler rollup plugin does not run on TypeScript 7.
import { existsSync } from 'node:fs'
import esbuild from 'rollup-plugin-esbuild'
import { publicEntries } from './test/tooling/entries.mjs'
import { CLASSIC_XML_CALLS, pureCalls } from './test/tooling/pure-calls.mjs'

// …and the `kayako` command (package.json `bin`), which is not a library module: its subcommands load lazily.
const input = { ...Object.fromEntries(Object.values(publicEntries()).map((file) => [file, `src/${file}.ts`])), 'cli/kayako': 'src/cli/kayako.ts' }
const external = (id) => /^(fp-ts|io-ts|txml|cross-fetch|zod|@modelcontextprotocol\/sdk)(\/|$)/.test(id) || id.startsWith('node:')

/** Resolves a source module to its `.node.ts` sibling where there is one. */
const nodeVariants = () => ({
  name: 'node-variants',
  async resolveId(source, importer, options) {
    if (importer === undefined || !source.startsWith('.')) return null
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    const variant = resolved?.id.replace(/\.ts$/, '.node.ts')
    return variant !== undefined && variant !== resolved.id && existsSync(variant) ? variant : null
  }
})

const build = (format, dir, extension, node) => ({
  input,
  external,
  treeshake: { moduleSideEffects: false },
  // pureCalls: module-level decoders of Classic modules stay out of bundles that do not use them (see the plugin).
  plugins: [...(node ? [nodeVariants()] : []), esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }), pureCalls(CLASSIC_XML_CALLS)],
  output: {
    dir,
    format,
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: `[name].${extension}`,
    exports: 'named',
    generatedCode: 'es2015',
    // fp-ts, io-ts and txml ship real CommonJS builds (`__esModule`): use their exports as they are. The default
    // interop wraps each `import * as E` in a namespace of getters, which made decoding a large ticket list about 10% slower (test/bench).
    interop: 'esModule',
    externalLiveBindings: false
  }
})

export default [build('es', 'dist/esm', 'js', false), build('cjs', 'dist/cjs', 'cjs', true), build('es', 'dist/node', 'js', true)]
