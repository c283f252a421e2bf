import { date, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource } from './resource'

/** An agent's presence, as the agent app shows it. */
export type SessionStatus = 'ONLINE' | 'OFFLINE' | 'AWAY' | 'BACK' | 'BUSY' | 'AUTOAWAY' | 'INVISIBLE'

/** The session resource. Its `id` is the session id itself: a credential, keep it out of logs. */
export interface Session extends Resource {
  readonly id: string
  readonly portal: string | null
  readonly ipAddress: string | null
  readonly userAgent: string | null
  readonly instanceId: string | null
  readonly instanceName: string | null
  readonly user: Related<User> | null
  readonly status: SessionStatus | null
  readonly lastActivityAt: Date | null
  readonly createdAt: Date | null
}

export const session: Decoder<unknown, Session> = /*#__PURE__*/ record(
  'session',
  'id:T portal ipAddress userAgent instanceId instanceName user:1 status lastActivityAt:0 createdAt:0 ' + 'resourceUrl',
  () => [date, related(user)]
)
