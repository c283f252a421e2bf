// Row builders and the bookkeeping shared by the seed and the write routes: one place that knows which fields a
// resource has (spec §3.2, in the order of the fixtures) and which counters follow from which relations.
import type { Random } from './random'
import { all, find, insert, isoTime, ref, refs, type Id, type Ref, type Row, type Store, type Value, textOf } from './store'

/** The instance the sandbox pretends to be (avatars, session `instance_name`). */
export const INSTANCE = 'brewfictus.kayako.com'

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

export interface NewUser {
  readonly fullName: string
  readonly roleId: number
  readonly organizationId?: number | null
  readonly teamIds?: ReadonlyArray<number>
  readonly designation?: string | null
  readonly isEnabled?: boolean
  readonly locale?: string
  readonly timeZone?: string | null
  readonly password: string | null
  readonly at: number
}

const roleType = (store: Store, roleId: number): string => textOf(find(store, 'role', roleId)?.type ?? 'CUSTOMER')

export const isStaff = (type: string): boolean => type !== 'CUSTOMER'

export const createUser = (store: Store, rnd: Random, input: NewUser): Row => {
  const staff = isStaff(roleType(store, input.roleId))
  const uuid = rnd.uuid()
  const when = isoTime(input.at)
  const user = insert(store, 'user', {
    uuid,
    full_name: input.fullName,
    legacy_id: null,
    designation: input.designation ?? null,
    is_enabled: input.isEnabled ?? true,
    is_mfa_enabled: false,
    role: ref('role', input.roleId),
    avatar: `https://${INSTANCE}/avatar/get/${uuid}`,
    agent_case_access: staff ? 'ALL' : null,
    organization_case_access: staff ? null : 'REQUESTED',
    organization: input.organizationId == null ? null : ref('organization', input.organizationId),
    teams: refs('team', input.teamIds ?? []),
    emails: [],
    phones: [],
    twitter: [],
    facebook: [],
    external_identifiers: [],
    custom_fields: [],
    pinned_notes_count: 0,
    locale: input.locale ?? 'en-us',
    time_zone: input.timeZone ?? null,
    time_zone_offset: null,
    greeting: null,
    signature: null,
    status_message: null,
    last_seen_user_agent: null,
    last_seen_ip: null,
    last_seen_at: null,
    last_active_at: null,
    realtime_channel: `presence-${uuid.replace(/-/g, '')}@v1_users`,
    presence_channel: `presence-${uuid.replace(/-/g, '')}@v1_users_presence`,
    password_updated_at: input.password === null ? null : when,
    avatar_updated_at: null,
    last_logged_in_at: null,
    last_activity_at: null,
    created_at: when,
    updated_at: when,
    tags: [],
    $password: input.password
  })
  recountTeams(store)
  return user
}

/** Appends a ref to a row's array field. */
export const pushRef = (row: Row, field: string, r: Ref): void => {
  row[field] = [...((row[field] as ReadonlyArray<Value> | undefined) ?? []), r]
}

export const dropRef = (row: Row, field: string, type: string, id: Id): void => {
  const list = (row[field] as ReadonlyArray<Value> | undefined) ?? []
  row[field] = list.filter((v) => !(typeof v === 'object' && v !== null && '$ref' in v && v.$ref === type && textOf(v.id) === String(id)))
}

/**
 * An identity (e-mail, phone, domain) of `owner`, linked from its `field`: the identity's own fields, then its times
 * and its owner (the rendering keeps this order).
 */
const addIdentity = (store: Store, type: string, owner: Row, field: string, own: Row, ownerKey: '$user' | '$organization', at: number): Row => {
  const row = insert(store, type, { ...own, created_at: isoTime(at), updated_at: isoTime(at), [ownerKey]: owner.id as number })
  pushRef(owner, field, ref(type, row.id as number))
  return row
}

export const addEmail = (store: Store, user: Row, email: string, primary: boolean, at: number, validated = true): Row => {
  if (primary) for (const e of all(store, 'identity_email')) if (e.$user === user.id) e.is_primary = false
  const own = { email, is_primary: primary, is_validated: validated, is_notification_enabled: false }
  return addIdentity(store, 'identity_email', user, 'emails', own, '$user', at)
}

export const addPhone = (store: Store, owner: Row, ownerField: 'phones' | 'phone', number: string, primary: boolean, at: number): Row => {
  const ownerKey = ownerField === 'phones' ? '$user' : '$organization'
  return addIdentity(store, 'identity_phone', owner, ownerField, { number, is_primary: primary, is_validated: false }, ownerKey, at)
}

export const addDomain = (store: Store, organization: Row, domain: string, primary: boolean, at: number): Row =>
  addIdentity(store, 'identity_domain', organization, 'domains', { domain, is_primary: primary, is_validated: false }, '$organization', at)

export const createOrganization = (store: Store, name: string, at: number): Row =>
  insert(store, 'organization', {
    name,
    legacy_id: null,
    is_shared: false,
    domains: [],
    phone: [],
    addresses: [],
    websites: [],
    pinned_notes_count: 0,
    custom_fields: [],
    created_at: isoTime(at),
    updated_at: isoTime(at),
    tags: []
  })

/** Teams' `member_count` follows the users' `teams`. */
export const recountTeams = (store: Store): void => {
  for (const team of all(store, 'team')) {
    team.member_count = all(store, 'user').filter((u) =>
      ((u.teams as ReadonlyArray<Ref> | undefined) ?? []).some((t) => String(t.id) === textOf(team.id))
    ).length
  }
}

/** The tag rows for names, creating the missing ones (tags are shared by name). */
export const tagRefs = (store: Store, names: ReadonlyArray<string>): Array<Ref> => {
  const out: Array<Ref> = []
  for (const name of [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))]) {
    const row = all(store, 'tag').find((t) => t.name === name) ?? insert(store, 'tag', { name })
    out.push(ref('tag', row.id as number))
  }
  return out
}

export const tagNames = (store: Store, row: Row): Array<string> =>
  ((row.tags as ReadonlyArray<Ref> | undefined) ?? []).map((t) => textOf(find(store, 'tag', t.id)?.name ?? ''))

export const preview = (text: string): string => (text.length > 255 ? text.slice(0, 252) + '...' : text)

const htmlOf = (text: string): string => '<p>' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>') + '</p>'

/** The text of an HTML fragment: tags dropped, white space collapsed (what search reads, a note's `body_text`). */
export const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/**
 * A note's or message's two bodies from what the client sent: `contents` is text (escaped into `body_html`) unless
 * the request says it is HTML (`is_html: true` for notes, `channel_options.html` for a NOTE reply: spec v1-api.md
 * §3 "Create via POST …/notes with contents, attachment_file_ids, is_html: true" [code FCP]), then kept as sent.
 */
export const bodiesOf = (contents: string, html: boolean): { readonly body_text: string; readonly body_html: string } =>
  html ? { body_text: stripTags(contents), body_html: contents } : { body_text: contents, body_html: htmlOf(contents) }

export interface NewPost {
  readonly caseRow: Row
  readonly author: Row
  readonly contents: string
  readonly channel: 'MAIL' | 'TWITTER' | 'FACEBOOK' | 'NOTE' | 'MESSENGER' | 'HELPCENTER'
  readonly channelUuid: string | null
  readonly source: string
  readonly subject?: string
  readonly attachmentIds?: ReadonlyArray<number>
  readonly clientId?: string | null
  readonly metadata?: Record<string, string>
  /** `contents` is HTML (see {@link bodiesOf}). */
  readonly html?: boolean
  readonly at: number
}

/** The author's primary email identity (the identity of a message). */
export const primaryEmail = (store: Store, user: Row): Row | undefined =>
  all(store, 'identity_email').find((e) => e.$user === user.id && e.is_primary === true) ?? all(store, 'identity_email').find((e) => e.$user === user.id)

/**
 * Gives attachments their download URL below the note or message that holds them, where the real server serves them
 * (spec v1-api.md §2.12: `url_download` is `…/api/v1/cases/9999/notes/99999/attachments/2/download`; a case message's
 * `cases/:id/messages/:id/…` follows the notes' form, unconfirmed).
 */
export const placeAttachments = (store: Store, ids: ReadonlyArray<number>, holder: string): void => {
  for (const id of ids) {
    const row = find(store, 'attachment', id)
    if (row === undefined) continue
    row.$holder = holder
    row.url_download = `${textOf(row.$base)}/${holder}/attachments/${textOf(row.id)}/download`
  }
}

/** A post on a case's timeline, with its `original` (a case message, or a note for the NOTE channel). */
export const createPost = (store: Store, rnd: Random, input: NewPost): { readonly post: Row; readonly original: Row } => {
  const { caseRow, author, contents, at } = input
  const when = isoTime(at)
  const subject = input.subject ?? textOf(caseRow.subject)
  const identity = primaryEmail(store, author)
  const attachments = refs('attachment', input.attachmentIds ?? [])
  const isNote = input.channel === 'NOTE'
  const original = isNote
    ? insert(store, 'note', {
        ...bodiesOf(contents, input.html === true),
        is_pinned: false,
        pinned_by: null,
        user: ref('user', author.id as number),
        attachments,
        download_all: null,
        created_at: when,
        updated_at: when,
        $parent: `cases/${textOf(caseRow.id)}`,
        $case: caseRow.id as number
      })
    : insert(store, 'case_message', {
        uuid: rnd.uuid(),
        subject,
        ...bodiesOf(contents, input.html === true),
        recipients: [],
        fullname: author.full_name as string,
        email: (identity?.email as string | undefined) ?? null,
        creator: ref('user', author.id as number),
        identity: identity === undefined ? null : ref('identity_email', identity.id as number),
        // Mailboxes are not modelled: the reference stays a reference even with include=*.
        mailbox: input.channel === 'MAIL' ? ref('mailbox', 1) : null,
        attachments,
        download_all: null,
        locale: 'en-us',
        response_time: 0,
        created_at: when,
        updated_at: when
      })
  placeAttachments(store, input.attachmentIds ?? [], `cases/${textOf(caseRow.id)}/${isNote ? 'notes' : 'messages'}/${textOf(original.id)}`)
  const requesterId = (caseRow.requester as Ref | null)?.id
  const post = insert(store, 'post', {
    uuid: rnd.uuid(),
    client_id: input.clientId ?? null,
    subject,
    contents,
    creator: ref('user', author.id as number),
    identity: identity === undefined ? null : ref('identity_email', identity.id as number),
    source_channel: input.channelUuid === null ? null : ref('channel', input.channelUuid),
    attachments,
    download_all: attachments.length > 0 ? `https://${INSTANCE}/api/v1/cases/${textOf(caseRow.id)}/attachments/download` : null,
    destination_medium: input.channel === 'MAIL' && isStaff(textOf(find(store, 'role', (author.role as Ref).id)?.type)) ? 'MAIL' : null,
    source: input.source,
    metadata: input.metadata ?? { user_agent: '', page_url: '' },
    original: ref(isNote ? 'note' : 'case_message', original.id as number),
    post_status: 'SENT',
    post_status_reject_type: null,
    post_status_reject_reason: null,
    post_status_updated_at: when,
    is_requester: String(requesterId) === textOf(author.id),
    created_at: when,
    updated_at: when,
    $case: caseRow.id as number
  })
  caseRow.post_count = Number(caseRow.post_count) + 1
  caseRow.updated_at = when
  if (isNote) {
    caseRow.has_notes = true
  } else {
    caseRow.last_post_preview = preview(contents)
    caseRow.last_message_preview = preview(contents)
    caseRow.last_post_type = 'PUBLIC'
    caseRow.last_post_status = 'SENT'
    caseRow.last_replier = ref('user', author.id as number)
    caseRow.last_replier_identity = identity === undefined ? null : ref('identity_email', identity.id as number)
    caseRow.last_replied_at = when
    if (post.is_requester === true) caseRow.last_reply_by_requester_at = when
    else caseRow.last_reply_by_agent_at = when
  }
  if (attachments.length > 0) caseRow.has_attachments = true
  return { post, original }
}

export interface NewCase {
  readonly subject: string
  readonly legacyId: string | null
  readonly requesterId: number
  readonly creatorId: number
  readonly agentId: number | null
  readonly teamId: number | null
  readonly statusId: number
  readonly priorityId: number | null
  readonly typeId: number | null
  readonly channelUuid: string | null
  readonly tags: ReadonlyArray<string>
  readonly customFields: ReadonlyArray<Value>
  readonly at: number
}

/** A case row with the fields of `cases.list.json` in its order, plus the non-default `tags` and `reply_channels`. */
export const createCase = (store: Store, rnd: Random, input: NewCase): Row => {
  const when = isoTime(input.at)
  const requester = find(store, 'user', input.requesterId)
  const identity = requester === undefined ? undefined : primaryEmail(store, requester)
  const readMarker = insert(store, 'read_marker', { last_read_post_id: null, last_read_at: null, unread_count: 0 })
  const metric = insert(store, 'sla_metric', {
    metric_type: 'FIRST_REPLY_TIME',
    stage: 'ACTIVE',
    is_breached: false,
    due_at: isoTime(input.at + 8 * 3_600_000),
    started_at: when,
    completed_at: null,
    last_paused_at: null,
    target: 28800
  })
  const channel = input.channelUuid === null ? null : ref('channel', input.channelUuid)
  const id = (store.sequences.get('case') ?? 0) + 1
  return insert(store, 'case', {
    legacy_id: input.legacyId,
    subject: input.subject,
    portal: 'API',
    source_channel: channel,
    last_public_channel: channel,
    requester: ref('user', input.requesterId),
    creator: ref('user', input.creatorId),
    identity: identity === undefined ? null : ref('identity_email', identity.id as number),
    assigned_agent: input.agentId === null ? null : ref('user', input.agentId),
    assigned_team: input.teamId === null ? null : ref('team', input.teamId, { legacy_id: null }),
    last_assigned_by: input.agentId === null ? null : ref('user', input.creatorId),
    brand: ref('brand', 1),
    status: ref('case_status', input.statusId),
    priority: input.priorityId === null ? null : ref('case_priority', input.priorityId),
    type: input.typeId === null ? null : ref('case_type', input.typeId),
    read_marker: ref('read_marker', readMarker.id as number),
    sla_version: ref('sla_version', 1),
    sla_metrics: [ref('sla_metric', metric.id as number)],
    form: ref('case_form', 1),
    custom_fields: [...input.customFields],
    last_replier: null,
    last_replier_identity: null,
    last_completed_by: null,
    last_updated_by: null,
    last_closed_by: null,
    state: 'ACTIVE',
    post_count: 0,
    has_notes: false,
    pinned_notes_count: 0,
    has_attachments: false,
    is_merged: false,
    rating: null,
    rating_status: 'UNOFFERED',
    last_post_status: null,
    last_post_preview: null,
    last_post_type: null,
    last_message_preview: null,
    realtime_channel: `presence-${rnd.token(32).toLowerCase()}@v1_cases_${id}`,
    last_assigned_at: input.agentId === null ? null : when,
    last_replied_at: null,
    last_opened_at: null,
    last_pending_at: null,
    last_closed_at: null,
    last_completed_at: null,
    last_agent_activity_at: null,
    last_customer_activity_at: null,
    last_reply_by_agent_at: null,
    last_reply_by_requester_at: null,
    agent_updated_at: null,
    latest_assignee_update: null,
    created_at: when,
    updated_at: when,
    tags: tagRefs(store, input.tags),
    reply_channels: [ref('channel', '37e31d9d-cbd4-48a2-9134-1206abefa1b4'), ref('channel', 'e2b4d6f8-0a1c-4e3f-9b5d-7c9e1a3b5d7f')]
  })
}

/** Status bookkeeping: the `last_*_at` / `last_*_by` fields that follow a case's status. */
export const setStatus = (store: Store, caseRow: Row, statusId: number, by: number, at: number): void => {
  const when = isoTime(at)
  caseRow.status = ref('case_status', statusId)
  const type = textOf(find(store, 'case_status', statusId)?.type)
  if (type === 'PENDING') caseRow.last_pending_at = when
  if (type === 'COMPLETED') {
    caseRow.last_completed_at = when
    caseRow.last_completed_by = ref('user', by)
  }
  if (type === 'CLOSED') {
    caseRow.last_closed_at = when
    caseRow.last_closed_by = ref('user', by)
  }
  if (type === 'OPEN') caseRow.last_opened_at = when
}
