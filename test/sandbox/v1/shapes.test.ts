// Our answers have exactly the key sets of the real bodies in shared/fixtures/v1 (values are the sandbox's own).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fixture } from '../../support/fixtures'
import { call, keyShape, login, makeSandbox } from './support'

const cases: Array<[string, string]> = [
  ['cases.list.json', 'cases?ids=1'],
  ['teams.list.json', 'teams?ids=1'],
  ['roles.list.json', 'roles?ids=1'],
  ['business_hours.list.json', 'businesshours?ids=1'],
  ['cases.statuses.list.json', 'cases/statuses'],
  ['cases.channels.list.json', 'cases/channels'],
  ['oauth.clients.list.json', 'oauth/clients'],
  ['session.get.json', 'session']
]

for (const [file, path] of cases) {
  test(`${file}: same keys at every level as GET /api/v1/${path}`, async () => {
    const { sandbox } = makeSandbox()
    const s = await login(sandbox)
    const r = await call(sandbox, 'GET', path, s.read)
    assert.is(r.status, 200)
    assert.equal(keyShape(r.json), keyShape(JSON.parse(fixture(`v1/${file}`))))
  })
}

test('tests.get.json: the anonymous test resource has exactly its keys', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'tests/1.json')
  const expected = JSON.parse(fixture('v1/tests.get.json'))
  assert.equal(keyShape(r.json), keyShape(expected))
  assert.equal({ ...r.json, data: { ...r.json.data, resource_url: undefined } }, { ...expected, data: { ...expected.data, resource_url: undefined } })
})

test('auth.basic.session_created.json: the first Basic answer carries status and session_id (on top of the envelope)', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'tests/1', { Authorization: `Basic ${btoa(`${sandbox.credentials.username}:${sandbox.credentials.password}`)}` })
  const expected = Object.keys(JSON.parse(fixture('v1/auth.basic.session_created.json')))
  for (const key of expected) assert.ok(key in r.json, key)
})

test('values follow the fixtures where the sandbox mirrors them: case 1, team 1, role 1, statuses, channel types', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const c = (await call(sandbox, 'GET', 'cases/1', s.read)).json.data
  const fx = JSON.parse(fixture('v1/cases.list.json')).data[0]
  for (const key of [
    'legacy_id',
    'subject',
    'portal',
    'source_channel',
    'requester',
    'creator',
    'assigned_agent',
    'assigned_team',
    'status',
    'priority',
    'type',
    'state',
    'post_count',
    'rating_status',
    'last_post_status',
    'last_post_preview'
  ]) {
    assert.equal(c[key], fx[key], key)
  }
  const team = (await call(sandbox, 'GET', 'teams/1', s.read)).json.data
  assert.equal([team.title, team.businesshour], ['Support', { id: 1, resource_type: 'business_hour' }])
  const role = (await call(sandbox, 'GET', 'roles/1', s.read)).json.data
  const roleFx = JSON.parse(fixture('v1/roles.list.json')).data[0]
  assert.equal([role.title, role.type, role.is_system, role.agent_case_access], [roleFx.title, roleFx.type, roleFx.is_system, roleFx.agent_case_access])
  const status = (await call(sandbox, 'GET', 'cases/statuses/1')).json.data
  const statusFx = JSON.parse(fixture('v1/cases.statuses.list.json')).data[0]
  assert.equal([status.label, status.type, status.sort_order], [statusFx.label, statusFx.type, statusFx.sort_order])
  const channels = (await call(sandbox, 'GET', 'cases/channels', s.read)).json.data
  const channelFx = JSON.parse(fixture('v1/cases.channels.list.json')).data
  assert.equal(
    channels.map((ch: { type: string; character_limit: number | null; account: unknown }) => [ch.type, ch.character_limit, ch.account]),
    channelFx.map((ch: { type: string; character_limit: number | null; account: unknown }) => [ch.type, ch.character_limit, ch.account])
  )
  const hours = (await call(sandbox, 'GET', 'businesshours/1', s.read)).json.data
  assert.equal(hours.zones, JSON.parse(fixture('v1/business_hours.list.json')).data[0].zones)
})

test.run()
