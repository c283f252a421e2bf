// The scanner (scan.ts, the executor's default) against the reference, txml (an explicit `xmlParser`): the same
// answers, Right values deep-equal and Lefts equal, on every Classic fixture, every sandbox answer the builders draw,
// and generated documents; the elements the scanner builds for `extra` equal txml's; the allocation-free
// `checkDocument` gives the same verdicts as the regular-expression one it replaced.
//
// Where the two readings differ on purpose, the generated documents stay clear of it (and a test shows it):
// txml skips the leading characters of an attribute name that are not ASCII letters (`_a` → `a`), reads a
// processing instruction inside the root as an element named `?name` (and quotes in one, the declaration too, as
// attribute values that may run past its `?>`; it ends one at its first `>`), and ends a comment at `<!-->`.
import { inspect, isDeepStrictEqual } from 'node:util'
import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { parse } from 'txml/txml'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import { getRequest } from '../../src/classic/internal/request'
import { buildElement, type Scannable } from '../../src/classic/internal/scan'
import {
  attr,
  attrInt,
  checkDocument,
  content,
  list,
  listIn,
  optional,
  requiredText,
  scanDocument,
  struct,
  text as textField,
  textAs,
  toInt,
  txmlParser,
  type XmlElement,
  type XmlNode
} from '../../src/classic/internal/xml'
import { success } from '../../src/core/decoder'
import type { HttpResponse, Transport } from '../../src/core/http'
import { classicDecoderCases, type DecoderCase } from '../support/classicCases'
import { checkDocumentRegex } from '../support/checkDocumentRegex'
import { applyXml, mutations } from '../support/mutate'

let cases: ReadonlyArray<DecoderCase> = []
test.before(async () => {
  cases = await classicDecoderCases()
})

let body = ''
const transport: Transport = () => async () => E.right<never, HttpResponse>({ status: 200, headers: { 'content-type': 'text/xml' }, body })
const config = { url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport }
const scanner = classic(config)
const reference = classic({ ...config, xmlParser: txmlParser })

/** Both executors on one body: the results, for `assert.equal`. */
const both = async (request: DecoderCase['request'], text: string): Promise<readonly [unknown, unknown]> => {
  body = text
  return [await scanner(request)(), await reference(request)()]
}

/** Documents where the readings differ on purpose (see the header); a quoted value may hold `>` (a flip can put one there). */
const divergent = (text: string): boolean =>
  /<[^<>/!?](?:[^<>"']|"[^"]*"|'[^']*')*?\s[^A-Za-z\s/>][^\s=/>]*\s*=|<!--->?|<!-->|<\?(?!xml)[\s\S]*?<\/|<\/?(script|style)\b/.test(text) ||
  [...text.matchAll(/<\?[\s\S]*?\?>/g)].some(([pi]) => pi.split('"').length % 2 === 0 || pi.split("'").length % 2 === 0 || /[<>]/.test(pi.slice(2, -2)))

const txmlRoot = (text: string): XmlElement | undefined => {
  const start = text.indexOf('<?xml')
  const nodes = parse(text.slice(start), { selfClosingTags: [], decodeEntities: true, skipXmlDeclaration: true, keepComments: false }) as Array<XmlNode>
  return nodes.find((n): n is XmlElement => typeof n !== 'string' && /^[A-Za-z_]/.test(n.tagName))
}

test('the cases were found: every decoder, with fixtures and sandbox answers', () => {
  assert.ok(cases.length >= 40, String(cases.length))
  assert.ok(cases.every((c) => c.fixtures.length > 0))
})

test('every fixture and sandbox answer: the same answer through the scanner and txml, for every decoder', async () => {
  let compared = 0
  for (const c of cases)
    for (const text of c.fixtures) {
      const [scanned, parsed] = await both(c.request, text)
      assert.equal(scanned, parsed, `${c.operation} on ${text.slice(0, 120)}`)
      compared++
    }
  assert.ok(compared > 100, String(compared))
})

test('every fixture and sandbox answer: the elements the scanner builds (for extra) equal txml’s', () => {
  for (const text of new Set(cases.flatMap((c) => c.fixtures))) {
    const doc = scanDocument(text)
    if (E.isLeft(doc)) continue
    assert.equal(buildElement(doc.right.scanned, 0), txmlRoot(text))
  }
})

/** Inputs per run of the damaged-bodies property. */
const RUNS = 10_000

test(`${RUNS} damaged real bodies: the same answer (Right deep-equal, the same Left) through both`, async () => {
  const tags = new Map<string, number>()
  let skipped = 0
  await fc.assert(
    fc.asyncProperty(fc.record({ index: fc.nat(), fixture: fc.nat(), mutations }), async ({ index, fixture, mutations }) => {
      const c = cases[index % cases.length] as DecoderCase
      const text = applyXml(c.fixtures[fixture % c.fixtures.length] as string, mutations)
      if (divergent(text)) {
        skipped++
        return
      }
      const [scanned, parsed] = await both(c.request, text)
      assert.equal(scanned, parsed, `${c.operation} on ${JSON.stringify(text.slice(0, 300))}`)
      const tag = E.isRight(scanned as E.Either<{ _tag: string }, unknown>) ? 'Right' : (scanned as E.Left<{ _tag: string }>).left._tag
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
    }),
    { numRuns: RUNS }
  )
  // Every outcome is reached, and few inputs fall in the documented differences.
  for (const tag of ['Right', 'ParseError', 'DecodeError']) assert.ok((tags.get(tag) ?? 0) > RUNS / 50, JSON.stringify([...tags]))
  assert.ok(skipped < RUNS / 10, `${skipped} skipped`)
})

/** Generated documents per property (with the damaged real bodies, 20,000 documents a run). */
const GENERATED = 5000

// Generated documents: elements, attributes, text with entities, CDATA, comments, white space, in any nesting.
const NAMES = ['a', 'b', 'id', 'title', 'x:y', 'é', 'constructor', '__proto__', 'toString', 'ticket', 'a.b-c']
const TEXTS = ['', ' ', 'plain', ' spaced  out ', '&amp;&lt;&gt;&quot;&apos;', '&#65;&#x42;&#X43;&#1114112;&#0;', '&unknown;', 'é 東京', '\n\t', ']]']
const text = fc.constantFrom(...TEXTS)
const attribute = fc.tuple(
  fc.constantFrom('a', 'b', 'id', 'type', 'x:y', 'constructor', 'hasOwnProperty'),
  text,
  fc.constantFrom('"', "'"),
  fc.constantFrom('', ' ')
)
const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.oneof(
        text,
        text.map((t) => `<![CDATA[${t.replace(/]]/g, '')}]]>`),
        fc.constant('<!-- note -->')
      )
    : fc.oneof(
        { weight: 3, arbitrary: node(1) },
        {
          weight: 5,
          arbitrary: fc
            .tuple(fc.constantFrom(...NAMES), fc.array(attribute, { maxLength: 3 }), fc.array(node(depth - 1), { maxLength: 5 }), fc.boolean())
            .map(([name, attributes, children, empty]) => {
              const attrs = [...new Map(attributes.map((a) => [a[0], a])).values()].map(([n, v, q, s]) => ` ${n}${s}=${s}${q}${v.replace(q, '')}${q}`).join('')
              return empty && children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`
            })
        }
      )
)
const documents = fc
  .tuple(fc.constantFrom('', 'Notice: x\n'), fc.constantFrom('', '<!-- before -->', '<!DOCTYPE r [<!ENTITY e "x">]>'), fc.array(node(4), { maxLength: 6 }))
  .map(([notice, prolog, children]) => `${notice}<?xml version="1.0"?>\n${prolog}<r a="1">${children.join('\n')}</r>\n`)

test(`${GENERATED} generated documents: the elements built from the text equal txml’s tree`, () => {
  fc.assert(
    fc.property(documents, (doc) => {
      const scanned = scanDocument(doc)
      assert.ok(E.isRight(scanned), doc)
      if (E.isRight(scanned)) assert.equal(buildElement(scanned.right.scanned, 0), txmlRoot(doc), doc)
    }),
    { numRuns: GENERATED }
  )
})

// A decoder of every kind of field over the generated documents' names: texts, attributes, own text, lists, a
// container's items, an optional child, numbers that may fail, the rest in `extra`, and `<a>` inside `<a>` (a struct
// reading an element of its own kind while it reads one).
const nested: Scannable<unknown> = {
  decode: (el) => generic.decode(el),
  scan: (doc, k) => (generic.scan as NonNullable<typeof generic.scan>)(doc, k)
}
const generic: Scannable<unknown> = struct('a', {
  title: textField('title'),
  id: optional('id', textAs(toInt)),
  type: attr('type'),
  own: content(success),
  as: list('a', nested),
  bs: listIn('b', 'id', textAs(success))
})
const genericRoot = struct('r', {
  a: attrInt('a'),
  title: textField('title'),
  own: content(success),
  as: list('a', generic),
  tickets: list('ticket', struct('ticket', { id: attrInt('id'), b: attr('b'), xs: list('x:y', textAs(success)), title: requiredText('title') })),
  ids: listIn('b', 'a', generic)
})
const genericRequest = getRequest('Generic.get', '/Generic', genericRoot)

/** Generated documents through both executors per run (with the damaged real bodies, 20,000 decoded both ways). */
const DECODED = 10_000

test(`${DECODED} generated documents: the same answer through the scanner and txml, for a decoder of every kind of field`, async () => {
  const tags = new Map<string, number>()
  await fc.assert(
    fc.asyncProperty(documents, async (doc) => {
      const [scanned, parsed] = await both(genericRequest, doc)
      // not `assert.equal`: its comparison reads `constructor`, which an element named so is in `extra`
      assert.ok(isDeepStrictEqual(scanned, parsed), `${doc}\n${inspect(scanned, { depth: 9 })}\n${inspect(parsed, { depth: 9 })}`)
      const tag = E.isRight(scanned as E.Either<unknown, unknown>) ? 'Right' : 'Left'
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
    }),
    { numRuns: DECODED }
  )
  // both outcomes are reached often
  for (const tag of ['Right', 'Left']) assert.ok((tags.get(tag) ?? 0) > DECODED / 20, JSON.stringify([...tags]))
})

test(`${GENERATED} damaged generated documents: checkDocument gives the verdict of the regular-expression check`, () => {
  fc.assert(
    fc.property(documents, mutations, (doc, ms) => {
      const text = applyXml(doc, ms).slice(doc.indexOf('<?xml'))
      assert.is(checkDocument(text, 200), checkDocumentRegex(text, 200), text)
    }),
    { numRuns: GENERATED }
  )
})

test('the documented differences: txml mangles attribute names and reads processing instructions as elements', () => {
  const doc = '<?xml version="1.0"?><r _a="1" :b="2"><?php x ?></r>'
  const scanned = scanDocument(doc)
  assert.ok(E.isRight(scanned))
  if (E.isLeft(scanned)) return
  assert.equal(buildElement(scanned.right.scanned, 0), { tagName: 'r', attributes: { _a: '1', ':b': '2' }, children: [] })
  assert.equal(txmlRoot(doc)?.attributes, { a: '1', b: '2' })
  assert.ok(divergent(doc))
})

test.run()
