// Hostile XML: entity expansion (billion laughs, quadratic blow-up), external entities, a 50 MB body and deep
// nesting end as a Left or a bounded result: nothing is expanded, nothing fetched, nothing parsed past the limit.
import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic, type ClassicConfig } from '../../src/classic/internal/executor'
import { txmlParser } from '../../src/classic/internal/xml'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const executor = (body: string, config: Partial<ClassicConfig> = {}) =>
  classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport: canned({ body }).transport, ...config })

const department = (title: string, doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}<departments><department><id>1</id><title>${title}</title></department></departments>`

const LAUGHS =
  '<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
  Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">\n`).join('') +
  ']>\n'

test('billion laughs: the entity is not expanded', async () => {
  const body = department('&lol9;', LAUGHS)
  const d = unwrap(await executor(body)(Department.get(1))())
  assert.equal(O.map((x: Department.Department) => x.title)(d), O.some('&lol9;'))
})

test('quadratic blow-up: a large entity referenced many times stays a reference', async () => {
  const body = department('&a;'.repeat(20_000), `<!DOCTYPE d [<!ENTITY a "${'x'.repeat(50_000)}">]>\n`)
  const titles = unwrap(await executor(body)(Department.all())()).map((d) => d.title)
  assert.equal(titles, ['&a;'.repeat(20_000)])
})

test('an external entity is neither fetched nor read', async () => {
  const body = department('&xxe;', '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
  const d = unwrap(await executor(body)(Department.get(1))())
  assert.equal(O.map((x: Department.Department) => x.title)(d), O.some('&xxe;'))
})

test('a 50 MB body is refused before parsing (default maxBodyBytes)', async () => {
  let parsed = 0
  const xmlParser = (text: string) => {
    parsed++
    return txmlParser(text)
  }
  const body = department('x'.repeat(50 * 1024 * 1024))
  const e = unwrapLeft(await executor(body, { xmlParser })(Department.all())())
  assert.is(e._tag, 'ParseError')
  assert.match(e._tag === 'ParseError' ? e.message : '', /exceeds maxBodyBytes \(33554432 bytes\)/)
  assert.ok(e._tag === 'ParseError' && e.excerpt.length <= 2049, 'the excerpt is cut')
  assert.is(parsed, 0)
})

test('deep nesting: a Left or a Right, no stack overflow', async () => {
  for (const depth of [1_000, 100_000]) {
    const nested = '<n>'.repeat(depth) + '</n>'.repeat(depth)
    for (const body of [department(nested), `<?xml version="1.0"?>${nested}`, department('x').replace('<id>1</id>', `<id>${nested}</id>`)]) {
      const result = await executor(body)(Department.all())()
      assert.ok(E.isRight(result) || ['ParseError', 'DecodeError'].includes(result.left._tag), `depth ${depth}`)
    }
  }
})

test('numeric character references out of range do not break the parser', async () => {
  const result = await executor(department('&#x110000;&#0;&#xD800;&#99999999999;'))(Department.all())()
  assert.ok(E.isRight(result) || result.left._tag === 'ParseError')
})

test.run()
