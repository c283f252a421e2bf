/**
 * The case filters of the lists of a user's or an organization's cases (`/users/:id/cases`,
 * `/organizations/:id/cases`, spec §3.1): written once for both modules, which may not import each other.
 */
import * as V from '../../core/validate'
import { csv, type ListFields, type OffsetArgs } from './request'

/** Every status type a related case list can filter on (`status`). */
export const CASE_STATUS_TYPES = ['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED', 'CUSTOM'] as const

/** A case status's type, the `status` filter of a user's or an organization's cases (custom statuses are `CUSTOM`). */
export type CaseStatusType = (typeof CASE_STATUS_TYPES)[number]

/** The filters of a related case list. */
export interface RelatedCaseListArgs extends OffsetArgs {
  /** Cases with a status of one of these types (CSV on the wire). */
  readonly status?: ReadonlyArray<CaseStatusType>
  /** Cases with a priority up to this level (organizations only, per the docs). */
  readonly priority?: number
}

const statusTypes = (path: string, value: unknown): V.Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => V.oneOf(`${path}[${i}]`, v, CASE_STATUS_TYPES)) : [{ path, message: 'must be an array' }]

export const RELATED_CASE_FIELDS: ListFields<RelatedCaseListArgs> = {
  status: { wire: 'status', check: statusTypes, encode: csv },
  priority: { wire: 'priority', check: V.positiveInt }
}
