// The v1 sandbox's views, relations, field definitions and settings routes, driven with raw requests (FIDELITY.md:
// "Views", "Relations", "Definitions and settings").
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, login, makeSandbox } from './support'

const setup = async (who?: 'agent') => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox, who === undefined ? sandbox.credentials : sandbox.accounts[who])
  const get = (path: string) => call(sandbox, 'GET', path, s.read)
  const send = (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    call(sandbox, method, path, s.write, body === undefined ? undefined : JSON.stringify(body))
  return { get, send }
}

test('§3.1 views: counts are unpaginated, keyed by view, in the letter case asked for; every count is its list total', async () => {
  const { get } = await setup()
  const counts = await get('views/counts?_case=camel')
  assert.equal(Object.keys(counts.json), ['status', 'data', 'resource', 'totalCount'])
  assert.is(counts.json.resource, 'viewCount')
  for (const c of counts.json.data) {
    assert.equal(Object.keys(c), ['id', 'view', 'count', 'countAccuracy', 'realtimeChannel', 'resourceType'])
    assert.is((await get(`views/${c.view.id}/cases?limit=1`)).json.total_count, c.count)
  }
})

test('§3.1 views: show_all must be a boolean; a SELF view is hidden from other agents and PERMISSIONS_DENIED to them', async () => {
  const admin = await setup()
  assert.equal((await admin.get('views?show_all=maybe')).json.errors[0].parameter, 'show_all')
  const agent = await setup('agent')
  const titles = (await agent.get('views?limit=50')).json.data.map((v: { title: string }) => v.title)
  assert.not.ok(titles.includes('My cases'), "the admin's own view")
  assert.ok(titles.includes('Billing queue') === false && titles.includes('Inbox'))
  const denied = await agent.get('views/2/cases')
  assert.equal([denied.status, denied.json.errors[0].code], [403, 'PERMISSIONS_DENIED'])
  assert.is((await agent.get('views/99')).status, 404)
})

test('§3.1 relations: bad status and priority filters are FIELD_INVALID; unknown parents are 404', async () => {
  const { get } = await setup()
  assert.equal((await get('users/2/cases?status=SOLVED')).json.errors[0].parameter, 'status')
  assert.equal((await get('organizations/2/cases?priority=high')).json.errors[0].parameter, 'priority')
  assert.is((await get('users/999/cases')).status, 404)
  assert.is((await get('organizations/999/cases')).status, 404)
})

test('§3.1 team members out: agent_ids required, known users only; member_count follows', async () => {
  const { get, send } = await setup()
  assert.equal((await send('DELETE', 'teams/1/members')).json.errors[0].code, 'FIELD_REQUIRED')
  assert.equal((await send('DELETE', 'teams/1/members?agent_ids=3,999')).json.errors[0].code, 'FIELD_INVALID')
  const before = (await get('teams/1')).json.data.member_count
  assert.equal((await send('DELETE', 'teams/1/members?agent_ids=3')).json, { status: 200 })
  assert.is((await get('teams/1')).json.data.member_count, before - 1)
})

test('§3.1 settings: values required, refused changes change nothing, agents may read only', async () => {
  const { get, send } = await setup()
  assert.equal((await send('PUT', 'settings', {})).json.errors[0].code, 'FIELD_REQUIRED')
  assert.equal((await send('PUT', 'settings', { values: [] })).json.errors[0].code, 'FIELD_INVALID')
  const nested = await send('PUT', 'settings', { values: { 'email.spam_score': { deep: 1 } } })
  assert.equal([nested.json.errors[0].parameter, nested.json.errors[0].pointer], ['values', '/values/email.spam_score'])
  const spam = (await get('settings')).json.data.find((s: { name: string }) => s.name === 'spam_score')
  assert.equal(Object.keys(spam), ['id', 'category', 'name', 'is_protected', 'value', 'resource_type'])
  assert.is(spam.value, '5')
  const agent = await setup('agent')
  assert.is((await agent.get('settings')).status, 200)
  assert.is((await agent.send('PUT', 'settings', { values: { 'email.spam_score': 1 } })).status, 403)
})

test('§3.1 fields: user and organization fields are unpaginated; options of an unknown field are 404', async () => {
  const { get } = await setup()
  const users = await get('users/fields')
  assert.equal([users.json.resource, users.json.total_count, 'offset' in users.json], ['user_field', 2, false])
  assert.is(users.json.data[0].resource_url, 'http://127.0.0.1:4321/api/v1/users/fields/1')
  assert.is((await get('organizations/fields/99/options')).status, 404)
  const values = await get('cases/1/field/values')
  assert.equal(Object.keys(values.json.data[0]), ['field', 'value', 'resource_type'])
})

test.run()
