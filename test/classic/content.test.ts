// The shared plumbing of the Knowledgebase/News/Troubleshooter modules.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { calendarDate, cannotSwitchOff, code, codeOf, commaList, fileContents, idList, positiveOnUpdate, toCode, unescapeHtml } from '../../src/classic/content'
import { struct } from '../../src/classic/xml'
import { unwrap, unwrapLeft } from '../support/transport'
import { document, item } from './contentSupport'
import { parseDocument } from '../../src/classic/xml'

const CODES = { staff: 1, user: 2 } as const

test('codes: numbers to names and back; unknown numbers fail', () => {
  assert.is(unwrap(toCode(CODES)(' 2 ')), 'user')
  unwrapLeft(toCode(CODES)('3'))
  unwrapLeft(toCode(CODES)('staff'))
  assert.is(codeOf(CODES, 'staff'), 1)
  assert.is(codeOf(CODES, undefined), undefined)
  const decoder = struct('comment', { creatorType: code('creatortype', CODES) })
  const root = (xml: string) => unwrap(parseDocument(document('comments', [xml]))).root.children.find((c) => typeof c !== 'string')
  assert.is(unwrap(decoder.decode(root(item('comment', { creatortype: 1 })) as never)).creatorType, 'staff')
  unwrapLeft(decoder.decode(root(item('comment', { other: 1 })) as never))
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
  assert.equal(idList('ids', []).map((i) => i.path), ['ids'])
  assert.equal(idList('ids', [1, 0]).map((i) => i.path), ['ids[1]'])
  assert.equal(idList('ids', [0, 2], true), [])
  assert.equal(fileContents('contents', new Uint8Array([1])), [])
  assert.equal(fileContents('contents', 'text'), [])
  assert.equal(fileContents('contents', new Uint8Array(0)).map((i) => i.message), ['must not be empty'])
  assert.equal(fileContents('contents', '').map((i) => i.message), ['must not be empty'])
  assert.equal(fileContents('contents', [1]).map((i) => i.message), ['must be a Uint8Array or a string'])
  assert.equal(cannotSwitchOff('flag', true), [])
  assert.equal(cannotSwitchOff('flag', undefined), [])
  assert.equal(cannotSwitchOff('flag', false).length, 1)
  assert.equal(positiveOnUpdate('n', 3), [])
  assert.equal(positiveOnUpdate('n', 0).map((i) => i.path), ['n'])
  assert.equal(positiveOnUpdate('n', -1).map((i) => i.path), ['n'])
})

test.run()
