// Teams, roles, business hours, the case settings (statuses, priorities, types, fields, channels), OAuth clients
// and files.
import * as E from '../../../core/either'
import { fromBase64, toBase64 } from '../../../core/bytes'
import { err } from '../errors'
import { everything, fail, failWith, notFound, offsetPage, one, ok, type Ctx } from '../context'
import { isStaff, recountTeams } from '../model'
import { all, find, fnv, insert, isoTime, ref, remove, type Ref, type Row, textOf } from '../store'
import { route, type Access, type Route, type RouteCtx } from './route'
import { idFilters } from './shared'

const getOne = (type: string) => (ctx: RouteCtx<'id'>) => {
  const row = find(ctx.store, type, ctx.params.id)
  return row === undefined ? notFound() : one(row)
}

/** A collection with GET list (offset paging) and GET one. */
const readable = (path: string, type: string, access: Access): Array<Route> => [
  route('GET', path, access, (ctx) => offsetPage(ctx, idFilters(ctx, all(ctx.store, type)), type)),
  route('GET', `${path}/:id`, access, getOne(type))
]

/** An unpaginated collection (spec §2.2: `total_count` only). */
const listed = (path: string, type: string, access: Access): Array<Route> => [
  route('GET', path, access, (ctx) => everything(all(ctx.store, type), type)),
  route('GET', `${path}/:id`, access, getOne(type))
]

const teamRoutes = (): Array<Route> => [
  ...readable('teams', 'team', 'agent'),
  route('POST', 'teams', 'admin', (ctx) => {
    const title = ctx.fields.string('title', { required: true })
    const hours = ctx.fields.existing('businesshour_id', 'business_hour')
    if (ctx.fields.errors.length > 0 || title === undefined) return fail(ctx.fields.errors)
    const at = isoTime(ctx.now)
    const team = insert(ctx.store, 'team', {
      legacy_id: null,
      title,
      businesshour: ref('business_hour', (hours?.id as number | undefined) ?? 1),
      member_count: 0,
      created_at: at,
      updated_at: at
    })
    return one(team, 201)
  }),
  route('PUT', 'teams/:id', 'admin', (ctx) => {
    const team = find(ctx.store, 'team', ctx.params.id)
    if (team === undefined) return notFound()
    const title = ctx.fields.string('title')
    const hours = ctx.fields.existing('businesshour_id', 'business_hour')
    if (title !== undefined && title.trim() === '') ctx.fields.errors.push(err('FIELD_EMPTY', 'title'))
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    if (title !== undefined) team.title = title
    if (hours !== undefined) team.businesshour = ref('business_hour', hours.id as number)
    team.updated_at = isoTime(ctx.now)
    return one(team)
  }),
  route('DELETE', 'teams/:id', 'admin', (ctx) => {
    if (!remove(ctx.store, 'team', ctx.params.id)) return notFound()
    for (const user of all(ctx.store, 'user')) {
      user.teams = ((user.teams as ReadonlyArray<Ref>) ?? []).filter((t) => String(t.id) !== String(ctx.params.id))
    }
    return ok()
  }),
  route('GET', 'teams/:id/members', 'agent', (ctx) => {
    if (find(ctx.store, 'team', ctx.params.id) === undefined) return notFound()
    // `?is_enabled=true` (FCP, MUK): enabled agents only.
    const enabled = ctx.query.get('is_enabled')
    const members = all(ctx.store, 'user').filter(
      (u) =>
        ((u.teams as ReadonlyArray<Ref>) ?? []).some((t) => String(t.id) === String(ctx.params.id)) &&
        (enabled === undefined || textOf(u.is_enabled) === enabled.toLowerCase())
    )
    return offsetPage(ctx, members, 'user')
  }),
  route('POST', 'teams/:id/members', 'admin', (ctx) => {
    const team = find(ctx.store, 'team', ctx.params.id)
    if (team === undefined) return notFound()
    const ids = ctx.fields.ids('agent_ids', { required: true })
    const users = (ids ?? []).map((id) => find(ctx.store, 'user', id))
    if (users.some((u) => u === undefined || textOf(find(ctx.store, 'role', (u.role as Ref).id)?.type) === 'CUSTOMER')) {
      ctx.fields.errors.push(err('FIELD_INVALID', 'agent_ids'))
    }
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    for (const user of users as Array<Row>) {
      const teams = (user.teams as ReadonlyArray<Ref>) ?? []
      if (!teams.some((t) => String(t.id) === textOf(team.id))) user.teams = [...teams, ref('team', team.id as number)]
    }
    recountTeams(ctx.store)
    return one(team, 201)
  })
]

const roleRoutes = (): Array<Route> => [
  ...readable('roles', 'role', 'agent'),
  route('POST', 'roles', 'admin', (ctx) => {
    const f = ctx.fields
    const title = f.string('title', { required: true })
    const type = f.oneOf('type', ['ADMIN', 'AGENT'], { required: true })
    const access = f.oneOf('agent_case_access', ['SELF', 'TEAMS', 'ALL'])
    if (f.errors.length > 0 || title === undefined || type === undefined) return fail(f.errors)
    const at = isoTime(ctx.now)
    return one(
      insert(ctx.store, 'role', {
        title,
        type,
        is_system: false,
        agent_case_access: access ?? 'ALL',
        created_at: at,
        updated_at: at,
        ip_restriction: null,
        password_expires_in_days: null,
        is_two_factor_required: false
      }),
      201
    )
  }),
  route('PUT', 'roles/:id', 'admin', (ctx) => {
    const role = find(ctx.store, 'role', ctx.params.id)
    if (role === undefined) return notFound()
    const title = ctx.fields.string('title')
    const access = ctx.fields.oneOf('agent_case_access', ['SELF', 'TEAMS', 'ALL'])
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    if (title !== undefined) role.title = title
    if (access !== undefined) role.agent_case_access = access
    role.updated_at = isoTime(ctx.now)
    return one(role)
  })
]

const oauthRoutes = (): Array<Route> => [
  ...readable('oauth/clients', 'oauth_client', 'admin'),
  route('POST', 'oauth/clients', 'admin', (ctx) => {
    const f = ctx.fields
    const name = f.string('name', { required: true })
    const url = f.string('url', { required: true })
    const callback = f.string('callback_url', { required: true })
    const scopes = f.list('scopes') ?? []
    const known = ['users', 'conversations', 'insights', 'search', 'configuration']
    if (scopes.some((s) => !known.includes(s.replace(/:(read|write)$/, '')))) f.errors.push(err('FIELD_INVALID', 'scopes'))
    for (const [name_, value] of [
      ['url', url],
      ['callback_url', callback]
    ] as const) {
      if (value !== undefined && !/^https?:\/\/\S+$/.test(value)) f.errors.push(err('FIELD_INVALID', name_))
    }
    if (f.errors.length > 0 || name === undefined || url === undefined || callback === undefined) return fail(f.errors)
    const secret = ctx.state.rnd.token(40)
    const at = isoTime(ctx.now)
    const client = insert(ctx.store, 'oauth_client', {
      name,
      url,
      key: ctx.state.rnd.uuid(),
      secret: null,
      scopes,
      logo: null,
      description: f.string('description') ?? null,
      author: f.string('author') ?? null,
      author_url: f.string('author_url') ?? null,
      callback_url: callback,
      creator: ref('user', ctx.principal.user.id as number),
      last_used_at: null,
      created_at: at,
      updated_at: null,
      $secret: secret
    })
    // "Shown only once": the secret is in the creation answer only.
    return one({ ...client, secret }, 201)
  }),
  route('PUT', 'oauth/clients/:id', 'admin', (ctx) => {
    const client = find(ctx.store, 'oauth_client', ctx.params.id)
    if (client === undefined) return notFound()
    for (const name of ['name', 'description', 'author', 'author_url', 'callback_url', 'url']) {
      const value = ctx.fields.string(name)
      if (value !== undefined) client[name] = value
    }
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    client.updated_at = isoTime(ctx.now)
    return one(client)
  })
]

const contentDispositionName = (header: string | undefined): string | undefined =>
  header === undefined ? undefined : (/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header)?.[1] ?? undefined)

/** Files (spec §2.12): the raw body is the file; the name comes from Content-Disposition or `_filename`. */
const fileRoutes = (): Array<Route> => [
  route('GET', 'files', 'customer', (ctx) => {
    const group = groupOf(ctx)
    return offsetPage(
      ctx,
      all(ctx.store, 'file').filter((f) => f.$group === group),
      'file'
    )
  }),
  route('GET', 'files/:id', 'customer', (ctx) => {
    const file = find(ctx.store, 'file', ctx.params.id)
    return file === undefined || file.$group !== groupOf(ctx) ? notFound() : one(file)
  }),
  // A file's bytes at its `content_url` (spec §2.12: "they need the same auth, and their body is the file"); its
  // uploader's session or staff may read it. `?download=1` adds `Content-Disposition` (the sandbox's own).
  route('GET', 'files/:id/content', 'customer', (ctx) => fileBytes(ctx, find(ctx.store, 'file', ctx.params.id), ctx.query.get('download') === '1')),
  // An attachment's bytes at its `url_download`, below the note or message that holds it (spec v1-api.md §2.12:
  // `…/cases/9999/notes/99999/attachments/2/download`; "they need the same auth, and their body is the file").
  ...[
    'cases/:case_id/notes/:holder_id',
    'cases/:case_id/messages/:holder_id',
    'users/:owner_id/notes/:holder_id',
    'organizations/:owner_id/notes/:holder_id'
  ].map((holder) =>
    route('GET', `${holder}/attachments/:id/download`, 'customer', (ctx) => {
      const attachment = find(ctx.store, 'attachment', ctx.params.id)
      if (attachment === undefined || attachment.$holder !== ctx.segments.slice(0, -3).join('/')) return notFound()
      return fileBytes(ctx, find(ctx.store, 'file', attachment.$file as number), true)
    })
  ),
  route(
    'POST',
    'files',
    'customer',
    (ctx) => {
      const raw = ctx.rawBody
      const bytes = raw === undefined ? new Uint8Array() : typeof raw === 'string' ? new TextEncoder().encode(raw) : raw
      const name = ctx.query.get('_filename') ?? contentDispositionName(ctx.headers['content-disposition'])
      const errors = []
      if (name === undefined || name.trim() === '') errors.push(err('FIELD_REQUIRED', '_filename'))
      if (bytes.length === 0) errors.push(err('FIELD_EMPTY', 'content'))
      if (errors.length > 0 || name === undefined) return fail(errors)
      const content = toBase64(bytes)
      const md5 = ctx.headers['content-md5'] ?? ctx.query.get('_md5')
      const hash = fnv(content)
      // The checksum is compared with the sandbox's own hash only when the client sent that form; an MD5 cannot be
      // checked without a digest implementation, so any other value is accepted (tolerant).
      if (md5 !== undefined && /^[0-9a-f]{8}$/.test(md5) && md5 !== hash) return failWith('FIELD_INVALID', '_md5')
      const group = groupOf(ctx)
      const file = insert(ctx.store, 'file', {
        name: name.trim(),
        size: bytes.length,
        content_type: (ctx.headers['content-type'] ?? 'application/octet-stream').replace(/;[\s\S]*$/, '').trim(),
        content,
        content_url: '',
        hash,
        // The docs' group_hash is "s:<session-id>"; the sandbox hashes the id so it never echoes a session id.
        group_hash: `s:${fnv(group)}`,
        created_at: isoTime(ctx.now),
        expiry_at: isoTime(ctx.now + 24 * 3_600_000),
        $group: group
      })
      file.content_url = `${ctx.baseUrl}/files/${textOf(file.id)}/content`
      return one(file, 201)
    },
    true
  )
]

/** A file's bytes, to its uploader's session or staff; `download` adds `Content-Disposition: attachment`. */
const fileBytes = (ctx: Ctx, file: Row | undefined, download: boolean) => {
  if (file === undefined || (file.$group !== groupOf(ctx) && !(ctx.principal !== undefined && isStaff(ctx.principal.roleType)))) return notFound()
  const bytes = fromBase64(textOf(file.content))
  if (E.isLeft(bytes)) return notFound()
  const headers: Record<string, string> = { 'content-type': textOf(file.content_type), 'content-length': String(bytes.right.length) }
  if (download) headers['content-disposition'] = `attachment; filename="${textOf(file.name).replace(/[^\x20-\x7e]|["\\]/g, '_')}"`
  return { status: 200, raw: { bytes: bytes.right, headers } }
}

const groupOf = (ctx: Ctx): string => ctx.principal?.session?.id ?? `user:${textOf(ctx.principal?.user.id)}`

const caseSettingRoutes = (): Array<Route> => [
  // Statuses, priorities and types are public (spec §3.1, "(P)").
  ...listed('cases/statuses', 'case_status', 'public'),
  ...listed('cases/priorities', 'case_priority', 'public'),
  ...listed('cases/types', 'case_type', 'public'),
  ...listed('cases/fields', 'case_field', 'agent'),
  ...listed('cases/forms', 'case_form', 'agent'),
  route('GET', 'cases/channels', 'agent', (ctx) => {
    const userId = ctx.query.get('user_id')
    if (userId !== undefined && (!/^\d+$/.test(userId) || find(ctx.store, 'user', Number(userId)) === undefined)) {
      return failWith('FIELD_INVALID', 'user_id')
    }
    return everything(all(ctx.store, 'channel'), 'channel')
  })
]

export const SETTINGS_ROUTES = (): ReadonlyArray<Route> => [
  ...teamRoutes(),
  ...roleRoutes(),
  ...readable('businesshours', 'business_hour', 'admin'),
  ...readable('brands', 'brand', 'agent'),
  ...caseSettingRoutes(),
  ...oauthRoutes(),
  ...fileRoutes()
]
