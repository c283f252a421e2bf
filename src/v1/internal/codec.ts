/**
 * The JSON leaf of the decoder vocabulary (`core/decoder.ts`): records for normalised v1 documents (see `flat.ts`),
 * whose keys are snake_case whatever `_case` was asked for and whose flat references are already resolved. A record's
 * fields are data (one line of text per entity, read by one engine, `record`); the fields that need more than a
 * scalar name a reader (`date`, `related`, `list` …). The decoders treat a missing field exactly like an empty one
 * (`null`, `[]`), which is what `_empty=false` / `X-Options: no_empty` removes, so options never change a decoded value.
 */
import * as E from '../../core/either'
import { atIndex, atKey, concat, type DecodeErrors, failure, setOwn, success, type Decoded, type Decoder } from '../../core/decoder'
import { intern, isObject, isReferenceShape, rawOf, READING, SHARED, type JsonObject, type Reading } from './flat'

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
// (Months 01–12 and days 01–31 here; a day past the month's last is caught by reading the date back: see toDate.)
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

const twoDigits = (text: string, at: number): number => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48

/**
 * The `Date` of a timestamp in the form the API writes, or `undefined`: `Date`'s own parser reads `"1"` as the year
 * 2001, and rolls a day the month lacks (`02-30`) over into the next month, so the day must be one the month has.
 */
const dateOf = (text: string): Date | undefined => {
  if (!TIMESTAMP.test(text)) return undefined
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2)
  const month = twoDigits(text, 5)
  const day = twoDigits(text, 8)
  const days =
    month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
  if (day > days) return undefined
  // `Date.UTC` reads the years 0–99 as 1900–1999: those (never sent) go through the parser
  if (year < 100) return new Date(text)
  // the milliseconds: the first three digits of a fraction, as the parser reads them
  let ms = 0
  for (let at = 20, scale = 100; scale >= 1 && text.charCodeAt(19) === 46; at++, scale /= 10) {
    const digit = text.charCodeAt(at) - 48
    if (digit < 0 || digit > 9) break
    ms += digit * scale
  }
  const end = text.length
  const offset = text.charCodeAt(end - 1) === 90 ? 0 : (44 - text.charCodeAt(end - 6)) * (twoDigits(text, end - 5) * 60 + twoDigits(text, end - 2))
  return new Date(Date.UTC(year, month - 1, day, twoDigits(text, 11), twoDigits(text, 14) - offset, twoDigits(text, 17), ms))
}

/** An ISO-8601 timestamp in the form the API writes, and nothing else (see `dateOf`); `''` is `null`. */
export const toDate = (value: unknown): Decoded<Date | null> => {
  if (value === '') return success(null)
  const date = typeof value === 'string' ? dateOf(value) : undefined
  return date === undefined ? failure(value, 'expected an ISO-8601 timestamp') : success(date)
}

/** An id: an integer for most resources, a string for sessions and some account ids. */
export const toId = (value: unknown): Decoded<number | string> =>
  typeof value === 'number' ? toInt(value) : typeof value === 'string' && value !== '' ? success(value) : failure(value, 'expected an id')

// ---------------------------------------------------------------------------------------------------------------
// Readers: the fields that are not scalars

/**
 * How a record's field that is not a scalar reads a present value (not `undefined`, not `null`), and what it decodes
 * to when absent or `null`: `empty`, else `null`. Any decoder is a reader of a nested object that may be absent. The
 * readers made here also say what they are (`k`: 1 a timestamp, 2 a related resource, 3 a list; `d`: what they read
 * with), so the record engine reads them without a `Right` per value.
 */
export interface Reader<A> extends Decoder<unknown, A> {
  readonly empty?: A
  /** @internal */
  readonly k?: number
  /** @internal */
  readonly d?: Decoder<unknown, unknown>
}

/** A timestamp (see `toDate`); `null` when absent. */
export const date: Reader<Date | null> = { decode: toDate, k: 1 }

/** A number that may have a fraction; `null` when absent. */
export const nullableNumber: Reader<number | null> = { decode: toNumber }

/** `{ id, resource_type }` (channels: `uuid`) as a {@link Reference}, or `FAILED`. */
const referenceOf = (o: JsonObject): unknown => {
  const id = readScalar(7, o.id ?? o.uuid)
  return id === FAILED ? id : { _tag: 'Reference', id, resourceType: o.resource_type }
}

/** The related resource, or a reference when only `{ id, resource_type }` was sent. */
export const relatedValue = <A>(decoder: Decoder<unknown, A>, value: unknown): Decoded<Related<A>> =>
  isObject(value) && isReferenceShape(value) ? (wrap(referenceOf(value)) as Decoded<Reference>) : decoder.decode(value)

/** A related resource (or reference); `null` when absent. */
export const related = <A>(decoder: Decoder<unknown, A>): Reader<Related<A>> => ({ decode: (value) => relatedValue(decoder, value), k: 2, d: decoder })

/** A list, each item decoded (`{ decode: toInt }` for scalars); `[]` when absent. */
export const list = <A>(item: Decoder<unknown, A>): Reader<ReadonlyArray<A>> => ({
  decode: (value) => wrap(readList(item, value)) as Decoded<ReadonlyArray<A>>,
  empty: [],
  k: 3,
  d: item
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

/** A list of values whose shape is not documented (view columns, user addresses), each kept as sent. */
export const listAsSent: Reader<ReadonlyArray<unknown>> = /*#__PURE__*/ list(asSent)

// ---------------------------------------------------------------------------------------------------------------
// The engine: values read without a `Right` each. A read returns the value, or `FAILED` with the failure in `failed`
// (decoding is synchronous, so one slot is enough).

const FAILED: unique symbol = /*#__PURE__*/ Symbol() as never
let failed: DecodeErrors

const unwrap = (r: Decoded<unknown>): unknown => (r._tag === 'Right' ? r.right : ((failed = r.left), FAILED))
const wrap = (value: unknown): Decoded<unknown> => (value === FAILED ? E.left(failed) : success(value))

/** Adds a read's failure (in `failed`), under `at` (a key or an index), to those collected so far. */
const collect = (errors: DecodeErrors | undefined, at: string | number): DecodeErrors => {
  const left = ((typeof at === 'number' ? atIndex(at) : atKey(at))(E.left(failed)) as E.Left<DecodeErrors>).left
  return errors === undefined ? left : concat(errors, left)
}

type EngineReader = Reader<unknown> & { readonly r?: (value: unknown, reading?: Reading) => unknown }

/**
 * A value read with any decoder: the engine's own readers without a `Right`, any other through its `decode` (given
 * the normal form of a value read where it stands).
 */
const readWith = (reader: EngineReader, value: unknown, reading?: Reading): unknown => {
  switch (reader.k) {
    case 1:
      return typeof value === 'string' && value !== '' ? (dateOf(value) ?? unwrap(toDate(value))) : unwrap(toDate(value))
    case 2:
      if (reading !== undefined) {
        const normal = isObject(value) ? reading.ref(value, false) : undefined
        return normal === undefined ? readWith(reader.d as EngineReader, value, reading) : reading.made ? normal : readWith(reader, normal)
      }
      return isObject(value) && isReferenceShape(value) ? referenceOf(value) : readWith(reader.d as EngineReader, value)
    case 3:
      return readList(reader.d as EngineReader, value, reading)
  }
  return reader.r !== undefined ? reader.r(value, reading) : unwrap(reader.decode(reading === undefined ? value : reading.normal(value)))
}

const readList = (item: EngineReader, value: unknown, reading?: Reading): unknown => {
  if (!Array.isArray(value)) return unwrap(failure(value, 'expected an array'))
  const out: Array<unknown> = []
  let errors: DecodeErrors | undefined
  for (let i = 0; i < value.length; i++) {
    const v = readWith(item, value[i], reading)
    if (v === FAILED) errors = collect(errors, i)
    else if (errors === undefined) out.push(v)
  }
  return errors === undefined ? out : ((failed = errors), FAILED)
}

/**
 * The items of an answer's `data`, each decoded; a list left as parsed (`normaliseDocument(…, lazy)`) is read where it
 * stands, in its letter case.
 */
export const decodeItems = <A>(decoder: Decoder<unknown, A>, items: unknown): Decoded<ReadonlyArray<A>> => {
  try {
    return wrap(readList(decoder, items, Array.isArray(items) ? (items as { [READING]?: Reading })[READING] : undefined)) as Decoded<ReadonlyArray<A>>
  } catch (thrown) {
    // flat references that resolve deeper than the normal form allows (`normaliseDocument` throws it)
    return failure(items, (thrown as Error).message)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Records

/**
 * The scalar kinds a field names after its property (`title:t`), with what an absent or `null` value decodes to:
 * `I` an integer and `T` text that must be there; `i` an integer (`0`), `j` an integer or `null`, `t` text (`''`),
 * `n` text or `null` (also enumerations: known values type them, unknown ones are kept as sent; the default when a
 * field names no kind; `''` is `null` too, so `no_empty` dropping empty strings or not changes nothing), `b` a
 * boolean (`false`), `x` an id (integer, or a string for sessions and some account ids) or `null`.
 */
const SCALARS = 'IijTtnbx'
const REQUIRED: unique symbol = /*#__PURE__*/ Symbol() as never
const SCALAR_EMPTY: ReadonlyArray<unknown> = [REQUIRED, 0, null, REQUIRED, '', null, false, null]

/** A present scalar (kind: its index in `SCALARS`), read without a `Right` when it has the expected type. */
const readScalar = (kind: number, value: unknown): unknown =>
  kind < 3
    ? typeof value === 'number' && Number.isSafeInteger(value)
      ? value
      : unwrap(toInt(value))
    : kind < 6
      ? typeof value === 'string'
        ? kind === 5 && value === ''
          ? null
          : value
        : unwrap(toText(value))
      : kind === 6
        ? typeof value === 'boolean'
          ? value
          : unwrap(toBool(value))
        : (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value !== '')
          ? value
          : unwrap(toId(value))

/**
 * Copies of a record's shape, one function per record type (the first 32 types read; later ones parse the shape's
 * text, ~4× slower): V8 makes `{ ...shape }` fast for at most four shapes per place in the code, and slower than
 * anything else past that (a runtime call per copy).
 */
const COPIES: ReadonlyArray<(shape: object) => Record<string, unknown>> = [
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o }),
  (o) => ({ ...o })
]
let copiesMade = 0

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())

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
  // per field, in parallel arrays (monomorphic reads): property, wire key, scalar kind or -1, reader, empty value
  const props: Array<string> = []
  const keys: Array<string> = []
  const kinds: Array<number> = []
  const readers: Array<EngineReader> = []
  const empties: Array<unknown> = []
  // keys no field reads but that are not `extra` either
  const others = ['resource_type', ...(omit?.split(' ') ?? [])].map(intern)
  // the keys, and `others`, in each letter case (`Reading.c`), made when first read
  const named: Array<readonly [ReadonlyArray<string>, ReadonlyArray<string>]> = []
  let known: ReadonlySet<string> | undefined
  // no key named twice (by two fields, or a field and `others`): counting the keys read then says whether all were
  let distinct = false
  // every value is made from this text: an object with every property in place from the start (added one by one by
  // one engine, the properties of 60-field records ended in V8's slow dictionary mode; `{ ...shape }` was as slow)
  let shape = '{'
  let make = (): Record<string, unknown> => JSON.parse(shape) as Record<string, unknown>
  const readRecord = (o: JsonObject, reading?: Reading): unknown => {
    if (known === undefined) {
      const list = refs?.() ?? []
      for (const token of spec.split(' ')) {
        const parts = token.split(':')
        const prop = parts[0] as string
        const kind = parts[1] ?? 'n'
        const scalar = SCALARS.indexOf(kind)
        props.push(intern(prop))
        keys.push(intern(parts[2] ?? snake(prop)))
        kinds.push(scalar)
        const reader = list[Number(kind)] as Reader<unknown>
        readers.push(reader)
        empties.push(scalar < 0 ? (reader.empty ?? null) : SCALAR_EMPTY[scalar])
        shape += `"${prop}":null,`
      }
      shape += '"extra":null}'
      if (copiesMade < COPIES.length * 4) {
        // every property able to hold any value from the start (a first number in a `null` property would change the
        // copies' hidden class, and the place that copies them would see one more)
        const template = JSON.parse(shape) as Record<string, unknown>
        for (const prop of props) {
          template[prop] = 0
          template[prop] = null
        }
        const copy = COPIES[copiesMade++ % COPIES.length] as (typeof COPIES)[number]
        make = () => copy(template)
      }
      known = new Set([...keys, ...others])
      distinct = known.size === keys.length + others.length
    }
    const names =
      reading === undefined ? undefined : (named[reading.c] ??= [keys.map((key) => reading.name(key, true)), others.map((key) => reading.name(key))])
    const fieldKeys = names === undefined ? keys : names[0]
    const out = make()
    let errors: DecodeErrors | undefined
    // how many of the object's keys a field read: all of them, and `extra` is empty without looking at any key
    let read = 0
    for (let i = 0; i < props.length; i++) {
      const key = fieldKeys[i] as string
      // ('': a name that cannot be read in this letter case; the object is then read in the normal form)
      const value = key === '' ? undefined : o[key]
      let v: unknown
      if (value === undefined || value === null) {
        if (value === null) read++
        v = empties[i]
        if (v === REQUIRED) v = unwrap(failure(value, 'is required'))
      } else {
        read++
        const kind = kinds[i] as number
        v = kind < 0 ? readWith(readers[i] as EngineReader, value, reading) : readScalar(kind, value)
      }
      if (v === FAILED) errors = collect(errors, keys[i] as string)
      else out[props[i] as string] = v
    }
    const otherKeys = names === undefined ? others : names[1]
    for (let i = 0; i < otherKeys.length; i++) if (otherKeys[i] !== '' && o[otherKeys[i] as string] !== undefined) read++
    let count = 0
    for (const _ in o) count++
    const all = distinct && count === read
    // read where it stands, with a key no field found: read as the normal form, which knows every spelling
    if (reading !== undefined && !all) return r(reading.normal(o))
    if (errors !== undefined) return ((failed = errors), FAILED)
    out.extra = all ? {} : withoutEmpties(o, known)
    return out
  }
  // In flat mode one resource object is shared by every place that refers to it: decode it once per document (the
  // result kept on the object, under this decoder's own symbol).
  const memo = Symbol('decoded')
  const r = (value: unknown, reading?: Reading): unknown => {
    if (!isObject(value)) return unwrap(failure(value, resourceType === undefined ? 'expected an object' : `expected a ${resourceType} object`))
    if (reading !== undefined) {
      // a reference given to a record: its target, as the normal form resolves it
      const normal = reading.ref(value, true)
      return normal === undefined ? readRecord(value, reading) : r(normal)
    }
    if (value[SHARED] !== true) return readRecord(value)
    const memory = value as { [memo]?: Decoded<A> }
    return unwrap((memory[memo] ??= wrap(readRecord(value)) as Decoded<A>))
  }
  return { decode: (value) => wrap(r(value)) as Decoded<A>, r } as Decoder<unknown, A>
}
