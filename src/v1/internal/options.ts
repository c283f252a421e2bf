/**
 * Special options (spec §2.7–2.8), per request (`withOptions`) and as executor defaults. They change what goes over
 * the wire, never the decoded value: decoders read every letter case, missing fields and flat `resources`.
 *
 * | option            | wire                                   |
 * |-------------------|----------------------------------------|
 * | `case: 'camel'`   | `?_case=camel` (`snake` is the server's default and sends nothing) |
 * | `empty: false`    | `X-Options: no_empty`                  |
 * | `flat: true`      | `X-Options: flat` (combined: `flat,no_empty`) |
 * | `include`         | `?include=*` or `?include=user,case_status` |
 * | `fields`          | `?fields=+full_name,-designation,+role(+title,-type)` |
 */
import type { LetterCase } from './letterCase'
import type { Issues } from '../../core/validate'

/**
 * A field selection: `'+fullName'` adds a field, `'-designation'` removes one, `'title'` switches to an explicit list,
 * `'*'` is every field; `{ '+role': ['+title', '-type'] }` selects inside a nested resource (`+role(+title,-type)`).
 * Names may be written in camelCase; they are sent in snake_case.
 */
export type FieldSelector = string | { readonly [name: string]: ReadonlyArray<FieldSelector> }

/**
 * Special options (spec §2.7–2.8): `_case`, `X-Options: no_empty`/`flat`, `include` and `fields`. They change what
 * the server sends, never the decoded value. Set them per request with {@link withOptions}, or as executor defaults.
 */
export interface Options {
  /** The letter case the server writes names in. Default snake. */
  readonly case?: LetterCase
  /** `false`: the server leaves out null and empty-array fields. */
  readonly empty?: boolean
  /** `true`: related resources come once, under `resources`, and are resolved back into place by the client. */
  readonly flat?: boolean
  /** Related resources to include instead of references: `'*'` for all, or resource types (`'user'`, `'caseStatus'`). */
  readonly include?: '*' | ReadonlyArray<string>
  /** Which fields the server sends; a string is sent as it is (after snake-casing its names). */
  readonly fields?: string | ReadonlyArray<FieldSelector>
}

/**
 * Whether answers asked with these options need `normaliseDocument` (another letter case, flat resources): only then
 * does a bundle carry it.
 */
export const needsNormalise = (options: Options): boolean => options.flat === true || (options.case !== undefined && options.case !== 'snake')

/** Per-request options win over the executor's defaults; an option left undefined does not override. */
export const mergeOptions = (defaults: Options, overrides: Options): Options => {
  const out: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) out[key] = value
  return out
}

/**
 * `include` or `fields` as sent, its names in snake_case: `fullName`, `FullName` → `full_name`, `userID` → `user_id`,
 * `HTMLBody` → `html_body` (what `toSnake` of answers gives, without its cache and loop: builders carry this one). One
 * pass over the whole text: an upper-case letter starts a word only after a letter or digit of the same name, and the
 * rest (`+`, `-`, `(`, `,`, `*`) has no case.
 */
const snake = (text: string): string => text.replace(/(?<=[a-z\d])[A-Z]|(?<=[A-Z])[A-Z](?=[a-z])/g, '_$&').toLowerCase()

/**
 * Field selectors as text (`{ '+role': ['+title'] }` → `+role(+title)`; `join()` separates with commas). What is not a
 * selector becomes a NUL, which no field name has: `checkSelectors` looks for it, so one walk both checks and renders.
 */
const selectors = (fields: unknown): string =>
  typeof fields === 'string'
    ? fields
    : Array.isArray(fields)
      ? fields
          .map((s: unknown) =>
            typeof s === 'string'
              ? s
              : s !== null && typeof s === 'object'
                ? Object.entries(s).map(([name, inner]) => `${name}(${Array.isArray(inner) ? selectors(inner) : '\0'})`)
                : '\0'
          )
          .join()
      : '\0'

/** `fields` as the server reads it. */
export const renderFields = (fields: string | ReadonlyArray<FieldSelector>): string => snake(selectors(fields))

export interface WireOptions {
  /** Query arguments, already in wire form. */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** The `X-Options` header value, when any option needs it. */
  readonly xOptions?: string | undefined
}

/** The query argument of `include` (`'*'` or the types as CSV), or none: all `Article.get` and its siblings need. */
export const includeQuery = ({ include }: Shape): Array<readonly [string, string]> => (include === undefined ? [] : [['include', snake(String(include))]])

/** The query arguments of `include` and `fields`: all a builder's own options need (see `shaped` in `request.ts`). */
export const shapeQuery = (options: Shape): Array<readonly [string, string]> => {
  const query = includeQuery(options)
  if (options.fields !== undefined) query.push(['fields', renderFields(options.fields)])
  return query
}

export const toWire = (options: Options): WireOptions => {
  const query = shapeQuery(options)
  if (options.case !== undefined && options.case !== 'snake') query.unshift(['_case', options.case])
  const headerOptions: Array<string> = []
  if (options.flat === true) headerOptions.push('flat')
  if (options.empty === false) headerOptions.push('no_empty')
  return { query, xOptions: headerOptions.length > 0 ? headerOptions.join(',') : undefined }
}

/** Related resources to include instead of references: `'*'`, or types such as `'localeField'`, `'user'`. */
export type Include = '*' | ReadonlyArray<string>

/** The options a builder takes among its arguments (`Search.query`'s `include` and `fields`, `Article.all`'s `include`). */
export type Shape = Pick<Options, 'include' | 'fields'>

/** A builder's `include` argument: `'*'` or resource types. */
export const checkInclude = (path: string, value: unknown): Issues =>
  value === '*' || (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== ''))
    ? []
    : [{ path, message: "must be '*' or an array of resource types" }]

/** A builder's `fields` argument (sent as an option: `shaped` in `request.ts`), checked down to its nested selectors. */
export const checkSelectors = (path: string, value: unknown): Issues =>
  selectors(value).includes('\0') ? [{ path, message: 'must be a string or an array of field selectors' }] : []
