// `kayako mcp` with v1 credentials only, as a host runs it: a child process over stdio driven by the SDK's own client,
// against the v1 sandbox served over HTTP. Every v1 read tool is called once, its structured content checked against
// its own output schema (strictly: no key it does not declare) and against the sandbox as the library reads it over
// the same HTTP; a list is paged with its cursor, a bad id is a typed tool error, and no answer holds the password.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { resolve } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { z } from 'zod'
import { fetchTransport } from '../../src/core/http'
import { V1_TOOLS } from '../../src/mcp/v1/index'
import type { ToolError } from '../../src/mcp/tool'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { CUSTOMER_EMAIL } from '../../src/sandbox/v1/seed'
import * as Article from '../../src/v1/Article'
import * as Case from '../../src/v1/Case'
import * as CaseStatus from '../../src/v1/CaseStatus'
import { v1, type V1Executor } from '../../src/v1/internal/executor'
import * as Organization from '../../src/v1/Organization'
import type { V1Request } from '../../src/v1/internal/request'
import * as View from '../../src/v1/View'
import { unwrap } from '../support/transport'

const ROOT = resolve(import.meta.dirname, '../..')

let sandbox: RunningSandbox
let client: Client
let lib: V1Executor
let password = ''
const answers: Array<string> = []

test.before(async () => {
  sandbox = await startSandbox()
  const side = sandbox.v1
  if (side === undefined) throw new Error('startSandbox serves no v1 API')
  password = side.password
  lib = v1({ url: side.url, auth: { username: side.username, password: side.password }, transport: fetchTransport })
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/cli/kayako.ts', 'mcp'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KAYAKO_V1_URL: side.url, KAYAKO_EMAIL: side.username, KAYAKO_PASSWORD: side.password },
    stderr: 'pipe'
  })
  client = new Client({ name: 'kayako-fp-v1-test', version: '1.0.0' })
  await client.connect(transport)
})

test.after(async () => {
  await client.close()
  await sandbox.close()
})

const read = async <A>(request: V1Request<A>): Promise<A> => unwrap(await lib(request)())

const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult
  answers.push(JSON.stringify(result))
  return result
}

/** The structured content of a call that must succeed, checked strictly against the tool's output schema. */
const ok = async <A>(name: string, args: Record<string, unknown> = {}): Promise<A> => {
  const result = await call(name, args)
  assert.not.ok(result.isError, `${name}: ${JSON.stringify(result.content)}`)
  const tool = V1_TOOLS.find((t) => t.name === name)
  assert.ok(tool, name)
  const parsed = z.object(tool.output).strict().safeParse(result.structuredContent)
  assert.ok(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`)
  return result.structuredContent as A
}

const failed = async (name: string, args: Record<string, unknown>): Promise<ToolError> => {
  const result = await call(name, args)
  assert.is(result.isError, true, `${name} should fail`)
  const [first] = result.content
  return (JSON.parse(first?.type === 'text' ? first.text : '{}') as { error: ToolError }).error
}

interface Listed<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | null
}

test('stdio, v1 only: the ten v1 read tools are listed (no Classic tool, no write) and each answers as the sandbox holds', async () => {
  const { tools } = await client.listTools()
  const reads = V1_TOOLS.filter((t) => t.access === 'read').map((t) => t.name)
  assert.equal(tools.map((t) => t.name).sort(), [...reads].sort())
  assert.is(reads.length, 10)

  const search = await ok<Listed<{ type: string; id: number }>>('v1_search', { query: 'caryn', resources: ['users'] })
  assert.ok(search.items.some((h) => h.type === 'user' && h.id === 2))

  const cases = await ok<Listed<{ id: number }>>('v1_list_cases', { limit: 5 })
  assert.equal(
    cases.items.map((c) => c.id),
    (await read(Case.all({ limit: 5 }))).items.map((c) => c.id)
  )

  const kase = await ok<{ case: { subject: string }; requester: { emails: ReadonlyArray<string> } }>('v1_get_case', { caseId: 1 })
  assert.is(kase.case.subject, (await read(Case.get(1))).subject)
  assert.equal(kase.requester.emails, [CUSTOMER_EMAIL])

  const views = await ok<Listed<{ id: number; title: string }>>('v1_list_views', {})
  assert.equal(
    views.items.map((v) => v.title),
    (await read(View.all())).items.map((v) => v.title)
  )

  const inbox = await ok<Listed<{ id: number }>>('v1_view_cases', { viewId: 1, limit: 5 })
  assert.equal(
    inbox.items.map((c) => c.id),
    (await read(View.cases(1, { limit: 5 }))).items.map((c) => c.id)
  )

  const user = await ok<{ user: { id: number; name: string } }>('v1_get_user', { email: CUSTOMER_EMAIL })
  assert.equal(user.user, { ...user.user, id: 2, name: 'Caryn Pryor' })

  const org = await ok<{ organization: { name: string } }>('v1_get_organization', { organizationId: 2 })
  assert.is(org.organization.name, (await read(Organization.get(2))).name)

  const articles = await ok<Listed<{ id: number; title: string }>>('v1_search_articles', { query: 'espresso' })
  assert.equal(
    articles.items.map((a) => a.title),
    (await read(Article.search({ query: 'espresso' }))).items.map((a) => a.title)
  )

  const article = await ok<{ title: string; locale: string }>('v1_get_article', { articleId: 1, locale: 'de' })
  assert.equal(article, { ...article, title: 'Auspacken und erste Inbetriebnahme', locale: 'de' })

  const options = await ok<{ statuses: ReadonlyArray<{ id: number; label: string }> }>('v1_list_case_options', {})
  assert.equal(
    options.statuses,
    (await read(CaseStatus.all())).map((s) => ({ id: s.id, label: s.label, type: s.type }))
  )
})

test('stdio, v1: v1_list_cases pages to its end with the cursor, each case once; a bad id is a NotFound tool error', async () => {
  const total = (await read(Case.all({ limit: 1 }))).totalCount
  const seen: Array<number> = []
  let cursor: string | null = null
  do {
    const page: Listed<{ id: number }> = await ok<Listed<{ id: number }>>('v1_list_cases', { limit: 10, ...(cursor === null ? {} : { cursor }) })
    seen.push(...page.items.map((c) => c.id))
    cursor = page.next
  } while (cursor !== null)
  assert.is(seen.length, total)
  assert.is(new Set(seen).size, seen.length)
  const missing = await failed('v1_get_case', { caseId: 424242 })
  assert.is(missing.kind, 'NotFound')
  assert.is(missing.code, 'RESOURCE_NOT_FOUND')
  const badCursor = await failed('v1_view_cases', { viewId: 1, cursor: 'not-a-cursor' })
  assert.is(badCursor.kind, 'ValidationError')
})

test('stdio, v1: no answer holds the password', () => {
  assert.ok(answers.length > 10)
  for (const answer of answers) assert.not.ok(answer.includes(password), 'an answer holds the password')
})

test.run()
