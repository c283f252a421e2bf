// The Classic read tools driven through an MCP client (stdio or Streamable HTTP), each answer checked against its
// output schema and against the sandbox as the library reads it. Shared by stdio.test.ts and http.test.ts; `call`, `ok`
// and `failed` serve the v1 checks (v1Reads.ts) too.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import * as assert from 'uvu/assert'
import { z } from 'zod'
import { classic, type ClassicExecutor } from '../../src/classic/internal/executor'
import * as Department from '../../src/classic/Department'
import * as KnowledgebaseArticle from '../../src/classic/KnowledgebaseArticle'
import * as Ticket from '../../src/classic/Ticket'
import * as TicketPost from '../../src/classic/TicketPost'
import * as TicketStatus from '../../src/classic/TicketStatus'
import * as User from '../../src/classic/User'
import { CLASSIC_TOOLS } from '../../src/mcp/classic'
import { V1_TOOLS } from '../../src/mcp/v1'
import type { ToolError } from '../../src/mcp/tool'
import type { RunningSandbox } from '../../src/sandbox/server'
import { unwrap } from '../support/transport'

export const READ_TOOLS = CLASSIC_TOOLS.filter((t) => t.access === 'read').map((t) => t.name)
export const WRITE_TOOLS = CLASSIC_TOOLS.filter((t) => t.access !== 'read').map((t) => t.name)

/** Every answer a test saw, for the sentinel check. */
export const seen: Array<string> = []

export const call = async (client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> => {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult
  seen.push(JSON.stringify(result))
  return result
}

/** The structured content of a successful call (either API's tool), checked strictly against the tool's own output schema. */
export const ok = async <A = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ data: A; text: string }> => {
  const result = await call(client, name, args)
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n')
  assert.not.ok(result.isError, `${name}: ${text}`)
  const tool = [...CLASSIC_TOOLS, ...V1_TOOLS].find((t) => t.name === name)
  assert.ok(tool, name)
  const parsed = z.object(tool.output).strict().safeParse(result.structuredContent)
  assert.ok(parsed.success, `${name}: structured content does not match its schema: ${parsed.success ? '' : parsed.error.message}`)
  return { data: result.structuredContent as A, text }
}

/** The ToolError of a failed call. */
export const failed = async (client: Client, name: string, args: Record<string, unknown>): Promise<ToolError> => {
  const result = await call(client, name, args)
  assert.ok(result.isError, `${name} should fail`)
  assert.is(result.structuredContent, undefined)
  const [first] = result.content
  assert.is(first?.type, 'text')
  return (JSON.parse(first?.type === 'text' ? first.text : '{}') as { error: ToolError }).error
}

export const libraryFor = (sandbox: RunningSandbox, secretKey = sandbox.secretKey): ClassicExecutor =>
  classic({ url: sandbox.url, apiKey: sandbox.apiKey, secretKey })

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | null
}

/** Calls every Classic read tool and checks it against the library's view of the same sandbox. */
export const exerciseReads = async (client: Client, sandbox: RunningSandbox): Promise<void> => {
  const lib = libraryFor(sandbox)

  const listed = await client.listTools()
  for (const name of READ_TOOLS) {
    const tool = listed.tools.find((t) => t.name === name)
    assert.ok(tool, `${name} is listed`)
    assert.ok(tool.description !== undefined && tool.description.length > 60, `${name} says when to use it`)
    assert.ok(tool.outputSchema, `${name} has an output schema`)
    assert.equal(tool.annotations?.readOnlyHint, true, `${name} is read-only`)
    assert.equal(tool.annotations?.destructiveHint, false)
  }

  const depts = await ok<Page<{ id: number; title: string }>>(client, 'classic_list_departments')
  const departments = unwrap(await lib(Department.all())())
  assert.equal(
    depts.data.items.map((d) => [d.id, d.title]),
    departments.map((d) => [d.id, d.title])
  )

  // The list, two at a time through the cursor, is the library's ListAll of every ticket department.
  const expected = unwrap(await lib(Ticket.all({ departmentIds: departments.filter((d) => d.app === 'tickets').map((d) => d.id) }))())
  const ids: Array<number> = []
  let cursor: string | undefined
  let pages = 0
  do {
    const pageOf: { data: Page<{ id: number }> } = await ok(client, 'classic_list_tickets', { limit: 2, ...(cursor === undefined ? {} : { cursor }) })
    assert.ok(pageOf.data.items.length <= 2)
    ids.push(...pageOf.data.items.map((t) => t.id))
    cursor = pageOf.data.next ?? undefined
    pages++
  } while (cursor !== undefined && pages < 20)
  assert.ok(expected.length > 2, 'the seed has more than one page')
  assert.equal(
    ids,
    expected.map((t) => t.id).sort((a, b) => a - b)
  )
  assert.is(pages, Math.ceil(expected.length / 2))
  // Filters reach ListAll: the resolved status lists the closed tickets only.
  const statuses = unwrap(await lib(TicketStatus.all())())
  const closed = statuses.find((s) => s.markAsResolved)
  assert.ok(closed)
  const closedList = await ok<Page<{ statusId: number }>>(client, 'classic_list_tickets', { statusIds: [closed.id], limit: 50 })
  assert.ok(closedList.data.items.every((t) => t.statusId === closed.id))
  assert.is(closedList.data.items.length, unwrap(await lib(Ticket.all({ departmentIds: departments.map((d) => d.id), statusIds: [closed.id] }))()).length)

  const search = await ok<Page<{ id: number; subject: string }>>(client, 'classic_search_tickets', { query: 'printer' })
  const searched = unwrap(await lib(Ticket.search({ query: 'printer', in: ['ticketId', 'contents', 'author', 'email', 'fullName', 'tags'] }))())
  assert.ok(searched.length > 0)
  assert.equal(
    search.data.items.map((t) => t.id),
    searched.map((t) => t.id)
  )
  const bySubjectTag = await ok<Page<{ id: number }>>(client, 'classic_search_tickets', { query: 'hardware', in: ['tags'] })
  assert.ok(
    bySubjectTag.data.items.some((t) => t.id === 1),
    'the tags flag finds ticket 1'
  )

  // One ticket, whole: every post of the sandbox, notes among them, oldest first, custom fields and attachments.
  const posts = unwrap(await lib(TicketPost.all(1))())
  const whole = await ok<{
    ticket: { id: number; subject: string }
    conversation: ReadonlyArray<{ kind: string; id: number; at: string | null; contents: string }>
    customFields: ReadonlyArray<{ title: string; value: string }>
    attachments: ReadonlyArray<{ fileName: string }>
  }>(client, 'classic_get_ticket', { ticketId: 1 })
  assert.is(whole.data.ticket.id, 1)
  assert.equal(
    whole.data.conversation.filter((e) => e.kind === 'post').map((e) => e.id),
    posts.map((p) => p.id)
  )
  assert.ok(
    whole.data.conversation.some((e) => e.kind === 'note'),
    'ticket notes are in the conversation'
  )
  const times = whole.data.conversation.map((e) => e.at ?? '')
  assert.equal(times, [...times].sort(), 'chronological')
  assert.ok(whole.data.customFields.length > 0)
  assert.ok(whole.data.attachments.length > 0)
  assert.match(whole.text, /Printer on floor 3/)
  assert.not.match(whole.text, /<\/?(p|br|div|span|b|strong|html)\b/i, 'HTML is rendered as plain text')
  const displayId = unwrap(await lib(Ticket.get(1))()).displayId
  const byDisplay = await ok<{ ticket: { id: number } }>(client, 'classic_get_ticket', { ticketId: displayId })
  assert.is(byDisplay.data.ticket.id, 1)

  const options = await ok<{ statuses: ReadonlyArray<{ id: number; markAsResolved: boolean }>; staff: ReadonlyArray<{ id: number }> }>(
    client,
    'classic_list_ticket_options'
  )
  assert.equal(
    options.data.statuses.map((s) => [s.id, s.markAsResolved]),
    statuses.map((s) => [s.id, s.markAsResolved])
  )
  assert.ok(options.data.staff.length > 0)

  const someUser = unwrap(await lib(User.all())())[0]
  assert.ok(someUser)
  const email = someUser.emails[0] ?? ''
  const users = await ok<Page<{ id: number }>>(client, 'classic_search_users', { query: email })
  assert.ok(users.data.items.some((u) => u.id === someUser.id))
  const byId = await ok<{ user: { id: number; fullName: string } }>(client, 'classic_get_user', { userId: someUser.id })
  assert.equal([byId.data.user.id, byId.data.user.fullName], [someUser.id, someUser.fullName])
  const byEmail = await ok<{ user: { id: number } }>(client, 'classic_get_user', { email: email.toUpperCase() })
  assert.is(byEmail.data.user.id, someUser.id)

  const articles = unwrap(await lib(KnowledgebaseArticle.all())()).filter((a) => a.articleStatus === 1)
  const article = articles[0]
  assert.ok(article)
  const word = article.subject.split(/\s+/).find((w) => w.length > 4) ?? article.subject
  const kb = await ok<Page<{ id: number; status: string }>>(client, 'classic_search_knowledgebase', { query: word })
  assert.ok(kb.data.items.some((a) => a.id === article.id))
  assert.ok(kb.data.items.every((a) => a.status === 'published'))
  const full = await ok<{ article: { id: number; contentsText: string } }>(client, 'classic_get_article', { articleId: article.id })
  assert.is(full.data.article.id, article.id)
  assert.not.match(full.data.article.contentsText, /<\/?p>/)

  // Typed errors: a bad id, another tool's cursor, arguments the tool refuses.
  const missing = await failed(client, 'classic_get_ticket', { ticketId: 999999 })
  assert.is(missing.kind, 'NotFound')
  assert.match(missing.message, /Ticket not Found/)
  assert.ok(missing.hint.length > 10)
  assert.is((await failed(client, 'classic_get_article', { articleId: 99999 })).kind, 'NotFound')
  assert.is((await failed(client, 'classic_get_user', { userId: 99999 })).kind, 'NotFound')
  const foreign = await ok<Page<unknown>>(client, 'classic_search_users', { query: 'e', limit: 1 })
  assert.ok(foreign.data.next !== null)
  assert.is((await failed(client, 'classic_list_tickets', { cursor: foreign.data.next })).kind, 'ValidationError')
  assert.is((await failed(client, 'classic_list_tickets', { cursor: 'not a cursor!' })).kind, 'ValidationError')
  assert.is((await failed(client, 'classic_get_user', {})).kind, 'ValidationError')
}
