/**
 * TicketTimeTrack — `/Tickets/TicketTimeTrack` (spec §2.12): time worked on a ticket. No PUT.
 *
 * The XML and the POST use different names for the same things; the entity follows the XML, the input says what
 * it is, and `post` sends the POST names: `timeWorked` → `timespent`, `workDate` → `worktimeline`,
 * `billDate` → `billtimeline`, `staffId` (the creator, `creatorstaffid` in the XML) → `staffid`.
 */
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest } from './request'
import { NOTE_COLOURS, numericTicketId, timeTrack, type NoteColour, type TimeTrack } from './tickets'
import { list, single } from './xml'

export { NOTE_COLOURS, NoteColour, type Code, type TimeTrack } from './tickets'

export interface NewTimeTrack {
  readonly ticketId: number
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
  readonly noteColour?: NoteColour
}

const timeTracks = /*#__PURE__*/ list('timetracks', 'timetrack', timeTrack)
const oneTimeTrack = /*#__PURE__*/ single(timeTracks)

const ROUTE = '/Tickets/TicketTimeTrack'

const ids = (ticketId: number, id: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('id', id))

export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TimeTrack>> =>
  getRequest('TicketTimeTrack.all', `${ROUTE}/ListAll/${segment(ticketId)}`, timeTracks, { issues: numericTicketId('ticketId', ticketId) })

/** One entry; an unknown one is a 404 `Ticket time tracking note not Found`. */
export const get = (ticketId: number, id: number): ClassicRequest<TimeTrack> =>
  getRequest('TicketTimeTrack.get', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, oneTimeTrack, { issues: ids(ticketId, id) })

export const post = (input: NewTimeTrack): ClassicRequest<TimeTrack> => {
  const issues = V.input(input, (i) =>
    V.issues(
      numericTicketId('ticketId', i.ticketId),
      V.positiveInt('staffId', i.staffId),
      V.nonBlank('contents', i.contents),
      V.date('workDate', i.workDate),
      V.date('billDate', i.billDate),
      V.nonNegativeInt('timeWorked', i.timeWorked),
      V.nonNegativeInt('timeBillable', i.timeBillable),
      V.optional(i.workerStaffId, (n) => V.positiveInt('workerStaffId', n)),
      V.optional(i.noteColour, (c) => V.oneOf('noteColour', c, NOTE_COLOURS))
    )
  )
  const form = V.whenValid(issues, () =>
    phpForm({
      ticketid: input.ticketId,
      staffid: input.staffId,
      contents: input.contents,
      worktimeline: input.workDate,
      billtimeline: input.billDate,
      timespent: input.timeWorked,
      timebillable: input.timeBillable,
      workerstaffid: input.workerStaffId,
      notecolor: input.noteColour
    })
  )
  return postRequest('TicketTimeTrack.post', ROUTE, oneTimeTrack, { issues, form })
}

const del = (ticketId: number, id: number): ClassicRequest<void> =>
  deleteRequest('TicketTimeTrack.delete', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, { issues: ids(ticketId, id) })

export { del as delete, get as find, post as save, del as destroy }
