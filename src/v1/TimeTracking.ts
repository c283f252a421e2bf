/**
 * TimeTracking — `/timetracking` (spec §3.1 "time tracking", Kayako's agent app and the Zammad importer): the time
 * entries of a case, and logging time on one. The list is cursor-paginated; the server names the next page in a
 * `Link` header (`rel="next"`), which `pages`/`collect` follow.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { timeTracking, type TimeTracking, type TimeTrackingLogType } from './internal/entities/timeTracking'
import { checkCursor, cursorQuery, getRequest, json, one, page, postRequest, type CursorArgs, type Page, type V1Request } from './internal/request'
import { getById } from './internal/endpoints'

export type { TimeTracking, TimeTrackingLogType } from './internal/entities/timeTracking'

/** The kinds of time entry: time spent working on a case, or only viewing it. */
export const LOG_TYPES = ['WORKED', 'VIEWED'] as const

/** A time entry to log on a case (`POST /timetracking`): the seconds spent, and whose and what kind they are. */
export interface NewTimeTracking {
  /** Seconds worked (the agent app logs whole minutes: 60, 900 …). */
  readonly timeSpent: number
  /** Default WORKED. */
  readonly logType?: TimeTrackingLogType
  /** Whose time it is; default the caller. */
  readonly agentId?: number
}

const PATH = '/timetracking'

const FIELDS: Fields<NewTimeTracking, unknown> = {
  timeSpent: { wire: 'timeSpent', check: V.positiveInt },
  logType: { wire: 'logType', check: (path, value) => V.oneOf(path, value, LOG_TYPES) },
  agentId: { wire: 'agentId', check: V.positiveInt }
}

const NEW_REQUIRED: RequiredFields<NewTimeTracking> = { timeSpent: true }

/** One page of a case's time entries, oldest first. */
export const all = (caseId: number, args: CursorArgs = {}): V1Request<Page<TimeTracking>> =>
  getRequest('TimeTracking.all', PATH, page(timeTracking), {
    query: { caseId, ...cursorQuery(args) },
    issues: V.issues(V.positiveInt('caseId', caseId), checkCursor(args))
  })

/** One time entry (`GET /timetracking/:id`). */
export const get = /*#__PURE__*/ getById('TimeTracking.get', PATH, timeTracking)

/** Logs time on a case (201). */
export const post = (caseId: number, input: NewTimeTracking): V1Request<TimeTracking> =>
  postRequest('TimeTracking.post', PATH, one(timeTracking), {
    issues: V.issues(V.positiveInt('caseId', caseId), checkFields(FIELDS, NEW_REQUIRED, input)),
    body: json({ caseId, ...wireValues(FIELDS, input) })
  })

export { get as find, post as save }
