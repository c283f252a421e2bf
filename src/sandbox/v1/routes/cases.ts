// Cases: list with filters, get, create, update (one and bulk), trash/restore, tags, posts, reply, notes, channels.
import { err, type ApiErr } from '../errors'
import { cursorPage, everything, fail, failWith, notFound, offsetPage, one, ok, type Ctx } from '../context'
import { createCase, createPost, isStaff, setStatus, tagRefs } from '../model'
import { all, find, groupedBy, isoTime, ref, remove, type Ref, type Row, type Value, textOf } from '../store'
import { route, type Route, type RouteCtx } from './route'
import { bulkIds } from './session'
import { attachmentsFrom, editNote, idFilters, tagRoutes } from './shared'
import { isArchived, recordActivity } from './work'

const CHANNELS = ['MAIL', 'TWITTER', 'FACEBOOK', 'NOTE'] as const
type ChannelType = (typeof CHANNELS)[number]

const staffUser = (ctx: Ctx, name: string): Row | undefined => {
  const user = ctx.fields.existing(name, 'user')
  if (user !== undefined && !isStaff(textOf(find(ctx.store, 'role', (user.role as Ref).id)?.type))) {
    ctx.fields.errors.push(err('FIELD_INVALID', name))
    return undefined
  }
  return user
}

/** `field_values[key]=value` for custom case fields; a SELECT takes an option id (spec §3.3). */
const fieldValues = (ctx: Ctx): Array<Value> | undefined => {
  const given = ctx.fields.object('field_values')
  if (given === undefined) return undefined
  const out: Array<Value> = []
  for (const [key, value] of Object.entries(given)) {
    const field = all(ctx.store, 'case_field').find((f) => f.key === key && f.is_system === false)
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
    const options = ((field?.options as ReadonlyArray<Ref> | undefined) ?? []).map((o) => String(o.id))
    if (field === undefined || text === undefined || (field.type === 'SELECT' && !options.includes(text))) {
      ctx.fields.errors.push({ code: 'FIELD_INVALID', parameter: 'field_values', pointer: `/${key}` })
      continue
    }
    out.push({ field: ref('case_field', field.id as number), value: text, resource_type: 'case_field_value' })
  }
  return out
}

/** The fields of PUT /cases/:id (and of the bulk form and the reply), read and checked, not yet applied. */
const caseChanges = (ctx: Ctx) => {
  const f = ctx.fields
  return {
    subject: f.string('subject'),
    requester: f.existing('requester_id', 'user'),
    team: f.existing('assigned_team_id', 'team'),
    agent: staffUser(ctx, 'assigned_agent_id'),
    status: f.existing('status_id', 'case_status'),
    priority: f.existing('priority_id', 'case_priority'),
    type: f.existing('type_id', 'case_type'),
    form: f.existing('form_id', 'case_form'),
    brand: f.existing('brand_id', 'brand'),
    state: f.oneOf('state', ['ACTIVE', 'TRASH']),
    tags: f.list('tags'),
    fieldValues: fieldValues(ctx)
  }
}

type Changes = ReturnType<typeof caseChanges>

const changed = (c: Changes): boolean => Object.values(c).some((v) => v !== undefined)

const applyChanges = (ctx: RouteCtx<never, 'agent'>, row: Row, c: Changes): void => {
  const by = ctx.principal.user.id as number
  if (c.subject !== undefined) row.subject = c.subject
  if (c.requester !== undefined) row.requester = ref('user', c.requester.id as number)
  if (c.team !== undefined) row.assigned_team = ref('team', c.team.id as number, { legacy_id: c.team.legacy_id ?? null })
  if (c.agent !== undefined) {
    row.assigned_agent = ref('user', c.agent.id as number)
    row.last_assigned_by = ref('user', by)
    row.last_assigned_at = isoTime(ctx.now)
    row.latest_assignee_update = isoTime(ctx.now)
  }
  if (c.status !== undefined) setStatus(ctx.store, row, c.status.id as number, by, ctx.now)
  if (c.priority !== undefined) row.priority = ref('case_priority', c.priority.id as number)
  if (c.type !== undefined) row.type = ref('case_type', c.type.id as number)
  if (c.form !== undefined) row.form = ref('case_form', c.form.id as number)
  if (c.brand !== undefined) row.brand = ref('brand', c.brand.id as number)
  if (c.state !== undefined) row.state = c.state
  if (c.tags !== undefined) row.tags = tagRefs(ctx.store, c.tags)
  if (c.fieldValues !== undefined) {
    const given = new Set(c.fieldValues.map((v) => String((v as { field: Ref }).field.id)))
    const kept = ((row.custom_fields as ReadonlyArray<{ field: Ref }>) ?? []).filter((v) => !given.has(String(v.field.id)))
    row.custom_fields = [...(kept as ReadonlyArray<Value>), ...c.fieldValues]
  }
  row.last_updated_by = ref('user', by)
  row.agent_updated_at = isoTime(ctx.now)
  row.last_agent_activity_at = isoTime(ctx.now)
  row.updated_at = isoTime(ctx.now)
}

const caseById = (ctx: Ctx, id: number): Row | undefined => find(ctx.store, 'case', id)

/** A change as an activity shows it: text as given, a related row by id, a list as CSV. */
const changeText = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? v : textOf((v as Row).id ?? null))).join(',')
      : typeof value === 'object' && value !== null && 'id' in value
        ? textOf((value as Row).id ?? null)
        : null

/** Reads `channel`, `channel_id` and `channel_options` (spec §3.3). */
const channelInput = (ctx: Ctx, required: boolean): { type?: ChannelType; uuid: string | null; html: boolean } => {
  const f = ctx.fields
  const type = f.oneOf('channel', CHANNELS, { required })
  // The id of the channel's account (a mailbox id, a Facebook page or Twitter account id) or the channel's uuid.
  const channelId = f.string('channel_id')
  const options = f.object('channel_options') ?? {}
  if (type === 'NOTE' && options.cc !== undefined) f.errors.push(err('FIELD_INVALID', 'channel_options'))
  if (type === 'NOTE' && channelId !== undefined) f.errors.push(err('FIELD_REDUNDANT', 'channel_id'))
  let uuid: string | null = null
  if (type !== undefined && type !== 'NOTE') {
    if (channelId === undefined) {
      // "MAIL without channel_id → FIELD_INVALID channel" (spec §3.3).
      f.errors.push(err('FIELD_INVALID', 'channel'))
    } else {
      const channel = all(ctx.store, 'channel').find((c) => c.type === type && (c.uuid === channelId || String((c.account as Ref | null)?.id) === channelId))
      if (channel === undefined) f.errors.push(err('FIELD_INVALID', 'channel_id'))
      else uuid = textOf(channel.uuid)
    }
  }
  if (type === 'NOTE') uuid = textOf(all(ctx.store, 'channel').find((c) => c.type === 'NOTE')?.uuid ?? null)
  return { ...(type === undefined ? {} : { type }), uuid, html: options.html === true }
}

const statusTypes = (ctx: Ctx, row: Row): string => textOf(find(ctx.store, 'case_status', (row.status as Ref).id)?.type)

const listCases = (ctx: Ctx) => {
  const q = ctx.query
  const errors: Array<ApiErr> = []
  const statuses = q
    .get('status')
    ?.toUpperCase()
    .split(',')
    .map((s) => s.trim())
  const priority = q.get('priority')
  if (priority !== undefined && !/^\d+$/.test(priority)) errors.push(err('FIELD_INVALID', 'priority'))
  const tags = q
    .get('tags')
    ?.toLowerCase()
    .split(',')
    .map((t) => t.trim())
  const identityType = q.get('identity_type')?.toUpperCase()
  const identityValue = q.get('identity_value')
  if (identityType !== undefined && !['EMAIL', 'FACEBOOK', 'TWITTER', 'PHONE'].includes(identityType)) errors.push(err('FIELD_INVALID', 'identity_type'))
  if (identityType !== undefined && identityValue === undefined) errors.push(err('FIELD_REQUIRED', 'identity_value'))
  if (identityType === undefined && identityValue !== undefined) errors.push(err('FIELD_REQUIRED', 'identity_type'))
  const startTime = q.get('start_time')
  const since = startTime === undefined ? undefined : /^\d+$/.test(startTime) ? Number(startTime) * 1000 : Date.parse(startTime)
  if (since !== undefined && Number.isNaN(since)) errors.push(err('FIELD_INVALID', 'start_time'))
  if (errors.length > 0) return fail(errors)
  const owners =
    identityType === undefined || identityValue === undefined
      ? undefined
      : new Set(
          all(ctx.store, identityType === 'PHONE' ? 'identity_phone' : 'identity_email')
            .filter((i) => textOf(identityType === 'PHONE' ? i.number : i.email).toLowerCase() === identityValue.toLowerCase())
            .map((i) => textOf(i.$user))
        )
  const archived = q.get('archived')
  if (archived !== undefined && !['1', '0', 'true', 'false'].includes(archived)) return failWith('FIELD_INVALID', 'archived')
  const withArchived = archived === '1' || archived === 'true'
  const byIds = q.has('ids') || q.has('legacy_ids')
  const priorityLevel = (row: Row): number => Number(find(ctx.store, 'case_priority', (row.priority as Ref | null)?.id ?? 0)?.level ?? 0)
  const rows = idFilters(ctx, all(ctx.store, 'case'))
    // Trashed cases are listed only when asked for by id (they are still readable one by one).
    .filter((row) => byIds || row.state !== 'TRASH')
    // Cases closed more than 30 days ago are archived: listed with archived=1 or by id (issue 15).
    .filter((row) => byIds || withArchived || !isArchived(ctx, row))
    .filter((row) => statuses === undefined || statuses.includes(statusTypes(ctx, row)))
    .filter((row) => priority === undefined || priorityLevel(row) <= Number(priority))
    .filter((row) => tags === undefined || ((row.tags as ReadonlyArray<Ref>) ?? []).some((t) => tags.includes(textOf(find(ctx.store, 'tag', t.id)?.name))))
    .filter((row) => owners === undefined || owners.has(String((row.requester as Ref).id)))
    .filter((row) => since === undefined || Date.parse(textOf(row.updated_at)) >= since)
    // Ordered by updated_at, newest first (spec §3.1); ties by id, newest first.
    .sort((a, b) => textOf(b.updated_at).localeCompare(textOf(a.updated_at)) || Number(b.id) - Number(a.id))
  return offsetPage(ctx, rows, 'case')
}

const createCaseRoute = (ctx: RouteCtx<never, 'agent'>) => {
  const f = ctx.fields
  const subject = f.string('subject', { required: true })
  const contents = f.string('contents', { required: true })
  const requester = f.existing('requester_id', 'user', { required: true })
  const channel = channelInput(ctx, true)
  const changes = caseChanges(ctx)
  const legacyId = f.string('legacy_id')
  const clientId = f.string('client_id')
  const files = attachmentsFrom(ctx)
  const errors = [...f.errors, ...files.errors]
  if (errors.length > 0 || subject === undefined || contents === undefined || requester === undefined || channel.type === undefined) return fail(errors)
  const author = ctx.principal.user
  const row = createCase(ctx.store, ctx.state.rnd, {
    subject,
    legacyId: legacyId ?? null,
    requesterId: requester.id as number,
    creatorId: author.id as number,
    agentId: null,
    teamId: null,
    statusId: 1,
    priorityId: null,
    typeId: null,
    channelUuid: channel.uuid,
    tags: [],
    customFields: [],
    at: ctx.now
  })
  createPost(ctx.store, ctx.state.rnd, {
    caseRow: row,
    author,
    contents,
    channel: channel.type,
    channelUuid: channel.uuid,
    source: 'API',
    attachmentIds: files.ids,
    clientId: clientId ?? null,
    at: ctx.now
  })
  if (changed(changes)) applyChanges(ctx, row, changes)
  return one(row, 201)
}

// Grouped once per change of the table, not scanned per request (bulk sandboxes: 5,000 cases, 11,000 posts).
const postsOf = (ctx: Ctx, caseId: number): Array<Row> => [...(groupedBy(ctx.store, 'post', '$case', (p) => textOf(p.$case)).get(String(caseId)) ?? [])]

const POST_FILTERS = [
  'ALL',
  'ACTIVITIES',
  'MESSAGES',
  'NOTES',
  'SHADOW_POSTS',
  'CHAT_MESSAGES',
  'FACEBOOK_POSTS',
  'FACEBOOK_POST_COMMENTS',
  'FACEBOOK_MESSAGES',
  'TWEETS',
  'TWITTER_MESSAGES'
]

const listPosts = (ctx: RouteCtx<'id'>) => {
  if (caseById(ctx, ctx.params.id) === undefined) return notFound()
  const filters = (ctx.query.get('filters') ?? 'ALL')
    .toUpperCase()
    .split(',')
    .map((s) => s.trim())
  if (filters.some((x) => !POST_FILTERS.includes(x))) return failWith('FIELD_INVALID', 'filters')
  const wanted = (post: Row): boolean => {
    if (filters.includes('ALL')) return true
    const kind = (post.original as Ref).$ref
    return (filters.includes('MESSAGES') && kind === 'case_message') || (filters.includes('NOTES') && kind === 'note')
  }
  // Posts are ordered by id, newest first; after_id walks to older posts (spec §2.9).
  const rows = postsOf(ctx, ctx.params.id)
    .filter(wanted)
    .sort((a, b) => Number(b.id) - Number(a.id))
  return cursorPage(ctx, rows, 'post', true)
}

const reply = (ctx: RouteCtx<'id', 'agent'>) => {
  const row = caseById(ctx, ctx.params.id)
  if (row === undefined || row.state === 'TRASH') return notFound()
  const f = ctx.fields
  const contents = f.string('contents', { required: true })
  const channel = channelInput(ctx, false)
  const changes = caseChanges(ctx)
  const source = f.oneOf('source', ['MAIL', 'MESSENGER', 'AGENT', 'API', 'MOBILE', 'HELPCENTER'])
  const metadata = f.object('metadata')
  const clientId = f.string('client_id')
  const files = attachmentsFrom(ctx)
  const errors = [...f.errors, ...files.errors]
  if (errors.length > 0 || contents === undefined) return fail(errors)
  // Without a channel the reply goes out on the case's own channel.
  const sourceChannel = row.source_channel as Ref | null
  const type: ChannelType =
    channel.type ?? ((sourceChannel === null ? 'NOTE' : textOf(find(ctx.store, 'channel', sourceChannel.id)?.type ?? 'MAIL')) as ChannelType)
  const uuid = channel.type === undefined ? (sourceChannel === null ? null : String(sourceChannel.id)) : channel.uuid
  const { post } = createPost(ctx.store, ctx.state.rnd, {
    caseRow: row,
    author: ctx.principal.user,
    contents,
    channel: type,
    channelUuid: uuid,
    // `channel_options.html` is read for NOTE replies (spec §3.3 "channel_options (… NOTE html)").
    html: type === 'NOTE' && channel.html,
    source: source ?? 'API',
    attachmentIds: files.ids,
    clientId: clientId ?? null,
    // Only user_agent is kept (spec §3.3).
    metadata: { user_agent: typeof metadata?.user_agent === 'string' ? metadata.user_agent : '', page_url: '' },
    at: ctx.now
  })
  if (changed(changes)) applyChanges(ctx, row, changes)
  const caseReply: Row = { posts: [ref('post', post.id as number)], case: ref('case', row.id as number), $type: 'case_reply' }
  return { status: 201, data: caseReply, resource: 'case_reply' }
}

const caseNotes = (ctx: Ctx): Array<Row> =>
  all(ctx.store, 'note')
    .filter((n) => n.$case === ctx.params.id)
    .sort((a, b) => Number(b.id) - Number(a.id))

const noteRoutes = (): Array<Route> => [
  route('GET', 'cases/:id/notes', 'agent', (ctx) => (caseById(ctx, ctx.params.id) === undefined ? notFound() : offsetPage(ctx, caseNotes(ctx), 'note'))),
  route('GET', 'cases/:id/notes/:note_id', 'agent', (ctx) => {
    const note = caseNotes(ctx).find((n) => n.id === ctx.params.note_id)
    return note === undefined ? notFound() : one(note)
  }),
  route('POST', 'cases/:id/notes', 'agent', (ctx) => {
    const row = caseById(ctx, ctx.params.id)
    if (row === undefined || row.state === 'TRASH') return notFound()
    const contents = ctx.fields.string('contents', { required: true })
    const pinned = ctx.fields.bool('is_pinned') ?? false
    const html = ctx.fields.bool('is_html') === true
    const files = attachmentsFrom(ctx)
    const errors = [...ctx.fields.errors, ...files.errors]
    if (errors.length > 0 || contents === undefined) return fail(errors)
    const { original: note } = createPost(ctx.store, ctx.state.rnd, {
      html,
      caseRow: row,
      author: ctx.principal.user,
      contents,
      channel: 'NOTE',
      channelUuid: null,
      source: 'API',
      attachmentIds: files.ids,
      at: ctx.now
    })
    if (pinned) {
      note.is_pinned = true
      note.pinned_by = ref('user', ctx.principal.user.id as number)
      row.pinned_notes_count = caseNotes(ctx).filter((n) => n.is_pinned === true).length
    }
    return one(note, 201)
  }),
  route('PUT', 'cases/:id/notes/:note_id', 'agent', (ctx) => {
    const note = caseNotes(ctx).find((n) => n.id === ctx.params.note_id)
    const row = caseById(ctx, ctx.params.id)
    if (note === undefined || row === undefined) return notFound()
    return editNote(ctx, note, () => {
      row.pinned_notes_count = caseNotes(ctx).filter((n) => n.is_pinned === true).length
    })
  })
]

const trash = (ctx: Ctx, row: Row, state: 'TRASH' | 'ACTIVE'): void => {
  row.state = state
  row.updated_at = isoTime(ctx.now)
}

const caseChannels = (ctx: RouteCtx<'id'>) => (caseById(ctx, ctx.params.id) === undefined ? notFound() : everything(all(ctx.store, 'channel'), 'channel'))

export const CASE_ROUTES = (): ReadonlyArray<Route> => [
  route('GET', 'cases', 'agent', listCases),
  route('POST', 'cases', 'agent', createCaseRoute),
  route('PUT', 'cases', 'agent', (ctx) => {
    const ids = bulkIds(ctx)
    if (!Array.isArray(ids)) return ids
    const changes = caseChanges(ctx)
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    const rows = ids.map((id) => caseById(ctx, id)).filter((r): r is Row => r !== undefined)
    for (const row of rows) applyChanges(ctx, row, changes)
    return { status: 200, page: { totalCount: rows.length } }
  }),
  route('PUT', 'cases/trash', 'agent', (ctx) => {
    const ids = bulkIds(ctx)
    if (!Array.isArray(ids)) return ids
    const rows = ids.map((id) => caseById(ctx, id)).filter((r): r is Row => r !== undefined)
    for (const row of rows) trash(ctx, row, 'TRASH')
    return { status: 200, page: { totalCount: rows.length } }
  }),
  route('DELETE', 'cases/trash', 'admin', (ctx) => {
    const trashed = all(ctx.store, 'case').filter((r) => r.state === 'TRASH')
    for (const row of trashed) {
      for (const post of postsOf(ctx, row.id as number)) remove(ctx.store, 'post', post.id as number)
      remove(ctx.store, 'case', row.id as number)
    }
    return { status: 200, page: { totalCount: trashed.length } }
  }),
  route('GET', 'cases/:id', 'agent', (ctx) => {
    const row = caseById(ctx, ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  route('PUT', 'cases/:id', 'agent', (ctx) => {
    const row = caseById(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    const changes = caseChanges(ctx)
    if (changes.subject !== undefined && changes.subject.trim() === '') ctx.fields.errors.push(err('FIELD_EMPTY', 'subject'))
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    if (!changed(changes)) {
      return fail([
        {
          code: 'ANY_FIELD_REQUIRED',
          parameters: [
            'subject',
            'requester_id',
            'assigned_team_id',
            'assigned_agent_id',
            'status_id',
            'priority_id',
            'type_id',
            'form_id',
            'brand_id',
            'state',
            'tags',
            'field_values'
          ]
        }
      ])
    }
    applyChanges(ctx, row, changes)
    const changedFields = Object.entries(changes).filter(([, v]) => v !== undefined)
    recordActivity(
      ctx.store,
      row,
      ctx.principal.user,
      'updated',
      changedFields.map(([field, v]) => ({ field, oldValue: null, newValue: changeText(v) })),
      ctx.now
    )
    return one(row)
  }),
  route('PUT', 'cases/:id/trash', 'agent', (ctx) => {
    const row = caseById(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    trash(ctx, row, 'TRASH')
    return one(row)
  }),
  route('PUT', 'cases/:id/restore', 'agent', (ctx) => {
    const row = caseById(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    trash(ctx, row, 'ACTIVE')
    return one(row)
  }),
  route('GET', 'cases/:id/posts', 'agent', listPosts),
  route('GET', 'cases/posts/:id', 'agent', (ctx) => {
    const post = find(ctx.store, 'post', ctx.params.id)
    return post === undefined ? notFound() : one(post)
  }),
  route('PUT', 'cases/posts/:id', 'agent', (ctx) => {
    const post = find(ctx.store, 'post', ctx.params.id)
    if (post === undefined) return notFound()
    const status = ctx.fields.oneOf('post_status', ['DELIVERED', 'SEEN'], { required: true })
    if (ctx.fields.errors.length > 0 || status === undefined) return fail(ctx.fields.errors)
    // SEEN also marks the posts before it (spec §3.1).
    const targets = status === 'SEEN' ? postsOf(ctx, post.$case as number).filter((p) => Number(p.id) <= Number(post.id)) : [post]
    for (const p of targets) {
      p.post_status = status
      p.post_status_updated_at = isoTime(ctx.now)
    }
    return ok()
  }),
  route('GET', 'cases/messages/:id', 'agent', (ctx) => {
    const message = find(ctx.store, 'case_message', ctx.params.id)
    return message === undefined ? notFound() : one(message)
  }),
  route('POST', 'cases/:id/reply', 'agent', reply),
  route('GET', 'cases/:id/channels', 'agent', caseChannels),
  route('GET', 'cases/:id/reply/channels', 'agent', caseChannels),
  ...noteRoutes(),
  ...tagRoutes('cases', 'case', 'agent')
]
