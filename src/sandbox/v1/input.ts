// Reading request arguments and parameters: query strings, JSON / url-encoded bodies (names in any letter case), and
// typed field readers that collect the spec's field errors instead of failing on the first.
import { err, type ApiErr } from './errors'
import { toSnake } from './letterCase'
import { find, type Row, type Store } from './store'

export type Params = Readonly<Record<string, unknown>>

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Query arguments with snake-cased names; `ids[]=1&ids[]=2` becomes `ids` → `1,2`. In `fields` a literal `+` stays a
 * plus (the docs write `?fields=+full_name`; no field name has a space), elsewhere it is a space as in any form.
 */
export const readQuery = (search: string): Map<string, string> => {
  const query = new Map<string, string>()
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '')
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const rawName = decode((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '))
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1)
    const value = decode(toSnake(rawName.replace(/\[\]$/, '')) === 'fields' ? rawValue : rawValue.replace(/\+/g, ' '))
    const name = toSnake(rawName.replace(/\[\]$/, ''))
    const previous = query.get(name)
    query.set(name, previous === undefined || !rawName.endsWith('[]') ? value : `${previous},${value}`)
  }
  return query
}

const setPath = (target: Record<string, unknown>, rawName: string, value: string): void => {
  const m = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawName)
  if (m === null) {
    target[toSnake(rawName)] = value
    return
  }
  const name = toSnake(m[1] ?? rawName)
  const [key, ...deeper] = [...(m[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((k) => k[1] ?? '')
  if (key === undefined) {
    target[name] = value
  } else if (deeper.length === 0 && key === '') {
    const list = Array.isArray(target[name]) ? (target[name] as Array<unknown>) : []
    target[name] = [...list, value]
  } else {
    // field_values[product]=80: one level of map; keys are user data, not names, so they keep their case.
    const map = typeof target[name] === 'object' && target[name] !== null ? (target[name] as Record<string, unknown>) : {}
    map[key] = value
    target[name] = map
  }
}

export type BodyResult = { readonly ok: true; readonly params: Params } | { readonly ok: false; readonly message: string }

/** A JSON object or an url-encoded form; top-level names are read in any letter case. */
export const readBody = (body: string | Uint8Array | undefined, contentType: string): BodyResult => {
  const text = body === undefined ? '' : typeof body === 'string' ? body : new TextDecoder().decode(body)
  if (text.trim() === '') return { ok: true, params: {} }
  const type = contentType.toLowerCase()
  if (type.startsWith('multipart/')) {
    return { ok: false, message: 'The sandbox does not read multipart bodies: upload with POST /api/v1/files, then attach by id' }
  }
  if (type.includes('json') || /^\s*[[{]/.test(text)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return { ok: false, message: 'The request body is not valid JSON' }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return { ok: false, message: 'The request body must be a JSON object' }
    }
    const params: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(parsed)) params[toSnake(name)] = value
    return { ok: true, params }
  }
  const params: Record<string, unknown> = {}
  for (const [name, value] of new URLSearchParams(text)) setPath(params, name, value)
  return { ok: true, params }
}

interface FieldOptions {
  readonly required?: boolean
}

/** Typed readers over request parameters; every problem becomes a spec error in `errors`. */
export const fieldReader = (params: Params, store: Store) => {
  const errors: Array<ApiErr> = []
  const present = (name: string): boolean => params[name] !== undefined && params[name] !== null
  /** The field is not sent: true, and FIELD_REQUIRED when it must be. */
  const absent = (name: string, options?: FieldOptions): boolean => {
    if (present(name)) return false
    if (options?.required === true) errors.push(err('FIELD_REQUIRED', name))
    return true
  }
  const string = (name: string, options?: FieldOptions): string | undefined => {
    if (absent(name, options)) return undefined
    const value = params[name]
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    const text = String(value)
    if (options?.required === true && text.trim() === '') {
      errors.push(err('FIELD_EMPTY', name))
      return undefined
    }
    return text
  }
  const int = (name: string, options?: FieldOptions): number | undefined => {
    if (absent(name, options)) return undefined
    const value = params[name]
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n) || n < 0) {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    return n
  }
  const bool = (name: string): boolean | undefined => {
    if (!present(name)) return undefined
    const value = params[name]
    if (typeof value === 'boolean') return value
    if (value === 1 || value === '1' || value === 'true') return true
    if (value === 0 || value === '0' || value === 'false') return false
    errors.push(err('FIELD_INVALID', name))
    return undefined
  }
  const oneOf = <T extends string>(name: string, values: ReadonlyArray<T>, options?: FieldOptions): T | undefined => {
    const text = string(name, options)
    if (text === undefined) return undefined
    const upper = text.trim().toUpperCase() as T
    if (!values.includes(upper)) {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    return upper
  }
  /** A CSV string or an array of strings/numbers. */
  const list = (name: string, options?: FieldOptions): Array<string> | undefined => {
    if (absent(name, options)) return undefined
    const value = params[name]
    const items = Array.isArray(value) ? value : typeof value === 'string' || typeof value === 'number' ? String(value).split(',') : undefined
    if (items === undefined || items.some((i) => typeof i !== 'string' && typeof i !== 'number')) {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    return items.map((i) => String(i).trim()).filter((i) => i !== '')
  }
  const ids = (name: string, options?: FieldOptions): Array<number> | undefined => {
    const items = list(name, options)
    if (items === undefined) return undefined
    if (items.some((i) => !/^\d+$/.test(i))) {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    return items.map(Number)
  }
  /** An id that must name a stored row of `type`. */
  const existing = (name: string, type: string, options?: FieldOptions): Row | undefined => {
    const id = int(name, options)
    if (id === undefined) return undefined
    const row = find(store, type, id)
    if (row === undefined) errors.push(err('FIELD_INVALID', name))
    return row
  }
  const object = (name: string): Record<string, unknown> | undefined => {
    if (!present(name)) return undefined
    let value = params[name]
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value)
      } catch {
        value = undefined
      }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(err('FIELD_INVALID', name))
      return undefined
    }
    return value as Record<string, unknown>
  }
  return { errors, present, string, int, bool, oneOf, list, ids, existing, object }
}

export type FieldReader = ReturnType<typeof fieldReader>
