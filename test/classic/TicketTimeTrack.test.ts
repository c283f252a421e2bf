import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketTimeTrack from '../../src/classic/TicketTimeTrack'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { unwrap } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const paths = (req: ClassicRequest<unknown>) => req.issues.map((i) => i.path)

// No fixture exists for time tracks: this is spec §2.12 in the server's style (CDATA text, escaped attributes).
const TIMETRACKS = `<?xml version="1.0" encoding="UTF-8"?>
<timetracks>
<timetrack id="3" ticketid="2" timeworked="1800" timebillable="900" billdate="1297842420" workdate="1297842000" workerstaffid="4" workerstaffname="Jane &quot;JD&quot; Doe" creatorstaffid="1" creatorstaffname="Admin" notecolor="4"><![CDATA[Fixed the printer]]></timetrack>
<!-- a second entry with an empty text -->
<timetrack id="5" ticketid="2" timeworked="60" timebillable="0" billdate="0" workdate="1297842000" workerstaffid="1" workerstaffname="Admin" creatorstaffid="1" creatorstaffname="Admin" notecolor="1" />
</timetracks>`

const WORK = new Date(1297842000 * 1000)
const BILL = new Date(1297842420 * 1000)

test('all/get/delete descriptions', () => {
  assert.equal(paths(TicketTimeTrack.get(2, 0)), ['id'])
})

test('post sends the POST names, not the XML names; dates as Unix seconds', () => {
  const p = TicketTimeTrack.post(2, {
    staffId: 1,
    contents: 'Fixed the printer',
    workDate: WORK,
    billDate: BILL,
    timeWorked: 1800,
    timeBillable: 900,
    workerStaffId: 4,
    noteColor: TicketTimeTrack.NoteColor.green
  })
  assert.equal([p.operation, p.method, p.route, p.issues], ['TicketTimeTrack.post', 'POST', '/Tickets/TicketTimeTrack', []])
  assert.equal(p.form, [
    ['ticketid', '2'],
    ['staffid', '1'],
    ['contents', 'Fixed the printer'],
    ['worktimeline', '1297842000'],
    ['billtimeline', '1297842420'],
    ['timespent', '1800'],
    ['timebillable', '900'],
    ['workerstaffid', '4'],
    ['notecolor', '4']
  ])
})

test('post: validation', () => {
  const bad = TicketTimeTrack.post(0, {
    staffId: 0,
    contents: '',
    workDate: new Date(NaN),
    billDate: 1297842420 as unknown as Date,
    timeWorked: -1,
    timeBillable: 1.5,
    workerStaffId: 0,
    noteColor: 0 as TicketTimeTrack.NoteColor
  })
  assert.equal(paths(bad), ['ticketId', 'staffId', 'contents', 'workDate', 'billDate', 'timeWorked', 'timeBillable', 'workerStaffId', 'noteColor'])
  assert.equal(bad.form, [])
})

test('decodes time tracks from spec-shaped XML (XML names → entity)', () => {
  const [a, b] = decode(TicketTimeTrack.all(2), TIMETRACKS)
  assert.equal(a, {
    type: 'timetrack',
    id: 3,
    ticketId: 2,
    timeWorked: 1800,
    timeBillable: 900,
    billDate: BILL,
    workDate: WORK,
    workerStaffId: 4,
    workerStaffName: 'Jane "JD" Doe',
    creatorStaffId: 1,
    creatorStaffName: 'Admin',
    noteColor: TicketTimeTrack.NoteColor.green,
    contents: 'Fixed the printer',
    extra: {}
  })
  assert.equal(b && [b.id, b.billDate, b.contents], [5, null, ''])
  assert.is(decode(TicketTimeTrack.get(2, 3), TIMETRACKS).id, 3)
  const echoed = decode(TicketTimeTrack.post(2, { staffId: 1, contents: 'x', workDate: WORK, billDate: BILL, timeWorked: 1800, timeBillable: 900 }), TIMETRACKS)
  assert.equal([echoed.id, echoed.timeWorked, echoed.creatorStaffId], [3, 1800, 1])
})

test.run()
