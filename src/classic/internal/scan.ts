/**
 * The Classic answer read straight from its text, driven by the decoders' field descriptions. The one pass over the
 * whole text is `checkRoot`: it finds the document well-formed (every tag closed in order, every attribute value
 * quoted) and, as it goes, numbers the elements and notes where each one's tags and content are (`Scanned`). The
 * decoders then reach an element's children by those numbers, without reading the text between them: only what a
 * field reads is sliced, and entities and CDATA are decoded only where they are. No tree is built, except for the
 * elements kept in `extra` and for a decoder that can only read a tree (`decode` without `scan`): those get the
 * element built here, as txml would build it (texts entity-decoded and trimmed, white space between elements
 * dropped, CDATA kept as it is, comments dropped).
 */
import type { Decoded, Decoder } from '../../core/decoder'
import type { ElementView, XmlElement, XmlNode } from './xml'

/**
 * A document `checkRoot` found well-formed: its text and, for element `k` (in document order, the root is 0), at
 * `4k` … `4k + 3` of `index`: the offset of its `<`, of its content (after its start tag), of the end of its content
 * (its end tag's `<`; the content's start for `<a/>`), and the number of the first element after it and its
 * descendants. So its children are `k + 1`, then each child's last number, while below its own.
 */
export interface Scanned {
  readonly text: string
  readonly index: Int32Array
}

/** A decoder that can also read an element of a scanned document, by its number. */
export interface Scannable<A> extends Decoder<XmlElement, A> {
  readonly scan?: (doc: Scanned, k: number) => Decoded<A>
}

/** Decodes element `k`: from the text when the decoder can, else from the element built here. */
export const scanWith = <A>(decoder: Decoder<XmlElement, A>, doc: Scanned, k: number): Decoded<A> => {
  const scan = (decoder as Scannable<A>).scan
  return scan === undefined ? decoder.decode(buildElement(doc, k)) : scan(doc, k)
}

// JavaScript's `\s`, as `checkDocument` reads tags.
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)))

const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QUESTION = 63
const EQUALS = 61
const CDATA = '<![CDATA['

// The grammar of the code in `checkRoot`, for the tokens it reads (names and attributes as `endOfName` and
// `ATTRIBUTE` read them: JavaScript's `\s` is `isSpace`). Groups: 1 a start tag's name, 2 its attributes, 3 the white
// space before `>`, 4 `<` for a leaf (text or one CDATA section, then `</name>`), 5 `/` for an empty tag, 6 an end
// tag's name. Every part is linear: a CDATA section's `]` must not start `]]>`, so no section is read past its end.
const TOKEN =
  /<(?:([A-Za-z_:\u0080-\uffff][^\s/>=<]*)((?:\s+[^\s/>=<]+\s*=\s*(?:"[^"]*"|'[^']*'))*)(\s*)(?:>(?:<!\[CDATA\[[^\]]*(?:\](?!\]>)[^\]]*)*\]\]>|[^<]*)(<)\/\1>|(\/)?>)|\/([^\s/>=<]*)\s*>|!\[CDATA\[[\s\S]*?\]\]>|!--[\s\S]*?-->|\?[\s\S]*?\?>)/y

// A start tag read one attribute at a time, for `tokenAt`.
// One attribute (its name, its value in double or single quotes), as `attributesAt` reads it too.
const ATTRIBUTE = /\s+([^\s/>=<]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y
const TAG_END = /(\s*)(\/)?>/y

/** `TOKEN` matched at `lt` (its `lastIndex` after the token), or `null`. */
const tokenAt = (text: string, lt: number): ReadonlyArray<string | undefined> | null => {
  TOKEN.lastIndex = lt
  try {
    return TOKEN.exec(text)
  } catch {
    // the engine's backtracking stack ran out on a start tag of very many attributes: read them one at a time
    const nameEnd = endOfName(text, lt + 1)
    let j = nameEnd
    for (ATTRIBUTE.lastIndex = j; ATTRIBUTE.test(text);) j = ATTRIBUTE.lastIndex
    TAG_END.lastIndex = j
    const end = TAG_END.exec(text)
    TOKEN.lastIndex = TAG_END.lastIndex
    return end && [undefined, text.slice(lt + 1, nameEnd), text.slice(nameEnd, j), end[1], undefined, end[2]]
  }
}

/**
 * About twice the elements of a real 32 MiB `<tickets>` list (510,000 in the benchmark generator's list with posts
 * and notes), so every answer under the default `maxBodyBytes` decodes, and a document of tiny elements stops early.
 */
export const DEFAULT_MAX_ELEMENTS = 1_000_000

/** Nesting no Kayako document comes near (they nest under 10); deeper is refused, so no parser recursion goes deeper. */
export const MAX_DEPTH = 256

/**
 * One linear pass that the document is well-formed where txml is lenient: every tag closed by its own name in order,
 * attribute values quoted, comments, CDATA sections, processing instructions and the DOCTYPE closed, one root with
 * only white space, comments and processing instructions around it; and within the limits (elements, depth).
 * `undefined` when it is, else why not. Entities are left to the parser (which expands none but the predefined).
 *
 * A start tag is a name (`[A-Za-z_:\u0080-\uffff][^\s/>=<]*`), attributes (`\s+[^\s/>=<]+\s*=\s*` and a quoted value),
 * then optional white space and `>` or `/>`; an end tag `</name\s*>`. Read with `charCodeAt` and `indexOf`.
 */
export const checkDocument = (text: string, maxElements?: number): string | undefined => {
  const checked = checkRoot(text, maxElements)
  return typeof checked === 'string' ? checked : undefined
}

/** `checkDocument`, and the document's element index (`Scanned`) when it is well-formed. */
export const checkRoot = (text: string, maxElements = DEFAULT_MAX_ELEMENTS): string | Scanned => {
  // open elements: the number of each, and its name
  const open: Array<number | string> = []
  let index = new Int32Array(Math.max(256, (text.length >> 5) << 2))
  let elements = 0
  let rootDone = false
  for (let i = 0; ;) {
    const lt = text.indexOf('<', i)
    if (open.length === 0 && text.slice(i, lt < 0 ? undefined : lt).trim() !== '') return `text outside the root at offset ${i}`
    if (lt < 0) break
    // One match reads a whole token in the engine's compiled code, which does not wait for the optimiser (cold
    // decodes count); what it does not match is malformed, but for a DOCTYPE before the root.
    if (open.length === 0 && text.startsWith(CDATA, lt)) return `text outside the root${atOffset(lt)}`
    const m = tokenAt(text, lt)
    const name = m?.[1]
    const c = text.charCodeAt(lt + 1)
    if (c === SLASH) {
      if (open.length === 0) return `a closing tag outside the root${atOffset(lt)}`
      const k = open.length - 2
      if (m?.[6] !== open[k + 1]) return `<${open[k + 1] as string}> closed by another tag${atOffset(lt)}`
      const e = 4 * (open[k] as number)
      index[e + 2] = lt
      index[e + 3] = elements
      open.length = k
      i = TOKEN.lastIndex
      rootDone = k === 0
    } else if (m === null) {
      const opener = c === QUESTION ? '<?' : c !== BANG ? '' : text.startsWith('<!--', lt) ? '<!--' : text.startsWith(CDATA, lt) ? CDATA : ''
      if (opener !== '') return `unclosed ${opener}${atOffset(lt)}`
      if (open.length > 0 || rootDone || !text.startsWith('<!DOCTYPE', lt)) return `malformed tag${atOffset(lt)}`
      // to the first `>` outside the internal subset's brackets
      let j = lt
      for (let subset = false; j < text.length && (subset || text[j] !== '>'); j++) subset = text[j] === '[' || (subset && text[j] !== ']')
      if (j === text.length) return `unclosed DOCTYPE${atOffset(lt)}`
      i = j + 1
    } else if (name !== undefined) {
      if (rootDone && open.length === 0) return `a second root${atOffset(lt)}`
      if (elements === maxElements) return `more than ${maxElements} elements (maxElements)`
      const e = 4 * elements++
      if (e === index.length) {
        const grown = new Int32Array(2 * e)
        grown.set(index)
        index = grown
      }
      i = TOKEN.lastIndex
      index[e] = lt
      // after the start tag's `>`
      index[e + 1] = lt + name.length + (m[2] as string).length + (m[3] as string).length + 2
      if (m[5] === undefined && (m[4] === undefined ? open.push(elements - 1, name) : open.length + 2) / 2 > MAX_DEPTH)
        return `elements nested deeper than ${MAX_DEPTH}`
      if (m[4] !== undefined) {
        // a leaf, closed by `</name>`
        index[e + 2] = i - name.length - 3
        index[e + 3] = elements
      } else if (m[5] !== undefined) {
        index[e + 1] = index[e + 2] = i
        index[e + 3] = elements
      }
      rootDone ||= open.length === 0
    } else i = TOKEN.lastIndex
  }
  return open.length > 0 ? `truncated document: <${open[1] as string}> is not closed` : rootDone ? { text, index } : 'no root element'
}

const atOffset = (lt: number): string => ` at offset ${lt}`

// Every stop but a non-ASCII space is at most `>`: a name's letters cost one comparison each.
const isNameStop = (c: number): boolean => (c > GT ? c > 127 && isSpace(c) : c === SLASH || c === GT || c === EQUALS || c === LT || isSpace(c))

const NAME_END = /[^\s/>=<]*/y

/** The offset after a name starting at `i`. */
const endOfName = (text: string, i: number): number => {
  NAME_END.lastIndex = i
  NAME_END.test(text)
  return NAME_END.lastIndex
}

/** The name of element `k`. */
export const nameAt = (doc: Scanned, k: number): string => {
  const at = (doc.index[4 * k] as number) + 1
  return doc.text.slice(at, endOfName(doc.text, at))
}

/**
 * The attributes of the start tag whose name ends at `i`, values entity-decoded, pushed to `out` as txml sets them
 * on a plain object: `__proto__` sets nothing.
 */
const attributesAt = (text: string, i: number, out: Array<readonly [string, string]>): Array<readonly [string, string]> => {
  for (ATTRIBUTE.lastIndex = i; ;) {
    const m = ATTRIBUTE.exec(text)
    if (m === null) return out
    if (m[1] !== '__proto__') out.push([m[1] as string, decodeEntities(m[2] ?? (m[3] as string))])
  }
}

/** What follows `<!` or `<?` at `lt`: the offset after a comment, a CDATA section or a processing instruction. */
const sectionEnd = (text: string, lt: number): number => {
  const c = text.charCodeAt(lt + 1)
  if (c === QUESTION) return text.indexOf('?>', lt + 2) + 2
  return text.charCodeAt(lt + 2) === 45 ? text.indexOf('-->', lt + 4) + 3 : text.indexOf(']]>', lt + 9) + 3
}

// The predefined and numeric entities, as txml decodes them; any other stays as written.
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'"
}

export const decodeEntities = (raw: string): string =>
  raw.includes('&')
    ? raw.replace(ENTITY, (whole, name: string) => {
        const known = PREDEFINED[name]
        if (known !== undefined) return known
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole
      })
    : raw

/** A run of text between tags as txml keeps it: decoded, trimmed, '' when only white space. */
const textRun = (text: string, from: number, to: number): string => decodeEntities(text.slice(from, to)).trim()

/**
 * The content of element `k` in order, as txml keeps it: each text run (decoded, trimmed, when not empty) and CDATA
 * section as a string, each child element as its number.
 */
const contentOf = (doc: Scanned, k: number, visit: (piece: string | number) => unknown): void => {
  const { text, index } = doc
  const to = index[4 * k + 2] as number
  for (let i = index[4 * k + 1] as number, child = k + 1; i < to;) {
    const lt = text.indexOf('<', i)
    const run = lt > i ? textRun(text, i, lt) : ''
    if (run !== '') visit(run)
    const c = text.charCodeAt(lt + 1)
    if (lt === to) return
    if (c === BANG && text.charCodeAt(lt + 2) === 91) {
      i = text.indexOf(']]>', lt + 9)
      visit(text.slice(lt + 9, i))
      i += 3
    } else if (c === BANG || c === QUESTION) i = sectionEnd(text, lt)
    else {
      visit(child)
      // after the child's end tag, or its `/>`
      const end = index[4 * child + 2] as number
      i = text.charCodeAt(end - 2) === SLASH && end === index[4 * child + 1] ? end : text.indexOf('>', end) + 1
      child = index[4 * child + 3] as number
    }
  }
}

/**
 * The element's own text (`textOf` of the element txml builds): its text runs and CDATA sections joined, child
 * elements skipped. A leaf of one CDATA section or of plain text is one slice.
 */
export const textAt = (doc: Scanned, k: number): string => {
  const { text, index } = doc
  const from = index[4 * k + 1] as number
  const to = index[4 * k + 2] as number
  if (from === to) return ''
  if (index[4 * k + 3] === k + 1) {
    if (text.startsWith('<![CDATA[', from)) {
      if (text.indexOf(']]>', from + 9) === to - 3) return text.slice(from + 9, to - 3)
    } else if (text.indexOf('<', from) === to) return textRun(text, from, to)
  }
  let out = ''
  contentOf(doc, k, (piece) => typeof piece === 'string' && (out += piece))
  return out
}

/** Element `k` as txml builds it; nesting is at most `MAX_DEPTH` (checked), so recursion is bounded. */
export const buildElement = (doc: Scanned, k: number): XmlElement => {
  const at = (doc.index[4 * k] as number) + 1
  const end = endOfName(doc.text, at)
  const children: Array<XmlNode> = []
  contentOf(doc, k, (piece) => children.push(typeof piece === 'string' ? piece : buildElement(doc, piece)))
  return { tagName: doc.text.slice(at, end), attributes: Object.fromEntries(attributesAt(doc.text, end, [])), children }
}

/** The numbers of the children named `tagName` of element `k`, compared in place. */
export const childrenNamed = (doc: Scanned, k: number, tagName: string): ReadonlyArray<number> => {
  const { text, index } = doc
  const out: Array<number> = []
  for (let c = k + 1; c < (index[4 * k + 3] as number); c = index[4 * c + 3] as number) {
    const at = (index[4 * c] as number) + 1
    if (text.startsWith(tagName, at) && isNameStop(text.charCodeAt(at + tagName.length))) out.push(c)
  }
  return out
}

const NONE: ReadonlyArray<never> = []

/**
 * The child names a struct reads, each with its slot in a `ScanView`, built once per struct; and the names its last
 * element had, in order: the next element's children are compared with them in place (a server writes every
 * element alike), so a child's name is sliced out of the text only where it differs.
 */
export interface Slots {
  readonly byName: ReadonlyMap<string, number>
  readonly seen: Array<string>
}

// Not frozen: it has the shape of every document (`checkRoot`'s), so that a view holds one shape only.
const NO_DOC: Scanned = { text: '', index: /*#__PURE__*/ new Int32Array(0) }

/**
 * The `ElementView` of one element at a time (`read`): its start tag read and its children indexed in one walk over
 * their numbers, the first child of each name a struct reads into its slot, every other child by name (the names no
 * slot holds are what `extra` keeps). A struct keeps one and reads every element with it: nothing is allocated per element but the lists it
 * answers, and the view's shape (which V8's optimised code checks) outlives every document.
 */
export class ScanView implements ElementView {
  // `declare`d, set in the constructor: class fields would be lowered (es2020) to a helper call each
  declare name: string
  declare private doc: Scanned
  declare private k: number
  declare private readonly slots: Slots
  declare private readonly attrs: Array<readonly [string, string]>
  declare private readonly firsts: Int32Array
  declare private rest: Map<string, Array<number>> | undefined

  constructor(slots: Slots) {
    this.slots = slots
    this.attrs = []
    this.firsts = new Int32Array(slots.byName.size)
    this.release()
  }

  /** Forgets the document, which the view must not keep alive. */
  release(): void {
    this.name = ''
    this.doc = NO_DOC
    this.k = 0
    this.rest = undefined
  }

  /** Reads element `k`. */
  read(doc: Scanned, k: number): this {
    const { text, index } = doc
    const at = (index[4 * k] as number) + 1
    const end = endOfName(text, at)
    this.doc = doc
    this.k = k
    this.name = text.slice(at, end)
    this.attrs.length = 0
    attributesAt(text, end, this.attrs)
    const first = this.firsts.fill(-1)
    const seen = this.slots.seen
    for (let c = k + 1, n = 0; c < (index[4 * k + 3] as number); c = index[4 * c + 3] as number, n++) {
      const from = (index[4 * c] as number) + 1
      const guess = seen[n]
      let name: string
      if (guess !== undefined && text.startsWith(guess, from) && isNameStop(text.charCodeAt(from + guess.length))) name = guess
      else {
        name = text.slice(from, endOfName(text, from))
        // a few dozen names are what a Kayako element has; a hostile one's millions are not kept
        if (n < 64) seen[n] = name
      }
      const slot = this.slots.byName.get(name)
      if (slot !== undefined && first[slot] === -1) first[slot] = c
      else {
        const rest = (this.rest ??= new Map<string, Array<number>>())
        const list = rest.get(name)
        if (list === undefined) rest.set(name, [c])
        else list.push(c)
      }
    }
    return this
  }

  named(name: string): ReadonlyArray<number> {
    const slot = this.slots.byName.get(name)
    const more = this.rest?.get(name) ?? NONE
    const first = slot === undefined ? -1 : (this.firsts[slot] as number)
    return first === -1 ? more : [first, ...more]
  }
  first(name: string): number | undefined {
    const slot = this.slots.byName.get(name)
    const at = slot === undefined ? this.rest?.get(name)?.[0] : this.firsts[slot]
    return at === -1 ? undefined : at
  }
  attribute(name: string): string | undefined {
    // the last of a repeated name, as an object keeps it
    let value: string | undefined
    for (const a of this.attrs) if (a[0] === name) value = a[1]
    return value
  }
  ownText(): string {
    return textAt(this.doc, this.k)
  }
  textOf(child: unknown): string {
    return textAt(this.doc, child as number)
  }
  decode<A>(decoder: Decoder<XmlElement, A>, child: unknown): Decoded<A> {
    return scanWith(decoder, this.doc, child as number)
  }
  itemsOf(child: unknown, itemTag: string): ReadonlyArray<number> {
    return childrenNamed(this.doc, child as number, itemTag)
  }
  /** The names no slot holds, in the order they first appear (what `extra` keeps), and names read more than once. */
  names(): Iterable<string> {
    return this.rest?.keys() ?? NONE
  }
  elements(name: string): ReadonlyArray<XmlElement> {
    return this.named(name).map((k) => buildElement(this.doc, k))
  }
  attributes(): Iterable<readonly [string, string]> {
    return this.attrs
  }
}
