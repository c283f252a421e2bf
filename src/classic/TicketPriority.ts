/**
 * TicketPriority — `/Tickets/TicketPriority` (spec §2.15), read-only: the priorities a ticket can have
 * (`Ticket.priorityId`). Since 4.01.240.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { getRequest, segment, type ClassicRequest } from './internal/request'
import { bool, first, int, list, literal, many, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

/** `public`: users can pick it in the support center; `private`: staff only. */
export type TicketPriorityType = 'public' | 'private'

/** Every `TicketPriorityType`. */
export const TICKET_PRIORITY_TYPES: ReadonlyArray<TicketPriorityType> = ['public', 'private']

/** A ticket priority as `GET /Tickets/TicketPriority` answers it. */
export interface TicketPriority {
  readonly id: number
  readonly title: string
  readonly displayOrder: number
  /** Text color, `#rrggbb`. */
  readonly frColorCode: string
  /** Background color, `#rrggbb`. */
  readonly bgColorCode: string
  /** Sent by servers before 2014 only (PHPAPI-13); '' otherwise. */
  readonly displayIcon: string
  readonly type: TicketPriorityType
  /** When true, only the user groups in `userGroupIds` see the priority. */
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  readonly extra: Extra
}

const ticketPriority: Decoder<XmlElement, TicketPriority> = /*#__PURE__*/ struct('ticketpriority', {
  id: requiredInt('id'),
  title: text('title'),
  displayOrder: int('displayorder'),
  frColorCode: text('frcolorcode'),
  bgColorCode: text('bgcolorcode'),
  displayIcon: text('displayicon'),
  type: literal('type', TICKET_PRIORITY_TYPES, 'public'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: list('usergroupid', textAs(toInt))
})

const ticketPriorities = /*#__PURE__*/ many('ticketpriorities', 'ticketpriority', ticketPriority)
const oneTicketPriority = /*#__PURE__*/ first(ticketPriorities)

const ROUTE = '/Tickets/TicketPriority'

/** Every ticket priority. */
export const all = (): ClassicRequest<ReadonlyArray<TicketPriority>> => getRequest('TicketPriority.all', ROUTE, ticketPriorities)

/** One priority; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<TicketPriority>> =>
  getRequest('TicketPriority.get', `${ROUTE}/${segment(id)}`, oneTicketPriority, { issues: V.positiveInt('id', id) })

export { get as find }
