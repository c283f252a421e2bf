/**
 * Argument checks shared by every builder. Each check returns the issues it found (none = valid), so a builder can
 * list every problem at once; the executor answers a description with issues by `ValidationError`, sending nothing.
 */
import type { ValidationIssue } from './error'

/** The problems a check found with a builder's arguments; empty when they are valid. */
export type Issues = ReadonlyArray<ValidationIssue>

const issue = (path: string, message: string): Issues => [{ path, message }]

export const issues = (...groups: ReadonlyArray<Issues>): Issues => groups.flat()

export const positiveInt = (path: string, value: unknown): Issues =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? [] : issue(path, `must be a positive integer, got ${show(value)}`)

export const nonNegativeInt = (path: string, value: unknown): Issues =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? [] : issue(path, `must be a non-negative integer, got ${show(value)}`)

export const positiveInts = (path: string, value: unknown): Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => positiveInt(`${path}[${i}]`, v)) : issue(path, 'must be an array of positive integers')

export const nonBlank = (path: string, value: unknown): Issues =>
  typeof value === 'string' && value.trim() !== '' ? [] : issue(path, 'is required and must not be blank')

export const isString = (path: string, value: unknown): Issues => (typeof value === 'string' ? [] : issue(path, `must be a string, got ${show(value)}`))

export const isBoolean = (path: string, value: unknown): Issues => (typeof value === 'boolean' ? [] : issue(path, `must be true or false, got ${show(value)}`))

export const oneOf = (path: string, value: unknown, values: ReadonlyArray<string | number>): Issues =>
  values.includes(value as string | number) ? [] : issue(path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(value)}`)

/**
 * Deliberately simple: one @, no white space, a dot inside the domain. The server applies its own stricter check.
 * One pass over the text (the regex it replaces, `^[^\s@]+@[^\s@]+\.[^\s@]+$`, backtracks quadratically).
 */
const isEmail = (text: string): boolean => {
  const at = text.indexOf('@')
  if (at < 1 || /[\s@]/.test(text.slice(at + 1)) || /\s/.test(text.slice(0, at))) return false
  const dot = text.indexOf('.', at + 2)
  return dot >= 0 && dot < text.length - 1
}

export const email = (path: string, value: unknown): Issues =>
  typeof value === 'string' && isEmail(value) ? [] : issue(path, `must be an e-mail address, got ${show(value)}`)

export const date = (path: string, value: unknown): Issues =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? [] : issue(path, 'must be a valid Date')

/** Runs the check only when the value is present (not undefined). */
export const optional = <A>(value: A | undefined, check: (value: A) => Issues): Issues => (value === undefined ? [] : check(value))

/** An issue when the condition holds. */
export const when = (condition: boolean, path: string, message: string): Issues => (condition ? issue(path, message) : [])

/** Input must be a plain object (builders receive untyped data from JavaScript callers too). */
export const record = (path: string, value: unknown): Issues =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? [] : issue(path, 'must be an object')

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value)
  return Array.isArray(value) ? 'an array' : typeof value
}

/** Checks an input object: `must be an object` when it is not one, else the given checks. */
export const input = <A>(value: A, check: (value: A) => Issues, path = 'input'): Issues => {
  const notRecord = record(path, value)
  return notRecord.length > 0 ? notRecord : check(value)
}

/** Builds a part of a request only from valid arguments (an invalid request is never sent, so it needs none). */
export const whenValid = <A>(found: Issues, build: () => ReadonlyArray<A>): ReadonlyArray<A> => (found.length > 0 ? [] : build())

/**
 * A secret (a password): a non-blank string. The message never shows the value, whatever it is, so a password
 * cannot reach an error, a log line or a message.
 */
export const secret = (path: string, value: unknown): Issues =>
  typeof value === 'string' && value.trim() !== '' ? [] : issue(path, 'must be a non-blank string (not shown)')

/** An integer from `min` to `max`, both included. */
export const intBetween = (path: string, value: unknown, min: number, max: number): Issues =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
    ? []
    : issue(path, `must be an integer from ${min} to ${max}, got ${show(value)}`)

/**
 * Why a value is not an absolute http(s) URL, or `undefined` when it is one. The value is never shown: a URL may carry
 * a password in its user-info part.
 */
export const notHttpUrl = (value: unknown): string | undefined => {
  try {
    if (/^https?:$/.test(new URL(value as string).protocol)) return undefined
  } catch {
    // not a URL at all (absent, relative, without its protocol): the same answer
  }
  return 'must be an absolute http(s) URL'
}

/** An executor's `url`: an absolute http(s) URL. */
export const httpUrl = (path: string, value: unknown): Issues => {
  const problem = notHttpUrl(value)
  return problem === undefined ? [] : issue(path, problem)
}

/** A check of one field of a configuration: its issues, named by `path`. */
export type FieldCheck = (path: string, value: unknown) => Issues

/** A callback or a transport: a function when given. */
export const callback: FieldCheck = (path, value) => (value === undefined || typeof value === 'function' ? [] : issue(path, 'must be a function'))

/** `maxBodyBytes`, `deadlineMs`: a positive number when given (`Infinity` for none). */
const limit: FieldCheck = (path, value) =>
  value === undefined || (typeof value === 'number' && value > 0) ? [] : issue(path, 'must be a positive number (Infinity for none)')

/** The checks of `c`'s fields, each under `path`, in the order of `checks`. */
export const fieldIssues = (c: Record<string, unknown>, path: string, checks: Readonly<Record<string, FieldCheck>>): Issues =>
  Object.entries(checks).flatMap(([name, check]) => check(`${path}.${name}`, c[name]))

/**
 * The checks of an executor's configuration: an object (`shape` says which fields it needs), its `url` an http(s) URL,
 * then its own fields (`own`), then `transport`, `maxBodyBytes` and `deadlineMs` when given. A configuration that
 * cannot be read (a getter that throws) is refused the same way: checking never throws.
 */
export const configIssues = (config: unknown, shape: string, own: Readonly<Record<string, FieldCheck>>): Issues => {
  try {
    if (config !== null && typeof config === 'object')
      return fieldIssues(config as Record<string, unknown>, 'config', { url: httpUrl, ...own, transport: callback, maxBodyBytes: limit, deadlineMs: limit })
  } catch {
    // a getter that throws: the configuration cannot be read
  }
  return issue('config', `must be a readable object ${shape}`)
}
