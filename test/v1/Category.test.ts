// Category builders, and categories in the sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Category from '../../src/v1/Category'
import { unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxClients } from './helpcenterSupport'
import { localiseHeading } from '../../src/v1/internal/translate'

test('Category: brand filter, include; titles required', () => {
  assert.is(wire(Category.all({ brandId: 1, include: '*' })).line, 'GET /categories?brand_id=1&include=*')
  assert.equal(wire(Category.post({ titles: [{ locale: 'en-us', translation: 'FAQ' }], brandId: 1 })).body, {
    titles: [{ locale: 'en-us', translation: 'FAQ' }],
    brand_id: 1
  })
  assert.equal(wire(Category.put(1, { descriptions: [] })).issues, ['descriptions: must be a non-empty array of { locale, translation }'])
})

test('sandbox: two categories in display order, in two locales; create; an unknown locale is FIELD_INVALID', async () => {
  const { staff, customer } = sandboxClients()
  const list = unwrap(await customer(Category.all({ include: ['localeField'] }))())
  assert.equal(
    list.items.map((c) => [localiseHeading(c, 'de').title, c.displayOrder]),
    [
      ['Erste Schritte', 1],
      ['Fehlerbehebung', 2]
    ]
  )
  const created = unwrap(await staff(Category.post({ titles: [{ locale: 'en-us', translation: 'Accessories' }] }))())
  assert.is(created.displayOrder, 3)
  const bad = unwrapLeft(await staff(Category.post({ titles: [{ locale: 'tlh', translation: 'Klingon' }] }))())
  assert.equal(bad._tag === 'ApiError' ? bad.errors.map((e) => [e.code, e.parameter]) : bad, [['FIELD_INVALID', 'titles']])
})

test.run()
