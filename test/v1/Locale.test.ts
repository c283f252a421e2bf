// Locale builders, and the sandbox's locales (two public: en-us and de).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Locale from '../../src/v1/Locale'
import { unwrap } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxClients } from './helpcenterSupport'

test('Locale: the list and one locale', () => {
  assert.is(wire(Locale.all()).line, 'GET /locales')
  assert.equal(wire(Locale.get(-1)).issues, ['id: must be a positive integer, got -1'])
})

test('sandbox: customers see the public locales, staff every locale', async () => {
  const { staff, customer } = sandboxClients()
  assert.equal(
    unwrap(await customer(Locale.all())()).map((l) => l.locale),
    ['en-us', 'de']
  )
  assert.equal(
    unwrap(await staff(Locale.all())()).map((l) => [l.locale, l.isPublic]),
    [
      ['en-us', true],
      ['de', true],
      ['fr', false]
    ]
  )
  assert.is(unwrap(await customer(Locale.get(2))()).nativeName, 'Deutsch')
})

test.run()
