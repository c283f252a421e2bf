import { date, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Case, kase } from './case'
import { type User, user } from './people'
import { type Resource, type Timestamps } from './resource'

/** A customer's verdict on a case. */
export type RatingScore = 'GOOD' | 'BAD'

/** A customer's satisfaction rating of a case (as Kayako's agent app reads `/cases/ratings/recent`). */
export interface Rating extends Timestamps, Resource {
  readonly id: number
  readonly score: RatingScore | null
  readonly comment: string | null
  readonly case: Related<Case> | null
  readonly creator: Related<User> | null
}

export const rating: Decoder<unknown, Rating> = /*#__PURE__*/ record(
  'rating',
  'id:I score comment case:1 creator:2 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(kase), related(user)]
)
