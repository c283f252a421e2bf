// Behaviour of the ticket controllers, driven with raw signed requests through createSandbox().handle.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox, type Sandbox } from '../../src/sandbox/handler'
import { SEED_TIME } from '../../src/sandbox/classic/seed'
import { call, children, ownText, root, text } from '../support/sandbox'

let sb: Sandbox
let clock = SEED_TIME
test.before.each(() => {
  clock = SEED_TIME
  sb = createSandbox({ now: () => clock })
})

const tickets = async (route: string) => children(root(await call(sb.handle, 'GET', route)), 'ticket')
const ids = async (route: string) => (await tickets(route)).map((t) => Number(t.attributes.id))

const newTicket = async (extra: Array<[string, string]> = []) => {
  const res = await call(sb.handle, 'POST', '/Tickets/Ticket', [
    ['subject', 'Cannot log in'],
    ['fullname', 'Whoever'],
    ['email', 'jane.smith@globex.example'],
    ['contents', 'The login page loops.'],
    ['departmentid', '1'],
    ['ticketstatusid', '1'],
    ['ticketpriorityid', '2'],
    ['tickettypeid', '1'],
    ['userid', '2'],
    ...extra
  ])
  assert.is(res.status, 200, res.body)
  return children(root(res), 'ticket')[0]!
}

test('Ticket POST: display id, first post, the user name replaces fullname, creation mode API', async () => {
  // With `t_eticketid=random` the display id is the mask (SWIFT_TicketGettersTrait.php:323-330); the default is in
  // fidelity.tickets.test.ts.
  sb = createSandbox({ now: () => clock, settings: { ticketIdType: 'random' } })
  const t = await newTicket()
  assert.match(text(t, 'displayid'), /^[A-Z]{3}-\d{3}-\d{5}$/)
  assert.equal(
    [text(t, 'fullname'), text(t, 'replies'), text(t, 'creationmode'), text(t, 'creator'), text(t, 'userorganization')],
    ['Jane Smith', '0', '4', '2', 'Globex']
  )
  const posts = children(children(t, 'posts')[0]!, 'post')
  assert.equal(
    posts.map((p) => text(p, 'contents')),
    ['The login page loops.']
  )
  const byMask = await tickets(`/Tickets/Ticket/${text(t, 'displayid')}`)
  assert.is(byMask[0]?.attributes.id, t.attributes.id)
})

test("Ticket POST: the 400 texts in the server's order; autouserid registers the sender; staff tickets", async () => {
  const base: Array<[string, string]> = [
    ['subject', 's'],
    ['fullname', 'f'],
    ['email', 'e@x.io'],
    ['contents', 'c'],
    ['departmentid', '1'],
    ['ticketstatusid', '1'],
    ['ticketpriorityid', '1'],
    ['tickettypeid', '1']
  ]
  const without = (name: string, extra: Array<[string, string]> = []) =>
    call(sb.handle, 'POST', '/Tickets/Ticket', [...base.filter(([k]) => k !== name), ...extra])
  const missing = await call(sb.handle, 'POST', '/Tickets/Ticket', [['subject', 'x']])
  assert.equal([missing.status, missing.body], [400, 'Fullname is empty'])
  assert.is((await without('tickettypeid')).body, 'Ticket Type ID is empty')
  assert.is((await without('none')).body, 'Staff ID, User ID and Auto User ID values are empty or not provided')
  const invalid = (name: string, value: string) =>
    call(sb.handle, 'POST', '/Tickets/Ticket', [...base.map(([k, v]) => [k, k === name ? value : v] as [string, string]), ['userid', '1']])
  assert.is((await invalid('departmentid', '4')).body, 'Department App is not Tickets')
  assert.is((await invalid('ticketstatusid', '99')).body, 'Ticket Status ID is Invalid')
  assert.is((await invalid('tickettypeid', '99')).body, 'Ticket Type ID is Invalid')
  assert.is(
    (
      await without('none', [
        ['userid', '1'],
        ['staffid', '99']
      ])
    ).body,
    'Staff ID is Invalid'
  )
  assert.is((await without('none', [['userid', '1']])).body, 'User Email is Invalid')
  // An unknown user id is not an error: the ticket keeps the id and the name sent (as the server does).
  const orphan = children(root(await without('none', [['userid', '77']])), 'ticket')[0]!
  assert.equal([text(orphan, 'userid'), text(orphan, 'fullname')], ['77', 'f'])

  const users = sb.store.users.rows.size
  const auto = await newTicket([
    ['userid', ''],
    ['autouserid', '1'],
    ['email', 'new.person@example.org'],
    ['fullname', 'New Person']
  ])
  assert.is(sb.store.users.rows.size, users + 1)
  assert.is(text(auto, 'fullname'), 'New Person')

  // From staff: written by the staff member and sent to the address (the user is found or registered).
  const fromStaff = children(
    root(
      await without('none', [
        ['staffid', '3'],
        ['email', 'jane.smith@globex.example']
      ])
    ),
    'ticket'
  )[0]!
  const firstPost = children(children(fromStaff, 'posts')[0]!, 'post')[0]!
  assert.equal(
    [text(fromStaff, 'fullname'), text(fromStaff, 'email'), text(fromStaff, 'userid'), text(fromStaff, 'creator')],
    ['Carol Support', 'carol@helpdesk.example', '2', '1']
  )
  assert.equal([text(firstPost, 'emailto'), text(firstPost, 'staffid')], ['jane.smith@globex.example', '3'])
})

test('GetList of the ticket-item controllers names ListAll; notes may be empty; Base64 is read as PHP does', async () => {
  for (const name of ['TicketPost', 'TicketNote', 'TicketTimeTrack', 'TicketAttachment']) {
    const res = await call(sb.handle, 'GET', `/Tickets/${name}`)
    assert.equal([res.status, res.body], [400, `Not Implemented, Call /Tickets/${name}/ListAll instead.`])
  }
  const empty = children(
    root(
      await call(sb.handle, 'POST', '/Tickets/TicketNote', [
        ['ticketid', '1'],
        ['fullname', 'Robot'],
        ['contents', '']
      ])
    ),
    'note'
  )[0]!
  assert.equal([empty.attributes.creatorstaffname, ownText(empty)], ['Robot', ''])
  const noContents = await call(sb.handle, 'POST', '/Tickets/TicketNote', [
    ['ticketid', '1'],
    ['fullname', 'Robot']
  ])
  assert.equal([noContents.status, noContents.body], [400, 'No contents specified'])
  // base64_decode without strict mode skips what is not Base64 (spaces, line breaks, stray characters).
  const sloppy = children(
    root(
      await call(sb.handle, 'POST', '/Tickets/TicketAttachment', [
        ['ticketid', '1'],
        ['ticketpostid', '1'],
        ['filename', 'a.txt'],
        ['contents', 'aGVs bG8\n*!']
      ])
    ),
    'attachment'
  )[0]!
  const back = children(root(await call(sb.handle, 'GET', `/Tickets/TicketAttachment/1/${text(sloppy, 'id')}`)), 'attachment')[0]!
  assert.is(Buffer.from(text(back, 'contents'), 'base64').toString(), 'hello')
})

test('ListAll reads its segments as the server does: owners and users unchecked, a non-number is 0', async () => {
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/99'), [], 'an unknown owner matches nothing')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/x'), [2, 6], 'a non-number is 0: unassigned')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,x,3/1'), [2, 3, 5], 'comma lists keep their numbers')
  assert.equal(await ids('/Tickets/Ticket/ListAll/abc'), [], 'a non-number department is 0: none')
})

test('TicketPost POST updates replies, lastactivity and lastreplier; staff posts can be private', async () => {
  const t = await newTicket()
  clock += 600
  const res = await call(sb.handle, 'POST', '/Tickets/TicketPost', [
    ['ticketid', t.attributes.id as string],
    ['contents', 'Try clearing cookies.'],
    ['staffid', '2'],
    ['isprivate', '1']
  ])
  const post = children(root(res), 'post')[0]!
  assert.equal([text(post, 'fullname'), text(post, 'creator'), text(post, 'isprivate'), text(post, 'staffid')], ['Bob Agent', '1', '1', '2'])
  const after = (await tickets(`/Tickets/Ticket/${t.attributes.id}`))[0]!
  // A private post is not counted in `totalreplies` (T/models/Ticket/class.SWIFT_TicketPost.php:910-913).
  assert.equal(
    [text(after, 'replies'), text(after, 'lastactivity'), text(after, 'lastreplier'), text(after, 'laststaffreply')],
    ['0', String(clock), 'Bob Agent', String(clock)]
  )
  const none = await call(sb.handle, 'POST', '/Tickets/TicketPost', [
    ['ticketid', t.attributes.id as string],
    ['contents', 'x']
  ])
  assert.equal([none.status, none.body], [400, 'Staff ID and User ID is empty'])
  const wrong = await call(sb.handle, 'GET', `/Tickets/TicketPost/2/1`)
  assert.equal([wrong.status, wrong.body], [400, 'Post does not belong to the specified ticket'])
  const gone = await call(sb.handle, 'GET', `/Tickets/TicketPost/1/999`)
  assert.equal([gone.status, gone.body], [404, 'Ticket Post not Found'])
})

test('ListAll: unresolved only by default, explicit statuses, -1 and comma lists, count/start, sort fields', async () => {
  // Seed departments: 1 General, 2 Billing, 3 Technical, 4 Live Chat, 5 Enterprise. Tickets: 1 General/In Progress,
  // 2 Billing/Open, 3 Technical/Open, 4 General/Closed (resolved), 5 Billing/Open, 6 Enterprise/Open.
  assert.equal(await ids('/Tickets/Ticket/ListAll/1'), [1])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1/-1/-1/-1'), [1])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1/3'), [4])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/1,2,3'), [1, 2, 3, 4, 5, 6])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3/1,2,3'), [1, 2, 3, 4, 5])
  assert.equal(await ids('/Tickets/Ticket/ListAll/-1'), [], '-1 is not "every department"')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3/-1/0'), [2], 'owner 0 = unassigned')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/1'), [1, 5], 'by user')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/2/1'), [2, 3], 'count 2 from offset 1')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/-1/-1/lastactivity/DESC'), [6, 5, 3, 2, 1])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/-1/-1/PRIORITYTITLE/ASC'), [1, 3, 2, 5, 6])
  const listed = (await tickets('/Tickets/Ticket/ListAll/1'))[0]!
  assert.equal(children(listed, 'posts'), [], 'ListAll has no posts')
  const count = root(await call(sb.handle, 'GET', '/Tickets/Ticket/GetTicketCount/1,2,3,5'))
  assert.is(text(count, 'totalcount'), '5')
})

test('TicketSearch: flagged fields only, union, ticket id and display id, posts included', async () => {
  const search = async (fields: Array<[string, string]>) =>
    children(root(await call(sb.handle, 'POST', '/Tickets/TicketSearch', fields)), 'ticket').map((t) => Number(t.attributes.id))
  assert.equal(
    await search([
      ['query', 'blank pages'],
      ['contents', '1']
    ]),
    [1]
  )
  // QuickSearch takes in ticket notes (SWIFT_TicketSearchManager.php:737-749).
  assert.equal(
    await search([
      ['query', 'spare part'],
      ['contents', '1']
    ]),
    [1],
    'contents search notes too'
  )
  assert.equal(
    await search([
      ['query', 'spare part'],
      ['notes', '1']
    ]),
    [1]
  )
  assert.equal(
    await search([
      ['query', 'Globex'],
      ['userorganization', '1']
    ]),
    [2]
  )
  assert.equal(
    await search([
      ['query', 'priya@acme.example'],
      ['email', '1']
    ]),
    [3, 6]
  )
  assert.equal(
    await search([
      ['query', sb.store.tickets.get(4)!.maskid],
      ['ticketid', '1']
    ]),
    [4]
  )
  assert.equal(
    await search([
      ['query', 'reporting crashes'],
      ['contents', '1']
    ]),
    [3],
    'every word, any order'
  )
  // phrase=1 ANDs the words over subject/name/address (BuildSQLSearch, functions.php:1339-1343): the subject matches.
  assert.equal(
    await search([
      ['query', 'reporting crashes'],
      ['contents', '1'],
      ['phrase', '1']
    ]),
    [3],
    'every word in the subject'
  )
  assert.equal(
    await search([
      ['query', 'crashes the reporting'],
      ['contents', '1'],
      ['phrase', '1']
    ]),
    [3]
  )
  const withPosts = children(
    root(
      await call(sb.handle, 'POST', '/Tickets/TicketSearch', [
        ['query', 'invoice'],
        ['contents', '1']
      ])
    ),
    'ticket'
  )[0]!
  assert.is(children(children(withPosts, 'posts')[0]!, 'post').length, 1)
  const viaGet = await call(sb.handle, 'GET', '/Tickets/TicketSearch')
  assert.equal([viaGet.status, viaGet.body], [400, 'Not Implemented, Call POST /Tickets/TicketSearch instead.'])
})

test('TicketCount is computed from the tickets', async () => {
  const doc = root(await call(sb.handle, 'GET', '/Tickets/TicketCount'))
  const departments = children(children(doc, 'departments')[0]!, 'department')
  assert.equal(
    departments.map((d) => [d.attributes.id, text(d, 'totalitems'), text(d, 'totalunresolveditems')]),
    [
      ['1', '2', '1'],
      ['2', '2', '2'],
      ['3', '1', '1'],
      ['5', '1', '1']
    ]
  )
  const statuses = children(children(doc, 'statuses')[0]!, 'ticketstatus').map((s) => [s.attributes.id, s.attributes.totalitems])
  // In the order of the cache's GROUP BY department, status, owner, type (class.SWIFT_TicketManager.php:125-126).
  assert.equal(statuses, [
    ['2', '1'],
    ['3', '1'],
    ['1', '4']
  ])
  const unassigned = children(children(doc, 'unassigned')[0]!, 'department').map((d) => [d.attributes.id, d.attributes.totalitems])
  assert.equal(unassigned, [
    ['2', '1'],
    ['5', '1']
  ])
  await newTicket()
  const again = root(await call(sb.handle, 'GET', '/Tickets/TicketCount'))
  assert.is(text(children(children(again, 'departments')[0]!, 'department')[0]!, 'totalitems'), '3')
})

test('attachments: Base64 with line breaks in (Ruby), the same bytes out; ListAll without contents; flagged posts embed them', async () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256)
  const wrapped = Buffer.from(bytes)
    .toString('base64')
    .replace(/(.{60})/g, '$1\n')
  const res = await call(sb.handle, 'POST', '/Tickets/TicketAttachment', [
    ['ticketid', '2'],
    ['ticketpostid', '4'],
    ['filename', 'dump.bin'],
    ['contents', wrapped]
  ])
  const created = children(root(res), 'attachment')[0]!
  // 4.98.8's MIME list maps .bin to text/binary (__swift/library/MIME/class.SWIFT_MIMEList.php:149).
  assert.equal([text(created, 'filesize'), text(created, 'filetype'), text(created, 'contents')], ['300', 'text/binary', ''])
  const back = children(root(await call(sb.handle, 'GET', `/Tickets/TicketAttachment/2/${text(created, 'id')}`)), 'attachment')[0]!
  assert.equal([...Buffer.from(text(back, 'contents'), 'base64')], [...bytes])
  assert.not.match(text(back, 'contents'), /\n/, 'one-line Base64 (Ruby decodes nothing else)')
  const wrongPost = await call(sb.handle, 'POST', '/Tickets/TicketAttachment', [
    ['ticketid', '2'],
    ['ticketpostid', '1'],
    ['filename', 'a'],
    ['contents', 'AAAA']
  ])
  assert.equal([wrongPost.status, wrongPost.body], [404, 'Ticket Post not found'])
  const elsewhere = await call(sb.handle, 'GET', `/Tickets/TicketAttachment/1/${text(created, 'id')}`)
  assert.equal([elsewhere.status, elsewhere.body], [400, 'Attachment does not belong to the specified ticket'])
  const posts = children(root(await call(sb.handle, 'GET', '/Tickets/TicketPost/ListAll/1')), 'post')
  assert.equal(
    posts.map((p) => [text(p, 'hasattachments'), children(p, 'attachments').length]),
    [
      ['1', 1],
      ['0', 0],
      ['1', 1]
    ]
  )
  const inline = await call(sb.handle, 'POST', '/Tickets/TicketPost', [
    ['ticketid', '2'],
    ['contents', 'see files'],
    ['userid', '2'],
    ['filename0', 'a.txt'],
    ['filecontent0', 'aGVsbG8='],
    ['filename1', 'b.txt'],
    ['filecontent1', 'd29ybGQ=']
  ])
  // Inline files are stored, but the post keeps hasattachments=0, so no <attachments> (T/api/TicketPost.php:171, H5).
  const inlinePost = children(root(inline), 'post')[0]!
  assert.equal([text(inlinePost, 'hasattachments'), children(inlinePost, 'attachments').length], ['0', 0])
  const stored = children(root(await call(sb.handle, 'GET', '/Tickets/TicketAttachment/ListAll/2')), 'attachment').filter(
    (a) => text(a, 'ticketpostid') === text(inlinePost, 'id')
  )
  assert.equal(
    stored.map((a) => text(a, 'filename')),
    ['a.txt', 'b.txt']
  )
})

test('custom fields: all 11 types rendered; POST by field name per type, only sent fields change', async () => {
  const fields = async (ticket: number) =>
    Object.fromEntries(
      children(children(root(await call(sb.handle, 'GET', `/Tickets/TicketCustomField/${ticket}`)), 'group')[0]!, 'field').map((f) => [
        f.attributes.title,
        ownText(f)
      ])
    )
  const seeded = await fields(1)
  assert.equal(seeded, {
    'Order number': 'SO-48213',
    'Steps to reproduce': '1. Send any document to the printer\n2. Collect the blank page',
    'Account PIN': '4711',
    'Affected platforms': 'Windows, Linux',
    'Contact preference': 'E-mail',
    Product: 'Helpdesk',
    Modules: 'Reports, Import\\, export',
    'Internal reference': 'FAC-3-PRN-07',
    Category: 'Hardware &gt; Printer',
    'Purchase date': '03/15/2022',
    Screenshot: Buffer.from('toner=auto\ndensity=3\n').toString('base64')
  })
  // Ticket 2 came from the support center and has no values: no group until values are saved (SWIFT-2530).
  assert.equal(children(root(await call(sb.handle, 'GET', '/Tickets/TicketCustomField/2'))), [])
  const fromApi = await newTicket()
  assert.is(
    children(root(await call(sb.handle, 'GET', `/Tickets/TicketCustomField/${fromApi.attributes.id}`)), 'group').length,
    1,
    'API tickets show their department groups'
  )
  const option = (field: string, value: string) =>
    sb.store.customFieldOptions.where((o) => o.optionvalue === value && sb.store.customFields.get(o.customfieldid)?.title === field)[0]!.id
  const name = (title: string) => sb.store.customFields.where((f) => f.title === title)[0]!.fieldname
  const software = option('Category', 'Software')
  const res = await call(sb.handle, 'POST', '/Tickets/TicketCustomField/2', [
    [name('Order number'), 'SO-1'],
    [name('Product'), String(option('Product', 'CRM'))],
    [`${name('Modules')}[0]`, String(option('Modules', 'API'))],
    [`${name('Modules')}[1]`, String(option('Modules', 'Mobile'))],
    [`${name('Category')}[0]`, String(software)],
    [`${name('Category')}[1][${software}]`, String(option('Category', 'Office suite'))],
    [name('Purchase date'), '12/24/2023']
  ])
  assert.is(res.status, 200, res.body)
  const after = await fields(2)
  assert.equal(
    [after['Order number'], after.Product, after.Modules, after.Category, after['Purchase date'], after['Account PIN']],
    ['SO-1', 'CRM', 'API, Mobile', 'Software &gt; Office suite', '12/24/2023', '']
  )
  // The server checks required fields and the field's pattern (`/^[A-Z]{2}-\d+$/` for the order number), and names
  // the failures by field name; option ids are not checked (an unknown one shows as the number).
  const bad = await call(sb.handle, 'POST', '/Tickets/TicketCustomField/2', [
    [name('Order number'), 'order 12'],
    [name('Product'), '9999']
  ])
  assert.equal([bad.status, bad.body], [400, `Custom Field Data is Invalid: ${name('Order number')}`])
  assert.is((await fields(2)).Product, 'CRM', 'a refused POST changes nothing')
  await call(sb.handle, 'POST', '/Tickets/TicketCustomField/2', [[name('Product'), '9999']])
  assert.is((await fields(2)).Product, '9999')
  // The PHP client re-posts every field as text (a file field as an empty value): the stored file stays.
  const screenshot = name('Screenshot')
  const reposted = await call(sb.handle, 'POST', '/Tickets/TicketCustomField/1', [[screenshot, '']])
  assert.is(reposted.status, 200)
  assert.is((await fields(1)).Screenshot, seeded.Screenshot)
  const list = await call(sb.handle, 'GET', '/Tickets/TicketCustomField')
  assert.equal([list.status, list.body], [400, 'Not Implemented, Call GET /Tickets/TicketCustomField/$ticketid$ instead.'])
})

test('notes and time tracks: POST names vs XML attributes, ownership checks', async () => {
  const note = children(
    root(
      await call(sb.handle, 'POST', '/Tickets/TicketNote', [
        ['ticketid', '2'],
        ['contents', 'Refund approved'],
        ['staffid', '3'],
        ['notecolor', '4']
      ])
    ),
    'note'
  )[0]!
  assert.equal(
    [note.attributes.type, note.attributes.creatorstaffname, note.attributes.notecolor, ownText(note)],
    ['ticket', 'Carol Support', '4', 'Refund approved']
  )
  const anonymous = await call(sb.handle, 'POST', '/Tickets/TicketNote', [
    ['ticketid', '2'],
    ['contents', 'x']
  ])
  assert.equal(anonymous.body, 'No fullname or staff id specified')
  const tt = children(
    root(
      await call(sb.handle, 'POST', '/Tickets/TicketTimeTrack', [
        ['ticketid', '2'],
        ['contents', 'Refund call'],
        ['staffid', '3'],
        ['worktimeline', '1700000100'],
        ['billtimeline', '1700000200'],
        ['timespent', '900'],
        ['timebillable', '600'],
        ['workerstaffid', '2']
      ])
    ),
    'timetrack'
  )[0]!
  assert.equal(
    [
      tt.attributes.timeworked,
      tt.attributes.timebillable,
      tt.attributes.workdate,
      tt.attributes.billdate,
      tt.attributes.workerstaffname,
      tt.attributes.creatorstaffname
    ],
    ['900', '600', '1700000100', '1700000200', 'Bob Agent', 'Carol Support']
  )
  const elsewhere = await call(sb.handle, 'GET', `/Tickets/TicketTimeTrack/1/${tt.attributes.id}`)
  assert.equal([elsewhere.status, elsewhere.body], [400, 'Ticket time tracking note does not belong to the specified ticket'])
  const inTicket = (await tickets('/Tickets/Ticket/2'))[0]!
  assert.equal(
    children(inTicket, 'note').map((n) => n.attributes.type),
    ['ticket', 'timetrack']
  )
  const missingNote = await call(sb.handle, 'GET', '/Tickets/TicketNote/2/999')
  assert.equal([missingNote.status, missingNote.body], [404, 'Ticket note not Found'])
})

test('users: Filter by marker and limit, UserSearch over e-mail, name, organization, group', async () => {
  const userIds = async (route: string) => children(root(await call(sb.handle, 'GET', route)), 'user').map((u) => text(u, 'id'))
  assert.equal(await userIds('/Base/User/Filter/2/2'), ['2', '3'])
  assert.equal(await userIds('/Base/User/Filter'), ['1', '2', '3', '4'])
  const search = async (query: string) =>
    children(root(await call(sb.handle, 'POST', '/Base/UserSearch', [['query', query]])), 'user').map((u) => text(u, 'fullname'))
  assert.equal(await search('acme'), ['John Doe', 'Priya Patel'])
  assert.equal(await search('VIP'), ['Priya Patel'])
  assert.equal(await search('+49'), ['Jane Smith'])
  const empty = await call(sb.handle, 'POST', '/Base/UserSearch', [['query', '']])
  assert.equal([empty.status, empty.body], [400, 'Query should not be empty'])
})

test('Ticket PUT ignores invalid values silently; DELETE removes the ticket and its items', async () => {
  const res = await call(sb.handle, 'PUT', '/Tickets/Ticket/2', [
    ['ticketstatusid', '99'],
    ['ticketpriorityid', '3'],
    ['ownerstaffid', '77'],
    ['subject', 'Refund please']
  ])
  const t = children(root(res), 'ticket')[0]!
  assert.equal([text(t, 'statusid'), text(t, 'priorityid'), text(t, 'ownerstaffid'), text(t, 'subject')], ['1', '3', '0', 'Refund please'])
  const del = await call(sb.handle, 'DELETE', '/Tickets/Ticket/1')
  assert.equal([del.status, del.body], [200, ''])
  assert.equal((await call(sb.handle, 'GET', '/Tickets/Ticket/1')).status, 404)
  assert.equal([sb.store.posts.where((p) => p.ticketid === 1).length, sb.store.attachments.where((a) => a.ticketid === 1).length], [0, 0])
})

test('apiEnabled: false answers 403 with an empty body, before the credentials are looked at', async () => {
  const off = createSandbox({ apiEnabled: false })
  const res = await call(off.handle, 'GET', '/Base/Department')
  assert.equal([res.status, res.body], [403, ''])
  const unsigned = await off.handle({ method: 'GET', url: '/api/index.php?e=/Base/Department', headers: {} })
  assert.is(unsigned.status, 403)
})

test.run()
