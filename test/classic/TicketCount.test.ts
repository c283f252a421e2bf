import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketCount from '../../src/classic/TicketCount'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const at = (seconds: number) => new Date(seconds * 1000)

test('decodes the whole graph of the fixture (comments, CDATA totals, attribute counters)', () => {
  const c = decode(TicketCount.get(), fixture('classic/TicketCount_Get.xml'))
  assert.equal(
    c.departments.map((d) => [d.departmentId, d.totalItems, d.totalUnresolvedItems, d.lastActivity?.getTime()]),
    [
      [3, 5, 5, 1311888965000],
      [5, 1, 1, 1313153933000]
    ]
  )
  const [d3] = c.departments
  assert.equal(d3?.statuses, [{ statusId: 1, lastActivity: at(1311888965), totalItems: 5, extra: {} }])
  assert.equal(d3?.types, [{ typeId: 0, lastActivity: at(1311888965), totalItems: 5, totalUnresolvedItems: 5, extra: {} }])
  assert.equal(
    d3?.owners.map((o) => [o.staffId, o.lastActivity?.getTime(), o.totalItems, o.totalUnresolvedItems]),
    [
      [0, 1311888396000, 1, 1],
      [1, 1311887337000, 2, 2],
      [3, 1311888965000, 2, 2]
    ]
  )
  assert.equal(d3?.extra, {})
  assert.equal(
    c.statuses.map((s) => [s.statusId, s.totalItems, s.lastActivity?.getTime()]),
    [[1, 6, 1313153933000]]
  )
  assert.equal(
    c.owners.map((o) => [o.staffId, o.totalItems]),
    [
      [0, 1],
      [1, 2],
      [3, 2]
    ]
  )
  assert.equal(
    c.unassigned.map((u) => [u.departmentId, u.totalItems, u.totalUnresolvedItems]),
    [
      [1, 1, 1],
      [2, 1, 1],
      [4, 1, 1],
      [3, 1, 1]
    ]
  )
  assert.equal(c.extra, {})
})

test('an empty helpdesk decodes to empty lists', () => {
  const c = decode(
    TicketCount.get(),
    '<?xml version="1.0" encoding="UTF-8"?>\n<ticketcount>\n<departments>\n</departments>\n<!-- Ticket Count grouped by Status -->\n<statuses>\n</statuses>\n</ticketcount>'
  )
  assert.equal([c.departments, c.statuses, c.owners, c.unassigned], [[], [], [], []])
})

test('a wrong root is a DecodeError through the executor', async () => {
  const { transport } = canned({ body: '<?xml version="1.0" encoding="UTF-8"?>\n<tickets></tickets>' })
  const e = unwrapLeft(await classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })(TicketCount.get())())
  assert.is(e._tag, 'DecodeError')
})

test.run()
