import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import type { Resource, Timestamps } from './resource'

/** A case priority (`/cases/priorities`): a label and its level; a higher level is more urgent. */
export interface CasePriority extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly level: number
  /** Seen in Kayako's agent app only. */
  readonly color: string | null
}

export const casePriority: Decoder<unknown, CasePriority> = /*#__PURE__*/ record(
  'case_priority',
  'id:I label:t level:i color createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)
