// Damaged versions of real response bodies for the property tests: byte flips, truncations, dropped and duplicated
// elements, deep nesting, huge numbers and values of the wrong type. Positions are drawn as naturals and taken
// modulo what the text offers, so every mutation applies to every text.
import * as fc from 'fast-check'

export type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly char: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'drop'; readonly element: number }
  | { readonly kind: 'duplicate'; readonly element: number; readonly times: number }
  | { readonly kind: 'nest'; readonly element: number; readonly depth: number }
  | { readonly kind: 'replace'; readonly element: number; readonly text: string }
  | { readonly kind: 'rename'; readonly element: number; readonly name: string }

const SPECIAL_CHARS = ['<', '>', '&', '/', '"', "'", ']', '=', '\0', '\uFFFF', '\uD800', 'é', '\n', ' ', '0', 'Z']

/** Texts that are not what a field expects: huge and odd numbers, other types, markup, entities. */
export const ODD_VALUES: ReadonlyArray<string> = [
  '9'.repeat(400),
  '-' + '9'.repeat(30),
  '9007199254740993',
  '4294967296',
  '1e308',
  '1e400',
  '-0',
  '0x1F',
  '1_000',
  ' 12 ',
  'NaN',
  'Infinity',
  'true',
  'null',
  '',
  '<x>1</x>',
  '<x/><y/>',
  '<![CDATA[<b>bold</b>]]>',
  '&lol9;',
  '&#x110000;',
  '&#0;',
  '&amp;&lt;',
  '\u202Eevil',
  'a'.repeat(5000)
]

const nat = fc.nat({ max: 1_000_000 })

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: nat,
    char: fc.oneof(fc.constantFrom(...SPECIAL_CHARS), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }))
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: nat }),
  fc.record({ kind: fc.constant('insert' as const), at: nat, text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...ODD_VALUES)) }),
  fc.record({ kind: fc.constant('drop' as const), element: nat }),
  fc.record({ kind: fc.constant('duplicate' as const), element: nat, times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('nest' as const), element: nat, depth: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 500, max: 2000 })) }),
  fc.record({ kind: fc.constant('replace' as const), element: nat, text: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.string({ maxLength: 30 })) }),
  fc.record({ kind: fc.constant('rename' as const), element: nat, name: fc.constantFrom('x', 'id', 'department', 'ticket', 'A', '_') })
)

export const mutations: fc.Arbitrary<ReadonlyArray<Mutation>> = fc.array(mutation, { minLength: 1, maxLength: 4 })

// ---------------------------------------------------------------------------------------------------------------
// XML

interface Span {
  readonly start: number
  /** Where the content starts (after the start tag) and ends (before the end tag). */
  readonly contentStart: number
  readonly contentEnd: number
  readonly end: number
  readonly name: string
}

const TAG = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)[^<>]*?(\/?)>/g

/** The elements of a (mostly) well-formed text, by a tolerant scan: whatever does not match up is skipped. */
export const xmlElements = (text: string): ReadonlyArray<Span> => {
  const spans: Array<Span> = []
  const open: Array<{ name: string; start: number; contentStart: number }> = []
  for (const m of text.matchAll(TAG)) {
    const name = m[2]
    if (name === undefined) continue
    const at = m.index ?? 0
    if (m[3] === '/') spans.push({ start: at, contentStart: at + m[0].length, contentEnd: at + m[0].length, end: at + m[0].length, name })
    else if (m[1] !== '/') open.push({ name, start: at, contentStart: at + m[0].length })
    else {
      let index = open.length - 1
      while (index >= 0 && open[index]?.name !== name) index--
      if (index < 0) continue
      const o = open[index] as { name: string; start: number; contentStart: number }
      open.length = index
      spans.push({ start: o.start, contentStart: o.contentStart, contentEnd: at, end: at + m[0].length, name })
    }
  }
  return spans
}

const pick = <A>(items: ReadonlyArray<A>, n: number): A | undefined => (items.length === 0 ? undefined : items[n % items.length])

export const mutateXml = (text: string, m: Mutation): string => {
  switch (m.kind) {
    case 'flip': {
      if (text.length === 0) return m.char
      const at = m.at % text.length
      return text.slice(0, at) + m.char + text.slice(at + 1)
    }
    case 'truncate':
      return text.slice(0, m.at % Math.max(1, text.length))
    case 'insert': {
      const at = m.at % (text.length + 1)
      return text.slice(0, at) + m.text + text.slice(at)
    }
    default: {
      const span = pick(xmlElements(text), m.element)
      if (span === undefined) return text
      const whole = text.slice(span.start, span.end)
      const before = text.slice(0, span.start)
      const after = text.slice(span.end)
      switch (m.kind) {
        case 'drop':
          return before + after
        case 'duplicate':
          return before + whole.repeat(m.times + 1) + after
        case 'nest':
          return before + '<n>'.repeat(m.depth) + whole + '</n>'.repeat(m.depth) + after
        case 'replace':
          return text.slice(0, span.contentStart) + m.text + text.slice(span.contentEnd)
        case 'rename': {
          const inner = whole.slice(1 + span.name.length)
          const renamedEnd = inner.endsWith(`</${span.name}>`) ? inner.slice(0, -(span.name.length + 3)) + `</${m.name}>` : inner
          return `${before}<${m.name}${renamedEnd}${after}`
        }
      }
    }
  }
}

/** Mutations compound (a deeply nested element duplicated fifty times…): past this size a mutation is skipped. */
const MAX_TEXT = 256 * 1024

const bounded =
  (mutate: (text: string, m: Mutation) => string) =>
  (text: string, m: Mutation): string => {
    const next = mutate(text, m)
    return next.length > MAX_TEXT ? text : next
  }

export const applyXml = (text: string, ms: ReadonlyArray<Mutation>): string => ms.reduce(bounded(mutateXml), text)

// ---------------------------------------------------------------------------------------------------------------
// JSON (v1): element mutations act on the parsed value; text mutations on the text.

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

const ODD_JSON: ReadonlyArray<Json> = [
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  // eslint-disable-next-line no-loss-of-precision -- on purpose: 2^53 + 1 reads back as 2^53
  9007199254740993,
  '9'.repeat(400),
  '',
  'not a date',
  [],
  {},
  [null],
  { id: 'x' },
  'a'.repeat(5000)
]

/** Every container path in a value (objects and arrays), root first, down to 64 levels (a nested value is copied). */
const jsonPaths = (value: Json, path: ReadonlyArray<string | number> = [], out: Array<ReadonlyArray<string | number>> = []) => {
  if (value !== null && typeof value === 'object' && path.length < 64) {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k
      out.push([...path, key])
      jsonPaths(v, [...path, key], out)
    }
  }
  return out
}

const update = (value: Json, path: ReadonlyArray<string | number>, f: (parent: Json, key: string | number) => Json): Json => {
  if (path.length === 1 || value === null || typeof value !== 'object') return f(value, path[0] as string | number)
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? update(v, rest, f) : v))
  const obj = value as { readonly [key: string]: Json }
  return { ...obj, [head as string]: update(obj[head as string] as Json, rest, f) }
}

/** Mutations of a document already nested thousands deep may exceed this helper's own stack: those are skipped. */
export const mutateJson = (text: string, m: Mutation): string => {
  try {
    return mutateJsonUnsafe(text, m)
  } catch (thrown) {
    if (thrown instanceof RangeError) return text
    throw thrown
  }
}

const mutateJsonUnsafe = (text: string, m: Mutation): string => {
  if (m.kind === 'flip' || m.kind === 'truncate' || m.kind === 'insert') return mutateXml(text, m)
  let value: Json
  try {
    value = JSON.parse(text) as Json
  } catch {
    return text
  }
  const path = pick(jsonPaths(value), m.element)
  if (path === undefined) return text
  const changed = update(value, path, (parent, key) => {
    if (parent === null || typeof parent !== 'object') return parent
    const list = Array.isArray(parent) ? [...(parent as ReadonlyArray<Json>)] : undefined
    const obj = list === undefined ? { ...(parent as { readonly [key: string]: Json }) } : undefined
    const current = list !== undefined ? list[key as number] : obj?.[key as string]
    const set = (v: Json | undefined): Json => {
      if (list !== undefined) {
        if (v === undefined) list.splice(key as number, 1)
        else list[key as number] = v
        return list
      }
      const o = obj as Record<string, Json>
      if (v === undefined) Reflect.deleteProperty(o, key)
      else o[key as string] = v
      return o
    }
    switch (m.kind) {
      case 'drop':
        return set(undefined)
      case 'duplicate':
        if (list !== undefined) {
          list.splice(key as number, 0, ...Array.from({ length: m.times }, () => current as Json))
          return list
        }
        return set(Array.from({ length: m.times + 1 }, () => current as Json))
      case 'nest': {
        let nested: Json = current ?? null
        for (let i = 0; i < m.depth; i++) nested = i % 2 === 0 ? [nested] : { n: nested }
        return set(nested)
      }
      case 'replace':
        return set(ODD_JSON[m.text.length % ODD_JSON.length] ?? null)
      case 'rename': {
        if (obj === undefined) return set(m.name)
        const o = obj as Record<string, Json>
        Reflect.deleteProperty(o, key)
        o[m.name] = current ?? null
        return o
      }
    }
  })
  return JSON.stringify(changed)
}

export const applyJson = (text: string, ms: ReadonlyArray<Mutation>): string => ms.reduce(bounded(mutateJson), text)
