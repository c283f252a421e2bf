// Work records (issue 15): time entries, macros, a case's activities, merging cases, recent ratings. There is no v1
// server source: each behaviour follows ../shared/spec/v1-api.md (section in the comment) and FIDELITY.md says which
// readings are the sandbox's own (UNCONFIRMED in the spec).
import { err, type ApiErr } from '../errors'
import { cursorPage, everything, fail, failWith, notFound, offsetPage, one, type Ctx } from '../context'
import { isStaff, setStatus } from '../model'
import { all, find, groupedBy, insert, isoTime, ref, regroup, type Ref, type Row, textOf, type Value } from '../store'
import { route, type Route, type RouteCtx } from './route'
import { BULK_LIMIT } from './session'

const DAY = 86_400_000

/** Closed cases move to the archive 30 days after closing: lists leave them out unless `archived=1` (issue 15). */
export const ARCHIVE_AFTER_MS = 30 * DAY

export const isArchived = (ctx: Ctx, row: Row): boolean => {
  if (textOf(find(ctx.store, 'case_status', (row.status as Ref | null)?.id ?? 0)?.type) !== 'CLOSED') return false
  const closed = Date.parse(textOf(row.last_closed_at ?? row.updated_at))
  return !Number.isNaN(closed) && ctx.now - closed > ARCHIVE_AFTER_MS
}

// ---------------------------------------------------------------------------------------------------------------
// Activities (spec §3.1 `GET /cases/:id/activities`, §3.2 activity, §2.9 date paging)

export interface ActivityChange {
  readonly field: string
  readonly oldValue: string | null
  readonly newValue: string | null
}

const activityObject = (title: string, original: Ref, url: string): Row => ({
  name: title,
  title,
  prefix: null,
  url,
  full_title: title,
  image: null,
  preposition: null,
  original
})

/** Records an entry of a case's audit trail; `weight` as the agent app filters it (`minimum_weight`). */
export const recordActivity = (
  store: Ctx['store'],
  caseRow: Row,
  actor: Row,
  kind: 'created' | 'updated' | 'merged',
  changes: ReadonlyArray<ActivityChange>,
  at: number
): Row => {
  const caseId = caseRow.id as number
  const who = textOf(actor.full_name)
  const verb = kind === 'created' ? 'CREATE' : kind === 'merged' ? 'MERGE' : 'UPDATE'
  return insert(store, 'activity', {
    activity: `case.${kind}`,
    actor: activityObject(who, ref('user', actor.id as number), `users/${textOf(actor.id)}`),
    verb,
    summary: `${who} ${kind} case #${caseId}`,
    actions: changes.map((c) => ({
      action: kind === 'created' ? 'CREATED' : 'UPDATED',
      field: c.field,
      old_value: c.oldValue,
      new_value: c.newValue,
      old_object: null,
      new_object: null
    })),
    object: activityObject(textOf(caseRow.subject), ref('case', caseId), `cases/${caseId}`),
    object_actor: null,
    location: {},
    place: null,
    target: null,
    result: null,
    in_reply_to: null,
    participant: null,
    portal: 'API',
    weight: kind === 'updated' ? 0.5 : 1,
    ip_address: null,
    created_at: isoTime(at),
    $case: caseId
  })
}

const parseTime = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text))

/**
 * Date paging (spec §2.9): `since` (after that time) or `until` (before it), never both (ONE_FIELD_EXPECTED); a page
 * holds `limit` entries plus those that tie with its last one, and names the next by the last one's time.
 */
const listActivities = (ctx: RouteCtx<'id'>) => {
  if (find(ctx.store, 'case', ctx.params.id) === undefined) return notFound()
  const q = ctx.query
  const since = q.get('since')
  const until = q.get('until')
  if (since !== undefined && until !== undefined) return fail([{ code: 'ONE_FIELD_EXPECTED', parameters: ['until', 'since'] }])
  const errors: Array<ApiErr> = []
  const sinceMs = since === undefined ? undefined : parseTime(since)
  const untilMs = until === undefined ? undefined : parseTime(until)
  if (sinceMs !== undefined && Number.isNaN(sinceMs)) errors.push(err('FIELD_INVALID', 'since'))
  if (untilMs !== undefined && Number.isNaN(untilMs)) errors.push(err('FIELD_INVALID', 'until'))
  const weightText = q.get('minimum_weight')
  const minimumWeight = weightText === undefined ? 0 : Number(weightText)
  if (!Number.isFinite(minimumWeight)) errors.push(err('FIELD_INVALID', 'minimum_weight'))
  const order = (q.get('sort_order') ?? 'ASC').toUpperCase()
  if (order !== 'ASC' && order !== 'DESC') errors.push(err('FIELD_INVALID', 'sort_order'))
  const limitText = q.get('limit') ?? '10'
  const limit = /^\d+$/.test(limitText.trim()) ? Number(limitText) : 0
  if (limit < 1) errors.push(err('FIELD_INVALID', 'limit'))
  if (errors.length > 0) return fail(errors)
  const timeOf = (row: Row): number => Date.parse(textOf(row.created_at))
  const sign = order === 'DESC' ? -1 : 1
  // Ordered by created_at (spec §3.1: ascending by default), ties by id.
  const trail = all(ctx.store, 'activity')
    .filter((a) => a.$case === ctx.params.id && Number(a.weight) >= minimumWeight)
    .sort((a, b) => sign * (timeOf(a) - timeOf(b) || Number(a.id) - Number(b.id)))
  const rows = trail.filter((a) => (sinceMs === undefined || timeOf(a) > sinceMs) && (untilMs === undefined || timeOf(a) < untilMs))
  let end = Math.min(limit, rows.length)
  const last = rows[end - 1]
  while (last !== undefined && end < rows.length && timeOf(rows[end] as Row) === timeOf(last)) end++
  const data = rows.slice(0, end)
  const links: Record<string, string> = {}
  const tail = data.at(-1)
  if (end < rows.length && tail !== undefined) {
    const search = new URLSearchParams(ctx.url.search)
    search.delete('since')
    search.delete('until')
    search.set(order === 'DESC' ? 'until' : 'since', textOf(tail.created_at))
    links.next_url = `${ctx.baseUrl}/${ctx.segments.join('/')}.json?${search.toString()}`
  }
  return { status: 200, data, resource: 'activity', page: { limit, totalCount: trail.length, links } }
}

// ---------------------------------------------------------------------------------------------------------------
// Time tracking (spec §3.1 "time tracking `/api/v1/timetracking`", FCP `timetracking-log`, Zammad's importer)

export const LOG_TYPES = ['WORKED', 'VIEWED'] as const

export const addTimeEntry = (store: Ctx['store'], caseId: number, agentId: number, creatorId: number, logType: string, seconds: number, at: number): Row =>
  insert(store, 'timetracking_log', {
    log_type: logType,
    case: ref('case', caseId),
    agent: ref('user', agentId),
    creator: ref('user', creatorId),
    time_spent: seconds,
    created_at: isoTime(at),
    updated_at: isoTime(at)
  })

/**
 * The next page named in a `Link` header only (spec §2.6: Zammad pages time entries by it), its query percent-encoded
 * twice as the importer's double unescaping implies; the body carries no `*_url` (which lists have them is UNCONFIRMED).
 */
const linkHeader = (ctx: Ctx, next: string | undefined): Record<string, string> => {
  if (next === undefined) return {}
  const [path, query = ''] = next.split('?')
  return { link: `<${path ?? ''}?${encodeURIComponent(encodeURIComponent(query))}>; rel="next"` }
}

const listTimeEntries = (ctx: Ctx) => {
  const caseText = ctx.query.get('case_id')
  if (caseText !== undefined && (!/^\d+$/.test(caseText.trim()) || find(ctx.store, 'case', Number(caseText)) === undefined)) {
    return failWith('FIELD_INVALID', 'case_id')
  }
  const rows = (
    caseText === undefined
      ? all(ctx.store, 'timetracking_log')
      : [...(groupedBy(ctx.store, 'timetracking_log', 'case', (t) => String((t.case as Ref).id)).get(caseText.trim()) ?? [])]
  ).sort((a, b) => Number(a.id) - Number(b.id))
  const reply = cursorPage(ctx, rows, 'timetracking_log', false)
  if (reply.page === undefined) return reply
  const { links, ...page } = reply.page
  return { ...reply, page, headers: linkHeader(ctx, links?.next_url) }
}

const createTimeEntry = (ctx: RouteCtx<never, 'agent'>) => {
  const f = ctx.fields
  const caseRow = f.existing('case_id', 'case', { required: true })
  const seconds = f.int('time_spent', { required: true })
  const logType = f.oneOf('log_type', LOG_TYPES) ?? 'WORKED'
  const agent = f.existing('agent_id', 'user')
  if (agent !== undefined && !isStaff(textOf(find(ctx.store, 'role', (agent.role as Ref).id)?.type))) f.errors.push(err('FIELD_INVALID', 'agent_id'))
  if (seconds === 0) f.errors.push(err('FIELD_INVALID', 'time_spent'))
  if (f.errors.length > 0 || caseRow === undefined || seconds === undefined) return fail(f.errors)
  const me = ctx.principal.user.id as number
  return one(addTimeEntry(ctx.store, caseRow.id as number, (agent?.id as number | undefined) ?? me, me, logType, seconds, ctx.now), 201)
}

// ---------------------------------------------------------------------------------------------------------------
// Macros (spec §3.1 `GET /cases/macros.json (show_all), /:id.json`, §3.2 macro): unpaginated (§2.2)

/** Whether the caller may use a macro: visible to all, to the caller's team, or the caller's own. */
const mayUse = (ctx: RouteCtx<string, 'agent'>, macro: Row): boolean => {
  const visibility = macro.visibility as { type?: Value; team?: Ref | null } | null
  const me = ctx.principal.user
  if (visibility?.type === 'ALL') return true
  if (visibility?.type === 'TEAM') return ((me.teams as ReadonlyArray<Ref>) ?? []).some((t) => String(t.id) === String(visibility.team?.id))
  return String((macro.agent as Ref | null)?.id) === textOf(me.id)
}

const listMacros = (ctx: RouteCtx<never, 'agent'>) => {
  const showAll = ctx.query.get('show_all')
  if (showAll !== undefined && !['1', '0', 'true', 'false'].includes(showAll)) return failWith('FIELD_INVALID', 'show_all')
  const every = showAll === '1' || showAll === 'true'
  return everything(
    all(ctx.store, 'macro').filter((m) => every || mayUse(ctx, m)),
    'macro'
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Merging (spec §3.1 `POST /cases/:id/merge`, known from Kayako's agent app only: the body's name is the sandbox's)

const mergeCases = (ctx: RouteCtx<'id', 'agent'>) => {
  const target = find(ctx.store, 'case', ctx.params.id)
  if (target === undefined || target.state === 'TRASH') return notFound()
  const ids = ctx.fields.ids('case_ids', { required: true })
  if (ids === undefined) return fail(ctx.fields.errors)
  if (ids.length === 0 || ids.length > BULK_LIMIT) return failWith('FIELD_INVALID', 'case_ids')
  if (new Set(ids).size !== ids.length) return failWith('PARAMETERS_INCONSISTENT', 'case_ids')
  const sources = ids.map((id) => find(ctx.store, 'case', id))
  if (ids.includes(ctx.params.id) || sources.some((s) => s === undefined || s.is_merged === true || s.state === 'TRASH')) {
    return failWith('FIELD_INVALID', 'case_ids')
  }
  const me = ctx.principal.user
  for (const source of sources as ReadonlyArray<Row>) {
    for (const kind of ['post', 'note', 'activity', 'timetracking_log']) {
      for (const row of all(ctx.store, kind)) {
        if (row.$case === source.id) {
          row.$case = target.id as number
          if (kind === 'note') row.$parent = `cases/${textOf(target.id)}`
        }
        if (kind === 'timetracking_log' && String((row.case as Ref).id) === textOf(source.id)) row.case = ref('case', target.id as number)
      }
      regroup(ctx.store, kind)
    }
    source.is_merged = true
    source.post_count = 0
    setStatus(ctx.store, source, 5, me.id as number, ctx.now)
    source.updated_at = isoTime(ctx.now)
  }
  target.post_count = all(ctx.store, 'post').filter((p) => p.$case === target.id).length
  target.updated_at = isoTime(ctx.now)
  recordActivity(ctx.store, target, me, 'merged', [{ field: 'merged_cases', oldValue: null, newValue: ids.join(',') }], ctx.now)
  return one(target)
}

export const WORK_ROUTES = (): ReadonlyArray<Route> => [
  route('GET', 'timetracking', 'agent', listTimeEntries),
  route('GET', 'timetracking/:id', 'agent', (ctx) => {
    const row = find(ctx.store, 'timetracking_log', ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  route('POST', 'timetracking', 'agent', createTimeEntry),
  route('GET', 'cases/macros', 'agent', listMacros),
  route('GET', 'cases/macros/:id', 'agent', (ctx) => {
    const row = find(ctx.store, 'macro', ctx.params.id)
    // by id, any macro (as `show_all` lists them)
    return row === undefined ? notFound() : one(row)
  }),
  route('GET', 'cases/:id/activities', 'agent', listActivities),
  route('POST', 'cases/:id/merge', 'agent', mergeCases),
  route('GET', 'cases/ratings/recent', 'agent', (ctx) =>
    offsetPage(
      ctx,
      all(ctx.store, 'rating').sort((a, b) => textOf(b.created_at).localeCompare(textOf(a.created_at)) || Number(b.id) - Number(a.id)),
      'rating'
    )
  )
]
