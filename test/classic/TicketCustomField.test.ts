import * as O from 'fp-ts/Option'
import { pipe } from 'fp-ts/function'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TicketCustomField from '../../src/classic/TicketCustomField'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { bodyText, canned, unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: ClassicRequest<A>, body: string): A => {
  if (req.response._tag !== 'Xml') throw new Error('expected an XML response')
  return unwrap(req.response.decoder.decode(unwrap(parseDocument(body)).root))
}
const paths = (req: ClassicRequest<unknown>) => req.issues.map((i) => i.path)
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)
const { CustomFieldType } = TicketCustomField

// The 4.98.8 style (spec §2.14): CDATA values, ` &gt; ` verbatim inside CDATA, `\,` escapes, `<field />` for empty,
// a comment, single Base64 for files.
const SERVER_STYLE = `<?xml version="1.0" encoding="UTF-8"?>
<customfields>
<!-- Ticket custom fields -->
<group id="1" title="Order" displayorder="2">
<field id="10" type="3" name="pw1" title="Password"><![CDATA[s3cr3t]]></field>
<field id="11" type="5" name="rd1" title="Channel"><![CDATA[Phone]]></field>
<field id="12" type="4" name="cb1" title="Extras"><![CDATA[Value1\\, Value2, Value3]]></field>
<field id="13" type="9" name="ls1" title="Product"><![CDATA[Hardware &gt; Printers]]></field>
<field id="14" type="6" name="sl1" title="Size" />
<field id="15" type="11" name="fl1" title="Scan" filename="hello.txt"><![CDATA[aGVsbG8=]]></field>
<field id="16" type="10" name="dt1" title="Due"><![CDATA[31/12/2024]]></field>
<field id="17" type="2" name="ta1" title="Notes"><![CDATA[two
lines]]></field>
<field id="18" type="7" name="ms1" title="Tags" />
<field id="19" type="42" name="nw1" title="Future"><![CDATA[?]]></field>
</group>
<group id="2" title="Empty" displayorder="3">
</group>
</customfields>`

test('get description', () => {
  assert.equal(paths(TicketCustomField.get(0)), ['ticketId'])
})

test('decodes the wiki fixture: text, linked, multi, date, double-Base64 file', () => {
  const [g, ...more] = decode(TicketCustomField.get(1), fixture('classic/TicketCustomField_Get.xml'))
  assert.is(more.length, 0)
  assert.equal(g && [g.id, g.title, g.displayOrder, g.fields.length], [4, 'Test Ticket', 0, 5])
  const f = g?.fields ?? []
  assert.equal(
    f.map((x) => [x.id, x.type, x.name, x.title]),
    [
      [2, CustomFieldType.text, 'ab32ds122', 'Test'],
      [3, CustomFieldType.linkedSelect, 'fd923nds2', 'Linked Select'],
      [4, CustomFieldType.multiSelect, 'mcz923nxa', 'Multiple'],
      [5, CustomFieldType.date, 'z13nc8923', 'Date'],
      [6, CustomFieldType.file, 'mds923nx92', 'File']
    ]
  )
  assert.equal(f[0]?.value, { kind: 'text', text: 'Test Plaintext Field' })
  assert.equal(f[1]?.value, { kind: 'linked', parent: 'Product', child: 'Fusion' })
  assert.equal(f[2]?.value, { kind: 'options', options: ['Value1', 'Value2'] })
  assert.equal(f[3]?.value, { kind: 'date', text: '05/24/2011', date: new Date(Date.UTC(2011, 4, 24)) })
  const file = f[4]?.value
  assert.is(file?.kind, 'file')
  if (file?.kind !== 'file') return
  assert.is(file.fileName, 'report.txt')
  assert.is(
    text(file.contents),
    'SWIFT-1390: Custom Fields in Ticket Views\n\nSWIFT-1391: Public/Private Visibility Toggle in User/User Organization Custom Field Groups\n\n'
  )
  assert.match(f[4]?.rawValue ?? '', /^VTFkSlJsUXRNVE01/)
})

test('decodes the server style: CDATA, &gt; inside CDATA, \\, escapes, empty fields, single Base64, unknown type', () => {
  const [g, empty] = decode(TicketCustomField.get(1), SERVER_STYLE)
  assert.equal([g?.id, g?.title, g?.displayOrder, empty?.fields], [1, 'Order', 2, []])
  assert.equal(
    g?.fields.map((f) => [f.id, f.value]),
    [
      [10, { kind: 'text', text: 's3cr3t' }],
      [11, { kind: 'option', option: 'Phone' }],
      [12, { kind: 'options', options: ['Value1, Value2', 'Value3'] }],
      [13, { kind: 'linked', parent: 'Hardware', child: 'Printers' }],
      [14, { kind: 'option', option: '' }],
      [15, { kind: 'file', fileName: 'hello.txt', contents: new TextEncoder().encode('hello') }],
      [16, { kind: 'date', text: '31/12/2024', date: null }],
      [17, { kind: 'text', text: 'two\nlines' }],
      [18, { kind: 'options', options: [] }],
      [19, { kind: 'text', text: '?' }]
    ]
  )
})

test('value helpers', () => {
  assert.equal(TicketCustomField.splitMultiValue('a\\, b, c,d'), ['a, b', 'c', 'd'])
  assert.equal(TicketCustomField.splitMultiValue(''), [])
  assert.equal(TicketCustomField.splitLinked('Only parent'), { parent: 'Only parent', child: '' })
  // bytes that are not Base64 text after one decoding stay as they are
  assert.equal([...unwrap(TicketCustomField.decodeFileContents('AP8Q'))], [0, 255, 16])
  unwrapLeft(TicketCustomField.decodeFileContents('***'))
})

test('lookup: by id, by name, then by title (the hash-like accessor)', () => {
  const groups = decode(TicketCustomField.get(1), fixture('classic/TicketCustomField_Get.xml'))
  const title = (key: number | string) =>
    pipe(
      groups,
      TicketCustomField.lookup(key),
      O.map((f) => f.title)
    )
  assert.equal(title(3), O.some('Linked Select'))
  assert.equal(title('mcz923nxa'), O.some('Multiple'))
  assert.equal(title('Date'), O.some('Date'))
  assert.equal(title('nope'), O.none)
  assert.equal(title(99), O.none)
})

test('post: per-type encoding of spec §1.4', () => {
  const p = TicketCustomField.post(12, {
    ab32ds122: TicketCustomField.textValue('Plain'),
    rd1: TicketCustomField.optionValue(7),
    mcz923nxa: TicketCustomField.optionsValue([3, 4]),
    cb1: TicketCustomField.optionsValue([]),
    fd923nds2: TicketCustomField.linkedValue(5, 9),
    ls2: TicketCustomField.linkedValue(6),
    z13nc8923: TicketCustomField.dateValue(new Date(Date.UTC(2011, 4, 4, 23)))
  })
  assert.equal([p.operation, p.method, p.route, p.issues, p.files], ['TicketCustomField.post', 'POST', '/Tickets/TicketCustomField/12', [], []])
  assert.equal(p.form, [
    ['ab32ds122', 'Plain'],
    ['rd1', '7'],
    ['mcz923nxa[0]', '3'],
    ['mcz923nxa[1]', '4'],
    ['cb1', ''],
    ['fd923nds2[0]', '5'],
    ['fd923nds2[1][5]', '9'],
    ['ls2[0]', '6'],
    ['z13nc8923', '05/04/2011']
  ])
})

test('post: a file field becomes a multipart file part named after the field, with an empty same-named text part (4.98.8 links the file only then: B/library/CustomField/class.SWIFT_CustomFieldManager.php:649-663)', async () => {
  const p = TicketCustomField.post(12, { ab32ds122: TicketCustomField.textValue('x'), mds923nx92: TicketCustomField.fileValue('r.txt', 'report') })
  assert.equal(p.form, [
    ['ab32ds122', 'x'],
    ['mds923nx92', '']
  ])
  assert.equal(p.files, [{ name: 'mds923nx92', filename: 'r.txt', contentType: 'application/octet-stream', data: new TextEncoder().encode('report') }])
  const { transport, sent } = canned({ body: SERVER_STYLE })
  const groups = unwrap(await classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })(p)())
  assert.is(groups.length, 2)
  assert.match(sent[0]?.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/)
  const body = bodyText(sent[0])
  assert.ok(body.includes('Content-Disposition: form-data; name="ab32ds122"\r\n\r\nx\r\n'))
  assert.ok(body.includes('Content-Disposition: form-data; name="mds923nx92"; filename="r.txt"\r\nContent-Type: application/octet-stream\r\n\r\nreport\r\n'))
  assert.ok(body.includes('name="salt"\r\n\r\nsalt\r\n'), 'credentials travel as parts too')
})

test('post: validation against each value kind, field names, emptiness', () => {
  assert.equal(paths(TicketCustomField.post(0, {})), ['ticketId', 'values'])
  const bad = TicketCustomField.post(1, {
    a: { kind: 'text', text: 5 as unknown as string },
    b: TicketCustomField.optionValue(0),
    c: TicketCustomField.optionsValue([1, -2]),
    d: TicketCustomField.linkedValue(0, 0),
    e1: TicketCustomField.dateValue(new Date('nope')),
    f: TicketCustomField.fileValue('', 7 as unknown as string),
    g: { kind: 'color' } as unknown as TicketCustomField.CustomFieldInput,
    'x[1]': TicketCustomField.textValue('y'),
    salt: TicketCustomField.textValue('z')
  })
  assert.equal(paths(bad), [
    'values.a.text',
    'values.b.optionId',
    'values.c.optionIds[1]',
    'values.d.parentOptionId',
    'values.d.childOptionId',
    'values.e1.date',
    'values.f.fileName',
    'values.f.contents',
    'values.g.kind',
    'values["x[1]"]',
    'values["salt"]'
  ])
  assert.equal([bad.form, bad.files], [[], []])
})

test('a refused required field is an ApiError', async () => {
  const { transport } = canned({ status: 400, body: 'Custom Field Data is Invalid: Test' })
  const e = unwrapLeft(
    await classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })(
      TicketCustomField.post(1, { ab32ds122: TicketCustomField.textValue('') })
    )()
  )
  assert.equal([e._tag, e._tag === 'ApiError' && e.status, e._tag === 'ApiError' && e.messages], ['ApiError', 400, ['Custom Field Data is Invalid: Test']])
})

test.run()
