import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import type { Resource, Timestamps } from './resource'

/** The type of a case status: the built-in ones, or `CUSTOM` for one an admin added. */
export type CaseStatusType = 'NEW' | 'OPEN' | 'PENDING' | 'COMPLETED' | 'CLOSED' | 'CUSTOM'

/** A case status (`/cases/statuses`): its label, type, order in lists, and whether the SLA clock runs in it. */
export interface CaseStatus extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly type: CaseStatusType | null
  readonly sortOrder: number
  readonly isSlaActive: boolean
  readonly isDeleted: boolean
}

export const caseStatus: Decoder<unknown, CaseStatus> = /*#__PURE__*/ record(
  'case_status',
  'id:I label:t type sortOrder:i isSlaActive:b isDeleted:b createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)
