// The ticket-child controllers (TicketPost, TicketNote, TicketTimeTrack, TicketAttachment, TicketCustomField) against
// the 4.98.8 source, one behaviour per test, each naming the server lines it follows (paths under `upload/`:
// T/ = __apps/tickets/, B/ = __swift/apps/base/). Driven with raw signed requests, so no client code is involved.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/handler'
import { SEED_TIME } from '../../src/sandbox/classic/seed'
import { call, children, ownText, root, text } from '../support/sandbox'
import type { XmlElement } from '../../src/classic/internal/xml'

let sb: Sandbox
const fresh = (options: SandboxOptions = {}) => {
  // Display ids are masks (`t_eticketid = random`) so they differ from the numeric ids.
  sb = createSandbox({ now: () => SEED_TIME, ...options, settings: { ticketIdType: 'random', ...options.settings } })
}
test.before.each(() => fresh())

type Fields = ReadonlyArray<readonly [string, string]>
const get = (route: string) => call(sb.handle, 'GET', route)
const post = (route: string, fields: Fields) => call(sb.handle, 'POST', route, fields)
const del = (route: string) => call(sb.handle, 'DELETE', route)
const items = async (route: string, tag: string, fields?: Fields): Promise<Array<XmlElement>> => {
  const res = fields === undefined ? await get(route) : await post(route, fields)
  assert.is(res.status, 200, `${route}: ${res.body}`)
  return children(root(res), tag)
}
/** Every ticket has a mask (`ticketmaskid`), whatever `t_eticketid` shows as its display id. */
const mask = (ticketId: number): string => sb.store.tickets.get(ticketId)!.maskid
const staffPost = (ticketid: string, contents: string, extra: Fields = []) =>
  items('/Tickets/TicketPost', 'post', [['ticketid', ticketid], ['contents', contents], ['staffid', '2'], ['isprivate', '0'], ...extra])
const userPost = (ticketid: string, contents: string, extra: Fields = []) =>
  items('/Tickets/TicketPost', 'post', [['ticketid', ticketid], ['contents', contents], ['userid', '1'], ...extra])

// ---------------------------------------------------------------------------------------------------------------
// H1: a display id on a child controller

test('H1 ListAll by display id is an empty list: WHERE ticketid = <mask> (T/api/class.Controller_TicketPost.php:121-122, TicketNote.php:109-110, TicketTimeTrack.php:108-110, TicketAttachment.php:117-118)', async () => {
  const m = mask(1)
  for (const [controller, tag] of [
    ['TicketPost', 'post'],
    ['TicketNote', 'note'],
    ['TicketTimeTrack', 'timetrack'],
    ['TicketAttachment', 'attachment']
  ] as const) {
    assert.ok((await items(`/Tickets/${controller}/ListAll/1`, tag)).length > 0, controller)
    assert.equal(await items(`/Tickets/${controller}/ListAll/${m}`, tag), [], controller)
  }
  const unknown = await get('/Tickets/TicketPost/ListAll/ZZZ-999-99999')
  assert.equal([unknown.status, unknown.body], [404, 'Ticket not Found'], 'the ticket is still looked up by mask first')
})

test("H1 Get and Delete by display id answer 400: the row's ticketid != the mask (T/api/class.Controller_TicketPost.php:240,430; TicketNote.php:165,320; TicketTimeTrack.php:165,315; TicketAttachment.php:187,368)", async () => {
  const m = mask(1)
  const rows = [
    ['TicketPost', (await items('/Tickets/TicketPost/ListAll/1', 'post'))[0]!, 'Post does not belong to the specified ticket'],
    ['TicketNote', (await items('/Tickets/TicketNote/ListAll/1', 'note'))[0]!, 'Ticket note does not belong to the specified ticket'],
    [
      'TicketTimeTrack',
      (await items('/Tickets/TicketTimeTrack/ListAll/1', 'timetrack'))[0]!,
      'Ticket time tracking note does not belong to the specified ticket'
    ],
    ['TicketAttachment', (await items('/Tickets/TicketAttachment/ListAll/1', 'attachment'))[0]!, 'Attachment does not belong to the specified ticket']
  ] as const
  for (const [controller, row, message] of rows) {
    const id = row.attributes.id ?? text(row, 'id')
    const byMask = await get(`/Tickets/${controller}/${m}/${id}`)
    assert.equal([byMask.status, byMask.body], [400, message], controller)
    const deleting = await del(`/Tickets/${controller}/${m}/${id}`)
    assert.equal([deleting.status, deleting.body], [400, message], controller)
    assert.is((await get(`/Tickets/${controller}/1/${id}`)).status, 200, `${controller}: still there`)
  }
})

test('H1 POST by display id creates the row under the real ticket but answers an empty list: ListAll($_POST[ticketid], …) (T/api/class.Controller_TicketPost.php:391, TicketNote.php:278, TicketTimeTrack.php:274)', async () => {
  const m = mask(2)
  assert.equal(await staffPost(m, 'By mask'), [])
  assert.equal(
    await items('/Tickets/TicketNote', 'note', [
      ['ticketid', m],
      ['contents', 'By mask'],
      ['staffid', '1']
    ]),
    []
  )
  const track: Fields = [
    ['ticketid', m],
    ['contents', 'By mask'],
    ['staffid', '1'],
    ['worktimeline', '1700000000'],
    ['billtimeline', '1700000000'],
    ['timespent', '60'],
    ['timebillable', '60']
  ]
  assert.equal(await items('/Tickets/TicketTimeTrack', 'timetrack', track), [])
  assert.equal((await items('/Tickets/TicketPost/ListAll/2', 'post')).map((p) => text(p, 'contents')).slice(-1), ['By mask\n\n-- Bob'])
  assert.equal((await items('/Tickets/TicketNote/ListAll/2', 'note')).map(ownText), ['By mask'])
  assert.equal((await items('/Tickets/TicketTimeTrack/ListAll/2', 'timetrack')).map(ownText), ['By mask'])
})

test('H1 TicketAttachment POST by display id stores the file against ticket 0 (T/api/class.Controller_TicketAttachment.php:315,325-329)', async () => {
  const m = mask(2)
  const postId = text((await items('/Tickets/TicketPost/ListAll/2', 'post'))[0]!, 'id')
  const answer = await items('/Tickets/TicketAttachment', 'attachment', [
    ['ticketid', m],
    ['ticketpostid', postId],
    ['filename', 'a.txt'],
    ['contents', 'aGk=']
  ])
  // ListAll(<mask>, id) reads `ticketid = 0`, which is where the row went.
  assert.equal(
    answer.map((a) => [text(a, 'ticketid'), text(a, 'ticketpostid'), text(a, 'filename')]),
    [['0', postId, 'a.txt']]
  )
  assert.equal(await items('/Tickets/TicketAttachment/ListAll/2', 'attachment'), [])
  const byId = await get(`/Tickets/TicketAttachment/2/${text(answer[0]!, 'id')}`)
  assert.equal([byId.status, byId.body], [400, 'Attachment does not belong to the specified ticket'])
  // The post's flag is still set (`:327`): it prints an empty <attachments> block.
  const flagged = (await items(`/Tickets/TicketPost/2/${postId}`, 'post'))[0]!
  assert.equal([text(flagged, 'hasattachments'), children(children(flagged, 'attachments')[0]!, 'attachment').length], ['1', 0])
})

test('H1 TicketCustomField by display id shows no linked groups or values; a POST still writes them (T/api/class.Controller_TicketCustomField.php:140,153,337-344)', async () => {
  const m = mask(1)
  assert.ok((await items('/Tickets/TicketCustomField/1', 'group')).length > 0)
  assert.equal(await items(`/Tickets/TicketCustomField/${m}`, 'group'), [], 'ticket 1 came by the support center: only linked groups show')
  const orderField = sb.store.customFields.where((f) => f.title === 'Order number')[0]!
  assert.equal(await items(`/Tickets/TicketCustomField/${m}`, 'group', [[orderField.fieldname, 'SO-1']]), [])
  const values = (await items('/Tickets/TicketCustomField/1', 'group')).flatMap((g) => children(g, 'field'))
  assert.is(ownText(values.find((f) => f.attributes.title === 'Order number')!), 'SO-1')
})

test('display-id-children: the opt-in tolerance resolves display ids on child calls again', async () => {
  fresh({ lenient: ['display-id-children'] })
  const m = mask(1)
  assert.equal((await items(`/Tickets/TicketPost/ListAll/${m}`, 'post')).length, (await items('/Tickets/TicketPost/ListAll/1', 'post')).length)
  const note = (await items('/Tickets/TicketNote/ListAll/1', 'note'))[0]!
  assert.is((await get(`/Tickets/TicketNote/${m}/${note.attributes.id}`)).status, 200)
  assert.equal((await staffPost(m, 'By mask')).length, 1)
  const postId = text((await items('/Tickets/TicketPost/ListAll/1', 'post'))[0]!, 'id')
  const attachment = await items('/Tickets/TicketAttachment', 'attachment', [
    ['ticketid', m],
    ['ticketpostid', postId],
    ['filename', 'a.txt'],
    ['contents', 'aGk=']
  ])
  assert.is(text(attachment[0]!, 'ticketid'), '1')
})

test('L33 too few path segments: PHP throws ArgumentCountError, uncaught: status 200 and the exception text (__swift/library/MVC/class.SWIFT_Controller.php:385; T/api/class.Controller_TicketPost.php:96,218,408)', async () => {
  const cases: ReadonlyArray<readonly [Promise<{ status: number; body: string }>, string]> = [
    [
      get('/Tickets/TicketPost/ListAll'),
      'Controller_TicketPost::ListAll(), 0 passed and at least 1 expected in /__apps/tickets/api/class.Controller_TicketPost.php:96'
    ],
    [get('/Tickets/TicketPost/1'), 'Controller_TicketPost::Get(), 1 passed and exactly 2 expected in /__apps/tickets/api/class.Controller_TicketPost.php:218'],
    [
      del('/Tickets/TicketNote/1'),
      'Controller_TicketNote::Delete(), 1 passed and exactly 2 expected in /__apps/tickets/api/class.Controller_TicketNote.php:295'
    ],
    [
      get('/Tickets/TicketTimeTrack/1'),
      'Controller_TicketTimeTrack::Get(), 1 passed and exactly 2 expected in /__apps/tickets/api/class.Controller_TicketTimeTrack.php:141'
    ],
    [
      get('/Tickets/TicketAttachment/ListAll'),
      'Controller_TicketAttachment::ListAll(), 0 passed and at least 1 expected in /__apps/tickets/api/class.Controller_TicketAttachment.php:98'
    ],
    [
      post('/Tickets/TicketCustomField', []),
      'Controller_TicketCustomField::Post(), 0 passed and exactly 1 expected in /__apps/tickets/api/class.Controller_TicketCustomField.php:312'
    ]
  ]
  for (const [answer, message] of cases) {
    const res = await answer
    assert.is(res.status, 200, message)
    assert.match(res.body, /^Uncaught Exception\n/)
    assert.ok(res.body.includes(`Too few arguments to function Tickets\\Api\\${message}`), res.body)
  }
})

// ---------------------------------------------------------------------------------------------------------------
// TicketPost

test('H3 a user reply sets the status t_cstatusupd, default 1 Open (T/models/Ticket/class.SWIFT_TicketPost.php:513-526,582)', async () => {
  assert.is(sb.store.tickets.get(4)!.statusid, 3, 'seed: ticket 4 is Closed')
  await items('/Tickets/TicketPost', 'post', [
    ['ticketid', '4'],
    ['contents', 'Still broken'],
    ['userid', '4']
  ])
  assert.is(sb.store.tickets.get(4)!.statusid, 1)
  await staffPost('1', 'Staff replies do not change it')
  assert.is(sb.store.tickets.get(1)!.statusid, 2)
  fresh({ settings: { statusOnUserReply: 0 } })
  await items('/Tickets/TicketPost', 'post', [
    ['ticketid', '4'],
    ['contents', 'Still broken'],
    ['userid', '4']
  ])
  assert.is(sb.store.tickets.get(4)!.statusid, 3, 't_cstatusupd = 0 leaves the status')
  fresh({ settings: { statusOnUserReply: 4 } })
  await items('/Tickets/TicketPost', 'post', [
    ['ticketid', '4'],
    ['contents', 'Still broken'],
    ['userid', '4']
  ])
  assert.is(sb.store.tickets.get(4)!.statusid, 4)
  // A resolved status stamps the resolution and clears the due times (SWIFT_TicketSettersTrait.php:573-600).
  fresh({ settings: { statusOnUserReply: 3 }, now: () => SEED_TIME + 60 })
  const before = sb.store.tickets.get(2)!
  before.nextreplydue = SEED_TIME + 3600
  await items('/Tickets/TicketPost', 'post', [
    ['ticketid', '2'],
    ['contents', 'Thanks, solved'],
    ['userid', '2']
  ])
  const after = sb.store.tickets.get(2)!
  assert.equal([after.statusid, after.resolutiondateline, after.nextreplydue, after.resolutiondue], [3, SEED_TIME + 60, 0, 0])
})

test('H4 a staff reply stores contents . "\\n" . GetSignature(false): "\\n" + the signature without tags, or nothing (T/models/Ticket/class.SWIFT_TicketPost.php:319-325; SWIFT_TicketGettersTrait.php:812-869)', async () => {
  assert.equal(
    (await staffPost('2', 'Hello')).map((p) => text(p, 'contents')),
    ['Hello\n\n-- Bob']
  )
  sb.store.staff.get(2)!.signature = '<b>Bob</b>\r\nSupport'
  assert.equal(
    (await staffPost('2', 'Hello')).map((p) => text(p, 'contents')),
    ['Hello\n\nBob\nSupport']
  )
  sb.store.staff.get(2)!.signature = ''
  assert.equal(
    (await staffPost('2', 'Hello')).map((p) => text(p, 'contents')),
    ['Hello\n']
  )
  assert.equal(
    (await userPost('2', 'Hello')).map((p) => text(p, 'contents')),
    ['Hello'],
    'user replies are stored as sent'
  )
})

test('L6 ishtml follows the editor settings: t_editor_format text marks every post HTML; html adds <br />; the rich-text editor keeps the detection (class.SWIFT_TicketPost.php:126-146; the staff call passes $_isHTML = false, T/api/class.Controller_TicketPost.php:376-377)', async () => {
  assert.equal(
    [...(await staffPost('2', 'a\nb')), ...(await userPost('2', 'plain'))].map((p) => text(p, 'ishtml')),
    ['1', '1']
  )
  fresh({ settings: { editorFormat: 'html' } })
  assert.equal(
    (await userPost('2', 'a\nb')).map((p) => [text(p, 'contents'), text(p, 'ishtml')]),
    [['a<br />\nb', '1']]
  )
  assert.equal(
    (await userPost('2', '<p>a<br>b</p>')).map((p) => [text(p, 'contents'), text(p, 'ishtml')]),
    [['<p>a<br>b</p>', '1']]
  )
  fresh({ settings: { richTextEditor: true } })
  assert.equal(
    (await userPost('2', '<p>html</p>')).map((p) => text(p, 'ishtml')),
    ['1']
  )
  assert.equal(
    (await userPost('2', 'x < y')).map((p) => text(p, 'ishtml')),
    ['0']
  )
  assert.equal(
    (await staffPost('2', '<p>html</p>')).map((p) => text(p, 'ishtml')),
    ['0']
  )
})

test('H5 inline attachments are stored but the post keeps hasattachments=0 and embeds none until a TicketAttachment POST sets the flag (class.SWIFT_TicketPost.php:363-371; T/api/class.Controller_TicketPost.php:171; TicketAttachment.php:327)', async () => {
  const [created] = await userPost('2', 'see files', [
    ['filename0', 'a.txt'],
    ['filecontent0', 'aGVsbG8='],
    ['filename', 'b.txt'],
    ['filecontent', 'd29ybGQ=']
  ])
  const id = text(created!, 'id')
  assert.equal([text(created!, 'hasattachments'), children(created!, 'attachments')], ['0', []])
  const listed = (await items('/Tickets/TicketAttachment/ListAll/2', 'attachment')).filter((a) => text(a, 'ticketpostid') === id)
  assert.equal(
    listed.map((a) => [text(a, 'filename'), text(a, 'filetype')]),
    [
      ['a.txt', 'text/plain'],
      ['b.txt', 'text/plain']
    ]
  )
  const ticket = children(root(await get('/Tickets/Ticket/2')), 'ticket')[0]!
  assert.is(
    text(
      children(children(ticket, 'posts')[0]!, 'post').find((p) => text(p, 'id') === id)!,
      'hasattachments'
    ),
    '0'
  )
  await items('/Tickets/TicketAttachment', 'attachment', [
    ['ticketid', '2'],
    ['ticketpostid', id],
    ['filename', 'c.txt'],
    ['contents', 'IQ==']
  ])
  const flagged = (await items(`/Tickets/TicketPost/2/${id}`, 'post'))[0]!
  assert.is(text(flagged, 'hasattachments'), '1')
  assert.equal(
    children(children(flagged, 'attachments')[0]!, 'attachment').map((a) => text(a, 'filename')),
    ['a.txt', 'b.txt', 'c.txt']
  )
})

test("L18 deleting a post's last attachment leaves its flag set: an empty <attachments> block (T/api/class.Controller_TicketAttachment.php:374-376)", async () => {
  const postId = text((await items('/Tickets/TicketPost/ListAll/2', 'post'))[0]!, 'id')
  const [a] = await items('/Tickets/TicketAttachment', 'attachment', [
    ['ticketid', '2'],
    ['ticketpostid', postId],
    ['filename', 'c.txt'],
    ['contents', 'IQ==']
  ])
  assert.is((await del(`/Tickets/TicketAttachment/2/${text(a!, 'id')}`)).status, 200)
  const p = (await items(`/Tickets/TicketPost/2/${postId}`, 'post'))[0]!
  assert.equal([text(p, 'hasattachments'), children(children(p, 'attachments')[0]!, 'attachment')], ['1', []])
})

test('L15 Unicode "other" characters are dropped when TicketPost prints, not when storing; Ticket Get prints them (T/api/class.Controller_TicketPost.php:135)', async () => {
  const [p] = await userPost('2', 'zero\u200bwidth\u0007bell\ttab')
  assert.is(text(p!, 'contents'), 'zerowidthbell\ttab')
  const stored = sb.store.posts.get(Number(text(p!, 'id')))!
  assert.is(stored.contents, 'zero\u200bwidth\u0007bell\ttab')
  const ticket = children(root(await get('/Tickets/Ticket/2')), 'ticket')[0]!
  // (The XML writer strips ASCII control characters, as SWIFT_XML does; U+200B survives.)
  assert.is(
    text(
      children(children(ticket, 'posts')[0]!, 'post').find((x) => text(x, 'id') === stored.id.toString())!,
      'contents'
    ),
    'zero\u200bwidthbell\ttab'
  )
})

test('L16 ListAll/<ticket>/<id> filters to one row: !empty($id) and (int)$id (T/api/class.Controller_TicketPost.php:111-113; TicketNote.php:104-106; TicketTimeTrack.php:103-105; TicketAttachment.php:113-115)', async () => {
  const posts = await items('/Tickets/TicketPost/ListAll/1', 'post')
  assert.ok(posts.length > 1)
  const second = text(posts[1]!, 'id')
  assert.equal(
    (await items(`/Tickets/TicketPost/ListAll/1/${second}`, 'post')).map((p) => text(p, 'id')),
    [second]
  )
  assert.is((await items('/Tickets/TicketPost/ListAll/1/0', 'post')).length, posts.length, '0 is empty(): no filter')
  assert.equal(await items('/Tickets/TicketPost/ListAll/1/abc', 'post'), [], '(int)"abc" = 0: no row')
  const attachments = await items('/Tickets/TicketAttachment/ListAll/1', 'attachment')
  assert.equal((await items(`/Tickets/TicketAttachment/ListAll/1/${text(attachments[1]!, 'id')}`, 'attachment')).length, 1)
  const note = (await items('/Tickets/TicketNote/ListAll/1', 'note'))[0]!
  assert.equal(await items(`/Tickets/TicketNote/ListAll/1/${Number(note.attributes.id) + 100}`, 'note'), [])
})

test('t_postorder desc lists posts newest first (T/api/class.Controller_TicketPost.php:115-122)', async () => {
  const asc = (await items('/Tickets/TicketPost/ListAll/1', 'post')).map((p) => text(p, 'id'))
  fresh({ settings: { postOrder: 'desc' } })
  assert.equal(
    (await items('/Tickets/TicketPost/ListAll/1', 'post')).map((p) => text(p, 'id')),
    [...asc].reverse()
  )
})

test('L17 totalreplies: every reply that is not private (PHP truthiness of isprivate), never lowered by a delete (class.SWIFT_TicketPost.php:910-913)', async () => {
  const replies = async () => text(children(root(await get('/Tickets/Ticket/2')), 'ticket')[0]!, 'replies')
  assert.is(await replies(), '0')
  const [p] = await staffPost('2', 'public')
  assert.is(await replies(), '1')
  const [hidden] = await staffPost('2', 'private', [['isprivate', 'yes']])
  // (int)'yes' is stored (0), but 'yes' is truthy: not counted.
  assert.equal([await replies(), text(hidden!, 'isprivate')], ['1', '0'])
  assert.is((await del(`/Tickets/TicketPost/2/${text(p!, 'id')}`)).status, 200)
  assert.is(await replies(), '1')
})

test("SmartReply replaces the user placeholders of the ticket's user in every post (class.SWIFT_TicketPost.php:1564-1624)", async () => {
  const [p] = await staffPost('2', 'Dear {{forename}} ({{fullname}}, %7B%7Bsurname%7D%7D) of {{organization}}')
  assert.is(text(p!, 'contents'), 'Dear Jane (Jane Smith, Smith) of Globex\n\n-- Bob')
})

test('post e-mails are stored lower-cased (class.SWIFT_TicketPost.php:869)', async () => {
  sb.store.staff.get(2)!.email = 'Bob.Agent@Example.COM'
  assert.equal(
    (await staffPost('2', 'x')).map((p) => text(p, 'email')),
    ['bob.agent@example.com']
  )
})

test('L37 an inline file whose extension is not in SWIFT_MIMEList makes the POST fail with an uncaught exception (200, not XML) and creates nothing (T/api/class.Controller_TicketPost.php:321-323; __swift/library/MIME/class.SWIFT_MIMEList.php:71-72)', async () => {
  const before = sb.store.posts.all().length
  for (const name of ['data.csv', 'README', 'notes.md']) {
    const res = await post('/Tickets/TicketPost', [
      ['ticketid', '2'],
      ['contents', 'x'],
      ['userid', '1'],
      ['filename', name],
      ['filecontent', 'aGk=']
    ])
    assert.is(res.status, 200, name)
    assert.match(res.body, /^Uncaught Exception\n.*\nInvalid data provided in .*class\.SWIFT_MIMEList\.php:72/, name)
  }
  assert.is(sb.store.posts.all().length, before)
  // Known extensions take the list's type, upper case included: .bin is text/binary, .LOG text/log.
  await userPost('2', 'x', [
    ['filename0', 'a.BIN'],
    ['filecontent0', 'aGk='],
    ['filename1', 'b.log'],
    ['filecontent1', 'aGk=']
  ])
  assert.equal(
    (await items('/Tickets/TicketAttachment/ListAll/2', 'attachment')).map((a) => text(a, 'filetype')),
    ['text/binary', 'text/log']
  )
})

test('L37 TicketAttachment POST catches an unknown extension: application/octet-stream (T/api/class.Controller_TicketAttachment.php:299-309)', async () => {
  const postId = text((await items('/Tickets/TicketPost/ListAll/2', 'post'))[0]!, 'id')
  const types = []
  for (const name of ['a.csv', 'b.json', 'c.PDF', 'd.mp4']) {
    const [a] = await items('/Tickets/TicketAttachment', 'attachment', [
      ['ticketid', '2'],
      ['ticketpostid', postId],
      ['filename', name],
      ['contents', 'aGk=']
    ])
    types.push(text(a!, 'filetype'))
  }
  assert.equal(types, ['application/octet-stream', 'application/octet-stream', 'application/pdf', 'audio/x-mpeg'])
})

// ---------------------------------------------------------------------------------------------------------------
// TicketNote, TicketTimeTrack

test('L19 notecolor outside 1-5 becomes 1 (T/models/Note/class.SWIFT_TicketNoteManager.php:194-202; T/models/TimeTrack/class.SWIFT_TicketTimeTrack.php:100)', async () => {
  const colour = async (value: string) =>
    (
      await items('/Tickets/TicketNote', 'note', [
        ['ticketid', '2'],
        ['contents', 'x'],
        ['staffid', '1'],
        ['notecolor', value]
      ])
    )[0]!.attributes.notecolor
  assert.equal([await colour('3'), await colour('9'), await colour('-2'), await colour('abc'), await colour('0')], ['3', '1', '1', '1', '1'])
  const track = await items('/Tickets/TicketTimeTrack', 'timetrack', [
    ['ticketid', '2'],
    ['contents', 'x'],
    ['staffid', '1'],
    ['worktimeline', '1'],
    ['billtimeline', '1'],
    ['timespent', '1'],
    ['timebillable', '1'],
    ['notecolor', '7']
  ])
  assert.is(track[0]!.attributes.notecolor, '1')
})

test('L20 a note\'s fullname of "0" is empty(); the staff id must be a staff cache key as sent (T/api/class.Controller_TicketNote.php:212-216,227-231)', async () => {
  const refused = await post('/Tickets/TicketNote', [
    ['ticketid', '2'],
    ['contents', 'x'],
    ['fullname', '0']
  ])
  assert.equal([refused.status, refused.body], [400, 'No fullname or staff id specified'])
  const padded = await post('/Tickets/TicketNote', [
    ['ticketid', '2'],
    ['contents', 'x'],
    ['staffid', '01']
  ])
  assert.equal([padded.status, padded.body], [400, 'No fullname or staff id specified'])
  const named = await items('/Tickets/TicketNote', 'note', [
    ['ticketid', '2'],
    ['contents', 'x'],
    ['staffid', '01'],
    ['fullname', ' Ann ']
  ])
  assert.equal([named[0]!.attributes.creatorstaffid, named[0]!.attributes.creatorstaffname], ['0', ' Ann '])
  const track = await post('/Tickets/TicketTimeTrack', [
    ['ticketid', '2'],
    ['contents', 'x'],
    ['staffid', ' 1']
  ])
  assert.equal([track.status, track.body], [400, 'No staff id specified'])
})

// ---------------------------------------------------------------------------------------------------------------
// TicketCustomField

const field = (title: string) => sb.store.customFields.where((f) => f.title === title)[0]!
const shown = async (ticket: number) =>
  Object.fromEntries((await items(`/Tickets/TicketCustomField/${ticket}`, 'group')).flatMap((g) => children(g, 'field')).map((f) => [f.attributes.title, f]))

test('H16 a checkbox or multi-select sent as one scalar is stored unserialized and printed as the raw option id (T/api/class.Controller_TicketCustomField.php:179-185)', async () => {
  const platforms = field('Affected platforms')
  const modules = field('Modules')
  const macOS = sb.store.customFieldOptions.where((o) => o.customfieldid === platforms.id && o.optionvalue === 'macOS')[0]!
  const reports = sb.store.customFieldOptions.where((o) => o.customfieldid === modules.id && o.optionvalue === 'Reports')[0]!
  await items('/Tickets/TicketCustomField/1', 'group', [
    [platforms.fieldname, String(macOS.id)],
    [`${modules.fieldname}[0]`, String(reports.id)]
  ])
  const after = await shown(1)
  assert.equal([ownText(after['Affected platforms']), ownText(after.Modules)], [String(macOS.id), 'Reports'])
  fresh({ lenient: ['custom-field-scalar-list'] })
  await items('/Tickets/TicketCustomField/1', 'group', [[platforms.fieldname, String(macOS.id)]])
  assert.is(ownText((await shown(1))['Affected platforms']), 'macOS', 'the opt-in tolerance reads it as a list')
})

test('H17 a file part alone is uploaded but not linked: the field is lost; with a same-named text part it is kept (B/library/CustomField/class.SWIFT_CustomFieldManager.php:624-637,649-663)', async () => {
  const screenshot = field('Screenshot')
  const upload = async (withText: boolean) => {
    const boundary = 'b0undary'
    const parts = [...(withText ? [[screenshot.fieldname, '']] : []), ['apikey', sb.apiKey], ['salt', 'salt1'], ['signature', await sig('salt1')]]
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('')
    const body = `${parts}--${boundary}\r\nContent-Disposition: form-data; name="${screenshot.fieldname}"; filename="new.txt"\r\nContent-Type: text/plain\r\n\r\nnew file\r\n--${boundary}--\r\n`
    const res = await sb.handle({
      method: 'POST',
      url: 'http://sandbox.test/api/index.php?e=/Tickets/TicketCustomField/1',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body
    })
    assert.is(res.status, 200, res.body)
    return (await shown(1)).Screenshot!
  }
  assert.is((await shown(1)).Screenshot!.attributes.filename, 'settings.txt', 'seed')
  const alone = await upload(false)
  assert.equal([alone.attributes.filename, ownText(alone)], [undefined, ''])
  const withText = await upload(true)
  assert.equal([withText.attributes.filename, Buffer.from(ownText(withText), 'base64').toString()], ['new.txt', 'new file'])
  fresh({ lenient: ['custom-field-file-alone'] })
  assert.is((await upload(false)).attributes.filename, 'new.txt', 'the opt-in tolerance keeps a file sent alone')
})

test('L21/L22 a POST links every group of the department and writes fields the user may not edit (class.SWIFT_CustomFieldManager.php:566-581); GET walks groups bucketed by type (T/api/class.Controller_TicketCustomField.php:237-248)', async () => {
  const first = sb.store.customFieldGroups.all()[0]!
  const extra = sb.store.customFieldGroups.insert({ title: 'Staff only', grouptype: 3, displayorder: 0, departmentids: [] })
  const hidden = sb.store.customFields.insert({
    ...field('Order number'),
    customfieldgroupid: extra.id,
    title: 'Hidden',
    fieldname: 'hidden1',
    usereditable: false,
    isrequired: true
  })
  assert.equal(
    (await items('/Tickets/TicketCustomField/2', 'group')).map((g) => g.attributes.title),
    [],
    'ticket 2 came by the support center: nothing linked yet'
  )
  const groups = await items('/Tickets/TicketCustomField/2', 'group', [
    [field('Order number').fieldname, 'SO-2'],
    [hidden.fieldname, 'written']
  ])
  // Type 3 ("Staff only", display order 0) comes first, then type 9.
  assert.equal(
    groups.map((g) => g.attributes.title),
    [extra.title, first.title]
  )
  assert.is(ownText(children(groups[0]!, 'field')[0]!), 'written', 'not user-editable, not checked (required), but written')
})

test('L23 a failing option is listed once per value, so a field name can repeat (class.SWIFT_CustomFieldManager.php:278-306)', async () => {
  const modules = field('Modules')
  modules.regexpvalidate = '/^Rep/'
  const ids = sb.store.customFieldOptions.where((o) => o.customfieldid === modules.id && o.optionvalue !== 'Reports').map((o) => String(o.id))
  assert.ok(ids.length >= 2)
  const res = await post(
    '/Tickets/TicketCustomField/1',
    ids.slice(0, 2).map((id, n) => [`${modules.fieldname}[${n}]`, id] as const)
  )
  assert.equal([res.status, res.body], [400, `Custom Field Data is Invalid: ${modules.fieldname}, ${modules.fieldname}`])
})

const sig = async (salt: string) => {
  const { signature } = await import('../../src/classic/internal/sign')
  return signature(sb.secretKey, salt)
}

test.run()
