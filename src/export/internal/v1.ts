/**
 * The v1 export: the phases in the order a migrator needs, over the resource modules. Lists are read as envelopes and
 * each item decoded on its own with the module's decoder, so an item that does not decode is an `error` event with its
 * JSON, and its neighbours are kept.
 */
import * as E from '../../core/either'
import { excerpt, parseError, scrub, validationError, type KayakoError } from '../../core/error'
import { decode } from '../../core/pipeline'
import { isReference } from '../../v1/internal/codec'
import type { Envelope } from '../../v1/internal/envelope'
import { including } from '../../v1/internal/helpcenter'
import type { V1Executor } from '../../v1/internal/executor'
import { nextQuery } from '../../v1/internal/paging'
import { withQuery, type Page, type V1Request } from '../../v1/internal/request'
import * as Article from '../../v1/Article'
import * as Attachment from '../../v1/Attachment'
import * as Brand from '../../v1/Brand'
import * as Case from '../../v1/Case'
import * as CaseField from '../../v1/CaseField'
import * as CaseForm from '../../v1/CaseForm'
import * as CasePriority from '../../v1/CasePriority'
import * as CaseStatus from '../../v1/CaseStatus'
import * as CaseType from '../../v1/CaseType'
import * as Category from '../../v1/Category'
import * as Organization from '../../v1/Organization'
import * as OrganizationField from '../../v1/OrganizationField'
import * as Role from '../../v1/Role'
import * as Section from '../../v1/Section'
import * as Setting from '../../v1/Setting'
import * as Team from '../../v1/Team'
import * as TimeTracking from '../../v1/TimeTracking'
import * as User from '../../v1/User'
import * as UserField from '../../v1/UserField'
import { changedSince, failure, idOf, ordered, RAW_LIMIT, readOnly, type Context, type Phase, type Step } from './engine'

/** Items per page of the offset lists, and case ids per `ids` batch. */
export const V1_PAGE_SIZE = 100
/** Empty id batches past the last known case before the walk ends (trashed cases have ids beyond the active ones). */
const EMPTY_BATCHES_PAST_END = 2
/** Empty id batches in a row after which the walk gives up on the live cases it has not met (a gap of 10,000 ids). */
const MAX_EMPTY_BATCHES = 100

type Item<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: KayakoError; readonly raw: string; readonly id: string }

const envelopeOf = { decode: (envelope: Envelope) => E.right(envelope) }

/** Runs a read (GETs only, damaged answers read again). */
const read = <A>(run: V1Executor, req: V1Request<A>, damaged?: (a: A) => KayakoError | undefined): Promise<E.Either<KayakoError, A>> =>
  readOnly(run, req, damaged)

const rawText = (ctx: Context, value: unknown): string => {
  const text = JSON.stringify(value) ?? ''
  return scrub(text.length > RAW_LIMIT ? excerpt(text.slice(0, RAW_LIMIT)) : text, ctx.secrets)
}

/** The items a decoded list holds: a `Page`'s items or the array itself. */
const itemsOf = <A>(decoded: Page<A> | ReadonlyArray<A>): ReadonlyArray<A> =>
  Array.isArray(decoded) ? (decoded as ReadonlyArray<A>) : (decoded as Page<A>).items

interface Read<A> {
  readonly items: ReadonlyArray<Item<A>>
  /** The next page's request, when there is one. */
  readonly next: V1Request<Page<A>> | undefined
  readonly total: number | null
}

/** One page (or a plain list), each item decoded on its own. `seen`: items of the earlier pages. */
const readEach = async <A>(
  ctx: Context,
  run: V1Executor,
  req: V1Request<Page<A>> | V1Request<ReadonlyArray<A>>,
  seen = 0
): Promise<E.Either<KayakoError, Read<A>>> => {
  const decoder = req.decoder as V1Request<Page<A> | ReadonlyArray<A>>['decoder']
  const envelope = await read(run, { ...req, decoder: envelopeOf })
  if (E.isLeft(envelope)) return envelope
  const env = envelope.right
  const data = Array.isArray(env.data) ? (env.data as ReadonlyArray<unknown>) : []
  const items: Array<Item<A>> = []
  for (const raw of data) {
    const one = decode(req.operation, decoder, { ...env, data: [raw] })
    if (E.isRight(one)) for (const value of itemsOf(one.right)) items.push({ ok: true, value })
    else items.push({ ok: false, error: one.left, raw: rawText(ctx, raw), id: idOf(raw) })
  }
  const shape = decode(req.operation, decoder, { ...env, data: [] })
  let next: V1Request<Page<A>> | undefined
  if (E.isRight(shape) && !Array.isArray(shape.right)) {
    const page: Page<unknown> = { ...(shape.right as Page<A>), items: data }
    const query = nextQuery(req.query, page, seen + data.length)
    next = query === undefined ? undefined : withQuery(query)(req as V1Request<Page<A>>)
  }
  return E.right({ items, next, total: env.totalCount })
}

const record = (resource: string, value: unknown, id = idOf(value)): Step => ({ type: 'record', resource, id, record: value })

/** Every page of a list, each item on its own; an `at` step after each page but the last when `checkpoints`. */
async function* walk<A>(
  ctx: Context,
  run: V1Executor,
  resource: string,
  first: V1Request<Page<A>> | V1Request<ReadonlyArray<A>>,
  cursor: unknown,
  checkpoints: boolean
): AsyncGenerator<Step | { readonly type: 'value'; readonly value: A }> {
  let req: V1Request<Page<A>> | V1Request<ReadonlyArray<A>> | undefined = first
  let seen = 0
  if (checkpoints && cursor !== null && typeof cursor === 'object') {
    const c = cursor as { offset: number; seen: number }
    req = withQuery({ ...first.query, offset: c.offset })(first as V1Request<Page<A>>)
    seen = c.seen
  }
  while (req !== undefined) {
    const page: E.Either<KayakoError, Read<A>> = await readEach(ctx, run, req, seen)
    if (E.isLeft(page)) {
      yield failure(resource, page.left)
      return
    }
    for (const item of page.right.items) {
      if (item.ok) yield { type: 'value', value: item.value }
      else yield failure(resource, item.error, item.raw, item.id)
    }
    seen += page.right.items.length
    req = page.right.next
    if (checkpoints && req !== undefined) yield { type: 'at', cursor: { offset: req.query.offset, seen } }
  }
}

/** Every item of a (paged) list as steps, without checkpoints (a parent's children). */
const allSteps = async <A>(
  ctx: Context,
  run: V1Executor,
  resource: string,
  first: V1Request<Page<A>> | V1Request<ReadonlyArray<A>>
): Promise<{ steps: Array<Step>; values: Array<A> }> => {
  const steps: Array<Step> = []
  const values: Array<A> = []
  for await (const s of walk(ctx, run, resource, first, undefined, false)) {
    if (s.type === 'value') {
      steps.push(record(resource, s.value))
      values.push(s.value)
    } else steps.push(s)
  }
  return { steps, values }
}

/** A top-level list, paged with checkpoints when it is an offset list. */
const list =
  <A>(
    resource: string,
    first: () => V1Request<Page<A>> | V1Request<ReadonlyArray<A>>,
    children: ReadonlyArray<string> = [],
    perItem?: (ctx: Context, run: V1Executor, item: A) => Promise<ReadonlyArray<Step>>
  ) =>
  (run: V1Executor): Phase => ({
    resource,
    children,
    run: async function* (ctx, cursor) {
      for await (const s of walk(ctx, run, resource, first(), cursor, true)) {
        if (s.type !== 'value') yield s
        else {
          yield record(resource, s.value)
          if (perItem !== undefined) yield* await perItem(ctx, run, s.value)
        }
      }
    }
  })

/** Field definitions, each followed by its options. */
const fields = <F extends { readonly id: number }>(
  resource: string,
  all: () => V1Request<ReadonlyArray<F>>,
  options: (id: number) => V1Request<ReadonlyArray<unknown>>
) =>
  list(resource, all, [`${resource.replace(/s$/, '')}-options`], async (ctx, run, field: F) => {
    const child = `${resource.replace(/s$/, '')}-options`
    if (!ctx.wanted(child)) return []
    const { steps } = await allSteps(ctx, run, child, options(field.id))
    return steps.map((s) => (s.type === 'record' ? { ...s, record: { fieldId: field.id, option: s.record } } : s))
  })

/** What one case brings: its record, its posts (all filters), notes, attachments with bytes, time entries and field values. */
const caseSteps = async (ctx: Context, run: V1Executor, kase: Case.Case): Promise<ReadonlyArray<Step>> => {
  const steps: Array<Step> = [record('cases', { ...kase, trashed: kase.state === 'TRASH' })]
  const wantFiles = ctx.wanted('case-attachments')
  if (ctx.wanted('case-posts') || wantFiles) {
    const { steps: posts, values } = await allSteps(
      ctx,
      run,
      'case-posts',
      including(['attachment'], Case.posts(kase.id, { filters: ['ALL'], limit: V1_PAGE_SIZE }))
    )
    steps.push(...posts)
    if (wantFiles) {
      for (const post of values) {
        for (const attachment of post.attachments) {
          if (isReference(attachment)) continue
          const id = String(attachment.id ?? '')
          steps.push({ type: 'record', resource: 'case-attachments', id, record: { caseId: kase.id, postId: post.id, attachment } })
          if (ctx.options.haveFile?.('case-attachments', id) === true) continue
          const bytes = await read(run, Attachment.download(attachment), (b) =>
            attachment.size > 0 && b.length !== attachment.size ? parseError('Attachment.download', `${b.length} bytes of ${attachment.size}`, '') : undefined
          )
          if (E.isLeft(bytes)) steps.push(failure('case-attachments', bytes.left, undefined, id))
          else
            steps.push({
              type: 'file',
              resource: 'case-attachments',
              id,
              name: attachment.name,
              bytes: bytes.right,
              owner: { resource: 'case-posts', id: String(post.id) }
            })
        }
      }
    }
  }
  if (ctx.wanted('case-notes')) steps.push(...(await allSteps(ctx, run, 'case-notes', Case.notes(kase.id, { limit: V1_PAGE_SIZE }))).steps)
  if (ctx.wanted('case-time-entries')) steps.push(...(await allSteps(ctx, run, 'case-time-entries', TimeTracking.all(kase.id))).steps)
  if (ctx.wanted('case-field-values')) {
    const values = await read(run, Case.fieldValues(kase.id))
    if (E.isLeft(values)) steps.push(failure('case-field-values', values.left, undefined, String(kase.id)))
    else steps.push(record('case-field-values', { caseId: kase.id, values: values.right }, String(kase.id)))
  }
  return steps
}

type CaseItem = { readonly kind: 'case'; readonly value: Case.Case } | { readonly kind: 'step'; readonly step: Step }

/**
 * Cases by id, in batches of `V1_PAGE_SIZE` ids (`ids=…&archived=1`): the plain list leaves out trashed cases and is
 * ordered by `updated_at`, so a walk by id is the one order that holds still and includes archived and trashed cases
 * (flagged `trashed`). It ends once it has seen the list's `total_count` of live cases and then found
 * `EMPTY_BATCHES_PAST_END` empty batches in a row (or `MAX_EMPTY_BATCHES` before that: an `error` event). The cursor:
 * the next batch's first id and the counts so far.
 */
const cases = (run: V1Executor): Phase => ({
  resource: 'cases',
  children: ['case-posts', 'case-notes', 'case-attachments', 'case-time-entries', 'case-field-values'],
  total: async (ctx) => {
    if (ctx.options.shard !== undefined || ctx.options.since !== undefined) return undefined
    const first = await read(run, Case.all({ archived: true, limit: 1 }))
    return E.isRight(first) ? (first.right.totalCount ?? undefined) : undefined
  },
  run: async function* (ctx, cursor) {
    const first = await read(run, Case.all({ archived: true, limit: 1 }))
    if (E.isLeft(first)) {
      yield failure('cases', first.left)
      return
    }
    const live = first.right.totalCount ?? 0
    const source = async function* (): AsyncGenerator<CaseItem> {
      const c = (cursor ?? { from: 1, seen: 0, empty: 0 }) as { from: number; seen: number; empty: number }
      let { from, seen, empty } = c
      while ((seen < live && empty < MAX_EMPTY_BATCHES) || empty < EMPTY_BATCHES_PAST_END) {
        const ids = Array.from({ length: V1_PAGE_SIZE }, (_, i) => from + i)
        const page = await readEach(ctx, run, Case.all({ ids, archived: true, limit: V1_PAGE_SIZE }))
        if (E.isLeft(page)) {
          yield { kind: 'step', step: failure('cases', page.left) }
          return
        }
        const items = [...page.right.items].sort((a, b) => (a.ok ? a.value.id : Number(a.id)) - (b.ok ? b.value.id : Number(b.id)))
        for (const item of items) {
          if (!item.ok) {
            seen++
            yield { kind: 'step', step: failure('cases', item.error, item.raw, item.id) }
          } else {
            if (item.value.state !== 'TRASH') seen++
            if (ctx.inShard(item.value.id) && changedSince(ctx.options.since, item.value.updatedAt, item.value.createdAt))
              yield { kind: 'case', value: item.value }
          }
        }
        empty = items.length === 0 ? empty + 1 : 0
        from += V1_PAGE_SIZE
        yield { kind: 'step', step: { type: 'at', cursor: { from, seen, empty } } }
      }
      if (seen < live) {
        const message = `${live - seen} of the ${live} listed cases were not found by id below ${from}`
        yield { kind: 'step', step: failure('cases', validationError('Case.all', [{ path: 'ids', message }])) }
      }
    }
    const work = (item: CaseItem): Promise<ReadonlyArray<Step>> => (item.kind === 'step' ? Promise.resolve([item.step]) : caseSteps(ctx, run, item.value))
    for await (const steps of ordered(source(), ctx.concurrency, work)) yield* steps
  }
})

/** The v1 phases in export order (`V1_RESOURCES`). */
export const v1Phases = (run: V1Executor): ReadonlyArray<Phase> => [
  list('settings', () => Setting.all())(run),
  list('teams', () => Team.all({ limit: V1_PAGE_SIZE }))(run),
  list('roles', () => Role.all({ limit: V1_PAGE_SIZE }))(run),
  list('brands', () => Brand.all({ limit: V1_PAGE_SIZE }))(run),
  fields(
    'organization-fields',
    () => OrganizationField.all(),
    (id) => OrganizationField.options(id)
  )(run),
  list('organizations', () => Organization.all({ limit: V1_PAGE_SIZE }))(run),
  fields(
    'user-fields',
    () => UserField.all(),
    (id) => UserField.options(id)
  )(run),
  list('users', () => User.all({ limit: V1_PAGE_SIZE }))(run),
  fields(
    'case-fields',
    () => CaseField.all(),
    (id) => CaseField.options(id)
  )(run),
  list('case-forms', () => CaseForm.all())(run),
  list('case-statuses', () => CaseStatus.all())(run),
  list('case-priorities', () => CasePriority.all())(run),
  list('case-types', () => CaseType.all())(run),
  cases(run),
  list('helpcenter-categories', () => Category.all({ limit: V1_PAGE_SIZE, include: ['localeField'] }))(run),
  list('helpcenter-sections', () => Section.all({ limit: V1_PAGE_SIZE, include: ['localeField'] }))(run),
  list('helpcenter-articles', () => Article.all({ limit: V1_PAGE_SIZE, include: ['localeField'] }))(run)
]
