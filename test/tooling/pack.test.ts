// The published tarball, as a user gets it: `npm pack`, installed into a scratch project (no registry: the
// dependencies are linked from this repository's node_modules), every subpath loaded with require and import, and a
// consumer type-checked under moduleResolution node16, bundler and node10.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { publicEntries, ROOT, typesVersions } from './entries.mjs'
import { packTarball } from './packed'

const TSC = join(ROOT, 'node_modules', '.bin', 'tsc')
// TypeScript 7 removed `moduleResolution: node10`; the TypeScript 5 that @arethetypeswrong/core ships still has it.
const TSC_5 = join(ROOT, 'node_modules', '@arethetypeswrong', 'core', 'node_modules', 'typescript', 'bin', 'tsc')
// The optional peers of `kayako-fp/mcp` too, as its users install them (no other subpath imports them: test/mcp/helpers.test.ts).
const LINKED = ['fp-ts', 'io-ts', 'txml', 'cross-fetch', '@types', '@modelcontextprotocol', 'zod']

const specifiers = Object.keys(publicEntries()).map((s) => (s === '.' ? 'kayako-fp' : `kayako-fp/${s.slice(2)}`))

let scratch = ''
let files: ReadonlyArray<string> = []

const pack = suite('packed tarball')

pack.before(() => {
  const tarball = packTarball()
  scratch = mkdtempSync(join(tmpdir(), 'kayako-fp-pack-'))
  files = tarball.files
  const modules = join(scratch, 'node_modules')
  mkdirSync(modules)
  execFileSync('tar', ['-xzf', tarball.tarball, '-C', modules])
  renameSync(join(modules, 'package'), join(modules, 'kayako-fp'))
  for (const dep of LINKED) symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep), 'dir')
})

pack.after(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true })
})

pack('typesVersions lists every public module exactly (run `npm run exports:write` after adding one)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { typesVersions: unknown }
  assert.equal(manifest.typesVersions, typesVersions())
})

pack('ships the build, the manifest, the README and the licence only', () => {
  const documents = ['package.json', 'README.md', 'LICENSE']
  for (const name of documents) assert.ok(files.includes(name), name)
  assert.equal(
    files.filter((f) => !/^dist\/((esm|node)\/.+\.js|cjs\/.+\.cjs|types\/.+\.d\.ts)$/.test(f) && !documents.includes(f)),
    []
  )
  for (const spec of specifiers) {
    const file = publicEntries()[spec === 'kayako-fp' ? '.' : `./${spec.slice('kayako-fp/'.length)}`]
    assert.ok(
      files.includes(`dist/cjs/${file}.cjs`) &&
        files.includes(`dist/esm/${file}.js`) &&
        files.includes(`dist/node/${file}.js`) &&
        files.includes(`dist/types/${file}.d.ts`),
      spec
    )
  }
})

const node = (args: ReadonlyArray<string>) => spawnSync(process.execPath, args, { cwd: scratch, encoding: 'utf8' })

pack('every subpath loads with require and with import, with the same named exports', () => {
  const cjs = node(['-e', `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => Object.keys(require(s)).sort())))`])
  assert.is(cjs.status, 0, cjs.stderr)
  const esm = node([
    '--input-type=module',
    '-e',
    `const out = []; for (const s of ${JSON.stringify(specifiers)}) out.push(Object.keys(await import(s)).filter((k) => k !== 'default').sort()); console.log(JSON.stringify(out))`
  ])
  assert.is(esm.status, 0, esm.stderr)
  const required = JSON.parse(cjs.stdout) as Array<Array<string>>
  assert.equal(JSON.parse(esm.stdout), required)
  assert.ok(required.every((names) => names.length > 0))
})

// Every subpath's declarations are read with skipLibCheck off, except `kayako-fp/mcp`'s: they name the MCP SDK, whose
// own declarations do not pass that (DOM names, CommonJS type imports of ES modules); its consumer below skips them.
const LIB_CHECKED = specifiers.filter((s) => s !== 'kayako-fp/mcp')

const MCP_CONSUMER = `
import { classic } from 'kayako-fp/classic'
import { CLASSIC_TOOLS, createMcpServer, type ToolDefinition, type ToolError } from 'kayako-fp/mcp'

export const server = createMcpServer({ classic: classic({ url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's' }), writes: false })
export const tools: ReadonlyArray<ToolDefinition> = CLASSIC_TOOLS
export const kind = (e: ToolError): string => e.kind
// @ts-expect-error writes is a boolean
export const wrong = createMcpServer({ writes: 'yes' })
`

const CONSUMER = `
import * as E from 'fp-ts/Either'
import type * as O from 'fp-ts/Option'
import { classic, type ClassicExecutor } from 'kayako-fp/classic'
import * as Department from 'kayako-fp/classic/Department'
import { describe, fetchTransport, type KayakoError } from 'kayako-fp/core'
import { nodeTransport } from 'kayako-fp/node'
${LIB_CHECKED.map((s, i) => `import * as module${i} from '${s}'`).join('\n')}

export const modules = [${LIB_CHECKED.map((_, i) => `module${i}`).join(', ')}]
export const run: ClassicExecutor = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's', transport: nodeTransport() })
export const viaFetch: ClassicExecutor = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's', transport: fetchTransport })
export const found: Promise<E.Either<KayakoError, O.Option<Department.Department>>> = run(Department.get(5))()
export const message = (e: KayakoError): string => describe(e)
// @ts-expect-error a request for a department does not decode to a number
export const wrong: Promise<E.Either<KayakoError, number>> = run(Department.get(5))()
`

const typecheck = (tsc: string, name: string, compilerOptions: Record<string, unknown>, type: 'module' | 'commonjs', source = CONSUMER) => {
  const dir = join(scratch, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type }))
  writeFileSync(join(dir, 'consumer.ts'), source)
  const config = {
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022'], types: ['node'], ...compilerOptions },
    files: ['consumer.ts']
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config))
  const result = spawnSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8' })
  assert.is(result.status, 0, `${name}: ${result.stdout}${result.stderr}`)
}

pack('a consumer type-checks under moduleResolution node16 (ESM and CJS) and bundler', () => {
  typecheck(TSC, 'node16-esm', { module: 'node16', moduleResolution: 'node16' }, 'module')
  typecheck(TSC, 'node16-cjs', { module: 'node16', moduleResolution: 'node16' }, 'commonjs')
  typecheck(TSC, 'bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'module')
})

pack('a consumer of kayako-fp/mcp type-checks under moduleResolution node16 (ESM and CJS) and bundler', () => {
  typecheck(TSC, 'mcp-node16-esm', { module: 'node16', moduleResolution: 'node16', skipLibCheck: true }, 'module', MCP_CONSUMER)
  typecheck(TSC, 'mcp-node16-cjs', { module: 'node16', moduleResolution: 'node16', skipLibCheck: true }, 'commonjs', MCP_CONSUMER)
  typecheck(TSC, 'mcp-bundler', { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true }, 'module', MCP_CONSUMER)
})

pack('a consumer type-checks under moduleResolution node10 (typesVersions)', () => {
  // skipLibCheck: this check is about resolution. TypeScript 7 writes inferred byte arrays as `Uint8Array<…>`, which
  // TypeScript before 5.7 does not know; the node16 and bundler checks above read every declaration.
  typecheck(TSC_5, 'node10', { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true, skipLibCheck: true }, 'commonjs')
})

pack.run()
