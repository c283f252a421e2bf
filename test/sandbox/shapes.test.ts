// The sandbox's XML has the element and attribute names of the real documents: fixtures in ../shared/fixtures/classic
// where they exist, spec §2 for the objects without one. Differences are listed, each with its reason.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDocument, type XmlElement } from '../../src/classic/internal/xml'
import { createSandbox } from '../../src/sandbox/handler'
import { fixture } from '../support/fixtures'
import { call, children } from '../support/sandbox'

/** path → the names under it: child elements as `name`, attributes as `@name`. Merged over every instance. */
const shape = (el: XmlElement, path = el.tagName, out = new Map<string, Set<string>>()): Map<string, Set<string>> => {
  const names = out.get(path) ?? new Set<string>()
  out.set(path, names)
  for (const a of Object.keys(el.attributes)) names.add(`@${a}`)
  for (const child of children(el)) {
    names.add(child.tagName)
    shape(child, `${path}/${child.tagName}`, out)
  }
  return out
}

const asObject = (m: Map<string, Set<string>>) =>
  Object.fromEntries(
    [...m]
      .filter(([, v]) => v.size > 0)
      .map(([k, v]) => [k, [...v].sort()])
      .sort()
  )

const documentShape = (body: string) => {
  const doc = parseDocument(body)
  if (doc._tag === 'Left') throw new Error(doc.left)
  return shape(doc.right.root)
}

const sandbox = createSandbox()
const served = async (method: 'GET' | 'POST', route: string, fields: Array<[string, string]> = []) => {
  const res = await call(sandbox.handle, method, route, fields)
  assert.is(res.status, 200, `${route}: ${res.body}`)
  return documentShape(res.body)
}

/** Applies documented differences to a fixture's shape: names to add (`+`) or remove (`-`) at a path. */
const adjust = (m: Map<string, Set<string>>, changes: ReadonlyArray<readonly [string, '+' | '-', string]>) => {
  for (const [path, op, name] of changes) {
    const set = m.get(path) ?? new Set<string>()
    m.set(path, set)
    if (op === '+') set.add(name)
    else set.delete(name)
  }
  return m
}

const compare = async (
  fixtureName: string,
  route: string,
  changes: ReadonlyArray<readonly [string, '+' | '-', string]> = [],
  extraPaths: Record<string, ReadonlyArray<string>> = {}
) => {
  const expected = adjust(documentShape(fixture(`classic/${fixtureName}`)), changes)
  for (const [path, names] of Object.entries(extraPaths)) expected.set(path, new Set(names))
  assert.equal(asObject(await served('GET', route)), asObject(expected), fixtureName)
}

test('Department, StaffGroup, TicketStatus, TicketType, TicketNote, TicketAttachment, TicketCount: exactly the fixtures', async () => {
  // The captured departments had no custom visibility; spec §2.1: `<usergroups> <id>int</id>* </usergroups>`.
  await compare('Department_ListAll.xml', '/Base/Department', [], { 'departments/department/usergroups': ['id'] })
  await compare('StaffGroup_ListAll.xml', '/Base/StaffGroup')
  await compare('TicketStatus_ListAll.xml', '/Tickets/TicketStatus')
  await compare('TicketType_ListAll.xml', '/Tickets/TicketType')
  await compare('TicketNote_ListAll.xml', '/Tickets/TicketNote/ListAll/1')
  await compare('TicketAttachment_Get.xml', '/Tickets/TicketAttachment/1/1')
  await compare('TicketCount_Get.xml', '/Tickets/TicketCount')
})

test('Ticket ListAll and Get: the fixtures; Get posts add ticketpostid and isprivate (spec §2.7, newer than the sample)', async () => {
  await compare('Ticket_ListAll.xml', '/Tickets/Ticket/ListAll/1')
  await compare('Ticket_Get_with_posts.xml', '/Tickets/Ticket/1', [
    ['tickets/ticket/posts/post', '+', 'ticketpostid'],
    ['tickets/ticket/posts/post', '+', 'isprivate']
  ])
})

test('TicketPost ListAll: the fixture plus the embedded attachments of 4.98.8 (spec §2.10)', async () => {
  await compare('TicketPost_ListAll.xml', '/Tickets/TicketPost/ListAll/1', [['posts/post', '+', 'attachments']], {
    'posts/post/attachments': ['attachment'],
    'posts/post/attachments/attachment': ['contents', 'dateline', 'filename', 'filesize', 'filetype', 'id'].sort()
  })
})

test('TicketPriority: the fixture without displayicon (removed, PHPAPI-13); CustomField: plus grouptype (SWIFT-2557)', async () => {
  await compare('TicketPriority_ListAll.xml', '/Tickets/TicketPriority', [['ticketpriorities/ticketpriority', '-', 'displayicon']])
  await compare('CustomField_ListAll.xml', '/Base/CustomField', [['customfields/customfield', '+', '@grouptype']])
})

test('TicketCustomField: the fixture plus group displayorder (SWIFT-2421)', async () => {
  await compare('TicketCustomField_Get.xml', '/Tickets/TicketCustomField/1', [['customfields/group', '+', '@displayorder']])
})

const spec = (names: string): ReadonlyArray<string> =>
  names
    .split(/\s+/)
    .filter((n) => n !== '')
    .sort()

test('objects without fixtures: the element names of spec §2', async () => {
  assert.equal(asObject(await served('GET', '/Base/Staff')), {
    staffusers: ['staff'],
    'staffusers/staff': spec(
      'id staffgroupid firstname lastname fullname username email designation greeting mobilenumber isenabled timezone enabledst signature'
    )
  })
  assert.equal(asObject(await served('GET', '/Base/User')), {
    users: ['user'],
    'users/user': spec(
      'id usergroupid userrole userorganizationid salutation userexpiry fullname email designation phone dateline lastvisit isenabled timezone enabledst slaplanid slaplanexpiry'
    )
  })
  assert.equal(asObject(await served('GET', '/Base/UserGroup')), { usergroups: ['usergroup'], 'usergroups/usergroup': spec('id title grouptype ismaster') })
  assert.equal(asObject(await served('GET', '/Base/UserOrganization')), {
    userorganizations: ['userorganization'],
    'userorganizations/userorganization': spec(
      'id name organizationtype address city state postalcode country phone fax website dateline lastupdate slaplanid slaplanexpiry'
    )
  })
  assert.equal(asObject(await served('GET', '/Tickets/TicketTimeTrack/ListAll/1')), {
    timetracks: ['timetrack'],
    'timetracks/timetrack': spec(
      '@id @ticketid @timeworked @timebillable @billdate @workdate @workerstaffid @workerstaffname @creatorstaffid @creatorstaffname @notecolor'
    )
  })
  assert.equal(asObject(await served('GET', '/Base/CustomField/ListOptions/4')), {
    customfieldoptions: ['option'],
    'customfieldoptions/option': spec('@customfieldoptionid @customfieldid @optionvalue @displayorder @isselected @parentcustomfieldoptionid')
  })
  assert.equal(asObject(await served('GET', '/Tickets/Ticket/GetTicketCount/1')), { tickets: ['totalcount'] })
  const search = asObject(
    await served('POST', '/Tickets/TicketSearch', [
      ['query', 'printer'],
      ['contents', '1']
    ])
  )
  assert.equal(search, asObject(await served('GET', '/Tickets/Ticket/1')), 'TicketSearch answers like Ticket Get')
})

test('the comments of the real documents are there', async () => {
  const count = (await call(sandbox.handle, 'GET', '/Tickets/TicketCount')).body
  for (const c of ['Ticket Count grouped by Status', 'Ticket Count grouped by Owner Staff', 'Unassigned Ticket Count grouped by Department'])
    assert.ok(count.includes(`<!-- ${c} -->`), c)
  const org = (await call(sandbox.handle, 'GET', '/Base/UserOrganization/1')).body
  assert.ok(org.includes('<!-- Timeline Properties -->\n<dateline>') && org.includes('<!-- Custom SLA Properties -->\n<slaplanid>'))
})

test.run()
