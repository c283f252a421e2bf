/**
 * The few `fp-ts/Either` functions the library's hot paths use, as the one-liners they are, producing exactly fp-ts's
 * values (`{ _tag: 'Left', left }`, `{ _tag: 'Right', right }`), so results mix freely with fp-ts.
 *
 * Why not import them from fp-ts: `fp-ts/es6/Either` builds type-class instances at module level (`as`, `asUnit`,
 * `tap`… through `dual`, without a `#__PURE__` mark), so a bundle that imports any function from it keeps about
 * 2 KB of them (minified; measured by `npm run size`). An application that uses fp-ts itself shares those bytes.
 */
import type { Either, Left, Right } from 'fp-ts/Either'

export type { Either, Left, Right }

export const left = <E = never, A = never>(e: E): Either<E, A> => ({ _tag: 'Left', left: e })

export const right = <A = never, E = never>(a: A): Either<E, A> => ({ _tag: 'Right', right: a })

export const isLeft = <E>(ma: Either<E, unknown>): ma is Left<E> => ma._tag === 'Left'

export const isRight = <A>(ma: Either<unknown, A>): ma is Right<A> => ma._tag === 'Right'

export const map =
  <A, B>(f: (a: A) => B) =>
  <E>(fa: Either<E, A>): Either<E, B> =>
    fa._tag === 'Left' ? fa : right(f(fa.right))

export const chain =
  <E, A, B>(f: (a: A) => Either<E, B>) =>
  (ma: Either<E, A>): Either<E, B> =>
    ma._tag === 'Left' ? ma : f(ma.right)
