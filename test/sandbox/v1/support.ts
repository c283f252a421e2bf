// Drives the v1 sandbox handler with raw requests (no client) and normalises bodies for comparisons.
import type { HttpMethod } from '../../../src/core/http'
import { createV1Sandbox, type V1Sandbox, type V1SandboxOptions } from '../../../src/sandbox/v1/handler'
import { toSnake } from '../../../src/sandbox/v1/letterCase'

export const ORIGIN = 'http://127.0.0.1:4321'
export const START = Date.UTC(2026, 0, 5, 9, 0, 0)

/** A clock the test moves by hand. */
export const manualClock = (start = START) => {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) }
}

export const makeSandbox = (options: V1SandboxOptions = {}) => {
  const clock = manualClock()
  const sandbox = createV1Sandbox({ now: clock.now, ...options })
  return { sandbox, clock }
}

export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any
}

export const basic = (username: string, password: string): string => `Basic ${btoa(`${username}:${password}`)}`

export const call = async (
  sandbox: V1Sandbox,
  method: HttpMethod,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Uint8Array
): Promise<Answer> => {
  const url = /^https?:/.test(path) ? path : `${ORIGIN}/api/v1/${path}`
  const r = await sandbox.handle({ method, url, headers, ...(body === undefined ? {} : { body }) })
  return { status: r.status, headers: r.headers, text: r.body, json: r.body === '' ? undefined : JSON.parse(r.body) }
}

export interface Session {
  readonly id: string
  readonly csrf: string
  /** Headers for a read. */
  readonly read: Record<string, string>
  /** Headers for a write (session + CSRF + JSON). */
  readonly write: Record<string, string>
}

/** Basic auth → session id (body) + CSRF token (header). */
export const login = async (sandbox: V1Sandbox, who = sandbox.credentials): Promise<Session> => {
  const r = await call(sandbox, 'GET', 'session.json', { Authorization: basic(who.username, who.password) })
  if (r.status !== 200) throw new Error(`login failed: ${r.text}`)
  const id = r.json.session_id as string
  const csrf = r.headers['x-csrf-token'] ?? ''
  return {
    id,
    csrf,
    read: { 'X-Session-ID': id },
    write: { 'X-Session-ID': id, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }
  }
}

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Keys in snake case and `resource_type` / `resource` values too; free-form maps convert harmlessly. */
export const snakeKeys = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(snakeKeys)
  if (!isObject(value)) return value
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) {
    const key = toSnake(k)
    out[key] = (key === 'resource_type' || key === 'resource') && typeof v === 'string' ? toSnake(v) : snakeKeys(v)
  }
  return out
}

const dropEmpty = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(dropEmpty)
  if (!isObject(value)) return value
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) {
    if (v === null || (Array.isArray(v) && v.length === 0)) continue
    out[k] = dropEmpty(v)
  }
  return out
}

/** Replaces `{id|uuid, resource_type}` references with the resources of a flat body's `resources` map. */
const resolveFlat = (value: Json, resources: { [type: string]: { [id: string]: Json } }, seen: ReadonlySet<string> = new Set()): Json => {
  if (Array.isArray(value)) return value.map((v) => resolveFlat(v, resources, seen))
  if (!isObject(value)) return value
  const type = value.resource_type
  const key = value.id ?? value.uuid
  const keys = Object.keys(value)
  const isReference =
    typeof type === 'string' &&
    (typeof key === 'string' || typeof key === 'number') &&
    keys.every((k) => ['id', 'uuid', 'resource_type', 'legacy_id'].includes(k))
  if (isReference) {
    const target = resources[type]?.[String(key)]
    const mark = `${type}:${String(key)}`
    if (target !== undefined && !seen.has(mark)) return resolveFlat(target, resources, new Set([...seen, mark]))
    return value
  }
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) out[k] = resolveFlat(v, resources, seen)
  return out
}

/** One value for any of the six renderings: snake keys, flat resources resolved, empty values dropped. */
export const normalise = (body: Json): Json => {
  const snake = snakeKeys(body) as { [key: string]: Json }
  // Paging links repeat the request's own arguments (`_case`, `_flat` …), so they differ between renderings.
  const { resources, first_url: _first, previous_url: _previous, next_url: _next, last_url: _last, ...rest } = snake
  const resolved = isObject(resources) ? resolveFlat(rest, resources as { [type: string]: { [id: string]: Json } }) : rest
  return dropEmpty(resolved)
}

/** The key sets of an object, recursively along the first element of arrays: `data[0].requester` etc. */
export const keyShape = (value: unknown, path = ''): Array<string> => {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyShape(value[0], `${path}[]`)
  if (!isObject(value)) return []
  return Object.keys(value)
    .sort()
    .flatMap((k) => [`${path}.${k}`, ...keyShape(value[k], `${path}.${k}`)])
}
