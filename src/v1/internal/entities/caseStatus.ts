import { bool, int, literal, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

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

export const caseStatus: Decoder<unknown, CaseStatus> = /*#__PURE__*/ struct('case_status', () => ({
  id: requiredInt('id'),
  label: text('label'),
  type: literal<CaseStatusType>('type'),
  sortOrder: int('sort_order'),
  isSlaActive: bool('is_sla_active'),
  isDeleted: bool('is_deleted'),
  ...stamps(),
  ...url()
}))
