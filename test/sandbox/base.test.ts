// Base controllers as the 4.98.8 source has them: check order, texts, id casting, optional-field rules.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox, type Sandbox } from '../../src/sandbox/handler'
import { call, children, root, ownText, text } from '../support/sandbox'

let sb: Sandbox
test.before.each(() => {
  sb = createSandbox()
})

const post = (route: string, fields: Array<[string, string]>) => call(sb.handle, 'POST', route, fields)
const names = async (route: string, tag: string, field = 'title') => children(root(await call(sb.handle, 'GET', route)), tag).map((e) => text(e, field))

test('Get casts the id: 0 or a non-number lists everything (Department, Staff, groups); User and enums need !empty', async () => {
  assert.is((await names('/Base/Department/0', 'department')).length, 5)
  assert.is((await names('/Base/Department/ListAll', 'department')).length, 5)
  assert.is((await names('/Base/StaffGroup/x', 'staffgroup')).length, 2)
  assert.equal(await names('/Base/User/0', 'user', 'fullname'), ['John Doe', 'Jane Smith', 'Priya Patel', 'Max Mustermann'])
  assert.equal(await names('/Base/User/abc', 'user', 'fullname'), [])
  assert.equal(await names('/Tickets/TicketPriority/abc', 'ticketpriority'), [])
  assert.is((await names('/Tickets/TicketPriority/0', 'ticketpriority')).length, 4)
})

test('Department POST: app (module first), type, parent, then title; Load Failed texts', async () => {
  assert.is((await post('/Base/Department', [['title', '']])).body, 'Invalid App Specified. You can only create departments for tickets and livechat app.')
  assert.is((await post('/Base/Department', [['app', 'tickets']])).body, 'Invalid Department Type Specified. Valid values are "public" and "private".')
  assert.is(
    (
      await post('/Base/Department', [
        ['app', 'tickets'],
        ['type', 'public'],
        ['parentdepartmentid', '99']
      ])
    ).body,
    'Invalid Parent Department'
  )
  assert.is(
    (
      await post('/Base/Department', [
        ['app', 'tickets'],
        ['type', 'public']
      ])
    ).body,
    'One of the required fields is empty'
  )
  const both = children(
    root(
      await post('/Base/Department', [
        ['module', 'livechat'],
        ['app', 'tickets'],
        ['type', 'public'],
        ['title', '<b>Chat</b> desk']
      ])
    ),
    'department'
  )[0]!
  // removeTags (functions.php:1798-1860) keeps <b> and the other allowed tags; others go.
  assert.equal([text(both, 'app'), text(both, 'title')], ['livechat', '<b>Chat</b> desk'])
  assert.is((await call(sb.handle, 'PUT', '/Base/Department/99', [['title', 'x']])).body, 'Department Load Failed: Class not loaded')
})

test('Staff: duplicate username / e-mail texts, e-mail stored in lower case, PUT keeps blanks out', async () => {
  const base: Array<[string, string]> = [
    ['firstname', 'Eve'],
    ['lastname', 'E'],
    ['staffgroupid', '2'],
    ['password', 'p']
  ]
  assert.is((await post('/Base/Staff', [...base, ['email', 'eve@x.example'], ['username', 'bob']])).body, 'Username is already taken')
  assert.is((await post('/Base/Staff', [...base, ['email', 'bob@helpdesk.example'], ['username', 'eve']])).body, 'Email address already in use')
  const eve = children(root(await post('/Base/Staff', [...base, ['email', 'Eve@X.example'], ['username', 'eve'], ['designation', 'Agent']])), 'staff')[0]!
  assert.equal([text(eve, 'email'), text(eve, 'designation')], ['eve@x.example', 'Agent'])
  const after = children(
    root(
      await call(sb.handle, 'PUT', `/Base/Staff/${text(eve, 'id')}`, [
        ['firstname', 'Eve'],
        ['lastname', 'Evans'],
        ['staffgroupid', '2'],
        ['designation', '']
      ])
    ),
    'staff'
  )[0]!
  assert.equal([text(after, 'fullname'), text(after, 'designation')], ['Eve Evans', 'Agent'])
  // SWIFT_Model (L/MVC/class.SWIFT_Model.php:53-56): an unknown id fails to load; an empty one is invalid (SWIFT_DataID).
  assert.is((await call(sb.handle, 'PUT', '/Base/Staff/99', [['firstname', 'x']])).body, 'Staff Object Load Failed: Failed to load SWIFT_Model Object')
  assert.is((await call(sb.handle, 'DELETE', '/Base/Staff/99')).body, 'Staff Load Failed: Failed to load SWIFT_Model Object')
  assert.is((await call(sb.handle, 'DELETE', '/Base/Staff/0')).body, 'Staff Load Failed: Invalid data provided')
})

test('User POST: group, organization, e-mails (invalid ones skipped), SLA, then name and password', async () => {
  assert.is((await post('/Base/User', [])).body, 'Invalid User Group')
  assert.is((await post('/Base/User', [['usergroupid', '1']])).body, 'User Group Specified is not of "Registered" type')
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['userorganizationid', '9']
      ])
    ).body,
    'Invalid User Organization ID'
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email[]', 'nope']
      ])
    ).body,
    'Invalid Email Specified'
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email', 'JD@acme.example']
      ])
    ).body,
    'Unable to insert user. Email address belongs to an existing user.'
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email', 'n@x.example'],
        ['slaplanid', '9']
      ])
    ).body,
    'Invalid SLA Plan'
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email', 'n@x.example']
      ])
    ).body,
    'One of the required fields is empty'
  )
  const u = children(
    root(
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email[]', 'bad'],
        ['email[]', 'n@x.example'],
        ['fullname', 'N'],
        ['password', 'p']
      ])
    ),
    'user'
  )[0]!
  assert.equal(children(u, 'email').map(ownText), ['n@x.example'])
  assert.is(
    (
      await call(sb.handle, 'PUT', `/Base/User/${text(u, 'id')}`, [
        ['fullname', 'N'],
        ['email', 'priya@acme.example']
      ])
    ).body,
    'Unable to update user. Email address belongs to an existing user.'
  )
})

test('StaffGroup, UserGroup, UserOrganization: texts of the source', async () => {
  assert.match(
    (await call(sb.handle, 'DELETE', '/Base/StaffGroup/2')).body,
    /^Staff Group Deletion Failed\. There are "2" staff members assigned to this group\. Please delete them or change their group to continue\.$/
  )
  assert.is(
    (
      await post('/Base/UserGroup', [
        ['title', 'X'],
        ['grouptype', 'vip']
      ])
    ).body,
    'One of the required fields is empty'
  )
  assert.is(
    (
      await post('/Base/UserOrganization', [
        ['name', 'X'],
        ['organizationtype', 'shared'],
        ['slaplanid', '9']
      ])
    ).body,
    'Invalid SLA Plan Specified'
  )
  const org = children(
    root(
      await call(sb.handle, 'PUT', '/Base/UserOrganization/1', [
        ['name', 'Acme'],
        ['organizationtype', 'nonsense']
      ])
    ),
    'userorganization'
  )[0]!
  assert.equal([text(org, 'organizationtype'), text(org, 'city')], ['shared', ''], 'an unknown type keeps the old one; unsent fields are blanked')
  // B/models/User/class.SWIFT_UserGroup.php constructor: `Unable to Load User Group ID: <id>`.
  assert.is((await call(sb.handle, 'DELETE', '/Base/UserGroup/99')).body, 'User Group Load Failed: Unable to Load User Group ID: 99')
})

test('/Core/TestAPI echoes like print_r, without the credentials', async () => {
  const res = await call(sb.handle, 'GET', '/Core/TestAPI/5', [
    ['x[]', '1'],
    ['y', '2']
  ])
  assert.is(
    res.body,
    'GET: 5\n\nARGS: Array\n(\n    [0] => 5\n)\n\nVARS: Array\n(\n    [x] => Array\n        (\n            [0] => 1\n        )\n\n    [y] => 2\n)\n'
  )
  assert.is((await call(sb.handle, 'DELETE', '/Core/TestAPI/7')).body, 'DELETE: 7\n\nARGS: Array\n(\n    [0] => 7\n)\n')
  // 4.98.8 has no `Controller_Test` in `__swift/apps/core/api/`: the older `/Core/Test` is a FileNotFound page.
  assert.is((await call(sb.handle, 'DELETE', '/Core/Test/7')).status, 404)
})

test.run()
