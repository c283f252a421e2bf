// Case's work records and bulk changes (issue 15): archived cases, activities (date paging), merging, recent ratings,
// updateMany / trashMany with their limit; and User/Organization.delete, Session.logout against the v1 sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Case from '../../src/v1/Case'
import { collect, pages } from '../../src/v1/internal/paging'
import * as Organization from '../../src/v1/Organization'
import * as Session from '../../src/v1/Session'
import * as User from '../../src/v1/User'
import { unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { NOW, sandboxRun } from './workSupport'

const ids = (n: number, from = 1): Array<number> => Array.from({ length: n }, (_, i) => from + i)

test('builders: archived as 1, activities by date, merge, ratings, bulk ids in the query (≤ BULK_LIMIT, distinct)', () => {
  assert.is(wire(Case.all({ archived: true, limit: 5 })).line, 'GET /cases?archived=1&limit=5')
  assert.equal(wire(Case.all({ archived: 'yes' as never })).issues, ['archived: must be true or false, got "yes"'])
  assert.is(
    wire(Case.activities(4, { since: new Date(Date.UTC(2024, 0, 2)), minimumWeight: 0.5, sortOrder: 'ASC', limit: 20 })).line,
    'GET /cases/4/activities?since=2024-01-02T00%3A00%3A00.000Z&minimum_weight=0.5&sort_order=ASC&limit=20'
  )
  assert.equal(wire(Case.activities(4, { since: new Date(0), until: new Date(1) })).issues, ['until: only one of since and until may be given'])
  assert.equal(wire(Case.merge(4, [5, 6])), { line: 'POST /cases/4/merge', body: { case_ids: '5,6' }, issues: [] })
  assert.equal(wire(Case.merge(4, [4, 5, 5])).issues, ['ids: must not repeat an id', 'ids: must not include the case merged into'])
  assert.is(wire(Case.recentRatings({ limit: 3 })).line, 'GET /cases/ratings/recent?limit=3')
  assert.equal(wire(Case.updateMany([1, 2], { statusId: 3, tags: ['vip'] })), { line: 'PUT /cases?ids=1,2', body: { status_id: 3, tags: 'vip' }, issues: [] })
  assert.is(wire(Case.trashMany([7, 8])).line, 'PUT /cases/trash?ids=7,8')
  assert.equal(wire(Case.trashMany(ids(Case.BULK_LIMIT))).issues, [])
  assert.equal(wire(Case.trashMany(ids(Case.BULK_LIMIT + 1))).issues, ['ids: at most 200 ids per call, got 201: split the batch'])
  assert.equal(wire(Case.trashMany([])).issues, ['ids: must be a non-empty array of ids'])
  assert.equal(wire(Case.updateMany([1], {})).issues, [
    'changes: must change one of requesterId, assignedTeamId, assignedAgentId, statusId, priorityId, typeId, tags'
  ])
  assert.is(Session.logout, Session.delete)
})

test('archived cases: closed more than 30 days ago, left out of the list unless archived=1, still readable by id', async () => {
  const { run, advance } = sandboxRun()
  const active = unwrap(await collect(run)(Case.all({ limit: 50 }))())
  const everything = unwrap(await collect(run)(Case.all({ archived: true, limit: 50 }))())
  const archived = everything.filter((c) => !active.some((a) => a.id === c.id))
  assert.ok(archived.length > 0 && active.length > 0)
  assert.is(everything.length, 36)
  for (const c of archived) assert.is(c.lastClosedAt !== null && NOW - c.lastClosedAt.getTime() > 30 * 86_400_000, true)
  const one = archived[0]?.id ?? 0
  assert.is(unwrap(await run(Case.get(one))()).id, one)
  // a case closed today is listed until 30 days have passed
  const open = active.find((c) => c.lastClosedAt === null)?.id ?? 0
  unwrap(await run(Case.put(open, { statusId: 5 }))())
  assert.ok(unwrap(await collect(run)(Case.all({ limit: 50 }))()).some((c) => c.id === open))
  advance(31 * 86_400_000)
  assert.not.ok(unwrap(await collect(run)(Case.all({ limit: 50 }))()).some((c) => c.id === open))
})

test('activities: oldest first, paged by date; a page keeps entries that tie with its last; an update adds one', async () => {
  const { run, sent } = sandboxRun()
  unwrap(await run(Case.put(1, { subject: 'Annual maintenance (booked)' }))())
  const before = sent.length
  const walked: Array<Array<string>> = []
  for await (const page of pages(run)(Case.activities(1, { limit: 1 })))
    walked.push(unwrap(page).items.map((a) => `${a.activity}:${a.actions[0] !== undefined && 'field' in a.actions[0] ? a.actions[0].field : ''}`))
  assert.equal(walked, [['case.created:subject'], ['case.updated:assigned_agent', 'case.updated:status'], ['case.updated:subject']])
  assert.match(sent[before + 1]?.url ?? '', /since=2015-/)
  const newestFirst = unwrap(await collect(run)(Case.activities(1, { sortOrder: 'DESC' }))())
  assert.equal(
    newestFirst.map((a) => a.activity),
    ['case.updated', 'case.updated', 'case.updated', 'case.created']
  )
  const last = newestFirst[0]
  assert.equal([last?.weight, last?.actor?.title, last?.object?.title, last?.verb], [0.5, 'Charlotte Küchler', 'Annual maintenance (booked)', 'UPDATE'])
  const heavy = unwrap(await run(Case.activities(1, { minimumWeight: 1 }))())
  assert.equal(
    heavy.items.map((a) => a.activity),
    ['case.created']
  )
})

test('merging: the posts move to the case merged into; the others are closed and marked merged', async () => {
  const { run } = sandboxRun()
  const postsOf = async (id: number) => unwrap(await collect(run)(Case.posts(id, { limit: 100 }))()).length
  const [a, b, c] = [await postsOf(2), await postsOf(3), await postsOf(4)]
  const merged = unwrap(await run(Case.merge(2, [3, 4]))())
  assert.equal([merged.id, merged.postCount], [2, a + b + c])
  assert.is(await postsOf(2), a + b + c)
  const gone = unwrap(await run(Case.get(3))())
  assert.equal([gone.isMerged, gone.postCount, gone.lastClosedAt !== null], [true, 0, true])
  const again = unwrapLeft(await run(Case.merge(2, [3]))())
  assert.equal(again._tag === 'ApiError' ? [again.status, again.errors[0]?.code] : again, [400, 'FIELD_INVALID'], 'a merged case cannot be merged again')
  assert.is(unwrapLeft(await run(Case.merge(2, [2]))())._tag, 'ValidationError')
})

test('recent ratings: newest first, with their scores and cases', async () => {
  const { run } = sandboxRun()
  const ratings = unwrap(await collect(run)(Case.recentRatings({ limit: 5 }))())
  assert.is(ratings.length, 12)
  const times = ratings.map((r) => r.createdAt?.getTime() ?? 0)
  assert.equal(
    times,
    [...times].sort((x, y) => y - x)
  )
  assert.equal(new Set(ratings.map((r) => r.score)), new Set(['GOOD', 'BAD']))
  const first = ratings[0]
  const kase = unwrap(await run(Case.get(Number(first?.case?.id)))())
  assert.equal([kase.rating, kase.ratingStatus], [first?.score, 'RECEIVED'])
})

test('bulk: updateMany and trashMany answer how many changed; over the limit nothing is sent', async () => {
  const { run, sent } = sandboxRun()
  assert.is(unwrap(await run(Case.updateMany([5, 6, 7], { priorityId: 4 }))()), 3)
  for (const id of [5, 6, 7]) assert.is(unwrap(await run(Case.get(id))()).priority?.id, 4)
  assert.is(unwrap(await run(Case.trashMany([5, 6]))()), 2)
  assert.is(unwrap(await run(Case.get(6))()).state, 'TRASH')
  const before = sent.length
  const tooMany = unwrapLeft(await run(Case.trashMany(ids(201)))())
  assert.is(tooMany._tag, 'ValidationError')
  assert.is(sent.length, before, 'refused before sending')
})

test('deletes and logout: a deleted user or organization is gone; after logout the old session is refused (454)', async () => {
  const { run, sandbox } = sandboxRun()
  const user = unwrap(await run(User.post({ fullName: 'Temp Person', roleId: 4, email: 'temp@example.com' }))())
  unwrap(await run(User.delete(user.id))())
  const userGone = unwrapLeft(await run(User.get(user.id))())
  assert.equal(userGone._tag === 'ApiError' ? userGone.status : userGone, 404)
  const org = unwrap(await run(Organization.post({ name: 'Short-lived Ltd' }))())
  unwrap(await run(Organization.delete(org.id))())
  assert.is(unwrapLeft(await run(Organization.get(org.id))())._tag, 'ApiError')
  const held = run.session()
  assert.ok(held !== undefined)
  unwrap(await run(Session.logout())())
  assert.is(run.session(), undefined, 'the executor forgets the session')
  const stale = await sandbox.handle({ method: 'GET', url: 'http://127.0.0.1:1/api/v1/me', headers: { 'x-session-id': held?.sessionId ?? '' } })
  assert.is(stale.status, 454)
})

test.run()
