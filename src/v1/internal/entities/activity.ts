import { date, type Extra, freeForm, nullableNumber, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { anyResource, type AnyResource } from './resource'

/** Someone or something an activity names (its actor, object, target …), as the agent app shows it. */
export interface ActivityObject {
  readonly name: string | null
  readonly title: string | null
  readonly prefix: string | null
  readonly url: string | null
  readonly fullTitle: string | null
  readonly image: string | null
  readonly preposition: string | null
  /** The resource itself (a user, a case …). */
  readonly original: Related<AnyResource> | null
  readonly extra: Extra
}

/** What an {@link ActivityAction} did to its field. */
export type ActivityActionKind = 'CREATED' | 'UPDATED' | 'DELETED'

/** One change an activity made. */
export interface ActivityAction {
  readonly action: ActivityActionKind | null
  readonly field: string | null
  readonly oldValue: string | null
  readonly newValue: string | null
  readonly extra: Extra
}

/** An entry of a case's audit trail (spec §3.2 activity). */
export interface Activity {
  readonly id: number
  /** What happened, e.g. `case.updated`. */
  readonly activity: string
  readonly actor: ActivityObject | null
  readonly verb: string | null
  readonly summary: string | null
  readonly actions: ReadonlyArray<Related<ActivityAction>>
  readonly object: ActivityObject | null
  readonly objectActor: ActivityObject | null
  readonly target: ActivityObject | null
  /** Free-form (city, country, time zone …): keys as the server sent them. */
  readonly location: Readonly<Record<string, unknown>>
  readonly portal: string | null
  /** How much the entry matters; `minimumWeight` filters on it. */
  readonly weight: number | null
  readonly ipAddress: string | null
  readonly createdAt: Date | null
  readonly resourceUrl: string | null
  readonly extra: Extra
}

const activityObject: Decoder<unknown, ActivityObject> = /*#__PURE__*/ record(undefined, 'name title prefix url fullTitle image preposition original:0', () => [
  related(anyResource)
])

const activityAction: Decoder<unknown, ActivityAction> = /*#__PURE__*/ record(undefined, 'action field oldValue newValue')

export const activity: Decoder<unknown, Activity> = /*#__PURE__*/ record(
  'activity',
  'id:I activity:t actor:1 verb summary actions:2 object:1 objectActor:1 target:1 location:3 portal weight:4 ' + 'ipAddress createdAt:0 resourceUrl',
  () => [date, activityObject, relatedList(activityAction), freeForm, nullableNumber]
)
