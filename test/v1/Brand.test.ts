// Brand: the builders, and the seeded brands from the sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Brand from '../../src/v1/Brand'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('Brand builders: list with paging, get; bad ids and paging are issues', () => {
  assert.is(wire(Brand.all({ limit: 50 })).line, 'GET /brands?limit=50')
  assert.is(wire(Brand.get(2)).line, 'GET /brands/2')
  assert.equal(wire(Brand.all({ offset: -1 })).issues, ['offset: must be a non-negative integer, got -1'])
})

test('Brand: the two seeded brands with their domains and locales', async () => {
  const { ok, fails } = sandboxRun()
  const brands = await ok(Brand.all())
  assert.equal(
    brands.items.map((b) => [b.name, b.locale, b.isDefault, b.subDomain]),
    [
      ['Brewfictus', 'en-us', true, 'brewfictus'],
      ['Bean There', 'en-gb', false, 'beanthere']
    ]
  )
  const bean = await ok(Brand.get(2))
  assert.equal([bean.domain, bean.url, bean.isSslEnabled, bean.isEnabled], ['support.beanthere.co.uk', 'https://support.beanthere.co.uk', false, true])
  assert.is(bean.resourceUrl, 'http://127.0.0.1:1/api/v1/brands/2')
  assert.is((await fails(Brand.get(3)))._tag, 'ApiError')
})

test.run()
