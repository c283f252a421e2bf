import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketStatus from '../../src/classic/TicketStatus'
import { decodeBody, issuePaths } from '../support/decode'
import { fixture } from '../support/fixtures'

test('all/get descriptions; read-only (no post/put/delete)', () => {
  assert.equal(
    Object.keys(TicketStatus).filter((k) => ['post', 'put', 'delete'].includes(k)),
    []
  )
  assert.equal(issuePaths(TicketStatus.get(-3)), ['id'])
})

test('decodes the real ListAll fixture', () => {
  const [open, closed] = decodeBody(TicketStatus.all(), fixture('classic/TicketStatus_ListAll.xml'))
  assert.equal(
    { ...open, extra: undefined },
    {
      id: 1,
      title: 'Open',
      displayOrder: 1,
      departmentId: 0,
      displayIcon: '{$themepath}icon_ticketstatusopen.png',
      type: 'public',
      displayInMainList: false,
      markAsResolved: false,
      displayCount: true,
      statusColor: '#8BB467',
      statusBgColor: '#8BB467',
      resetDueTime: false,
      triggerSurvey: false,
      staffVisibilityCustom: false,
      staffGroupIds: [],
      extra: undefined
    }
  )
  assert.equal(open?.extra, {})
  assert.equal(
    [
      closed?.id,
      closed?.title,
      closed?.type,
      closed?.markAsResolved,
      closed?.displayCount,
      closed?.statusColor,
      closed?.triggerSurvey,
      closed?.staffVisibilityCustom,
      closed?.staffGroupIds
    ],
    [3, 'Closed', 'private', true, false, '#5f5f5f', true, true, [1]]
  )
})

test('get: first item or none', () => {
  const one = decodeBody(TicketStatus.get(1), fixture('classic/TicketStatus_ListAll.xml'))
  assert.equal(O.map((s: TicketStatus.TicketStatus) => s.title)(one), O.some('Open'))
  assert.equal(decodeBody(TicketStatus.get(1), '<?xml version="1.0" encoding="UTF-8"?>\n<ticketstatuses />'), O.none)
})

test.run()
