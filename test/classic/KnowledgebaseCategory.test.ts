import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseCategory from '../../src/classic/KnowledgebaseCategory'
import { unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, document, ids, item, paths } from './contentSupport'

const { KnowledgebaseCategoryType: Type, ArticleSortOrder } = KnowledgebaseCategory

const category = (id: number, over: Record<string, string | number | ReadonlyArray<string>> = {}) =>
  item('kbcategory', {
    id,
    parentkbcategoryid: 0,
    staffid: 1,
    title: `Category ${id}`,
    totalarticles: 2,
    categorytype: 1,
    displayorder: id,
    allowcomments: 1,
    uservisibilitycustom: 0,
    usergroupidlist: [],
    staffvisibilitycustom: 0,
    staffgroupidlist: [],
    allowrating: 1,
    ispublished: 1,
    ...over
  })

const LIST = document(
  'kbcategories',
  [
    category(1),
    category(2, {
      parentkbcategoryid: 1,
      title: 'Billing & <Invoices>',
      categorytype: 4,
      allowcomments: 0,
      uservisibilitycustom: 1,
      usergroupidlist: ids('usergroupid', [1, 2]),
      staffvisibilitycustom: 1,
      staffgroupidlist: ids('staffgroupid', [3]),
      allowrating: '',
      ispublished: 0,
      newfield: 'kept'
    })
  ],
  'Knowledgebase categories'
)

test('all: the plain list, or GetList with paging (ListAll does not exist on 4.98.8)', () => {
  assert.is(KnowledgebaseCategory.all({ count: 10 }).route, '/Knowledgebase/Category/GetList/10')
  assert.is(KnowledgebaseCategory.all({ count: 10, start: 20 }).route, '/Knowledgebase/Category/GetList/10/20')
  assert.is(KnowledgebaseCategory.all({ start: 20 }).route, '/Knowledgebase/Category/GetList/0/20')
  assert.is(KnowledgebaseCategory.all({ sortField: 'title' }).route, '/Knowledgebase/Category/GetList/0/0/title')
  assert.is(KnowledgebaseCategory.all({ count: 5, sortOrder: 'DESC' }).route, '/Knowledgebase/Category/GetList/5/0/displayorder/DESC')
  assert.equal(paths(KnowledgebaseCategory.all({ count: 0, start: -1, sortField: 'x' as 'title', sortOrder: 'up' as 'ASC' })), [
    'count',
    'start',
    'sortField',
    'sortOrder'
  ])
})

test('get/delete descriptions', () => {
  const get = KnowledgebaseCategory.get(7)
  assert.equal([get.method, get.route, get.issues], ['GET', '/Knowledgebase/Category/7', []])
  assert.equal(paths(KnowledgebaseCategory.get(0)), ['id'])
  assert.equal(paths(KnowledgebaseCategory.delete(-1)), ['id'])
})

test('post: server names, codes for enumerations, comma lists', () => {
  const post = KnowledgebaseCategory.post({
    title: 'FAQ',
    categoryType: Type.public,
    parentCategoryId: 3,
    displayOrder: 2,
    articleSortOrder: ArticleSortOrder.rating,
    allowComments: true,
    allowRating: false,
    isPublished: true,
    userVisibilityCustom: true,
    userGroupIds: [1, 2],
    staffVisibilityCustom: true,
    staffGroupIds: [4],
    staffId: 9
  })
  assert.equal([post.method, post.route, post.issues], ['POST', '/Knowledgebase/Category', []])
  assert.equal(post.form, [
    ['title', 'FAQ'],
    ['categorytype', '2'],
    ['parentcategoryid', '3'],
    ['displayorder', '2'],
    ['articlesortorder', '3'],
    ['allowcomments', '1'],
    ['allowrating', '0'],
    ['ispublished', '1'],
    ['uservisibilitycustom', '1'],
    ['usergroupidlist', '1,2'],
    ['staffvisibilitycustom', '1'],
    ['staffgroupidlist', '4'],
    ['staffid', '9']
  ])
  assert.equal(KnowledgebaseCategory.post({ title: 'T', categoryType: Type.inherit }).form, [
    ['title', 'T'],
    ['categorytype', '4']
  ])
})

test('put: the parent goes as parentkbcategoryid; flags and numbers the server ignores at 0 are refused', () => {
  const put = KnowledgebaseCategory.put(4, { title: 'New', parentCategoryId: 2, categoryType: Type.private, isPublished: true, userGroupIds: [5] })
  assert.equal([put.method, put.route, put.issues], ['PUT', '/Knowledgebase/Category/4', []])
  assert.equal(put.form, [
    ['title', 'New'],
    ['parentkbcategoryid', '2'],
    ['categorytype', '3'],
    ['ispublished', '1'],
    ['usergroupidlist', '5']
  ])
  const bad = KnowledgebaseCategory.put(0, { title: ' ', parentCategoryId: 0, displayOrder: 0, allowComments: false, isPublished: false, userGroupIds: [] })
  assert.equal(paths(bad), ['id', 'title', 'parentCategoryId', 'displayOrder', 'allowComments', 'isPublished', 'userGroupIds'])
  assert.match(bad.issues[4]?.message ?? '', 'cannot be switched off')
  assert.equal(bad.form, [])
})

test('post validation lists every problem', () => {
  const bad = KnowledgebaseCategory.post({
    title: '',
    categoryType: 9 as 1,
    articleSortOrder: 0 as 1,
    parentCategoryId: -1,
    userGroupIds: [0]
  })
  assert.equal(paths(bad), ['title', 'categoryType', 'parentCategoryId', 'articleSortOrder', 'userGroupIds[0]', 'userGroupIds'])
  assert.equal(paths(KnowledgebaseCategory.post(null as unknown as KnowledgebaseCategory.NewKnowledgebaseCategory)), ['input'])
})

test('decodes the server list: codes, flags, group lists, empty elements, unknown children kept', () => {
  const [a, b] = decode(KnowledgebaseCategory.all(), LIST)
  assert.equal(
    [
      a?.id,
      a?.parentKbCategoryId,
      a?.staffId,
      a?.title,
      a?.totalArticles,
      a?.categoryType,
      a?.displayOrder,
      a?.allowComments,
      a?.allowRating,
      a?.isPublished,
      a?.extra
    ],
    [1, 0, 1, 'Category 1', 2, Type.global, 1, true, true, true, {}]
  )
  assert.equal(
    [
      b?.parentKbCategoryId,
      b?.title,
      b?.categoryType,
      b?.allowComments,
      b?.userVisibilityCustom,
      b?.userGroupIds,
      b?.staffVisibilityCustom,
      b?.staffGroupIds,
      b?.allowRating,
      b?.isPublished
    ],
    [1, 'Billing & <Invoices>', 4, false, true, [1, 2], true, [3], false, false]
  )
  assert.equal(Object.keys(b?.extra ?? {}), ['newfield'])
})

test('get: the first item, none for the empty root; post echoes the object', () => {
  const one = decode(KnowledgebaseCategory.get(2), LIST)
  assert.ok(O.isSome(one) && one.value.id === 1)
  assert.equal(decode(KnowledgebaseCategory.get(99), document('kbcategories', [])), O.none)
  assert.is(decode(KnowledgebaseCategory.post({ title: 'T', categoryType: Type.global }), LIST).title, 'Category 1')
  unwrapLeft(decodeWith(KnowledgebaseCategory.post({ title: 'T', categoryType: Type.global }), document('kbcategories', [])))
  unwrapLeft(decodeWith(KnowledgebaseCategory.all(), document('kbcategories', [category(3, { categorytype: 'global' })])))
  assert.is(
    decode(KnowledgebaseCategory.all(), document('kbcategories', [category(3, { categorytype: 9 })]))[0]?.categoryType,
    9,
    'a code a newer server adds is kept'
  )
})

test('the server refusals arrive as ApiError', async () => {
  assert.equal(await apiErrorOf(KnowledgebaseCategory.delete(5), 400, 'Invalid category id'), ['ApiError', 400, ['Invalid category id']])
  assert.equal(await apiErrorOf(KnowledgebaseCategory.put(5, { title: 'x' }), 400, 'subject is empty'), ['ApiError', 400, ['subject is empty']])
})

test.run()
