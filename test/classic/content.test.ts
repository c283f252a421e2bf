// The shared plumbing of the Knowledgebase/News/Troubleshooter modules.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { calendarDate, cannotSwitchOff, commaList, fileContents, idList, oneOfCodes, positiveOnUpdate, unescapeHtml } from '../../src/classic/internal/content'

test('codes: a value must be one of the named numbers', () => {
  const Codes = { staff: 1, user: 2 } as const
  assert.equal(oneOfCodes('creatorType', 2, Codes), [])
  assert.equal(
    oneOfCodes('creatorType', 3, Codes).map((i) => i.message),
    ['must be one of 1, 2, got 3']
  )
  assert.equal(
    oneOfCodes('creatorType', 'staff', Codes).map((i) => i.path),
    ['creatorType']
  )
})

test('unescapeHtml undoes exactly one level of htmlspecialchars', () => {
  assert.is(unescapeHtml('R&amp;D &lt;b&gt; &quot;x&quot; O&#039;Brien &#x41; &amp;amp; &nbsp; &bogus;'), 'R&D <b> "x" O\'Brien A &amp; &nbsp; &bogus;')
  assert.is(unescapeHtml('plain'), 'plain')
})

test('calendarDate: ISO date and time in UTC (no "/" for the European calendar setting to turn around)', () => {
  assert.is(calendarDate(new Date(Date.UTC(2030, 11, 31, 23, 5, 9))), '2030-12-31 23:05:09')
})

test('request value checks', () => {
  assert.is(commaList([1, 2, 3]), '1,2,3')
  assert.is(commaList(undefined), undefined)
  assert.equal(
    idList('ids', []).map((i) => i.path),
    ['ids']
  )
  assert.equal(
    idList('ids', [1, 0]).map((i) => i.path),
    ['ids[1]']
  )
  assert.equal(idList('ids', [0, 2], true), [])
  assert.equal(fileContents('contents', new Uint8Array([1])), [])
  assert.equal(fileContents('contents', 'text'), [])
  assert.equal(
    fileContents('contents', new Uint8Array(0)).map((i) => i.message),
    ['must not be empty']
  )
  assert.equal(
    fileContents('contents', '').map((i) => i.message),
    ['must not be empty']
  )
  assert.equal(
    fileContents('contents', [1]).map((i) => i.message),
    ['must be a Uint8Array or a string']
  )
  assert.equal(cannotSwitchOff('flag', true), [])
  assert.equal(cannotSwitchOff('flag', undefined), [])
  assert.equal(cannotSwitchOff('flag', false).length, 1)
  assert.equal(positiveOnUpdate('n', 3), [])
  assert.equal(
    positiveOnUpdate('n', 0).map((i) => i.path),
    ['n']
  )
  assert.equal(
    positiveOnUpdate('n', -1).map((i) => i.path),
    ['n']
  )
})

test.run()
