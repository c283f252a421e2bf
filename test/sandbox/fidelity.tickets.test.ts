// The ticket controllers (Ticket, TicketSearch, TicketCount, TicketStatus/Priority/Type) against the 4.98.8 source:
// each test states the real server's behaviour with its file:line (paths under `upload/__apps/tickets/` unless
// given in full). Driven with raw signed requests through createSandbox().handle.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/handler'
import { SEED_TIME } from '../../src/sandbox/classic/seed'
import { call, children, ownText, root, text } from '../support/sandbox'

let sb: Sandbox
let clock = SEED_TIME
const fresh = (options: Omit<SandboxOptions, 'now'> = {}) => {
  clock = SEED_TIME
  sb = createSandbox({ ...options, now: () => clock })
}
test.before.each(() => fresh())

const ticketsOf = async (method: 'GET' | 'POST' | 'PUT', route: string, fields: Array<[string, string]> = []) =>
  children(root(await call(sb.handle, method, route, fields)), 'ticket')
const ids = async (route: string) => (await ticketsOf('GET', route)).map((t) => Number(t.attributes.id))
const search = async (fields: Array<[string, string]>) => (await ticketsOf('POST', '/Tickets/TicketSearch', fields)).map((t) => Number(t.attributes.id))

const BASE: Array<[string, string]> = [
  ['subject', 'Cannot log in'],
  ['fullname', 'Whoever'],
  ['email', 'jane.smith@globex.example'],
  ['contents', 'The login page loops.'],
  ['departmentid', '1'],
  ['ticketstatusid', '1'],
  ['ticketpriorityid', '2'],
  ['tickettypeid', '1']
]
const post = (fields: Array<[string, string]>, base = BASE) => {
  const names = new Set(fields.map(([k]) => k))
  return call(sb.handle, 'POST', '/Tickets/Ticket', [...base.filter(([k]) => !names.has(k)), ...fields])
}
const posted = async (fields: Array<[string, string]>) => {
  const res = await post(fields)
  assert.is(res.status, 200, res.body)
  return children(root(res), 'ticket')[0]!
}
const firstPost = (t: ReturnType<typeof children>[number]) => children(children(t, 'posts')[0]!, 'post')[0]!

// ---------------------------------------------------------------------------------------------------------------
// Display ids

test('t_eticketid=seq (settings.xml:71-72, the default): <displayid> is the ticket id (SWIFT_TicketGettersTrait.php:323-330)', async () => {
  const t = await posted([['userid', '2']])
  assert.is(text(t, 'displayid'), t.attributes.id)
  const seeded = (await ticketsOf('GET', '/Tickets/Ticket/1'))[0]!
  assert.is(text(seeded, 'displayid'), '1')
  // The mask exists all the same and still finds the ticket (GetObjectOnID, SWIFT_TicketGettersTrait.php:1163-1175).
  const mask = sb.store.tickets.get(1)!.maskid
  assert.match(mask, /^[A-Z]{3}-\d{3}-\d{5}$/)
  assert.equal(await ids(`/Tickets/Ticket/${mask.toLowerCase()}`), [1])
})

test('t_eticketid=random: <displayid> is the mask (SWIFT_TicketGettersTrait.php:329)', async () => {
  fresh({ settings: { ticketIdType: 'random' } })
  const t = await posted([['userid', '2']])
  assert.is(text(t, 'displayid'), sb.store.tickets.get(Number(t.attributes.id))!.maskid)
  assert.match(text(t, 'displayid'), /^[A-Z]{3}-\d{3}-\d{5}$/)
})

test('DELETE by mask answers 200 and deletes nothing: DeleteList gets the raw argument (api/Ticket.php:663; SWIFT_TicketCrudTrait.php:362-393)', async () => {
  const mask = sb.store.tickets.get(2)!.maskid
  const res = await call(sb.handle, 'DELETE', `/Tickets/Ticket/${mask}`)
  assert.equal([res.status, res.body], [200, ''])
  assert.ok(sb.store.tickets.get(2), 'still there')
  assert.equal(await ids('/Tickets/Ticket/2'), [2])
  // By numeric id it is deleted, with its posts.
  assert.equal([(await call(sb.handle, 'DELETE', '/Tickets/Ticket/2')).status, sb.store.tickets.get(2), sb.store.postsOf(2).length], [200, undefined, 0])
  assert.is((await call(sb.handle, 'DELETE', '/Tickets/Ticket/2')).status, 404)
})

test('tolerance display-id-children: DELETE by mask deletes', async () => {
  fresh({ lenient: ['display-id-children'] })
  await call(sb.handle, 'DELETE', `/Tickets/Ticket/${sb.store.tickets.get(2)!.maskid}`)
  assert.is(sb.store.tickets.get(2), undefined)
})

// ---------------------------------------------------------------------------------------------------------------
// Post

test('POST userid: the e-mail is compared case-sensitively with the stored, lower-cased addresses (api/Ticket.php:362)', async () => {
  const res = await post([
    ['userid', '2'],
    ['email', 'Jane.Smith@globex.example']
  ])
  assert.equal([res.status, res.body], [400, 'User Email is Invalid'])
  // Untrimmed as well.
  assert.is(
    (
      await post([
        ['userid', '2'],
        ['email', ' jane.smith@globex.example']
      ])
    ).body,
    'User Email is Invalid'
  )
})

test('POST: ticket and post e-mails are stored lower-cased (SWIFT_TicketCrudTrait.php:194; class.SWIFT_TicketPost.php:869), an auto user too (UserEmailManager.php:211)', async () => {
  const t = await posted([
    ['autouserid', '1'],
    ['email', 'New.Person@Example.COM'],
    ['fullname', 'New Person']
  ])
  assert.equal([text(t, 'email'), text(firstPost(t), 'email')], ['new.person@example.com', 'new.person@example.com'])
  assert.equal(sb.store.users.get(Number(text(t, 'userid')))!.emails, ['new.person@example.com'])
  // The existing user is found whatever the case (the collation), not created twice.
  const again = await posted([
    ['autouserid', '1'],
    ['email', 'NEW.PERSON@example.com']
  ])
  assert.is(text(again, 'userid'), text(t, 'userid'))
})

test('POST with userid empty or 0 next to staffid: a user ticket for user 0, no user created (api/Ticket.php:349-372)', async () => {
  const users = sb.store.users.all().length
  for (const userid of ['', '0']) {
    const t = await posted([
      ['userid', userid],
      ['staffid', '2'],
      ['email', 'someone@example.com']
    ])
    assert.equal([text(t, 'userid'), text(t, 'creator'), text(t, 'fullname'), text(t, 'email')], ['0', '2', 'Whoever', 'someone@example.com'])
    const p = firstPost(t)
    assert.equal([text(p, 'staffid'), text(p, 'userid'), text(p, 'creator'), text(p, 'emailto')], ['0', '0', '2', ''])
    assert.is(text(t, 'laststaffreply'), '0')
  }
  assert.is(sb.store.users.all().length, users)
})

test('tolerance staff-ticket-empty-userid: an empty userid next to staffid makes a staff ticket', async () => {
  fresh({ lenient: ['staff-ticket-empty-userid'] })
  const t = await posted([
    ['userid', ''],
    ['staffid', '2'],
    ['email', 'someone@example.com']
  ])
  assert.equal([text(t, 'creator'), text(firstPost(t), 'staffid'), text(firstPost(t), 'emailto')], ['1', '2', 'someone@example.com'])
})

test('POST autouserid=1 / staffid with an invalid address: SWIFT_User::Create throws, uncaught, no ticket (api/Ticket.php:348,375; base/models/User/class.SWIFT_User.php:456-460)', async () => {
  const before = sb.store.tickets.all().length
  for (const extra of [[['autouserid', '1']], [['staffid', '1']]] as Array<Array<[string, string]>>) {
    const res = await post([...extra, ['email', 'not-an-address']])
    assert.is(res.status, 200)
    assert.match(res.body, /^Uncaught Exception\nRouter: \/Tickets\/Ticket\nInvalid data provided in /)
  }
  assert.is(sb.store.tickets.all().length, before)
})

test('POST autouserid other than 1 with nothing else: a user ticket for user 0 (api/Ticket.php:324-377)', async () => {
  const t = await posted([['autouserid', '2']])
  assert.equal([text(t, 'userid'), text(t, 'creator')], ['0', '2'])
})

test('POST: ids are cache keys, so " 1" or "01" is invalid (api/Ticket.php:288-322)', async () => {
  assert.is(
    (
      await post([
        ['userid', '2'],
        ['departmentid', ' 1']
      ])
    ).body,
    'Department ID is Invalid'
  )
  assert.is(
    (
      await post([
        ['userid', '2'],
        ['ticketstatusid', '01']
      ])
    ).body,
    'Ticket Status ID is Invalid'
  )
  assert.is(
    (
      await post([
        ['userid', '2'],
        ['staffid', '']
      ])
    ).body,
    'Staff ID is Invalid'
  )
  // An owner that is not a cache key is ignored (api/Ticket.php:480-482); a staff id sets the owner and its name.
  assert.equal(
    text(
      await posted([
        ['userid', '2'],
        ['ownerstaffid', ' 2']
      ]),
      'ownerstaffid'
    ),
    '0'
  )
  const owned = await posted([
    ['userid', '2'],
    ['ownerstaffid', '2']
  ])
  assert.equal([text(owned, 'ownerstaffid'), text(owned, 'ownerstaffname')], ['2', 'Bob Agent'])
})

test('POST: subject and contents stored as sent; the name cleaned by text_to_html_entities (SWIFT_TicketCrudTrait.php:190; functions.php:2252-2263)', async () => {
  const t = await posted([
    ['autouserid', '1'],
    ['email', 'a@b.example'],
    ['fullname', 'A "B" <b>C</b> &amp; D'],
    ['subject', '  spaced  ']
  ])
  assert.equal([text(t, 'fullname'), text(t, 'lastreplier'), text(firstPost(t), 'fullname')], ["A 'B' C & D", "A 'B' C & D", "A 'B' C & D"])
  assert.is(text(t, 'subject'), '  spaced  ')
})

test('POST: a name that cleans to nothing: the ticket row stays without a post, the exception is uncaught (SWIFT_TicketCrudTrait.php:124,190-199; class.SWIFT_TicketPost.php:766-771)', async () => {
  const res = await post([
    ['autouserid', '1'],
    ['email', 'tags@example.com'],
    ['fullname', '<b></b>']
  ])
  assert.match(res.body, /^Uncaught Exception\n.*\nInvalid data provided in \/__apps\/tickets\/models\/Ticket\/class.SWIFT_TicketPost.php:771/)
  const id = Math.max(...sb.store.tickets.all().map((t) => t.id))
  const t = (await ticketsOf('GET', `/Tickets/Ticket/${id}`))[0]!
  assert.equal([text(t, 'subject'), text(t, 'fullname'), children(children(t, 'posts')[0]!, 'post').length], ['Cannot log in', '', 0])
})

test('POST: the first post has ishtml=1 with the text editor, the 4.98.8 default (class.SWIFT_TicketPost.php:126-146)', async () => {
  const t = await posted([
    ['userid', '2'],
    ['contents', 'line 1\nline 2']
  ])
  assert.equal([text(firstPost(t), 'ishtml'), text(firstPost(t), 'contents')], ['1', 'line 1\nline 2'])
  fresh({ settings: { editorFormat: 'html' } })
  const html = await posted([
    ['userid', '2'],
    ['contents', 'line 1\nline 2']
  ])
  assert.equal([text(firstPost(html), 'ishtml'), text(firstPost(html), 'contents')], ['1', 'line 1<br />\nline 2'])
  fresh({ settings: { richTextEditor: true } })
  assert.is(text(firstPost(await posted([['userid', '2']])), 'ishtml'), '0')
})

test('POST: SmartReply fills the user placeholders of the first post (class.SWIFT_TicketPost.php:802,1564-1625)', async () => {
  const t = await posted([
    ['userid', '2'],
    ['contents', 'Dear {{salutation}} {{surname}} of {{organization}}, {{fullname}} / %7B%7Bforename%7D%7D {{title}}.']
  ])
  assert.is(text(firstPost(t), 'contents'), 'Dear Ms. Smith of Globex, Jane Smith / Jane .')
  const nobody = await posted([
    ['userid', '0'],
    ['staffid', '1'],
    ['contents', '{{fullname}}|{{organization}}|{{salutation}}']
  ])
  assert.is(text(firstPost(nobody), 'contents'), 'N/A||')
})

test('POST templategroup unknown: the loop variable leaks, the last template group is used (api/Ticket.php:327-345)', async () => {
  const second = sb.store.templateGroups.insert({ title: 'Second' })
  const t = await posted([
    ['userid', '2'],
    ['templategroup', 'no such group']
  ])
  assert.equal([text(t, 'templategroupid'), text(t, 'templategroupname')], [String(second.id), 'Second'])
  assert.is(
    text(
      await posted([
        ['userid', '2'],
        ['templategroup', 'default']
      ]),
      'templategroupid'
    ),
    '1'
  )
  assert.is(text(await posted([['userid', '2']]), 'templategroupid'), '1')
})

// ---------------------------------------------------------------------------------------------------------------
// Put

test("PUT ownerstaffid='' changes nothing; '0' and '00' unassign (api/Ticket.php:557)", async () => {
  const put = (value: string) => ticketsOf('PUT', '/Tickets/Ticket/1', [['ownerstaffid', value]])
  assert.equal(text((await put(''))[0]!, 'ownerstaffid'), '2')
  assert.equal(text((await put('00'))[0]!, 'ownerstaffid'), '0')
  assert.equal(text((await put('3'))[0]!, 'ownerstaffname'), 'Carol Support')
  assert.equal(text((await put('0'))[0]!, 'ownerstaffname'), '')
})

test('PUT subject/fullname/email: written as sent, the address keeps its case, the name is not cleaned (api/Ticket.php:561-582; SWIFT_TicketSettersTrait.php:1011-1049)', async () => {
  const t = (
    await ticketsOf('PUT', '/Tickets/Ticket/1', [
      ['email', 'Mixed@Case.Example'],
      ['fullname', 'A "B" <b>C</b>']
    ])
  )[0]!
  assert.equal([text(t, 'email'), text(t, 'fullname'), text(t, 'subject')], ['Mixed@Case.Example', 'A "B" <b>C</b>', 'Printer on floor 3 prints blank pages'])
  assert.is(text((await ticketsOf('PUT', '/Tickets/Ticket/1', [['subject', '']]))[0]!, 'subject'), '', 'blank too')
})

test('PUT: lastactivity moves only when a setter changes something (UpdatePool, class.SWIFT_Ticket.php:440-455)', async () => {
  const before = sb.store.tickets.get(1)!.lastactivity
  clock += 100
  const same = (
    await ticketsOf('PUT', '/Tickets/Ticket/1', [
      ['ticketpriorityid', '3'],
      ['ownerstaffid', '2'],
      ['departmentid', '1']
    ])
  )[0]!
  assert.is(text(same, 'lastactivity'), String(before))
  const renamed = (await ticketsOf('PUT', '/Tickets/Ticket/1', [['subject', 'Printer on floor 3 prints blank pages']]))[0]!
  assert.is(text(renamed, 'lastactivity'), String(clock), 'Update always writes')
})

test('PUT to an unresolved status keeps resolutiondateline; a resolved one stamps it (class.SWIFT_Ticket.php:1179-1330)', async () => {
  clock += 50
  await call(sb.handle, 'PUT', '/Tickets/Ticket/2', [['ticketstatusid', '3']])
  assert.is(sb.store.tickets.get(2)!.resolutiondateline, clock)
  clock += 50
  await call(sb.handle, 'PUT', '/Tickets/Ticket/2', [['ticketstatusid', '1']])
  assert.is(sb.store.tickets.get(2)!.resolutiondateline, clock - 50)
  const sorted = await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/-1/-1/resolutiondateline/DESC')
  assert.is(sorted[0], 2)
})

test('PUT to a status with resetduetime clears the reply due time (ClearOverdue, class.SWIFT_Ticket.php:1297-1300,680-716)', async () => {
  sb.store.tickets.get(2)!.nextreplydue = SEED_TIME + 3600
  sb.store.ticketStatuses.get(4)!.resetduetime = true
  const t = (await ticketsOf('PUT', '/Tickets/Ticket/2', [['ticketstatusid', '4']]))[0]!
  assert.equal([text(t, 'statusid'), text(t, 'nextreplydue')], ['4', '0'])
})

test('PUT templategroup unknown: the last template group (api/Ticket.php:595-624)', async () => {
  const second = sb.store.templateGroups.insert({ title: 'Second' })
  assert.is(text((await ticketsOf('PUT', '/Tickets/Ticket/1', [['templategroup', '42']]))[0]!, 'templategroupid'), String(second.id))
})

test('PUT/DELETE without an id and ListAll without a department: ArgumentCountError, uncaught (L33; class.SWIFT_Exception.php:86-148)', async () => {
  for (const [method, route, name] of [
    ['GET', '/Tickets/Ticket/ListAll', 'ListAll'],
    ['GET', '/Tickets/Ticket/GetTicketCount', 'GetTicketCount'],
    ['PUT', '/Tickets/Ticket', 'Put'],
    ['DELETE', '/Tickets/Ticket', 'Delete']
  ] as const) {
    const res = await call(sb.handle, method, route)
    assert.is(res.status, 200)
    assert.match(res.body, new RegExp(`^Uncaught Exception\\n.*\\nToo few arguments to function Tickets\\\\Api\\\\Controller_Ticket::${name}\\(\\)`))
  }
})

// ---------------------------------------------------------------------------------------------------------------
// Get (rendering)

test('GET: ownerstaffname is the stored name; watchers and workflows only while they exist (class.SWIFT_TicketAPIManager.php:285,318-332)', async () => {
  sb.store.staff.get(2)!.firstname = 'Robert'
  sb.store.staff.delete(1)
  sb.store.workflows.delete(1)
  const t = (await ticketsOf('GET', '/Tickets/Ticket/1'))[0]!
  assert.is(text(t, 'ownerstaffname'), 'Bob Agent')
  assert.equal([children(t, 'watcher').length, children(t, 'workflow').length], [0, 0])
})

test('GET: time tracks in bill-date order, the tickettimetracks.dateline column (class.SWIFT_TicketAPIManager.php:228-231)', async () => {
  const row = sb.store.timeTracks.get(1)!
  sb.store.timeTracks.insert({ ...row, billdate: row.billdate - 1000, dateline: row.dateline + 1000, contents: 'billed earlier, entered later' })
  const notes = children((await ticketsOf('GET', '/Tickets/Ticket/1'))[0]!, 'note').filter((n) => n.attributes.type === 'timetrack')
  assert.equal(notes.map(ownText), ['billed earlier, entered later', 'Remote diagnosis of the printer'])
})

// ---------------------------------------------------------------------------------------------------------------
// ListAll and GetTicketCount

test('ListAll default statuses: a department status counts only when its *id* is in the department list (api/Ticket.php:772-778)', async () => {
  sb.store.ticketStatuses.get(4)!.departmentid = 2
  sb.store.tickets.get(1)!.statusid = 4
  assert.equal(await ids('/Tickets/Ticket/ListAll/1'), [], 'status 4 belongs to department 2, but 4 is not in [1]')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,4'), [1], 'department 4 exists, so status 4 is taken in')
})

test("ListAll: no known department means department 0, the trash (BuildIN of an empty list is '0', functions.php:860-881)", async () => {
  assert.equal(await ids('/Tickets/Ticket/ListAll/-1'), [])
  sb.store.tickets.get(2)!.departmentid = 0
  assert.equal(await ids('/Tickets/Ticket/ListAll/-1'), [2])
  assert.equal(await ids('/Tickets/Ticket/ListAll/99'), [2])
  assert.is(text(root(await call(sb.handle, 'GET', '/Tickets/Ticket/GetTicketCount/abc')), 'totalcount'), '1')
})

test('ListAll: the offset applies only with a positive count (class.SWIFT_Database.php:893-912)', async () => {
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/-1/2'), [1, 2, 3, 5, 6])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/0/2'), [1, 2, 3, 5, 6])
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5/-1/-1/-1/2/2'), [3, 5])
})

test('ListAll/GetTicketCount: $_POST email filters (api/Ticket.php:152-154,837-839)', async () => {
  const listed = (await ticketsOf('POST', '/Tickets/Ticket/ListAll/1,2,3,5', [['email', 'JOHN.DOE@acme.example']])).map((t) => t.attributes.id)
  assert.equal(listed, ['1', '5'])
  const count = root(await call(sb.handle, 'POST', '/Tickets/Ticket/GetTicketCount/1,2,3,5', [['email', 'priya@acme.example']]))
  assert.is(text(count, 'totalcount'), '2')
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2,3,5'), [1, 2, 3, 5, 6], 'a GET has no $_POST')
})

test('ListAll: string sort keys compare case-insensitively, as the collation does (api/Ticket.php:156-158)', async () => {
  sb.store.tickets.get(1)!.lastreplier = 'SAME'
  sb.store.tickets.get(2)!.lastreplier = 'same'
  sb.store.tickets.get(5)!.lastreplier = 'Beta'
  assert.equal(await ids('/Tickets/Ticket/ListAll/1,2/-1/-1/-1/-1/-1/lastreplier/ASC'), [5, 1, 2], 'SAME = same: a tie')
})

// ---------------------------------------------------------------------------------------------------------------
// TicketSearch

test('TicketSearch ticketid: a number finds that ticket; other text is LIKE-matched on mask and subject (SWIFT_TicketSearchManager.php:380-416)', async () => {
  assert.equal(
    await search([
      ['query', '2'],
      ['ticketid', '1']
    ]),
    [2]
  )
  assert.equal(
    await search([
      ['query', 'Printer'],
      ['ticketid', '1']
    ]),
    [1]
  )
  assert.equal(
    await search([
      ['query', sb.store.tickets.get(4)!.maskid.slice(0, 7)],
      ['ticketid', '1']
    ]),
    [4]
  )
})

test('TicketSearch usergroup: the query is a group *id* (SWIFT_TicketSearchManager.php:1236)', async () => {
  assert.equal(
    await search([
      ['query', '3'],
      ['usergroup', '1']
    ]),
    [3, 6]
  )
  assert.equal(
    await search([
      ['query', 'VIP Customers'],
      ['usergroup', '1']
    ]),
    []
  )
  assert.equal(
    await search([
      ['query', '2'],
      ['usergroup', '1']
    ]),
    [1, 2, 4, 5]
  )
})

test('TicketSearch contents: subject, name, address, notes and the post index, any word (SWIFT_TicketSearchManager.php:682-800)', async () => {
  assert.equal(
    await search([
      ['query', 'enterprise'],
      ['contents', '1']
    ]),
    [5]
  )
  assert.equal(
    await search([
      ['query', 'Single'],
      ['contents', '1']
    ]),
    [6],
    'a subject'
  )
  assert.equal(
    await search([
      ['query', 'Mustermann'],
      ['contents', '1']
    ]),
    [4],
    'a name'
  )
  assert.equal(
    await search([
      ['query', 'SAML'],
      ['contents', '1']
    ]),
    [6],
    'post contents'
  )
  assert.equal(
    await search([
      ['query', 'Regression'],
      ['contents', '1']
    ]),
    [3],
    'a ticket note'
  )
  assert.equal(
    await search([
      ['query', 'refund toner'],
      ['contents', '1']
    ]),
    [1, 2],
    'words ORed without phrase'
  )
  assert.equal(
    await search([
      ['query', 'refund toner'],
      ['contents', '1'],
      ['phrase', '1']
    ]),
    []
  )
  assert.equal(
    await search([
      ['query', 'globex.example'],
      ['contents', '1']
    ]),
    [2]
  )
})

test('TicketSearch tags: whole tag names, any word; user: phone too (SWIFT_TicketSearchManager.php:1090,1434-1464)', async () => {
  assert.equal(
    await search([
      ['query', 'print'],
      ['tags', '1']
    ]),
    []
  )
  assert.equal(
    await search([
      ['query', 'Invoice nothing'],
      ['tags', '1']
    ]),
    [2]
  )
  assert.equal(
    await search([
      ['query', '0101'],
      ['user', '1']
    ]),
    [1, 5]
  )
  assert.equal(
    await search([
      ['query', '0101 0102'],
      ['user', '1']
    ]),
    [1, 2, 5],
    'words ORed'
  )
})

test('TicketSearch: the union in id order, capped at t_resultlimit (api/TicketSearch.php:191; settings.xml:91-92)', async () => {
  for (let i = 0; i < 55; i++) {
    clock++
    await posted([
      ['userid', '2'],
      ['subject', `Quota ${i}`]
    ])
  }
  assert.is(
    (
      await search([
        ['query', 'Quota'],
        ['contents', '1']
      ])
    ).length,
    50
  )
  fresh({ settings: { searchResultLimit: 3 } })
  // Each sub-search is capped first, newest first (ORDER BY ticketid DESC, SWIFT_TicketSearchManager.php:722-726).
  assert.equal(
    await search([
      ['query', 'e'],
      ['contents', '1']
    ]),
    [4, 5, 6]
  )
  assert.equal(
    await search([
      ['query', 'e'],
      ['notes', '1'],
      ['contents', '1']
    ]),
    [1, 3, 4],
    'the union, capped in id order'
  )
  fresh({ settings: { searchResultLimit: 0 } })
  assert.is(
    (
      await search([
        ['query', 'e'],
        ['fullname', '1']
      ])
    ).length,
    6,
    '0: QueryLimit sets no limit'
  )
})

test('TicketSearch: a query without words breaks the SQL of the searches that do not check for it: Invalid SQL, uncaught (functions.php:1335-1337; class.SWIFT_Database.php:950-958)', async () => {
  const answer = (fields: Array<[string, string]>) => call(sb.handle, 'POST', '/Tickets/TicketSearch', fields)
  for (const flag of ['creatoremail', 'notes', 'userorganization', 'user']) {
    const res = await answer([
      ['query', ''],
      [flag, '1']
    ])
    assert.match(res.body, /^Uncaught Exception\n.*\nInvalid SQL: SELECT /, flag)
  }
  // The searches that check for a blank query answer nothing; symbols alone still break them.
  for (const flag of ['contents', 'author', 'email', 'fullname']) {
    assert.equal(
      children(
        root(
          await answer([
            ['query', '  '],
            [flag, '1']
          ])
        ),
        'ticket'
      ),
      [],
      flag
    )
    assert.match(
      (
        await answer([
          ['query', '***'],
          [flag, '1']
        ])
      ).body,
      /^Uncaught Exception\n/,
      flag
    )
  }
  // `usergroup` puts the query into the SQL unescaped.
  assert.match(
    (
      await answer([
        ['query', "2'"],
        ['usergroup', '1']
      ])
    ).body,
    /Invalid SQL: SELECT userid FROM swusers WHERE usergroupid = '2''/
  )
  assert.equal(
    children(
      root(
        await answer([
          ['query', "2''"],
          ['usergroup', '1']
        ])
      ),
      'ticket'
    ).length,
    4,
    "'' is a quote: 2' is group 2"
  )
})

test("TicketSearch: the query '0' counts as empty; '' finds nothing (api/TicketSearch.php:79-82)", async () => {
  assert.equal(
    await search([
      ['query', '0'],
      ['ticketid', '1'],
      ['contents', '1'],
      ['tags', '1'],
      ['usergroup', '1']
    ]),
    []
  )
})

// ---------------------------------------------------------------------------------------------------------------
// TicketCount

test('TicketCount: the global owners leave out department 0; entries in GROUP BY order (class.SWIFT_TicketManager.php:125-126,270)', async () => {
  sb.store.tickets.get(2)!.departmentid = 0
  sb.store.tickets.get(2)!.ownerstaffid = 3
  const doc = root(await call(sb.handle, 'GET', '/Tickets/TicketCount'))
  const owners = children(children(doc, 'owners')[0]!, 'ownerstaff').map((o) => [o.attributes.id, o.attributes.totalitems])
  // Department 1: owners 2 (status 2), 3 (status 3); department 2: 3; department 3: 1; department 5: 0.
  assert.equal(owners, [
    ['2', '1'],
    ['3', '2'],
    ['1', '1'],
    ['0', '1']
  ])
  const departments = children(children(doc, 'departments')[0]!, 'department').map((d) => d.attributes.id)
  assert.equal(departments, ['0', '1', '2', '3', '5'])
})

test('TicketCount after a DELETE by mask: the partial rebuild counts the department into the global lists again, until a full rebuild (api/Ticket.php:663-665; class.SWIFT_TicketManager.php:100-110)', async () => {
  const globals = async () => {
    const doc = root(await call(sb.handle, 'GET', '/Tickets/TicketCount'))
    const pick = (list: string, tag: string) =>
      Object.fromEntries(children(children(doc, list)[0]!, tag).map((e) => [e.attributes.id, Number(e.attributes.totalitems)]))
    return {
      statuses: pick('statuses', 'ticketstatus'),
      owners: pick('owners', 'ownerstaff'),
      department2: Number(text(children(children(doc, 'departments')[0]!, 'department')[1]!, 'totalitems'))
    }
  }
  const before = await globals()
  await call(sb.handle, 'DELETE', `/Tickets/Ticket/${sb.store.tickets.get(2)!.maskid}`)
  const after = await globals()
  // Department 2 holds tickets 2 (open, unassigned) and 5 (open, Carol).
  assert.equal(after.statuses['1'], Number(before.statuses['1']) + 2)
  assert.equal([after.owners['0'], after.owners['3']], [Number(before.owners['0']) + 1, Number(before.owners['3']) + 1])
  assert.is(after.department2, before.department2, 'the department itself is rebuilt')
  await call(sb.handle, 'PUT', '/Tickets/Ticket/1', [['subject', 'x']])
  assert.equal((await globals()).statuses, before.statuses, 'PUT rebuilds everything (api/Ticket.php:632)')
})

// ---------------------------------------------------------------------------------------------------------------
// TicketStatus, TicketPriority, TicketType

test('TicketStatus/Priority/Type: all by id; Get of 0 or empty lists all, an unknown id an empty root (api/TicketStatus.php:62-66)', async () => {
  for (const [controller, tag, count] of [
    ['TicketStatus', 'ticketstatus', 4],
    ['TicketPriority', 'ticketpriority', 4],
    ['TicketType', 'tickettype', 4]
  ] as const) {
    const all = children(root(await call(sb.handle, 'GET', `/Tickets/${controller}`)), tag)
    assert.equal(
      all.map((r) => Number(text(r, 'id'))),
      Array.from({ length: count }, (_, i) => i + 1)
    )
    assert.is(children(root(await call(sb.handle, 'GET', `/Tickets/${controller}/0`)), tag).length, count)
    assert.equal(
      children(root(await call(sb.handle, 'GET', `/Tickets/${controller}/2`)), tag).map((r) => text(r, 'id')),
      ['2']
    )
    assert.equal(children(root(await call(sb.handle, 'GET', `/Tickets/${controller}/99`)), tag), [])
  }
})

test.run()
