// Macro: the builders, and the macros of the v1 sandbox (four seeded: two for everyone, one for the billing team,
// one private to the agent Ethan Boyd).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { isReference } from '../../src/v1/internal/codec'
import { withOptions } from '../../src/v1/internal/request'
import * as Macro from '../../src/v1/Macro'
import { unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxRun } from './workSupport'

test('Macro builders: the list is unpaginated, show_all is a flag; ids and flags are checked', () => {
  assert.is(wire(Macro.all()).line, 'GET /cases/macros')
  assert.is(wire(Macro.all({ showAll: true })).line, 'GET /cases/macros?show_all=true')
  assert.is(wire(Macro.get(3)).line, 'GET /cases/macros/3')
  assert.equal(wire(Macro.all({ showAll: 'yes' as never })).issues, ['showAll: must be true or false, got "yes"'])
  assert.equal(wire(Macro.get(-1)).issues, ['id: must be a positive integer, got -1'])
})

test('the macros a caller may use; show_all lists every one', async () => {
  const admin = sandboxRun('admin')
  assert.equal(
    unwrap(await admin.run(Macro.all())()).map((m) => m.title),
    ['Ask for the serial number', 'Close as solved'],
    'the administrator is not in the billing team and does not own the private macro'
  )
  assert.equal(unwrap(await admin.run(Macro.all({ showAll: true }))()).length, 4)
  const agent = sandboxRun('agent')
  assert.equal(
    unwrap(await agent.run(Macro.all())()).map((m) => m.title),
    ['Ask for the serial number', 'Close as solved', 'My follow-up template']
  )
})

test('one macro with its actions decoded: reply, assignee, priority action, tags, visibility', async () => {
  const { run } = sandboxRun('admin')
  const [serial, billing] = unwrap(await run(Macro.all({ showAll: true }))())
  assert.equal(
    [serial?.replyType, serial?.replyContents, serial?.addTags, serial?.usageCount, serial?.lastUsedAt?.toISOString(), serial?.status?.id],
    ['REPLY', 'Could you send us the serial number printed under the drip tray?', ['hardware'], 14, '2015-08-20T09:00:00.000Z', 3]
  )
  const escalate = unwrap(await run(Macro.get(billing?.id ?? 0))())
  assert.equal(
    [escalate.replyType, escalate.priorityAction, escalate.addTags, escalate.removeTags, escalate.assignee?.type, escalate.visibility?.type],
    ['NOTE', 'INCREASE_ONE_LEVEL', ['billing'], ['hardware'], 'TEAM', 'TEAM']
  )
  assert.ok(isReference(escalate.assignee?.team), 'a reference without include')
  const included = unwrap(await run(withOptions({ include: ['team'] })(Macro.get(billing?.id ?? 0)))())
  const team = included.assignee?.team
  // the team is decoded generically: its title is kept in `extra`
  assert.equal(team !== null && team !== undefined && !isReference(team) ? [team.id, team.resourceType, team.extra.title] : team, [3, 'team', 'Billing'])
  assert.is(unwrapLeft(await run(Macro.get(99))())._tag, 'ApiError')
})

test.run()
