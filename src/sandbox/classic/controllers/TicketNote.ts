/** `/Tickets/TicketNote` (spec §2.11): ListAll (ticket notes only), Get, Post, Delete. */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { NoteRow } from '../store'
import { intVar, isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { childOf, isReply, renderNote, ticketNotFound } from './tickets'

const TEXTS = { notFound: 'Ticket note not Found', elsewhere: 'Ticket note does not belong to the specified ticket' }

const notesReply = (rows: ReadonlyArray<NoteRow>): Reply => xmlReply(parent('notes', rows.map(renderNote)))

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  const ticket = store.findTicket(trimmed(vars, 'ticketid'))
  if (ticket === undefined) return ticketNotFound()
  const staff = store.staff.get(intVar(vars, 'staffid'))
  const fullname = str(vars, 'fullname') ?? ''
  if (staff === undefined && fullname.trim() === '') return badRequest('No fullname or staff id specified')
  // Only presence is checked: an empty note is accepted, as by the server.
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  const forStaff = intVar(vars, 'forstaffid')
  const note = store.notes.insert({
    ticketid: ticket.id,
    notecolor: intVar(vars, 'notecolor') || 1,
    creatorstaffid: staff?.id ?? 0,
    // An unknown `forstaffid` is ignored.
    forstaffid: store.staff.get(forStaff) !== undefined ? forStaff : 0,
    creatorstaffname: staff !== undefined ? store.staffName(staff.id) : fullname,
    creationdate: ctx.now,
    contents
  })
  ticket.lastactivity = ctx.now
  return notesReply([note])
}

export const TicketNote: Controller = {
  getList: () => badRequest('Not Implemented, Call /Tickets/TicketNote/ListAll instead.'),
  actions: {
    listall: (ctx, [ticketArg]) => {
      const ticket = ctx.store.findTicket(ticketArg ?? '')
      if (ticket === undefined) return ticketNotFound()
      return notesReply(ctx.store.notes.where((n) => n.ticketid === ticket.id).sort((a, b) => a.creationdate - b.creationdate || a.id - b.id))
    }
  },
  get: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.notes, args, TEXTS)
    return isReply(found) ? found : notesReply([found.row])
  },
  post,
  delete: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.notes, args, TEXTS)
    if (isReply(found)) return found
    ctx.store.notes.delete(found.row.id)
    return deleted
  }
}
