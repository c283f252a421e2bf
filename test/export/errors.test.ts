// A record that cannot be decoded (issue 17): an `error` event with the record's raw text, scrubbed of the
// credentials, and the export goes on with the records beside it (each list item is decoded on its own).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from '../../src/core/either'
import type { Transport } from '../../src/core/http'
import { exportClassic, exportV1, type ExportEvent } from '../../src/export/index'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { classicOn, eventsOf, sorted, summary, v1On } from './support'

/** A transport whose answers `change` may rewrite (text bodies only). */
const rewriting =
  (transport: Transport, change: (url: string, body: string) => string): Transport =>
  (request) =>
  async () => {
    const sent = await transport(request)()
    return E.isRight(sent) && typeof sent.right.body === 'string' ? E.right({ ...sent.right, body: change(request.url, sent.right.body) }) : sent
  }

test('Classic: a ticket whose id is not a number is an error event with its XML (no credential in it); the others are exported', async () => {
  const sandbox = createSandbox({ bulk: { tickets: 30 } })
  const broken = (url: string, body: string) =>
    url.includes('ListAll') ? body.replace('<ticket id="9" ', `<ticket id="nine" note="${sandbox.secretKey}" `) : body
  const run = classicOn(sandbox, rewriting(sandboxTransport(sandbox), broken))
  const events = await eventsOf(exportClassic(run, { resources: ['tickets', 'ticket-posts'], secrets: [sandbox.apiKey, sandbox.secretKey] }))
  const errors = events.filter((e): e is Extract<ExportEvent, { type: 'error' }> => e.type === 'error')
  assert.is(errors.length, 1)
  assert.is(errors[0]?.resource, 'tickets')
  assert.is(errors[0]?.error._tag, 'DecodeError')
  assert.ok(errors[0]?.raw?.includes('<ticket id="nine"'), errors[0]?.raw)
  assert.not.ok(errors[0]?.raw?.includes(sandbox.secretKey))
  const ids = summary(events).ids.get('tickets') ?? []
  assert.equal(sorted(ids), sorted([...sandbox.store.tickets.rows.keys()].filter((id) => id !== 9)))
  // the posts of the tickets that were read, none of ticket 9's
  const posts = sandbox.store.posts.where((p) => p.ticketid !== 9).map((p) => p.id)
  assert.equal(sorted(summary(events).ids.get('ticket-posts') ?? []), sorted(posts))
})

test('v1: a case whose id is not a number is an error event with its JSON (no credential in it); the others are exported', async () => {
  const sandbox = createSandbox({ bulk: { cases: 40 } })
  const password = sandbox.v1?.credentials.password ?? ''
  const broken = (url: string, body: string) => {
    if (!/\/cases(\.json)?\?/.test(url)) return body
    const doc = JSON.parse(body) as { data?: Array<Record<string, unknown>> }
    for (const item of doc.data ?? []) if (item.id === 12) Object.assign(item, { id: 'twelve', note: `password ${password}` })
    return JSON.stringify(doc)
  }
  const run = v1On(sandbox, rewriting(sandboxTransport(sandbox), broken))
  const events = await eventsOf(exportV1(run, { resources: ['cases'], secrets: [password] }))
  const errors = events.filter((e): e is Extract<ExportEvent, { type: 'error' }> => e.type === 'error')
  assert.is(errors.length, 1)
  assert.is(errors[0]?.id, 'twelve')
  assert.is(errors[0]?.error._tag, 'DecodeError')
  assert.ok(errors[0]?.raw?.includes('"id":"twelve"'), errors[0]?.raw)
  assert.not.ok(errors[0]?.raw?.includes(password))
  const ids = summary(events).ids.get('cases') ?? []
  assert.ok(ids.length >= 40 && !ids.includes('12'), `${ids.length} cases`)
})

test('a signal stops the export after the current event', async () => {
  const sandbox = createSandbox({ bulk: { tickets: 30 } })
  const controller = new AbortController()
  const seen: Array<ExportEvent> = []
  for await (const e of exportClassic(classicOn(sandbox), { signal: controller.signal })) {
    seen.push(e)
    if (e.type === 'record' && e.resource === 'tickets') controller.abort()
  }
  assert.equal(seen.at(-1)?.type, 'record')
  assert.is(seen.filter((e) => e.type === 'record' && e.resource === 'tickets').length, 1)
})

test.run()
