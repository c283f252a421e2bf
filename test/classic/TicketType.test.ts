import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketType from '../../src/classic/TicketType'
import { decodeBody, issuePaths } from '../support/decode'
import { fixture } from '../support/fixtures'

test('all/get descriptions; read-only (no post/put/delete)', () => {
  assert.equal(
    Object.keys(TicketType).filter((k) => ['post', 'put', 'delete'].includes(k)),
    []
  )
  assert.equal(issuePaths(TicketType.get(1.1)), ['id'])
})

test('decodes the real ListAll fixture', () => {
  const ts = decodeBody(TicketType.all(), fixture('classic/TicketType_ListAll.xml'))
  assert.equal(
    ts.map((t) => [t.id, t.title, t.displayOrder, t.departmentId, t.displayIcon, t.type, t.userVisibilityCustom, t.userGroupIds, t.extra]),
    [
      [1, 'Feedback', 2, 3, 'icon.png', 'public', false, [], {}],
      [1, 'Feedback', 2, 3, 'icon.png', 'private', true, [2], {}]
    ]
  )
})

test('get: first item or none', () => {
  const one = decodeBody(TicketType.get(1), fixture('classic/TicketType_ListAll.xml'))
  assert.equal(O.map((t: TicketType.TicketType) => t.departmentId)(one), O.some(3))
  assert.equal(decodeBody(TicketType.get(1), '<?xml version="1.0" encoding="UTF-8"?>\n<tickettypes>\n</tickettypes>'), O.none)
})

test.run()
