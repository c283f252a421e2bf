// Renders a reply into the v1 envelope (spec §2.2) under the request's view: references or included resources,
// flat mode's `resources` map, `fields`, `_empty=false`, and the letter case of keys and `resource_type` values.
import { ERROR_CODES, MORE_INFO, type ApiErr } from './errors'
import { inCase } from './letterCase'
import type { FieldSpec, View } from './options'
import { find, isRef, keyOf, resourcePath, schemaOf, typeOf, type Ref, type Row, type Store, type Value } from './store'

export type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

export interface Links {
  readonly first_url?: string
  readonly previous_url?: string
  readonly next_url?: string
  readonly last_url?: string
}

export interface Page {
  readonly offset?: number
  readonly limit?: number
  readonly totalCount?: number
  readonly links?: Links
}

export interface Notification {
  readonly type: 'ERROR' | 'WARNING' | 'INFO' | 'SUCCESS'
  readonly message: string
  readonly sticky?: boolean
}

export interface Log {
  readonly level: 'ERROR' | 'WARNING' | 'NOTICE'
  readonly message: string
}

/** What a route answers, before rendering. `data` rows may be virtual (not stored) as long as they carry `$type`. */
export interface Reply {
  readonly status: number
  readonly data?: Row | ReadonlyArray<Row> | null
  readonly resource?: string
  readonly page?: Page
  /** Top-level extras after the paging keys: `session_id`, `auth_token`. */
  readonly extras?: Readonly<Record<string, string>>
  readonly errors?: ReadonlyArray<ApiErr>
  readonly notifications?: ReadonlyArray<Notification>
  readonly logs?: ReadonlyArray<Log>
  readonly headers?: Readonly<Record<string, string>>
}

const clone = (value: Value): Json => JSON.parse(JSON.stringify(value)) as Json

const isEmpty = (value: Json): boolean => value === null || (Array.isArray(value) && value.length === 0)

const childSpec = (spec: FieldSpec | undefined, name: string): FieldSpec | undefined =>
  spec === undefined ? undefined : (spec.nested.get(name) ?? spec.nestedAny)

/** The fields of a row to render, in row order (spec §2.7). `id` (or a channel's `uuid`) is always returned. */
const selectFields = (row: Row, type: string, spec: FieldSpec | undefined): Array<string> => {
  const schema = schemaOf(type)
  const nonDefault = new Set(schema.nonDefault ?? [])
  const identity = schema.key ?? 'id'
  return Object.keys(row).filter((name) => {
    if (name.startsWith('$') || name === 'resource_type') return false
    if (name === identity) return true
    if (spec === undefined) return !nonDefault.has(name)
    if (spec.remove.has(name)) return false
    if (spec.all || spec.add.has(name)) return true
    if (spec.listed.size > 0) return spec.listed.has(name)
    return !nonDefault.has(name)
  })
}

/** Resource types whose `resource_type` value stays snake case under `_case=camel` (JSDK live captures, spec §2.8). */
const SNAKE_TYPE_NAMES: ReadonlySet<string> = /*#__PURE__*/ new Set(['case_message'])

export const renderBody = (reply: Reply, store: Store, view: View, baseUrl: string): { [key: string]: Json } => {
  const key = (name: string): string => inCase(name, view.letterCase)
  // Type names follow `_case`, except those live captures show left in snake case (spec §2.8: `case_message`).
  const typeName = (type: string): string => (SNAKE_TYPE_NAMES.has(type) ? type : inCase(type, view.letterCase))
  // Flat mode without `include` side-loads every related resource, as the seed's flat-mode example does.
  const includes = (type: string): boolean => view.include === 'all' || (view.include === undefined ? view.flat : view.include.has(type))
  const sideLoaded = new Map<string, Map<string, Json>>()

  const refJson = (r: Ref): Json => {
    const out: { [key: string]: Json } = { [key(schemaOf(r.$ref).key ?? 'id')]: r.id }
    for (const [name, value] of Object.entries(r.extra ?? {})) {
      const rendered = clone(value)
      if (!(view.dropEmpty && isEmpty(rendered))) out[key(name)] = rendered
    }
    out[key('resource_type')] = typeName(r.$ref)
    return out
  }

  const renderRef = (r: Ref, spec: FieldSpec | undefined, ancestors: ReadonlySet<string>): Json => {
    const target = find(store, r.$ref, r.id)
    if (target === undefined || !includes(r.$ref)) return refJson(r)
    if (view.flat) {
      sideLoad(target, spec)
      return refJson(r)
    }
    const id = `${r.$ref}:${String(r.id)}`
    // A resource already being rendered further up stays a reference: cycles terminate.
    if (ancestors.has(id)) return refJson(r)
    return renderRow(target, spec, new Set([...ancestors, id]))
  }

  const sideLoad = (row: Row, spec: FieldSpec | undefined): void => {
    const type = typeOf(row)
    const id = String(keyOf(type, row))
    let byId = sideLoaded.get(type)
    if (byId === undefined) {
      byId = new Map()
      sideLoaded.set(type, byId)
    }
    if (byId.has(id)) return
    byId.set(id, null) // marks it taken before rendering, so cycles terminate
    byId.set(id, renderRow(row, spec, new Set()))
  }

  const renderValue = (value: Value, spec: FieldSpec | undefined, ancestors: ReadonlySet<string>): Json => {
    if (isRef(value)) return renderRef(value, spec, ancestors)
    if (Array.isArray(value)) return value.map((v: Value) => renderValue(v, spec, ancestors))
    if (value !== null && typeof value === 'object') {
      // An inline object (a custom field value, a logo): its keys are names too.
      const out: { [key: string]: Json } = {}
      for (const [name, v] of Object.entries(value as Record<string, Value>)) {
        const rendered = name === 'resource_type' && typeof v === 'string' ? typeName(v) : renderValue(v, undefined, ancestors)
        if (!(view.dropEmpty && isEmpty(rendered))) out[key(name)] = rendered
      }
      return out
    }
    return value
  }

  const renderRow = (row: Row, spec: FieldSpec | undefined, ancestors: ReadonlySet<string>): Json => {
    const type = typeOf(row)
    const schema = schemaOf(type)
    const opaque = new Set(schema.opaque ?? [])
    const out: { [key: string]: Json } = {}
    for (const name of selectFields(row, type, spec)) {
      const value = row[name] as Value
      const rendered = opaque.has(name) ? clone(value) : renderValue(value, childSpec(spec, name), ancestors)
      if (view.dropEmpty && isEmpty(rendered)) continue
      out[key(name)] = rendered
    }
    if (schema.untyped !== true) out[key('resource_type')] = typeName(type)
    // An explicit field list (`fields=title`) returns the id and the listed fields only; resource_type always.
    const explicit = spec !== undefined && spec.listed.size > 0 && !spec.all
    const path = resourcePath(type, row)
    if (path !== undefined && (!explicit || spec.listed.has('resource_url'))) out[key('resource_url')] = `${baseUrl}/${path}`
    return out
  }

  const topLevel = (row: Row): Json => {
    const type = typeOf(row)
    const stored = row.id !== undefined || row.uuid !== undefined
    return renderRow(row, view.fields, new Set(stored ? [`${type}:${String(keyOf(type, row))}`] : []))
  }

  const body: { [key: string]: Json } = { [key('status')]: reply.status }
  if (reply.data !== undefined) {
    const data = reply.data
    body[key('data')] = data === null ? null : Array.isArray(data) ? (data as ReadonlyArray<Row>).map(topLevel) : topLevel(data as Row)
  }
  if (reply.resource !== undefined) body[key('resource')] = typeName(reply.resource)
  if (view.flat && reply.data !== undefined) {
    const resources: { [key: string]: Json } = {}
    for (const [type, byId] of sideLoaded) resources[typeName(type)] = Object.fromEntries(byId)
    body[key('resources')] = resources
  }
  const page = reply.page
  if (page?.offset !== undefined) body[key('offset')] = page.offset
  if (page?.limit !== undefined) body[key('limit')] = page.limit
  if (page?.totalCount !== undefined) body[key('total_count')] = page.totalCount
  for (const [name, url] of Object.entries(page?.links ?? {}) as Array<[string, string | undefined]>) if (url !== undefined) body[key(name)] = url
  // `auth_token` comes after `errors` (fixture errors.credential_expired.json); `session_id` after the data.
  const { auth_token: authToken, ...extras } = reply.extras ?? {}
  for (const [name, value] of Object.entries(extras)) body[key(name)] = value
  if (reply.errors !== undefined && reply.errors.length > 0) {
    body[key('errors')] = reply.errors.map((e) => {
      const out: { [key: string]: Json } = { [key('code')]: e.code }
      if (e.parameter !== undefined) out[key('parameter')] = e.parameter
      if (e.parameters !== undefined) out[key('parameters')] = [...e.parameters]
      if (e.pointer !== undefined) out[key('pointer')] = e.pointer
      out[key('message')] = e.message ?? ERROR_CODES[e.code].message
      out[key('more_info')] = MORE_INFO + e.code
      return out
    })
  }
  if (reply.notifications !== undefined && reply.notifications.length > 0) {
    body[key('notifications')] = reply.notifications.map((n) => {
      const out: { [key: string]: Json } = { [key('type')]: n.type, [key('message')]: n.message }
      if (n.sticky !== undefined) out[key('sticky')] = n.sticky
      return out
    })
  }
  if (reply.logs !== undefined && reply.logs.length > 0) {
    body[key('logs')] = reply.logs.map((l) => ({ [key('level')]: l.level, [key('message')]: l.message }))
  }
  if (authToken !== undefined) body[key('auth_token')] = authToken
  return body
}
