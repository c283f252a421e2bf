/**
 * XML for the Classic API: the parser adapter (txml by default, swappable), the document step (cut any PHP notice
 * before `<?xml`, find the root, detect truncation) and the element leaf of the decoder vocabulary (`core/decoder.ts`):
 * how a field finds its child elements and attributes, text conversions, the documents' plural and singular forms.
 *
 * The decoders work on elements, never on a simplified object: repeated elements stay arrays, attributes stay
 * attributes, and children a decoder does not know are kept in `extra`.
 */
import * as E from '../../core/either'
import * as O from '../../core/option'
import { parse } from 'txml/txml'
import { fromBase64 } from '../../core/bytes'
import { atKey, failure, readFields, success, traverseIndexed, type Decoded, type Decoder, type FieldOf, type FieldValues } from '../../core/decoder'
import { checkRoot, childrenNamed, nameAt, ScanView, scanWith, textAt, type Scannable, type Scanned, type Slots } from './scan'

/** An element of a parsed Classic answer, as the `XmlParser` gives it (what Classic decoders read). */
export interface XmlElement {
  readonly tagName: string
  readonly attributes: Readonly<Record<string, string | null>>
  readonly children: ReadonlyArray<XmlNode>
}
/** A node of a parsed answer: an element or a text. */
export type XmlNode = XmlElement | string

/** Text → nodes. Must not expand custom entities. May throw: the document step catches. */
export type XmlParser = (text: string) => ReadonlyArray<XmlNode>

/** txml with safe options: no void elements, predefined and numeric entities only, declaration skipped. */
export const txmlParser: XmlParser = (text) =>
  parse(text, {
    selfClosingTags: [],
    decodeEntities: true,
    skipXmlDeclaration: true,
    keepComments: false
  })

/** Children a decoder did not consume: element name → the elements; an unknown attribute `a` → `'@a'` → its value. */
export type Extra = Readonly<Record<string, ReadonlyArray<XmlNode>>>

export interface XmlDocument {
  readonly root: XmlElement
  /** Text the server printed before the XML declaration (a PHP notice or warning), trimmed; '' when none. */
  readonly notice: string
}

export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string'

const DECLARATION = '<?xml'

/**
 * Strips tags and collapses white space: how a non-XML error body is shown. A tag is `<` up to the next `>` with no
 * `<` in between, so a body of `<` costs one pass (`<[^>]*>` backtracks quadratically over it).
 */
export const plainText = (body: string): string =>
  body
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

export { checkDocument, DEFAULT_MAX_ELEMENTS, MAX_DEPTH } from './scan'

const isNodeList = (value: unknown): value is ReadonlyArray<XmlNode> => Array.isArray(value)

/**
 * Where the document starts in a response body and where its root is in it, once found well-formed and within
 * `maxElements`; else why not.
 */
const checkedStart = (body: string, maxElements: number | undefined): E.Either<string, readonly [number, Scanned]> => {
  const start = body.indexOf(DECLARATION)
  if (start < 0) {
    const text = plainText(body)
    return E.left(text === '' ? 'empty body, expected an XML document' : `not an XML document: ${text.slice(0, 300)}`)
  }
  // txml is lenient (it accepts unclosed tags and CDATA, and would return fewer items), and the scanner trusts the
  // grammar: check first, in one pass
  const checked = checkRoot(body.slice(start), maxElements)
  return typeof checked !== 'string' ? E.right([start, checked]) : E.left(checked.startsWith('more than') ? checked : `malformed XML: ${checked}`)
}

/** Finds the document in a response body and parses it with `parser`. `Left` carries a message for a `ParseError`. */
export const parseWith = (body: string, parser: XmlParser, maxElements?: number): E.Either<string, XmlDocument> => {
  const start = checkedStart(body, maxElements)
  if (E.isLeft(start)) return start
  let nodes: unknown
  try {
    nodes = parser(body.slice(start.right[0]))
  } catch (thrown) {
    return E.left(`malformed XML: ${thrown instanceof Error ? thrown.message.split('\n')[0] : 'parser failed'}`)
  }
  // A parser of the user's may answer anything.
  const root = isNodeList(nodes) ? nodes.find((n) => isElement(n) && /^[A-Za-z_]/.test(n.tagName)) : undefined
  if (root === undefined || !isElement(root)) return E.left('no root element')
  return E.right({ root, notice: plainText(body.slice(0, start.right[0])) })
}

/** `parseWith` txml by default (tests and tools; the executor names its parser, so txml is only in bundles that use it). */
export const parseDocument = (body: string, parser: XmlParser = txmlParser, maxElements?: number): E.Either<string, XmlDocument> =>
  parseWith(body, parser, maxElements)

/** A document for the scanner (`scan.ts`): the text from the declaration on and its element index (the root is 0). */
export interface ScannedDocument {
  readonly scanned: Scanned
  readonly notice: string
}

/** Finds the document in a response body for the scanner: the same checks and `Left`s as `parseDocument`, no tree. */
export const scanDocument = (body: string, maxElements?: number): E.Either<string, ScannedDocument> => {
  const checked = checkedStart(body, maxElements)
  if (E.isLeft(checked)) return checked
  const [start, scanned] = checked.right
  // the root as txml's reading finds it (the parse step's rule)
  return /^[A-Za-z_]/.test(scanned.text.charAt((scanned.index[0] as number) + 1))
    ? E.right({ scanned, notice: plainText(body.slice(0, start)) })
    : E.left('no root element')
}

// ---------------------------------------------------------------------------------------------------------------
// Reading elements

/** The text of an element: its text and CDATA children joined; `<tag />` and container elements give ''. */
export const textOf = (el: XmlElement): string => {
  let out = ''
  for (const child of el.children) if (typeof child === 'string') out += child
  return out
}

export const childElements = (el: XmlElement, tagName?: string): ReadonlyArray<XmlElement> =>
  el.children.filter((c): c is XmlElement => isElement(c) && (tagName === undefined || c.tagName === tagName))

/** The text of the first child element with that name, if any. */
export const childText = (el: XmlElement, tagName: string): string | undefined => {
  for (const c of el.children) if (isElement(c) && c.tagName === tagName) return textOf(c)
  return undefined
}

/** Text of an `extra` entry: the text of its first element, or the attribute value. */
export const extraText = (extra: Extra, name: string): string | undefined => {
  const first = Object.hasOwn(extra, name) ? extra[name]?.[0] : undefined
  return first === undefined ? undefined : typeof first === 'string' ? first : textOf(first)
}

// ---------------------------------------------------------------------------------------------------------------
// Scalar conversions (text → value)

const INTEGER = /^[-+]?\d+$/

export const toInt = (text: string): Decoded<number> => {
  const t = text.trim()
  if (t === '') return success(0)
  if (!INTEGER.test(t)) return failure(text, 'expected an integer')
  const n = Number(t)
  return Number.isSafeInteger(n) ? success(n) : failure(text, 'integer out of range')
}

export const toNumber = (text: string): Decoded<number> => {
  const t = text.trim()
  if (t === '') return success(0)
  const n = Number(t)
  return Number.isFinite(n) ? success(n) : failure(text, 'expected a number')
}

// Values decoded over and over, each one `Right` for every element (fewer objects per decoded entity: memory walks).
const TRUE = /*#__PURE__*/ success(true)
const FALSE = /*#__PURE__*/ success(false)
const NEVER = /*#__PURE__*/ success(null)

/** `1`/`0` as the server sends them; `true`/`false` as hand-written documents do; empty = false. */
export const toBool = (text: string): Decoded<boolean> => {
  switch (text.trim().toLowerCase()) {
    case '1':
    case 'true':
      return TRUE
    case '0':
    case 'false':
    case '':
      return FALSE
    default:
      return failure(text, 'expected 0 or 1')
  }
}

/** Unix seconds; `0` (or empty) means "never" → null. */
export const toTimestamp = (text: string): Decoded<Date | null> => {
  const t = text.trim()
  if (t === '' || t === '0') return NEVER
  if (!INTEGER.test(t)) return failure(text, 'expected a Unix timestamp')
  const d = new Date(Number(t) * 1000)
  return Number.isNaN(d.getTime()) ? failure(text, 'timestamp out of range') : success(d)
}

export const toBytes = (text: string): Decoded<Uint8Array> => {
  const r = fromBase64(text)
  return E.isLeft(r) ? failure(text.slice(0, 40), 'expected Base64') : success(r.right)
}

/** A value of a fixed set, compared without regard to case and surrounding white space. */
export const toLiteral =
  <L extends string>(...values: ReadonlyArray<L>) =>
  (text: string): Decoded<L> => {
    const t = text.trim().toLowerCase()
    const found = values.find((v) => v.toLowerCase() === t)
    return found === undefined ? failure(text, `expected one of ${values.join(', ')}`) : success(found)
  }

// ---------------------------------------------------------------------------------------------------------------
// Fields: what a struct reads from an element

/** A piece of an element: which child names and attributes it reads (the rest goes to `extra`), and how. */
export interface Field<A> extends FieldOf<ElementView, A> {
  readonly elements: ReadonlyArray<string>
  readonly attributes: ReadonlyArray<string>
}

/** An element read by a conversion of its text: `list('usergroupid', textAs(toInt))`. */
export const textAs = <A>(convert: (text: string) => Decoded<A>): Scannable<A> => ({
  decode: (el) => convert(textOf(el)),
  scan: (doc, k) => convert(textAt(doc, k))
})

/**
 * What a field reads of one element, the same whether the element was parsed into a tree (`treeView`) or is read
 * from the text (`ScanView` in `scan.ts`): its children by name (handles only the view reads), attributes, texts.
 */
export interface ElementView {
  readonly name: string
  /** The child elements with that name, in order; [] when none. */
  readonly named: (name: string) => ReadonlyArray<unknown>
  /** The first child element with that name. */
  readonly first: (name: string) => unknown
  /** The attribute's value; undefined when absent. */
  readonly attribute: (name: string) => string | undefined
  readonly ownText: () => string
  readonly textOf: (child: unknown) => string
  readonly decode: <A>(decoder: Decoder<XmlElement, A>, child: unknown) => Decoded<A>
  /** The children named `itemTag` of a child (a container). */
  readonly itemsOf: (child: unknown, itemTag: string) => ReadonlyArray<unknown>
  /** What `extra` keeps: the child names in the order they first appear, their elements, the attributes. */
  readonly names: () => Iterable<string>
  readonly elements: (name: string) => ReadonlyArray<XmlElement>
  readonly attributes: () => Iterable<readonly [string, string]>
}

const NONE: ReadonlyArray<never> = []

/** The view of a parsed element, its children indexed by name once. */
const treeView = (element: XmlElement): ElementView => {
  const byName = new Map<string, Array<XmlElement>>()
  for (const c of element.children) {
    if (typeof c === 'string') continue
    const list = byName.get(c.tagName)
    if (list === undefined) byName.set(c.tagName, [c])
    else list.push(c)
  }
  const named = (name: string): ReadonlyArray<XmlElement> => byName.get(name) ?? NONE
  return {
    name: element.tagName,
    named,
    first: (name) => byName.get(name)?.[0],
    attribute: (name) => (Object.hasOwn(element.attributes, name) ? (element.attributes[name] ?? undefined) : undefined),
    ownText: () => textOf(element),
    textOf: (child) => textOf(child as XmlElement),
    decode: (decoder, child) => decoder.decode(child as XmlElement),
    itemsOf: (child, itemTag) => childElements(child as XmlElement, itemTag),
    names: () => byName.keys(),
    elements: named,
    attributes: () => Object.entries(element.attributes).map(([name, value]) => [name, value ?? ''] as const)
  }
}

/**
 * A child element's text converted; a missing child gives `missing` (older servers omit fields, so missing is
 * tolerated) unless `missing` is undefined, which makes the child required.
 */
const childField = <A>(tagName: string, convert: (text: string) => Decoded<A>, missing: A | undefined): Field<A> => {
  const absent = missing === undefined ? atKey(tagName)(failure(undefined, 'required element is missing')) : success(missing)
  return {
    elements: [tagName],
    attributes: [],
    read: (v) => {
      const el = v.first(tagName)
      if (el === undefined) return absent
      const r = convert(v.textOf(el))
      return E.isLeft(r) ? atKey(tagName)(r) : r
    }
  }
}

export const text = (tagName: string): Field<string> => childField(tagName, success, '')
export const int = (tagName: string): Field<number> => childField(tagName, toInt, 0)
export const num = (tagName: string): Field<number> => childField(tagName, toNumber, 0)
export const bool = (tagName: string): Field<boolean> => childField(tagName, toBool, false)
export const timestamp = (tagName: string): Field<Date | null> => childField(tagName, toTimestamp, null)
export const bytes = (tagName: string): Field<Uint8Array> => childField(tagName, toBytes, new Uint8Array(0))
export const literal = <L extends string>(tagName: string, values: ReadonlyArray<L>, missing?: L): Field<L> =>
  childField(tagName, toLiteral(...values), missing)

/** The child must be present (identifiers). */
export const requiredInt = (tagName: string): Field<number> => childField(tagName, toInt, undefined)
export const requiredText = (tagName: string): Field<string> => childField(tagName, success, undefined)

/** An optional child, decoded (`textAs(convert)` reads a text): `none` when absent. */
export const optional = <A>(tagName: string, item: Decoder<XmlElement, A>): Field<O.Option<A>> => ({
  elements: [tagName],
  attributes: [],
  read: (v) => {
    const el = v.first(tagName)
    return el === undefined ? success(O.none) : E.map((a: A) => O.some(a))(atKey(tagName)(v.decode(item, el)))
  }
})

const attrField = <A>(name: string, convert: (text: string) => Decoded<A>, missing: A | undefined): Field<A> => ({
  elements: [],
  attributes: [name],
  read: (v) => {
    const value = v.attribute(name)
    if (value === undefined) {
      return missing === undefined ? atKey(`@${name}`)(failure(undefined, 'required attribute is missing')) : success(missing)
    }
    const r = convert(value)
    return E.isLeft(r) ? atKey(`@${name}`)(r) : r
  }
})

export const attr = (name: string): Field<string> => attrField(name, success, '')
export const attrInt = (name: string): Field<number> => attrField(name, toInt, 0)
export const attrBool = (name: string): Field<boolean> => attrField(name, toBool, false)
export const attrTimestamp = (name: string): Field<Date | null> => attrField(name, toTimestamp, null)
export const requiredAttrInt = (name: string): Field<number> => attrField(name, toInt, undefined)
/** An attribute converted by any conversion; a missing attribute gives `missing`, or fails when `missing` is undefined. */
export const attrAs = <A>(name: string, convert: (text: string) => Decoded<A>, missing?: A): Field<A> => attrField(name, convert, missing)

/** The element's own text (for elements that carry attributes and a text value). */
export const content = <A>(convert: (text: string) => Decoded<A>): Field<A> => ({
  elements: [],
  attributes: [],
  read: (v) => convert(v.ownText())
})

/**
 * Every direct child with that name, decoded (`textAs(convert)` reads a text); none → []. For repeated elements
 * the server writes without a container (Ticket `<note>`, User `<email>`, TicketPriority `<usergroupid>`).
 */
export const list = <A>(tagName: string, item: Decoder<XmlElement, A>): Field<ReadonlyArray<A>> => {
  const at = atKey(tagName)
  return {
    elements: [tagName],
    attributes: [],
    read: (v) => at(traverseIndexed(v.named(tagName), (el) => v.decode(item, el)))
  }
}

/**
 * The items of a container child, decoded (`textAs(convert)` reads a text); none → []:
 * `<usergroups><id>1</id><id>2</id></usergroups>` → [1, 2], `<statuses><ticketstatus …/>…</statuses>` → the statuses.
 */
export const listIn = <A>(container: string, itemTag: string, item: Decoder<XmlElement, A>): Field<ReadonlyArray<A>> => ({
  elements: [container],
  attributes: [],
  read: (v) =>
    atKey(container)(
      atKey(itemTag)(
        traverseIndexed(
          v.named(container).flatMap((c) => v.itemsOf(c, itemTag)),
          (el) => v.decode(item, el)
        )
      )
    )
})

/** The first field whose element or attribute is present (e.g. `app`, then the older `module`); else the last. */
export const firstPresent = <A>(...fields: ReadonlyArray<Field<A>>): Field<A> => ({
  elements: fields.flatMap((f) => f.elements),
  attributes: fields.flatMap((f) => f.attributes),
  read: (v) => {
    const present = fields.find((f) => f.elements.some((n) => v.named(n).length > 0) || f.attributes.some((a) => v.attribute(a) !== undefined))
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- TypeScript 7 (noUncheckedIndexedAccess) needs it
    return (present ?? (fields[fields.length - 1] as Field<A>)).read(v)
  }
})

export const mapField = <A, B>(field: Field<A>, f: (a: A) => B): Field<B> => ({
  ...field,
  read: (v) => E.map(f)(field.read(v))
})

// ---------------------------------------------------------------------------------------------------------------
// Structs and documents

/** An element decoded field by field; whatever no field reads is kept in `extra`. */
export const struct = <F extends Readonly<Record<string, Field<unknown>>>>(
  tagName: string,
  fields: F
): Scannable<FieldValues<F> & { readonly extra: Extra }> => {
  const entries = Object.entries(fields)
  const knownElements = new Set(entries.flatMap(([, f]) => f.elements))
  const knownAttributes = new Set(entries.flatMap(([, f]) => f.attributes))
  const slots: Slots = {
    byName: new Map([...knownElements].map((name, slot) => [name, slot])),
    seen: []
  }
  const shape: Readonly<Record<string, unknown>> = Object.fromEntries([...entries, ['extra', null]])
  let idle: ScanView | undefined
  const read = (v: ElementView, actual?: unknown): Decoded<FieldValues<F> & { readonly extra: Extra }> => {
    if (v.name !== tagName) return failure(actual ?? { tagName: v.name }, `expected <${tagName}>`)
    const out = readFields(entries, v, shape)
    if (!E.isLeft(out)) out.right.extra = extraOf(v, knownElements, knownAttributes)
    return out as Decoded<FieldValues<F> & { readonly extra: Extra }>
  }
  return {
    decode: (element) => read(treeView(element), element),
    scan: (doc, k) => {
      // the struct's view, unless it is reading an element of its own kind further up
      const v = (idle ?? new ScanView(slots)).read(doc, k)
      idle = undefined
      const out = read(v)
      v.release()
      idle = v
      return out
    }
  }
}

// The view's children by name (in the order they first appear), less the known ones, made an object with own
// properties only: an element named `constructor` or `__proto__` is data, never a prototype to set.
const extraOf = (v: ElementView, knownElements: ReadonlySet<string>, knownAttributes: ReadonlySet<string>): Extra => {
  let extra: Map<string, ReadonlyArray<XmlNode>> | undefined
  for (const name of v.names()) if (!knownElements.has(name)) (extra ??= new Map()).set(name, v.elements(name))
  for (const [name, value] of v.attributes()) if (!knownAttributes.has(name)) (extra ??= new Map()).set(`@${name}`, [value])
  return extra === undefined ? EMPTY_EXTRA : Object.fromEntries(extra)
}

const EMPTY_EXTRA: Extra = /*#__PURE__*/ Object.freeze({})

const items = <A>(found: ReadonlyArray<unknown>, itemTag: string, decode: (at: unknown) => Decoded<A>): Decoded<ReadonlyArray<A>> =>
  atKey(itemTag)(traverseIndexed(found, decode))

/** A plural document: `<departments><department/>…</departments>` → the decoded items (possibly none). */
export const many = <A>(rootTag: string, itemTag: string, item: Decoder<XmlElement, A>): Scannable<ReadonlyArray<A>> => {
  const wrongRoot = (actual: unknown, name: string): Decoded<never> => failure(actual, `expected the root element <${rootTag}>, got <${name}>`)
  return {
    decode: (root) =>
      root.tagName !== rootTag ? wrongRoot(root, root.tagName) : items(childElements(root, itemTag), itemTag, (el) => item.decode(el as XmlElement)),
    scan: (doc, k) => {
      const name = nameAt(doc, k)
      return name !== rootTag ? wrongRoot({ tagName: name }, name) : items(childrenNamed(doc, k, itemTag), itemTag, (el) => scanWith(item, doc, el as number))
    }
  }
}

/** `decoder`'s result transformed, read from a tree or from the text alike. */
const mapItems = <A, B>(decoder: Decoder<XmlElement, A>, f: (a: A, actual: () => unknown) => Decoded<B>): Scannable<B> => ({
  decode: (root) => E.chain((a: A) => f(a, () => root))(decoder.decode(root)),
  scan: (doc, k) => E.chain((a: A) => f(a, () => ({ tagName: nameAt(doc, k) })))(scanWith(decoder, doc, k))
})

/** The first item of a list, `none` for an empty list (Kayako answers a missing object with an empty root). */
export const first = <A>(items: Decoder<XmlElement, ReadonlyArray<A>>): Scannable<O.Option<A>> => mapItems(items, (xs) => success(O.fromNullable(xs[0])))

/** The first item of a list, which must be there (the echo of a POST or PUT). */
export const one = <A>(items: Decoder<XmlElement, ReadonlyArray<A>>): Scannable<A> =>
  mapItems(items, (xs, actual) => {
    if (xs.length > 0) return success(xs[0] as A)
    const root = actual() as { readonly tagName: string }
    return failure(root, `expected an element inside <${root.tagName}>`)
  })
