// exportClassic against the sandbox (issue 17): every record the sandbox holds, per resource, with files byte-equal;
// a resume from any checkpoint goes on with exactly the events after it; 20% injected faults (429 with Retry-After
// included) still give every record, and only GETs are sent. The 5,000-ticket run is memory.test.ts's.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { exportClassic, exportRetry, CLASSIC_RESOURCES, type Checkpoint, type ExportEvent } from '../../src/export/index'
import { createSandbox, sandboxTransport, type Sandbox } from '../../src/sandbox/handler'
import { startSandbox } from '../../src/sandbox/server'
import { classicOn, eventsOf, fastClock, recording, sha, sorted, summary, textOf } from './support'

const TICKETS = 300
const sandbox = createSandbox({ bulk: { tickets: TICKETS } })

/** What the sandbox holds: ids per resource and the attachments' hashes. */
const held = (sb: Sandbox) => {
  const s = sb.store
  return {
    tickets: sorted(s.tickets.rows.keys()),
    'ticket-posts': sorted(s.posts.rows.keys()),
    'ticket-notes': sorted(s.notes.rows.keys()),
    'ticket-time-tracks': sorted(s.timeTracks.rows.keys()),
    'ticket-attachments': sorted(s.attachments.rows.keys()),
    users: sorted(s.users.rows.keys()),
    departments: sorted(s.departments.rows.keys()),
    staff: sorted(s.staff.rows.keys()),
    files: new Map([...s.attachments.rows.values()].map((a) => [`ticket-attachments/${a.id}`, sha(a.bytes)])),
    contentFiles: new Map([...s.contentAttachments.rows.values()].map((a) => [String(a.id), sha(a.bytes)]))
  }
}

const assertComplete = (events: ReadonlyArray<ExportEvent>, sb: Sandbox) => {
  const want = held(sb)
  const got = summary(events)
  assert.equal(got.errors, [])
  for (const resource of ['tickets', 'ticket-posts', 'ticket-notes', 'ticket-time-tracks', 'ticket-attachments', 'users', 'departments', 'staff'] as const)
    assert.equal(sorted(got.ids.get(resource) ?? []), want[resource], resource)
  const entries = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b))
  assert.equal(entries(new Map([...got.files].filter(([k]) => k.startsWith('ticket-')))), entries(want.files))
  // knowledgebase and troubleshooter files share one table (as on the server): each one exported once, byte-equal
  const content = [...got.files].filter(([k]) => !k.startsWith('ticket-')).map(([k, hash]) => [k.split('/')[1] as string, hash] as const)
  assert.equal(content.map(([id]) => id).sort(), [...want.contentFiles.keys()].sort())
  for (const [id, hash] of content) assert.is(hash, want.contentFiles.get(id))
}

let uninterrupted: Array<ExportEvent> = []

test(`every record of a sandbox with ${TICKETS} bulk tickets, attachments byte-equal, in dependency order`, async () => {
  uninterrupted = await eventsOf(exportClassic(classicOn(sandbox), { concurrency: 4 }))
  assertComplete(uninterrupted, sandbox)
  // resources start in CLASSIC_RESOURCES order, children right after their parent
  const started = uninterrupted.filter((e) => e.type === 'resource-start').map((e) => e.resource)
  assert.equal(started, CLASSIC_RESOURCES)
  const tickets = uninterrupted.find((e) => e.type === 'resource-start' && e.resource === 'tickets')
  assert.is(tickets?.type === 'resource-start' ? tickets.total : undefined, sandbox.store.tickets.rows.size)
  // a ticket's posts follow it: the post before the next ticket record belongs to the last ticket seen
  let ticket = ''
  for (const e of uninterrupted) {
    if (e.type === 'record' && e.resource === 'tickets') ticket = e.id
    if (e.type === 'record' && e.resource === 'ticket-posts') assert.is(String((e.record as { ticketId: number }).ticketId), ticket)
  }
})

test('the same events whatever the concurrency', async () => {
  const one = await eventsOf(exportClassic(classicOn(sandbox), { concurrency: 1 }))
  assert.equal(one.map(textOf), uninterrupted.map(textOf))
})

test('a resume from every third checkpoint (JSON round trip) emits exactly the events after it', async () => {
  const pages = uninterrupted.flatMap((e, i) => (e.type === 'page' ? [i] : []))
  assert.ok(pages.length > 10, `${pages.length} checkpoints`)
  for (let k = 0; k < pages.length; k += 3) {
    const at = pages[k] as number
    const page = uninterrupted[at] as Extract<ExportEvent, { type: 'page' }>
    const resume = JSON.parse(JSON.stringify(page.checkpoint)) as Checkpoint
    const rest = await eventsOf(exportClassic(classicOn(sandbox), { resume }))
    assert.equal(rest.map(textOf), uninterrupted.slice(at + 1).map(textOf), `after checkpoint ${k} (event ${at})`)
  }
})

test('haveFile: files the caller has are not downloaded again; resources narrow the export; unknown names refused', async () => {
  const gets: Array<string> = []
  const transport = sandboxTransport(sandbox)
  const counting = (request: Parameters<typeof transport>[0]) => {
    if (/TicketAttachment%2F\d|TicketAttachment\/\d/.test(request.url)) gets.push(request.url)
    return transport(request)
  }
  const events = await eventsOf(exportClassic(classicOn(sandbox, counting), { resources: ['ticket-attachments'], haveFile: (_, id) => Number(id) % 2 === 0 }))
  const got = summary(events)
  const odd = [...sandbox.store.attachments.rows.keys()].filter((id) => id % 2 === 1)
  assert.equal(sorted([...got.files.keys()].map((k) => k.split('/')[1] as string)), sorted(odd))
  assert.is(gets.length, odd.length)
  assert.equal([...got.ids.keys()], ['ticket-attachments'])
  const refused = await eventsOf(exportClassic(classicOn(sandbox), { resources: ['tickets', 'nonsense'] }))
  assert.is(refused.length, 1)
  assert.is(refused[0]?.type === 'error' ? refused[0].error._tag : '', 'ValidationError')
})

test('a shard holds the tickets whose id mod n is i; the shards together hold them all', async () => {
  const all: Array<string> = []
  for (let index = 0; index < 3; index++) {
    const events = await eventsOf(exportClassic(classicOn(sandbox), { resources: ['tickets'], shard: { index, count: 3 } }))
    const ids = summary(events).ids.get('tickets') ?? []
    assert.ok(ids.every((id) => Number(id) % 3 === index))
    all.push(...ids)
  }
  assert.equal(sorted(all), sorted(sandbox.store.tickets.rows.keys()))
})

test('20% faults (429 with Retry-After, resets, 5xx, HTML pages, truncated bodies, notices): every record, only GETs sent', async () => {
  const faulty = createSandbox({
    bulk: { tickets: 120 },
    faults: { rate: 0.2, seed: 17, kinds: ['reset', '500', '502', '503', '429', 'html', 'truncate', 'notice'], retryAfterSeconds: 2 }
  })
  const methods: Array<string> = []
  const retry = exportRetry({ clock: fastClock })
  const run = classicOn(faulty, retry.transport(recording(sandboxTransport(faulty), methods)))
  const events = await eventsOf(exportClassic(run, { retries: retry.feed, secrets: [faulty.apiKey, faulty.secretKey] }))
  assertComplete(events, faulty)
  const injected = faulty.faults?.log ?? []
  assert.ok(injected.length > 100, `${injected.length} faults`)
  assert.ok(injected.some((f) => f.fault === '429'))
  assert.equal([...new Set(methods)], ['GET'])
  const waits = events.filter((e) => e.type === 'retry')
  assert.ok(
    waits.some((e) => e.type === 'retry' && e.waitMs === 2000 && e.reason.includes('429')),
    'a 429 waited its Retry-After'
  )
})

test('over HTTP: the same records as in process', async () => {
  const running = await startSandbox({ bulk: { tickets: 40 } })
  try {
    const sb = running.sandbox
    const { nodeTransport } = await import('../../src/node/index')
    const events = await eventsOf(exportClassic(classicOn(sb, nodeTransport(), running.url)))
    assertComplete(events, sb)
  } finally {
    await running.close()
  }
})

test.run()
