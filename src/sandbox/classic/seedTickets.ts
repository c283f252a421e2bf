/**
 * The seeded tickets: six tickets (ticket 1 "Printer on floor 3 prints blank pages" with three posts, two attachments,
 * a note for Alice and a time track), their posts and notes, and the workflows.
 */
import { utf8 } from '../../core/bytes'
import type { Store, TicketPostRow, TicketRow } from './store'

const HOUR = 3600
const DAY = 24 * HOUR

/** A 1×1 transparent PNG: the seed's binary attachment. */
const PIXEL_PNG = /*#__PURE__*/ Uint8Array.of(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
  0x00,
  0x00,
  0x00,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x08,
  0x06,
  0x00,
  0x00,
  0x00,
  0x1f,
  0x15,
  0xc4,
  0x89,
  0x00,
  0x00,
  0x00,
  0x0d,
  0x49,
  0x44,
  0x41,
  0x54,
  0x78,
  0x9c,
  0x63,
  0x00,
  0x01,
  0x00,
  0x00,
  0x05,
  0x00,
  0x01,
  0x0d,
  0x0a,
  0x2d,
  0xb4,
  0x00,
  0x00,
  0x00,
  0x00,
  0x49,
  0x45,
  0x4e,
  0x44,
  0xae,
  0x42,
  0x60,
  0x82
)

type Seeded = { readonly id: number }

/**
 * What every seeded ticket shares (lists are left out: each row needs its own): no SLA plan, deadlines or escalation,
 * created by a user (`creator` 2) through the support center (`creationmode` 1; `__apps/tickets/models/Ticket/class.SWIFT_Ticket.php:295-300`)
 * from one documentation address, the default template group.
 */
export const SEEDED_TICKET = {
  slaplanid: 0,
  nextreplydue: 0,
  resolutiondue: 0,
  resolutiondateline: 0,
  ipaddress: '203.0.113.10',
  creator: 2,
  creationmode: 1,
  creationtype: 1,
  isescalated: false,
  escalationruleid: 0,
  templategroupid: 1
} as const

/** The people and settings the tickets refer to, seeded before them (`seed.ts`), by the names the seed gives them. */
export interface TicketCast {
  readonly staff: Readonly<Record<'alice' | 'bob' | 'carol', Seeded>>
  readonly departments: Readonly<Record<'general' | 'billing' | 'technical' | 'enterprise', Seeded>>
  readonly statuses: Readonly<Record<'open' | 'inProgress' | 'closed', Seeded>>
  readonly priorities: Readonly<Record<'low' | 'normal' | 'high', Seeded>>
  readonly types: Readonly<Record<'issue' | 'task' | 'bug', Seeded>>
  readonly users: Readonly<Record<'john' | 'jane' | 'priya' | 'max', Seeded>>
}

/** Seeds the tickets as of `now`; answers the id of ticket 1 (the one with custom field values). */
export const seedTickets = (store: Store, now: number, cast: TicketCast): number => {
  const { alice, bob, carol } = cast.staff
  const { general, billing, technical, enterprise } = cast.departments
  const { open, inProgress, closed } = cast.statuses
  const { low, normal, high } = cast.priorities
  const { issue, task, bug } = cast.types
  const { john, jane, priya, max } = cast.users

  const ticket = (
    fields: Partial<TicketRow> & Pick<TicketRow, 'departmentid' | 'statusid' | 'priorityid' | 'typeid' | 'userid' | 'subject' | 'creationtime'>
  ): TicketRow => {
    const owner = store.users.get(fields.userid)
    const row = store.tickets.insert({
      maskid: '',
      flagtype: 0,
      ownerstaffid: 0,
      ownerstaffname: store.staffName(fields.ownerstaffid ?? 0),
      fullname: owner?.fullname ?? '',
      email: owner?.emails[0] ?? '',
      lastreplier: owner?.fullname ?? '',
      lastactivity: fields.creationtime,
      laststaffreply: 0,
      lastuserreply: fields.creationtime,
      ...SEEDED_TICKET,
      tags: [],
      watchers: [],
      workflows: [],
      ignoreautoresponder: false,
      ...fields
    })
    row.maskid = store.newMask(row.id)
    return row
  }
  const reply = (t: TicketRow, post: Partial<TicketPostRow> & Pick<TicketPostRow, 'dateline' | 'contents'>): TicketPostRow => {
    const byStaff = (post.staffid ?? 0) > 0
    const user = store.users.get(t.userid)
    const row = store.posts.insert({
      ticketid: t.id,
      userid: byStaff ? 0 : t.userid,
      fullname: byStaff ? store.staffName(post.staffid ?? 0) : (user?.fullname ?? t.fullname),
      email: byStaff ? (store.staff.get(post.staffid ?? 0)?.email ?? '') : t.email,
      emailto: '',
      ipaddress: byStaff ? '' : '203.0.113.10',
      creator: byStaff ? 1 : 2,
      isthirdparty: false,
      ishtml: false,
      isemailed: !byStaff,
      staffid: 0,
      issurveycomment: false,
      isprivate: false,
      ...post
    })
    t.lastactivity = Math.max(t.lastactivity, row.dateline)
    t.lastreplier = row.fullname
    if (byStaff) t.laststaffreply = row.dateline
    else t.lastuserreply = row.dateline
    return row
  }

  const closeWorkflow = store.workflows.insert({ title: 'Close ticket' })
  store.workflows.insert({ title: 'Escalate to engineering' })

  const printer = ticket({
    departmentid: general.id,
    statusid: inProgress.id,
    priorityid: high.id,
    typeid: issue.id,
    userid: john.id,
    ownerstaffid: bob.id,
    subject: 'Printer on floor 3 prints blank pages',
    creationtime: now - 3 * DAY,
    tags: ['printer', 'hardware'],
    watchers: [alice.id],
    workflows: [closeWorkflow.id],
    flagtype: 5
  })
  const first = reply(printer, {
    dateline: printer.creationtime,
    contents: 'Since Monday the printer on floor 3 only prints blank pages. The error log is attached.'
  })
  reply(printer, {
    dateline: printer.creationtime + 2 * HOUR,
    staffid: bob.id,
    contents: 'Thanks John, could you send a screenshot of the printer status page?'
  })
  const second = reply(printer, { dateline: printer.creationtime + 5 * HOUR, contents: 'Here it is.' })
  store.attachments.insert({
    ticketid: printer.id,
    ticketpostid: first.id,
    filename: 'error.log',
    filetype: 'text/plain',
    dateline: first.dateline,
    bytes: utf8('2023-11-10 08:12:01 ERROR toner sensor: no reading\n2023-11-10 08:12:02 WARN page 1 rendered empty\n')
  })
  store.attachments.insert({
    ticketid: printer.id,
    ticketpostid: second.id,
    filename: 'status.png',
    filetype: 'image/png',
    dateline: second.dateline,
    bytes: PIXEL_PNG
  })
  store.notes.insert({
    ticketid: printer.id,
    notecolor: 2,
    creatorstaffid: bob.id,
    forstaffid: alice.id,
    creatorstaffname: store.staffName(bob.id),
    creationdate: printer.creationtime + 3 * HOUR,
    contents: 'Toner sensor suspected; spare part ordered.'
  })
  store.timeTracks.insert({
    ticketid: printer.id,
    timeworked: 1800,
    timebillable: 1200,
    billdate: printer.creationtime + 4 * HOUR,
    workdate: printer.creationtime + 4 * HOUR,
    workerstaffid: bob.id,
    workerstaffname: store.staffName(bob.id),
    creatorstaffid: bob.id,
    creatorstaffname: store.staffName(bob.id),
    notecolor: 1,
    contents: 'Remote diagnosis of the printer',
    dateline: printer.creationtime + 4 * HOUR
  })

  const invoice = ticket({
    departmentid: billing.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: task.id,
    userid: jane.id,
    subject: 'Invoice 2023-118 charged twice',
    creationtime: now - 2 * DAY,
    tags: ['invoice']
  })
  reply(invoice, { dateline: invoice.creationtime, contents: 'Our card was charged twice for invoice 2023-118. Please refund one of the charges.' })

  const crash = ticket({
    departmentid: technical.id,
    statusid: open.id,
    priorityid: high.id,
    typeid: bug.id,
    userid: priya.id,
    ownerstaffid: alice.id,
    subject: 'Reporting module crashes on export',
    creationtime: now - DAY
  })
  reply(crash, { dateline: crash.creationtime, contents: 'Exporting the monthly report to CSV crashes the reporting module.' })
  reply(crash, { dateline: crash.creationtime + HOUR, staffid: alice.id, contents: '<p>We can reproduce it and are working on a fix.</p>', ishtml: true })
  store.notes.insert({
    ticketid: crash.id,
    notecolor: 5,
    creatorstaffid: alice.id,
    forstaffid: 0,
    creatorstaffname: store.staffName(alice.id),
    creationdate: crash.creationtime + 2 * HOUR,
    contents: 'Regression from release 4.2; see bug tracker.'
  })

  const password = ticket({
    departmentid: general.id,
    statusid: closed.id,
    priorityid: low.id,
    typeid: issue.id,
    userid: max.id,
    ownerstaffid: carol.id,
    subject: 'Password reset link expired',
    creationtime: now - 10 * DAY,
    resolutiondateline: now - 9 * DAY
  })
  reply(password, { dateline: password.creationtime, contents: 'The password reset link says it has expired.' })
  reply(password, { dateline: password.creationtime + DAY, staffid: carol.id, contents: 'I sent you a new link; it is valid for 24 hours.' })

  const upgrade = ticket({
    departmentid: billing.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: task.id,
    userid: john.id,
    ownerstaffid: carol.id,
    subject: 'Upgrade to the enterprise plan',
    creationtime: now - 5 * HOUR,
    creationtype: 2,
    creator: 1,
    creationmode: 2
  })
  reply(upgrade, { dateline: upgrade.creationtime, staffid: carol.id, contents: 'Phone call: John wants a quote for the enterprise plan for 40 seats.' })

  const sso = ticket({
    departmentid: enterprise.id,
    statusid: open.id,
    priorityid: normal.id,
    typeid: issue.id,
    userid: priya.id,
    subject: 'Single sign-on for our staff',
    creationtime: now - 2 * HOUR
  })
  reply(sso, { dateline: sso.creationtime, contents: 'Can we use our SAML identity provider to sign in?' })
  return printer.id
}
