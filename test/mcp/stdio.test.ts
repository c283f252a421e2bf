// `kayako mcp` as a host runs it: a child process over stdio, driven by the SDK's own client, credentials in its
// environment, against a sandbox served over HTTP by this test. One process for every call (it takes seconds to start).
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { resolve } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Ticket from '../../src/classic/Ticket'
import * as TicketNote from '../../src/classic/TicketNote'
import * as TicketPost from '../../src/classic/TicketPost'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { unwrap } from '../support/transport'
import { call, exerciseReads, failed, libraryFor, ok, seen, WRITE_TOOLS } from './reads'

// Credentials no answer may ever show (the sentinel test): long enough to be found wherever they appear.
const API_KEY = 'SENTINEL-apikey-5b0c1e7d'
const SECRET_KEY = 'SENTINEL-secret-9f3a2c41'
const ROOT = resolve(import.meta.dirname, '../..')

let sandbox: RunningSandbox
let client: Client
const stderr: Array<string> = []

test.before(async () => {
  // The first department list meets a 429 (Retry-After: 1) and the first search a 503: the server's retry policy
  // waits both out (the search is a POST that changes nothing, retried too).
  sandbox = await startSandbox({
    apiKey: API_KEY,
    secretKey: SECRET_KEY,
    faults: { script: { 'GET /Base/Department': ['429', 'none'], 'POST /Tickets/TicketSearch': ['503', 'none'] }, retryAfterSeconds: 1 }
  })
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/cli/kayako.ts', 'mcp', '--allow-writes'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KAYAKO_URL: sandbox.url, KAYAKO_API_KEY: API_KEY, KAYAKO_SECRET_KEY: SECRET_KEY },
    stderr: 'pipe'
  })
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')))
  client = new Client({ name: 'kayako-fp-test', version: '1.0.0' })
  await client.connect(transport)
})

test.after(async () => {
  await client.close()
  await sandbox.close()
})

test('stdio: every Classic read tool answers as its schema says and as the sandbox holds (a 429 and a 503 waited out on the way)', async () => {
  await exerciseReads(client, sandbox)
  assert.equal(
    sandbox.sandbox.faults?.log.map((r) => [r.method, r.route, r.fault]),
    [
      ['GET', '/Base/Department', '429'],
      ['POST', '/Tickets/TicketSearch', '503']
    ]
  )
})

test('stdio with --allow-writes: the writes are listed, annotated, and replies and new tickets take confirm', async () => {
  const { tools } = await client.listTools()
  for (const name of WRITE_TOOLS) {
    const tool = tools.find((t) => t.name === name)
    assert.ok(tool, `${name} is listed`)
    assert.is(tool.annotations?.readOnlyHint, false)
    const takesConfirm = Object.keys(tool.inputSchema.properties ?? {}).includes('confirm')
    assert.is(takesConfirm, name === 'classic_reply_ticket' || name === 'classic_create_ticket', `${name}: confirm`)
  }
})

test('stdio: a customer-visible reply without confirm: true is refused and sends nothing; with it the sandbox has the post', async () => {
  const lib = libraryFor(sandbox)
  const before = unwrap(await lib(TicketPost.all(2))()).length
  const refused = await failed(client, 'classic_reply_ticket', { ticketId: 2, contents: 'We refunded the second charge.', staffId: 2 })
  assert.is(refused.kind, 'ConfirmationRequired')
  assert.is(unwrap(await lib(TicketPost.all(2))()).length, before)
  const refusedFalse = await failed(client, 'classic_reply_ticket', { ticketId: 2, contents: 'x', staffId: 2, confirm: false })
  assert.is(refusedFalse.kind, 'ConfirmationRequired')
  const sent = await ok<{ post: { id: number } }>(client, 'classic_reply_ticket', {
    ticketId: 2,
    contents: 'We refunded the second charge.',
    staffId: 2,
    confirm: true
  })
  const after = unwrap(await lib(TicketPost.all(2))())
  assert.is(after.length, before + 1)
  const post = after.find((p) => p.id === sent.data.post.id)
  assert.ok(post)
  assert.match(post.contents, /refunded the second charge/)
  assert.is(post.staffId, 2)
})

test('stdio: a note, an update and a new ticket reach the sandbox; a write to a missing ticket is a typed error', async () => {
  const lib = libraryFor(sandbox)
  const note = await ok<{ note: { id: number } }>(client, 'classic_add_note', {
    ticketId: 3,
    contents: 'Escalate to billing lead.',
    staffId: 1,
    noteColor: 'red'
  })
  const notes = unwrap(await lib(TicketNote.all(3))())
  assert.ok(notes.some((n) => n.id === note.data.note.id && n.contents === 'Escalate to billing lead.' && n.noteColor === 5))

  const updated = await ok<{ ticket: { priorityId: number; ownerStaffId: number } }>(client, 'classic_update_ticket', {
    ticketId: 3,
    priorityId: 4,
    ownerStaffId: 3
  })
  assert.equal([updated.data.ticket.priorityId, updated.data.ticket.ownerStaffId], [4, 3])
  const stored = unwrap(await lib(Ticket.get(3))())
  assert.equal([stored.priorityId, stored.ownerStaffId], [4, 3])

  const draft = {
    subject: 'VPN drops every hour',
    contents: 'Since the update the VPN disconnects hourly.',
    fullName: 'Erin Example',
    email: 'erin@example.org'
  }
  const ids = { departmentId: 1, statusId: 1, priorityId: 2, typeId: 1 }
  assert.is((await failed(client, 'classic_create_ticket', { ...draft, ...ids })).kind, 'ConfirmationRequired')
  const created = await ok<{ ticket: { id: number; subject: string } }>(client, 'classic_create_ticket', { ...draft, ...ids, confirm: true })
  const fresh = unwrap(await lib(Ticket.get(created.data.ticket.id))())
  assert.is(fresh.subject, 'VPN drops every hour')
  assert.is(fresh.email, 'erin@example.org')

  assert.is((await failed(client, 'classic_add_note', { ticketId: 999999, contents: 'x', staffId: 1 })).kind, 'NotFound')
  const unknownDisplay = await failed(client, 'classic_add_note', { ticketId: 'NOPE-000-00000', contents: 'x', staffId: 1 })
  assert.is(unknownDisplay.kind, 'NotFound')
})

test('stdio: the resources and prompts read the ticket', async () => {
  const templates = await client.listResourceTemplates()
  assert.ok(templates.resourceTemplates.some((t) => t.uriTemplate === 'kayako://classic/ticket/{id}'))
  const resource = await client.readResource({ uri: 'kayako://classic/ticket/1' })
  seen.push(JSON.stringify(resource))
  const [content] = resource.contents
  assert.ok(content !== undefined && 'text' in content)
  assert.match(content.text, /Ticket #1 .*Printer on floor 3/)
  const { prompts } = await client.listPrompts()
  assert.equal(prompts.map((p) => p.name).sort(), ['draft_reply', 'summarize_ticket'])
  const prompt = await client.getPrompt({ name: 'draft_reply', arguments: { id: '1' } })
  seen.push(JSON.stringify(prompt))
  const texts = prompt.messages.map((m) =>
    m.content.type === 'resource' && 'text' in m.content.resource ? m.content.resource.text : m.content.type === 'text' ? m.content.text : ''
  )
  assert.match(texts.join('\n'), /Printer on floor 3/)
  assert.match(texts.join('\n'), /classic_reply_ticket and confirm: true/)
})

test('sentinel: no answer, error or line on stderr carries the Classic credentials', async () => {
  // An error path too: the server echoes what it was sent.
  await call(client, 'classic_search_tickets', { query: `${API_KEY} ${SECRET_KEY}` })
  await new Promise((r) => setTimeout(r, 100))
  const everything = [...seen, ...stderr].join('\n')
  assert.ok(seen.length > 30, 'the suite saw many answers')
  assert.ok(stderr.join('').includes('serving on stdio'), 'stderr was captured')
  for (const secret of [API_KEY, SECRET_KEY]) assert.not.ok(everything.includes(secret), `${secret} leaked`)
  assert.ok(seen.at(-1)?.includes('[redacted]'), 'the echoed query is scrubbed, not dropped')
})

test.run()
