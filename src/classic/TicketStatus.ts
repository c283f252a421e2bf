/**
 * TicketStatus — `/Tickets/TicketStatus` (spec §2.15), read-only: the statuses a ticket can have
 * (`Ticket.statusId`). Since 4.01.240.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { getRequest, segment, type ClassicRequest } from './internal/request'
import { bool, first, int, list, literal, many, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

/** `public`: shown to users in the support center; `private`: staff only. */
export type TicketStatusType = 'public' | 'private'

/** Every `TicketStatusType`. */
export const TICKET_STATUS_TYPES: ReadonlyArray<TicketStatusType> = ['public', 'private']

/** A ticket status as `GET /Tickets/TicketStatus` answers it. */
export interface TicketStatus {
  readonly id: number
  readonly title: string
  readonly displayOrder: number
  /** The department the status belongs to; 0 = every department. */
  readonly departmentId: number
  /** An image path; may contain template placeholders such as `{$themepath}`. */
  readonly displayIcon: string
  readonly type: TicketStatusType
  readonly displayInMainList: boolean
  /** Tickets in this status count as resolved (`Ticket.all` leaves them out unless asked for by id). */
  readonly markAsResolved: boolean
  readonly displayCount: boolean
  /** `#rrggbb`. */
  readonly statusColor: string
  /** `#rrggbb`. */
  readonly statusBgColor: string
  readonly resetDueTime: boolean
  readonly triggerSurvey: boolean
  /** When true, only the staff groups in `staffGroupIds` see the status. */
  readonly staffVisibilityCustom: boolean
  readonly staffGroupIds: ReadonlyArray<number>
  readonly extra: Extra
}

const ticketStatus: Decoder<XmlElement, TicketStatus> = /*#__PURE__*/ struct('ticketstatus', {
  id: requiredInt('id'),
  title: text('title'),
  displayOrder: int('displayorder'),
  departmentId: int('departmentid'),
  displayIcon: text('displayicon'),
  type: literal('type', TICKET_STATUS_TYPES, 'public'),
  displayInMainList: bool('displayinmainlist'),
  markAsResolved: bool('markasresolved'),
  displayCount: bool('displaycount'),
  statusColor: text('statuscolor'),
  statusBgColor: text('statusbgcolor'),
  resetDueTime: bool('resetduetime'),
  triggerSurvey: bool('triggersurvey'),
  staffVisibilityCustom: bool('staffvisibilitycustom'),
  staffGroupIds: list('staffgroupid', textAs(toInt))
})

const ticketStatuses = /*#__PURE__*/ many('ticketstatuses', 'ticketstatus', ticketStatus)
const oneTicketStatus = /*#__PURE__*/ first(ticketStatuses)

const ROUTE = '/Tickets/TicketStatus'

/** Every ticket status. */
export const all = (): ClassicRequest<ReadonlyArray<TicketStatus>> => getRequest('TicketStatus.all', ROUTE, ticketStatuses)

/** One status; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<TicketStatus>> =>
  getRequest('TicketStatus.get', `${ROUTE}/${segment(id)}`, oneTicketStatus, { issues: V.positiveInt('id', id) })

export { get as find }
