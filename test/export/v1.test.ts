// exportV1 against the sandbox (issue 17): every case of a helpdesk with 5,000 bulk cases, archived and trashed ones
// included (trashed ones flagged), with their posts, notes, time entries and files byte-equal; resume from any
// checkpoint; 20% injected faults (429 with Retry-After included) still give every record, and only GETs are sent.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fromBase64 } from '../../src/core/bytes'
import { exportRetry, exportV1, V1_RESOURCES, type Checkpoint, type ExportEvent } from '../../src/export/index'
import { createSandbox, sandboxTransport, type Sandbox } from '../../src/sandbox/handler'
import { random } from '../../src/sandbox/v1/random'
import { seedStore } from '../../src/sandbox/v1/seed'
import { seedBulkCases } from '../../src/sandbox/v1/seedBulk'
import { all, textOf as rowText, type Ref, type Row } from '../../src/sandbox/v1/store'
import { eventsOf, fastClock, recording, sha, sorted, summary, textOf, v1On } from './support'

/** The v1 sandbox's default seed (`DEFAULT_SEED` in src/sandbox/v1/handler.ts): its store, rebuilt to inspect it. */
const V1_SEED = 20150721

/** What a v1 sandbox with `cases` bulk cases holds, per resource (rebuilt: the seed is deterministic). */
const held = (cases: number) => {
  const store = seedStore(random(V1_SEED))
  seedBulkCases(store, cases)
  const caseRows = all(store, 'case')
  // every closed case is archived: the seed's and the bulk's dates are years before any clock (src/sandbox/v1/routes/work.ts isArchived)
  const closedStatuses = new Set(
    all(store, 'case_status')
      .filter((s) => s.type === 'CLOSED')
      .map((s) => rowText(s.id))
  )
  const files = new Map<string, string>()
  for (const a of all(store, 'attachment')) {
    if (!rowText(a.$holder).startsWith('cases/')) continue
    const file = all(store, 'file').find((f) => f.id === a.$file) as Row
    const bytes = fromBase64(rowText(file.content))
    if (bytes._tag === 'Right') files.set(`case-attachments/${rowText(a.id)}`, sha(bytes.right))
  }
  return {
    cases: sorted(caseRows.map((r) => r.id as number)),
    trashed: sorted(caseRows.filter((r) => r.state === 'TRASH').map((r) => r.id as number)),
    archived: sorted(caseRows.filter((r) => closedStatuses.has(rowText((r.status as Ref).id))).map((r) => r.id as number)),
    'case-posts': sorted(all(store, 'post').map((r) => r.id as number)),
    'case-notes': sorted(
      all(store, 'note')
        .filter((r) => r.$case !== undefined)
        .map((r) => r.id as number)
    ),
    'case-time-entries': sorted(
      all(store, 'timetracking_log')
        .filter((r) => (r.case as Ref | null) !== null)
        .map((r) => r.id as number)
    ),
    users: sorted(all(store, 'user').map((r) => r.id as number)),
    files
  }
}

const entries = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b))

const assertComplete = (events: ReadonlyArray<ExportEvent>, cases: number) => {
  const want = held(cases)
  const got = summary(events)
  assert.equal(got.errors, [])
  for (const resource of ['cases', 'case-posts', 'case-notes', 'case-time-entries', 'users'] as const)
    assert.equal(sorted(got.ids.get(resource) ?? []), want[resource], resource)
  const trashed = events
    .filter((e) => e.type === 'record' && e.resource === 'cases' && (e.record as { trashed: boolean }).trashed)
    .map((e) => (e.type === 'record' ? e.id : ''))
  assert.equal(sorted(trashed), want.trashed)
  assert.equal(entries(got.files), entries(want.files))
  return want
}

const BULK = 5000
const sandbox = createSandbox({ bulk: { cases: BULK } })

test(`every case of a sandbox with ${BULK} bulk cases (archived and trashed included), posts, notes, time entries, files byte-equal`, async () => {
  const events = await eventsOf(exportV1(v1On(sandbox), { concurrency: 4 }))
  const want = assertComplete(events, BULK)
  assert.ok(want.trashed.length >= BULK / 50, `${want.trashed.length} trashed`)
  assert.ok(want.files.size >= Math.floor(BULK / 3), `${want.files.size} files`)
  assert.equal(
    events.filter((e) => e.type === 'resource-start').map((e) => e.resource),
    V1_RESOURCES
  )
  // archived cases are there: closed more than 30 days ago, which the plain list leaves out
  const exported = new Set(summary(events).ids.get('cases'))
  assert.ok(want.archived.length > BULK / 10, `${want.archived.length} archived`)
  assert.ok(want.archived.every((id) => exported.has(id)))
})

// a fixed clock: each login stamps the administrator's `last_logged_in_at`, which a resumed run would export anew
const small = createSandbox({ bulk: { cases: 250 }, v1: { now: () => Date.UTC(2026, 0, 1) } })

test('a resume from every third checkpoint (JSON round trip) emits exactly the events after it', async () => {
  const uninterrupted = await eventsOf(exportV1(v1On(small)))
  assertComplete(uninterrupted, 250)
  const pages = uninterrupted.flatMap((e, i) => (e.type === 'page' ? [i] : []))
  assert.ok(pages.length > 10, `${pages.length} checkpoints`)
  for (let k = 0; k < pages.length; k += 3) {
    const at = pages[k] as number
    const page = uninterrupted[at] as Extract<ExportEvent, { type: 'page' }>
    const resume = JSON.parse(JSON.stringify(page.checkpoint)) as Checkpoint
    const rest = await eventsOf(exportV1(v1On(small), { resume, concurrency: 2 }))
    assert.equal(rest.map(textOf), uninterrupted.slice(at + 1).map(textOf), `after checkpoint ${k} (event ${at})`)
  }
})

test('20% faults (429 with Retry-After, resets, 5xx, HTML pages, truncated bodies): every record, only GETs sent', async () => {
  const faulty: Sandbox = createSandbox({
    bulk: { cases: 150 },
    faults: { rate: 0.2, seed: 7, kinds: ['reset', '500', '502', '503', '429', 'html', 'truncate'], retryAfterSeconds: 3 }
  })
  const methods: Array<string> = []
  const retry = exportRetry({ clock: fastClock })
  const run = v1On(faulty, retry.transport(recording(sandboxTransport(faulty), methods)))
  const events = await eventsOf(exportV1(run, { retries: retry.feed }))
  assertComplete(events, 150)
  const injected = faulty.faults?.log ?? []
  assert.ok(injected.length > 100, `${injected.length} faults`)
  assert.ok(injected.some((f) => f.fault === 'truncate'))
  assert.equal([...new Set(methods)], ['GET'])
  assert.ok(
    events.some((e) => e.type === 'retry' && e.waitMs === 3000 && e.reason.includes('429')),
    'a 429 waited its Retry-After'
  )
})

test.run()
