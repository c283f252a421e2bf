// View: the builders, and views, their cases and counts against the sandbox's seeded views.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Case from '../../src/v1/Case'
import * as View from '../../src/v1/View'
import { included } from '../../src/v1/internal/codec'
import { collect } from '../../src/v1/internal/paging'
import { withOptions } from '../../src/v1/internal/request'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('View builders: list with show_all, get, cases with paging, counts; bad ids and paging are issues', () => {
  assert.is(wire(View.all({ showAll: true, limit: 5 })).line, 'GET /views?show_all=true&limit=5')
  assert.is(wire(View.get(3)).line, 'GET /views/3')
  assert.is(wire(View.cases(3, { offset: 10, limit: 10 })).line, 'GET /views/3/cases?offset=10&limit=10')
  assert.is(wire(View.counts()).line, 'GET /views/counts')
  assert.equal(wire(View.cases(0, { limit: 0 })).issues, ['viewId: must be a positive integer, got 0', 'limit: must be a positive integer, got 0'])
})

test('View.all lists the enabled views the caller sees, in order; showAll adds the disabled and the hidden ones', async () => {
  const { ok } = sandboxRun()
  const seen = await ok(View.all({ limit: 50 }))
  assert.equal(
    seen.items.map((v) => v.title),
    ['Inbox', 'My cases', 'Urgent or hardware', 'Trash']
  )
  const inbox = seen.items[0]
  assert.equal([inbox?.type, inbox?.visibilityType, inbox?.isDefault, inbox?.isSystem, inbox?.orderBy], ['INBOX', 'ALL', true, true, 'DESC'])
  assert.equal(inbox?.predicateCollections[0]?.propositions[0], { field: 'cases.statusid', operator: 'comparison_not_equalto', value: '4', extra: {} })
  const every = await ok(View.all({ showAll: true, limit: 50 }))
  assert.equal(
    every.items.map((v) => v.title),
    ['Inbox', 'My cases', 'Urgent or hardware', 'Billing queue', 'Old escalations', 'Trash']
  )
  assert.is(every.items.find((v) => v.title === 'Old escalations')?.isEnabled, false)
})

test('View.cases selects what the predicates say, and View.counts matches every list', async () => {
  const { ok, run } = sandboxRun()
  const every = await ok(withOptions({ fields: '+tags', include: ['tag'] })(Case.all({ limit: 100, archived: true })))
  const counts = await ok(View.counts())
  assert.ok(counts.length >= 4)
  for (const c of counts) {
    const id = (c.view as { id: number }).id
    const cases = await collect(run)(View.cases(id, { limit: 7 }))()
    assert.ok(cases._tag === 'Right')
    if (cases._tag === 'Right') assert.is(cases.right.length, c.count, `view ${id}: count ${c.count}`)
    assert.is(c.countAccuracy, 'ACCURATE')
  }
  const byTitle = new Map((await ok(View.all({ limit: 50 }))).items.map((v) => [v.title, v.id]))
  // "Urgent or hardware": priority 4 in one collection, the hardware tag in the other.
  const urgent = await ok(View.cases(byTitle.get('Urgent or hardware') ?? 0, { limit: 100 }))
  const expected = every.items.filter((k) => (k.priority as { id: number } | null)?.id === 4 || hasTag(k, 'hardware'))
  assert.ok(urgent.items.length > 0)
  assert.equal(urgent.items.map((k) => k.id).sort(), [...new Set(expected.map((k) => k.id))].sort())
  // Newest update first, as the view orders them.
  const stamps = urgent.items.map((k) => k.updatedAt?.getTime() ?? 0)
  assert.equal(
    stamps,
    [...stamps].sort((a, b) => b - a)
  )
})

const hasTag = (k: Case.Case, name: string): boolean => k.tags.some((t) => included(t)?.name === name)

test('a trashed case leaves the inbox and its count and joins the trash view', async () => {
  const { ok } = sandboxRun()
  const countOf = async (title: string) => {
    const views = (await ok(View.all({ limit: 50 }))).items
    const id = views.find((v) => v.title === title)?.id ?? 0
    return (await ok(View.counts())).find((c) => (c.view as { id: number }).id === id)?.count
  }
  const inboxBefore = await countOf('Inbox')
  const trashBefore = await countOf('Trash')
  const open = (await ok(View.cases(1, { limit: 1 }))).items[0]
  assert.ok(open !== undefined)
  await ok(Case.trash(open?.id ?? 0))
  assert.is(await countOf('Inbox'), (inboxBefore ?? 0) - 1)
  assert.is(await countOf('Trash'), (trashBefore ?? 0) + 1)
})

test('View errors: an unknown view is RESOURCE_NOT_FOUND; a team view is PERMISSIONS_DENIED to an agent outside it', async () => {
  const admin = sandboxRun()
  const missing = await admin.fails(View.get(999))
  assert.is(missing._tag, 'ApiError')
  assert.is(missing._tag === 'ApiError' ? missing.errors[0]?.code : '', 'RESOURCE_NOT_FOUND')
  const agent = sandboxRun('agent')
  const billing = (await admin.ok(View.all({ showAll: true, limit: 50 }))).items.find((v) => v.title === 'Billing queue')
  const denied = await agent.fails(View.cases(billing?.id ?? 0))
  assert.is(denied._tag === 'ApiError' ? denied.errors[0]?.code : denied._tag, 'PERMISSIONS_DENIED')
})

test.run()
