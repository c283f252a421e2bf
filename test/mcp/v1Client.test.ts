// The v1 tools through the MCP SDK's own client over an in-memory transport, against the in-process v1 sandbox: the
// server lists the v1 read tools (writes only when enabled), answers with structured content the client checks against
// the tools' output schemas, pages with the cursor, reports a bad id as a typed tool error, and refuses a
// customer-visible write without `confirm: true`.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createMcpServer } from '../../src/mcp/server'
import * as Case from '../../src/v1/Case'
import { sandboxRun } from '../v1/sandboxRun'

const READ_TOOLS = [
  'v1_get_article',
  'v1_get_case',
  'v1_get_organization',
  'v1_get_user',
  'v1_list_case_options',
  'v1_list_cases',
  'v1_list_views',
  'v1_search',
  'v1_search_articles',
  'v1_view_cases'
]

const connect = async (writes: boolean) => {
  const env = sandboxRun()
  const server = createMcpServer({ v1: env.run, writes })
  const client = new Client({ name: 'v1-client-test', version: '1.0.0' })
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  await server.connect(serverSide)
  await client.connect(clientSide)
  return { ...env, client, close: () => client.close() }
}

interface Result {
  readonly isError?: boolean
  readonly structuredContent?: Record<string, unknown>
  readonly content: ReadonlyArray<{ readonly type: string; readonly text?: string }>
}

const textOf = (result: Result): string => result.content.map((c) => c.text ?? '').join('\n')

const t = suite('mcp v1 tools through the SDK client')

t('a v1-only server lists the ten v1 read tools, each with its output schema and annotations; writes only when enabled', async () => {
  const reads = await connect(false)
  try {
    const { tools } = await reads.client.listTools()
    assert.equal(tools.map((x) => x.name).sort(), READ_TOOLS)
    for (const x of tools) {
      assert.ok(x.outputSchema !== undefined, `${x.name} has an output schema`)
      assert.is(x.annotations?.readOnlyHint, true, x.name)
    }
  } finally {
    await reads.close()
  }
  const writes = await connect(true)
  try {
    const { tools } = await writes.client.listTools()
    assert.equal(
      tools
        .map((x) => x.name)
        .filter((n) => !READ_TOOLS.includes(n))
        .sort(),
      ['v1_add_note', 'v1_add_tags', 'v1_create_case', 'v1_reply_case', 'v1_update_case']
    )
    // the customer-visible writes take the server's `confirm`
    const reply = tools.find((x) => x.name === 'v1_reply_case')
    assert.ok(Object.keys(reply?.inputSchema.properties ?? {}).includes('confirm'))
  } finally {
    await writes.close()
  }
})

t('v1_list_cases pages with its cursor; v1_get_case answers the sandbox case; a bad id is an isError NotFound', async () => {
  const env = await connect(false)
  try {
    const first = (await env.client.callTool({ name: 'v1_list_cases', arguments: { limit: 3 } })) as Result
    const items = first.structuredContent?.items as ReadonlyArray<{ id: number }>
    assert.is(items.length, 3)
    const second = (await env.client.callTool({ name: 'v1_list_cases', arguments: { limit: 3, cursor: first.structuredContent?.next } })) as Result
    const expected = await env.ok(Case.all({ limit: 6 }))
    assert.equal(
      [...items, ...(second.structuredContent?.items as ReadonlyArray<{ id: number }>)].map((c) => c.id),
      expected.items.map((c) => c.id)
    )
    const kase = (await env.client.callTool({ name: 'v1_get_case', arguments: { caseId: 1 } })) as Result
    assert.not.ok(kase.isError)
    assert.is((kase.structuredContent?.case as { subject: string }).subject, (await env.ok(Case.get(1))).subject)
    assert.match(textOf(kase), /MESSAGE from the requester/)
    const missing = (await env.client.callTool({ name: 'v1_get_case', arguments: { caseId: 999999 } })) as Result
    assert.is(missing.isError, true)
    const error = (JSON.parse(textOf(missing)) as { error: { kind: string; code: string } }).error
    assert.is(error.kind, 'NotFound')
    assert.is(error.code, 'RESOURCE_NOT_FOUND')
  } finally {
    await env.close()
  }
})

t('v1_reply_case without confirm: true is refused and sends nothing; with it, the sandbox shows the reply', async () => {
  const env = await connect(true)
  try {
    const before = (await env.ok(Case.posts(1))).totalCount
    const refused = (await env.client.callTool({ name: 'v1_reply_case', arguments: { caseId: 1, contents: 'Your part ships today.' } })) as Result
    assert.is(refused.isError, true)
    assert.match(textOf(refused), /ConfirmationRequired/)
    assert.is((await env.ok(Case.posts(1))).totalCount, before)
    const sent = (await env.client.callTool({ name: 'v1_reply_case', arguments: { caseId: 1, contents: 'Your part ships today.', confirm: true } })) as Result
    assert.not.ok(sent.isError)
    assert.is((await env.ok(Case.posts(1, { limit: 1 }))).items[0]?.contents, 'Your part ships today.')
    // a note is agents-only: no confirmation asked
    const note = (await env.client.callTool({ name: 'v1_add_note', arguments: { caseId: 1, contents: 'Shipped via DHL.' } })) as Result
    assert.not.ok(note.isError)
  } finally {
    await env.close()
  }
})

t.run()
