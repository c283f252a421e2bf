// LocaleField: one translation by id, the one an article's title refers to.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Article from '../../src/v1/Article'
import { isReference } from '../../src/v1/internal/codec'
import * as LocaleField from '../../src/v1/LocaleField'
import { unwrap } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxClients } from './helpcenterSupport'

test('LocaleField.get: /locale/fields/:id', () => {
  assert.is(wire(LocaleField.get(33)).line, 'GET /locale/fields/33')
  assert.equal(wire(LocaleField.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test('sandbox: the reference in an article resolves to its translation', async () => {
  const { customer } = sandboxClients()
  const article = unwrap(await customer(Article.get(2))())
  const titles = article.titles.filter(isReference)
  assert.is(titles.length, 2, 'references without include')
  const fields = await Promise.all(titles.map(async (t) => unwrap(await customer(LocaleField.get(Number(t.id)))())))
  assert.equal(
    fields.map((f) => [f.locale, f.translation]),
    [
      ['en-us', 'Descaling your machine'],
      ['de', 'Entkalken Ihrer Maschine']
    ]
  )
})

test.run()
