// NewsCategory, NewsItem and NewsSubscriber (spec kb-news-troubleshooter §3).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsCategory from '../../src/classic/NewsCategory'
import * as NewsItem from '../../src/classic/NewsItem'
import * as NewsSubscriber from '../../src/classic/NewsSubscriber'
import { unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, described, document, ids, item, paths } from './contentSupport'

// --- NewsCategory

const CATEGORIES = document('newscategories', [
  item('newscategory', { id: 1, title: 'Releases', newsitemcount: 3, visibilitytype: 'public' }),
  item('newscategory', { id: 2, title: 'Internal', newsitemcount: '', visibilitytype: 'private' })
])

test('NewsCategory: descriptions', () => {
  assert.equal(described(NewsCategory.all()), {
    operation: 'NewsCategory.all',
    method: 'GET',
    route: '/News/Category',
    query: [],
    form: [],
    files: [],
    issues: []
  })
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
  assert.is(NewsCategory.find, NewsCategory.get)
  assert.is(NewsCategory.save, NewsCategory.post)
  assert.is(NewsCategory.update, NewsCategory.put)
  assert.is(NewsCategory.destroy, NewsCategory.delete)
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

// --- NewsItem

const { NewsStatus, NewsType } = NewsItem

const newsItem = (id: number, over: Record<string, string | number | ReadonlyArray<string>> = {}) =>
  item('newsitem', {
    id,
    staffid: 1,
    newstype: 1,
    newsstatus: 2,
    author: 'Ada Admin',
    email: 'ada@example.com',
    subject: 'Version 2 & more',
    emailsubject: '',
    dateline: 1700000000,
    start: 0,
    expiry: 1800000000,
    issynced: 0,
    totalcomments: 1,
    uservisibilitycustom: 0,
    usergroupidlist: [],
    staffvisibilitycustom: 1,
    staffgroupidlist: ids('staffgroupid', [2]),
    allowcomments: 1,
    contents: '<p>New &amp; shiny</p>',
    categories: ids('categoryid', [1]),
    ...over
  })

test('NewsItem: list descriptions', () => {
  assert.equal(described(NewsItem.all()), { operation: 'NewsItem.all', method: 'GET', route: '/News/NewsItem', query: [], form: [], files: [], issues: [] })
  assert.is(NewsItem.all(3).route, '/News/NewsItem/ListAll/3')
  assert.is(NewsItem.all(0).route, '/News/NewsItem/ListAll/0')
  assert.equal(paths(NewsItem.all(-2)), ['categoryId'])
  assert.equal([NewsItem.get(4).route, NewsItem.delete(4).method, NewsItem.delete(4).route], ['/News/NewsItem/4', 'DELETE', '/News/NewsItem/4'])
  assert.is(NewsItem.find, NewsItem.get)
  assert.is(NewsItem.save, NewsItem.post)
  assert.is(NewsItem.update, NewsItem.put)
  assert.is(NewsItem.destroy, NewsItem.delete)
})

test('NewsItem: post sends dates as UTC calendar text, lists with commas, enumerations as codes', () => {
  const post = NewsItem.post({
    staffId: 1,
    subject: 'Launch',
    contents: '<p>Hi</p>',
    newsStatus: NewsStatus.draft,
    fromName: 'Support',
    email: 'news@example.com',
    customEmailSubject: 'We launched',
    sendEmail: true,
    allowComments: false,
    userVisibilityCustom: true,
    userGroupIds: [1, 2],
    staffVisibilityCustom: false,
    categoryIds: [3, 4],
    start: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)),
    expiry: new Date(Date.UTC(2030, 11, 31, 23, 59, 0))
  })
  assert.equal([post.method, post.route, post.issues], ['POST', '/News/NewsItem', []])
  assert.equal(post.form, [
    ['staffid', '1'],
    ['subject', 'Launch'],
    ['contents', '<p>Hi</p>'],
    ['newsstatus', '1'],
    ['fromname', 'Support'],
    ['email', 'news@example.com'],
    ['customemailsubject', 'We launched'],
    ['sendemail', '1'],
    ['allowcomments', '0'],
    ['uservisibilitycustom', '1'],
    ['usergroupidlist', '1,2'],
    ['staffvisibilitycustom', '0'],
    ['newscategoryidlist', '3,4'],
    ['start', '2030-01-02 03:04:05'],
    ['expiry', '2030-12-31 23:59:00']
  ])
})

test('NewsItem: post validation', () => {
  const bad = NewsItem.post({
    staffId: 0,
    subject: '',
    contents: '',
    newsStatus: 3 as 1,
    email: 'nope',
    categoryIds: [0],
    start: new Date(Date.UTC(2031, 0, 1)),
    expiry: new Date(Date.UTC(2030, 0, 1))
  })
  assert.equal(paths(bad), ['staffId', 'subject', 'contents', 'newsStatus', 'email', 'categoryIds[0]', 'start'])
  assert.equal(paths(NewsItem.post({ staffId: 1, subject: 's', contents: 'c', start: new Date('nonsense') })), ['start'])
})

test('NewsItem: put always sends subject and contents, never dates', () => {
  const put = NewsItem.put(6, { editedStaffId: 2, subject: 'S', contents: 'C', newsStatus: NewsStatus.published, categoryIds: [1] })
  assert.equal([put.method, put.route, put.issues], ['PUT', '/News/NewsItem/6', []])
  assert.equal(put.form, [
    ['editedstaffid', '2'],
    ['subject', 'S'],
    ['contents', 'C'],
    ['newsstatus', '2'],
    ['newscategoryidlist', '1']
  ])
  assert.equal(paths(NewsItem.put(6, { editedStaffId: 0 } as unknown as NewsItem.NewsItemUpdate)), ['editedStaffId', 'subject', 'contents'])
})

test('NewsItem: decoding of a single item and of the active-news list (escaped subject and author)', () => {
  const [a] = decode(NewsItem.all(), document('newsitems', [newsItem(1)]))
  assert.equal(
    [a?.id, a?.staffId, a?.newsType, a?.newsStatus, a?.author, a?.email, a?.subject, a?.emailSubject, a?.dateline?.getTime(), a?.start, a?.expiry?.getTime()],
    [1, 1, NewsType.global, NewsStatus.published, 'Ada Admin', 'ada@example.com', 'Version 2 & more', '', 1700000000000, null, 1800000000000]
  )
  assert.equal(
    [
      a?.isSynced,
      a?.totalComments,
      a?.userVisibilityCustom,
      a?.userGroupIds,
      a?.staffVisibilityCustom,
      a?.staffGroupIds,
      a?.allowComments,
      a?.contents,
      a?.categoryIds,
      a?.extra
    ],
    [false, 1, false, [], true, [2], true, '<p>New &amp; shiny</p>', [1], {}]
  )
  const listed = document('newsitems', [newsItem(2, { subject: 'Q&amp;A', author: 'O&#039;Brien', newstype: 3, newsstatus: 1 })])
  const [b] = decode(NewsItem.all(1), listed)
  assert.equal([b?.subject, b?.author, b?.newsType, b?.newsStatus], ['Q&A', "O'Brien", NewsType.private, NewsStatus.draft])
  const one = decode(NewsItem.get(2), listed)
  assert.ok(O.isSome(one) && one.value.subject === 'Q&amp;A')
  unwrapLeft(decodeWith(NewsItem.all(), document('newsitems', [newsItem(3, { newstype: 'global' })])))
})

test('NewsItem: refusals', async () => {
  assert.equal(await apiErrorOf(NewsItem.put(6, { editedStaffId: 2, subject: 'S', contents: 'C' }), 400, 'Staff ID is invalid'), [
    'ApiError',
    400,
    ['Staff ID is invalid']
  ])
  assert.equal(await apiErrorOf(NewsItem.delete(6), 400, 'Invalid news item ID'), ['ApiError', 400, ['Invalid news item ID']])
})

// --- NewsSubscriber

const SUBSCRIBERS = document('newssubscribers', [
  item('newssubscriber', { id: 1, tgroupid: 0, userid: 5, email: 'reader@example.com', isvalidated: 1, usergroupid: 2 }),
  item('newssubscriber', { id: 2, tgroupid: '', userid: '', email: 'new@example.com', isvalidated: 0, usergroupid: '' })
])

test('NewsSubscriber: descriptions', () => {
  assert.equal(described(NewsSubscriber.all()), {
    operation: 'NewsSubscriber.all',
    method: 'GET',
    route: '/News/Subscriber',
    query: [],
    form: [],
    files: [],
    issues: []
  })
  assert.equal(
    [NewsSubscriber.get(3).route, NewsSubscriber.delete(3).method, NewsSubscriber.delete(3).route],
    ['/News/Subscriber/3', 'DELETE', '/News/Subscriber/3']
  )
  const post = NewsSubscriber.post({ email: 'a@example.com', isValidated: true, sendEmails: false })
  assert.equal(
    [post.method, post.route, post.form],
    [
      'POST',
      '/News/Subscriber',
      [
        ['email', 'a@example.com'],
        ['isvalidated', '1'],
        ['sendemails', '0']
      ]
    ]
  )
  assert.equal(NewsSubscriber.post({ email: 'a@example.com' }).form, [['email', 'a@example.com']])
  const put = NewsSubscriber.put(3, { email: 'b@example.com' })
  assert.equal([put.method, put.route, put.form], ['PUT', '/News/Subscriber/3', [['email', 'b@example.com']]])
  assert.equal(paths(NewsSubscriber.post({ email: 'nobody', sendEmails: 'no' as unknown as boolean })), ['email', 'sendEmails'])
  assert.equal(paths(NewsSubscriber.put(0, { email: '' })), ['id', 'email'])
  assert.is(NewsSubscriber.find, NewsSubscriber.get)
  assert.is(NewsSubscriber.save, NewsSubscriber.post)
  assert.is(NewsSubscriber.update, NewsSubscriber.put)
  assert.is(NewsSubscriber.destroy, NewsSubscriber.delete)
})

test('NewsSubscriber: decoding and refusals', async () => {
  const [a, b] = decode(NewsSubscriber.all(), SUBSCRIBERS)
  assert.equal([a?.id, a?.tGroupId, a?.userId, a?.email, a?.isValidated, a?.userGroupId, a?.extra], [1, 0, 5, 'reader@example.com', true, 2, {}])
  assert.equal([b?.userId, b?.isValidated, b?.userGroupId], [0, false, 0])
  assert.equal(decode(NewsSubscriber.get(9), document('newssubscribers', [])), O.none)
  assert.equal(await apiErrorOf(NewsSubscriber.post({ email: 'reader@example.com' }), 400, 'Subscription failed, please check if already subscribed'), [
    'ApiError',
    400,
    ['Subscription failed, please check if already subscribed']
  ])
})

const wireNames = (form: ReadonlyArray<readonly [string, string]>) => form.map(([name]) => name)

test('an update sends only its own fields, even from a spread entity (the server resets any date it is sent)', () => {
  const spread = { staffId: 3, start: new Date(0), expiry: new Date(1e12), editedStaffId: 1, subject: 'S', contents: 'C' }
  assert.equal(wireNames(NewsItem.put(4, spread).form), ['editedstaffid', 'subject', 'contents'])
  assert.equal(NewsSubscriber.put(4, { email: 'a@example.com', isValidated: true } as NewsSubscriber.NewsSubscriberUpdate).form, [['email', 'a@example.com']])
})

test.run()
