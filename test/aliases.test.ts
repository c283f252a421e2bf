// Every resource module's Rails aliases, in one table: for each public `classic/<Name>` and `v1/<Name>` module (the
// package's entries, so a new module is covered without a line here), an alias exists exactly when its builder does,
// and is the same function.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { publicEntries, ROOT } from './tooling/entries.mjs'

const ALIASES = [
  ['find', 'get'],
  ['save', 'post'],
  ['update', 'put'],
  ['destroy', 'delete']
] as const

const resourceModules = Object.values(publicEntries()).filter((entry) => /^(classic|v1)\/[A-Z]\w*$/.test(entry))

test('the table covers every resource module of both APIs', () => {
  assert.ok(resourceModules.some((m) => m.startsWith('classic/')))
  assert.ok(resourceModules.some((m) => m.startsWith('v1/')))
  assert.ok(resourceModules.includes('classic/Department') && resourceModules.includes('v1/Team'))
})

for (const entry of resourceModules) {
  test(`${entry}: each Rails alias exists exactly when its builder does, and is that function`, async () => {
    const module = (await import(pathToFileURL(join(ROOT, 'src', `${entry}.ts`)).href)) as Record<string, unknown>
    for (const [alias, builder] of ALIASES) {
      assert.is(alias in module, builder in module, `${entry}: ${alias} ${alias in module ? 'without' : 'missing beside'} ${builder}`)
      assert.is(module[alias], module[builder], `${entry}.${alias} is ${entry}.${builder}`)
    }
  })
}

test.run()
