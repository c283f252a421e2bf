import { int, nullableText, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** A case priority (`/cases/priorities`): a label and its level; a higher level is more urgent. */
export interface CasePriority extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly level: number
  /** Seen in Kayako's agent app only. */
  readonly color: string | null
}

export const casePriority: Decoder<unknown, CasePriority> = /*#__PURE__*/ struct('case_priority', () => ({
  id: requiredInt('id'),
  label: text('label'),
  level: int('level'),
  color: nullableText('color'),
  ...stamps(),
  ...url()
}))
