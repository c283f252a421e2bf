/** `/Tickets/TicketNote` (spec §2.11, `T/api/class.Controller_TicketNote.php`): ListAll (ticket notes only), Get, Post, Delete. */
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { NoteRow, Store } from '../store'
import { isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { childTicket, renderNote, sanitizedNoteColour, sqlNumber, staffByCacheKey, ticketChildController, ticketNotFound } from './tickets'

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

export const TicketNote: Controller = /*#__PURE__*/ ticketChildController({
  controller: 'TicketNote',
  declared: { listAll: 89, get: 140, delete: 295 },
  texts: TEXTS,
  find: findNote,
  listAll,
  remove: (store, { row }) => store.notes.delete(row.id),
  post
})
