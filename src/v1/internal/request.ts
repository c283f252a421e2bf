/**
 * The v1 request description: plain data a builder returns and an executor runs. Builders never perform I/O and never
 * throw; arguments that fail validation are carried as `issues`, answered by a `ValidationError` before anything is
 * sent. Query and body names are camelCase here and sent in snake_case.
 */
import * as E from '../../core/either'
import { atKey, failure, success, traverseIndexed, type Decoded, type Decoder } from '../../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import type { Issues } from '../../core/validate'
import type { KayakoError } from '../../core/error'
import type { HttpRequest } from '../../core/http'
import type { Exchanged } from './auth'
import type { Envelope, Links, Normalise } from './envelope'
import { normaliseAnswer } from './flat'
import { mergeOptions, needsNormalise, toWire, type Options, type Shape, type WireOptions } from './options'

/** The HTTP methods of the v1 API; a body goes only with POST and PUT (spec §2.1). */
export type V1Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A query argument: arrays are sent as CSV (`ids=1,2,3`), booleans as `true`/`false`, `undefined` is left out. */
export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined

/** Query arguments by camelCase name. */
export type Query = Readonly<Record<string, QueryValue>>

/**
 * A body: JSON whose top-level names are camelCase here and snake_case on the wire (nested objects such as
 * `field_values` or `channel_options` are data and are sent exactly as given), or a raw file (`POST /files`).
 */
export type Body =
  | { readonly _tag: 'Json'; readonly value: Readonly<Record<string, unknown>> }
  | {
      readonly _tag: 'File'
      readonly filename: string
      readonly contentType: string
      readonly data: Uint8Array
      /** The `Content-Disposition` header, made here so that only upload bundles carry its encoding. */
      readonly disposition: string
    }

/**
 * What every v1 builder returns: a description of one call (method, path below `/api/v1`, query, body, options) and
 * the decoder of its answer. Nothing is sent until an executor runs it; with `issues`, it answers a `ValidationError`.
 */
export interface V1Request<A> {
  /** `Resource.action`, for errors and logs. */
  readonly operation: string
  readonly method: V1Method
  /** Below `/api/v1`, e.g. `/cases/5`. */
  readonly path: string
  readonly query: Query
  readonly body: Body | undefined
  /** Special options for this request, as set by `withOptions` (merged with the executor's `defaultOptions`). */
  readonly options: Options
  /**
   * `options` in wire form, made where they are set (`withOptions`, `defaultOptions`), so that a bundle without
   * options carries no code to encode them. Absent: nothing to send.
   * @internal the executor reads it; set `options` with `withOptions`.
   */
  readonly wire?: WireOptions
  readonly issues: Issues
  /** Turns the envelope of a successful answer into the result. */
  readonly decoder: Decoder<Envelope, A>
  /** Reads the answer to these options (set by `withOptions` when they ask for another letter case or flat resources). */
  readonly normalise?: Normalise
  /**
   * A download (`download.ts`): run instead of the envelope exchange, with what it needs of the executor; its answer
   * is the executor's (`Answer` of `withMeta`, without notifications or logs: a file has none).
   * @internal the executor's hook, set by the download builders only.
   */
  readonly download?: (deps: DownloadDeps) => Promise<E.Either<KayakoError, unknown>>
}

/** What a download needs of the executor: the API root and the session's exchange. */
export interface DownloadDeps {
  readonly root: string
  readonly exchange: (http: HttpRequest) => Promise<E.Either<KayakoError, Exchanged>>
}

/** The type a request decodes to. */
export type Result<R> = R extends V1Request<infer A> ? A : never

/** One page of a collection, with what the server said about the rest. */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly totalCount: number | null
  readonly offset: number | null
  readonly limit: number | null
  /** The body's links. */
  readonly links: Links
  /**
   * The answer's `Link` header, when it had one: Kayako was seen naming the next page there only (spec §2.6).
   * `nextUrl(page)` reads the next page from either; `pages` and `collect` follow it.
   */
  readonly link?: string
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope decoders

/** `data` as one resource. */
export const one = <A>(decoder: Decoder<unknown, A>): Decoder<Envelope, A> => ({
  decode: (envelope) => atKey('data')(decoder.decode(envelope.data))
})

const items = <A>(decoder: Decoder<unknown, A>, data: unknown): Decoded<ReadonlyArray<A>> =>
  data === undefined || data === null
    ? success([])
    : atKey('data')(Array.isArray(data) ? traverseIndexed(data, (item) => decoder.decode(item)) : failure(data, 'expected an array'))

/** `data` as an unpaginated collection (statuses, types, channels …). */
export const many = <A>(decoder: Decoder<unknown, A>): Decoder<Envelope, ReadonlyArray<A>> => ({
  decode: (envelope) => items(decoder, envelope.data)
})

/**
 * `data` as one page of a paginated collection. The `Link` header is kept as it came: only the walk reads it
 * (`nextUrl`), so a page's bundle carries no parser of it.
 */
export const page = <A>(decoder: Decoder<unknown, A>): Decoder<Envelope, Page<A>> => ({
  decode: ({ data, totalCount, offset, limit, links, link }) =>
    E.map((list: ReadonlyArray<A>): Page<A> => ({ items: list, totalCount, offset, limit, links, ...(link !== undefined && { link }) }))(items(decoder, data))
})

/** Nothing to decode (`{"status":200}` for deletes, acks, logout). */
export const none: Decoder<Envelope, void> = { decode: () => success(undefined) }

/** `total_count` of a bulk change (`{"status":200,"total_count":2}`). */
export const count: Decoder<Envelope, number> = { decode: (envelope) => success(envelope.totalCount ?? 0) }

// ---------------------------------------------------------------------------------------------------------------
// Constructors used by the resource modules

export interface RequestParts {
  readonly query?: Query
  readonly body?: Body
  readonly issues?: Issues
}

export const request = <A>(operation: string, method: V1Method, path: string, decoder: Decoder<Envelope, A>, parts: RequestParts = {}): V1Request<A> => ({
  operation,
  method,
  path,
  query: parts.query ?? {},
  body: parts.body,
  options: {},
  issues: parts.issues ?? [],
  decoder
})

export const getRequest = <A>(operation: string, path: string, decoder: Decoder<Envelope, A>, parts?: RequestParts) =>
  request(operation, 'GET', path, decoder, parts)
export const postRequest = <A>(operation: string, path: string, decoder: Decoder<Envelope, A>, parts?: RequestParts) =>
  request(operation, 'POST', path, decoder, parts)
export const putRequest = <A>(operation: string, path: string, decoder: Decoder<Envelope, A>, parts?: RequestParts) =>
  request(operation, 'PUT', path, decoder, parts)
export const deleteRequest = <A>(operation: string, path: string, decoder: Decoder<Envelope, A>, parts?: RequestParts) =>
  request(operation, 'DELETE', path, decoder, parts)

/** A JSON body from camelCase fields; `undefined` fields are left out. */
export const json = (value: Readonly<Record<string, unknown>>): Body => {
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v
  return { _tag: 'Json', value: out }
}

/**
 * A raw file body from the wire values of an upload (`filename`, `contentType`, `data`). Builders are total: values that
 * are not what they should be are reported as issues, and a body with issues is never sent.
 */
export const fileBody = (value: Readonly<Record<string, unknown>>): Body => ({
  _tag: 'File',
  filename: value.filename as string,
  contentType: value.contentType as string,
  data: value.data as Uint8Array,
  disposition: typeof value.filename === 'string' ? contentDisposition(value.filename) : ''
})

const contentDisposition = (filename: string): string => {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return ascii === filename ? `attachment; filename="${filename}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(textOf(filename))}`
}

/** A list sent as the CSV string the API expects for ids and tags (`tags=a,b`). */
export const csv = (values: ReadonlyArray<string | number> | undefined): string | undefined =>
  values === undefined ? undefined : Array.isArray(values) ? values.map(textOf).join(',') : textOf(values)

/**
 * Text of a value a builder was handed. Builders are total (they report wrong arguments as issues, they never throw),
 * so a value without a string form gives '', and a lone surrogate becomes U+FFFD (`encodeURIComponent` throws on it).
 */
const textOf = (value: unknown): string => {
  try {
    return String(value).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  } catch {
    return ''
  }
}

/**
 * An id as a path segment. Every id in a v1 path is checked as a positive integer: a valid one is its digits, and
 * anything else (an issue, so the request is never sent) leaves the segment empty.
 */
export const segment = (id: number): string => (Number.isSafeInteger(id) ? String(id) : '')

// ---------------------------------------------------------------------------------------------------------------
// Combinators for users

/** Sets special options on one request (they win over the executor's defaults). Pipeable. */
export const withOptions =
  (options: Options) =>
  <A>(req: V1Request<A>): V1Request<A> =>
    optioned(req, mergeOptions(req.options, options))

/**
 * Special options for every request of an executor, `v1({ …, options: defaultOptions({ flat: true }) })`: a request's
 * own options (`withOptions`) win.
 */
export const defaultOptions =
  (options: Options) =>
  <A>(req: V1Request<A>): V1Request<A> =>
    optioned(req, mergeOptions(options, req.options))

/**
 * The request with these options and their wire form; options whose answers need `normaliseDocument` (another letter
 * case, flat resources) bring it with the request.
 */
const optioned = <A>(req: V1Request<A>, options: Options): V1Request<A> => {
  const out = { ...req, options, wire: toWire(options) }
  return needsNormalise(options) ? { ...out, normalise: normaliseAnswer } : out
}

/**
 * A builder's own options (`Search.query`'s `include` and `fields`, `Article.get`'s `include`) on its new request:
 * what `withOptions` would set (a new request has no other options, so only their query arguments are made, by
 * `query`), unless the request has issues: an invalid argument is one, and a request with issues is never sent.
 */
export const shaped = <A>(options: Shape, query: (options: Shape) => WireOptions['query'], req: V1Request<A>): V1Request<A> => {
  if (req.issues.length > 0) return req
  const wire = query(options)
  return wire.length === 0 ? req : { ...req, options, wire: { query: wire } }
}

/** Adds or replaces query arguments (camelCase names). Pipeable. */
export const withQuery =
  (query: Query) =>
  <A>(req: V1Request<A>): V1Request<A> => ({ ...req, query: { ...req.query, ...query } })

// ---------------------------------------------------------------------------------------------------------------
// List arguments: the paging arguments and a list's own (its filters), each described by a field table

/** Offset paging (spec §2.9): `offset` from 0; the server's default `limit` is 10. */
export interface OffsetArgs {
  readonly offset?: number
  readonly limit?: number
}

/** Cursor paging: items after (or before) the item with that id, in the collection's order; one of them at a time. */
export interface CursorArgs {
  readonly afterId?: number
  readonly beforeId?: number
  readonly limit?: number
}

/** A list's own arguments: every property of its argument type but the paging ones. */
type OwnArgs<A> = Omit<A, keyof OffsetArgs | keyof CursorArgs>

/** The table of a list's own arguments (its filters). */
export type ListFields<A> = Fields<OwnArgs<A>, unknown>

/** Rules between a list's own arguments, beside its table. */
export type ListRules<A> = (args: Partial<OwnArgs<A>>) => Issues

const OFFSET_FIELDS: Fields<OffsetArgs, unknown> = {
  offset: { wire: 'offset', check: V.nonNegativeInt },
  limit: { wire: 'limit', check: V.positiveInt }
}

const CURSOR_FIELDS: Fields<CursorArgs, unknown> = {
  afterId: { wire: 'afterId', check: V.positiveInt },
  beforeId: { wire: 'beforeId', check: V.positiveInt },
  limit: { wire: 'limit', check: V.positiveInt }
}

const oneCursor = (args: Partial<CursorArgs>): Issues =>
  V.when(args.afterId !== undefined && args.beforeId !== undefined, 'beforeId', 'only one of afterId and beforeId may be given')

/**
 * `args: must be an object`, or the issues of the paging arguments, then of the list's own `fields`, then the `rules`:
 * one table, checked once.
 */
const checkList = <A>(paging: object, args: A, fields?: ListFields<A>, rules?: (args: Partial<A>) => Issues): Issues =>
  checkFields({ ...paging, ...fields } as Fields<A, unknown>, NOTHING_REQUIRED, args, rules, 'args')

const ownQuery = <A>(args: A, fields: ListFields<A> | undefined): Query => (fields === undefined ? {} : (wireValues(fields, args) as Query))

/** The issues of offset-paged list arguments: `offset` and `limit`, then the list's own `fields` and `rules`. */
export const checkOffset = <A extends OffsetArgs>(args: A, fields?: ListFields<A>, rules?: ListRules<A>): Issues =>
  checkList(OFFSET_FIELDS, args, fields, rules)

/** The issues of cursor-paged list arguments: `afterId`, `beforeId` (one at a time) and `limit`, then the list's own. */
export const checkCursor = <A extends CursorArgs>(args: A, fields?: ListFields<A>, rules?: ListRules<A>): Issues =>
  checkList(CURSOR_FIELDS, args, fields, (a) => [...oneCursor(a), ...(rules?.(a) ?? [])])

// The paging names are in a list's query even when unset: the next page's query (paging.ts) sets its offset or cursor
// in their place, so every page is asked for in the same order (`?offset=10&limit=10`).

/** An offset-paged list's query: the wire values of its own `fields`, then `offset` and `limit`. */
export const offsetQuery = <A extends OffsetArgs>(args: A, fields?: ListFields<A>): Query => ({
  ...ownQuery(args, fields),
  offset: args?.offset,
  limit: args?.limit
})

/** A cursor-paged list's query: `afterId` and `beforeId`, the wire values of its own `fields`, then `limit`. */
export const cursorQuery = <A extends CursorArgs>(args: A, fields?: ListFields<A>): Query => ({
  afterId: args?.afterId,
  beforeId: args?.beforeId,
  ...ownQuery(args, fields),
  limit: args?.limit
})

/** An array of strings (legacy ids). */
export const checkStrings = (path: string, value: unknown): Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => V.isString(`${path}[${i}]`, v)) : [{ path, message: 'must be an array of strings' }]

// ---------------------------------------------------------------------------------------------------------------
// Notes and tags, shared by users, organizations and cases

/** A note on a user, an organization or a case (`POST …/notes`): internal text agents see, never the requester. */
export interface NewNote {
  readonly contents: string
  /** `contents` is HTML. */
  readonly isHtml?: boolean
  /** Ids of files uploaded with `File.upload` in the same session. */
  readonly attachmentFileIds?: ReadonlyArray<number>
}

const NOTE_FIELDS: Fields<NewNote, unknown> = {
  contents: { wire: 'contents', check: V.nonBlank },
  isHtml: { wire: 'isHtml', check: V.isBoolean },
  attachmentFileIds: { wire: 'attachmentFileIds', check: V.positiveInts, encode: csv }
}

const NOTE_REQUIRED: RequiredFields<NewNote> = { contents: true }

export const checkNote = (input: NewNote): Issues => checkFields(NOTE_FIELDS, NOTE_REQUIRED, input)

export const noteBody = (input: NewNote): Body => json(wireValues(NOTE_FIELDS, input))

/** A non-empty list of non-blank tag names. */
export const checkTags = (path: string, tags: unknown): Issues =>
  Array.isArray(tags) && tags.length > 0
    ? tags.flatMap((t, i) => V.nonBlank(`${path}[${i}]`, t))
    : [{ path, message: 'must be a non-empty array of tag names' }]
