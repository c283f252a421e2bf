/**
 * TicketCount — `GET /Tickets/TicketCount` (spec §2.9): the helpdesk's ticket counters, from the server's cache.
 * One method, no parameters. Counter elements are attributes except a department's own totals, which are children.
 */
import type { Decoder } from '../core/decoder'
import { getRequest, type ClassicRequest } from './internal/request'
import { attrInt, attrTimestamp, int, list, listIn, requiredAttrInt, struct, timestamp, type Extra, type XmlElement } from './internal/xml'

/** Tickets in one status. */
export interface StatusCount {
  readonly statusId: number
  readonly lastActivity: Date | null
  readonly totalItems: number
  readonly extra: Extra
}

/** Tickets of one type (id 0 = no type; servers up to 4.01.240 always sent 0, SWIFT-1465). */
export interface TypeCount {
  readonly typeId: number
  readonly lastActivity: Date | null
  readonly totalItems: number
  readonly totalUnresolvedItems: number
  readonly extra: Extra
}

/** Tickets of one owner (id 0 = unassigned). */
export interface OwnerCount {
  readonly staffId: number
  readonly lastActivity: Date | null
  readonly totalItems: number
  readonly totalUnresolvedItems: number
  readonly extra: Extra
}

/** One department's counters, broken down by status, type and owner. */
export interface DepartmentCount {
  /** 0 or an unknown id for tickets outside any department (e.g. in the trash). */
  readonly departmentId: number
  readonly totalItems: number
  readonly totalUnresolvedItems: number
  readonly lastActivity: Date | null
  readonly statuses: ReadonlyArray<StatusCount>
  readonly types: ReadonlyArray<TypeCount>
  readonly owners: ReadonlyArray<OwnerCount>
  readonly extra: Extra
}

/** Unassigned tickets of one department (the id is a department id, whatever the Ruby client's comment says). */
export interface UnassignedCount {
  readonly departmentId: number
  readonly lastActivity: Date | null
  readonly totalItems: number
  readonly totalUnresolvedItems: number
  readonly extra: Extra
}

/** Every counter of the helpdesk, as `GET /Tickets/TicketCount` answers them. */
export interface TicketCount {
  readonly departments: ReadonlyArray<DepartmentCount>
  /** All departments together, by status. */
  readonly statuses: ReadonlyArray<StatusCount>
  /** All departments together, by owner. */
  readonly owners: ReadonlyArray<OwnerCount>
  readonly unassigned: ReadonlyArray<UnassignedCount>
  readonly extra: Extra
}

const statusCount = /*#__PURE__*/ struct('ticketstatus', {
  statusId: requiredAttrInt('id'),
  lastActivity: attrTimestamp('lastactivity'),
  totalItems: attrInt('totalitems')
})

const typeCount = /*#__PURE__*/ struct('tickettype', {
  typeId: requiredAttrInt('id'),
  lastActivity: attrTimestamp('lastactivity'),
  totalItems: attrInt('totalitems'),
  totalUnresolvedItems: attrInt('totalunresolveditems')
})

const ownerCount = /*#__PURE__*/ struct('ownerstaff', {
  staffId: requiredAttrInt('id'),
  lastActivity: attrTimestamp('lastactivity'),
  totalItems: attrInt('totalitems'),
  totalUnresolvedItems: attrInt('totalunresolveditems')
})

const departmentCount = /*#__PURE__*/ struct('department', {
  departmentId: requiredAttrInt('id'),
  totalItems: int('totalitems'),
  totalUnresolvedItems: int('totalunresolveditems'),
  lastActivity: timestamp('lastactivity'),
  statuses: list('ticketstatus', statusCount),
  types: list('tickettype', typeCount),
  owners: list('ownerstaff', ownerCount)
})

const unassignedCount = /*#__PURE__*/ struct('department', {
  departmentId: requiredAttrInt('id'),
  lastActivity: attrTimestamp('lastactivity'),
  totalItems: attrInt('totalitems'),
  totalUnresolvedItems: attrInt('totalunresolveditems')
})

const ticketCount: Decoder<XmlElement, TicketCount> = /*#__PURE__*/ struct('ticketcount', {
  departments: listIn('departments', 'department', departmentCount),
  statuses: listIn('statuses', 'ticketstatus', statusCount),
  owners: listIn('owners', 'ownerstaff', ownerCount),
  unassigned: listIn('unassigned', 'department', unassignedCount)
})

/** Every counter of the helpdesk. */
export const get = (): ClassicRequest<TicketCount> => getRequest('TicketCount.get', '/Tickets/TicketCount', ticketCount)

export { get as find }
