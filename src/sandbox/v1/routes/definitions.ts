// Views (with the cases they select and their counts), the cases of a user or an organization, team members out,
// custom field definitions and options (users, organizations, cases), a case's field values and settings.
// Brands and case forms are read in settings.ts.
import { err, type ApiErr } from '../errors'
import { everything, fail, failWith, notFound, offsetPage, one, ok, type Ctx } from '../context'
import { casesOfView, viewVisibleTo } from '../definitions'
import { recountTeams } from '../model'
import { all, find, ref, type Ref, type Row, textOf } from '../store'
import { route, type Route, type RouteCtx } from './route'

const CASE_STATUS_TYPES = ['NEW', 'OPEN', 'PENDING', 'COMPLETED', 'CLOSED', 'CUSTOM']

/** Admins and owners see every view; others the views `viewVisibleTo` gives them. */
const sees = (ctx: RouteCtx<never, 'agent'>, view: Row): boolean =>
  ['ADMIN', 'OWNER'].includes(ctx.principal.roleType) || viewVisibleTo(view, ctx.principal.user)

const viewRoutes = (): Array<Route> => {
  /** The enabled views the caller sees, in their sort order; `show_all=true`: every view. */
  const listed = (ctx: RouteCtx<never, 'agent'>): Array<Row> | undefined => {
    const showAll = ctx.query.get('show_all')
    if (showAll !== undefined && !['true', 'false', '1', '0'].includes(showAll.toLowerCase())) return undefined
    const everyView = showAll === 'true' || showAll === '1'
    return all(ctx.store, 'view')
      .filter((v) => everyView || (v.is_enabled === true && viewVisibleTo(v, ctx.principal.user)))
      .sort((a, b) => Number(a.sort_order) - Number(b.sort_order) || Number(a.id) - Number(b.id))
  }
  /** The view, or why not: 404 unknown, 403 a view the caller does not see. */
  const withView = (handle: (ctx: RouteCtx<'id', 'agent'>, view: Row) => ReturnType<typeof one>) => (ctx: RouteCtx<'id', 'agent'>) => {
    const view = find(ctx.store, 'view', ctx.params.id)
    if (view === undefined) return notFound()
    return sees(ctx, view) ? handle(ctx, view) : failWith('PERMISSIONS_DENIED')
  }
  return [
    route('GET', 'views', 'agent', (ctx) => {
      const views = listed(ctx)
      return views === undefined ? failWith('FIELD_INVALID', 'show_all') : offsetPage(ctx, views, 'view')
    }),
    // Counted with the rule that lists the cases, so a count is the total_count of `views/:id/cases`.
    route('GET', 'views/counts', 'agent', (ctx) => {
      const rows = (listed(ctx) ?? []).map((view): Row => ({
        id: view.id as number,
        view: ref('view', view.id as number),
        count: casesOfView(ctx.store, view, ctx.principal.user.id as number).length,
        count_accuracy: 'ACCURATE',
        realtime_channel: view.realtime_channel ?? null,
        $type: 'view_count'
      }))
      return everything(rows, 'view_count')
    }),
    route(
      'GET',
      'views/:id',
      'agent',
      withView((_ctx, view) => one(view))
    ),
    route(
      'GET',
      'views/:id/cases',
      'agent',
      withView((ctx, view) => offsetPage(ctx, casesOfView(ctx.store, view, ctx.principal.user.id as number), 'case'))
    )
  ]
}

/** `status` (CSV of status types) and `priority` (up to a level), as `GET /cases` reads them. */
const caseFilter = (ctx: Ctx, withPriority: boolean): ((row: Row) => boolean) | ReadonlyArray<ApiErr> => {
  const statuses = ctx.query
    .get('status')
    ?.toUpperCase()
    .split(',')
    .map((s) => s.trim())
  const priority = withPriority ? ctx.query.get('priority') : undefined
  const errors = [
    ...(statuses !== undefined && statuses.some((s) => !CASE_STATUS_TYPES.includes(s)) ? [err('FIELD_INVALID', 'status')] : []),
    ...(priority !== undefined && !/^\d+$/.test(priority) ? [err('FIELD_INVALID', 'priority')] : [])
  ]
  if (errors.length > 0) return errors
  const statusType = (row: Row) => textOf(find(ctx.store, 'case_status', (row.status as Ref).id)?.type)
  const level = (row: Row) => Number(find(ctx.store, 'case_priority', (row.priority as Ref | null)?.id ?? 0)?.level ?? 0)
  return (row) =>
    row.state !== 'TRASH' && (statuses === undefined || statuses.includes(statusType(row))) && (priority === undefined || level(row) <= Number(priority))
}

/** Cases whose requester passes `who`, newest update first (as `GET /cases`). */
const casesRequestedBy = (ctx: Ctx, who: (requesterId: string) => boolean, keep: (row: Row) => boolean): Array<Row> =>
  all(ctx.store, 'case')
    .filter((row) => who(String((row.requester as Ref).id)) && keep(row))
    .sort((a, b) => textOf(b.updated_at).localeCompare(textOf(a.updated_at)) || Number(b.id) - Number(a.id))

const relationRoutes = (): Array<Route> => [
  route('GET', 'users/:id/cases', 'agent', (ctx) => {
    if (find(ctx.store, 'user', ctx.params.id) === undefined) return notFound()
    const keep = caseFilter(ctx, false)
    if (typeof keep !== 'function') return fail(keep)
    return offsetPage(
      ctx,
      casesRequestedBy(ctx, (id) => id === String(ctx.params.id), keep),
      'case'
    )
  }),
  // The docs' arguments: `status`, `priority` (spec §3.1). The cases of the organization's members.
  route('GET', 'organizations/:id/cases', 'agent', (ctx) => {
    if (find(ctx.store, 'organization', ctx.params.id) === undefined) return notFound()
    const keep = caseFilter(ctx, true)
    if (typeof keep !== 'function') return fail(keep)
    const members = new Set(
      all(ctx.store, 'user')
        .filter((u) => String((u.organization as Ref | null)?.id) === String(ctx.params.id))
        .map((u) => textOf(u.id))
    )
    return offsetPage(
      ctx,
      casesRequestedBy(ctx, (id) => members.has(id), keep),
      'case'
    )
  }),
  // FCP's team adapter: `DELETE /teams/:id/members?agent_ids=1,2`.
  route('DELETE', 'teams/:id/members', 'admin', (ctx) => {
    const team = find(ctx.store, 'team', ctx.params.id)
    if (team === undefined) return notFound()
    const raw = ctx.query.get('agent_ids')
    if (raw === undefined || raw.trim() === '') return failWith('FIELD_REQUIRED', 'agent_ids')
    const ids = raw.split(',').map((s) => s.trim())
    if (ids.some((id) => !/^\d+$/.test(id) || find(ctx.store, 'user', Number(id)) === undefined)) return failWith('FIELD_INVALID', 'agent_ids')
    for (const id of ids) {
      const user = find(ctx.store, 'user', Number(id)) as Row
      user.teams = ((user.teams as ReadonlyArray<Ref> | undefined) ?? []).filter((t) => String(t.id) !== textOf(team.id))
    }
    recountTeams(ctx.store)
    return ok()
  })
]

/** Definitions of custom fields and their options (`<path>`, `<path>/:id`, `<path>/:id/options`). */
const fieldRoutes = (path: string, type: string, withList = true): Array<Route> => {
  const optionsOf = (ctx: Ctx, field: Row) =>
    ((field.options as ReadonlyArray<Ref> | undefined) ?? [])
      .map((o) => find(ctx.store, 'field_option', o.id))
      .filter((o): o is Row => o !== undefined)
      .sort((a, b) => Number(a.sort_order) - Number(b.sort_order))
  return [
    ...(withList
      ? [
          route('GET', path, 'agent', (ctx) => everything(all(ctx.store, type), type)),
          route('GET', `${path}/:id`, 'agent', (ctx) => {
            const field = find(ctx.store, type, ctx.params.id)
            return field === undefined ? notFound() : one(field)
          })
        ]
      : []),
    route('GET', `${path}/:id/options`, 'agent', (ctx) => {
      const field = find(ctx.store, type, ctx.params.id)
      return field === undefined ? notFound() : everything(optionsOf(ctx, field), 'field_option')
    })
  ]
}

const caseFieldValueRoutes = (): Array<Route> => [
  // `case_field_value` list (spec §3.1): one row per custom field value the case holds.
  route('GET', 'cases/:id/field/values', 'agent', (ctx) => {
    const row = find(ctx.store, 'case', ctx.params.id)
    if (row === undefined) return notFound()
    const values = ((row.custom_fields as ReadonlyArray<{ readonly field: Ref; readonly value: string }> | undefined) ?? []).map((v): Row => ({
      field: v.field,
      value: v.value,
      $type: 'case_field_value'
    }))
    return everything(values, 'case_field_value')
  })
]

/** `GET /settings` (a list) and `PUT /settings` with `{"values": {"category.name": value}}` (spec §3.1, MUK, ZAM). */
const settingRoutes = (): Array<Route> => [
  route('GET', 'settings', 'agent', (ctx) => everything(all(ctx.store, 'setting'), 'setting')),
  route('PUT', 'settings', 'admin', (ctx) => {
    const values = ctx.body.values
    if (values === undefined || values === null) return failWith('FIELD_REQUIRED', 'values')
    if (typeof values !== 'object' || Array.isArray(values) || Object.keys(values).length === 0) return failWith('FIELD_INVALID', 'values')
    const settings = all(ctx.store, 'setting')
    const changes: Array<[Row, string]> = []
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const row = settings.find((s) => `${textOf(s.category)}.${textOf(s.name)}` === key)
      // Unknown keys, protected settings and values that are not scalars are refused: nothing changes.
      if (row === undefined || row.is_protected === true || !['string', 'number', 'boolean'].includes(typeof value)) {
        return fail([{ ...err('FIELD_INVALID', 'values'), pointer: `/values/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` }])
      }
      changes.push([row, typeof value === 'boolean' ? (value ? '1' : '0') : String(value)])
    }
    for (const [row, value] of changes) row.value = value
    return everything(settings, 'setting')
  })
]

export const DEFINITION_ROUTES = (): ReadonlyArray<Route> => [
  ...viewRoutes(),
  ...relationRoutes(),
  ...fieldRoutes('users/fields', 'user_field'),
  ...fieldRoutes('organizations/fields', 'organization_field'),
  ...fieldRoutes('cases/fields', 'case_field', false),
  ...caseFieldValueRoutes(),
  ...settingRoutes()
]
