/**
 * The few `fp-ts/Option` functions the library uses, producing exactly fp-ts's values (`{ _tag: 'None' }`,
 * `{ _tag: 'Some', value }`). Importing them from fp-ts keeps its module-level instances in every bundle: see
 * `either.ts`.
 */
import type { None, Option, Some } from 'fp-ts/Option'

export type { None, Option, Some }

export const none: Option<never> = { _tag: 'None' }

export const some = <A>(a: A): Option<A> => ({ _tag: 'Some', value: a })

export const isNone = (fa: Option<unknown>): fa is None => fa._tag === 'None'

export const isSome = <A>(fa: Option<A>): fa is Some<A> => fa._tag === 'Some'

export const fromNullable = <A>(a: A): Option<NonNullable<A>> => (a == null ? none : some(a))

export const getOrElse =
  <A>(onNone: () => A) =>
  (ma: Option<A>): A =>
    ma._tag === 'None' ? onNone() : ma.value

export const match =
  <A, B>(onNone: () => B, onSome: (a: A) => B) =>
  (ma: Option<A>): B =>
    ma._tag === 'None' ? onNone() : onSome(ma.value)
