import { nullableNumber, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource } from './resource'

/** The public test resource (`/tests`), useful to check connectivity and options. */
export interface Test extends Resource {
  readonly id: number
  readonly name: string
  readonly authenticationScheme: string | null
  readonly isBaseInstalled: boolean
  readonly user: Related<User> | null
  readonly isOdd: boolean
  readonly generationTime: number | null
}

// `session_id` (the caller's own session, a credential) is deliberately not kept.
export const test: Decoder<unknown, Test> = /*#__PURE__*/ record(
  'test',
  'id:I name:t authenticationScheme isBaseInstalled:b user:0 isOdd:b generationTime:1 resourceUrl',
  () => [related(user), nullableNumber],
  'session_id'
)
