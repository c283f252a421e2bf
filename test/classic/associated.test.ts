import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Ticket } from '../../src/classic/Ticket'
import * as TicketPost from '../../src/classic/TicketPost'
import * as TicketNote from '../../src/classic/TicketNote'
import * as TicketTimeTrack from '../../src/classic/TicketTimeTrack'
import * as TicketAttachment from '../../src/classic/TicketAttachment'
import * as TicketCustomField from '../../src/classic/TicketCustomField'
import {
  attachmentsOf,
  customFieldsOf,
  notesOf,
  postsOf,
  timeTracksOf,
  departmentOf,
  ownerStaffOf,
  runOptional,
  staffGroupOf,
  ticketPriorityOf,
  ticketStatusOf,
  ticketTypeOf,
  userGroupOf,
  userOf,
  userOrganizationOf
} from '../../src/classic/internal/associated'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import * as Staff from '../../src/classic/Staff'
import * as StaffGroup from '../../src/classic/StaffGroup'
import * as TicketPriority from '../../src/classic/TicketPriority'
import * as TicketStatus from '../../src/classic/TicketStatus'
import * as TicketType from '../../src/classic/TicketType'
import * as User from '../../src/classic/User'
import * as UserGroup from '../../src/classic/UserGroup'
import * as UserOrganization from '../../src/classic/UserOrganization'
import { canned, unwrap } from '../support/transport'

// The fields of a decoded ticket that refer to other objects (spec §2.7), as the Ticket module names them.
const ticket = { id: 42, departmentId: 3, statusId: 1, priorityId: 2, typeId: 4, ownerStaffId: 6, userId: 7, userOrganizationId: 0 }

test('a ticket’s department, status, priority, type, owner and user', () => {
  assert.equal(departmentOf(ticket), Department.get(3))
  assert.equal(ticketStatusOf(ticket), TicketStatus.get(1))
  assert.equal(ticketPriorityOf(ticket), TicketPriority.get(2))
  assert.equal(ticketTypeOf(ticket), TicketType.get(4))
  assert.equal(ownerStaffOf(ticket), O.some(Staff.get(6)))
  assert.equal(userOf(ticket), User.get(7))
  assert.equal(
    [departmentOf(ticket).route, ticketStatusOf(ticket).route, ticketPriorityOf(ticket).route, ticketTypeOf(ticket).route, userOf(ticket).route],
    ['/Base/Department/3', '/Tickets/TicketStatus/1', '/Tickets/TicketPriority/2', '/Tickets/TicketType/4', '/Base/User/7']
  )
})

test('a ticket’s posts, notes, time tracks, attachments and custom fields', () => {
  assert.equal(
    [postsOf(ticket), notesOf(ticket), timeTracksOf(ticket), attachmentsOf(ticket), customFieldsOf(ticket)],
    [TicketPost.all(42), TicketNote.all(42), TicketTimeTrack.all(42), TicketAttachment.all(42), TicketCustomField.get(42)]
  )
})

// Compile-time: every helper accepts a decoded Ticket as it is.
export const acceptsTicket = (t: Ticket) =>
  [departmentOf(t), ticketStatusOf(t), ticketPriorityOf(t), ticketTypeOf(t), ownerStaffOf(t), userOf(t), userOrganizationOf(t), postsOf(t)] as const

test('0 means none where the API uses it so: unassigned owner, no organization', () => {
  assert.equal(ownerStaffOf({ ...ticket, ownerStaffId: 0 }), O.none)
  assert.equal(userOrganizationOf(ticket), O.none)
  assert.equal(userOrganizationOf({ userOrganizationId: 5 }), O.some(UserOrganization.get(5)))
})

test('a staff member’s group, a user’s group and organization', () => {
  assert.equal(staffGroupOf({ staffGroupId: 2 }).route, '/Base/StaffGroup/2')
  assert.equal(staffGroupOf({ staffGroupId: 2 }), StaffGroup.get(2))
  const user = { id: 7, userGroupId: 2, userOrganizationId: 3 }
  assert.equal(userGroupOf(user), UserGroup.get(2))
  assert.equal(O.map((r: { route: string }) => r.route)(userOrganizationOf(user)), O.some('/Base/UserOrganization/3'))
})

test('a bad id stays a validation issue of the request', () => {
  assert.equal(
    departmentOf({ departmentId: -1 }).issues.map((i) => i.path),
    ['id']
  )
})

test('runOptional: none without a request, else the answer', async () => {
  const { transport, sent } = canned({
    body: '<?xml version="1.0" encoding="UTF-8"?><userorganizations><userorganization><id>5</id><name>Acme</name><organizationtype>shared</organizationtype></userorganization></userorganizations>'
  })
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })
  assert.equal(unwrap(await runOptional(run)(userOrganizationOf({ userOrganizationId: 0 }))()), O.none)
  assert.is(sent.length, 0)
  const org = unwrap(await runOptional(run)(userOrganizationOf({ userOrganizationId: 5 }))())
  assert.equal(O.map((o: UserOrganization.UserOrganization) => o.name)(org), O.some('Acme'))
  assert.is(sent.length, 1)
})

test.run()
