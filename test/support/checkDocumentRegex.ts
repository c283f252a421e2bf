// The check of well-formedness as it was written before the scanner (sticky regular expressions), kept as the reference
// the allocation-free `checkDocument` of scan.ts is held equal to, message for message (test/classic/scan.test.ts).
const DEFAULT_MAX_ELEMENTS = 1_000_000
const MAX_DEPTH = 256

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
export const checkDocumentRegex = (text: string, maxElements = DEFAULT_MAX_ELEMENTS): string | undefined => {
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
