/**
 * Paging: walk a list the server hands out page by page, as a stream of pages (`AsyncIterable`, one request per
 * page, lazily) or as one `TaskEither` of everything. A walk stops exactly at the end: after a page shorter than the
 * page size, or an empty one (so a total that is a multiple of the page size costs one extra, empty request), and at
 * the first error, which is the last value of the stream. Nothing throws or rejects.
 *
 * - Users: `User.all({ marker, maxItems })`, the next marker being the last user id + 1.
 * - Tickets: any `(start, count) => request` (e.g. `Ticket.all` with fixed filters), `start` being an offset.
 */
import * as E from '../core/either'
import type * as TE from 'fp-ts/TaskEither'
import { causeText, decodeError, transportError, validationError, type KayakoError } from '../core/error'
import * as V from '../core/validate'
import type { ClassicExecutor } from './executor'
import type { ClassicRequest } from './request'
import * as User from './User'

/** One page, or the error that ended the walk. */
export type Page<A> = E.Either<KayakoError, ReadonlyArray<A>>

/** A re-iterable stream of pages: each `for await` starts a new walk from the first page. */
export type PageStream<A> = AsyncIterable<Page<A>>

export interface UserPageOptions {
  /** Users per request, 1 to 1000 (the server's cap); default 1000. */
  readonly pageSize?: number
  /** The first user id to return; default 1. */
  readonly marker?: number
}

export interface OffsetPageOptions {
  /** Items per request; default 100. */
  readonly pageSize?: number
  /** The offset of the first item; default 0. */
  readonly start?: number
}

const DEFAULT_OFFSET_PAGE_SIZE = 100

/** Runs a request; an executor that throws or rejects (a hand-written one) becomes a `TransportError`. */
const attempt = async <A>(run: ClassicExecutor, req: ClassicRequest<A>): Promise<E.Either<KayakoError, A>> => {
  try {
    return await run(req)()
  } catch (thrown) {
    return E.left(transportError(req.operation, { method: req.method, url: `(e=${req.route})`, headers: {} }, causeText(thrown)))
  }
}

interface Walk<A, C> {
  readonly operation: string
  readonly issues: V.Issues
  readonly first: C
  readonly pageSize: number
  readonly request: (cursor: C) => ClassicRequest<ReadonlyArray<A>>
  /** The cursor after a full page; a Left when the page cannot be continued from. */
  readonly next: (cursor: C, page: ReadonlyArray<A>) => E.Either<KayakoError, C>
}

const walk = <A, C>(run: ClassicExecutor, w: Walk<A, C>): PageStream<A> => ({
  async *[Symbol.asyncIterator]() {
    if (w.issues.length > 0) {
      yield E.left(validationError(w.operation, w.issues))
      return
    }
    let cursor = w.first
    for (;;) {
      let page: E.Either<KayakoError, ReadonlyArray<A>>
      try {
        page = await attempt(run, w.request(cursor))
      } catch (thrown) {
        // The caller's request builder threw: nothing was sent.
        page = E.left(validationError(w.operation, [{ path: 'page', message: `the request builder threw: ${causeText(thrown)}` }]))
      }
      if (E.isLeft(page)) {
        yield page
        return
      }
      if (page.right.length === 0) return
      yield page
      if (page.right.length < w.pageSize) return
      const next = w.next(cursor, page.right)
      if (E.isLeft(next)) {
        yield next
        return
      }
      cursor = next.right
    }
  }
})

/** Every item of every page, or the first error. */
export const collectPages =
  <A>(pages: PageStream<A>): TE.TaskEither<KayakoError, ReadonlyArray<A>> =>
  async () => {
    const out: Array<A> = []
    for await (const page of pages) {
      if (E.isLeft(page)) return page
      for (const item of page.right) out.push(item)
    }
    return E.right(out)
  }

/** Every user, page by page: `User.all({ marker, maxItems: pageSize })`, the next marker being the last id + 1. */
export const userPages = (run: ClassicExecutor, options: UserPageOptions = {}): PageStream<User.User> => {
  const pageSize = options.pageSize ?? User.MAX_PAGE_SIZE
  return walk<User.User, number>(run, {
    operation: 'userPages',
    issues: V.input(
      options,
      (o) =>
        V.issues(
          V.optional(o.pageSize, (n) => V.intBetween('pageSize', n, 1, User.MAX_PAGE_SIZE)),
          V.optional(o.marker, (n) => V.positiveInt('marker', n))
        ),
      'options'
    ),
    first: options.marker ?? 1,
    pageSize,
    request: (marker) => User.all({ marker, maxItems: pageSize }),
    next: (marker, users) => {
      // The server answers ids >= marker in id order; the largest id is the last one, taken defensively anyway.
      const last = users.reduce((max, u) => Math.max(max, u.id), 0)
      return last >= marker
        ? E.right(last + 1)
        : E.left(decodeError('userPages', [`the page for marker ${marker} ended at user ${last}: the walk cannot continue`]))
    }
  })
}

/** Every user in one array (see `userPages`). */
export const allUsers = (run: ClassicExecutor, options: UserPageOptions = {}): TE.TaskEither<KayakoError, ReadonlyArray<User.User>> =>
  collectPages(userPages(run, options))

/**
 * Every item of an offset-paged list: `page(start, count)` for start = 0, count, 2·count, … E.g. tickets:
 * `offsetPages(run, (start, count) => Ticket.all({ departmentIds: [1], count, start }))`.
 */
export const offsetPages = <A>(
  run: ClassicExecutor,
  page: (start: number, count: number) => ClassicRequest<ReadonlyArray<A>>,
  options: OffsetPageOptions = {}
): PageStream<A> => {
  const pageSize = options.pageSize ?? DEFAULT_OFFSET_PAGE_SIZE
  return walk<A, number>(run, {
    operation: 'offsetPages',
    issues: V.input(
      options,
      (o) => V.issues(V.optional(o.pageSize, (n) => V.positiveInt('pageSize', n)), V.optional(o.start, (n) => V.nonNegativeInt('start', n))),
      'options'
    ),
    first: options.start ?? 0,
    pageSize,
    request: (start) => page(start, pageSize),
    next: (start) => E.right(start + pageSize)
  })
}

/** Tickets page by page: `offsetPages` under the name the ticket list goes by. */
export const ticketPages = offsetPages

/** Every item of an offset-paged list in one array (see `offsetPages`). */
export const allOffsetPages = <A>(
  run: ClassicExecutor,
  page: (start: number, count: number) => ClassicRequest<ReadonlyArray<A>>,
  options: OffsetPageOptions = {}
): TE.TaskEither<KayakoError, ReadonlyArray<A>> => collectPages(offsetPages(run, page, options))

/** Every ticket in one array (see `ticketPages`). */
export const allTickets = allOffsetPages
