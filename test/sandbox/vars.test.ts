import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { binaryString, InvalidUtf8, MalformedBody, parseMultipart, parseQuery, type PhpValue } from '../../src/sandbox/classic/vars'

const plain = (v: PhpValue | undefined): unknown => (v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)])) : v)

test('parse_str: PHP array syntax name[], name[0], name[1][7], + as space, later values win', () => {
  const vars = parseQuery('email[]=a%40x.io&email[]=b&ids%5B0%5D=4&ids%5B1%5D=5&f[0]=3&f[1][3]=9&title=a+b%20c&title=again&flag', 'q')
  assert.equal(plain(vars), {
    email: { 0: 'a@x.io', 1: 'b' },
    ids: { 0: '4', 1: '5' },
    f: { 0: '3', 1: { 3: '9' } },
    title: 'again',
    flag: ''
  })
})

test('parse_str: raw UTF-8 and percent-encoded UTF-8 decode; invalid UTF-8 is refused', () => {
  assert.is(plain(parseQuery(binaryString(new TextEncoder().encode('name=Zoë&x=%C3%A9')), 'q').get('name')), 'Zoë')
  assert.is(parseQuery('x=%C3%A9', 'q').get('x'), 'é')
  assert.throws(
    () => parseQuery('x=%C3%28', 'the form body'),
    (e: unknown) => e instanceof InvalidUtf8 && /the form body/.test(e.message)
  )
})

test('multipart: CRLF and LF-only bodies (the PHP client), files keep their bytes', () => {
  const lf =
    '--b0a1\nContent-Disposition: form-data; name="ticketid"\n\n7\n--b0a1\nContent-Disposition: form-data; name="u8bo"; filename="r.bin"\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n\u0000\u00ff\n\u0001\n--b0a1--\n'
  const a = parseMultipart(lf, 'b0a1')
  assert.is(a.vars.get('ticketid'), '7')
  assert.equal([...(a.files.get('u8bo')?.bytes ?? [])], [0, 255, 10, 1])
  assert.is(a.files.get('u8bo')?.filename, 'r.bin')
  const crlf =
    '--XyZ\r\nContent-Disposition: form-data; name="tags[]"\r\n\r\none\r\n--XyZ\r\nContent-Disposition: form-data; name="tags[]"\r\n\r\ntwo\r\n--XyZ--\r\n'
  assert.equal(plain(parseMultipart(crlf, 'XyZ').vars.get('tags')), { 0: 'one', 1: 'two' })
  assert.throws(
    () => parseMultipart('no boundary here', 'XyZ'),
    (e: unknown) => e instanceof MalformedBody
  )
})

test.run()
