import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parseDocument, textOf, type XmlElement } from '../../src/classic/internal/xml'
import { comment, document, leaf, parent, withAttributes } from '../../src/sandbox/classic/xml'

test('values are CDATA, empty values self-close, containers have no CDATA', () => {
  assert.is(leaf('title', 'Sales'), '<title><![CDATA[Sales]]></title>\n')
  assert.is(leaf('id', 0), '<id><![CDATA[0]]></id>\n')
  assert.is(leaf('flag', true), '<flag><![CDATA[1]]></flag>\n')
  assert.is(leaf('emailto', ''), '<emailto />\n')
  assert.is(parent('usergroups', []), '<usergroups>\n</usergroups>\n')
  assert.is(document(parent('departments', [])), '<?xml version="1.0" encoding="UTF-8"?>\n<departments>\n</departments>')
})

test('control characters are stripped and "]]>" is split across two CDATA sections', () => {
  const xml = document(parent('posts', leaf('contents', 'a\u0001b\u0007c]]>d\ttab\r\nline')))
  assert.ok(xml.includes('<![CDATA[abc]]]]><![CDATA[>d\ttab\r\nline]]>'))
  const root = (parseDocument(xml) as { right: { root: XmlElement } }).right.root
  assert.is(textOf(root.children.find((c) => typeof c !== 'string') as XmlElement), 'abc]]>d\ttab\r\nline')
})

test('attributes are escaped like htmlspecialchars, text content stays CDATA', () => {
  assert.is(
    withAttributes(
      'note',
      [
        ['creatorstaffname', `O'Brien & "Sons" <x>`],
        ['id', 3]
      ],
      'a < b'
    ),
    `<note creatorstaffname="O&#039;Brien &amp; &quot;Sons&quot; &lt;x&gt;" id="3"><![CDATA[a < b]]></note>\n`
  )
  assert.is(withAttributes('ticketstatus', [['id', 1]]), '<ticketstatus id="1" />\n')
  assert.is(comment('Timeline Properties'), '<!-- Timeline Properties -->\n')
})

test.run()
