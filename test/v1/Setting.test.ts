// Setting: the builders, and reading and changing the sandbox's settings.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Setting from '../../src/v1/Setting'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('Setting builders: the values object is sent as data (keys unchanged); bad keys and values are issues', () => {
  assert.equal(wire(Setting.all()), { line: 'GET /settings', body: undefined, issues: [] })
  assert.equal(wire(Setting.put({ 'email.spam_score': 7, 'general.timezone': 'Europe/Paris' })), {
    line: 'PUT /settings',
    body: { values: { 'email.spam_score': 7, 'general.timezone': 'Europe/Paris' } },
    issues: []
  })
  assert.equal(wire(Setting.put({})).issues, ['values: must name at least one setting'])
  assert.equal(wire(Setting.put({ spam: 1, 'email.x': null as unknown as string })).issues, [
    'values.spam: must be a key of the form category.name',
    'values.email.x: must be text, a number or a boolean'
  ])
})

test('Setting: read, change by key (booleans as 1/0), refused for unknown or protected keys and for agents', async () => {
  const { ok, fails } = sandboxRun()
  const before = await ok(Setting.all())
  const spam = before.find((s) => s.category === 'email' && s.name === 'spam_score')
  assert.equal([spam?.value, spam?.isProtected], ['5', false])
  const after = await ok(Setting.put({ 'email.spam_score': 7, 'email.auto_reply': false }))
  const value = (key: string) => after.find((s) => `${s.category ?? ''}.${s.name ?? ''}` === key)?.value
  assert.equal([value('email.spam_score'), value('email.auto_reply')], ['7', '0'])
  assert.is((await ok(Setting.all())).find((s) => s.name === 'spam_score')?.value, '7')
  const unknown = await fails(Setting.put({ 'email.nope': 1, 'email.spam_score': 9 }))
  assert.is(unknown._tag === 'ApiError' ? unknown.errors[0]?.pointer : unknown._tag, '/values/email.nope')
  assert.is((await ok(Setting.all())).find((s) => s.name === 'spam_score')?.value, '7', 'a refused change changes nothing')
  const locked = await fails(Setting.put({ 'security.password_min_length': 4 }))
  assert.is(locked._tag === 'ApiError' ? locked.errors[0]?.code : locked._tag, 'FIELD_INVALID')
  const agent = sandboxRun('agent')
  assert.ok((await agent.ok(Setting.all())).length > 0)
  const denied = await agent.fails(Setting.put({ 'email.spam_score': 1 }))
  assert.is(denied._tag === 'ApiError' ? denied.errors[0]?.code : denied._tag, 'PERMISSIONS_DENIED')
})

test.run()
