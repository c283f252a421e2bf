import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import type { Resource, Timestamps } from './resource'

/** The kind of a case type: the built-in ones, or `CUSTOM` for one an admin added. */
export type CaseTypeType = 'QUESTION' | 'TASK' | 'PROBLEM' | 'INCIDENT' | 'CUSTOM'

/** A case type (`/cases/types`): a label and its kind. */
export interface CaseType extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly type: CaseTypeType | null
}

export const caseType: Decoder<unknown, CaseType> = /*#__PURE__*/ record('case_type', 'id:I label:t type createdAt:0 updatedAt:0 resourceUrl', () => [date])
