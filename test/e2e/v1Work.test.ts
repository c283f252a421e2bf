// The work records of issue 15 end to end, in process and over real HTTP (fetch against `startSandbox`): time entries
// paged by the Link header, macros, activities by date, merging, ratings, archived cases, bulk changes, logout.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { collect } from '../../src/v1/internal/paging'
import * as Macro from '../../src/v1/Macro'
import * as Session from '../../src/v1/Session'
import * as TimeTracking from '../../src/v1/TimeTracking'
import { v1Mounts, type Mount } from '../support/v1Mounts'
import { unwrap, unwrapLeft } from '../support/transport'

for (const { name, mount, close } of v1Mounts()) {
  const e2e = suite(`v1 work records end to end (${name})`)
  let mounted: Mount
  e2e.before.each(async () => {
    mounted = await mount()
  })
  e2e.after.each(close)

  e2e('time entries: logged, then collected through Link headers; macros', async () => {
    const run = v1({ url: mounted.url, auth: mounted.credentials, transport: mounted.transport })
    const logged = unwrap(await run(TimeTracking.post(1, { timeSpent: 4200, logType: 'WORKED' }))())
    const entries = unwrap(await collect(run)(TimeTracking.all(1, { limit: 4 }))())
    assert.is(entries.length, 13)
    assert.is(entries.at(-1)?.id, logged.id)
    assert.equal(entries.at(-1)?.timeSpent, 4200)
    assert.equal(unwrap(await run(Macro.all({ showAll: true }))()).length, 4)
  })

  e2e('activities by date, a merge, ratings, archived cases, bulk changes, logout', async () => {
    const run = v1({ url: mounted.url, auth: mounted.credentials, transport: mounted.transport })
    unwrap(await run(Case.updateMany([2, 3], { priorityId: 2 }))())
    const trail = unwrap(await collect(run)(Case.activities(2, { limit: 1 }))())
    assert.equal(
      trail.map((a) => a.activity),
      ['case.created', 'case.updated', 'case.updated']
    )
    const merged = unwrap(await run(Case.merge(2, [3]))())
    assert.is(merged.id, 2)
    assert.is(unwrap(await run(Case.get(3))()).isMerged, true)
    assert.is(unwrap(await run(Case.recentRatings())()).totalCount, 12)
    const listed = unwrap(await run(Case.all({ limit: 100 }))()).totalCount ?? 0
    const withArchived = unwrap(await run(Case.all({ archived: true, limit: 100 }))()).totalCount ?? 0
    assert.ok(withArchived > listed, 'archived cases only with archived: true')
    assert.is(unwrap(await run(Case.trashMany([7, 8]))()), 2)
    unwrap(await run(Session.logout())())
    assert.is(run.session(), undefined)
    // the executor logs in again on its next call
    assert.is(unwrap(await run(Case.get(1))()).id, 1)
    assert.is(unwrapLeft(await run(Case.trashMany([1, 1]))())._tag, 'ValidationError')
  })

  e2e.run()
}
