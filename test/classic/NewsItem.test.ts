// NewsItem (spec kb-news-troubleshooter §3).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsItem from '../../src/classic/NewsItem'
import { unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, document, ids, item, paths } from './contentSupport'

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
  assert.is(NewsItem.all(3).route, '/News/NewsItem/ListAll/3')
  assert.is(NewsItem.all(0).route, '/News/NewsItem/ListAll/0')
  assert.equal(paths(NewsItem.all(-2)), ['categoryId'])
  assert.equal([NewsItem.get(4).route, NewsItem.delete(4).method, NewsItem.delete(4).route], ['/News/NewsItem/4', 'DELETE', '/News/NewsItem/4'])
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

test.run()
