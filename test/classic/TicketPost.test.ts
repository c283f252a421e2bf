import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketPost from '../../src/classic/TicketPost'
import * as TicketAttachment from '../../src/classic/TicketAttachment'
import * as TicketCustomField from '../../src/classic/TicketCustomField'
import * as TicketNote from '../../src/classic/TicketNote'
import * as TicketTimeTrack from '../../src/classic/TicketTimeTrack'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const paths = (req: ClassicRequest<unknown>) => req.issues.map((i) => i.path)

test('all/get/delete descriptions', () => {
  assert.equal(paths(TicketPost.get(0, -1)), ['ticketId', 'postId'])
  assert.equal(paths(TicketPost.all(1.5)), ['ticketId'])
})

test('the ticket-child builders take the numeric ticket id only; a display id is a ValidationError naming Ticket.resolveId (H1: T/api/class.Controller_TicketPost.php:122,240)', () => {
  const mask = 'ABC-123-45678' as unknown as number
  const requests = [
    TicketPost.all(mask),
    TicketPost.get(mask, 1),
    TicketPost.delete(mask, 1),
    TicketPost.post(mask, { contents: 'x', userId: 1 }),
    TicketNote.all(mask),
    TicketNote.get(mask, 1),
    TicketNote.delete(mask, 1),
    TicketNote.post(mask, { contents: 'x', staffId: 1 }),
    TicketTimeTrack.all(mask),
    TicketTimeTrack.get(mask, 1),
    TicketTimeTrack.delete(mask, 1),
    TicketAttachment.all(mask),
    TicketAttachment.get(mask, 1),
    TicketAttachment.delete(mask, 1),
    TicketAttachment.post(mask, { ticketPostId: 1, fileName: 'a', contents: 'x' }),
    TicketCustomField.get(mask),
    TicketCustomField.post(mask, { field: TicketCustomField.textValue('x') })
  ]
  for (const r of requests) {
    assert.equal(paths(r), ['ticketId'], r.operation)
    assert.match(r.issues[0]!.message, /numeric ticket id, not a display id .*Ticket\.resolveId/, r.operation)
  }
})

test('post: fields, isprivate always sent, inline attachments Base64-encoded as filename<n>/filecontent<n>', () => {
  const p = TicketPost.post(12, {
    contents: 'Here you go',
    staffId: 4,
    isPrivate: true,
    attachments: [
      { fileName: 'a.txt', contents: 'hi' },
      { fileName: 'b.bin', contents: new Uint8Array([0, 255, 16]) }
    ]
  })
  assert.equal([p.operation, p.method, p.route, p.files], ['TicketPost.post', 'POST', '/Tickets/TicketPost', []])
  assert.equal(p.form, [
    ['ticketid', '12'],
    ['contents', 'Here you go'],
    ['staffid', '4'],
    ['isprivate', '1'],
    ['filename0', 'a.txt'],
    ['filecontent0', 'aGk='],
    ['filename1', 'b.bin'],
    ['filecontent1', 'AP8Q']
  ])
  assert.equal(TicketPost.post(3, { contents: 'x', userId: 9, subject: 'Re' }).form, [
    ['ticketid', '3'],
    ['subject', 'Re'],
    ['contents', 'x'],
    ['userid', '9'],
    ['isprivate', '0']
  ])
})

test('post: validation', () => {
  assert.equal(paths(TicketPost.post(0, { contents: ' ' })), ['ticketId', 'contents', 'userId'])
  assert.equal(paths(TicketPost.post(1, { contents: 'x', userId: 1, staffId: 2 })), ['userId'])
  assert.equal(paths(TicketPost.post(1, { contents: 'x', userId: 1, isPrivate: true })), ['isPrivate'])
  const files = Array.from({ length: 11 }, (_, n) => ({ fileName: `f${n}`, contents: 'x' }))
  assert.equal(paths(TicketPost.post(1, { contents: 'x', staffId: 1, attachments: files })), ['attachments'])
  assert.equal(paths(TicketPost.post(1, { contents: 'x', staffId: 1, attachments: [{ fileName: '', contents: 5 as unknown as string }] })), [
    'attachments[0].fileName',
    'attachments[0].contents'
  ])
})

test('aliases', () => {
  assert.is((TicketPost as Record<string, unknown>).put, undefined, 'no PUT in the API')
})

test('decodes the ListAll fixture', () => {
  const ps = decode(TicketPost.all(1), fixture('classic/TicketPost_ListAll.xml'))
  assert.equal(
    ps.map((p) => [
      p.id,
      p.ticketPostId,
      p.ticketId,
      p.dateline?.getTime(),
      p.userId,
      p.fullName,
      p.email,
      p.emailTo,
      p.ipAddress,
      p.hasAttachments,
      p.creator,
      p.isThirdParty,
      p.isHtml,
      p.isEmailed,
      p.staffId,
      p.isSurveyComment,
      p.contents,
      p.isPrivate,
      p.attachments.length
    ]),
    [
      [
        2,
        2,
        1,
        1297840147000,
        1,
        'John Doe',
        'john.doe@kayako.com',
        '',
        '127.0.0.1',
        false,
        TicketPost.PostCreator.user,
        false,
        false,
        false,
        0,
        false,
        'I am just testing',
        false,
        0
      ],
      [
        4,
        4,
        1,
        1297874640000,
        0,
        'John Doe',
        'john.doe@kayako.com',
        '',
        '127.0.0.1',
        false,
        TicketPost.PostCreator.staff,
        false,
        false,
        false,
        1,
        false,
        'Test reply',
        true,
        0
      ]
    ]
  )
  assert.equal(ps[0]?.extra, {})
})

test('post decodes the echoed post (server style, with an embedded attachment)', () => {
  const echo = `<?xml version="1.0" encoding="UTF-8"?>
<posts>
<post>
<id><![CDATA[77]]></id>
<ticketpostid><![CDATA[77]]></ticketpostid>
<ticketid><![CDATA[5]]></ticketid>
<dateline><![CDATA[1700000000]]></dateline>
<userid><![CDATA[0]]></userid>
<fullname><![CDATA[Support Bot]]></fullname>
<email />
<emailto />
<ipaddress />
<hasattachments><![CDATA[1]]></hasattachments>
<creator><![CDATA[1]]></creator>
<isthirdparty><![CDATA[0]]></isthirdparty>
<ishtml><![CDATA[1]]></ishtml>
<isemailed><![CDATA[0]]></isemailed>
<staffid><![CDATA[4]]></staffid>
<issurveycomment><![CDATA[0]]></issurveycomment>
<contents><![CDATA[<p>Here you go</p>]]></contents>
<isprivate><![CDATA[1]]></isprivate>
<attachments>
<attachment><id><![CDATA[9]]></id><filename><![CDATA[a.txt]]></filename><filesize><![CDATA[2]]></filesize><filetype><![CDATA[text/plain]]></filetype><dateline><![CDATA[1700000000]]></dateline><contents><![CDATA[aGk=]]></contents></attachment>
</attachments>
</post>
</posts>`
  const p = decode(TicketPost.post(5, { contents: 'Here you go', staffId: 4, isPrivate: true, attachments: [{ fileName: 'a.txt', contents: 'hi' }] }), echo)
  assert.equal([p.id, p.ticketId, p.email, p.isHtml, p.isPrivate, p.staffId, p.contents], [77, 5, '', true, true, 4, '<p>Here you go</p>'])
  assert.equal(
    p.attachments.map((a) => [a.id, a.fileName, new TextDecoder().decode(a.contents)]),
    [[9, 'a.txt', 'hi']]
  )
})

test('get decodes one post; 404 is an ApiError', async () => {
  const one = decode(TicketPost.get(1, 4), fixture('classic/TicketPost_ListAll.xml'))
  assert.is(one.id, 2, 'the first post of the document')
  const { transport } = canned({ status: 404, body: 'Ticket Post not Found' })
  const e = unwrapLeft(await classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })(TicketPost.get(1, 99))())
  assert.equal([e._tag, e._tag === 'ApiError' && e.messages], ['ApiError', ['Ticket Post not Found']])
})

test.run()
