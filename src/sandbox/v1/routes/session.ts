// Tests (the public sample resource), the session, the current user and the profile.
import { err } from '../errors'
import { cursorPage, fail, failWith, notFound, one, ok, type Ctx } from '../context'
import { INSTANCE } from '../model'
import { all, find, insert, isoTime, ref, remove, type Row, textOf } from '../store'
import { route, type Route } from './route'

/**
 * A test resource as the caller sees it. Anonymous callers get the short form of the docs' response sample
 * (`tests.get.json`); authenticated ones the long form of the flat-mode sample (`tests.get.flat.json`), which echoes
 * the caller's session id and user.
 */
const testView = (ctx: Ctx, row: Row): Row => {
  const p = ctx.principal
  const base = { id: row.id ?? null, name: row.name ?? null, $type: 'test' }
  if (p === undefined) return { ...base, authentication_scheme: 'NONE' }
  return {
    ...base,
    session_id: p.session?.id ?? null,
    authentication_scheme: p.scheme,
    is_base_installed: true,
    user: ref('user', p.user.id as number),
    is_odd: Number(row.id) % 2 === 1,
    // A constant: responses must be reproducible (the docs' sample value).
    generation_time: 0.000134
  }
}

const idsArgument = (ctx: Ctx): Array<number> | undefined | 'invalid' | 'duplicate' => {
  const raw = ctx.query.get('ids')
  if (raw === undefined) return undefined
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (items.length === 0 || items.some((s) => !/^\d+$/.test(s))) return 'invalid'
  if (new Set(items).size !== items.length) return 'duplicate'
  return items.map(Number)
}

/**
 * The most ids one bulk action takes: 200 is documented for bulk creation (spec §2.14); the limit of `?ids=` is
 * UNCONFIRMED, and the sandbox refuses more than the same 200 (FIELD_INVALID `ids`).
 */
export const BULK_LIMIT = 200

/** `?ids=` of a bulk action (spec §2.14): duplicates are PARAMETERS_INCONSISTENT. */
export const bulkIds = (ctx: Ctx): Array<number> | ReturnType<typeof fail> => {
  const ids = idsArgument(ctx)
  if (ids === undefined) return failWith('FIELD_REQUIRED', 'ids')
  if (ids === 'invalid') return failWith('FIELD_INVALID', 'ids')
  if (ids === 'duplicate') return failWith('PARAMETERS_INCONSISTENT', 'ids')
  if (ids.length > BULK_LIMIT) return failWith('FIELD_INVALID', 'ids')
  return ids
}

const testRoutes = (): Array<Route> => [
  route('GET', 'tests', 'public', (ctx) =>
    cursorPage(
      ctx,
      all(ctx.store, 'test').map((r) => testView(ctx, r)),
      'test',
      false
    )
  ),
  route('GET', 'tests/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'test', ctx.params.id)
    return row === undefined ? notFound() : one(testView(ctx, row))
  }),
  route('POST', 'tests', 'public', (ctx) => {
    const name = ctx.fields.string('name', { required: true })
    if (ctx.fields.errors.length > 0 || name === undefined) return fail(ctx.fields.errors)
    return one(testView(ctx, insert(ctx.store, 'test', { name })), 201)
  }),
  route('PUT', 'tests/:id', 'public', (ctx) => {
    const row = find(ctx.store, 'test', ctx.params.id)
    if (row === undefined) return notFound()
    const name = ctx.fields.string('name', { required: true })
    if (ctx.fields.errors.length > 0 || name === undefined) return fail(ctx.fields.errors)
    row.name = name
    return one(testView(ctx, row))
  }),
  route('PUT', 'tests', 'public', (ctx) => {
    const ids = bulkIds(ctx)
    if (!Array.isArray(ids)) return ids
    const name = ctx.fields.string('name', { required: true })
    if (ctx.fields.errors.length > 0 || name === undefined) return fail(ctx.fields.errors)
    const rows = ids.map((id) => find(ctx.store, 'test', id)).filter((r) => r !== undefined)
    for (const row of rows) row.name = name
    return { status: 200, page: { totalCount: rows.length } }
  }),
  route('DELETE', 'tests/:id', 'public', (ctx) => (remove(ctx.store, 'test', ctx.params.id) ? ok() : notFound())),
  route('DELETE', 'tests', 'public', (ctx) => {
    const ids = bulkIds(ctx)
    if (!Array.isArray(ids)) return ids
    return { status: 200, page: { totalCount: ids.filter((id) => remove(ctx.store, 'test', id)).length } }
  })
]

const sessionRow = (ctx: Ctx): Row | undefined => {
  const s = ctx.principal?.session
  if (s === undefined) return undefined
  return {
    id: s.id,
    portal: 'API',
    ip_address: '127.0.0.1',
    user_agent: s.userAgent,
    instance_id: '153479',
    instance_name: INSTANCE,
    user: ref('user', s.userId),
    status: 'ONLINE',
    last_activity_at: isoTime(s.lastActivityAt),
    created_at: isoTime(s.createdAt),
    $type: 'session'
  }
}

const sessionRoutes = (): Array<Route> => [
  route('GET', 'session', 'customer', (ctx) => {
    const row = sessionRow(ctx)
    // An OAuth caller has no session to show.
    return row === undefined ? notFound() : one(row)
  }),
  route('DELETE', 'session', 'customer', (ctx) => {
    const s = ctx.principal?.session
    if (s !== undefined) ctx.state.sessions.delete(s.id)
    return ok()
  }),
  route('PUT', 'session/ack', 'customer', (ctx) => {
    const s = ctx.principal?.session
    if (s !== undefined) s.lastActivityAt = ctx.now
    return ok()
  }),
  route('GET', 'me', 'customer', (ctx) => one(ctx.principal.user)),
  route('GET', 'profile', 'customer', (ctx) => one(ctx.principal.user)),
  route('PUT', 'profile', 'customer', (ctx) => {
    const user = ctx.principal.user
    const f = ctx.fields
    const changes: Record<string, string | undefined> = {}
    for (const name of ['full_name', 'designation', 'locale', 'time_zone', 'greeting', 'signature', 'status_message']) {
      changes[name] = f.string(name, { required: false })
    }
    if (changes.full_name !== undefined && changes.full_name.trim() === '') f.errors.push(err('FIELD_EMPTY', 'full_name'))
    const avatar = f.existing('avatar_file_id', 'file')
    if (f.errors.length > 0) return fail(f.errors)
    for (const [name, value] of Object.entries(changes)) if (value !== undefined) user[name] = value
    if (avatar !== undefined) {
      user.avatar = `${ctx.baseUrl}/files/${textOf(avatar.id)}/content`
      user.avatar_updated_at = isoTime(ctx.now)
    }
    user.updated_at = isoTime(ctx.now)
    return one(user)
  }),
  route('PUT', 'profile/password', 'customer', (ctx) => {
    const user = ctx.principal.user
    const f = ctx.fields
    // In the password-update step (X-Token) the old password is not needed (spec §1.6).
    const viaToken = ctx.principal.scheme === 'BASIC' && ctx.principal.session === undefined && user.$passwordExpired === true
    const current = viaToken ? undefined : f.string('password', { required: true })
    const next = f.string('new_password', { required: true })
    if (current !== undefined && current !== user.$password) f.errors.push(err('FIELD_INVALID', 'password'))
    if (next !== undefined && next.length < 6) f.errors.push(err('FIELD_INVALID', 'new_password'))
    if (f.errors.length > 0 || next === undefined) return fail(f.errors)
    user.$password = next
    user.$passwordExpired = false
    user.password_updated_at = isoTime(ctx.now)
    return { status: 200, notifications: [{ type: 'SUCCESS', message: 'Your password has been updated' }] }
  })
]

export const SESSION_ROUTES = (): ReadonlyArray<Route> => [...testRoutes(), ...sessionRoutes()]
