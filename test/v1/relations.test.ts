// The relations of existing modules (User.cases/organizations, Organization.cases/members/notes/tags,
// Team.members/addMembers/removeMembers) and Case.fieldValues: their builders, and their answers from the sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { KayakoError } from '../../src/core/error'
import * as Case from '../../src/v1/Case'
import * as Organization from '../../src/v1/Organization'
import * as Team from '../../src/v1/Team'
import * as User from '../../src/v1/User'
import { included } from '../../src/v1/internal/codec'
import { collect } from '../../src/v1/internal/paging'
import { withOptions } from '../../src/v1/internal/request'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

const codeOf = (e: KayakoError): string => (e._tag === 'ApiError' ? `${e.errors[0]?.code ?? ''} ${e.errors[0]?.parameter ?? ''}`.trim() : e._tag)

test('relation builders: paths, CSV filters, agent ids; bad ids and filters are issues', () => {
  assert.is(wire(User.cases(2, { status: ['OPEN', 'PENDING'], limit: 5 })).line, 'GET /users/2/cases?status=OPEN,PENDING&limit=5')
  assert.is(wire(User.organizations(2)).line, 'GET /users/2/organizations')
  assert.is(wire(Organization.cases(2, { status: ['NEW'], priority: 2 })).line, 'GET /organizations/2/cases?status=NEW&priority=2')
  assert.is(wire(Organization.members(2, { offset: 10 })).line, 'GET /organizations/2/members?offset=10')
  assert.equal(wire(Organization.addNote(2, { contents: 'Renewal due', isHtml: false })), {
    line: 'POST /organizations/2/notes',
    body: { contents: 'Renewal due', is_html: false },
    issues: []
  })
  assert.is(wire(Organization.removeTags(2, ['a', 'b'])).line, 'DELETE /organizations/2/tags?tags=a,b')
  assert.is(wire(Team.members(1, { isEnabled: true })).line, 'GET /teams/1/members?is_enabled=true')
  assert.equal(wire(Team.addMembers(1, [3, 4])), { line: 'POST /teams/1/members', body: { agent_ids: '3,4' }, issues: [] })
  assert.is(wire(Team.removeMembers(1, [3, 4])).line, 'DELETE /teams/1/members?agent_ids=3,4')
  assert.is(wire(Case.fieldValues(7)).line, 'GET /cases/7/field/values')
  assert.equal(wire(User.cases(0, { status: ['SOLVED' as 'OPEN'] })).issues, [
    'userId: must be a positive integer, got 0',
    'status[0]: must be one of "NEW", "OPEN", "PENDING", "COMPLETED", "CLOSED", "CUSTOM", got "SOLVED"'
  ])
  assert.equal(wire(Team.addMembers(1, [])).issues, ['agentIds: must be a non-empty array of ids'])
  assert.equal(wire(Organization.addNote(2, { contents: ' ' })).issues, ['contents: is required and must not be blank'])
})

test('User.cases: the cases the user requested, filtered by status type, newest update first', async () => {
  const { ok, run } = sandboxRun()
  const all = await collect(run)(User.cases(2, { limit: 4 }))()
  assert.ok(all._tag === 'Right')
  const mine = all._tag === 'Right' ? all.right : []
  assert.ok(mine.length > 0)
  assert.ok(mine.every((k) => (k.requester as { id: number } | null)?.id === 2))
  const stamps = mine.map((k) => k.updatedAt?.getTime() ?? 0)
  assert.equal(
    stamps,
    [...stamps].sort((a, b) => b - a)
  )
  const everything = await ok(Case.all({ limit: 100, archived: true }))
  assert.is(mine.length, everything.items.filter((k) => (k.requester as { id: number } | null)?.id === 2).length)
  const fresh = await ok(withOptions({ include: ['case_status'] })(User.cases(2, { status: ['NEW'], limit: 100 })))
  assert.ok(fresh.items.every((k) => included(k.status)?.type === 'NEW'))
  assert.ok(fresh.items.length <= mine.length)
  const orgs = await ok(User.organizations(2))
  assert.equal(
    orgs.items.map((o) => o.name),
    ['Atmosphere Coffee, Inc']
  )
})

test('Organization.cases and members: the cases of its members; notes and tags round-trip', async () => {
  const { ok } = sandboxRun()
  const members = await ok(Organization.members(2, { limit: 100 }))
  assert.ok(members.items.some((u) => u.fullName === 'Caryn Pryor'))
  const ids = new Set(members.items.map((u) => u.id))
  const cases = await ok(Organization.cases(2, { limit: 100 }))
  assert.ok(cases.items.length > 0)
  assert.ok(cases.items.every((k) => ids.has((k.requester as { id: number }).id)))
  const everything = await ok(Case.all({ limit: 100, archived: true }))
  assert.is(cases.totalCount, everything.items.filter((k) => ids.has((k.requester as { id: number }).id)).length)
  const low = await ok(withOptions({ include: ['case_priority'] })(Organization.cases(2, { priority: 2, limit: 100 })))
  assert.ok(low.items.every((k) => (included(k.priority)?.level ?? 0) <= 2))
  const note = await ok(Organization.addNote(2, { contents: 'Renewal due in March' }))
  assert.is(note.bodyText, 'Renewal due in March')
  assert.equal(
    (await ok(Organization.notes(2))).items.map((n) => n.id),
    [note.id]
  )
  assert.equal(
    (await ok(Organization.addTags(2, ['reseller', 'EU']))).map((t) => t.name),
    ['reseller', 'eu']
  )
  assert.equal(
    (await ok(Organization.replaceTags(2, ['partner']))).map((t) => t.name),
    ['partner']
  )
  await ok(Organization.removeTags(2, ['partner']))
  assert.equal(await ok(Organization.tags(2)), [])
})

test('Team members: add agents, list (enabled only), remove; a customer cannot join; counts follow', async () => {
  const { ok, fails } = sandboxRun()
  const before = await ok(Team.members(3, { limit: 100 }))
  assert.equal(
    before.items.map((u) => u.fullName),
    ['Mia Schultz']
  )
  await ok(Team.addMembers(3, [3, 6]))
  const after = await ok(Team.members(3, { limit: 100, isEnabled: true }))
  assert.equal(
    after.items.map((u) => u.id),
    [3, 4, 6]
  )
  assert.is((await ok(Team.get(3))).memberCount, 3)
  await ok(Team.removeMembers(3, [4, 6]))
  assert.equal(
    (await ok(Team.members(3))).items.map((u) => u.id),
    [3]
  )
  assert.is(codeOf(await fails(Team.addMembers(3, [2]))), 'FIELD_INVALID agent_ids')
  assert.is(codeOf(await fails(Team.removeMembers(99, [3]))), 'RESOURCE_NOT_FOUND')
})

test('Case.fieldValues: the custom field values the case holds, each with its field', async () => {
  const { ok, fails } = sandboxRun()
  const values = await ok(withOptions({ include: ['case_field', 'field_option'] })(Case.fieldValues(1)))
  assert.is(values.length, 1)
  const [product] = values
  assert.is(included(product?.field)?.key, 'product')
  const option = included(product?.field)
    ?.options.map(included)
    .find((o) => String(o?.id) === product?.value)
  assert.ok(option !== undefined, 'the value is one of the field options')
  assert.is(codeOf(await fails(Case.fieldValues(999))), 'RESOURCE_NOT_FOUND')
})

test.run()
