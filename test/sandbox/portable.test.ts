// The socket-free sandbox (`kayako-fp/sandbox/handler`, `kayako-fp/testing`) must run anywhere: bundling it for a
// neutral platform must not need a single Node module, and it must not drag the client's resource modules along.
import { build } from 'esbuild'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from '../tooling/entries.mjs'

const bundleInputs = async (entry: string): Promise<ReadonlyArray<string>> => {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*', 'txml', 'txml/*', 'cross-fetch'],
    logLevel: 'silent'
  })
  return Object.keys(result.metafile.inputs)
}

test('src/sandbox/handler.ts bundles for a neutral platform without node: modules or resource modules', async () => {
  const inputs = await bundleInputs('src/sandbox/handler.ts')
  assert.equal(
    inputs.filter((i) => i.startsWith('node:') || /src\/classic\/[A-Z]/.test(i)),
    []
  )
  assert.ok(inputs.includes('src/sandbox/classic/controllers/Ticket.ts'))
})

test('src/testing/index.ts bundles without node: modules', async () => {
  assert.equal(
    (await bundleInputs('src/testing/index.ts')).filter((i) => i.startsWith('node:') || /src\/(classic\/[A-Z]|sandbox)/.test(i)),
    []
  )
})

test.run()
