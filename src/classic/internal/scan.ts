/**
 * The Classic answer read straight from its text: a scanner over a document that `checkDocument` found well-formed
 * (so every tag is closed in order and every attribute value is quoted), driven by the decoders' field descriptions.
 * An element is its offset in the text; only what a field reads is sliced, and entities and CDATA are decoded only
 * where they are. No tree is built, except for the elements kept in `extra` and for a decoder that can only read a
 * tree (`decode` without `scan`): those get the element built here, as txml would build it (texts entity-decoded
 * and trimmed, white space between elements dropped, CDATA kept as it is, comments dropped).
 *
 * Cost: each struct walks its children once to index them by name, so a document is walked once per level of the
 * decoders' nesting (a handful), never per level of the document's own nesting.
 */
import type { Decoded, Decoder } from '../../core/decoder'
import type { ElementView, XmlElement, XmlNode } from './xml'

/** A decoder that can also read an element from the text, at the offset of its `<`. */
export interface Scannable<A> extends Decoder<XmlElement, A> {
  readonly scan?: (text: string, at: number) => Decoded<A>
}

/** Decodes the element at `at`: from the text when the decoder can, else from the element built here. */
export const scanWith = <A>(decoder: Decoder<XmlElement, A>, text: string, at: number): Decoded<A> => {
  const scan = (decoder as Scannable<A>).scan
  return scan === undefined ? decoder.decode(buildElement(text, at)) : scan(text, at)
}

// JavaScript's `\s`, as `checkDocument` reads tags.
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)))

// Long runs of white space (a hostile tag) at the speed of the regular expression engine; `test` allocates nothing.
const SPACES = /\s*/y
const skipSpaces = (text: string, i: number): number => {
  if (!isSpace(text.charCodeAt(i))) return i
  SPACES.lastIndex = i
  SPACES.test(text)
  return SPACES.lastIndex
}

const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QUESTION = 63
const EQUALS = 61

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
 * then optional white space and `>` or `/>`; an end tag `</name\s*>`. Read with `charCodeAt` and `indexOf`, allocating nothing per tag (the open
 * tags are kept as offsets), so the check costs a fraction of decoding.
 */
export const checkDocument = (text: string, maxElements?: number): string | undefined => {
  const checked = checkRoot(text, maxElements)
  return typeof checked === 'string' ? checked : undefined
}

/** `checkDocument`, and the root element's offset when the document is well-formed. */
export const checkRoot = (text: string, maxElements = DEFAULT_MAX_ELEMENTS): string | number => {
  let root = -1
  // open tags: the start and end offsets of each name
  const open: Array<number> = []
  const openName = (k: number): string => text.slice(open[k], open[k + 1])
  let elements = 0
  let rootDone = false
  for (let i = 0; ;) {
    const lt = text.indexOf('<', i)
    if (open.length === 0 && text.slice(i, lt < 0 ? undefined : lt).trim() !== '') return `text outside the root at offset ${i}`
    if (lt < 0) break
    const c = text.charCodeAt(lt + 1)
    const close = c === 63 ? '?>' : c !== 33 ? '' : text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : ''
    if (close !== '') {
      if (open.length === 0 && close === ']]>') return `text outside the root${atOffset(lt)}`
      const end = text.indexOf(close, lt + (close === '?>' ? 2 : close === '-->' ? 4 : 9))
      if (end < 0) return `unclosed ${close === '?>' ? '<?' : close === '-->' ? '<!--' : '<![CDATA['}${atOffset(lt)}`
      i = end + close.length
    } else if (open.length === 0 && !rootDone && text.startsWith('<!DOCTYPE', lt)) {
      // to the first `>` outside the internal subset's brackets
      let j = lt
      for (let subset = false; j < text.length && (subset || text[j] !== '>'); j++) subset = text[j] === '[' || (subset && text[j] !== ']')
      if (j === text.length) return `unclosed DOCTYPE${atOffset(lt)}`
      i = j + 1
    } else if (c === SLASH) {
      let j = lt + 2
      while (j < text.length && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== GT) j++
      const nameEnd = j
      j = skipSpaces(text, j)
      const ok = nameEnd > lt + 2 && text.charCodeAt(j) === GT
      if (open.length === 0) return `a closing tag outside the root${atOffset(lt)}`
      const k = open.length - 2
      const same = ok && nameEnd - lt - 2 === (open[k + 1] as number) - (open[k] as number) && text.startsWith(openName(k), lt + 2)
      if (!same) return `<${openName(k)}> closed by another tag${atOffset(lt)}`
      open.length = k
      i = j + 1
      rootDone = open.length === 0
    } else {
      const first = c
      let j = lt + 1
      const nameOk = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95 || first === 58 || first >= 0x80
      if (nameOk) {
        j++
        while (j < text.length && !isNameStop(text.charCodeAt(j))) j++
      }
      const nameEnd = j
      // attributes, one at a time; a failed one leaves `j` where it started, for the tag's end
      let spaces = j
      while (nameOk) {
        let k = j
        k = skipSpaces(text, k)
        // a failed attribute leaves only white space read, which the tag's end may start with
        spaces = k
        if (k === j) break
        const nameStart = k
        while (k < text.length && !isNameStop(text.charCodeAt(k))) k++
        if (k === nameStart) break
        k = skipSpaces(text, k)
        if (text.charCodeAt(k) !== EQUALS) break
        k++
        k = skipSpaces(text, k)
        const q = text.charCodeAt(k)
        if (q !== 34 && q !== 39) break
        const valueEnd = text.indexOf(q === 34 ? '"' : "'", k + 1)
        if (valueEnd < 0) break
        j = spaces = valueEnd + 1
      }
      j = spaces
      j = skipSpaces(text, j)
      const selfClosing = text.charCodeAt(j) === SLASH
      if (selfClosing) j++
      if (!nameOk || text.charCodeAt(j) !== GT) return `malformed tag${atOffset(lt)}`
      if (rootDone && open.length === 0) return `a second root${atOffset(lt)}`
      if (++elements > maxElements) return `more than ${maxElements} elements (maxElements)`
      if (root < 0) root = lt
      i = j + 1
      if (selfClosing) rootDone ||= open.length === 0
      else if (open.push(lt + 1, nameEnd) / 2 > MAX_DEPTH) return `elements nested deeper than ${MAX_DEPTH}`
    }
  }
  return open.length > 0 ? `truncated document: <${openName(0)}> is not closed` : rootDone ? root : 'no root element'
}

const atOffset = (lt: number): string => ` at offset ${lt}`

const isNameStop = (c: number): boolean => isSpace(c) || c === SLASH || c === GT || c === EQUALS || c === 60

/** The offset after a tag name starting at `from`. */
const nameEnd = (text: string, from: number): number => {
  let i = from
  for (let c = text.charCodeAt(i); i < text.length && !isSpace(c) && c !== SLASH && c !== GT && c !== EQUALS && c !== LT; c = text.charCodeAt(++i));
  return i
}

/** The name of the element at `at`. */
export const nameAt = (text: string, at: number): string => text.slice(at + 1, nameEnd(text, at + 1))

export interface StartTag {
  readonly name: string
  /** As txml sets them (a plain object, values entity-decoded), when asked for. */
  readonly attributes: Record<string, string>
  /** The offset after its `>`. */
  readonly end: number
  /** `<name … />` */
  readonly empty: boolean
}

const NO_ATTRIBUTES: Record<string, string> = /*#__PURE__*/ Object.freeze({})

/** Reads the start tag at `at` (`<name a="v" …>` or `…/>`); attributes only when `withAttributes`. */
export const startTag = (text: string, at: number, withAttributes: boolean): StartTag => {
  let i = nameEnd(text, at + 1)
  const name = text.slice(at + 1, i)
  let attributes = NO_ATTRIBUTES
  for (;;) {
    i = skipSpaces(text, i)
    const c = text.charCodeAt(i)
    if (c === GT) return { name, attributes, end: i + 1, empty: false }
    if (c === SLASH) return { name, attributes, end: i + 2, empty: true }
    // name, white space, `=`, white space, a quoted value (the grammar `checkDocument` held the tag to)
    const eq = text.indexOf('=', i)
    let v = eq + 1
    v = skipSpaces(text, v)
    const close = text.indexOf(text[v] as string, v + 1)
    if (withAttributes) {
      let n = eq
      while (isSpace(text.charCodeAt(n - 1))) n--
      if (attributes === NO_ATTRIBUTES) attributes = {}
      // a plain assignment, as txml does: `__proto__` sets nothing
      attributes[text.slice(i, n)] = decodeEntities(text.slice(v + 1, close))
    }
    i = close + 1
  }
}

/** The offset after the start tag at `at`, and whether it closes itself (`lastEmpty`). No allocation: the walk's step. */
let lastEmpty = false
const startTagEnd = (text: string, at: number): number => {
  let i = nameEnd(text, at + 1)
  for (;;) {
    i = skipSpaces(text, i)
    const c = text.charCodeAt(i)
    if (c === GT || c === SLASH) {
      lastEmpty = c === SLASH
      return i + (lastEmpty ? 2 : 1)
    }
    let v = text.indexOf('=', i) + 1
    v = skipSpaces(text, v)
    i = text.indexOf(text[v] as string, v + 1) + 1
  }
}

/** What follows `<!` or `<?` at `lt`: the offset after a comment, a CDATA section or a processing instruction. */
const sectionEnd = (text: string, lt: number): number => {
  const c = text.charCodeAt(lt + 1)
  if (c === QUESTION) return text.indexOf('?>', lt + 2) + 2
  return text.charCodeAt(lt + 2) === 45 ? text.indexOf('-->', lt + 4) + 3 : text.indexOf(']]>', lt + 9) + 3
}

/** The offset after the element at `at`, its content walked with a depth count (no recursion). */
export const elementEnd = (text: string, at: number): number => {
  let i = startTagEnd(text, at)
  if (lastEmpty) return i
  for (let depth = 1; ;) {
    const lt = text.indexOf('<', i)
    const c = text.charCodeAt(lt + 1)
    if (c === SLASH) {
      i = text.indexOf('>', lt + 2) + 1
      if (--depth === 0) return i
    } else if (c === BANG || c === QUESTION) i = sectionEnd(text, lt)
    else {
      i = startTagEnd(text, lt)
      if (!lastEmpty) depth++
    }
  }
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

const isCdata = (text: string, lt: number): boolean => text.charCodeAt(lt + 2) === 91

/**
 * The element's own text (`textOf` of the element txml builds): its text runs and CDATA sections joined, child
 * elements skipped. A leaf element `<a>text</a>` costs one `indexOf` and one slice.
 */
export const textAt = (text: string, at: number): string => {
  let i = startTagEnd(text, at)
  if (lastEmpty) return ''
  let out = ''
  for (;;) {
    const lt = text.indexOf('<', i)
    if (lt > i) out += textRun(text, i, lt)
    const c = text.charCodeAt(lt + 1)
    if (c === SLASH) return out
    if (c === BANG && isCdata(text, lt)) {
      i = text.indexOf(']]>', lt + 9)
      out += text.slice(lt + 9, i)
      i += 3
    } else i = c === BANG || c === QUESTION ? sectionEnd(text, lt) : elementEnd(text, lt)
  }
}

/** The element at `at` as txml builds it; nesting is at most `MAX_DEPTH` (checked), so recursion is bounded. */
export const buildElement = (text: string, at: number): XmlElement => {
  const tag = startTag(text, at, true)
  const children: Array<XmlNode> = []
  const element: XmlElement = {
    tagName: tag.name,
    attributes: tag.attributes === NO_ATTRIBUTES ? {} : tag.attributes,
    children
  }
  if (tag.empty) return element
  for (let i = tag.end; ;) {
    const lt = text.indexOf('<', i)
    const run = lt > i ? textRun(text, i, lt) : ''
    if (run !== '') children.push(run)
    const c = text.charCodeAt(lt + 1)
    if (c === SLASH) return element
    if (c === BANG && isCdata(text, lt)) {
      i = text.indexOf(']]>', lt + 9)
      children.push(text.slice(lt + 9, i))
      i += 3
    } else if (c === BANG || c === QUESTION) i = sectionEnd(text, lt)
    else {
      children.push(buildElement(text, lt))
      i = elementEnd(text, lt)
    }
  }
}

/** The offsets of the children named `tagName` of the element at `at`. */
export const childrenNamed = (text: string, at: number, tagName: string): ReadonlyArray<number> =>
  new ScanView(text, at, { byName: new Map([[tagName, 0]]), seen: [] }).named(tagName)

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

/**
 * The `ElementView` of an element in the text: its start tag read and its children indexed in one walk, the names
 * a struct reads into slots (the first offset, then any more), the others (kept in `extra`) by name.
 */
export class ScanView implements ElementView {
  // `declare`d, set in the constructor: class fields would be lowered (es2020) to a helper call each
  declare readonly name: string
  declare private readonly text: string
  declare private readonly at: number
  declare private readonly slots: Slots
  declare private readonly tag: StartTag
  declare private readonly firsts: Array<number>
  declare private more: Map<number, Array<number>> | undefined
  declare private others: Map<string, Array<number>> | undefined

  constructor(text: string, at: number, slots: Slots) {
    this.text = text
    this.at = at
    this.slots = slots
    this.tag = startTag(text, at, true)
    this.name = this.tag.name
    const first = (this.firsts = new Array<number>(slots.byName.size).fill(-1))
    if (this.tag.empty) return
    const seen = slots.seen
    for (let i = this.tag.end, k = 0; ; k++) {
      const lt = text.indexOf('<', i)
      const c = text.charCodeAt(lt + 1)
      if (c === SLASH) return
      if (c === BANG || c === QUESTION) i = sectionEnd(text, lt)
      else {
        const end = nameEnd(text, lt + 1)
        const guess = seen[k]
        let name: string
        if (guess !== undefined && end - lt - 1 === guess.length && text.startsWith(guess, lt + 1)) name = guess
        else {
          name = text.slice(lt + 1, end)
          // a few dozen names are what a Kayako element has; a hostile one's millions are not kept
          if (k < 64) seen[k] = name
        }
        const slot = slots.byName.get(name)
        if (slot === undefined) {
          const others = (this.others ??= new Map<string, Array<number>>())
          const list = others.get(name)
          if (list === undefined) others.set(name, [lt])
          else list.push(lt)
        } else if (first[slot] === -1) first[slot] = lt
        else {
          const more = (this.more ??= new Map<number, Array<number>>())
          const list = more.get(slot)
          if (list === undefined) more.set(slot, [lt])
          else list.push(lt)
        }
        i = elementEnd(text, lt)
      }
    }
  }

  named(name: string): ReadonlyArray<number> {
    const slot = this.slots.byName.get(name)
    if (slot === undefined) return this.others?.get(name) ?? NONE
    const first = this.firsts[slot] as number
    if (first === -1) return NONE
    const more = this.more?.get(slot)
    return more === undefined ? [first] : [first, ...more]
  }
  first(name: string): number | undefined {
    const slot = this.slots.byName.get(name)
    const at = slot === undefined ? this.others?.get(name)?.[0] : this.firsts[slot]
    return at === -1 ? undefined : at
  }
  attribute(name: string): string | undefined {
    return Object.hasOwn(this.tag.attributes, name) ? this.tag.attributes[name] : undefined
  }
  ownText(): string {
    return textAt(this.text, this.at)
  }
  textOf(child: unknown): string {
    return textAt(this.text, child as number)
  }
  decode<A>(decoder: Decoder<XmlElement, A>, child: unknown): Decoded<A> {
    return scanWith(decoder, this.text, child as number)
  }
  itemsOf(child: unknown, itemTag: string): ReadonlyArray<number> {
    return childrenNamed(this.text, child as number, itemTag)
  }
  /** The names no slot holds, in the order they first appear (what `extra` keeps). */
  names(): Iterable<string> {
    return this.others?.keys() ?? NONE
  }
  elements(name: string): ReadonlyArray<XmlElement> {
    return this.named(name).map((at) => buildElement(this.text, at))
  }
  attributes(): Iterable<readonly [string, string]> {
    return this.tag.attributes === NO_ATTRIBUTES ? NONE : Object.entries(this.tag.attributes)
  }
}
