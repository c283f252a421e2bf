// Importing one function of one resource module must not pull another resource module's code into a bundle
// (rule of the house: `Ticket` must not bring `User` or `TicketPost` along). esbuild bundles a one-line entry and
// its metafile says which inputs contributed bytes. fp-ts, io-ts and txml are left external: they are not resource
// modules, and bundling them would only make the check slower.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from '../tooling/entries.mjs'

const CLASSIC = join(ROOT, 'src', 'classic')
const RESOURCE_MODULES = readdirSync(CLASSIC)
  .filter((f) => /^[A-Z][A-Za-z0-9]*\.ts$/.test(f))
  .map((f) => `src/classic/${f}`)

/** The bundle of `import { name } from 'src/classic/<module>'`: its text and input path → bytes contributed. */
const bundle = async (module: string, name: string): Promise<{ readonly text: string; readonly bytes: Record<string, number> }> => {
  const result = await build({
    stdin: { contents: `export { ${name} } from './src/classic/${module}'`, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*', 'txml', 'txml/*'],
    logLevel: 'silent'
  })
  const [output] = Object.values(result.metafile.outputs)
  const [file] = result.outputFiles
  if (output === undefined || file === undefined) throw new Error('no output')
  return { text: file.text, bytes: Object.fromEntries(Object.entries(output.inputs).map(([path, i]) => [path, i.bytesInOutput])) }
}

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['Ticket', 'get'],
  ['TicketCount', 'get'],
  // no User module on this branch: Department is the other Base module
  ['Department', 'get'],
  ['TicketPost', 'post'],
  ['TicketCustomField', 'lookup'],
  ['KnowledgebaseArticle', 'get'],
  ['KnowledgebaseComment', 'post'],
  ['KnowledgebaseAttachment', 'post'],
  ['NewsItem', 'all'],
  ['NewsSubscriber', 'post'],
  ['TroubleshooterStep', 'get'],
  ['TroubleshooterComment', 'all']
]

test('the resource modules are the capitalised files', () => {
  for (const m of ['Ticket', 'TicketCount', 'Department', 'TicketPost', 'TicketCustomField']) assert.ok(RESOURCE_MODULES.includes(`src/classic/${m}.ts`), m)
})

for (const [module, name] of CASES) {
  test(`import { ${name} } from '${module}' bundles no other resource module`, async () => {
    const { bytes } = await bundle(module, name)
    const own = `src/classic/${module}.ts`
    assert.ok((bytes[own] ?? 0) > 0, `${own} itself is in the bundle`)
    const others = RESOURCE_MODULES.filter((path) => path !== own && (bytes[path] ?? 0) > 0)
    assert.equal(others, [], `other resource modules in the bundle of ${module}.${name}`)
  })
}

test('the shared ticket codecs are tree-shaken: no post or note decoder where none is used', async () => {
  for (const [module, name] of [
    ['TicketCustomField', 'lookup'],
    ['TicketAttachment', 'get'],
    ['TicketCount', 'get']
  ] as const) {
    const { text } = await bundle(module, name)
    assert.not.match(text, /"isthirdparty"|"timetrack"|"creatorstaffname"/, `${module}.${name}`)
  }
  assert.match((await bundle('Ticket', 'get')).text, /"isthirdparty"/, 'the ticket decoder does decode posts')
})

test('a Ticket call bundles nothing of the Knowledgebase, News and Troubleshooter modules or their plumbing', async () => {
  const { bytes } = await bundle('Ticket', 'get')
  const content = Object.keys(bytes).filter(
    (path) => (bytes[path] ?? 0) > 0 && /src\/classic\/(Knowledgebase|News|Troubleshooter|content|comments|contentAttachments|associatedContent)/.test(path)
  )
  assert.equal(content, [])
})

test.run()
