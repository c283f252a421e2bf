import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawErrors } from '../../src/core/decoder'
import {
  attr,
  attrInt,
  bool,
  checkDocument,
  content,
  DEFAULT_MAX_ELEMENTS,
  extraText,
  first,
  int,
  list,
  listIn,
  many,
  one,
  parseDocument,
  plainText,
  requiredInt,
  struct,
  text,
  textAs,
  timestamp,
  toBool,
  toInt,
  type XmlElement
} from '../../src/classic/internal/xml'
import { cheapest } from '../support/cpu'
import { FIXTURES, fixture } from '../support/fixtures'
import { unwrap, unwrapLeft } from '../support/transport'

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
const root = (xml: string): XmlElement => unwrap(parseDocument(DECL + xml)).root

test('parseDocument cuts a PHP notice before the declaration and keeps it as text', () => {
  const doc = unwrap(parseDocument('<div><font color="red">[Notice]: Undefined offset: 11</font></div>' + DECL + '<items>\n</items>'))
  assert.is(doc.root.tagName, 'items')
  assert.is(doc.notice, '[Notice]: Undefined offset: 11')
})

test('parseDocument: the PHP warning fixture is a Left that carries the warning text', () => {
  const message = unwrapLeft(parseDocument(fixture('classic/Error_PHPWarning_body.html')))
  assert.match(message, /\[Warning\]: Missing argument 2 for Controller_TicketAttachment::Get\(\)/)
  assert.not.match(message, /<font/)
})

test('parseDocument: empty, truncated and malformed bodies are Lefts', () => {
  assert.match(unwrapLeft(parseDocument('')), /empty body/)
  assert.match(unwrapLeft(parseDocument(DECL + '<departments><department><id>1</id>')), /truncated/)
  assert.match(unwrapLeft(parseDocument(DECL + '<departments><department></title></departments>')), /malformed/)
  assert.match(unwrapLeft(parseDocument(DECL)), /no root/)
})

test('parseDocument does not expand custom entities (billion laughs stays small)', () => {
  const bomb =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
    '<items><item>&lol2;</item></items>'
  const doc = unwrap(parseDocument(bomb))
  const item = doc.root.children[0] as XmlElement
  assert.is(item.children[0], '&lol2;')
})

const thing = struct('thing', {
  id: requiredInt('id'),
  title: text('title'),
  enabled: bool('enabled'),
  at: timestamp('at'),
  groups: listIn('groups', 'id', textAs(toInt))
})

test('struct: CDATA, entities, <tag />, comments, timestamps and lists', () => {
  const el = root(
    '<thing><!-- a comment --><id><![CDATA[7]]></id><title><![CDATA[a <b> & ]]]]><![CDATA[>]]></title>' +
      '<enabled>1</enabled><at>1300000000</at><groups><id>1</id><id>2</id></groups></thing>'
  )
  const v = unwrap(thing.decode(el))
  assert.is(v.id, 7)
  assert.is(v.title, 'a <b> & ]]>')
  assert.is(v.enabled, true)
  assert.equal(v.at, new Date(1300000000 * 1000))
  assert.equal(v.groups, [1, 2])
  assert.equal(v.extra, {})
  const empty = unwrap(thing.decode(root('<thing><id>3</id><title /><enabled /><at>0</at></thing>')))
  assert.equal([empty.title, empty.enabled, empty.at, empty.groups], ['', false, null, []])
  assert.is(unwrap(thing.decode(root('<thing><id>3</id><title>Tom &amp; Jerry &#233;</title></thing>'))).title, 'Tom & Jerry é')
})

test('struct keeps unknown children and attributes in extra', () => {
  const v = unwrap(thing.decode(root('<thing new="x"><id>1</id><futurefield><![CDATA[hello]]></futurefield></thing>')))
  assert.is(extraText(v.extra, 'futurefield'), 'hello')
  assert.is(extraText(v.extra, '@new'), 'x')
})

test('struct reports every failing field with its path', () => {
  const r = thing.decode(root('<thing><id>x</id><enabled>maybe</enabled></thing>'))
  const lines = drawErrors(unwrapLeft(r))
  assert.equal(lines, ['id: expected an integer (got "x")', 'enabled: expected 0 or 1 (got "maybe")'])
  assert.match(drawErrors(unwrapLeft(thing.decode(root('<thing />'))))[0] ?? '', /id: required element is missing/)
})

test('toBool accepts 1/0, true/false and empty', () => {
  assert.equal(
    ['1', '0', 'true', 'FALSE', ''].map((t) => unwrap(toBool(t))),
    [true, false, true, false, false]
  )
  assert.ok(E.isLeft(toBool('2')))
})

test('toInt rejects unsafe integers', () => {
  assert.ok(E.isLeft(toInt('99999999999999999999')))
  assert.is(unwrap(toInt(' 42 ')), 42)
})

const note = struct('note', { id: attrInt('id'), color: attr('notecolor'), text: content((t) => E.right(t)) })
const notes = many('notes', 'note', note)

test('attributes, element text and list/first/single', () => {
  const r = root('<notes><note id="1" notecolor="2"><![CDATA[hi]]></note><note id="2" notecolor="1">yo</note></notes>')
  const v = unwrap(notes.decode(r))
  assert.equal(
    v.map((n) => [n.id, n.color, n.text]),
    [
      [1, '2', 'hi'],
      [2, '1', 'yo']
    ]
  )
  assert.equal(unwrap(first(notes).decode(root('<notes>\n</notes>'))), O.none)
  assert.ok(E.isLeft(one(notes).decode(root('<notes></notes>'))))
  assert.match(drawErrors(unwrapLeft(notes.decode(root('<departments />'))))[0] ?? '', /expected the root element <notes>/)
})

test('many decodes repeated children', () => {
  const parent = struct('p', { xs: list('x', struct('x', { v: int('v') })) })
  assert.equal(
    unwrap(parent.decode(root('<p><x><v>1</v></x><x><v>2</v></x></p>'))).xs.map((x) => x.v),
    [1, 2]
  )
})

// ---------------------------------------------------------------------------------------------------------------
// Strict and bounded documents (issue 11, findings 2 and 8)

test('checkDocument: every Classic fixture is well-formed', () => {
  for (const name of readdirSync(join(FIXTURES, 'classic')).filter((f) => f.endsWith('.xml'))) {
    const body = fixture(`classic/${name}`)
    assert.is(checkDocument(body.slice(body.indexOf('<?xml'))), undefined, name)
  }
})

test('checkDocument: what is not well-formed, and why', () => {
  const cases: ReadonlyArray<readonly [string, RegExp]> = [
    ['<a><b></a>', /^<b> closed by another tag/],
    ['<a><b>x</b>', /^truncated document: <a> is not closed$/],
    ['<a><![CDATA[x</a>', /^unclosed <!\[CDATA\[ at offset 3$/],
    ['<a><!-- x</a>', /^unclosed <!-- at offset 3$/],
    ['<a></a><b/>', /^a second root/],
    ['<a></a>text', /^text outside the root/],
    ['text<a></a>', /^text outside the root/],
    ['<a b=c></a>', /^malformed tag at offset 0$/],
    ['<a b="c></a>', /^malformed tag/],
    ['<a b></a>', /^malformed tag/],
    ['<a>x < y</a>', /^malformed tag at offset 5$/],
    ['</a>', /^a closing tag outside the root/],
    ['<a></ab>', /^<a> closed by another tag/],
    ['<a><?pi x</a>', /^unclosed <\? at offset 3$/],
    ['<a><!DOCTYPE x></a>', /^malformed tag/],
    ['', /^no root element$/]
  ]
  for (const [text, why] of cases) assert.match(checkDocument(text) ?? 'well-formed', why, text)
  for (const text of [
    '<a/>',
    '<a x="1" y=\'2\'/>',
    '<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE a [<!ENTITY e "x">]>\n<a>&e;<b/><![CDATA[<not/> ]]]]><![CDATA[>]]></a>\n<?pi?>\n'
  ]) {
    assert.is(checkDocument(text), undefined, text)
  }
})

test('checkDocument: elements beyond maxElements and nesting beyond 256 levels', () => {
  const wide = `<r>${'<a/>'.repeat(99)}</r>`
  assert.is(checkDocument(wide, 100), undefined)
  assert.is(checkDocument(`<r>${'<a/>'.repeat(100)}</r>`, 100), 'more than 100 elements (maxElements)')
  assert.is(checkDocument(`${'<a>'.repeat(256)}${'</a>'.repeat(256)}`), undefined)
  assert.is(checkDocument(`${'<a>'.repeat(257)}${'</a>'.repeat(257)}`), 'elements nested deeper than 256')
  assert.equal(parseDocument(`${DECL}<r>${'<a/>'.repeat(DEFAULT_MAX_ELEMENTS)}</r>`), E.left(`more than ${DEFAULT_MAX_ELEMENTS} elements (maxElements)`))
})

test('checkDocument: a tag with a million attributes, a 30 MB attribute value or text: one pass, no overflow', () => {
  for (const [text, expected] of [
    [`<a${' b=""'.repeat(1_000_000)}/>`, undefined],
    [`<r><a${' b=""'.repeat(1_000_000)} >x</a></r>`, undefined],
    [`<r><a${' b=""'.repeat(1_000_000)} c></a></r>`, 'malformed tag at offset 3'],
    [`<a b="${'x'.repeat(30_000_000)}"/>`, undefined],
    [`<a b="${'x'.repeat(30_000_000)}`, 'malformed tag at offset 0'],
    [`<a${' '.repeat(10_000_000)}x`, 'malformed tag at offset 0'],
    [`<a>${'x'.repeat(30_000_000)}</a>`, undefined]
  ] as const) {
    // CPU time, not wall time (test/support/cpu.ts): 34-508 ms each at load 14 (3,077 ms of wall time at most); a
    // scan that went back over the tag or the text for each attribute would take minutes.
    const run = cheapest(2000, () => checkDocument(text))
    assert.is(run.value, expected)
    assert.ok(run.cpuMs < 2000, `${run.cpuMs.toFixed(0)} ms of CPU (${run.wallMs.toFixed(0)} ms)`)
  }
})

test('plainText: tags out, white space collapsed, in one pass over a body of "<"', () => {
  assert.is(plainText('<html><body><b>Warning</b>:&nbsp;x in\n <i>y.php</i></body></html>'), 'Warning : x in y.php')
  assert.is(plainText('a <<b> c < d'), 'a < c < d')
  for (const body of ['<'.repeat(4 * 1024 * 1024), `<${'a'.repeat(4 * 1024 * 1024)}`, '<a'.repeat(2 * 1024 * 1024)]) {
    const run = cheapest(1000, () => plainText(body))
    assert.is(run.value, body)
    assert.ok(run.cpuMs < 1000, `linear: ${run.cpuMs.toFixed(0)} ms of CPU (${run.wallMs.toFixed(0)} ms)`)
  }
})

test.run()
