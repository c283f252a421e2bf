// The sandbox's in-memory data: rows keyed by resource type and id. A row holds its fields in snake case and in
// output order; relations are `Ref`s, resolved (or not) when a response is rendered. Keys starting with `$` are
// internal (owner links, passwords) and never rendered.

export type Id = number | string

/** A relation to another row. `extra` keys are part of the reference itself (a case's team ref has `legacy_id`). */
export interface Ref {
  readonly $ref: string
  readonly id: Id
  readonly extra?: Readonly<Record<string, Value>>
}

export type Value = null | boolean | number | string | Ref | ReadonlyArray<Value> | { readonly [key: string]: Value }

export type Row = Record<string, Value> & { $type?: Value }

/** A stored value as text: a scalar as `String` writes it, a structure as JSON (never `[object Object]`). */
export const textOf = (value: Value | undefined): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value))

export const ref = (type: string, id: Id, extra?: Record<string, Value>): Ref => (extra === undefined ? { $ref: type, id } : { $ref: type, id, extra })

export const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && !Array.isArray(value) && '$ref' in value

export const refs = (type: string, ids: ReadonlyArray<Id>): Array<Ref> => ids.map((id) => ref(type, id))

export interface ResourceSchema {
  /** The path of `resource_url` under `/api/v1/`: a collection (`cases` → `cases/<id>`) or a function of the row;
   * absent: the resource has no `resource_url`. */
  readonly path?: string | ((row: Row) => string)
  /** Returned only when asked for with `fields=+name` (spec §2.7). */
  readonly nonDefault?: ReadonlyArray<string>
  /** Free-form maps: their keys are not case-converted and their values not emptied (spec §2.8, `metadata`). */
  readonly opaque?: ReadonlyArray<string>
  /** The identifying key when it is not `id` (channels are keyed by `uuid`). */
  readonly key?: 'uuid'
  /** Rendered without `resource_type`, as the recordings of these resources are (conversation ratings, the starter, help-center search hits). */
  readonly untyped?: boolean
}

export const SCHEMAS: Readonly<Record<string, ResourceSchema>> = {
  test: { path: 'tests' },
  session: {},
  user: { path: 'users', nonDefault: ['tags'] },
  organization: { path: 'organizations', nonDefault: ['tags'] },
  identity_email: { path: 'identities/emails' },
  identity_phone: { path: 'identities/phones' },
  identity_domain: { path: 'identities/domains' },
  team: { path: 'teams' },
  // ip_restriction and friends: non-default role fields (spec §2.7, FCP mock).
  role: { path: 'roles', nonDefault: ['ip_restriction', 'password_expires_in_days', 'is_two_factor_required'] },
  business_hour: { path: 'businesshours', opaque: ['zones'] },
  brand: { path: 'brands' },
  case: { path: 'cases', nonDefault: ['tags', 'reply_channels'] },
  case_status: { path: 'cases/statuses' },
  case_priority: { path: 'cases/priorities' },
  case_type: { path: 'cases/types' },
  case_field: { path: 'cases/fields' },
  case_form: { path: 'cases/forms' },
  field_option: {},
  channel: { key: 'uuid' },
  read_marker: {},
  sla_version: { opaque: ['filters', 'metrics'] },
  sla_metric: {},
  post: { path: 'cases/posts', opaque: ['metadata'] },
  // A case message shown on the customer side (routes/conversations.ts) has its conversation's URL.
  case_message: {
    path: (row) =>
      row.$conversation === undefined ? `cases/messages/${textOf(row.id)}` : `conversations/${textOf(row.$conversation)}/messages/${textOf(row.id)}`,
    opaque: ['metadata']
  },
  note: { path: (row) => `${textOf(row.$parent)}/notes/${textOf(row.id)}` },
  attachment: {},
  tag: {},
  file: { path: 'files', nonDefault: ['content'] },
  oauth_client: { path: 'oauth/clients' },
  timetracking_log: { path: 'timetracking' },
  macro: { path: 'cases/macros' },
  // an activity's location is free-form (spec §3.2): its keys are data
  activity: { opaque: ['location'] },
  rating: {},
  conversation: { path: 'conversations' },
  conversation_rating: { untyped: true },
  conversation_starter: { untyped: true },
  // The help center (routes/helpcenter.ts) and search (routes/search.ts)
  article: { path: 'articles' },
  section: { path: 'sections' },
  category: { path: 'categories' },
  locale: { path: 'locales' },
  locale_field: { path: 'locale/fields' },
  // A help-center search hit has no resource_type (fixture helpcenter.search.articles.json)
  helpcenter_hit: { untyped: true },
  search_result: { path: (row) => textOf(row.$path) },
  view: { path: 'views' },
  view_count: {},
  user_field: { path: 'users/fields' },
  organization_field: { path: 'organizations/fields' },
  case_field_value: {},
  setting: {}
}

export const schemaOf = (type: string): ResourceSchema => SCHEMAS[type] ?? {}

export const resourcePath = (type: string, row: Row): string | undefined => {
  const path = schemaOf(type).path
  return path === undefined ? undefined : typeof path === 'string' ? `${path}/${textOf(row.id)}` : path(row)
}

export const keyOf = (type: string, row: Row): Id => (schemaOf(type).key === 'uuid' ? (row.uuid as string) : (row.id as Id))

/** Rows by type and key, plus id sequences. Plain maps: the sandbox is single-threaded and synchronous inside. */
export interface Store {
  readonly tables: Map<string, Map<string, Row>>
  readonly sequences: Map<string, number>
}

export const emptyStore = (): Store => ({ tables: new Map(), sequences: new Map() })

const table = (store: Store, type: string): Map<string, Row> => {
  let t = store.tables.get(type)
  if (t === undefined) {
    t = new Map()
    store.tables.set(type, t)
  }
  return t
}

export const find = (store: Store, type: string, id: Id): Row | undefined => store.tables.get(type)?.get(String(id))

export const all = (store: Store, type: string): Array<Row> => [...(store.tables.get(type)?.values() ?? [])]

const groupCache = new WeakMap<Map<string, Row>, Map<string, { readonly version: string; readonly groups: Map<string, Array<Row>> }>>()

/**
 * The rows of a type grouped by `keyOf` (e.g. posts by case), in id order, rebuilt only when rows were inserted or
 * removed, so that a case's posts are found without scanning every post (bulk sandboxes hold tens of thousands). For
 * tables written by `insert`/`remove` only, whose rows never change group (a post stays on its case).
 */
export const groupedBy = (store: Store, type: string, name: string, keyOf: (row: Row) => string): ReadonlyMap<string, ReadonlyArray<Row>> => {
  const rows = table(store, type)
  const version = `${String(store.sequences.get(type) ?? 0)}:${String(rows.size)}`
  let byName = groupCache.get(rows)
  if (byName === undefined) {
    byName = new Map<string, { readonly version: string; readonly groups: Map<string, Array<Row>> }>()
    groupCache.set(rows, byName)
  }
  const cached = byName.get(name)
  if (cached?.version === version) return cached.groups
  const groups = new Map<string, Array<Row>>()
  for (const row of rows.values()) {
    const key = keyOf(row)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [row])
    else group.push(row)
  }
  byName.set(name, { version, groups })
  return groups
}

/** Drops the groups of a type after rows changed group in place (a merge moves posts to another case). */
export const regroup = (store: Store, type: string): void => {
  groupCache.delete(table(store, type))
}

/** Stores a row whose fields come without `id`: the id is the next in the type's sequence and comes first. */
export const insert = (store: Store, type: string, fields: Row): Row => {
  const id = (store.sequences.get(type) ?? 0) + 1
  store.sequences.set(type, id)
  const row: Row = { id, ...fields, $type: type }
  table(store, type).set(String(id), row)
  return row
}

/** Stores a row that brings its own key (channels, sessions). */
export const put = (store: Store, type: string, row: Row): Row => {
  const stored: Row = { ...row, $type: type }
  table(store, type).set(String(keyOf(type, stored)), stored)
  const id = stored.id
  if (typeof id === 'number' && id > (store.sequences.get(type) ?? 0)) store.sequences.set(type, id)
  return stored
}

export const remove = (store: Store, type: string, id: Id): boolean => store.tables.get(type)?.delete(String(id)) ?? false

export const typeOf = (row: Row): string => textOf(row.$type)

/** A small non-cryptographic hash (FNV-1a, 32 bits, hex) for ETags and file hashes. */
export const fnv = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** The ETag of a row: a hash of its stored state (spec §2.10: "hash of the resource's own state"). */
export const etagOf = (row: Row): string => `"${fnv(JSON.stringify(row))}${fnv(JSON.stringify(row) + '#')}"`

/** `2015-07-21T07:10:42+00:00`: the v1 timestamp format (ISO-8601 with an offset, no milliseconds). */
export const isoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00')
