import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { encodeForm, phpForm } from '../../src/classic/internal/request'

test('phpForm: scalars, booleans as 1/0, dates as Unix seconds, undefined left out, null empty', () => {
  assert.equal(phpForm({ a: 'x', b: 5, c: true, d: false, e: new Date(1000_000), f: undefined, g: null }), [
    ['a', 'x'],
    ['b', '5'],
    ['c', '1'],
    ['d', '0'],
    ['e', '1000'],
    ['g', '']
  ])
})

test('phpForm: arrays as name[] and nested keys as name[k]', () => {
  assert.equal(phpForm({ usergroupid: [1, 2], field: { 0: 5, 1: { 5: 7 } } }), [
    ['usergroupid[]', '1'],
    ['usergroupid[]', '2'],
    ['field[0]', '5'],
    ['field[1][5]', '7']
  ])
})

test('encodeForm percent-encodes names and values', () => {
  assert.is(
    encodeForm([
      ['a[]', 'x y&z'],
      ['b', 'é']
    ]),
    'a%5B%5D=x%20y%26z&b=%C3%A9'
  )
})

test.run()
