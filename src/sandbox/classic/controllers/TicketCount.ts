/**
 * `GET /Tickets/TicketCount` (spec §2.9), against `__apps/tickets/api/class.Controller_TicketCount.php` and the count
 * cache `SWIFT_TicketManager::RebuildCache` builds (`T/library/Ticket/class.SWIFT_TicketManager.php:91-346`). The
 * sandbox counts on every call, in the cache's order: rows grouped by department, status, owner and type, each entry
 * listed where its key first appears.
 */
import { xmlReply, type Context, type Controller, type Reply } from '../controller'
import { comment, leaves, parent, withAttributes } from '../xml'

interface Tally {
  totalitems: number
  totalunresolveditems: number
  lastactivity: number
}

const tally = (): Tally => ({ totalitems: 0, totalunresolveditems: 0, lastactivity: 0 })

const add = (map: Map<number, Tally>, key: number, lastactivity: number, resolved: boolean): void => {
  let entry = map.get(key)
  if (entry === undefined) map.set(key, (entry = tally()))
  entry.totalitems++
  if (!resolved) entry.totalunresolveditems++
  entry.lastactivity = Math.max(entry.lastactivity, lastactivity)
}

const entries = (map: Map<number, Tally>) => [...map.entries()]

/** `ticketstatus` entries carry no unresolved count. */
const statusEntry = ([id, t]: [number, Tally]) =>
  withAttributes('ticketstatus', [
    ['id', id],
    ['lastactivity', t.lastactivity],
    ['totalitems', t.totalitems]
  ])
const fullEntry =
  (tag: string) =>
  ([id, t]: [number, Tally]) =>
    withAttributes(tag, [
      ['id', id],
      ['lastactivity', t.lastactivity],
      ['totalitems', t.totalitems],
      ['totalunresolveditems', t.totalunresolveditems]
    ])

const count = (ctx: Context): Reply => {
  const { store } = ctx
  const departments = new Map<number, { all: Tally; statuses: Map<number, Tally>; types: Map<number, Tally>; owners: Map<number, Tally> }>()
  const statuses = new Map<number, Tally>()
  const owners = new Map<number, Tally>()
  const unassigned = new Map<number, Tally>()
  // `GROUP BY departmentid, ticketstatusid, ownerstaffid, tickettypeid` returns the groups in that order (MySQL 5).
  const grouped = store.tickets
    .all()
    .sort((a, b) => a.departmentid - b.departmentid || a.statusid - b.statusid || a.ownerstaffid - b.ownerstaffid || a.typeid - b.typeid)
  for (const t of grouped) {
    const resolved = store.isResolved(t)
    let d = departments.get(t.departmentid)
    if (d === undefined) departments.set(t.departmentid, (d = { all: tally(), statuses: new Map(), types: new Map(), owners: new Map() }))
    d.all.totalitems++
    if (!resolved) d.all.totalunresolveditems++
    d.all.lastactivity = Math.max(d.all.lastactivity, t.lastactivity)
    add(d.statuses, t.statusid, t.lastactivity, resolved)
    add(d.types, t.typeid, t.lastactivity, resolved)
    add(d.owners, t.ownerstaffid, t.lastactivity, resolved)
    add(statuses, t.statusid, t.lastactivity, resolved)
    // The global owner counts leave out department 0, the trash (`class.SWIFT_TicketManager.php:270`).
    if (t.departmentid !== 0) add(owners, t.ownerstaffid, t.lastactivity, resolved)
    if (t.ownerstaffid === 0) add(unassigned, t.departmentid, t.lastactivity, resolved)
  }
  // After a partial rebuild the global lists still hold the department's groups from before and add them again
  // (`class.SWIFT_TicketManager.php:100-110,133-147`: no reset unless every department is rebuilt).
  for (const row of store.countDrift) {
    add(statuses, row.statusid, row.lastactivity, row.resolved)
    if (row.departmentid !== 0) add(owners, row.ownerstaffid, row.lastactivity, row.resolved)
  }
  const departmentXml = [...departments.entries()].map(([id, d]) =>
    parent(
      'department',
      leaves([
        ['totalitems', d.all.totalitems],
        ['lastactivity', d.all.lastactivity],
        ['totalunresolveditems', d.all.totalunresolveditems]
      ]) +
        entries(d.statuses).map(statusEntry).join('') +
        entries(d.types).map(fullEntry('tickettype')).join('') +
        entries(d.owners).map(fullEntry('ownerstaff')).join(''),
      [['id', id]]
    )
  )
  return xmlReply(
    parent(
      'ticketcount',
      parent('departments', departmentXml) +
        comment('Ticket Count grouped by Status') +
        parent('statuses', entries(statuses).map(statusEntry)) +
        comment('Ticket Count grouped by Owner Staff') +
        parent('owners', entries(owners).map(fullEntry('ownerstaff'))) +
        comment('Unassigned Ticket Count grouped by Department') +
        parent('unassigned', entries(unassigned).map(fullEntry('department')))
    )
  )
}

export const TicketCount: Controller = { getList: count }
