// What the v1 tools share beyond one tool: the texts of the `kayako://v1/case/{id}` and `kayako://v1/view/{id}`
// resources (caseDocument, viewDocument), the cap on a tool's text with its note on how to narrow, and the README rows.
import * as E from 'fp-ts/Either'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { TEXT_CAP } from '../../src/mcp/format'
import { caseDocument, V1_TOOLS, viewDocument } from '../../src/mcp/v1/index'
import * as Case from '../../src/v1/Case'
import { v1Tools } from './v1Support'

const t = suite('mcp v1 documents and caps')

t('caseDocument is v1_get_case’s text; viewDocument is v1_view_cases’s; a bad id is a typed error', async () => {
  const tools = v1Tools()
  const doc = await caseDocument(tools.run, 1)
  const viaTool = await tools.ok('v1_get_case', { caseId: 1 })
  assert.equal(doc, E.right(viaTool.text))
  assert.match(viaTool.text, (await tools.lib(Case.get(1))).subject)
  const view = await viewDocument(tools.run, 1)
  assert.equal(view, E.right((await tools.ok('v1_view_cases', { viewId: 1 })).text))
  assert.match(E.isRight(view) ? view.right : '', /^View #1 Inbox:/)
  const missing = await caseDocument(tools.run, 999999)
  assert.is(E.isLeft(missing) ? missing.left.kind : undefined, 'NotFound')
  const invalid = await viewDocument(tools.run, 0)
  assert.is(E.isLeft(invalid) ? invalid.left.kind : undefined, 'ValidationError')
})

t('a transcript longer than the cap: the text is cut with a note on narrowing, the structured posts stay whole', async () => {
  const tools = v1Tools()
  const long = 'All details of the grinder. '.repeat(1500)
  await tools.lib(Case.addNote(6, { contents: long }))
  const { structured, text } = await tools.ok<{ transcript: { items: Array<{ text: string }> } }>('v1_get_case', { caseId: 6 })
  assert.ok(text.length <= TEXT_CAP, `text of ${text.length} characters`)
  assert.match(text, /Cut at 25,000 of/)
  assert.match(text, /Ask for fewer posts/)
  assert.ok(
    structured.transcript.items.some((p) => p.text === long),
    'the long note is whole in the structured content'
  )
})

t('README: the MCP tool table has a row for every v1 tool, with its access, in the order V1_TOOLS lists them', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const rows = [...readme.matchAll(/^\| `(v1_\w+)` \| v1 \| ([\w-]+) \|/gm)].map((m) => [m[1], m[2]])
  assert.equal(
    rows,
    V1_TOOLS.map((x) => [x.name, x.access])
  )
})

t.run()
