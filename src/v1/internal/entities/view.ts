import { date, type Extra, list, listAsSent, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'

/** A view's kind: the built-in inbox, suspended and trash views, or one an agent or admin made. */
export type ViewType = 'INBOX' | 'SUSPENDED' | 'TRASH' | 'CUSTOM'
/** Who sees a view: every agent, its creator only, or some teams. */
export type ViewVisibility = 'ALL' | 'SELF' | 'TEAM'

/** One condition of a view: `field` compared by `operator` with `value` (e.g. `cases.statusid`, `comparison_equalto`, `1`). */
export interface Proposition {
  readonly field: string | null
  readonly operator: string | null
  readonly value: string | null
  readonly extra: Extra
}

const proposition: Decoder<unknown, Proposition> = /*#__PURE__*/ record(undefined, 'field operator value')

/** Propositions that must all hold; a view selects the cases that match any of its collections. */
export interface PredicateCollection {
  readonly propositions: ReadonlyArray<Proposition>
  readonly extra: Extra
}

const predicateCollection: Decoder<unknown, PredicateCollection> = /*#__PURE__*/ record(undefined, 'propositions:0', () => [list(proposition)])

/**
 * A case view (spec §3.2 view): the agent app's inboxes and saved filters. Its agent and teams are decoded generically
 * (see {@link AnyResource}): `User.get` and `Team.get` read them whole.
 */
export interface View extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly type: ViewType | null
  readonly visibilityType: ViewVisibility | null
  /** The agent who made it (a user). */
  readonly agent: Related<AnyResource> | null
  /** The teams that see it when `visibilityType` is `TEAM`. */
  readonly visibilityToTeams: ReadonlyArray<Related<AnyResource>>
  /** The columns the agent app shows (their shape is not documented: kept as sent). */
  readonly columns: ReadonlyArray<unknown>
  readonly predicateCollections: ReadonlyArray<PredicateCollection>
  readonly orderByColumn: string | null
  readonly orderBy: 'ASC' | 'DESC' | null
  readonly sortOrder: number
  readonly isDefault: boolean
  readonly isSystem: boolean
  readonly isEnabled: boolean
  readonly realtimeChannel: string | null
}

export const view: Decoder<unknown, View> = /*#__PURE__*/ record(
  'view',
  'id:I title:t type visibilityType agent:1 visibilityToTeams:2 columns:3 predicateCollections:4 orderByColumn ' +
    'orderBy sortOrder:i isDefault:b isSystem:b isEnabled:b realtimeChannel createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(anyResource), relatedList(anyResource), listAsSent, list(predicateCollection)]
)

/** How many cases a view holds (`/views/counts`). */
export interface ViewCount {
  readonly view: Related<View> | null
  readonly count: number
  /** `ACCURATE`, `RELATIVE` (an estimate) or `UNKNOWN`. */
  readonly countAccuracy: string | null
  readonly realtimeChannel: string | null
  readonly extra: Extra
}

export const viewCount: Decoder<unknown, ViewCount> = /*#__PURE__*/ record('view_count', 'view:0 count:i countAccuracy realtimeChannel', () => [related(view)])
