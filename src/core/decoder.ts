/**
 * The decoder vocabulary both APIs share, over `io-ts/Decoder`: a decoder type, success/failure helpers that attach a
 * path, lists, structs read field by field (`FieldOf`, `readFields`), and the rendering of decode errors into one line
 * per failing path. `classic/xml.ts` (elements) and `v1/codec.ts` (JSON values) are the leaves: each says how a field
 * finds its input, and nothing more.
 *
 * One name per concept, in both leaves: `struct` (an object field by field, the rest in `extra`), `list` (every item
 * under one name, decoded; Classic `listIn` for the items of a container element), `optional`/`nullable…` (a field
 * that may be absent), `required…` (a field that must be there), `one`/`many` (an answer's single object or its items).
 */
import * as E from './either'
import * as D from 'io-ts/Decoder'
import type * as DE from 'io-ts/DecodeError'
import type * as FS from 'io-ts/FreeSemigroup'

/** Reads an `I` (an XML element, a JSON value) into an `A`: io-ts's `Decoder`. */
export type Decoder<I, A> = D.Decoder<I, A>
/** Why a decode failed, by path: io-ts's `DecodeError` (a `DecodeError` of this package renders it as lines). */
export type DecodeErrors = D.DecodeError
/** A decoder's result: the value, or what failed where. */
export type Decoded<A> = E.Either<DecodeErrors, A>

export const success: <A>(a: A) => Decoded<A> = E.right

// io-ts's error values, built as its `FS.of`, `FS.concat`, `DE.leaf`, `DE.key` and `DE.index` build them (its modules
// spell each as a `function` with a `return`: these one-liners are what bundles keep).
const of = (value: DE.DecodeError<string>): DecodeErrors => ({ _tag: 'Of', value })
export const concat = (left: DecodeErrors, right: DecodeErrors): FS.FreeSemigroup<DE.DecodeError<string>> => ({ _tag: 'Concat', left, right })

/** The failures so far joined with one more (the first one alone). */
export const collect = (errors: DecodeErrors | undefined, more: DecodeErrors): DecodeErrors => (errors === undefined ? more : concat(errors, more))

export const failure = (actual: unknown, message: string): Decoded<never> => E.left(of({ _tag: 'Leaf', actual, error: message }))

/** Failures under a named key (an element, attribute or property name). */
export const under = (key: string, errors: DecodeErrors): DecodeErrors => of({ _tag: 'Key', key, kind: 'required', errors })

/** Puts a failure under a named key (an element, attribute or property name). */
export const atKey =
  (key: string) =>
  <A>(result: Decoded<A>): Decoded<A> =>
    E.isLeft(result) ? E.left(under(key, result.left)) : result

/** Decodes every item, failing with all item failures. */
export const traverseIndexed = <I, A>(items: ReadonlyArray<I>, f: (item: I, index: number) => Decoded<A>): Decoded<ReadonlyArray<A>> => {
  const out: Array<A> = []
  let errors: DecodeErrors | undefined
  for (let i = 0; i < items.length; i++) {
    const r = f(items[i] as I, i)
    if (E.isLeft(r)) errors = collect(errors, of({ _tag: 'Index', index: i, kind: 'required', errors: r.left }))
    else if (errors === undefined) out.push(r.right)
  }
  return errors === undefined ? E.right(out) : E.left(errors)
}

/** A decoder's result transformed. */
export const mapDecoder = <I, A, B>(decoder: Decoder<I, A>, f: (a: A) => B): Decoder<I, B> => ({
  decode: (i) => E.map(f)(decoder.decode(i))
})

/** A decoder followed by a check or conversion that may fail. */
export const chainDecoder = <I, A, B>(decoder: Decoder<I, A>, f: (a: A, i: I) => Decoded<B>): Decoder<I, B> => ({
  decode: (i) => E.chain((a: A) => f(a, i))(decoder.decode(i))
})

// ---------------------------------------------------------------------------------------------------------------
// Structs

/** What a struct's field reads from the view of one input (an element with its children by name, a JSON object). */
export interface FieldOf<V, A> {
  readonly read: (view: V) => Decoded<A>
}

/** The values of a struct's fields, by name. */
export type FieldValues<F> = { readonly [K in keyof F]: F[K] extends FieldOf<never, infer A> ? A : never }

/**
 * Every field read from one view: the values by name, or every field's failure. `shape` (the fields' names, in
 * order) is copied for each result: set one by one under computed names, a result of more than 16 fields would
 * become a hash table (slow to build and read, and three times the memory).
 */
export const readFields = <V>(
  fields: ReadonlyArray<readonly [string, FieldOf<V, unknown>]>,
  view: V,
  shape?: Readonly<Record<string, unknown>>
): Decoded<Record<string, unknown>> => {
  const out: Record<string, unknown> = { ...shape }
  let errors: DecodeErrors | undefined
  // indexed, no destructuring: each costs an iterator until the optimiser has seen the loop (cold decodes count)
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as readonly [string, FieldOf<V, unknown>]
    const r = field[1].read(view)
    if (r._tag === 'Left') errors = collect(errors, r.left)
    else out[field[0]] = r.right
  }
  return errors === undefined ? E.right(out) : E.left(errors)
}

/** Failures drawn per answer: the first ones, then a count of the rest. */
export const MAX_DRAWN_ERRORS = 20

/**
 * One line per failing leaf: `path.to.value: message (got "…")`, the first `MAX_DRAWN_ERRORS`, then `… and N more`.
 * Walks the tree with a stack of its own: a list of 50,000 failing items is a 50,000-deep tree, which recursion
 * could not walk.
 */
export const drawErrors = (errors: DecodeErrors): ReadonlyArray<string> => {
  const lines: Array<string> = []
  let count = 0
  // pairs: a tree, then its path
  const stack: Array<DecodeErrors | string> = [errors, '']
  while (stack.length > 0) {
    const path = stack.pop() as string
    const e = stack.pop() as DecodeErrors
    if (e._tag === 'Concat') stack.push(e.right, path, e.left, path)
    else {
      const de = e.value
      if ((de._tag === 'Leaf' || de._tag === 'Wrap') && count++ < MAX_DRAWN_ERRORS)
        lines.push(`${path || '(root)'}: ${de.error}${de._tag === 'Leaf' ? ` (got ${show(de.actual)})` : ''}`)
      if (de._tag !== 'Leaf')
        stack.push(
          de.errors,
          de._tag === 'Wrap'
            ? path
            : de._tag === 'Index'
              ? `${path}[${de.index}]`
              : `${path && path + '.'}${de._tag === 'Key' ? de.key : de._tag === 'Member' ? `(member ${de.index})` : de.id}`
        )
    }
  }
  if (count > MAX_DRAWN_ERRORS) lines.push(`… and ${count - MAX_DRAWN_ERRORS} more`)
  return lines
}

const cut = (text: string): string => (text.length > 60 ? text.slice(0, 60) + '…' : text)

// An XML element by its name; any other value as JSON, cut to 60 characters.
const show = (actual: unknown): string => {
  if (actual !== null && typeof actual === 'object' && 'tagName' in actual) return `<${String(actual.tagName)}>`
  try {
    return typeof actual === 'string' ? JSON.stringify(cut(actual)) : cut(JSON.stringify(actual) ?? String(actual))
  } catch {
    return typeof actual
  }
}
