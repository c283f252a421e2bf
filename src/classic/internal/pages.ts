/**
 * Paging: walk a list the server hands out page by page, with the verbs v1 uses: `pages(run)(walk)` is a stream of
 * pages (`AsyncIterable`, one request per page, lazily) and `collect(run)(walk)` one `TaskEither` of every item. A
 * walk stops exactly at the end: after a page shorter than the page size, or an empty one (so a total that is a
 * multiple of the page size costs one extra, empty request), and at the first error, which is the last value of the
 * stream. Nothing throws or rejects.
 *
 * The walk says where to start and how to go on:
 * - users: `User.everyPage({ pageSize, marker })`, the next marker being the last user id + 1;
 * - offset-paged lists (tickets): `byOffset((start, count) => Ticket.all({ …, count, start }), { pageSize, start })`.
 */
import * as E from '../../core/either'
import type * as TE from 'fp-ts/TaskEither'
import { causeText, transportError, validationError, type KayakoError } from '../../core/error'
import * as V from '../../core/validate'
import type { ClassicExecutor } from './executor'
import type { ClassicRequest } from './request'

/** One page of items, or the error that ended the walk. */
export type PageResult<A> = E.Either<KayakoError, ReadonlyArray<A>>

/** A re-iterable stream of pages: each `for await` starts a new walk from the first page. */
export type PageStream<A> = AsyncIterable<PageResult<A>>

/** How to walk a list: plain data, built by `User.everyPage` or `byOffset`, run by `pages` or `collect`. */
export interface Walk<A, C = number> {
  /** Names the walk in its errors. */
  readonly operation: string
  /** Problems with the walk's options: the walk is one `ValidationError`, nothing is sent. */
  readonly issues: V.Issues
  readonly first: C
  readonly pageSize: number
  /** The request for the page at `cursor`. */
  readonly request: (cursor: C) => ClassicRequest<ReadonlyArray<A>>
  /** The cursor after a full page; a Left when the page cannot be continued from. */
  readonly next: (cursor: C, page: ReadonlyArray<A>) => E.Either<KayakoError, C>
}

/** Options of {@link byOffset}: the page size and the offset to start from. */
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

/** Every page of a walk, requested as the loop asks for it. */
export const pages =
  (run: ClassicExecutor) =>
  <A, C>(w: Walk<A, C>): PageStream<A> => ({
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

/** Every item of every page of a walk, or the first error. */
export const collect =
  (run: ClassicExecutor) =>
  <A, C>(w: Walk<A, C>): TE.TaskEither<KayakoError, ReadonlyArray<A>> =>
  async () => {
    const out: Array<A> = []
    for await (const page of pages(run)(w)) {
      if (E.isLeft(page)) return page
      for (const item of page.right) out.push(item)
    }
    return E.right(out)
  }

/**
 * The walk of an offset-paged list: `page(start, count)` for start = 0, count, 2·count, … E.g. tickets:
 * `pages(run)(byOffset((start, count) => Ticket.all({ departmentIds: [1], count, start }), { pageSize: 200 }))`.
 */
export const byOffset = <A>(page: (start: number, count: number) => ClassicRequest<ReadonlyArray<A>>, options: OffsetPageOptions = {}): Walk<A> => {
  const pageSize = options.pageSize ?? DEFAULT_OFFSET_PAGE_SIZE
  return {
    operation: 'byOffset',
    issues: V.input(
      options,
      (o) =>
        V.issues(
          V.optional(o.pageSize, (n) => V.positiveInt('pageSize', n)),
          V.optional(o.start, (n) => V.nonNegativeInt('start', n))
        ),
      'options'
    ),
    first: options.start ?? 0,
    pageSize,
    request: (start) => page(start, pageSize),
    next: (start) => E.right(start + pageSize)
  }
}
