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

export interface XmlElement {
  readonly tagName: string
  readonly attributes: Readonly<Record<string, string | null>>
  readonly children: ReadonlyArray<XmlNode>
}
export type XmlNode = XmlElement | string

/** Text → nodes. Must not expand custom entities. May throw: the document step catches. */
export type XmlParser = (text: string) => ReadonlyArray<XmlNode>

/** txml with safe options: no void elements, predefined and numeric entities only, declaration skipped. */
export const txmlParser: XmlParser = (text) => parse(text, { selfClosingTags: [], decodeEntities: true, skipXmlDeclaration: true, keepComments: false })

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

/**
 * About twice the elements of a real 32 MiB `<tickets>` list (510,000 in the benchmark generator's list with posts
 * and notes), so every answer under the default `maxBodyBytes` decodes, and a document of tiny elements stops early.
 */
export const DEFAULT_MAX_ELEMENTS = 1_000_000

/** Nesting no Kayako document comes near (they nest under 10); deeper is refused, so no parser recursion goes deeper. */
export const MAX_DEPTH = 256

// A start tag: a name, attributes with quoted values, `>` or `/>`. Each matches one way only, so a failing match costs
// one pass over its text; attributes are matched one at a time (a repeated group would keep a backtracking entry for
// each, and overflow on a tag with a million attributes).
const TAG_NAME = /<([A-Za-z_:\u0080-\uffff][^\s/>=<]*)/y
const ATTRIBUTE = /\s+[^\s/>=<]+\s*=\s*(?:"[^"]*"|'[^']*')/y
const TAG_END = /\s*(\/?)>/y
const END_TAG = /<\/([^\s>]+)\s*>/y

const matchAt = (pattern: RegExp, text: string, at: number): RegExpExecArray | null => {
  pattern.lastIndex = at
  return pattern.exec(text)
}
const SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['<?', '?>'],
  ['<!--', '-->'],
  ['<![CDATA[', ']]>']
]

/**
 * One linear pass that the document is well-formed where txml is lenient: every tag closed by its own name in order,
 * attribute values quoted, comments, CDATA sections, processing instructions and the DOCTYPE closed, one root with
 * only white space, comments and processing instructions around it; and within the limits (elements, depth).
 * `undefined` when it is, else why not. Entities are left to the parser (which expands none but the predefined).
 */
export const checkDocument = (text: string, maxElements = DEFAULT_MAX_ELEMENTS): string | undefined => {
  const open: Array<string> = []
  let elements = 0
  let rootDone = false
  for (let i = 0; ;) {
    const lt = text.indexOf('<', i)
    if (open.length === 0 && text.slice(i, lt < 0 ? undefined : lt).trim() !== '') return `text outside the root at offset ${i}`
    if (lt < 0) break
    const at = ` at offset ${lt}`
    const section = SECTIONS.find(([start]) => text.startsWith(start, lt))
    if (section !== undefined) {
      const [start, close] = section
      if (open.length === 0 && start === '<![CDATA[') return `text outside the root${at}`
      const end = text.indexOf(close, lt + start.length)
      if (end < 0) return `unclosed ${start}${at}`
      i = end + close.length
    } else if (open.length === 0 && !rootDone && text.startsWith('<!DOCTYPE', lt)) {
      // to the first `>` outside the internal subset's brackets
      let j = lt
      for (let subset = false; j < text.length && (subset || text[j] !== '>'); j++) subset = text[j] === '[' || (subset && text[j] !== ']')
      if (j === text.length) return `unclosed DOCTYPE${at}`
      i = j + 1
    } else if (text[lt + 1] === '/') {
      const name = matchAt(END_TAG, text, lt)?.[1]
      const expected = open.pop()
      if (name === undefined || name !== expected)
        return expected === undefined ? `a closing tag outside the root${at}` : `<${expected}> closed by another tag${at}`
      i = END_TAG.lastIndex
      rootDone = open.length === 0
    } else {
      const name = matchAt(TAG_NAME, text, lt)?.[1]
      let j = TAG_NAME.lastIndex
      while (name !== undefined && matchAt(ATTRIBUTE, text, j) !== null) j = ATTRIBUTE.lastIndex
      const end = name === undefined ? undefined : matchAt(TAG_END, text, j)?.[1]
      if (end === undefined) return `malformed tag${at}`
      if (rootDone && open.length === 0) return `a second root${at}`
      if (++elements > maxElements) return `more than ${maxElements} elements (maxElements)`
      i = TAG_END.lastIndex
      if (end !== '') rootDone ||= open.length === 0
      else if (open.push(name as string) > MAX_DEPTH) return `elements nested deeper than ${MAX_DEPTH}`
    }
  }
  return open.length > 0 ? `truncated document: <${open[0]}> is not closed` : rootDone ? undefined : 'no root element'
}

const isNodeList = (value: unknown): value is ReadonlyArray<XmlNode> => Array.isArray(value)

/** Finds the document in a response body, well-formed and within `maxElements`. `Left` carries a message for a `ParseError`. */
export const parseDocument = (body: string, parser: XmlParser = txmlParser, maxElements?: number): E.Either<string, XmlDocument> => {
  const start = body.indexOf(DECLARATION)
  if (start < 0) {
    const text = plainText(body)
    return E.left(text === '' ? 'empty body, expected an XML document' : `not an XML document: ${text.slice(0, 300)}`)
  }
  // txml is lenient (it accepts unclosed tags and CDATA, and would return fewer items): check first, in one pass
  const wrong = checkDocument(body.slice(start), maxElements)
  if (wrong !== undefined) return E.left(wrong.startsWith('more than') ? wrong : `malformed XML: ${wrong}`)
  let nodes: unknown
  try {
    nodes = parser(body.slice(start))
  } catch (thrown) {
    return E.left(`malformed XML: ${thrown instanceof Error ? thrown.message.split('\n')[0] : 'parser failed'}`)
  }
  // A parser of the user's may answer anything.
  const root = isNodeList(nodes) ? nodes.find((n) => isElement(n) && /^[A-Za-z_]/.test(n.tagName)) : undefined
  if (root === undefined || !isElement(root)) return E.left('no root element')
  return E.right({ root, notice: plainText(body.slice(0, start)) })
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

/** `1`/`0` as the server sends them; `true`/`false` as hand-written documents do; empty = false. */
export const toBool = (text: string): Decoded<boolean> => {
  switch (text.trim().toLowerCase()) {
    case '1':
    case 'true':
      return success(true)
    case '0':
    case 'false':
    case '':
      return success(false)
    default:
      return failure(text, 'expected 0 or 1')
  }
}

/** Unix seconds; `0` (or empty) means "never" → null. */
export const toTimestamp = (text: string): Decoded<Date | null> => {
  const t = text.trim()
  if (t === '' || t === '0') return success(null)
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
export const textAs = <A>(convert: (text: string) => Decoded<A>): Decoder<XmlElement, A> => ({ decode: (el) => convert(textOf(el)) })

/** An element with its children indexed by name, built once per element. */
export interface ElementView {
  readonly element: XmlElement
  readonly byName: ReadonlyMap<string, ReadonlyArray<XmlElement>>
}

const view = (element: XmlElement): ElementView => {
  const byName = new Map<string, Array<XmlElement>>()
  for (const c of element.children) {
    if (typeof c === 'string') continue
    const list = byName.get(c.tagName)
    if (list === undefined) byName.set(c.tagName, [c])
    else list.push(c)
  }
  return { element, byName }
}

/**
 * A child element's text converted; a missing child gives `missing` (older servers omit fields, so missing is
 * tolerated) unless `missing` is undefined, which makes the child required.
 */
const childField = <A>(tagName: string, convert: (text: string) => Decoded<A>, missing: A | undefined): Field<A> => ({
  elements: [tagName],
  attributes: [],
  read: (v) => {
    const el = v.byName.get(tagName)?.[0]
    if (el === undefined) return missing === undefined ? atKey(tagName)(failure(undefined, 'required element is missing')) : success(missing)
    return atKey(tagName)(convert(textOf(el)))
  }
})

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
    const el = v.byName.get(tagName)?.[0]
    return el === undefined ? success(O.none) : E.map((a: A) => O.some(a))(atKey(tagName)(item.decode(el)))
  }
})

const attrField = <A>(name: string, convert: (text: string) => Decoded<A>, missing: A | undefined): Field<A> => ({
  elements: [],
  attributes: [name],
  read: (v) => {
    const value = v.element.attributes[name]
    if (value === undefined || value === null) {
      return missing === undefined ? atKey(`@${name}`)(failure(undefined, 'required attribute is missing')) : success(missing)
    }
    return atKey(`@${name}`)(convert(value))
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
  read: (v) => convert(textOf(v.element))
})

/**
 * Every direct child with that name, decoded (`textAs(convert)` reads a text); none → []. For repeated elements
 * the server writes without a container (Ticket `<note>`, User `<email>`, TicketPriority `<usergroupid>`).
 */
export const list = <A>(tagName: string, item: Decoder<XmlElement, A>): Field<ReadonlyArray<A>> => ({
  elements: [tagName],
  attributes: [],
  read: (v) => atKey(tagName)(traverseIndexed(v.byName.get(tagName) ?? [], (el) => item.decode(el)))
})

/**
 * The items of a container child, decoded (`textAs(convert)` reads a text); none → []:
 * `<usergroups><id>1</id><id>2</id></usergroups>` → [1, 2], `<statuses><ticketstatus …/>…</statuses>` → the statuses.
 */
export const listIn = <A>(container: string, itemTag: string, item: Decoder<XmlElement, A>): Field<ReadonlyArray<A>> => ({
  elements: [container],
  attributes: [],
  read: (v) => atKey(container)(itemsIn(v.byName.get(container) ?? [], itemTag, item))
})

/** The `itemTag` children of the containers, decoded, under the item's name. */
const itemsIn = <A>(containers: ReadonlyArray<XmlElement>, itemTag: string, item: Decoder<XmlElement, A>): Decoded<ReadonlyArray<A>> =>
  atKey(itemTag)(
    traverseIndexed(
      containers.flatMap((c) => childElements(c, itemTag)),
      (el) => item.decode(el)
    )
  )

/** The first field whose element or attribute is present (e.g. `app`, then the older `module`); else the last. */
export const firstPresent = <A>(...fields: ReadonlyArray<Field<A>>): Field<A> => ({
  elements: fields.flatMap((f) => f.elements),
  attributes: fields.flatMap((f) => f.attributes),
  read: (v) => {
    const present = fields.find((f) => f.elements.some((n) => v.byName.has(n)) || f.attributes.some((a) => v.element.attributes[a] != null))
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- TypeScript 7 (noUncheckedIndexedAccess) needs it
    return (present ?? (fields[fields.length - 1] as Field<A>)).read(v)
  }
})

export const mapField = <A, B>(field: Field<A>, f: (a: A) => B): Field<B> => ({ ...field, read: (v) => E.map(f)(field.read(v)) })

// ---------------------------------------------------------------------------------------------------------------
// Structs and documents

/** An element decoded field by field; whatever no field reads is kept in `extra`. */
export const struct = <F extends Readonly<Record<string, Field<unknown>>>>(
  tagName: string,
  fields: F
): Decoder<XmlElement, FieldValues<F> & { readonly extra: Extra }> => {
  const entries = Object.entries(fields)
  const knownElements = new Set(entries.flatMap(([, f]) => f.elements))
  const knownAttributes = new Set(entries.flatMap(([, f]) => f.attributes))
  return {
    decode: (element) => {
      if (element.tagName !== tagName) return failure(element, `expected <${tagName}>`)
      const v = view(element)
      const out = readFields(entries, v)
      if (!E.isLeft(out)) out.right.extra = extraOf(v, knownElements, knownAttributes)
      return out as Decoded<FieldValues<F> & { readonly extra: Extra }>
    }
  }
}

// The view's children by name (in the order they first appear), less the known ones, made an object with own
// properties only: an element named `constructor` or `__proto__` is data, never a prototype to set.
const extraOf = ({ element, byName }: ElementView, knownElements: ReadonlySet<string>, knownAttributes: ReadonlySet<string>): Extra => {
  let extra: Map<string, ReadonlyArray<XmlNode>> | undefined
  for (const [name, elements] of byName) if (!knownElements.has(name)) (extra ??= new Map()).set(name, elements)
  for (const [name, value] of Object.entries(element.attributes)) if (!knownAttributes.has(name)) (extra ??= new Map()).set(`@${name}`, [value ?? ''])
  return extra === undefined ? EMPTY_EXTRA : Object.fromEntries(extra)
}

const EMPTY_EXTRA: Extra = /*#__PURE__*/ Object.freeze({})

/** A plural document: `<departments><department/>…</departments>` → the decoded items (possibly none). */
export const many = <A>(rootTag: string, itemTag: string, item: Decoder<XmlElement, A>): Decoder<XmlElement, ReadonlyArray<A>> => ({
  decode: (root) => (root.tagName !== rootTag ? failure(root, `expected the root element <${rootTag}>, got <${root.tagName}>`) : itemsIn([root], itemTag, item))
})

/** The first item of a list, `none` for an empty list (Kayako answers a missing object with an empty root). */
export const first = <A>(items: Decoder<XmlElement, ReadonlyArray<A>>): Decoder<XmlElement, O.Option<A>> => ({
  decode: (root) => E.map((xs: ReadonlyArray<A>) => O.fromNullable(xs[0]))(items.decode(root))
})

/** The first item of a list, which must be there (the echo of a POST or PUT). */
export const one = <A>(items: Decoder<XmlElement, ReadonlyArray<A>>): Decoder<XmlElement, A> => ({
  decode: (root) =>
    E.chain((xs: ReadonlyArray<A>) => (xs.length > 0 ? success(xs[0] as A) : failure(root, `expected an element inside <${root.tagName}>`)))(items.decode(root))
})
