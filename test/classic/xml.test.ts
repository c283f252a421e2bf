import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { drawErrors } from '../../src/core/decoder'
import {
  attr,
  attrInt,
  bool,
  content,
  extraText,
  first,
  int,
  list,
  listOf,
  many,
  parseDocument,
  requiredInt,
  single,
  struct,
  text,
  timestamp,
  toInt,
  toBool,
  type XmlElement
} from '../../src/classic/xml'
import { fixture } from '../support/fixtures'
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
  groups: listOf('groups', 'id', toInt)
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
const notes = list('notes', 'note', note)

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
  assert.ok(E.isLeft(single(notes).decode(root('<notes></notes>'))))
  assert.match(drawErrors(unwrapLeft(notes.decode(root('<departments />'))))[0] ?? '', /expected the root element <notes>/)
})

test('many decodes repeated children', () => {
  const parent = struct('p', { xs: many('x', struct('x', { v: int('v') })) })
  assert.equal(
    unwrap(parent.decode(root('<p><x><v>1</v></x><x><v>2</v></x></p>'))).xs.map((x) => x.v),
    [1, 2]
  )
})

test.run()
