// Response options of a request (spec §2.7, §2.8): `_case`, `_empty` / `X-Options: no_empty`, `_flat` /
// `X-Options: flat`, `include`, `fields`.
import { err, type ApiErr } from './errors'
import { toSnake, type LetterCase } from './letterCase'

/** Partial output (spec §2.7): `fields=title` (explicit list), `+name` / `-name`, `role(+title)`, `*`, `*(*)`. */
export interface FieldSpec {
  /** Names listed without `+`/`-`: when there are any, only they (and the id) are returned. */
  readonly listed: Set<string>
  readonly add: Set<string>
  readonly remove: Set<string>
  /** `*`: every field, default or not. */
  all: boolean
  readonly nested: Map<string, FieldSpec>
  /** `*(…)`: the spec for every nested resource; `*(*)` points at itself (all fields at any level). */
  nestedAny?: FieldSpec
}

const emptySpec = (): FieldSpec => ({ listed: new Set(), add: new Set(), remove: new Set(), all: false, nested: new Map() })

/** Splits on commas outside parentheses; `undefined` when the parentheses do not balance. */
const splitTop = (text: string): Array<string> | undefined => {
  const parts: Array<string> = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return undefined
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  if (depth !== 0) return undefined
  parts.push(text.slice(start))
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}

export const parseFields = (text: string): FieldSpec | undefined => {
  const parts = splitTop(text)
  if (parts === undefined) return undefined
  const spec = emptySpec()
  for (const part of parts) {
    const m = /^([+-]?)\s*(\*|[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(part)
    if (m === null) return undefined
    const [, sign, rawName, inner] = m as unknown as [string, string, string, string | undefined]
    const name = rawName === '*' ? '*' : toSnake(rawName)
    const nested = inner === undefined ? undefined : parseFields(inner)
    if (inner !== undefined && nested === undefined) return undefined
    if (name === '*') {
      if (sign === '-') return undefined
      spec.all = true
      if (nested !== undefined) {
        const selfLoop = nested.all && nested.listed.size + nested.add.size + nested.remove.size + nested.nested.size === 0
        spec.nestedAny = selfLoop ? spec : nested
      }
      continue
    }
    if (sign === '-') spec.remove.add(name)
    else if (sign === '+') spec.add.add(name)
    else spec.listed.add(name)
    if (nested !== undefined) spec.nested.set(name, nested)
  }
  return spec
}

export interface View {
  readonly letterCase: LetterCase
  readonly dropEmpty: boolean
  readonly flat: boolean
  /** Resource types to expand; `'all'` for `include=*`; `undefined` when the request named none. */
  readonly include: ReadonlySet<string> | 'all' | undefined
  readonly fields: FieldSpec | undefined
}

export const DEFAULT_VIEW: View = { letterCase: 'snake', dropEmpty: false, flat: false, include: undefined, fields: undefined }

const truthy = (v: string): boolean => /^(true|1|yes)$/i.test(v.trim())
const falsy = (v: string): boolean => /^(false|0|no)$/i.test(v.trim())

/**
 * Reads the options from the (snake-cased) query and the `X-Options` header. `X-Options` is the documented grammar
 * only: names exactly as documented (`flat`, `no_empty`), separated by `,` (spec §2.8, "separate options with `,`");
 * anything else is not an option. Its tolerance of case and white space is UNCONFIRMED, so it is the opt-in
 * `v1-loose-x-options` (`looseXOptions`).
 */
export const parseView = (
  query: ReadonlyMap<string, string>,
  xOptions: string | undefined,
  looseXOptions = false
): { readonly view: View; readonly errors: ReadonlyArray<ApiErr> } => {
  const errors: Array<ApiErr> = []
  const names = (xOptions ?? '').split(',')
  const options = new Set(looseXOptions ? names.map((o) => o.trim().toLowerCase()) : names)
  let letterCase: LetterCase = 'snake'
  const rawCase = query.get('_case')
  if (rawCase !== undefined) {
    const c = rawCase.trim().toLowerCase()
    if (c === 'snake' || c === 'camel' || c === 'pascal') letterCase = c
    else errors.push(err('FIELD_INVALID', '_case'))
  }
  const rawEmpty = query.get('_empty')
  if (rawEmpty !== undefined && !truthy(rawEmpty) && !falsy(rawEmpty)) errors.push(err('FIELD_INVALID', '_empty'))
  const rawFlat = query.get('_flat')
  if (rawFlat !== undefined && !truthy(rawFlat) && !falsy(rawFlat)) errors.push(err('FIELD_INVALID', '_flat'))
  const dropEmpty = (rawEmpty !== undefined && falsy(rawEmpty)) || options.has('no_empty')
  const flat = (rawFlat !== undefined && truthy(rawFlat)) || options.has('flat')
  const rawInclude = query.get('include')
  let include: View['include']
  if (rawInclude !== undefined) {
    const names = rawInclude
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '')
    include = names.includes('*') ? 'all' : new Set(names.map(toSnake))
  }
  const rawFields = query.get('fields')
  let fields: FieldSpec | undefined
  if (rawFields !== undefined && rawFields.trim() !== '') {
    fields = parseFields(rawFields)
    if (fields === undefined) errors.push(err('FIELD_INVALID', 'fields'))
  }
  return { view: { letterCase, dropEmpty, flat, include, fields }, errors }
}
