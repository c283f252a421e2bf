import { literal, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

export type CaseTypeType = 'QUESTION' | 'TASK' | 'PROBLEM' | 'INCIDENT' | 'CUSTOM'

export interface CaseType extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly type: CaseTypeType | null
}

export const caseType: Decoder<unknown, CaseType> = /*#__PURE__*/ struct('case_type', () => ({
  id: requiredInt('id'),
  label: text('label'),
  type: literal<CaseTypeType>('type'),
  ...stamps(),
  ...url()
}))
