// Section builders, and sections in the sandbox: visibility, category filter, writes with translations.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Section from '../../src/v1/Section'
import { unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { sandboxClients } from './helpcenterSupport'
import { localiseHeading } from '../../src/v1/internal/translate'

test('Section: category ids as CSV, include as an option; a write needs titles and a category', () => {
  assert.is(wire(Section.all({ categoryIds: [1, 2], include: ['localeField'] })).line, 'GET /sections?category_ids=1,2&include=locale_field')
  assert.equal(wire(Section.post({ titles: [{ locale: 'de', translation: 'Mühlen' }], categoryId: 2, visibility: 'TEAMS', teamIds: [1] })).body, {
    titles: [{ locale: 'de', translation: 'Mühlen' }],
    category_id: 2,
    visibility: 'TEAMS',
    team_ids: '1'
  })
  assert.equal(wire(Section.post({} as never)).issues, [
    'titles: must be a non-empty array of { locale, translation }',
    'categoryId: must be a positive integer, got undefined'
  ])
})

test('sandbox: staff see the AGENTS section, customers do not; by category; create and rename in German', async () => {
  const { staff, customer } = sandboxClients()
  const forStaff = unwrap(await staff(Section.all({ include: ['localeField'] }))())
  assert.equal(
    forStaff.items.map((s) => [localiseHeading(s, 'en-us').title, s.visibility, s.totalArticles]),
    [
      ['Your first espresso machine', 'PUBLIC', 3],
      ['Grinders', 'PUBLIC', 2],
      ['Repair notes', 'AGENTS', 1]
    ]
  )
  assert.equal(localiseHeading(forStaff.items[1] ?? { titles: [], descriptions: [] }, 'de'), { title: 'Mühlen', description: null })
  assert.equal(
    unwrap(await customer(Section.all())()).items.map((s) => s.id),
    [1, 2]
  )
  const hidden = unwrapLeft(await customer(Section.get(3))())
  assert.is(hidden._tag === 'ApiError' ? hidden.status : 0, 404)
  assert.equal(
    unwrap(await staff(Section.all({ categoryIds: [2] }))()).items.map((s) => s.id),
    [2, 3]
  )
  const created = unwrap(await staff(Section.post({ titles: [{ locale: 'en-us', translation: 'Water' }], categoryId: 1 }))())
  unwrap(await staff(Section.put(created.id, { titles: [{ locale: 'de', translation: 'Wasser' }] }))())
  const back = unwrap(await staff(Section.get(created.id, ['localeField']))())
  assert.equal([localiseHeading(back, 'de').title, localiseHeading(back, 'en-us').title, back.visibility], ['Wasser', 'Water', 'PUBLIC'])
  const denied = unwrapLeft(await customer(Section.post({ titles: [{ locale: 'en-us', translation: 'X' }], categoryId: 1 }))())
  assert.is(denied._tag === 'ApiError' ? denied.status : 0, 403)
})

test.run()
