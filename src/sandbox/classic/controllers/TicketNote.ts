/** `/Tickets/TicketNote` (spec §2.11, `T/api/class.Controller_TicketNote.php`): ListAll (ticket notes only), Get, Post, Delete. */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { NoteRow, Store } from '../store'
import { isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import {
  childOf,
  childTicket,
  isReply,
  renderNote,
  rowFilter,
  sanitizedNoteColour,
  sqlNumber,
  staffByCacheKey,
  ticketNotFound,
  tooFewArguments
} from './tickets'

const TEXTS = { notFound: 'Ticket note not Found', elsewhere: 'Ticket note does not belong to the specified ticket' }

/** `WHERE linktype = 1 AND linktypeid = '<raw ticket argument>'` (`T/api/TicketNote.php:109-110`), no ORDER BY: by id. */
const listAll = (store: Store, ticketKey: number, only: (id: number) => boolean): Reply =>
  xmlReply(parent('notes', store.notes.where((n) => n.ticketid === ticketKey && only(n.id)).map(renderNote)))

/** `new SWIFT_TicketNote($id)`: `WHERE ticketnoteid = '<id>'` as SQL reads it (`SWIFT_TicketNoteManager.php:104`). */
const findNote =
  (store: Store) =>
  (idArg: string): NoteRow | undefined => {
    const id = sqlNumber(idArg)
    return id > 0 ? store.notes.get(id) : undefined
  }

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  const found = childTicket(store, str(vars, 'ticketid') ?? '')
  if (found === undefined) return ticketNotFound()
  // `isset($_staffCache[$_POST['staffid']])`: the id must be a staff cache key as sent (`:212-213`); `empty()` makes
  // a fullname of '0' missing (L20).
  const staff = staffByCacheKey(store, str(vars, 'staffid'))
  if (staff === undefined && (trimmed(vars, 'fullname') === '' || isEmpty(vars, 'fullname'))) return badRequest('No fullname or staff id specified')
  // Only presence is checked: an empty note is accepted, as by the server.
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  const forStaff = staffByCacheKey(store, str(vars, 'forstaffid'))
  const note = store.notes.insert({
    ticketid: found.ticket.id,
    notecolor: sanitizedNoteColour(str(vars, 'notecolor')),
    creatorstaffid: staff?.id ?? 0,
    // An unknown `forstaffid` is ignored.
    forstaffid: forStaff?.id ?? 0,
    creatorstaffname: staff !== undefined ? store.staffName(staff.id) : (str(vars, 'fullname') ?? ''),
    creationdate: ctx.now,
    contents
  })
  found.ticket.lastactivity = ctx.now
  // The answer lists the note under the raw `ticketid` (`:278`): empty for a display id (H1).
  return listAll(store, found.key, (id) => id === note.id)
}

export const TicketNote: Controller = {
  getList: () => badRequest('Not Implemented, Call /Tickets/TicketNote/ListAll instead.'),
  actions: {
    listall: (ctx, args) => {
      const [ticketArg, noteArg] = args
      const missing = tooFewArguments('TicketNote', 'ListAll', args, 1, true, 89)
      if (missing !== undefined) return missing
      const found = childTicket(ctx.store, ticketArg ?? '')
      return found === undefined ? ticketNotFound() : listAll(ctx.store, found.key, rowFilter(noteArg))
    }
  },
  get: (ctx, args) => {
    const missing = tooFewArguments('TicketNote', 'Get', args, 2, false, 140)
    if (missing !== undefined) return missing
    const found = childOf(ctx.store, findNote(ctx.store), args, TEXTS)
    return isReply(found) ? found : listAll(ctx.store, found.ticket.key, (id) => id === found.row.id)
  },
  post,
  delete: (ctx, args) => {
    const missing = tooFewArguments('TicketNote', 'Delete', args, 2, false, 295)
    if (missing !== undefined) return missing
    const found = childOf(ctx.store, findNote(ctx.store), args, TEXTS)
    if (isReply(found)) return found
    ctx.store.notes.delete(found.row.id)
    return deleted
  }
}
