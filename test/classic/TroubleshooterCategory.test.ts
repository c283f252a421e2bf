// TroubleshooterCategory (spec kb-news-troubleshooter §4.1).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TroubleshooterCategory from '../../src/classic/TroubleshooterCategory'
import { apiErrorOf, decode, document, ids, item, paths } from './contentSupport'

const { TroubleshooterCategoryType: Type } = TroubleshooterCategory

const CATEGORIES = document(
  'troubleshootercategories',
  [
    item('troubleshootercategory', {
      id: 1,
      staffid: 1,
      staffname: 'Ada Admin',
      title: 'Printers',
      description: 'Paper jams & co.',
      categorytype: 2,
      displayorder: 1,
      views: 40,
      uservisibilitycustom: 1,
      usergroupidlist: ids('usergroupid', [1, 2]),
      staffvisibilitycustom: 0,
      staffgroupidlist: []
    })
  ],
  'Troubleshooter categories'
)

test('TroubleshooterCategory: descriptions', () => {
  assert.equal(
    [TroubleshooterCategory.get(2).route, TroubleshooterCategory.delete(2).method, TroubleshooterCategory.delete(2).route],
    ['/Troubleshooter/Category/2', 'DELETE', '/Troubleshooter/Category/2']
  )
  const post = TroubleshooterCategory.post({
    title: 'Printers',
    categoryType: Type.public,
    staffId: 1,
    description: 'Jams',
    displayOrder: 3,
    userVisibilityCustom: true,
    userGroupIds: [1, 2]
  })
  assert.equal([post.method, post.route, post.issues], ['POST', '/Troubleshooter/Category', []])
  assert.equal(post.form, [
    ['title', 'Printers'],
    ['categorytype', '2'],
    ['staffid', '1'],
    ['description', 'Jams'],
    ['displayorder', '3'],
    ['uservisibilitycustom', '1'],
    ['usergroupidlist', '1,2']
  ])
  const put = TroubleshooterCategory.put(1, { title: 'Scanners', categoryType: Type.private, staffVisibilityCustom: true, staffGroupIds: [4] })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Troubleshooter/Category/1',
      [
        ['title', 'Scanners'],
        ['categorytype', '3'],
        ['staffvisibilitycustom', '1'],
        ['staffgroupidlist', '4']
      ]
    ]
  )
})

test('TroubleshooterCategory: validation (staffId is required: the server has no message for it)', () => {
  assert.equal(paths(TroubleshooterCategory.post({ title: '', categoryType: 4 } as unknown as TroubleshooterCategory.NewTroubleshooterCategory)), [
    'title',
    'categoryType',
    'staffId'
  ])
  assert.equal(paths(TroubleshooterCategory.post({ title: 't', categoryType: Type.global, staffId: 1, staffGroupIds: [2] })), ['staffGroupIds'])
  assert.equal(paths(TroubleshooterCategory.put(0, { description: ' ', userVisibilityCustom: false })), ['id', 'description', 'userVisibilityCustom'])
})

test('TroubleshooterCategory: decoding and refusals', async () => {
  const [a] = decode(TroubleshooterCategory.all(), CATEGORIES)
  assert.equal(
    [
      a?.id,
      a?.staffId,
      a?.staffName,
      a?.title,
      a?.description,
      a?.categoryType,
      a?.displayOrder,
      a?.views,
      a?.userVisibilityCustom,
      a?.userGroupIds,
      a?.staffVisibilityCustom,
      a?.staffGroupIds,
      a?.extra
    ],
    [1, 1, 'Ada Admin', 'Printers', 'Paper jams & co.', Type.public, 1, 40, true, [1, 2], false, [], {}]
  )
  assert.equal(decode(TroubleshooterCategory.get(3), document('troubleshootercategories', [])), O.none)
  assert.equal(await apiErrorOf(TroubleshooterCategory.delete(3), 400, 'Invalid Troubleshooter Category ID'), [
    'ApiError',
    400,
    ['Invalid Troubleshooter Category ID']
  ])
})

test.run()
