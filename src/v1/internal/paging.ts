/**
 * Walking a paginated collection (spec §2.9): offset/limit with `total_count` and `next_url` (or a `Link` header's
 * `rel="next"` when the body names no next page), the cursor form (`after_id` / `before_id`), or the date form
 * (`since` / `until`, activities). Pages come as an `AsyncIterable` (one request per page, on demand) or all at once as a
 * `TaskEither`. The walk stops exactly at the end: no request for a page past it.
 */
import * as E from '../../core/either'
import type * as TE from 'fp-ts/TaskEither'
import type { KayakoError } from '../../core/error'
import { nextLink } from './link'
import { withQuery, type Page, type Query, type V1Request } from './request'

/** Anything that runs a description: a `v1(…)` executor, or a wrapper around one. */
export type Run = <A>(request: V1Request<A>) => TE.TaskEither<KayakoError, A>

const numberParam = (params: URLSearchParams, name: string): number | undefined => {
  const value = params.get(name)
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined
}

const itemId = (item: unknown): number | string | undefined => {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'number' || typeof id === 'string' ? id : undefined
}

/**
 * The URL of the page after this one as the server names it: the body's `next_url`, else the `rel="next"` of the
 * answer's `Link` header (spec §2.6), else `null`.
 */
export const nextUrl = (page: Page<unknown>): string | null => page.links.next ?? nextLink(page.link)

/** The query of the next page, or `undefined` at the end. `seen` counts the items of this and earlier pages. */
export const nextQuery = (query: Query, page: Page<unknown>, seen: number): Query | undefined => {
  if (page.items.length === 0) return undefined
  const { links } = page
  const next = nextUrl(page)
  if (next !== null) {
    let params: URLSearchParams | undefined
    try {
      params = new URL(next, 'http://localhost').searchParams
    } catch {
      params = undefined
    }
    if (params !== undefined) {
      const afterId = params.get('after_id')
      const beforeId = params.get('before_id')
      const offset = numberParam(params, 'offset')
      const since = params.get('since')
      const until = params.get('until')
      // only one cursor per request (spec §2.9): the other is cleared
      if (afterId !== null) return { ...query, afterId, beforeId: undefined }
      if (beforeId !== null) return { ...query, beforeId, afterId: undefined }
      // date paging (activities): one of `since` and `until` at a time, like the cursors
      if (since !== null) return { ...query, since, until: undefined }
      if (until !== null) return { ...query, until, since: undefined }
      if (offset !== undefined) return { ...query, offset }
    }
  } else if (links.first !== null || links.previous !== null || links.last !== null) {
    // the server sends links and none to a next page: this is the last one
    return undefined
  }
  // a date-paged list is walked only by the server's links: a page may hold more than `limit` items
  if ('since' in query || 'until' in query) return undefined
  if (page.totalCount !== null && seen >= page.totalCount) return undefined
  const limit = page.limit ?? (typeof query.limit === 'number' ? query.limit : undefined)
  if (limit !== undefined && page.items.length < limit) return undefined
  const cursor = query.afterId !== undefined || query.beforeId !== undefined || (page.offset === null && page.limit !== null)
  if (cursor) {
    const backwards = query.beforeId !== undefined
    const id = itemId(backwards ? page.items[0] : page.items[page.items.length - 1])
    if (id === undefined) return undefined
    return backwards ? { ...query, beforeId: id } : { ...query, afterId: id }
  }
  const offset = page.offset ?? (typeof query.offset === 'number' ? query.offset : 0)
  return { ...query, offset: offset + page.items.length }
}

const sameQuery = (a: Query, b: Query): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if (String(a[key]) !== String(b[key])) return false
  return true
}

/**
 * Every page of a collection, fetched as the loop asks for it. Each step is an `Either`: a failure is yielded as a
 * `Left` and ends the walk (nothing is thrown).
 */
export const pages =
  (run: Run) =>
  <A>(first: V1Request<Page<A>>): AsyncIterable<E.Either<KayakoError, Page<A>>> => ({
    [Symbol.asyncIterator]: async function* () {
      let req: V1Request<Page<A>> | undefined = first
      let seen = 0
      let linked = false
      while (req !== undefined) {
        const result: E.Either<KayakoError, Page<A>> = await run(req)()
        yield result
        if (E.isLeft(result)) return
        seen += result.right.items.length
        // a server that named the next page so far (in the body or a `Link` header) names none on the last one
        const named = nextUrl(result.right) !== null
        if (linked && !named) return
        linked = named
        const next = nextQuery(req.query, result.right, seen)
        // a server that points at the same page again would loop forever
        req = next === undefined || sameQuery(next, req.query) ? undefined : withQuery(next)(req)
      }
    }
  })

/** Every item of a collection, page after page; the first failure fails the whole. */
export const collect =
  (run: Run) =>
  <A>(first: V1Request<Page<A>>): TE.TaskEither<KayakoError, ReadonlyArray<A>> =>
  async () => {
    const out: Array<A> = []
    for await (const page of pages(run)(first)) {
      if (E.isLeft(page)) return page
      out.push(...page.right.items)
    }
    return E.right(out)
  }
