// The customer side of cases (spec §3.1 "Messenger / customer side", §1.9; the Java SDK's Messenger requesters and
// its recorded answers, fixtures conversations.*): `/conversations`, their public messages, ratings and the starter.
// A conversation is a case seen by its requester; a fingerprint client (`X-Fingerprint-ID`) sees only the ones
// created with its fingerprint. Newest first, as the captures are (ids 35, 34, … and messages 325, 323, …).
import { fail, notFound, offsetPage, one, ok, type Ctx, type Principal } from '../context'
import { err } from '../errors'
import { addEmail, createCase, createPost, createUser, primaryEmail } from '../model'
import { all, find, insert, isoTime, ref, type Ref, type Row, textOf } from '../store'
import { attachmentsFrom } from './shared'
import { route, type Route } from './route'

const SOURCES = ['HELPCENTER', 'MESSENGER', 'API'] as const
const CUSTOMER_ROLE = 4
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The cases a caller sees as conversations: those of its fingerprint, else those it requested. */
const mine = (principal: Principal, row: Row): boolean =>
  principal.fingerprint !== undefined
    ? row.$fingerprint === principal.fingerprint
    : row.$fingerprint === undefined && textOf((row.requester as Ref | null)?.id) === textOf(principal.user.id)

const caseOf = (ctx: Ctx & { readonly principal: Principal }, id: number): Row | undefined => {
  const row = find(ctx.store, 'case', id)
  return row !== undefined && row.state !== 'TRASH' && mine(ctx.principal, row) ? row : undefined
}

const isClosed = (ctx: Ctx, row: Row): boolean => {
  const type = textOf(find(ctx.store, 'case_status', (row.status as Ref).id)?.type)
  return type === 'COMPLETED' || type === 'CLOSED'
}

/** The channel a conversation is shown with: how it came in (HELPCENTER unless it came by mail or the Messenger). */
const channelOf = (ctx: Ctx, row: Row): string => {
  if (typeof row.$channel === 'string') return row.$channel
  const channel = row.source_channel === null ? undefined : find(ctx.store, 'channel', (row.source_channel as Ref).id)
  return channel === undefined ? 'HELPCENTER' : textOf(channel.type)
}

/** The public posts of a case, newest first (notes are never shown to a customer). */
const messagePosts = (ctx: Ctx, caseId: number): Array<Row> =>
  all(ctx.store, 'post')
    .filter((p) => p.$case === caseId && (p.original as Ref).$ref === 'case_message')
    .sort((a, b) => Number(b.id) - Number(a.id))

/** A case as its requester sees it (fields of conversations.create.json, in its order). */
const conversationRow = (ctx: Ctx, row: Row): Row => {
  const posts = messagePosts(ctx, row.id as number)
  const lastAgent = posts.find((p) => p.is_requester !== true)
  return {
    $type: 'conversation',
    id: row.id as number,
    // A case row has no uuid of its own: one is given the first time the case is shown as a conversation.
    uuid: typeof row.$uuid === 'string' ? row.$uuid : (row.$uuid = ctx.state.rnd.uuid()),
    legacy_id: row.legacy_id ?? null,
    subject: row.subject ?? '',
    channel: channelOf(ctx, row),
    requester: row.requester ?? null,
    creator: row.creator ?? null,
    last_replier: row.last_replier ?? null,
    last_agent_replier: lastAgent === undefined ? null : (lastAgent.creator as Ref),
    assigned_team: row.assigned_team ?? null,
    assigned_agent: row.assigned_agent ?? null,
    status: row.status ?? null,
    is_completed: isClosed(ctx, row),
    priority: row.priority ?? null,
    type: row.type ?? null,
    read_marker: row.read_marker ?? null,
    custom_fields: row.custom_fields ?? [],
    realtime_channel: row.realtime_channel ?? null,
    last_replied_at: row.last_replied_at ?? null,
    created_at: row.created_at ?? null,
    updated_at: row.updated_at ?? null,
    $case: row.id as number
  }
}

/**
 * A public post as a conversation message (fields of conversations.messages.get.json, in its order): a `case_message`
 * (its `resource_type` in the recordings) in a `conversation_message` answer (their `resource`).
 */
const messageRow = (ctx: Ctx, caseRow: Row, post: Row): Row => {
  const original = find(ctx.store, 'case_message', (post.original as Ref).id) ?? {}
  return {
    $type: 'case_message',
    id: (post.original as Ref).id,
    uuid: post.uuid ?? null,
    client_id: post.client_id ?? null,
    subject: post.subject ?? '',
    channel: typeof post.$channel === 'string' ? post.$channel : post.is_requester === true ? channelOf(ctx, caseRow) : 'MAIL',
    content_text: post.contents ?? '',
    content_html: original.body_html ?? null,
    creator: post.creator ?? null,
    attachments: post.attachments ?? [],
    download_all: post.download_all ?? null,
    // The captures have `source: null` on every message; a source the client sent is echoed.
    source: typeof post.$source === 'string' ? post.$source : null,
    metadata: post.metadata ?? { user_agent: '', page_url: '' },
    message_status: post.post_status ?? 'SENT',
    message_status_reject_type: post.post_status_reject_type ?? null,
    message_status_reject_reason: post.post_status_reject_reason ?? null,
    message_status_updated_at: post.post_status_updated_at ?? null,
    created_at: post.created_at ?? null,
    updated_at: post.updated_at ?? null,
    $conversation: caseRow.id as number
  }
}

/** The requester of a fingerprint's first conversation: the user with that e-mail, else a new customer. */
const requesterFor = (ctx: Ctx, principal: Principal, name: string, email: string): Row => {
  if (principal.fingerprint === undefined) return principal.user
  const bound = ctx.state.fingerprints.get(principal.fingerprint)
  const known = bound === undefined ? undefined : find(ctx.store, 'user', bound)
  if (known !== undefined) return known
  const byEmail = all(ctx.store, 'identity_email').find((e) => textOf(e.email).toLowerCase() === email.toLowerCase())
  const user =
    (byEmail === undefined ? undefined : find(ctx.store, 'user', byEmail.$user as number)) ??
    createUser(ctx.store, ctx.state.rnd, {
      fullName: name,
      roleId: CUSTOMER_ROLE,
      password: null,
      at: ctx.now
    })
  if (primaryEmail(ctx.store, user) === undefined) addEmail(ctx.store, user, email, true, ctx.now, false)
  ctx.state.fingerprints.set(principal.fingerprint, user.id as number)
  return user
}

export const CONVERSATION_ROUTES = (): Array<Route> => [
  route('GET', 'conversations', 'customer', (ctx) => {
    const statuses = ctx.fields.list('status')
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    const wanted = statuses?.map((s) => s.toUpperCase())
    const rows = all(ctx.store, 'case')
      .filter((row) => row.state !== 'TRASH' && mine(ctx.principal, row))
      .filter((row) => wanted === undefined || wanted.includes(textOf(find(ctx.store, 'case_status', (row.status as Ref).id)?.type)))
      .sort((a, b) => textOf(b.created_at).localeCompare(textOf(a.created_at)) || Number(b.id) - Number(a.id))
    return offsetPage(
      ctx,
      rows.map((row) => conversationRow(ctx, row)),
      'conversation'
    )
  }),
  // The starter before the `:id` routes' digits could ever clash: `starter` is a literal segment.
  route('GET', 'conversations/starter', 'customer', (ctx) => {
    const agents = all(ctx.store, 'user')
      .filter((u) => textOf(find(ctx.store, 'role', (u.role as Ref).id)?.type) !== 'CUSTOMER' && u.is_enabled === true)
      .sort((a, b) => textOf(b.last_active_at).localeCompare(textOf(a.last_active_at)) || Number(a.id) - Number(b.id))
      .slice(0, 3)
    // The mean time from a conversation's first message to the first agent reply, in seconds (null before any).
    const waits = all(ctx.store, 'case').flatMap((row) => {
      const posts = messagePosts(ctx, row.id as number).reverse()
      const firstReply = posts.find((p) => p.is_requester !== true)
      return posts[0] === undefined || firstReply === undefined
        ? []
        : [(Date.parse(textOf(firstReply.created_at)) - Date.parse(textOf(posts[0].created_at))) / 1000]
    })
    const average = waits.length === 0 ? null : Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10
    return one({
      $type: 'conversation_starter',
      last_active_agents: agents.map((u) => ref('user', u.id as number)),
      average_reply_time: average
    })
  }),
  route('GET', 'conversations/:id', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    return row === undefined ? notFound() : one(conversationRow(ctx, row))
  }),
  route('POST', 'conversations', 'customer', (ctx) => {
    const f = ctx.fields
    const name = f.string('name', { required: true })
    const email = f.string('email', { required: true })
    const subject = f.string('subject', { required: true })
    const contents = f.string('contents', { required: true })
    const source = f.oneOf('source', SOURCES, { required: true })
    const clientId = f.string('client_id')
    if (email !== undefined && !EMAIL.test(email.trim())) f.errors.push(err('FIELD_INVALID', 'email'))
    const files = attachmentsFrom(ctx)
    const errors = [...f.errors, ...files.errors]
    if (errors.length > 0 || name === undefined || email === undefined || subject === undefined || contents === undefined || source === undefined) {
      return fail(errors)
    }
    const requester = requesterFor(ctx, ctx.principal, name.trim(), email.trim())
    const channel = source === 'MESSENGER' ? 'MESSENGER' : 'HELPCENTER'
    const row = createCase(ctx.store, ctx.state.rnd, {
      subject,
      legacyId: null,
      requesterId: requester.id as number,
      creatorId: requester.id as number,
      agentId: null,
      teamId: null,
      statusId: 1,
      priorityId: null,
      typeId: null,
      channelUuid: null,
      tags: [],
      customFields: [],
      at: ctx.now
    })
    row.portal = channel
    row.$channel = channel
    if (ctx.principal.fingerprint !== undefined) row.$fingerprint = ctx.principal.fingerprint
    const { post } = createPost(ctx.store, ctx.state.rnd, {
      caseRow: row,
      author: requester,
      contents,
      channel,
      channelUuid: null,
      source,
      attachmentIds: files.ids,
      clientId: clientId ?? null,
      at: ctx.now
    })
    post.$channel = channel
    post.$source = source
    return one(conversationRow(ctx, row), 201)
  }),
  route('GET', 'conversations/:id/messages', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    return offsetPage(
      ctx,
      messagePosts(ctx, row.id as number).map((p) => messageRow(ctx, row, p)),
      'conversation_message'
    )
  }),
  route('GET', 'conversations/:id/messages/:message_id', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    const post = row === undefined ? undefined : messagePosts(ctx, row.id as number).find((p) => (p.original as Ref).id === ctx.params.message_id)
    return row === undefined || post === undefined
      ? notFound()
      : {
          ...one(messageRow(ctx, row, post)),
          resource: 'conversation_message'
        }
  }),
  route('POST', 'conversations/:id/messages', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    const contents = ctx.fields.string('contents', { required: true })
    const source = ctx.fields.oneOf('source', SOURCES)
    const clientId = ctx.fields.string('client_id')
    const files = attachmentsFrom(ctx)
    const errors = [...ctx.fields.errors, ...files.errors]
    if (errors.length > 0 || contents === undefined) return fail(errors)
    const author = ctx.principal.fingerprint === undefined ? ctx.principal.user : (find(ctx.store, 'user', (row.requester as Ref).id) as Row)
    const channel = source === 'MESSENGER' ? 'MESSENGER' : 'HELPCENTER'
    const { post } = createPost(ctx.store, ctx.state.rnd, {
      caseRow: row,
      author,
      contents,
      channel,
      channelUuid: null,
      source: source ?? channel,
      attachmentIds: files.ids,
      clientId: clientId ?? null,
      at: ctx.now
    })
    post.$channel = channel
    if (source !== undefined) post.$source = source
    row.last_customer_activity_at = isoTime(ctx.now)
    return {
      ...one(messageRow(ctx, row, post), 201),
      resource: 'conversation_message'
    }
  }),
  // A delivery receipt (JSDK PutMessageRequester: `message_status` SEEN or DELIVERED); the answer is the bare status.
  route('PUT', 'conversations/:id/messages/:message_id', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    const post = row === undefined ? undefined : messagePosts(ctx, row.id as number).find((p) => (p.original as Ref).id === ctx.params.message_id)
    if (post === undefined) return notFound()
    const status = ctx.fields.oneOf('message_status', ['DELIVERED', 'SEEN'] as const, { required: true })
    if (ctx.fields.errors.length > 0 || status === undefined) return fail(ctx.fields.errors)
    post.post_status = status
    post.post_status_updated_at = isoTime(ctx.now)
    return ok()
  }),
  route('GET', 'conversations/:id/ratings', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    const rows = all(ctx.store, 'conversation_rating').filter((r) => r.$case === row.id)
    return {
      status: 200,
      data: rows,
      resource: 'conversation_rating',
      page: { totalCount: rows.length }
    }
  }),
  // Answered with 200, not 201, as the capture conversations.ratings.create.json was.
  route('POST', 'conversations/:id/ratings', 'customer', (ctx) => {
    const row = caseOf(ctx, ctx.params.id)
    if (row === undefined) return notFound()
    const score = ctx.fields.oneOf('score', ['GOOD', 'BAD'] as const, {
      required: true
    })
    const comment = ctx.fields.string('comment')
    if (ctx.fields.errors.length > 0 || score === undefined) return fail(ctx.fields.errors)
    const when = isoTime(ctx.now)
    const rating = insert(ctx.store, 'conversation_rating', {
      score,
      comment: comment ?? null,
      conversation: ref('conversation', row.id as number),
      creator: ref('user', (row.requester as Ref).id),
      created_at: when,
      updated_at: when,
      $case: row.id as number
    })
    row.rating = score
    row.rating_status = 'RECEIVED'
    return one(rating)
  })
]
