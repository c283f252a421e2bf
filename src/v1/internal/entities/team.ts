import { int, nullableText, related, type Related, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { businessHour, type BusinessHour } from './businessHour'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** A team of agents (`/teams`): cases are assigned to a team, then to one of its agents. */
export interface Team extends Timestamps, Resource {
  readonly id: number
  readonly legacyId: string | null
  readonly title: string
  /** The server's field is `businesshour` (one word). */
  readonly businessHour: Related<BusinessHour> | null
  readonly memberCount: number
}

export const team: Decoder<unknown, Team> = /*#__PURE__*/ struct('team', () => ({
  id: requiredInt('id'),
  legacyId: nullableText('legacy_id'),
  title: text('title'),
  businessHour: related('businesshour', businessHour),
  memberCount: int('member_count'),
  ...stamps(),
  ...url()
}))
