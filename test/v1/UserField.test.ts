// UserField: the builders, and the seeded user fields and their options from the sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as User from '../../src/v1/User'
import * as UserField from '../../src/v1/UserField'
import { included } from '../../src/v1/internal/codec'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('UserField builders: list, get, options; a bad id is an issue', () => {
  assert.equal(wire(UserField.all()), { line: 'GET /users/fields', body: undefined, issues: [] })
  assert.is(wire(UserField.get(2)).line, 'GET /users/fields/2')
  assert.is(wire(UserField.options(2)).line, 'GET /users/fields/2/options')
  assert.equal(wire(UserField.options(-1)).issues, ['fieldId: must be a positive integer, got -1'])
})

test('UserField: definitions with their options; a user value names an option id', async () => {
  const { ok, fails } = sandboxRun()
  const fields = await ok(UserField.all())
  assert.equal(
    fields.map((f) => [f.title, f.type, f.key]),
    [
      ['Customer tier', 'SELECT', 'customer_tier'],
      ['Preferred contact time', 'TEXT', 'contact_time']
    ]
  )
  const tier = fields[0]
  const options = await ok(UserField.options(tier?.id ?? 0))
  assert.equal(
    options.map((o) => [included(o.values[0])?.translation, o.tag, o.sortOrder]),
    [
      ['Bronze', 'bronze', 1],
      ['Silver', 'silver', 2],
      ['Gold', 'gold', 3]
    ]
  )
  assert.equal(
    tier?.options.map((o) => o.id),
    options.map((o) => o.id)
  )
  assert.equal(await ok(UserField.options(2)), [], 'a text field has no options')
  const caryn = await ok(User.get(2))
  assert.equal(
    caryn.customFields.map((v) => [(v.field as { id: number }).id, v.value]),
    [[tier?.id, String(options[2]?.id)]]
  )
  assert.is((await fails(UserField.get(99)))._tag, 'ApiError')
})

test.run()
