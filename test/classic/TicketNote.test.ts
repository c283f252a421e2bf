import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketNote from '../../src/classic/TicketNote'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const paths = (req: ClassicRequest<unknown>) => req.issues.map((i) => i.path)

test('all/get/delete descriptions', () => {
  assert.equal(paths(TicketNote.delete(0, 0)), ['ticketId', 'noteId'])
})

test('post: server names, color as its code', () => {
  const p = TicketNote.post(2, { contents: 'Call back', staffId: 1, forStaffId: 3, noteColor: TicketNote.NoteColor.red })
  assert.equal([p.operation, p.method, p.route, p.issues], ['TicketNote.post', 'POST', '/Tickets/TicketNote', []])
  assert.equal(p.form, [
    ['ticketid', '2'],
    ['contents', 'Call back'],
    ['staffid', '1'],
    ['forstaffid', '3'],
    ['notecolor', '5']
  ])
  assert.equal(TicketNote.post(9, { contents: 'x', fullName: 'Bot' }).form, [
    ['ticketid', '9'],
    ['contents', 'x'],
    ['fullname', 'Bot']
  ])
})

test('post: validation', () => {
  assert.equal(paths(TicketNote.post(-1, { contents: '' })), ['ticketId', 'contents', 'staffId'])
  assert.equal(paths(TicketNote.post(1, { contents: 'x', staffId: 1, fullName: 'A' })), ['staffId'])
  assert.equal(paths(TicketNote.post(1, { contents: 'x', fullName: ' ', noteColor: 6 as TicketNote.NoteColor })), ['fullName', 'noteColor'])
})

test('decodes the ListAll fixture (attribute style)', () => {
  assert.equal(decode(TicketNote.all(2), fixture('classic/TicketNote_ListAll.xml')), [
    {
      type: 'ticket',
      ticketId: 2,
      id: 1,
      noteColor: TicketNote.NoteColor.blue,
      creatorStaffId: 4,
      creatorStaffName: 'Varun Shoor',
      forStaffId: 5,
      creationDate: new Date(1297842417000),
      contents: 'This is a ticket note',
      extra: {}
    }
  ])
})

test('the POST echo in the server style: CDATA content, escaped attributes', () => {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<notes>
<note type="ticket" id="8" ticketid="2" notecolor="1" creatorstaffid="1" forstaffid="0" creatorstaffname="Jane &amp; Co" creationdate="1700000000"><![CDATA[Line 1
Line <2>]]></note>
</notes>`
  const n = decode(TicketNote.post(2, { contents: 'x', staffId: 1 }), body)
  assert.equal([n.id, n.creatorStaffName, n.contents, n.creationDate?.getTime()], [8, 'Jane & Co', 'Line 1\nLine <2>', 1700000000000])
  const req = TicketNote.get(2, 8)
  if (req.response._tag !== 'Xml') throw new Error('xml')
  unwrapLeft(req.response.decoder.decode(unwrap(parseDocument('<?xml version="1.0" encoding="UTF-8"?>\n<notes>\n</notes>')).root))
})

test.run()
