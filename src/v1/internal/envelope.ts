/**
 * The v1 response envelope (spec §2.2–2.4): one shape for every answer. Read in snake_case with references nested,
 * as the server writes it by default; an answer asked for in another letter case or flat goes through a `Normalise`
 * step first (`normaliseDocument`), so the keys are snake_case and flat `resources` are resolved into `data`.
 */
import { apiError, causeText, httpError, redact, type ApiErrorEntry, type KayakoError } from '../../core/error'
import { redirectMessage, type HttpRequest, type HttpResponse } from '../../core/http'
import { checkJson, isObject, type JsonObject } from './flat'

/** The `type` of a {@link Notification}, which says how to show it to the user. */
export type NotificationType = 'ERROR' | 'WARNING' | 'INFO' | 'SUCCESS'

/** A message for the end user (localised), on any answer. */
export interface Notification {
  // The known types, and any other the server adds (kept as sent): the union documents the first.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  readonly type: NotificationType | string
  readonly message: string
  readonly sticky: boolean
  readonly relatedUrl?: string
  readonly relatedHref?: string
  readonly relatedLabel?: string
}

/** The `level` of a {@link Log}. */
export type LogLevel = 'ERROR' | 'WARNING' | 'NOTICE'

/** A message for the client's developers, on any answer. */
export interface Log {
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- as `Notification.type`
  readonly level: LogLevel | string
  readonly message: string
}

/** Navigation links of a collection; absent ones are `null`. */
export interface Links {
  readonly first: string | null
  readonly previous: string | null
  readonly next: string | null
  readonly last: string | null
}

/**
 * Every v1 answer, read the same whatever `_case` or `_flat` was asked for (spec §2.2–2.4): the data, the counts and
 * links of a collection, the session the server handed out, its errors, notifications and logs. A request's decoder
 * turns it into the result.
 */
export interface Envelope {
  readonly status: number | null
  /** The resource or collection, normalised (snake keys, references resolved). */
  readonly data: unknown
  /** The type of `data` (of its items, for a collection), snake_case. */
  readonly resource: string | null
  readonly totalCount: number | null
  readonly offset: number | null
  readonly limit: number | null
  readonly links: Links
  readonly sessionId: string | null
  /** The token of the next step of a multi-step Basic login (one-time password, expired password). A credential. */
  readonly authToken: string | null
  readonly errors: ReadonlyArray<ApiErrorEntry>
  readonly notifications: ReadonlyArray<Notification>
  readonly logs: ReadonlyArray<Log>
  /** The `Link` header, when the answer had one (`page` keeps it on the page, where `nextUrl` reads its `rel="next"`). */
  readonly link?: string
}

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
const objects = (value: unknown): ReadonlyArray<JsonObject> => (Array.isArray(value) ? value.filter(isObject) : [])

const strings = (value: unknown): ReadonlyArray<string> | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

/**
 * A library camelCase name on the wire (`caseId` → `case_id`, `moreInfo` → `more_info`). Only the library's own names
 * pass here (the builders' query and body names, the envelope's), none with an acronym, so the full `toSnake` of
 * answers (`letterCase.ts`) is not needed.
 */
export const wireName = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Copies the named fields the answer has (`null`, `''` and absent: it has not) into `out`, over its defaults, each
 * under its camelCase name, read from its snake_case one (`moreInfo` from `more_info`); `parameters` is a list of
 * strings.
 */
const copy = <T>(out: T, o: JsonObject, names: string): T => {
  for (const name of names.split(' ')) {
    const value = name === 'parameters' ? strings(o[name]) : str(o[wireName(name)])
    if (value != null) (out as Record<string, unknown>)[name] = value
  }
  return out
}

/** One `errors[]` entry with every field the server sent (`parameter(s)`, `pointer`, `more_info`). */
export const errorEntry = (o: JsonObject): ApiErrorEntry =>
  copy({ message: str(o.message) ?? str(o.code) ?? 'error' }, o, 'code parameter parameters pointer moreInfo')

const notification = (o: JsonObject): Notification =>
  copy({ type: 'INFO', message: '', sticky: o.sticky === true }, o, 'type message relatedUrl relatedHref relatedLabel')

const log = (o: JsonObject): Log => copy({ level: 'NOTICE', message: '' }, o, 'level message')

/** Reads the envelope of a normalised document; `undefined` when the document is not an object. */
export const readEnvelope = (document: unknown): Envelope | undefined => {
  if (!isObject(document)) return undefined
  return {
    status: num(document.status),
    data: document.data,
    resource: str(document.resource),
    totalCount: num(document.total_count),
    offset: num(document.offset),
    limit: num(document.limit),
    links: {
      first: str(document.first_url),
      previous: str(document.previous_url),
      next: str(document.next_url),
      last: str(document.last_url)
    },
    sessionId: str(document.session_id),
    authToken: str(document.auth_token),
    errors: objects(document.errors).map(errorEntry),
    notifications: objects(document.notifications).map(notification),
    logs: objects(document.logs).map(log)
  }
}

/** An answer's body as read: its envelope (an empty body's has no field), or why it is not JSON. */
export interface Parsed {
  /** `undefined` when the body is not JSON, or JSON but not an object. */
  readonly envelope?: Envelope | undefined
  /** Why the body is not JSON, when it is not. */
  readonly failure?: string | undefined
}

/**
 * Turns a parsed answer written with `_case` or `_flat` into the default form (`normaliseDocument`): given only to the
 * requests that ask for those (`withOptions`, the executor's `normalise`), so the bundles of the others leave it out.
 */
export type Normalise = (document: unknown, snake?: boolean) => unknown

/**
 * The parse step, bounded: at most `maxValues` values, counted in a linear pass before the tree is built. Without
 * `normalise` the document is read as the server writes it by default (snake_case, references nested).
 */
export const parseAnswer = (whole: string, maxValues: number, normalise?: Normalise): Parsed => {
  // A UTF-8 byte order mark: TextDecoder drops it, Buffer#toString keeps it; JSON.parse would refuse it
  const body = whole.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { envelope: readEnvelope({}) }
  // bounded before the tree is built: a body of tiny values would take many times its size in memory
  const problem = checkJson(body, maxValues)
  if (problem !== undefined) return { failure: problem }
  let failure = 'not JSON'
  try {
    const document: unknown = JSON.parse(body)
    // A document nested deeper than the stack allows (JSON.parse itself copes): unreadable, not a network failure.
    failure = 'unreadable document'
    // A document already in snake case is not copied (the copy was most of the garbage of a large list).
    return { envelope: readEnvelope(normalise === undefined ? document : normalise(document)) }
  } catch (thrown) {
    return { failure: `${failure} (${causeText(thrown)})` }
  }
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300

/** A failed answer: the server's `errors[]` when it sent any (and did not redirect), else the status with the body. */
export const failed = (operation: string, http: HttpRequest, response: HttpResponse, parsed: Parsed): KayakoError => {
  const redirect = redirectMessage(response)
  return redirect === undefined && parsed.envelope !== undefined && parsed.envelope.errors.length > 0
    ? apiError(operation, response.status, parsed.envelope.errors)
    : httpError(operation, redact(http), response.status, response.body, redirect)
}
