/**
 * Opaque cursors for list tools: a value (an offset, a v1 `after` id, the page's last id) as base64url JSON, so a
 * model passes `next` back as it came and never builds one. A cursor that does not decode is a `ValidationError`.
 */
import * as E from '../core/either'
import { fromBase64, toBase64, utf8 } from '../core/bytes'
import { invalid } from './errors'
import type { ToolError } from './tool'

/** A value as a cursor string (base64url JSON). */
export const encodeCursor = (value: unknown): string =>
  toBase64(utf8(JSON.stringify(value)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

const badCursor = (cursor: string): ToolError =>
  invalid(
    `cursor: "${cursor.slice(0, 64)}" is not a cursor this server handed out.`,
    'Pass the `next` of the previous answer unchanged, or leave `cursor` out to start from the first page.'
  )

/** The value of a cursor; `valid` checks its shape (a cursor of another tool, or an edited one, is refused). */
export const decodeCursor = <A = unknown>(cursor: string, valid: (value: unknown) => value is A = (_): _ is A => true): E.Either<ToolError, A> => {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return E.left(badCursor(cursor))
    const bytes = fromBase64(cursor)
    if (E.isLeft(bytes)) return E.left(badCursor(cursor))
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.right))
    return valid(value) ? E.right(value) : E.left(badCursor(cursor))
  } catch {
    return E.left(badCursor(cursor))
  }
}

interface OffsetCursor {
  readonly tool: string
  readonly offset: number
}

const isOffsetCursor =
  (tool: string) =>
  (value: unknown): value is OffsetCursor =>
    typeof value === 'object' &&
    value !== null &&
    (value as OffsetCursor).tool === tool &&
    Number.isSafeInteger((value as OffsetCursor).offset) &&
    (value as OffsetCursor).offset >= 0

/** The cursor of a list read by offset, bound to its tool (another tool's cursor is refused). */
export const offsetCursor = (tool: string, offset: number): OffsetCursor => ({ tool, offset })

/** Where an offset-paged list resumes: 0 without a cursor. */
export const offsetOf = (tool: string, cursor: string | undefined): E.Either<ToolError, number> => {
  if (cursor === undefined) return E.right(0)
  const decoded = decodeCursor(cursor, isOffsetCursor(tool))
  return E.isLeft(decoded) ? decoded : E.right(decoded.right.offset)
}
