/**
 * Paging for the v1 list tools. A tool's cursor holds its own name, the query it pages through (the filters) and where
 * the next page starts (an offset, or the last post's id), so the model passes `next` back and nothing else: the same
 * filters again are fine, other filters with a cursor are refused (the cursor belongs to another query), and a cursor
 * of another tool is refused. The next page is the library's (`nextQuery`): the server's `next` link when it sends one,
 * else offset + items, and no cursor past the last page.
 */
import type { Either } from 'fp-ts/Either'
import * as E from '../../core/either'
import { nextQuery } from '../../v1/internal/paging'
import type { Page as V1Page, Query, QueryValue } from '../../v1/internal/request'
import { decodeCursor } from '../cursor'
import { invalid } from '../errors'
import { limitArg as listLimit, page, type Page } from '../format'
import type { ToolError } from '../tool'

/** How many items a list tool answers by default, and at most. */
export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100

/** The `limit` argument of the v1 list tools. */
export const limitArg = /*#__PURE__*/ listLimit(DEFAULT_LIMIT, MAX_LIMIT)

/** What a v1 tool's cursor holds: the tool, its filters, and where to resume (`offset`, or `afterId` for posts). */
export interface Position {
  readonly tool: string
  readonly filters: Readonly<Record<string, unknown>>
  readonly offset?: number
  readonly afterId?: number
}

const isPosition = (value: unknown): value is Position => {
  if (value === null || typeof value !== 'object') return false
  const p = value as Record<string, unknown>
  const count = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0)
  return typeof p.tool === 'string' && p.filters !== null && typeof p.filters === 'object' && !Array.isArray(p.filters) && count(p.offset) && count(p.afterId)
}

/** The arguments that were given, without the `undefined` ones, so `{}` and `{ tags: undefined }` are the same query. */
export const given = (args: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> =>
  Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined))

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * Where a list starts: the first page of `filters`, or the cursor's position. With a cursor, the filters are the
 * cursor's; filters given beside it must be the same.
 */
export const resume = (tool: string, cursor: string | undefined, filters: Readonly<Record<string, unknown>>): Either<ToolError, Position> => {
  const asked = given(filters)
  if (cursor === undefined) return E.right({ tool, filters: asked })
  const decoded = decodeCursor(cursor, isPosition)
  if (E.isLeft(decoded)) return decoded
  if (decoded.right.tool !== tool)
    return E.left(invalid(`cursor: this cursor belongs to ${decoded.right.tool}, not ${tool}.`, `Call ${decoded.right.tool} with it, or leave \`cursor\` out.`))
  if (Object.keys(asked).length > 0 && !same(asked, decoded.right.filters))
    return E.left(
      invalid(
        'cursor: this cursor pages through another query than the arguments given beside it.',
        'Pass only the `cursor` (it carries its filters), or leave it out to start the new query from its first page.'
      )
    )
  return E.right(decoded.right)
}

/** The value of a query argument the library's paging set (`after_id` comes back from a link as text). */
const count = (value: QueryValue): number | undefined => {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined
}

/**
 * The `{ items, next }` envelope of one page the library answered: `next` resumes where the library's paging would
 * (offset or `afterId`), `null` on the last page.
 */
export const envelope = <A, B>(at: Position, query: Query, answer: V1Page<A>, items: ReadonlyArray<B>): Page<B> => {
  const seen = (at.offset ?? 0) + answer.items.length
  const next = nextQuery(query, answer, seen)
  if (next === undefined) return page(items, undefined)
  const offset = count(next.offset)
  const afterId = count(next.afterId)
  const position: Position =
    afterId !== undefined ? { tool: at.tool, filters: at.filters, afterId } : { tool: at.tool, filters: at.filters, offset: offset ?? seen }
  return page(items, position)
}

/** The hint a list's text ends with when there is more. */
export const moreText = (next: string | null, total: number | null, shown: number): string =>
  next === null
    ? `${shown} shown${total === null ? '' : ` of ${total}`}; this is the last page.`
    : `${shown} shown${total === null ? '' : ` of ${total}`}; more: call again with cursor "${next}".`
