/**
 * Input fields described once. A resource has one table: for each property of its input types, the wire name, the
 * check and how the value is encoded. A builder derives its issues and its wire values from the table, and names
 * what its input type requires in a map the compiler also checks; nothing lists the fields again.
 *
 * The compiler holds the table to the input types: `Fields<NewDepartment & DepartmentUpdate, FormValue>` needs an
 * entry for every property of either type (a property without one is an error) and accepts no other (an object
 * literal with an extra entry is an error). `RequiredFields<NewDepartment>` must name exactly the properties the type
 * does not mark optional.
 *
 * Tables are plain object literals (no calls), so a bundle drops the table of every builder it does not keep.
 */
import type { Issues } from './validate'

/** How one property is checked and sent. `W` is what the API's encoder takes (PHP form values, JSON values). */
export interface Field<A, W> {
  /** The name on the wire. */
  readonly wire: string
  /**
   * Checks a value that is present, or missing from a builder that requires it (callers may be untyped JavaScript,
   * so it is `unknown`); `path` is the property's name.
   */
  readonly check: (path: string, value: unknown) => Issues
  /** The wire value of a valid value (default: the value itself). */
  readonly encode?: (value: A) => W
  /**
   * The encoded value is a record of several wire values, sent in this field's place (numbered file pairs, a flag
   * per choice); `wire` then only describes them.
   */
  readonly spread?: true
}

/** The table of a resource's input types: one entry per property. */
export type Fields<I, W> = { readonly [K in keyof I]-?: Field<Exclude<I[K], undefined>, W> }

type RequiredKeys<I> = { [K in keyof I]-?: undefined extends I[K] ? never : K }[keyof I]

/** The properties an input type requires, each `true`: exactly those the type does not mark optional. */
export type RequiredFields<I> = { readonly [K in RequiredKeys<I>]: true }

/** For an input type that requires nothing (updates, list arguments). */
export const NOTHING_REQUIRED: Readonly<Record<string, true>> = {}

const own = (input: object, key: string): unknown => (Object.prototype.hasOwnProperty.call(input, key) ? (input as Record<string, unknown>)[key] : undefined)

const entries = <W>(table: object): ReadonlyArray<readonly [string, Field<unknown, W>]> =>
  Object.entries(table) as ReadonlyArray<readonly [string, Field<unknown, W>]>

/**
 * Every issue of an input against the table: `must be an object` for a non-object; else, in the table's order, the
 * check of each property that is present or required (a missing required value goes through its check, which says
 * what was expected); then the cross-field `rules` the module keeps beside its table.
 */
export const checkFields = <I, W>(
  table: Fields<I, W>,
  required: Readonly<Record<string, true>>,
  input: unknown,
  rules?: (input: Partial<I>) => Issues,
  path = 'input'
): Issues =>
  input === null || typeof input !== 'object' || Array.isArray(input)
    ? [{ path, message: 'must be an object' }]
    : [
        ...entries<W>(table).flatMap(([key, field]) => {
          const value = own(input, key)
          return value !== undefined || own(required, key) === true ? field.check(key, value) : []
        }),
        ...(rules?.(input) ?? [])
      ]

/**
 * The wire values of an input, by wire name, in the table's order (a `spread` field's record in its place); absent
 * properties are left out. Total, like the builders: a non-object (which `checkFields` reports) gives no values.
 */
export const wireValues = <I, W>(table: Fields<I, W>, input: Partial<I>): Readonly<Record<string, W>> => {
  const out: Record<string, W> = {}
  if (input === null || typeof input !== 'object') return out
  for (const [key, field] of entries<W>(table)) {
    const value = own(input, key)
    if (value === undefined) continue
    const encoded = field.encode === undefined ? (value as W) : field.encode(value)
    if (field.spread === true) Object.assign(out, encoded)
    else out[field.wire] = encoded
  }
  return out
}
