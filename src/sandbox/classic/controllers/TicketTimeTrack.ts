/**
 * `/Tickets/TicketTimeTrack` (spec §2.12, `T/api/class.Controller_TicketTimeTrack.php`): ListAll, Get, Post, Delete.
 * POST names differ from the XML attributes.
 */
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store } from '../store'
import { intVar, isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { byIntId, childTicket, renderTimeTrack, sanitizedNoteColour, staffByCacheKey, ticketChildController, ticketNotFound } from './tickets'

const TEXTS = { notFound: 'Ticket time tracking note not Found', elsewhere: 'Ticket time tracking note does not belong to the specified ticket' }

/** `WHERE tickettimetracks.ticketid = '<raw ticket argument>'` (`T/api/TicketTimeTrack.php:108-110`), no ORDER BY: by id. */
const listAll = (store: Store, ticketKey: number, only: (id: number) => boolean): Reply =>
  xmlReply(parent('timetracks', store.timeTracks.where((t) => t.ticketid === ticketKey && only(t.id)).map(renderTimeTrack)))

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  const found = childTicket(store, str(vars, 'ticketid') ?? '')
  if (found === undefined) return ticketNotFound()
  const staff = staffByCacheKey(store, str(vars, 'staffid'))
  if (staff === undefined) return badRequest('No staff id specified')
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  if (isEmpty(vars, 'worktimeline')) return badRequest('No work timeline specified')
  if (isEmpty(vars, 'billtimeline')) return badRequest('No bill timeline specified')
  if (!vars.has('timespent')) return badRequest('No time spent specified')
  if (!vars.has('timebillable')) return badRequest('No time billable specified')
  let worker = staff
  if (vars.has('workerstaffid')) {
    const named = isEmpty(vars, 'workerstaffid') ? undefined : staffByCacheKey(store, str(vars, 'workerstaffid'))
    if (named === undefined) return badRequest('Invalid worker staff id specified')
    worker = named
  }
  const row = store.timeTracks.insert({
    ticketid: found.ticket.id,
    timeworked: intVar(vars, 'timespent'),
    timebillable: intVar(vars, 'timebillable'),
    billdate: intVar(vars, 'billtimeline'),
    workdate: intVar(vars, 'worktimeline'),
    workerstaffid: worker.id,
    workerstaffname: store.staffName(worker.id),
    creatorstaffid: staff.id,
    creatorstaffname: store.staffName(staff.id),
    // `GetSanitizedNoteColor` (`T/models/TimeTrack/class.SWIFT_TicketTimeTrack.php:100`).
    notecolor: sanitizedNoteColour(str(vars, 'notecolor')),
    contents,
    dateline: ctx.now
  })
  found.ticket.lastactivity = ctx.now
  // The answer lists the row under the raw `ticketid` (`T/api/TicketTimeTrack.php:274`): empty for a display id (H1).
  return listAll(store, found.key, (id) => id === row.id)
}

export const TicketTimeTrack: Controller = /*#__PURE__*/ ticketChildController({
  controller: 'TicketTimeTrack',
  declared: { listAll: 88, get: 141, delete: 291 },
  texts: TEXTS,
  find: (store) => byIntId(store.timeTracks),
  listAll,
  remove: (store, { row }) => store.timeTracks.delete(row.id),
  post
})
