/** `/Tickets/TicketTimeTrack` (spec §2.12): ListAll, Get, Post, Delete. POST names differ from the XML attributes. */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { TimeTrackRow } from '../store'
import { intVar, isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { childOf, isReply, renderTimeTrack, ticketNotFound } from './tickets'

const TEXTS = { notFound: 'Ticket time tracking note not Found', elsewhere: 'Ticket time tracking note does not belong to the specified ticket' }

const timeTracksReply = (rows: ReadonlyArray<TimeTrackRow>): Reply => xmlReply(parent('timetracks', rows.map(renderTimeTrack)))

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  const ticket = store.findTicket(trimmed(vars, 'ticketid'))
  if (ticket === undefined) return ticketNotFound()
  const staff = store.staff.get(intVar(vars, 'staffid'))
  if (staff === undefined) return badRequest('No staff id specified')
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  if (isEmpty(vars, 'worktimeline')) return badRequest('No work timeline specified')
  if (isEmpty(vars, 'billtimeline')) return badRequest('No bill timeline specified')
  if (!vars.has('timespent')) return badRequest('No time spent specified')
  if (!vars.has('timebillable')) return badRequest('No time billable specified')
  let worker = staff
  if (vars.has('workerstaffid')) {
    const found = store.staff.get(intVar(vars, 'workerstaffid'))
    if (found === undefined) return badRequest('Invalid worker staff id specified')
    worker = found
  }
  const row = store.timeTracks.insert({
    ticketid: ticket.id,
    timeworked: intVar(vars, 'timespent'),
    timebillable: intVar(vars, 'timebillable'),
    billdate: intVar(vars, 'billtimeline'),
    workdate: intVar(vars, 'worktimeline'),
    workerstaffid: worker.id,
    workerstaffname: store.staffName(worker.id),
    creatorstaffid: staff.id,
    creatorstaffname: store.staffName(staff.id),
    notecolor: intVar(vars, 'notecolor') || 1,
    contents,
    dateline: ctx.now
  })
  ticket.lastactivity = ctx.now
  return timeTracksReply([row])
}

export const TicketTimeTrack: Controller = {
  getList: () => badRequest('Not Implemented, Call /Tickets/TicketTimeTrack/ListAll instead.'),
  actions: {
    listall: (ctx, [ticketArg]) => {
      const ticket = ctx.store.findTicket(ticketArg ?? '')
      return ticket === undefined ? ticketNotFound() : timeTracksReply(ctx.store.timeTracks.where((t) => t.ticketid === ticket.id))
    }
  },
  get: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.timeTracks, args, TEXTS)
    return isReply(found) ? found : timeTracksReply([found.row])
  },
  post,
  delete: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.timeTracks, args, TEXTS)
    if (isReply(found)) return found
    ctx.store.timeTracks.delete(found.row.id)
    return deleted
  }
}
