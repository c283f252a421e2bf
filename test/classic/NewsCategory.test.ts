// NewsCategory (spec kb-news-troubleshooter §3).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsCategory from '../../src/classic/NewsCategory'
import { apiErrorOf, decode, document, item, paths } from './contentSupport'

const CATEGORIES = document('newscategories', [
  item('newscategory', { id: 1, title: 'Releases', newsitemcount: 3, visibilitytype: 'public' }),
  item('newscategory', { id: 2, title: 'Internal', newsitemcount: '', visibilitytype: 'private' })
])

test('NewsCategory: descriptions', () => {
  assert.equal([NewsCategory.get(2).route, NewsCategory.delete(2).method, NewsCategory.delete(2).route], ['/News/Category/2', 'DELETE', '/News/Category/2'])
  const post = NewsCategory.post({ title: 'Releases', visibilityType: 'public' })
  assert.equal(
    [post.method, post.route, post.form],
    [
      'POST',
      '/News/Category',
      [
        ['title', 'Releases'],
        ['visibilitytype', 'public']
      ]
    ]
  )
  const put = NewsCategory.put(2, { visibilityType: 'private' })
  assert.equal([put.method, put.route, put.form], ['PUT', '/News/Category/2', [['visibilitytype', 'private']]])
})

test('NewsCategory: validation (any value but "public" would silently make a private category)', () => {
  assert.equal(paths(NewsCategory.post({ title: '', visibilityType: 'Public' as 'public' })), ['title', 'visibilityType'])
  assert.equal(paths(NewsCategory.put(0, { title: ' ' })), ['id', 'title'])
  assert.equal(paths(NewsCategory.get(1.5)), ['id'])
})

test('NewsCategory: decoding', () => {
  const [a, b] = decode(NewsCategory.all(), CATEGORIES)
  assert.equal([a?.id, a?.title, a?.newsItemCount, a?.visibilityType, a?.extra], [1, 'Releases', 3, 'public', {}])
  assert.equal([b?.newsItemCount, b?.visibilityType], [0, 'private'])
  assert.equal(decode(NewsCategory.get(5), document('newscategories', [])), O.none)
  assert.is(decode(NewsCategory.put(1, { title: 'x' }), CATEGORIES).id, 1)
})

test('NewsCategory: refusals', async () => {
  assert.equal(await apiErrorOf(NewsCategory.delete(9), 400, 'Invalid category ID'), ['ApiError', 400, ['Invalid category ID']])
})

test.run()
