/**
 * TicketType — `/Tickets/TicketType` (spec §2.15), read-only: the types a ticket can have (`Ticket.typeId`).
 * Since 4.01.240.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { getRequest, segment, type ClassicRequest } from './internal/request'
import { bool, first, int, list, literal, many, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

/** `public`: users can pick it in the support center; `private`: staff only. */
export type TicketTypeVisibility = 'public' | 'private'

/** Every `TicketTypeVisibility`. */
export const TICKET_TYPE_VISIBILITIES: ReadonlyArray<TicketTypeVisibility> = ['public', 'private']

/** A ticket type as `GET /Tickets/TicketType` answers it. */
export interface TicketType {
  readonly id: number
  readonly title: string
  readonly displayOrder: number
  /** The department the type belongs to; 0 = every department. */
  readonly departmentId: number
  readonly displayIcon: string
  readonly type: TicketTypeVisibility
  /** When true, only the user groups in `userGroupIds` see the type. */
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  readonly extra: Extra
}

const ticketType: Decoder<XmlElement, TicketType> = /*#__PURE__*/ struct('tickettype', {
  id: requiredInt('id'),
  title: text('title'),
  displayOrder: int('displayorder'),
  departmentId: int('departmentid'),
  displayIcon: text('displayicon'),
  type: literal('type', TICKET_TYPE_VISIBILITIES, 'public'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: list('usergroupid', textAs(toInt))
})

const ticketTypes = /*#__PURE__*/ many('tickettypes', 'tickettype', ticketType)
const oneTicketType = /*#__PURE__*/ first(ticketTypes)

const ROUTE = '/Tickets/TicketType'

/** Every ticket type. */
export const all = (): ClassicRequest<ReadonlyArray<TicketType>> => getRequest('TicketType.all', ROUTE, ticketTypes)

/** One type; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<TicketType>> =>
  getRequest('TicketType.get', `${ROUTE}/${segment(id)}`, oneTicketType, { issues: V.positiveInt('id', id) })

export { get as find }
