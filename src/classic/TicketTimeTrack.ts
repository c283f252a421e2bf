/**
 * TicketTimeTrack — `/Tickets/TicketTimeTrack` (spec §2.12): time worked on a ticket. No PUT.
 *
 * The XML and the POST use different names for the same things; the entity follows the XML, the input says what
 * it is, and `post` sends the POST names: `timeWorked` → `timespent`, `workDate` → `worktimeline`,
 * `billDate` → `billtimeline`, `staffId` (the creator, `creatorstaffid` in the XML) → `staffid`.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { NOTE_COLORS, numericTicketId, timeTrack, type NoteColor, type TimeTrack } from './internal/tickets'
import { many, one } from './internal/xml'

export { NOTE_COLORS, NoteColor, type Code, type TimeTrack } from './internal/tickets'

/** A new time-tracking entry, for {@link post} (named as the XML names what it sends back). */
export interface NewTimeTrack {
  /** The staff member who records the entry (must exist). */
  readonly staffId: number
  readonly contents: string
  /** When the work was done. */
  readonly workDate: Date
  /** When it is billed. */
  readonly billDate: Date
  /** Seconds worked. */
  readonly timeWorked: number
  /** Seconds billable. */
  readonly timeBillable: number
  /** Who did the work (default: `staffId`); must exist. */
  readonly workerStaffId?: number
  readonly noteColor?: NoteColor
}

const timeTracks = /*#__PURE__*/ many('timetracks', 'timetrack', timeTrack)
const oneTimeTrack = /*#__PURE__*/ one(timeTracks)

const ROUTE = '/Tickets/TicketTimeTrack'

const ids = (ticketId: number, id: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('id', id))

/** A ticket's time-tracking entries: `GET /Tickets/TicketTimeTrack/ListAll/$ticketid$`. */
export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TimeTrack>> =>
  getRequest('TicketTimeTrack.all', `${ROUTE}/ListAll/${segment(ticketId)}`, timeTracks, { issues: numericTicketId('ticketId', ticketId) })

/** One entry; an unknown one is a 404 `Ticket time tracking note not Found`. */
export const get = (ticketId: number, id: number): ClassicRequest<TimeTrack> =>
  getRequest('TicketTimeTrack.get', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, oneTimeTrack, { issues: ids(ticketId, id) })

/** Every field of a time track's input, described once: the POST name (not the XML one) and the check. */
const FIELDS: Fields<NewTimeTrack, FormValue> = {
  staffId: { wire: 'staffid', check: V.positiveInt },
  contents: { wire: 'contents', check: V.nonBlank },
  workDate: { wire: 'worktimeline', check: V.date },
  billDate: { wire: 'billtimeline', check: V.date },
  timeWorked: { wire: 'timespent', check: V.nonNegativeInt },
  timeBillable: { wire: 'timebillable', check: V.nonNegativeInt },
  workerStaffId: { wire: 'workerstaffid', check: V.positiveInt },
  noteColor: { wire: 'notecolor', check: (path, value) => V.oneOf(path, value, NOTE_COLORS) }
}

const NEW_REQUIRED: RequiredFields<NewTimeTrack> = { staffId: true, contents: true, workDate: true, billDate: true, timeWorked: true, timeBillable: true }

/** Records time on a ticket: `POST /Tickets/TicketTimeTrack`; the answer is the entry as stored. */
export const post = (ticketId: number, input: NewTimeTrack): ClassicRequest<TimeTrack> => {
  const issues = V.issues(numericTicketId('ticketId', ticketId), checkFields(FIELDS, NEW_REQUIRED, input))
  const form = V.whenValid(issues, () => phpForm({ ticketid: ticketId, ...wireValues(FIELDS, input) }))
  return postRequest('TicketTimeTrack.post', ROUTE, oneTimeTrack, { issues, form })
}

/**
 * Deletes an entry: `DELETE /Tickets/TicketTimeTrack/$ticketid$/$id$`; 404 `Ticket time tracking note not Found`, 400
 * when it belongs to another ticket.
 */
const del = (ticketId: number, id: number): ClassicRequest<void> =>
  deleteRequest('TicketTimeTrack.delete', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, { issues: ids(ticketId, id) })

export { del as delete, get as find, post as save, del as destroy }
