/**
 * `kayako-fp/export`: every record of a helpdesk as one ordered stream of events, for both APIs. The export writes
 * nothing itself: pipe the records anywhere (the `kayako export` command writes NDJSON files and a manifest).
 *
 * - Order: phases in dependency order (`CLASSIC_RESOURCES`, `V1_RESOURCES`); a parent's children (a ticket's posts,
 *   notes, time tracks, custom field values and attachments) right after its record. The same on every run, after a
 *   resume too, whatever `concurrency`: children are fetched ahead in a window of `concurrency` parents and emitted in
 *   order, so memory holds a window, never a resource.
 * - Checkpoints: every `page` event carries one; `resume` goes on after it with exactly the events that followed it
 *   (`retry` events aside: they say what happened to this run). A finished resource ends with a `page` event too.
 * - Reads only: each request is checked to be a GET before the executor sees it (an export never writes, so a retry
 *   policy never repeats a write for it).
 * - Undecodable records: lists are read as element trees (Classic) or envelopes (v1) and each item is decoded on its
 *   own with the resource module's decoder, so one bad item is an `error` event with its raw text (scrubbed of
 *   `secrets`), and the items beside it are exported. A list that fails as a whole (the retries used up) is an `error`
 *   event and its resource ends there; per-parent failures (one ticket's posts) are `error` events and the export goes on.
 * - Long waits: the executor's transport retries (the library cannot reach into a built executor). Compose it with
 *   `exportRetry`, which is `withRetry` with the `BULK_RETRY` preset (Retry-After up to 600 s) and a feed that turns
 *   each wait into a `retry` event; give the executor `deadlineMs: Infinity` so the waits are not cut short:
 *
 *   const retry = exportRetry()
 *   const run = classic({ url, apiKey, secretKey, deadlineMs: Infinity, transport: retry.transport(withTimeout({ ms: 60_000 })(nodeTransport())) })
 *   for await (const event of exportClassic(run, { retries: retry.feed, secrets: [apiKey, secretKey] })) …
 *
 * For a writer of files (the `kayako export` command):
 * - `record.id` is the record's id as text; `record.record` the decoded entity (Dates serialise to ISO text). Children
 *   that have no id of their own carry their parent's: `ticket-custom-fields` (`{ ticketId, groups }`) and
 *   `case-field-values` (`{ caseId, values }`) by ticket/case id; `custom-field-options`, `*-field-options` by option id.
 * - A `file` event follows the `record` of the same resource and id (`ticket-attachments`, `case-attachments`,
 *   `knowledgebase-attachments`, `troubleshooter-attachments`): the metadata goes to the NDJSON, the bytes to
 *   `files/<resource>/<id>`; `name` is the original file name. With `haveFile` answering true the record still comes,
 *   the file event does not.
 * - `resource-start` comes once per resource (not again after a resume in the middle of it); `total` only for
 *   `tickets` (TicketCount) and `cases` (the list's `total_count`), and not with `shard` or `since`. `resource-end`'s
 *   `count` counts the resource's records over the whole export, resumed parts included (it is kept in the checkpoint).
 * - A `page` event comes after every list page of tickets (100), users (200) and cases (100 ids), and after every
 *   finished resource; its checkpoint is plain JSON. `error` events do not stop the export: the exit code's business.
 * - v1: give the executor the helpdesk's own URL: attachments are downloaded only from its origin.
 */
import type { ClassicExecutor } from '../classic/internal/executor'
import type { Transport } from '../core/http'
import { BULK_RETRY, retryBudget, withRetry, type RetryPolicy } from '../core/policy'
import type { V1Executor } from '../v1/internal/executor'
import type { ExportEvent, ExportOptions } from './events'
import { classicPhases } from './internal/classic'
import { retryFeed, runExport, type RetryFeed } from './internal/engine'
import { v1Phases } from './internal/v1'

export * from './events'
export type { RetryFeed } from './internal/engine'

/** Options of the export functions beyond the contract's: where retry waits come from, what to scrub from raw answers. */
export interface ExportRunOptions extends ExportOptions {
  /** The feed of the executor's retry policy (`exportRetry().feed`): each wait becomes a `retry` event. */
  readonly retries?: RetryFeed
  /** Texts scrubbed from the raw answers of `error` events (the credentials the executor was given). */
  readonly secrets?: ReadonlyArray<string>
}

/**
 * The long-wait retry policy for an export: `BULK_RETRY` (overridable through `policy`) with `onRetry` feeding `feed`,
 * and a retry budget sized for a long run against a rate-limited server (100 retries in reserve, half a retry earned
 * per request: `withRetry`'s default budget of a fifth runs dry when one request in five meets a 429). Only idempotent
 * requests are ever retried (`withRetry`'s default), and the export sends GETs only.
 */
export const exportRetry = (
  policy: RetryPolicy = {}
): {
  /** Give it to the export (`ExportOptions.retries`): each wait becomes a `retry` event. */
  readonly feed: RetryFeed
  /** Wraps the executor's transport with the retry policy. */
  readonly transport: (transport: Transport) => Transport
} => {
  const feed = retryFeed()
  const onRetry = policy.onRetry
  return {
    feed,
    transport: withRetry({
      ...BULK_RETRY,
      budget: retryBudget({ initial: 100, perRequest: 0.5, max: 1000 }),
      ...policy,
      onRetry: (event) => {
        feed.onRetry(event)
        onRetry?.(event)
      }
    })
  }
}

/** Every record of a Classic helpdesk, in dependency order, as events (see the module's notes). */
export const exportClassic = (run: ClassicExecutor, options: ExportRunOptions = {}): AsyncIterable<ExportEvent> => ({
  [Symbol.asyncIterator]: () => runExport('classic', classicPhases(run), options, options.retries, options.secrets)
})

/** Every record of a v1 helpdesk, in the order a migrator needs, as events (see the module's notes). */
export const exportV1 = (run: V1Executor, options: ExportRunOptions = {}): AsyncIterable<ExportEvent> => ({
  [Symbol.asyncIterator]: () => runExport('v1', v1Phases(run), options, options.retries, options.secrets)
})
