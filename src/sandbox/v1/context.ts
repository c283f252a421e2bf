// What a route sees (the parsed request, the caller, the sandbox state) and the reply helpers every route uses:
// one resource, an unpaginated list, offset paging and cursor paging (spec §2.9), and the error replies.
import { err, statusOf, type ApiErr, type ErrorCode } from './errors'
import type { FieldReader, Params } from './input'
import type { Random } from './random'
import type { Links, Reply } from './render'
import { typeOf, type Row, type Store } from './store'
import type { HttpMethod } from '../../core/http'

export interface SessionRecord {
  readonly id: string
  readonly userId: number
  /** `null` when the session was created with `X-CSRF: false`. */
  readonly csrfToken: string | null
  readonly createdAt: number
  lastActivityAt: number
  readonly userAgent: string
}

export interface Principal {
  readonly user: Row
  readonly roleType: string
  readonly scheme: 'BASIC' | 'SESSION' | 'OAUTH' | 'FINGERPRINT'
  readonly session?: SessionRecord
  /** A Messenger client's `X-Fingerprint-ID` (spec §1.9): it sees only the conversations created with it. */
  readonly fingerprint?: string
}

export interface SandboxState {
  readonly store: Store
  readonly rnd: Random
  readonly sessions: Map<string, SessionRecord>
  /** Multi-step authentication tokens (`auth_token` → the step it allows). */
  readonly authTokens: Map<string, { readonly userId: number; readonly step: 'OTP' | 'PASSWORD'; readonly expiresAt: number }>
  readonly bearerTokens: Map<string, number>
  /** Fingerprints and the customer their first conversation named (spec §1.9). */
  readonly fingerprints: Map<string, number>
}

export interface Ctx {
  readonly method: HttpMethod
  /** Path segments after `/api/v1/`, `.json` cut from the last one. */
  readonly segments: ReadonlyArray<string>
  /** `:name` segments of the route, as numbers. */
  readonly params: Readonly<Record<string, number>>
  readonly query: ReadonlyMap<string, string>
  readonly body: Params
  readonly rawBody: string | Uint8Array | undefined
  readonly headers: Readonly<Record<string, string>>
  readonly principal: Principal | undefined
  readonly state: SandboxState
  readonly store: Store
  readonly now: number
  /** `http://host:port/api/v1` of the request: the prefix of `resource_url`s and paging links. */
  readonly baseUrl: string
  readonly url: URL
  readonly fields: FieldReader
}

/** An error reply; an error reported twice (a field read by two checks) is listed once. */
export const fail = (errors: ReadonlyArray<ApiErr>, extra?: Partial<Reply>): Reply => {
  const seen = new Set<string>()
  const unique = errors.filter((e) => {
    const key = JSON.stringify([e.code, e.parameter, e.parameters, e.pointer])
    return seen.has(key) ? false : (seen.add(key), true)
  })
  return { status: statusOf(unique), errors: unique, ...extra }
}

export const failWith = (code: ErrorCode, parameter?: string): Reply => fail([err(code, parameter)])

export const notFound = (): Reply => failWith('RESOURCE_NOT_FOUND')

export const one = (row: Row, status = 200): Reply => ({ status, data: row, resource: typeOf(row) })

export const ok = (): Reply => ({ status: 200 })

/** An unpaginated collection: `total_count` only (statuses, priorities, types, fields, channels, tags). */
export const everything = (rows: ReadonlyArray<Row>, resource: string, status = 200): Reply => ({
  status,
  data: rows,
  resource,
  page: { totalCount: rows.length }
})

export const DEFAULT_LIMIT = 10

// Credentials never travel in a paging link, even when the request carried them as arguments.
const SECRET_ARGUMENTS = ['_session_id', '_token', '_otp', '_jwt', 'access_token']

/** An absolute link to the same collection (canonical path with `.json`, spec §2.9) with some arguments replaced. */
const linkTo = (ctx: Ctx, set: Readonly<Record<string, string | undefined>>): string => {
  const search = new URLSearchParams(ctx.url.search)
  for (const name of [...search.keys()]) if (SECRET_ARGUMENTS.includes(name.replace(/\[\]$/, '').toLowerCase())) search.delete(name)
  for (const [name, value] of Object.entries(set)) {
    search.delete(name)
    if (value !== undefined) search.set(name, value)
  }
  const query = search.toString()
  return `${ctx.baseUrl}/${ctx.segments.join('/')}.json${query === '' ? '' : `?${query}`}`
}

/**
 * A cursor page's link in the documented form (fixture tests.list.cursor_links.json:
 * `…/tests?before_id=11&count=25`): no `.json`, the cursor first, the request's other arguments, then `count` = the
 * collection's size. Whether a sent `limit` is repeated is UNCONFIRMED; it is kept, so a page size survives.
 */
const cursorLinkTo = (ctx: Ctx, cursor: 'after_id' | 'before_id', id: string, total: number): string => {
  const search = new URLSearchParams()
  search.set(cursor, id)
  for (const [name, value] of new URLSearchParams(ctx.url.search)) {
    const bare = name.replace(/\[\]$/, '').toLowerCase()
    if (SECRET_ARGUMENTS.includes(bare) || ['offset', 'after_id', 'before_id', 'count'].includes(name)) continue
    search.append(name, value)
  }
  search.set('count', String(total))
  return `${ctx.baseUrl}/${ctx.segments.join('/')}?${search.toString()}`
}

const readLimit = (ctx: Ctx): number | ApiErr => {
  const raw = ctx.query.get('limit')
  if (raw === undefined) return DEFAULT_LIMIT
  // The maximum limit is UNCONFIRMED (spec §6.1): any positive integer is accepted.
  return /^\d+$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : err('FIELD_INVALID', 'limit')
}

/**
 * Offset paging (spec §2.9, JSDK captures): `offset`, `limit`, `total_count`; `first_url`/`previous_url` after the
 * first page, `next_url` while items remain, `last_url` when there is more than one page.
 */
export const offsetPage = (ctx: Ctx, rows: ReadonlyArray<Row>, resource: string): Reply => {
  const limit = readLimit(ctx)
  const rawOffset = ctx.query.get('offset') ?? '0'
  const offset = /^\d+$/.test(rawOffset.trim()) ? Number(rawOffset) : undefined
  const errors = [...(typeof limit === 'number' ? [] : [limit]), ...(offset === undefined ? [err('FIELD_INVALID', 'offset')] : [])]
  if (errors.length > 0 || typeof limit !== 'number' || offset === undefined) return fail(errors)
  const total = rows.length
  const links: Record<string, string> = {}
  if (offset > 0) {
    links.first_url = linkTo(ctx, { offset: '0', limit: String(limit) })
    links.previous_url = linkTo(ctx, { offset: String(Math.max(0, offset - limit)), limit: String(limit) })
  }
  if (offset + limit < total) links.next_url = linkTo(ctx, { offset: String(offset + limit), limit: String(limit) })
  if (total > limit) links.last_url = linkTo(ctx, { offset: String(Math.floor((total - 1) / limit) * limit), limit: String(limit) })
  return { status: 200, data: rows.slice(offset, offset + limit), resource, page: { offset, limit, totalCount: total, links } }
}

/**
 * Cursor paging (spec §2.9): `after_id` / `before_id` are positions in the collection's order (the item itself need
 * not exist); one at a time. The envelope has `limit` and `total_count` but no `offset`. With `offset` instead,
 * offset paging applies (it is documented for all resources).
 */
export const cursorPage = (ctx: Ctx, rows: ReadonlyArray<Row>, resource: string, descending: boolean): Reply => {
  const after = ctx.query.get('after_id')
  const before = ctx.query.get('before_id')
  if (after === undefined && before === undefined && ctx.query.has('offset')) return offsetPage(ctx, rows, resource)
  if (after !== undefined && before !== undefined) {
    return fail([{ code: 'ONE_FIELD_EXPECTED', parameters: ['after_id', 'before_id'] }])
  }
  const cursorText = after ?? before
  if (cursorText !== undefined && !/^\d+$/.test(cursorText.trim())) return failWith('FIELD_INVALID', after !== undefined ? 'after_id' : 'before_id')
  const limit = readLimit(ctx)
  if (typeof limit !== 'number') return fail([limit])
  const cursor = Number(cursorText)
  const idOf = (row: Row): number => Number(row.id)
  // Position of the cursor: the first row that comes after it in the collection's order.
  const comesAfter = (row: Row): boolean => (descending ? idOf(row) < cursor : idOf(row) > cursor)
  let start = 0
  let end = rows.length
  if (after !== undefined) start = rows.findIndex(comesAfter) === -1 ? rows.length : rows.findIndex(comesAfter)
  if (before !== undefined) {
    const firstAfterOrAt = rows.findIndex((row) => comesAfter(row) || idOf(row) === cursor)
    end = firstAfterOrAt === -1 ? rows.length : firstAfterOrAt
    start = Math.max(0, end - limit)
  }
  const pageRows = rows.slice(start, Math.min(end, start + limit))
  // The links name pages by cursors, as in the docs' example (tests.list.cursor_links.json, the page 11–20 of 25):
  // first = before the first item of page two, previous = before this page, next = after this page, last = after
  // the item that precedes the last page.
  const links: Record<string, string | undefined> = {}
  const total = rows.length
  const linkTo = (cursor: 'after_id' | 'before_id', row: Row) => cursorLinkTo(ctx, cursor, String(idOf(row)), total)
  const firstOfPageTwo = rows[Math.min(limit, rows.length - 1)]
  const [firstOnPage] = pageRows
  const lastOnPage = pageRows.at(-1)
  if (start > 0 && firstOfPageTwo !== undefined && firstOnPage !== undefined) {
    links.first_url = linkTo('before_id', firstOfPageTwo)
    links.previous_url = linkTo('before_id', firstOnPage)
  }
  if (start + pageRows.length < rows.length && lastOnPage !== undefined) links.next_url = linkTo('after_id', lastOnPage)
  const lastStart = Math.floor((rows.length - 1) / limit) * limit
  const beforeLastPage = rows[lastStart - 1]
  if (rows.length > limit && lastStart > 0 && beforeLastPage !== undefined) links.last_url = linkTo('after_id', beforeLastPage)
  const page = { limit, totalCount: rows.length, links: links as Links }
  return { status: 200, data: pageRows, resource, page }
}
