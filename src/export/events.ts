// The contract of `kayako-fp/export`: the events an export yields, its checkpoint and its options. Types and the
// resource names only, so the `kayako export` command builds on them without the walks' code.
import type { KayakoError } from '../core/error'

/** Which API an export reads. */
export type ExportApi = 'classic' | 'v1'

/** Where an export stands, JSON-serialisable, opaque to the caller: pass it back as `resume` to go on after it. */
export interface Checkpoint {
  readonly api: ExportApi
  readonly version: 1
  /** Resources finished, in order. */
  readonly done: ReadonlyArray<string>
  /** The resource in progress and the library's cursor into it (JSON), if any. */
  readonly current?: { readonly resource: string; readonly cursor: unknown }
}

/**
 * One thing that happened, in order. Records of one resource arrive in a deterministic order (the same on every run
 * and after a resume, whatever `concurrency`), so files written from the events are byte-identical across runs.
 *
 * Children (a ticket's posts, notes …; a case's posts, notes …) are read per parent, so their records are interleaved
 * with the parents' records: every `record` names its own resource (`ticket-posts`), and the children's
 * `resource-start` events come right after their parent's, their `resource-end` events right before the parent's.
 */
export type ExportEvent =
  | { readonly type: 'resource-start'; readonly resource: string; readonly total?: number }
  | { readonly type: 'record'; readonly resource: string; readonly id: string; readonly record: unknown }
  | {
      readonly type: 'file'
      readonly resource: string
      readonly id: string
      readonly name: string
      readonly bytes: Uint8Array
      readonly owner: { readonly resource: string; readonly id: string }
    }
  /** Every event before this one is covered by `checkpoint`: a run resumed from it emits none of them again. */
  | { readonly type: 'page'; readonly resource: string; readonly checkpoint: Checkpoint }
  | { readonly type: 'retry'; readonly resource: string; readonly waitMs: number; readonly reason: string }
  | { readonly type: 'resource-end'; readonly resource: string; readonly count: number }
  /** A record or page that could not be read; the export goes on. `raw`: the server's answer (scrubbed), if any. */
  | {
      readonly type: 'error'
      readonly resource: string
      readonly error: KayakoError
      readonly raw?: string
      readonly id?: string
    }

/** How an export runs: which resources, which records, how many requests at once, where to go on from. */
export interface ExportOptions {
  /** Resource names to export (default all, in dependency order); unknown names are a ValidationError up front. */
  readonly resources?: ReadonlyArray<string>
  /** Only records created or updated since this date, where the API can filter or the record says when. */
  readonly since?: Date
  /** Partition tickets/cases (and their children) by id: `{ index: i, count: n }`, 0 ≤ i < n (id mod n === i). */
  readonly shard?: { readonly index: number; readonly count: number }
  /** Requests in flight at once (default 4); order of events is unaffected. */
  readonly concurrency?: number
  /** Go on after this checkpoint. */
  readonly resume?: Checkpoint
  /** Whether a file (attachment) is already complete on the caller's side: it is then not downloaded again. */
  readonly haveFile?: (resource: string, id: string) => boolean
  /** Stops the export (the iterator ends after the current event). */
  readonly signal?: AbortSignal
}

/** The resource names of the Classic API, in export order (children right after their parent). */
export const CLASSIC_RESOURCES: ReadonlyArray<string> = [
  'departments',
  'staff-groups',
  'staff',
  'user-groups',
  'organizations',
  'users',
  'ticket-statuses',
  'ticket-priorities',
  'ticket-types',
  'custom-field-groups',
  'custom-fields',
  'custom-field-options',
  'tickets',
  'ticket-posts',
  'ticket-notes',
  'ticket-time-tracks',
  'ticket-custom-fields',
  'ticket-attachments',
  'knowledgebase-categories',
  'knowledgebase-articles',
  'knowledgebase-attachments',
  'news-categories',
  'news-items',
  'troubleshooter-categories',
  'troubleshooter-steps',
  'troubleshooter-attachments'
]

/** The resource names of the v1 API, in export order (children right after their parent). */
export const V1_RESOURCES: ReadonlyArray<string> = [
  'settings',
  'teams',
  'roles',
  'brands',
  'organization-fields',
  'organization-field-options',
  'organizations',
  'user-fields',
  'user-field-options',
  'users',
  'case-fields',
  'case-field-options',
  'case-forms',
  'case-statuses',
  'case-priorities',
  'case-types',
  'cases',
  'case-posts',
  'case-notes',
  'case-attachments',
  'case-time-entries',
  'case-field-values',
  'helpcenter-categories',
  'helpcenter-sections',
  'helpcenter-articles'
]
