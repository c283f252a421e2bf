import { date, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { businessHour, type BusinessHour } from './businessHour'
import type { Resource, Timestamps } from './resource'

/** A team of agents (`/teams`): cases are assigned to a team, then to one of its agents. */
export interface Team extends Timestamps, Resource {
  readonly id: number
  readonly legacyId: string | null
  readonly title: string
  /** The server's field is `businesshour` (one word). */
  readonly businessHour: Related<BusinessHour> | null
  readonly memberCount: number
}

export const team: Decoder<unknown, Team> = /*#__PURE__*/ record(
  'team',
  'id:I legacyId title:t businessHour:1:businesshour memberCount:i createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(businessHour)]
)
