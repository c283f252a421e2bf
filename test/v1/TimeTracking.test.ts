// TimeTracking: the builders, and the time entries of the v1 sandbox (seeded: 12 on case 1), paged by the `Link`
// header the server sends instead of body links.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { collect, nextUrl, pages } from '../../src/v1/internal/paging'
import * as TimeTracking from '../../src/v1/TimeTracking'
import { unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxRun } from './workSupport'

test('TimeTracking builders: list by case (cursor), create with the case in the body; issues before sending', () => {
  assert.is(wire(TimeTracking.all(1, { afterId: 4, limit: 5 })).line, 'GET /timetracking?case_id=1&after_id=4&limit=5')
  assert.equal(wire(TimeTracking.post(7, { timeSpent: 900, logType: 'WORKED', agentId: 3 })), {
    line: 'POST /timetracking',
    body: { case_id: 7, time_spent: 900, log_type: 'WORKED', agent_id: 3 },
    issues: []
  })
  assert.equal(wire(TimeTracking.post(0, { timeSpent: 0, logType: 'SLEPT' as never })).issues, [
    'caseId: must be a positive integer, got 0',
    'timeSpent: must be a positive integer, got 0',
    'logType: must be one of "WORKED", "VIEWED", got "SLEPT"'
  ])
  assert.equal(wire(TimeTracking.all(1, { afterId: 1, beforeId: 2 })).issues, ['beforeId: only one of afterId and beforeId may be given'])
  assert.is(TimeTracking.find, TimeTracking.get)
})

test('a case’s time entries, collected page by page through the Link header (no next_url in the body)', async () => {
  const { run, sent } = sandboxRun()
  const first = unwrap(await run(TimeTracking.all(1, { limit: 5 }))())
  assert.equal([first.links.next, nextUrl(first) !== null], [null, true], 'the Link header names the next page, the body none')
  const before = sent.length
  const entries = unwrap(await collect(run)(TimeTracking.all(1, { limit: 5 }))())
  assert.is(sent.length - before, 3, '12 entries in pages of 5')
  assert.equal(
    entries.map((e) => e.timeSpent),
    Array.from({ length: 12 }, (_, n) => 300 * (n + 1))
  )
  assert.equal(
    entries.slice(0, 3).map((e) => e.logType),
    ['WORKED', 'WORKED', 'VIEWED']
  )
  assert.equal(new Set(entries.map((e) => e.id)).size, 12)
  const e = entries[0]
  assert.equal([e?.case?.id, e?.agent?.id, e?.resourceUrl], [1, 1, `http://127.0.0.1:1/api/v1/timetracking/${e?.id}`])
  // the second page was asked for by the cursor the header named
  assert.match(sent[before + 1]?.url ?? '', /after_id=\d+/)
})

test('logging time: 201 with the entry; it joins the case’s list; the server’s field errors are ApiErrors', async () => {
  const { run } = sandboxRun('agent')
  const created = unwrap(await run(TimeTracking.post(2, { timeSpent: 1800 }))())
  assert.equal([created.case?.id, created.timeSpent, created.logType, created.agent?.id], [2, 1800, 'WORKED', 3])
  assert.equal(unwrap(await run(TimeTracking.get(created.id))()).timeSpent, 1800)
  const list = unwrap(await run(TimeTracking.all(2))())
  assert.ok(list.items.some((t) => t.id === created.id))
  const missing = unwrapLeft(await run(TimeTracking.post(9999, { timeSpent: 60 }))())
  assert.equal(missing._tag === 'ApiError' ? [missing.status, missing.errors[0]?.code, missing.errors[0]?.parameter] : missing, [
    400,
    'FIELD_INVALID',
    'case_id'
  ])
  const customer = unwrapLeft(await run(TimeTracking.post(2, { timeSpent: 60, agentId: 2 }))())
  assert.equal(customer._tag === 'ApiError' ? customer.errors[0]?.parameter : customer, 'agent_id', 'only staff log time')
  assert.is(unwrapLeft(await run(TimeTracking.get(9999))())._tag, 'ApiError')
})

test('pages() stops after the last page: no Link on it', async () => {
  const { run } = sandboxRun()
  const seen: Array<number> = []
  for await (const page of pages(run)(TimeTracking.all(1, { limit: 4 }))) seen.push(unwrap(page).items.length)
  assert.equal(seen, [4, 4, 4])
})

test.run()
