import { date, literal, nullableText, related, type Related, requiredText, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type User, user } from './people'
import { type Resource, url } from './resource'

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

export const session: Decoder<unknown, Session> = /*#__PURE__*/ struct('session', () => ({
  id: requiredText('id'),
  portal: nullableText('portal'),
  ipAddress: nullableText('ip_address'),
  userAgent: nullableText('user_agent'),
  instanceId: nullableText('instance_id'),
  instanceName: nullableText('instance_name'),
  user: related('user', user),
  status: literal<SessionStatus>('status'),
  lastActivityAt: date('last_activity_at'),
  createdAt: date('created_at'),
  ...url()
}))
