import { date, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Case, kase } from './case'
import { type User, user } from './people'
import { type Resource, type Timestamps } from './resource'

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

export const timeTracking: Decoder<unknown, TimeTracking> = /*#__PURE__*/ record(
  'timetracking_log',
  'id:I logType case:1 agent:2 creator:2 timeSpent:i createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(kase), related(user)]
)
