import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, makeSandbox, START } from './support'

test('the per-minute limit answers 429 RATE_LIMIT_REACHED + Retry-After (seconds to the next minute) once exceeded', async () => {
  const { sandbox, clock } = makeSandbox({ rateLimitPerMinute: 3 })
  clock.set(START + 15_000) // 15 s into a clock minute
  for (let i = 0; i < 3; i++) assert.is((await call(sandbox, 'GET', 'tests/1')).status, 200)
  const limited = await call(sandbox, 'GET', 'tests/1')
  assert.is(limited.status, 429)
  assert.is(limited.headers['retry-after'], '45')
  assert.is(limited.json.errors[0].code, 'RATE_LIMIT_REACHED')
  clock.advance(44_500)
  const still = await call(sandbox, 'GET', 'tests/1')
  assert.equal([still.status, still.headers['retry-after']], [429, '1'])
  clock.advance(500) // the next minute
  assert.is((await call(sandbox, 'GET', 'tests/1')).status, 200)
})

test('refused requests do not count; without a limit nothing is refused', async () => {
  const { sandbox } = makeSandbox({ rateLimitPerMinute: 1 })
  assert.is((await call(sandbox, 'GET', 'tests')).status, 200)
  for (let i = 0; i < 5; i++) assert.is((await call(sandbox, 'GET', 'tests')).status, 429)
  const { sandbox: open } = makeSandbox()
  for (let i = 0; i < 200; i++) assert.is((await call(open, 'GET', 'tests/1')).status, 200)
})

test.run()
