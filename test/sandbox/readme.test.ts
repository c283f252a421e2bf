// The README's Quick start runs as written (against the sandbox): its code block is extracted, `kayako-fp/…` imports
// are pointed at the sources, and the printed line is checked.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { publicEntries } from '../tooling/entries.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')

test('the Quick start prints the new ticket', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## Quick start'))
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  assert.ok(code !== undefined, 'a ts block under ## Quick start')
  const entries = publicEntries()
  const source = code.replace(/from '(kayako-fp(\/[^']*)?)'/g, (_, spec: string, sub: string | undefined) => {
    const file = entries[`.${sub ?? ''}`]
    if (file === undefined) throw new Error(`the README imports ${spec}, which is not a public module`)
    return `from ${JSON.stringify(pathToFileURL(join(ROOT, 'src', `${file}.ts`)).href)}`
  })
  // Inside the project, so that `fp-ts` resolves from its node_modules.
  const cache = join(ROOT, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'readme-'))
  const printed: Array<string> = []
  const log = console.log
  console.log = (...args: Array<unknown>) => void printed.push(args.join(' '))
  try {
    writeFileSync(join(dir, 'quickstart.mts'), source)
    await import(pathToFileURL(join(dir, 'quickstart.mts')).href)
  } finally {
    console.log = log
    rmSync(dir, { recursive: true, force: true })
  }
  assert.equal(printed.length, 1, printed.join('\n'))
  // The sandbox's default `t_eticketid=seq` makes the display id the ticket id: the seed has 6 tickets.
  assert.is(printed[0], '7: Invoice 118 is missing (1 post)')
})

test.run()
