/**
 * What tools answer with: list envelopes with a cursor, the readable text (HTML posts as plain text), capped so one
 * answer cannot flood the model's context.
 */
import { z } from 'zod'
import { encodeCursor, offsetCursor } from './cursor'

/**
 * A page of a list: the items and the cursor of the next page (`null` on the last one). Mutable as zod infers
 * `pageShape` (`z.array`), so a page is a tool's structured answer as it is; `page` copies the items it is given.
 */
export interface Page<A> {
  items: Array<A>
  next: string | null
}

/** A page of items; `next` is the value the next call resumes from (encoded as an opaque cursor), `undefined` at the end. */
export const page = <A>(items: ReadonlyArray<A>, next: unknown): Page<A> => ({ items: [...items], next: next === undefined ? null : encodeCursor(next) })

/** The output shape of a list tool: `{ items, next }`. */
export const pageShape = <T extends z.ZodType>(item: T) => ({
  items: z.array(item),
  next: z.string().nullable().describe('Pass as `cursor` to get the next page; null when this is the last page.')
})

/** The `cursor` argument of a list tool. */
export const cursorArg = /*#__PURE__*/ (() => z.string().optional().describe('The `next` of the previous answer, unchanged; leave out for the first page.'))()

/** How long a tool's text may be; past it the text is cut and says how to narrow. */
export const TEXT_CAP = 25_000

/** The text cut to `TEXT_CAP` characters, ending with a note on how to get the rest; `narrow` says how for this tool. */
export const capText = (text: string, narrow = 'Narrow the query (filters, a smaller limit) or fetch single records by id.'): string => {
  if (text.length <= TEXT_CAP) return text
  const note = `\n\n[Cut at ${TEXT_CAP.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters. ${narrow} The structured content holds every field.]`
  return text.slice(0, TEXT_CAP - note.length) + note
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

const entity = (whole: string, name: string): string => {
  const known = ENTITIES[name.toLowerCase()]
  if (known !== undefined) return known
  const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? undefined
  const num = code === undefined ? /^#([0-9]+)$/.exec(name)?.[1] : undefined
  const point = code !== undefined ? parseInt(code, 16) : num !== undefined ? parseInt(num, 10) : NaN
  return Number.isInteger(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole
}

/**
 * HTML (a ticket post, an article) as plain text: scripts and styles dropped, block elements and `<br>` as line
 * breaks, list items as `- `, links as `text (url)`, entities decoded, runs of blank lines folded. Not a renderer:
 * just what a model reads well.
 */
export const htmlToText = (html: string): string =>
  html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<a\b[^>]*\bhref\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a\s*>/gi, (_, _q: string, href: string, inner: string) =>
      inner.replace(/<[^>]*>/g, '').trim() === href || href.startsWith('#') ? inner : `${inner} (${href})`
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre|section|article|header|footer|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/(td|th)\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?[a-z0-9]+);/gi, entity)
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()

/** Whether a text looks like HTML (Classic posts carry an `ishtml` flag; v1 bodies do not always say). */
export const looksLikeHtml = (text: string): boolean => /<\/?[a-z][a-z0-9]*\b[^>]*>/i.test(text)

/** One page of a list held whole (a search answer, a lookup list): `limit` items from `offset`, `next` bound to `tool`. */
export const slice = <A>(tool: string, all: ReadonlyArray<A>, offset: number, limit: number): Page<A> =>
  page(all.slice(offset, offset + limit), offset + limit < all.length ? offsetCursor(tool, offset + limit) : undefined)

/** The `limit` argument of a list tool. */
export const limitArg = (fallback: number, max: number) =>
  z.number().int().min(1).max(max).default(fallback).describe(`How many items per page (1 to ${max}, default ${fallback}).`)

/** A date as the model reads it: ISO 8601 in UTC, or null (unknown, never). */
export const iso = (date: Date | null): string | null => (date === null || Number.isNaN(date.getTime()) ? null : date.toISOString())
