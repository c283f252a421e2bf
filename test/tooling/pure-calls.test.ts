// The build's pure-calls plugin: calls to the XML plumbing become `/* @__PURE__ */`, nothing else does.
import { parseAst } from 'rollup/parseAst'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { CLASSIC_XML_CALLS, pureCalls } from './pure-calls.mjs'

const plugin = pureCalls(CLASSIC_XML_CALLS)
const transform = (code: string, id = '/repo/src/classic/Thing.ts'): string | null => {
  const result = (plugin.transform as (this: unknown, code: string, id: string) => { code: string } | null).call(
    { parse: (c: string) => parseAst(c) },
    code,
    id
  )
  return result === null ? null : result.code
}

const p = suite('pure-calls plugin')

p('marks every call of an imported XML constructor, nested ones included, once', () => {
  const code = [
    "import { struct, text, int as integer } from './xml';",
    "import { other } from './request';",
    "const thing = /* @__PURE__ */ struct('thing', { title: text('title'), n: integer('n'), x: other('x') });",
    "export const get = (id) => other(text('t'), id);"
  ].join('\n')
  assert.is(
    transform(code),
    [
      "import { struct, text, int as integer } from './xml';",
      "import { other } from './request';",
      "const thing = /* @__PURE__ */ struct('thing', { title: /* @__PURE__ */ text('title'), n: /* @__PURE__ */ integer('n'), x: other('x') });",
      "export const get = (id) => other(/* @__PURE__ */ text('t'), id);"
    ].join('\n')
  )
})

p('leaves names the module declares again, member calls, other modules and the XML module itself', () => {
  const code = "import { text, list } from './xml';\nconst f = (list) => list(1);\nconst a = x.text('a');\nconst b = text('b');"
  assert.is(transform(code), "import { text, list } from './xml';\nconst f = (list) => list(1);\nconst a = x.text('a');\nconst b = /* @__PURE__ */ text('b');")
  assert.is(transform(code, '/repo/src/v1/Thing.ts'), null)
  assert.is(transform(code, '/repo/src/classic/xml.ts'), null)
  assert.is(transform(code, '/repo/src/classic/internal/xml.ts'), null)
  assert.ok(transform(code.replace("'./xml'", "'./internal/xml'"))?.includes('/* @__PURE__ */ text'), 'a resource module imports the plumbing from internal/')
  assert.ok(transform(code, '/repo/src/classic/internal/comments.ts')?.includes('/* @__PURE__ */ text'), 'the plumbing beside it is marked too')
  assert.is(transform("import { get } from './request';\nget(1);"), null)
})

p.run()
