/**
 * Bulk tickets for tests at scale (`createSandbox({ bulk: { tickets: 5000 } })`): rows written straight into the
 * store, deterministic (ticket n is the same on every run) and fast (no request per row, no mask search). Each ticket
 * has a first post by its user and a staff reply; every third a file on the first post (1 to 4 KB of bytes derived from
 * its id), every fifth a note, every seventh a time track. Departments, statuses (resolved ones included), priorities,
 * types, users and owners are cycled over the seeded ones. The rows have the shapes the seed's own tickets have
 * (`seedTickets.ts`), which follow `__apps/tickets/models/Ticket/class.SWIFT_Ticket.php` (the `swtickets` columns).
 */
import { SEEDED_TICKET } from './seedTickets'
import type { Store } from './store'

const HOUR = 3600

/** The bytes of bulk file `n`: 1 to 4 KB, every value of a byte, different for every `n`. */
export const bulkFileBytes = (n: number): Uint8Array => {
  const out = new Uint8Array(1024 + ((n * 997) % 3072))
  let x = (n * 2654435761) >>> 0
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** A mask in the server's `ABC-123-45678` form, unique per id below 90,000 (the seed's masks use other letters' runs). */
const bulkMask = (id: number): string =>
  `${LETTERS[id % 26] ?? 'A'}${LETTERS[Math.floor(id / 26) % 26] ?? 'A'}Z-${100 + (id % 900)}-${String(10000 + (id % 90000)).padStart(5, '0')}`

/** Adds `count` tickets (with posts, files, notes and time tracks) as of `now` (Unix seconds). */
export const seedBulkTickets = (store: Store, count: number, now: number): void => {
  const pick = <R>(rows: ReadonlyArray<R>, n: number): R => rows[n % rows.length] as R
  const departments = store.departments.where((d) => d.app === 'tickets')
  const statuses = store.ticketStatuses.all()
  const priorities = store.ticketPriorities.all()
  const types = store.ticketTypes.all()
  const users = store.users.all()
  const staff = store.staff.all()
  if (departments.length === 0 || statuses.length === 0 || priorities.length === 0 || types.length === 0 || users.length === 0 || staff.length === 0) return
  const masks = new Set([...store.tickets.rows.values()].map((t) => t.maskid))
  for (let n = 1; n <= count; n++) {
    const user = pick(users, n)
    const owner = pick(staff, n * 7)
    const created = now - (count - n + 1) * HOUR
    const ticket = store.tickets.insert({
      maskid: '',
      flagtype: n % 7,
      departmentid: pick(departments, n).id,
      statusid: pick(statuses, n * 3).id,
      priorityid: pick(priorities, n * 5).id,
      typeid: pick(types, n * 11).id,
      userid: user.id,
      ownerstaffid: n % 4 === 0 ? 0 : owner.id,
      ownerstaffname: n % 4 === 0 ? '' : store.staffName(owner.id),
      fullname: user.fullname,
      email: user.emails[0] ?? '',
      lastreplier: store.staffName(owner.id),
      subject: `Bulk ticket ${n}: the printer on floor ${(n % 9) + 1} jams`,
      creationtime: created,
      lastactivity: created + HOUR,
      laststaffreply: created + HOUR,
      lastuserreply: created,
      ...SEEDED_TICKET,
      tags: n % 2 === 0 ? ['bulk'] : [],
      watchers: [],
      workflows: [],
      ignoreautoresponder: false
    })
    let mask = bulkMask(ticket.id)
    for (let k = 1; masks.has(mask); k++) mask = bulkMask(ticket.id + 90000 * k)
    masks.add(mask)
    ticket.maskid = mask
    const base = { ticketid: ticket.id, emailto: '', isthirdparty: false, ishtml: false, issurveycomment: false, isprivate: false }
    const first = store.posts.insert({
      ...base,
      dateline: created,
      userid: user.id,
      fullname: user.fullname,
      email: ticket.email,
      ipaddress: '203.0.113.10',
      creator: 2,
      isemailed: true,
      staffid: 0,
      contents: `Ticket ${n}: the printer jams on every second page. Could you have a look?`
    })
    store.posts.insert({
      ...base,
      dateline: created + HOUR,
      userid: 0,
      fullname: store.staffName(owner.id),
      email: owner.email,
      ipaddress: '',
      creator: 1,
      isemailed: false,
      staffid: owner.id,
      contents: 'Thanks, we are sending a technician.'
    })
    if (n % 3 === 0)
      store.attachments.insert({
        ticketid: ticket.id,
        ticketpostid: first.id,
        filename: `scan-${n}.bin`,
        filetype: 'application/octet-stream',
        dateline: created,
        bytes: bulkFileBytes(n)
      })
    if (n % 5 === 0)
      store.notes.insert({
        ticketid: ticket.id,
        notecolor: 1 + (n % 5),
        creatorstaffid: owner.id,
        forstaffid: 0,
        creatorstaffname: store.staffName(owner.id),
        creationdate: created + HOUR / 2,
        contents: `Checked the logs of ticket ${n}.`
      })
    if (n % 7 === 0)
      store.timeTracks.insert({
        ticketid: ticket.id,
        timeworked: 600,
        timebillable: 300,
        billdate: created + HOUR,
        workdate: created + HOUR,
        workerstaffid: owner.id,
        workerstaffname: store.staffName(owner.id),
        creatorstaffid: owner.id,
        creatorstaffname: store.staffName(owner.id),
        notecolor: 1,
        contents: 'On site',
        dateline: created + HOUR
      })
  }
}
