import { literal, nullableText, related, type Related, requiredInt, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Case, kase } from './case'
import { type User, user } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'

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

export const rating: Decoder<unknown, Rating> = /*#__PURE__*/ struct('rating', () => ({
  id: requiredInt('id'),
  score: literal<RatingScore>('score'),
  comment: nullableText('comment'),
  case: related('case', kase),
  creator: related('creator', user),
  ...stamps(),
  ...url()
}))
