// The export's memory at scale (issue 17): a Classic export of a sandbox with N bulk tickets (default 5,000), run in
// a child process with `--expose-gc` (test/export/memory.test.ts bundles and starts it), consumed as a writer would:
// each event looked at once and dropped. It checks the export against the sandbox's store (ids per resource, files
// byte-equal) and prints one JSON line: the counts, the seconds, the peak RSS and the peak live heap (after a GC).
import { createHash } from 'node:crypto'
import { classic } from '../../src/classic/index'
import { exportClassic } from '../../src/export/index'
import { nodeSigner } from '../../src/node/index'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'

const tickets = Number(process.argv[2] ?? 5000)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const sandbox = createSandbox({ bulk: { tickets }, v1: false })
const store = sandbox.store
const run = classic({
  url: 'http://sandbox.test/api/index.php',
  apiKey: sandbox.apiKey,
  secretKey: sandbox.secretKey,
  transport: sandboxTransport(sandbox),
  salt: () => 'memory-salt',
  signer: nodeSigner
})

const TABLES = {
  tickets: store.tickets,
  'ticket-posts': store.posts,
  'ticket-notes': store.notes,
  'ticket-time-tracks': store.timeTracks,
  'ticket-attachments': store.attachments
}
const seen = new Map<string, Set<string>>()
const mismatches: Array<string> = []
let records = 0
let files = 0
let events = 0
let peakHeap = 0
let peakRss = 0
const sample = (): void => {
  gc()
  const m = process.memoryUsage()
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers)
  peakRss = Math.max(peakRss, m.rss)
}

gc()
const baseline = process.memoryUsage()
const started = performance.now()
for await (const event of exportClassic(run, { concurrency: 4 })) {
  if (++events % 2000 === 0) sample()
  if (event.type === 'error') mismatches.push(`error ${event.resource}: ${event.error._tag}`)
  if (event.type === 'record') {
    records++
    if (event.resource in TABLES) {
      const ids = seen.get(event.resource) ?? new Set<string>()
      if (ids.has(event.id)) mismatches.push(`${event.resource} ${event.id} twice`)
      ids.add(event.id)
      seen.set(event.resource, ids)
    }
  }
  if (event.type === 'file' && event.resource === 'ticket-attachments') {
    files++
    const row = store.attachments.get(Number(event.id))
    if (row === undefined || sha(row.bytes) !== sha(event.bytes)) mismatches.push(`file ${event.id} differs`)
  }
}
const seconds = (performance.now() - started) / 1000
sample()
for (const [resource, table] of Object.entries(TABLES)) {
  const ids = seen.get(resource) ?? new Set()
  if (ids.size !== table.rows.size || [...table.rows.keys()].some((id) => !ids.has(String(id))))
    mismatches.push(`${resource}: ${ids.size} of ${table.rows.size}`)
}
const maxRss = process.resourceUsage().maxRSS * 1024
console.log(
  JSON.stringify({
    tickets: store.tickets.rows.size,
    records,
    files,
    events,
    seconds: Math.round(seconds * 10) / 10,
    baselineRssMb: mb(baseline.rss),
    peakRssMb: mb(Math.max(maxRss, peakRss)),
    peakHeapMb: mb(peakHeap),
    mismatches: mismatches.slice(0, 20)
  })
)
