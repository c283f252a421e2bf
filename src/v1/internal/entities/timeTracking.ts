import { int, literal, requiredInt, related, type Related, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Case, kase } from './case'
import { type User, user } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** WORKED: time an agent logged; VIEWED: time the agent app counted while the case was open (importers skip these). */
export type TimeTrackingLogType = 'WORKED' | 'VIEWED'

/** A time entry on a case (`timetracking_log`; fields as Kayako's agent app and the Zammad importer read them). */
export interface TimeTracking extends Timestamps, Resource {
  readonly id: number
  readonly logType: TimeTrackingLogType | null
  readonly case: Related<Case> | null
  /** Whose time it is. */
  readonly agent: Related<User> | null
  readonly creator: Related<User> | null
  /** Seconds. */
  readonly timeSpent: number
}

export const timeTracking: Decoder<unknown, TimeTracking> = /*#__PURE__*/ struct('timetracking_log', () => ({
  id: requiredInt('id'),
  logType: literal<TimeTrackingLogType>('log_type'),
  case: related('case', kase),
  agent: related('agent', user),
  creator: related('creator', user),
  timeSpent: int('time_spent'),
  ...stamps(),
  ...url()
}))
