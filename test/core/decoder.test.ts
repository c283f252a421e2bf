// drawErrors: the first failures with their paths, then a count; no recursion, so any number of failing items draws.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as D from 'io-ts/Decoder'
import { atKey, drawErrors, failure, MAX_DRAWN_ERRORS, success, traverseIndexed } from '../../src/core/decoder'

test('paths and messages of the first failures, in document order', () => {
  const r = atKey('items')(traverseIndexed([1, 'x', 3, 'y'], (v) => (typeof v === 'number' ? success(v) : atKey('id')(failure(v, 'expected a number')))))
  assert.ok(E.isLeft(r))
  assert.equal(drawErrors(E.isLeft(r) ? r.left : (undefined as never)), [
    'items[1].id: expected a number (got "x")',
    'items[3].id: expected a number (got "y")'
  ])
})

test('100,000 failing items: the first 20 lines, then a count, without overflowing the stack', () => {
  const items = Array.from({ length: 100_000 }, (_, i) => i)
  const r = atKey('data')(traverseIndexed(items, (i) => atKey('id')(failure(i, 'expected a string'))))
  const lines = drawErrors(E.isLeft(r) ? r.left : (undefined as never))
  assert.is(lines.length, MAX_DRAWN_ERRORS + 1)
  assert.is(lines[0], 'data[0].id: expected a string (got 0)')
  assert.is(lines[MAX_DRAWN_ERRORS - 1], `data[${MAX_DRAWN_ERRORS - 1}].id: expected a string (got ${MAX_DRAWN_ERRORS - 1})`)
  assert.is(lines[MAX_DRAWN_ERRORS], `… and ${100_000 - MAX_DRAWN_ERRORS} more`)
})

test('a count only when there are more', () => {
  const r = traverseIndexed(
    Array.from({ length: MAX_DRAWN_ERRORS }, (_, i) => i),
    (i) => failure(i, 'no')
  )
  const lines = drawErrors(E.isLeft(r) ? r.left : (undefined as never))
  assert.is(lines.length, MAX_DRAWN_ERRORS)
  assert.not.ok(lines.some((l) => l.startsWith('…')))
})

test("io-ts's own errors: a wrap keeps its path and says its message, a member and a lazy name their step", () => {
  const user = D.struct({ id: D.number, tags: D.array(D.string) })
  const r = D.lazy('User', () => D.union(user, D.literal('none'))).decode({ id: 'x', tags: ['a', 2] })
  const lines = drawErrors(E.isLeft(r) ? r.left : (undefined as never))
  assert.ok(lines.includes('User.(member 0).id: number (got "x")'), lines.join('\n'))
  assert.ok(lines.includes('User.(member 0).tags[1]: string (got 2)'), lines.join('\n'))
  // D.withMessage wraps the failures under it: its message on the wrap's own path, the failures below as they were
  const wrapped = D.struct({ user: D.withMessage(() => 'not a user')(user) }).decode({ user: { id: 1, tags: 'a' } })
  assert.equal(drawErrors(E.isLeft(wrapped) ? wrapped.left : (undefined as never)), ['user: not a user', 'user.tags: Array<unknown> (got "a")'])
})

test.run()
