/**
 * The export machinery both APIs share: phases run in order, each a stream of steps the engine turns into events and
 * checkpoints; a window that fetches ahead and emits in order; the retry feed; the options' checks.
 */
import * as E from '../../core/either'
import { causeText, validationError, type KayakoError } from '../../core/error'
import type { RetryEvent } from '../../core/policy'
import type { Checkpoint, ExportApi, ExportEvent, ExportOptions } from '../events'

/** What a phase yields: an event, or `at` (every step before it is covered by the cursor). */
export type Step =
  Exclude<ExportEvent, { readonly type: 'page' | 'resource-start' | 'resource-end' | 'retry' }> | { readonly type: 'at'; readonly cursor: unknown }

/** What a phase can ask of the export. */
export interface Context {
  readonly options: ExportOptions
  /** Whether the caller asked for this resource. */
  readonly wanted: (resource: string) => boolean
  /** Tasks running at once in a window (`concurrency`). */
  readonly concurrency: number
  /** Whether a ticket or case belongs to this shard. */
  readonly inShard: (id: number) => boolean
  /** The texts to scrub from raw answers. */
  readonly secrets: ReadonlyArray<string>
  /** The resource the retry waits are told against. */
  current: string
}

/** One top-level resource and the children read per record of it; `run` goes on after `cursor` when given. */
export interface Phase {
  readonly resource: string
  readonly children: ReadonlyArray<string>
  readonly total?: (ctx: Context) => Promise<number | undefined>
  readonly run: (ctx: Context, cursor: unknown) => AsyncIterable<Step>
}

/**
 * Where the retry waits of an executor's transport reach the export: give `onRetry` to `withRetry` (see
 * `exportRetry` in `index.ts`) and the feed to the export (`ExportOptions.retries`); each wait is a `retry` event.
 */
export interface RetryFeed {
  /** The `onRetry` to give `withRetry`. */
  readonly onRetry: (event: RetryEvent) => void
  /** @internal the export's side. */
  readonly take: () => ReadonlyArray<RetryEvent>
  /** @internal resolves at the next wait. */
  readonly next: () => Promise<void>
}

export const retryFeed = (): RetryFeed => {
  let queue: Array<RetryEvent> = []
  let wake: (() => void) | undefined
  let waiting: Promise<void> | undefined
  return {
    onRetry: (event) => {
      queue.push(event)
      wake?.()
      wake = undefined
      waiting = undefined
    },
    take: () => {
      const taken = queue
      queue = []
      return taken
    },
    next: () =>
      (waiting ??= new Promise<void>((resolve) => {
        wake = resolve
      }))
  }
}

const issue = (path: string, message: string) => ({ path, message })

/** The options' problems, found before anything is sent. */
const optionIssues = (api: ExportApi, names: ReadonlyArray<string>, o: ExportOptions) => {
  const issues: Array<{ path: string; message: string }> = []
  for (const name of o.resources ?? [])
    if (!names.includes(name)) issues.push(issue('resources', `unknown resource ${JSON.stringify(name)}; known: ${names.join(', ')}`))
  if (o.concurrency !== undefined && !(Number.isInteger(o.concurrency) && o.concurrency >= 1 && o.concurrency <= 64))
    issues.push(issue('concurrency', 'an integer from 1 to 64'))
  if (
    o.shard !== undefined &&
    !(Number.isInteger(o.shard.count) && o.shard.count >= 1 && Number.isInteger(o.shard.index) && o.shard.index >= 0 && o.shard.index < o.shard.count)
  )
    issues.push(issue('shard', '{ index, count } with 0 ≤ index < count'))
  if (o.since !== undefined && Number.isNaN(o.since.getTime())) issues.push(issue('since', 'a valid date'))
  const r = o.resume
  if (r !== undefined && (r.api !== api || (r.version as number) !== 1 || !Array.isArray(r.done)))
    issues.push(issue('resume', `a checkpoint of a ${api} export (version 1)`))
  return issues
}

interface Cursor {
  readonly at: unknown
  readonly counts: Readonly<Record<string, number>>
}

/** Runs the phases in order as one ordered stream of events; see `ExportOptions` for what each option does. */
export async function* runExport(
  api: ExportApi,
  phases: ReadonlyArray<Phase>,
  options: ExportOptions,
  feed?: RetryFeed,
  secrets: ReadonlyArray<string> = []
): AsyncGenerator<ExportEvent> {
  const names = phases.flatMap((p) => [p.resource, ...p.children])
  const issues = optionIssues(api, names, options)
  if (issues.length > 0) {
    yield { type: 'error', resource: 'export', error: validationError(api === 'classic' ? 'exportClassic' : 'exportV1', issues) }
    return
  }
  const chosen = options.resources === undefined ? undefined : new Set(options.resources)
  const shard = options.shard
  const ctx: Context = {
    options,
    wanted: (resource) => chosen === undefined || chosen.has(resource),
    concurrency: options.concurrency ?? 4,
    inShard: (id) => shard === undefined || id % shard.count === shard.index,
    secrets,
    current: ''
  }
  const aborted = () => options.signal?.aborted === true
  const done: Array<string> = [...(options.resume?.done ?? [])]
  const retries = function* (): Generator<ExportEvent> {
    for (const r of feed?.take() ?? []) yield { type: 'retry', resource: ctx.current, waitMs: r.delayMs, reason: `${r.operation}: ${r.reason}` }
  }
  for (const phase of phases) {
    const own = [phase.resource, ...phase.children].filter(ctx.wanted)
    if (own.length === 0 || done.includes(phase.resource)) continue
    if (aborted()) return
    ctx.current = phase.resource
    const resumed = options.resume?.current?.resource === phase.resource ? (options.resume.current.cursor as Cursor) : undefined
    const counts: Record<string, number> = { ...(resumed?.counts ?? {}) }
    if (resumed === undefined) {
      const total = phase.total === undefined || !ctx.wanted(phase.resource) ? undefined : await phase.total(ctx)
      for (const resource of own)
        yield total === undefined || resource !== phase.resource ? { type: 'resource-start', resource } : { type: 'resource-start', resource, total }
      if (aborted()) return
    }
    const steps = phase.run(ctx, resumed?.at)[Symbol.asyncIterator]()
    let pending = steps.next()
    for (;;) {
      // Waits are told as they start, not when the page they delay arrives.
      const first = feed === undefined ? await pending : await Promise.race([pending, feed.next().then(() => undefined)])
      yield* retries()
      if (first === undefined) continue
      if (first.done === true) break
      pending = steps.next()
      const step = first.value
      if (step.type === 'at') {
        yield {
          type: 'page',
          resource: phase.resource,
          checkpoint: { api, version: 1, done: [...done], current: { resource: phase.resource, cursor: { at: step.cursor, counts: { ...counts } } } }
        }
      } else {
        if ((step.type === 'record' || step.type === 'file') && !ctx.wanted(step.resource)) continue
        if (step.type === 'record') counts[step.resource] = (counts[step.resource] ?? 0) + 1
        yield step
      }
      if (aborted()) {
        // let a pending step settle in the background: nothing more is emitted
        void pending.then(() => steps.return?.(undefined)).catch(() => undefined)
        return
      }
    }
    for (const resource of [...own].reverse()) yield { type: 'resource-end', resource, count: counts[resource] ?? 0 }
    done.push(phase.resource)
    const checkpoint: Checkpoint = { api, version: 1, done: [...done] }
    yield { type: 'page', resource: phase.resource, checkpoint }
  }
}

/**
 * Runs `work` for each item of `source`, up to `window` at once, and yields the results in the source's order: a slow
 * item holds back the results after it, never more than `window` of them, so memory stays bounded.
 */
export async function* ordered<T, R>(source: AsyncIterable<T>, window: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const it = source[Symbol.asyncIterator]()
  const queue: Array<Promise<R>> = []
  let ended = false
  for (;;) {
    while (!ended && queue.length < window) {
      const next = await it.next()
      if (next.done === true) ended = true
      else queue.push(work(next.value))
    }
    const head = queue.shift()
    if (head === undefined) return
    yield await head
  }
}

/** The id of a decoded entity or raw item, as text ('' when it has none). */
export const idOf = (item: unknown): string => {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'number' || typeof id === 'string' ? String(id) : ''
}

/** An error step. */
export const failure = (resource: string, error: KayakoError, raw?: string, id?: string): Step => ({
  type: 'error',
  resource,
  error,
  ...(raw === undefined ? {} : { raw }),
  ...(id === undefined || id === '' ? {} : { id })
})

/**
 * Attempts of a read whose answer was damaged (a `ParseError`: a truncated body, an HTML page with a 200), which the
 * transport cannot see: reads are idempotent, so the export asks again at once.
 */
export const READ_ATTEMPTS = 5

/** Runs `attempt` again while its answer is a `ParseError` (or `damaged` says so), up to `READ_ATTEMPTS` times. */
export const rereading = async <A>(
  attempt: () => Promise<E.Either<KayakoError, A>>,
  damaged: (a: A) => KayakoError | undefined = () => undefined
): Promise<E.Either<KayakoError, A>> => {
  let result = await attempt()
  for (let n = 1; n < READ_ATTEMPTS; n++) {
    const bad = E.isLeft(result) ? (result.left._tag === 'ParseError' ? result.left : undefined) : damaged(result.right)
    if (bad === undefined) return result
    result = await attempt()
  }
  if (E.isRight(result)) {
    const bad = damaged(result.right)
    if (bad !== undefined) return E.left(bad)
  }
  return result
}

/** A request as the export reads it: its method is checked before the executor sees it. */
interface Read {
  readonly method: string
  readonly operation: string
}

/**
 * Runs a read through an executor: anything but a GET is refused here, before the executor (an export never writes,
 * so never retries a write); a damaged answer is read again (`rereading`); an executor that throws is a Left.
 */
export const readOnly = async <R extends Read, A>(
  run: (request: R) => () => Promise<E.Either<KayakoError, A>>,
  request: R,
  damaged?: (a: A) => KayakoError | undefined
): Promise<E.Either<KayakoError, A>> => {
  if (request.method !== 'GET')
    return E.left(validationError(request.operation, [{ path: 'method', message: `the export only reads; ${request.method} refused` }]))
  return rereading(async () => {
    try {
      return await run(request)()
    } catch (thrown) {
      return E.left(validationError(request.operation, [{ path: 'executor', message: `the executor threw: ${causeText(thrown)}` }]))
    }
  }, damaged)
}

/** Raw answers kept in `error` events, at most this long. */
export const RAW_LIMIT = 65_536

/** Whether a record changed at or after `since` (records that do not say when are kept). */
export const changedSince = (since: Date | undefined, ...times: ReadonlyArray<unknown>): boolean => {
  if (since === undefined) return true
  const known = times.filter((t): t is Date => t instanceof Date && !Number.isNaN(t.getTime()))
  return known.length === 0 || known.some((t) => t.getTime() >= since.getTime())
}
