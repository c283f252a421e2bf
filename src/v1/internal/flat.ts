/**
 * One pass over a parsed v1 document that makes `_case` and `_flat` invisible to the decoders (spec §2.8):
 * - every key becomes snake_case, and so do the values of `resource_type` and `resource` (`caseStatus` → `case_status`);
 * - in flat mode, references `{ id, resource_type }` are replaced by the full resource from the top-level `resources`
 *   (object-keyed `{ type: { id: resource } }`, `{ type: [resource…] }`, or a plain array of resources), references
 *   inside those resources too. A reference whose target is absent stays a reference; a reference back to a resource
 *   that is still being resolved (a cycle) stays a reference, so resolution always terminates.
 * Each resource is resolved once and shared wherever it is referenced, so the work is linear in the document size.
 * Every normalised object keeps its original under `RAW`, for free-form maps whose keys are data, not names.
 */
import { toSnake } from './letterCase'

/** The original object a normalised object was made from (a symbol key: invisible to `Object.keys` and deep-equal). */
export const RAW: unique symbol = /*#__PURE__*/ Symbol.for('kayako-fp/v1/raw') as never

/**
 * Marks a resolved flat resource: one object that every place referring to it shares, which decoders then decode once
 * (every other object of a document is met once, and is decoded without remembering it).
 */
export const SHARED: unique symbol = /*#__PURE__*/ Symbol.for('kayako-fp/v1/shared') as never

export type JsonObject = { readonly [key: string]: unknown; readonly [RAW]?: unknown; readonly [SHARED]?: true }

const REFERENCE_KEYS: ReadonlySet<string> = /*#__PURE__*/ new Set(['id', 'uuid', 'resource_type', 'resource_url', 'legacy_id'])

export const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value)

/** `{ id, resource_type }` (or `uuid` for channels), optionally with `resource_url` / `legacy_id`: nothing else. */
export const isReferenceShape = (o: JsonObject): boolean => {
  if (typeof o.resource_type !== 'string') return false
  if (o.id === undefined && o.uuid === undefined) return false
  for (const key in o) if (!REFERENCE_KEYS.has(key)) return false
  return true
}

/** The key a reference or resource is indexed under. */
const referenceKey = (o: JsonObject): string | undefined => {
  const id = o.id ?? o.uuid
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

type Index = Map<string, Map<string, unknown>>

interface Context {
  readonly index: Index
  /** Each resolved resource once, with its height (levels of nesting under it, resolved references included). */
  readonly done: Map<unknown, { readonly value: JsonObject; readonly height: number }>
  readonly inProgress: Set<unknown>
  /** Levels open above the value being normalised. */
  depth: number
  /** The height of the value normalised last (a side result, so no pair is allocated per value). */
  height: number
  /** The document is already snake case: references are resolved into it where they stand, nothing is copied. */
  readonly inPlace: boolean
}

/**
 * Nesting no v1 answer comes near. A deeper document, or one whose flat references resolve deeper (a chain of
 * resources referring to each other), is unreadable: so neither this pass nor a decoder recurses deeper than this.
 */
export const MAX_DEPTH = 256

const TOO_DEEP = 'the document nests deeper than 256 levels'

const tooDeep = (): never => {
  throw new RangeError(TOO_DEEP)
}

const newContext = (inPlace = false): Context => ({ index: new Map(), done: new Map(), inProgress: new Set(), depth: 0, height: 0, inPlace })

/** An empty object without a prototype, frozen: the prototype of every normalised object. */
const NO_PROTOTYPE: object = /*#__PURE__*/ Object.freeze(Object.create(null) as object)

/**
 * Objects with nothing inherited: a key named `__proto__`, `constructor` or `toString` is data, never a prototype to
 * set or a property read through one. (Made from an empty prototype rather than `Object.create(null)`, which V8 keeps
 * in its slow dictionary mode: twice the time and memory on a large list.)
 */
const newObject = (): Record<string | symbol, unknown> => Object.create(NO_PROTOTYPE) as Record<string | symbol, unknown>

/** Reads a property of a raw (not yet normalised) object whatever its letter case. */
const rawProperty = (o: Record<string, unknown>, snakeName: string): unknown => {
  for (const key in o) if (toSnake(key) === snakeName) return o[key]
  return undefined
}

const addToIndex = (index: Index, type: string, id: string | undefined, resource: unknown): void => {
  if (id === undefined) return
  let byId = index.get(type)
  if (byId === undefined) index.set(type, (byId = new Map<string, unknown>()))
  byId.set(id, resource)
}

const rawId = (resource: Record<string, unknown>): string | undefined => {
  const id = rawProperty(resource, 'id') ?? rawProperty(resource, 'uuid')
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

const rawType = (resource: Record<string, unknown>): string | undefined => {
  const type = rawProperty(resource, 'resource_type')
  return typeof type === 'string' ? toSnake(type) : undefined
}

// UNCONFIRMED which endpoints send which shape (spec §2.8): all three are accepted.
const buildIndex = (resources: unknown): Index => {
  const index: Index = new Map()
  const addItem = (fallbackType: string | undefined, fallbackId: string | undefined, item: unknown): void => {
    if (!isObject(item)) return
    const raw = item as Record<string, unknown>
    addToIndex(index, rawType(raw) ?? fallbackType ?? '', rawId(raw) ?? fallbackId, item)
  }
  if (Array.isArray(resources)) {
    for (const item of resources) addItem(undefined, undefined, item)
  } else if (isObject(resources)) {
    for (const typeKey in resources) {
      const type = toSnake(typeKey)
      const group = resources[typeKey]
      if (Array.isArray(group)) for (const item of group) addItem(type, undefined, item)
      else if (isObject(group)) for (const id in group) addItem(type, id, group[id])
    }
  }
  return index
}

const normaliseValue = (value: unknown, ctx: Context): unknown => {
  if (Array.isArray(value)) {
    if (++ctx.depth > MAX_DEPTH) tooDeep()
    const out = ctx.inPlace ? value : new Array<unknown>(value.length)
    let height = 0
    for (let i = 0; i < value.length; i++) {
      out[i] = normaliseValue(value[i], ctx)
      if (ctx.height > height) height = ctx.height
    }
    ctx.depth--
    ctx.height = height + 1
    return out
  }
  if (!isObject(value)) {
    ctx.height = 0
    return value
  }
  const o = normaliseObject(value, ctx)
  if (ctx.index.size > 0 && isReferenceShape(o)) {
    // an unresolved reference (no target, or a cycle) keeps its own height: resolve changes it only when it resolves
    const target = ctx.index.get(o.resource_type as string)?.get(referenceKey(o) ?? '')
    if (target !== undefined) return resolve(target, ctx) ?? o
  }
  return o
}

const normaliseObject = (raw: JsonObject, ctx: Context): JsonObject => {
  if (++ctx.depth > MAX_DEPTH) tooDeep()
  // In place, every name is already snake and is written back where it was read (an own `__proto__` key too: an
  // assignment to an own property never reaches the prototype's setter).
  const out = ctx.inPlace ? (raw as Record<string | symbol, unknown>) : newObject()
  let height = 0
  for (const key in raw) {
    const name = toSnake(key)
    const value = raw[key]
    if ((name === 'resource_type' || name === 'resource') && typeof value === 'string') out[name] = toSnake(value)
    else {
      out[name] = normaliseValue(value, ctx)
      if (ctx.height > height) height = ctx.height
    }
  }
  if (!ctx.inPlace) out[RAW] = raw
  ctx.depth--
  ctx.height = height + 1
  return out
}

/** The resource a reference points to, normalised once; a resource reused deeper than it was made still counts. */
const resolve = (target: unknown, ctx: Context): JsonObject | undefined => {
  const done = ctx.done.get(target)
  if (done !== undefined) {
    if (ctx.depth + done.height > MAX_DEPTH) tooDeep()
    ctx.height = done.height
    return done.value
  }
  if (ctx.inProgress.has(target) || !isObject(target)) return undefined
  ctx.inProgress.add(target)
  const resolved = normaliseObject(target, ctx)
  ctx.inProgress.delete(target)
  ctx.done.set(target, { value: resolved, height: ctx.height })
  ;(resolved as { [SHARED]?: true })[SHARED] = true
  return resolved
}

/**
 * About twice the values of a real 32 MiB case list (1.3 million in the benchmark generator's list), so every answer
 * under the default `maxBodyBytes` decodes, and a body of tiny values stops before it is parsed.
 */
export const DEFAULT_MAX_VALUES = 2_500_000

/**
 * One linear pass over a JSON text before it is parsed: counts its values (every `{`, `[` and `,` outside strings:
 * one per object, array, member and item, give or take the last of each) and its nesting. `undefined` when within
 * the bounds, else why not. Whether the text is JSON at all is left to `JSON.parse`.
 */
export const checkJson = (text: string, maxValues: number): string | undefined => {
  let values = 0
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34 /* " */) {
      // to the closing quote: the first one after an even run of backslashes (each run is looked at once)
      for (let k: number; ;) {
        i = text.indexOf('"', i + 1)
        if (i < 0) return undefined
        for (k = i; text.charCodeAt(k - 1) === 92; k--);
        if ((i - k) % 2 === 0) break
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_DEPTH) return TOO_DEEP
      values++
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--
    else if (c === 44 /* , */) values++
    if (values > maxValues) return `more than ${maxValues} values (maxValues)`
  }
  return undefined
}

/** No name at any depth holds an upper-case letter: the document is in snake case already. */
export const isSnake = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.every(isSnake)
  if (!isObject(value)) return true
  for (const key in value) if (/[A-Z]/.test(key) || !isSnake(value[key])) return false
  return true
}

/**
 * Normalises a parsed response body: snake keys, snake resource types, flat `resources` resolved and removed. With
 * `snake` (every name is in snake case already) nothing is copied: a document without `resources` is its own normal
 * form, and the references of one with `resources` are resolved into it where they stand.
 */
export const normaliseDocument = (document: unknown, snake = false): unknown => {
  if (snake && isObject(document) && !('resources' in document)) return document
  if (!isObject(document)) return normaliseValue(document, newContext())
  const ctx = newContext(snake)
  const resources = rawProperty(document, 'resources')
  if (resources !== undefined) for (const [type, byId] of buildIndex(resources)) ctx.index.set(type, byId)
  const out = newObject()
  for (const key in document) {
    const name = toSnake(key)
    if (name === 'resources') continue
    const value = document[key]
    out[name] = name === 'resource' && typeof value === 'string' ? toSnake(value) : normaliseValue(value, ctx)
  }
  out[RAW] = document
  return out
}

/**
 * `normaliseDocument` for an answer just parsed (nobody else holds it, its nesting bounded by `checkJson`): one already
 * in snake case is read where it stands, not copied (the copy was most of the garbage of a large list).
 */
export const normaliseAnswer = (document: unknown): unknown => normaliseDocument(document, isSnake(document))

/** The original (not normalised) form of a normalised object, for maps whose keys are data. */
export const rawOf = (o: JsonObject): JsonObject => {
  const raw = o[RAW]
  return isObject(raw) ? raw : o
}
