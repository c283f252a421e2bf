import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketAttachment from '../../src/classic/TicketAttachment'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { bodyText, canned, formPairs, unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const decodeFails = (req: ClassicRequest<unknown>, body: string) => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrapLeft(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const paths = (req: ClassicRequest<unknown>) => req.issues.map((i) => i.path)
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

test('all/get/delete descriptions', () => {
  assert.equal(paths(TicketAttachment.delete(1, 0)), ['id'])
})

test('post: Base64 of bytes or of UTF-8 text, one line', () => {
  const bytes = TicketAttachment.post(1, { ticketPostId: 2, fileName: 'a.bin', contents: new Uint8Array([0, 1, 2, 250, 251, 252]) })
  assert.equal([bytes.operation, bytes.method, bytes.route, bytes.files], ['TicketAttachment.post', 'POST', '/Tickets/TicketAttachment', []])
  assert.equal(bytes.form, [
    ['ticketid', '1'],
    ['ticketpostid', '2'],
    ['filename', 'a.bin'],
    ['contents', 'AAEC+vv8']
  ])
  const text = TicketAttachment.post(1, { ticketPostId: 2, fileName: 'notes.txt', contents: 'héllo' })
  assert.equal(text.form[3], ['contents', 'aMOpbGxv'])
  const big = TicketAttachment.post(1, { ticketPostId: 2, fileName: 'big', contents: new Uint8Array(100_000) })
  assert.not.match(big.form[3]?.[1] ?? '\n', /\s/)
})

test('post: validation', () => {
  assert.equal(paths(TicketAttachment.post(0, { ticketPostId: -1, fileName: ' ', contents: null as unknown as string })), [
    'ticketId',
    'ticketPostId',
    'fileName',
    'contents'
  ])
})

test('get decodes the fixture contents to bytes (the "gif" is a 541-byte PNG)', () => {
  const a = decode(TicketAttachment.get(1, 1), fixture('classic/TicketAttachment_Get.xml'))
  assert.equal(
    [a.id, a.ticketId, a.ticketPostId, a.fileName, a.fileSize, a.fileType, a.dateline?.getTime()],
    [1, 1, 1, 'icon_chart.gif', 541, 'image/gif', 1296645496000]
  )
  assert.ok(a.contents instanceof Uint8Array)
  assert.is(a.contents.length, a.fileSize)
  assert.equal([...a.contents.subarray(0, 8)], PNG_SIGNATURE)
  assert.equal(a.extra, {})
})

test('all decodes several attachments without contents; contents sent anyway stay in extra', () => {
  const as = decode(TicketAttachment.all(1), fixture('classic/TicketAttachment_multiple_with_contents.xml'))
  assert.equal(
    as.map((a) => [a.id, a.ticketId, a.ticketPostId, a.fileName, a.fileSize, a.fileType, a.dateline?.getTime()]),
    [
      [1, 1, 1, 'icon_chart.gif', 541, 'image/gif', 1296645496000],
      [40, 2, 4, 'something.jpg', 1024, 'image/jpeg', 1296645500000]
    ]
  )
  assert.equal(Object.keys(as[1]?.extra ?? {}), ['contents'])
  assert.ok(!('contents' in (as[0] ?? {})))
})

test('contents that are not Base64 are a decode failure', () => {
  decodeFails(
    TicketAttachment.get(1, 1),
    '<?xml version="1.0" encoding="UTF-8"?>\n<attachments><attachment><id>1</id><contents><![CDATA[not base64!]]></contents></attachment></attachments>'
  )
})

test('the POST echo decodes; 404 is an ApiError', async () => {
  const echo = `<?xml version="1.0" encoding="UTF-8"?>
<attachments>
<attachment>
<id><![CDATA[41]]></id>
<ticketid><![CDATA[1]]></ticketid>
<ticketpostid><![CDATA[2]]></ticketpostid>
<filename><![CDATA[a.bin]]></filename>
<filesize><![CDATA[6]]></filesize>
<filetype><![CDATA[application/octet-stream]]></filetype>
<dateline><![CDATA[1700000000]]></dateline>
</attachment>
</attachments>`
  const { transport, sent } = canned({ body: echo }, { status: 404, body: 'Attachment not Found' })
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })
  const a = unwrap(await run(TicketAttachment.post(1, { ticketPostId: 2, fileName: 'a.bin', contents: 'abc' }))())
  assert.equal([a.id, a.fileSize, a.fileType], [41, 6, 'application/octet-stream'])
  assert.equal(formPairs(bodyText(sent[0]))[3], ['contents', 'YWJj'])
  const e = unwrapLeft(await run(TicketAttachment.get(1, 99))())
  assert.equal([e._tag, e._tag === 'ApiError' && e.messages], ['ApiError', ['Attachment not Found']])
})

test.run()
