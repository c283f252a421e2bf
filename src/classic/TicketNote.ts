/**
 * TicketNote — `/Tickets/TicketNote` (spec §2.11): staff notes on a ticket. No PUT.
 * Attribute style: the metadata are attributes of `<note>`, the note text is its content.
 * An unknown ticket or note is a 404 (`Ticket not Found`, `Ticket note not Found`), so `get` is not an `Option`.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { NOTE_COLORS, exactlyOne, numericTicketId, ticketNote, type NoteColor, type TicketNote } from './internal/tickets'
import { many, one } from './internal/xml'

export { NOTE_COLORS, NoteColor, type Code, type TicketNote } from './internal/tickets'

/** Exactly one of `staffId` (an existing staff member) and `fullName` says who writes the note. */
export interface NewTicketNote {
  readonly contents: string
  readonly staffId?: number
  readonly fullName?: string
  /** The staff member the note is for; unknown ids are ignored by the server. */
  readonly forStaffId?: number
  /** Default (server side): yellow. */
  readonly noteColor?: NoteColor
}

const notes = /*#__PURE__*/ many('notes', 'note', ticketNote)
const oneNote = /*#__PURE__*/ one(notes)

const ROUTE = '/Tickets/TicketNote'

const ids = (ticketId: number, noteId: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('noteId', noteId))

/** The ticket's notes (only `type="ticket"` notes; user and organization notes come with `Ticket.get`). */
export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TicketNote>> =>
  getRequest('TicketNote.all', `${ROUTE}/ListAll/${segment(ticketId)}`, notes, { issues: numericTicketId('ticketId', ticketId) })

/**
 * One note of a ticket: `GET /Tickets/TicketNote/$ticketid$/$noteid$`; 404 `Ticket note not Found`, 400 when it
 * belongs to another ticket.
 */
export const get = (ticketId: number, noteId: number): ClassicRequest<TicketNote> =>
  getRequest('TicketNote.get', `${ROUTE}/${segment(ticketId)}/${segment(noteId)}`, oneNote, { issues: ids(ticketId, noteId) })

/** Every field of a note's input, described once: wire name and check. */
const FIELDS: Fields<NewTicketNote, FormValue> = {
  contents: { wire: 'contents', check: V.nonBlank },
  staffId: { wire: 'staffid', check: V.positiveInt },
  fullName: { wire: 'fullname', check: V.nonBlank },
  forStaffId: { wire: 'forstaffid', check: V.positiveInt },
  noteColor: { wire: 'notecolor', check: (path, value) => V.oneOf(path, value, NOTE_COLORS) }
}

const NEW_REQUIRED: RequiredFields<NewTicketNote> = { contents: true }

const rules = (input: Partial<NewTicketNote>): V.Issues =>
  exactlyOne('staffId', [input.staffId, input.fullName], 'exactly one of staffId or fullName is required')

/** Adds a note to a ticket: `POST /Tickets/TicketNote`; the answer is the note as stored. */
export const post = (ticketId: number, input: NewTicketNote): ClassicRequest<TicketNote> => {
  const issues = V.issues(numericTicketId('ticketId', ticketId), checkFields(FIELDS, NEW_REQUIRED, input, rules))
  const form = V.whenValid(issues, () => phpForm({ ticketid: ticketId, ...wireValues(FIELDS, input) }))
  return postRequest('TicketNote.post', ROUTE, oneNote, { issues, form })
}

/**
 * Deletes a note: `DELETE /Tickets/TicketNote/$ticketid$/$noteid$`; 404 `Ticket note not Found`, 400 when it belongs
 * to another ticket.
 */
const del = (ticketId: number, noteId: number): ClassicRequest<void> =>
  deleteRequest('TicketNote.delete', `${ROUTE}/${segment(ticketId)}/${segment(noteId)}`, { issues: ids(ticketId, noteId) })

export { del as delete, get as find, post as save, del as destroy }
