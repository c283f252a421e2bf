/**
 * The JSON leaf of the decoder vocabulary (`core/decoder.ts`): records for normalised v1 documents (see `flat.ts`),
 * whose keys are snake_case whatever `_case` was asked for and whose flat references are already resolved. A record's
 * fields are data (one line of text per entity, read by one engine, `record`); the fields that need more than a
 * scalar name a reader (`date`, `related`, `list` …). The decoders treat a missing field exactly like an empty one
 * (`null`, `[]`), which is what `_empty=false` / `X-Options: no_empty` removes, so options never change a decoded value.
 */
import * as E from '../../core/either'
import { collect, type DecodeErrors, failure, success, traverseIndexed, type Decoded, type Decoder, under } from '../../core/decoder'
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
// (Months 01–12 here; the day is checked by reading the date back, see toDate: no calendar day reads back as 00 or 32.)
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

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

// ---------------------------------------------------------------------------------------------------------------
// Readers: the fields that are not scalars

/**
 * How a record's field that is not a scalar reads a present value (not `undefined`, not `null`), and what it decodes
 * to when absent or `null`: `empty`, else `null`. Any decoder is a reader of a nested object that may be absent.
 */
export interface Reader<A> extends Decoder<unknown, A> {
  readonly empty?: A
}

/** A timestamp (see `toDate`); `null` when absent. */
export const date: Reader<Date | null> = { decode: toDate }

/** A number that may have a fraction; `null` when absent. */
export const nullableNumber: Reader<number | null> = { decode: toNumber }

/** A related resource (or reference: only `{ id, resource_type }` was sent); `null` when absent. */
export const related = <A>(decoder: Decoder<unknown, A>): Reader<Related<A>> => ({
  decode: (value) =>
    isObject(value) && isReferenceShape(value)
      ? E.map((id: number | string): Reference => ({ _tag: 'Reference', id, resourceType: value.resource_type as string }))(toId(value.id ?? value.uuid))
      : decoder.decode(value)
})

/** A list, each item decoded (`{ decode: toInt }` for scalars); `[]` when absent. */
export const list = <A>(item: Decoder<unknown, A>): Reader<ReadonlyArray<A>> => ({
  decode: (value) => (Array.isArray(value) ? traverseIndexed(value, item.decode) : failure(value, 'expected an array')),
  empty: []
})

/** A list of related resources (or references); `[]` when absent. */
export const relatedList = <A>(decoder: Decoder<unknown, A>): Reader<ReadonlyArray<Related<A>>> => list(related(decoder))

/** A map whose keys are data (`metadata`, custom `field_values`): returned with the keys as the server sent them. */
export const freeForm: Reader<Readonly<Record<string, unknown>>> = {
  decode: (value) => (isObject(value) ? success(rawOf(value) as Readonly<Record<string, unknown>>) : failure(value, 'expected an object')),
  empty: {}
}

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
    // (a document read as parsed has Object.prototype, but an own `__proto__` key is read as itself; defined, not
    // assigned, it is kept as an own property, never set as the copy's prototype)
    const v = (value as Record<string, unknown>)[key]
    if (!isEmpty(v) && !skip?.has(key)) Object.defineProperty(out, key, { value: withoutEmpties(v), enumerable: true, writable: true, configurable: true })
  }
  return out
}

/**
 * A value whose shape is not documented (view columns, user addresses), kept as sent: a plain copy without its empty
 * members, so neither `no_empty` nor the reading path (in place or normalised) changes the decoded value.
 */
export const asSent: Decoder<unknown, unknown> = { decode: (value) => success(withoutEmpties(value)) }

/** A list of values whose shape is not documented (view columns, user addresses), each kept as sent. */
export const listAsSent: Reader<ReadonlyArray<unknown>> = /*#__PURE__*/ list(asSent)

// ---------------------------------------------------------------------------------------------------------------
// Records

/**
 * The scalar kinds a field names after its property (`title:t`), with what an absent or `null` value decodes to:
 * `i` an integer (`0`), `j` an integer or `null`, `t` text (`''`), `n` text or `null` (also enumerations: known values
 * type them, unknown ones are kept as sent; the default when a field names no kind; `''` is `null` too, so `no_empty`
 * dropping empty strings or not changes nothing), `b` a boolean (`false`), `x` an id (integer, or a string for
 * sessions and some account ids) or `null`. A kind in upper case (`I`, `T`) must be there.
 */
const SCALARS: Readonly<Record<string, Reader<unknown>>> = {
  i: { decode: toInt, empty: 0 },
  j: { decode: toInt },
  t: { decode: toText, empty: '' },
  n: { decode: (value) => (value === '' ? success(null) : toText(value)) },
  b: { decode: toBool, empty: false },
  x: { decode: toId }
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * A resource or sub-object, its fields written as data: `spec` lists them, space-separated, as `property:kind`, the
 * kind a letter of `SCALARS` (none: `n`) or the index of the field's {@link Reader} in `refs()`; the wire key is the
 * property in snake_case unless a third part names it (`phones:4:phone`). One engine reads every record: a bundle
 * carries a line of text per entity instead of a closure per field, and the spec is split once per decoder, at its
 * first value. Every field is decoded and failures are collected with their paths. Keys no field reads are kept in
 * `extra` (unless empty, so `no_empty` does not change it). `resource_type` is not checked: a related field may hold
 * a sibling type (`user_minimal`, a trigger as a post's creator) and decoding it tolerantly loses nothing.
 */
export const record = <A>(
  resourceType: string | undefined,
  spec: string,
  /**
   * The readers the fields name: a function, so that decoders can refer to each other whatever their order, and a
   * bundler drops every decoder no imported module reaches.
   */
  refs?: () => ReadonlyArray<Reader<unknown>>,
  /** Keys left out of `extra` on purpose, space-separated (credentials such as a test resource's `session_id`). */
  omit?: string
): Decoder<unknown, A> => {
  // per field: [property, wire key, reader, required]
  let fields: ReadonlyArray<readonly [string, string, Reader<unknown>, boolean]> | undefined
  const known = new Set(['resource_type', ...(omit?.split(' ') ?? [])])
  const decodeRecord = (o: JsonObject): Decoded<A> => {
    if (fields === undefined) {
      const readers = refs?.() ?? []
      fields = spec.split(' ').map((token) => {
        const [prop = '', kind = 'n', key = snake(prop)] = token.split(':')
        known.add(key)
        return [prop, key, readers[Number(kind)] ?? (SCALARS[kind.toLowerCase()] as Reader<unknown>), kind !== kind.toLowerCase()] as const
      })
    }
    const out: Record<string, unknown> = {}
    let errors: DecodeErrors | undefined
    // indexed, no destructuring: each costs an iterator until the optimiser has seen the loop (cold decodes count)
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i] as (typeof fields)[number]
      const value = o[field[1]]
      const r = value === undefined || value === null ? (field[3] ? failure(value, 'is required') : success(field[2].empty ?? null)) : field[2].decode(value)
      if (r._tag === 'Right') out[field[0]] = r.right
      else errors = collect(errors, under(field[1], r.left))
    }
    if (errors !== undefined) return E.left(errors)
    out.extra = withoutEmpties(o, known)
    return success(out as A)
  }
  // In flat mode one resource object is shared by every place that refers to it: decode it once per document (the
  // result kept on the object, under this decoder's own symbol).
  const memo = Symbol()
  return {
    decode: (value) =>
      !isObject(value)
        ? failure(value, resourceType === undefined ? 'expected an object' : `expected a ${resourceType} object`)
        : value[SHARED]
          ? ((value as { [memo]?: Decoded<A> })[memo] ??= decodeRecord(value))
          : decodeRecord(value)
  }
}
