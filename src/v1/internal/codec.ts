/**
 * The JSON leaf of the decoder vocabulary (`core/decoder.ts`): field decoders for normalised v1 documents (see
 * `flat.ts`), whose keys are snake_case whatever `_case` was asked for and whose flat references are already resolved.
 * The decoders treat a missing field exactly like an empty one (`null`, `[]`),
 * which is what `_empty=false` / `X-Options: no_empty` removes, so options never change a decoded value.
 */
import * as E from '../../core/either'
import { atKey, failure, readFields, setOwn, success, traverseIndexed, type Decoded, type Decoder, type FieldOf, type FieldValues } from '../../core/decoder'
import { isObject, isReferenceShape, rawOf, SHARED, type JsonObject } from './flat'

/** A resource the response did not include: `{ id, resource_type }` (channels: `uuid`). */
export interface Reference {
  readonly _tag: 'Reference'
  readonly id: number | string
  readonly resourceType: string
}

/** A related resource: the resource itself when the response includes it (`include`, flat `resources`), else a reference. */
export type Related<A> = A | Reference

/** Whether a related resource was left as a {@link Reference} (not included in the answer), so only its id is known. */
export const isReference = <A>(value: Related<A> | null | undefined): value is Reference =>
  value !== null && typeof value === 'object' && (value as { _tag?: unknown })._tag === 'Reference'

/** The included resource, or `undefined` for a reference or nothing. */
export const included = <A>(value: Related<A> | null | undefined): A | undefined =>
  value === null || value === undefined || isReference(value) ? undefined : value

/** Keys of a free-form map that a decoder keeps (values nobody decoded that are not empty). */
export type Extra = Readonly<Record<string, unknown>>

export interface Field<A> extends FieldOf<JsonObject, A> {
  /** The snake_case key the field reads (for `extra`). */
  readonly key: string
}

const field = <A>(key: string, convert: (value: unknown) => Decoded<A>, empty: A | undefined): Field<A> => ({
  key,
  read: (o) => {
    const value = o[key]
    if (value === undefined || value === null) {
      return empty === undefined ? atKey(key)(failure(value, 'is required')) : success(empty)
    }
    const r = convert(value)
    return E.isRight(r) ? r : atKey(key)(r)
  }
})

// ---------------------------------------------------------------------------------------------------------------
// Scalars

export const toInt = (value: unknown): Decoded<number> => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return success(value)
  // tolerant: some servers send numbers as strings
  if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return success(Number(value))
  return failure(value, 'expected an integer')
}

export const toNumber = (value: unknown): Decoded<number> => {
  if (typeof value === 'number' && Number.isFinite(value)) return success(value)
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return success(Number(value))
  return failure(value, 'expected a number')
}

export const toText = (value: unknown): Decoded<string> =>
  typeof value === 'string'
    ? success(value)
    : typeof value === 'number' || typeof value === 'boolean'
      ? success(String(value))
      : failure(value, 'expected a string')

export const toBool = (value: unknown): Decoded<boolean> => {
  if (typeof value === 'boolean') return success(value)
  if (value === 1 || value === '1' || value === 'true') return success(true)
  if (value === 0 || value === '0' || value === 'false') return success(false)
  return failure(value, 'expected a boolean')
}

// What the API writes (spec v1 "Types": `2015-07-21T07:10:42+05:00`), optionally with fractions of a second or `Z`.
// (Months 01–12 and days 01–31 here; a day past the month's last is caught by reading the date back: see toDate.)
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/**
 * An ISO-8601 timestamp in the form the API writes, and nothing else: `Date`'s own parser reads `"1"` as the year
 * 2001, and rolls a day the month lacks (`02-30`) over into the next month, so the day read must be the day written.
 */
export const toDate = (value: unknown): Decoded<Date | null> => {
  if (value === '') return success(null)
  return typeof value === 'string' && TIMESTAMP.test(value) && new Date(value.slice(0, 10)).getUTCDate() === Number(value.slice(8, 10))
    ? success(new Date(value))
    : failure(value, 'expected an ISO-8601 timestamp')
}

/** An id: an integer for most resources, a string for sessions and some account ids. */
export const toId = (value: unknown): Decoded<number | string> =>
  typeof value === 'number' ? toInt(value) : typeof value === 'string' && value !== '' ? success(value) : failure(value, 'expected an id')

export const requiredInt = (key: string): Field<number> => field(key, toInt, undefined)
export const requiredText = (key: string): Field<string> => field(key, toText, undefined)
/** A number that may be absent: `0` then. */
export const int = (key: string): Field<number> => field(key, toInt, 0)
export const nullableInt = (key: string): Field<number | null> => field(key, toInt, null)
export const nullableNumber = (key: string): Field<number | null> => field(key, toNumber, null)
/** Text that is always there: `''` when absent. */
export const text = (key: string): Field<string> => field(key, toText, '')
/**
 * Text that may be empty: absent, `null` and `''` all decode to `null` (whether `no_empty` also drops empty strings
 * is UNCONFIRMED; treating them alike keeps the decoded value independent of it).
 */
export const nullableText = (key: string): Field<string | null> => {
  const f = field(key, toText, null)
  return { key, read: (o) => (o[key] === '' ? success(null) : f.read(o)) }
}
export const bool = (key: string): Field<boolean> => field(key, toBool, false)
export const date = (key: string): Field<Date | null> => field(key, toDate, null)
export const id = (key: string): Field<number | string | null> => field(key, toId, null)

/** An enumeration: the known values type it, unknown ones are kept as sent (a newer server loses nothing). */
export const literal: <L extends string>(key: string) => Field<L | null> = nullableText as never

// ---------------------------------------------------------------------------------------------------------------
// Structures

const toReference = (o: JsonObject): Decoded<Reference> => {
  const idValue = o.id ?? o.uuid
  return E.map((id: number | string): Reference => ({ _tag: 'Reference', id, resourceType: o.resource_type as string }))(toId(idValue))
}

/** A related resource (or reference); `null` when absent. */
export const related = <A>(key: string, decoder: Decoder<unknown, A>): Field<Related<A> | null> => field(key, (value) => relatedValue(decoder, value), null)

const relatedValue = <A>(decoder: Decoder<unknown, A>, value: unknown): Decoded<Related<A>> =>
  isObject(value) && isReferenceShape(value) ? toReference(value) : decoder.decode(value)

/** A list of related resources (or references); `[]` when absent. */
export const relatedList = <A>(key: string, decoder: Decoder<unknown, A>): Field<ReadonlyArray<Related<A>>> =>
  list(key, { decode: (value) => relatedValue(decoder, value) })

/** A list, each item decoded (`{ decode: toInt }` for scalars); `[]` when absent. */
export const list = <A>(key: string, item: Decoder<unknown, A>): Field<ReadonlyArray<A>> =>
  field(key, (value) => (Array.isArray(value) ? traverseIndexed(value, (v) => item.decode(v)) : failure(value, 'expected an array')), [])

/** A nested object that is not a resource (`logo`, `read_marker` …); `null` when absent. */
export const nested = <A>(key: string, decoder: Decoder<unknown, A>): Field<A | null> => field(key, (value) => decoder.decode(value), null)

/** A map whose keys are data (`metadata`, custom `field_values`): returned with the keys as the server sent them. */
export const freeForm = (key: string): Field<Readonly<Record<string, unknown>>> =>
  field(key, (value) => (isObject(value) ? success(rawOf(value) as Readonly<Record<string, unknown>>) : failure(value, 'expected an object')), {})

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * A value kept in `extra` without its empty members at any depth, so `no_empty` cannot change it either; an object
 * also without the keys in `skip` (a struct's own fields).
 */
const withoutEmpties = (value: unknown, skip?: ReadonlySet<string>): unknown => {
  if (Array.isArray(value)) return value.filter((v) => !isEmpty(v)).map((v) => withoutEmpties(v))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key in value as Record<string, unknown>) {
    // (a document read as parsed has Object.prototype, but an own `__proto__` key is read as itself)
    const v = (value as Record<string, unknown>)[key]
    if (!isEmpty(v) && !skip?.has(key)) setOwn(out, key, withoutEmpties(v))
  }
  return out
}

/**
 * A value whose shape is not documented (view columns, user addresses), kept as sent: a plain copy without its empty
 * members, so neither `no_empty` nor the reading path (in place or normalised) changes the decoded value.
 */
export const asSent: Decoder<unknown, unknown> = { decode: (value) => success(withoutEmpties(value)) }

/**
 * A resource or sub-object: every field decoded, failures collected with their paths. Keys no field reads are kept
 * in `extra` (unless empty, so `no_empty` does not change it). `resource_type` is not checked: a related field may
 * hold a sibling type (`user_minimal`, a trigger as a post's creator) and decoding it tolerantly loses nothing.
 */
export const struct = <F extends Readonly<Record<string, Field<unknown>>>>(
  resourceType: string | undefined,
  /**
   * The fields, or a function returning them: entity decoders pass a function so that a bundler drops every decoder
   * no imported module reaches (the fields refer to other entities' decoders), and so decoders can refer to each
   * other whatever their order.
   */
  fields: F | (() => F),
  /** Keys left out of `extra` on purpose (credentials such as a test resource's `session_id`). */
  omit: ReadonlyArray<string> = []
): Decoder<unknown, FieldValues<F> & { readonly extra: Extra }> => {
  let entries: ReadonlyArray<readonly [string, Field<unknown>]> | undefined
  const known = new Set<string>(['resource_type', ...omit])
  const fieldEntries = (): ReadonlyArray<readonly [string, Field<unknown>]> => {
    if (entries === undefined) {
      entries = Object.entries(typeof fields === 'function' ? fields() : fields)
      for (const [, f] of entries) known.add(f.key)
    }
    return entries
  }
  // In flat mode one resource object is shared by every place that refers to it: decode it once per document (the
  // result kept on the object, under this decoder's own symbol).
  const memo = Symbol('decoded')
  return {
    decode: (value) => {
      if (!isObject(value)) return failure(value, resourceType === undefined ? 'expected an object' : `expected a ${resourceType} object`)
      if (value[SHARED] !== true) return decodeStruct(value)
      const memory = value as { [memo]?: Decoded<FieldValues<F> & { readonly extra: Extra }> }
      return (memory[memo] ??= decodeStruct(value))
    }
  }
  function decodeStruct(value: JsonObject): Decoded<FieldValues<F> & { readonly extra: Extra }> {
    const out = readFields(fieldEntries(), value)
    if (!E.isLeft(out)) out.right.extra = withoutEmpties(value, known)
    return out as Decoded<FieldValues<F> & { readonly extra: Extra }>
  }
}
