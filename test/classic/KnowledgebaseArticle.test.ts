import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseArticle from '../../src/classic/KnowledgebaseArticle'
import { unwrapLeft } from '../support/transport'
import { apiErrorOf, decode, decodeWith, document, el, ids, item, paths, runCanned } from './contentSupport'

const { ArticleStatus, ArticleCreator } = KnowledgebaseArticle

const article = (id: number, over: Record<string, string | number | ReadonlyArray<string>> = {}) =>
  item('kbarticle', {
    kbarticleid: id,
    contents: '<p>Reset your password &amp; log in.</p>',
    contentstext: 'Reset your password & log in.',
    categories: ids('categoryid', [0, 3]),
    creator: 2,
    creatorid: 1,
    author: 'Ada Admin',
    email: 'ada@example.com',
    subject: 'Passwords & <you>',
    seosubject: 'passwords-you',
    isedited: 0,
    editeddateline: 0,
    editedstaffid: 0,
    views: 12,
    isfeatured: 1,
    allowcomments: 1,
    totalcomments: 2,
    hasattachments: 0,
    attachments: [],
    dateline: 1700000000,
    articlestatus: 1,
    articlerating: '4.5',
    ratinghits: 4,
    ratingcount: 18,
    ...over
  })

const WITH_FILES = article(2, {
  isedited: 1,
  editeddateline: 1700003600,
  editedstaffid: 3,
  hasattachments: 1,
  attachments: [
    item('attachment', {
      id: 5,
      filename: 'R&amp;D &lt;notes&gt;.txt',
      filesize: '1.23 KB',
      link: 'https://help.example.com/index.php?/Knowledgebase/Article/GetAttachment/2/5'
    })
  ],
  articlestatus: 3,
  articlerating: '',
  extrafield: 'x'
})

test('all: every article, or a category list with optional paging', () => {
  assert.is(KnowledgebaseArticle.all(0).route, '/Knowledgebase/Article/ListAll/0')
  assert.is(KnowledgebaseArticle.all(3, { count: 10 }).route, '/Knowledgebase/Article/ListAll/3/10')
  assert.is(KnowledgebaseArticle.all(3, { count: 10, start: 30 }).route, '/Knowledgebase/Article/ListAll/3/10/30')
  assert.is(KnowledgebaseArticle.all(3, { start: 30 }).route, '/Knowledgebase/Article/ListAll/3/0/30')
  assert.equal(paths(KnowledgebaseArticle.all(-1, { count: 0, start: 1.5 })), ['categoryId', 'count', 'start'])
  assert.equal(paths(KnowledgebaseArticle.all(Object.create(null) as number)), ['categoryId'], 'an id without a string form is an issue, not a throw')
})

test('get/count/delete descriptions', () => {
  assert.is(KnowledgebaseArticle.count(3).route, '/Knowledgebase/Article/GetArticleCount/3')
  assert.equal(paths(KnowledgebaseArticle.count(0)), ['categoryId'], 'the server answers 0 with an empty body')
})

test('post: fields in the server names, status as its code, categories as a comma list', () => {
  const post = KnowledgebaseArticle.post({
    subject: 'How to',
    contents: '<p>Do it</p>',
    creatorId: 1,
    articleStatus: ArticleStatus.published,
    seoSubject: 'how-to',
    isFeatured: true,
    allowComments: true,
    categoryIds: [0, 3]
  })
  assert.equal([post.method, post.route, post.issues], ['POST', '/Knowledgebase/Article', []])
  assert.equal(post.form, [
    ['subject', 'How to'],
    ['contents', '<p>Do it</p>'],
    ['creatorid', '1'],
    ['articlestatus', '1'],
    ['seosubject', 'how-to'],
    ['isfeatured', '1'],
    ['allowcomments', '1'],
    ['categoryid', '0,3']
  ])
  assert.equal(KnowledgebaseArticle.post({ subject: 's', contents: 'c', creatorId: 2, articleStatus: ArticleStatus.pendingApproval }).form, [
    ['subject', 's'],
    ['contents', 'c'],
    ['creatorid', '2'],
    ['articlestatus', '3']
  ])
})

test('post validation', () => {
  const bad = KnowledgebaseArticle.post({
    subject: '',
    contents: ' ',
    creatorId: 0,
    articleStatus: 7 as 1,
    allowComments: false as unknown as true,
    categoryIds: []
  })
  assert.equal(paths(bad), ['subject', 'contents', 'creatorId', 'articleStatus', 'categoryIds', 'allowComments'])
  assert.equal(bad.form, [])
})

test('put: editedstaffid first, then the changes', () => {
  const put = KnowledgebaseArticle.put(4, {
    editedStaffId: 2,
    subject: 'New',
    articleStatus: ArticleStatus.draft,
    isFeatured: false,
    allowComments: true,
    categoryIds: [3]
  })
  assert.equal([put.method, put.route, put.issues], ['PUT', '/Knowledgebase/Article/4', []])
  assert.equal(put.form, [
    ['editedstaffid', '2'],
    ['subject', 'New'],
    ['articlestatus', '2'],
    ['isfeatured', '0'],
    ['allowcomments', '1'],
    ['categoryid', '3']
  ])
  assert.equal(paths(KnowledgebaseArticle.put(0, { editedStaffId: 0, subject: '', contents: '' })), ['id', 'editedStaffId', 'subject', 'contents'])
})

test('decodes an article: kbarticleid as id, codes, dates, embedded files with their escaped names undone', () => {
  const [a, b] = decode(KnowledgebaseArticle.all(), document('kbarticles', [article(1), WITH_FILES]))
  assert.equal(
    [a?.id, a?.contents, a?.contentsText, a?.categoryIds, a?.creator, a?.creatorId, a?.author, a?.email, a?.subject, a?.seoSubject],
    [
      1,
      '<p>Reset your password &amp; log in.</p>',
      'Reset your password & log in.',
      [0, 3],
      ArticleCreator.staff,
      1,
      'Ada Admin',
      'ada@example.com',
      'Passwords & <you>',
      'passwords-you'
    ]
  )
  assert.equal(
    [a?.isEdited, a?.editedDateline, a?.views, a?.isFeatured, a?.allowComments, a?.totalComments, a?.hasAttachments, a?.attachments, a?.dateline?.getTime()],
    [false, null, 12, true, true, 2, false, [], 1700000000000]
  )
  assert.equal([a?.articleStatus, a?.articleRating, a?.ratingHits, a?.ratingCount, a?.extra], [ArticleStatus.published, 4.5, 4, 18, {}])
  assert.equal(
    [b?.isEdited, b?.editedDateline?.getTime(), b?.editedStaffId, b?.articleStatus, b?.articleRating],
    [true, 1700003600000, 3, ArticleStatus.pendingApproval, 0]
  )
  assert.equal(b?.attachments, [
    { id: 5, fileName: 'R&D <notes>.txt', fileSize: '1.23 KB', link: 'https://help.example.com/index.php?/Knowledgebase/Article/GetAttachment/2/5', extra: {} }
  ])
  assert.equal(Object.keys(b?.extra ?? {}), ['extrafield'])
})

test('a category list escapes subjects inside CDATA: unescaped once; a single article is taken as is', () => {
  const listed = article(1, { subject: 'Passwords &amp; &lt;you&gt; &amp;amp;' })
  const [a] = decode(KnowledgebaseArticle.all(3), document('kbarticles', [listed]))
  assert.is(a?.subject, 'Passwords & <you> &amp;')
  const one = decode(KnowledgebaseArticle.get(1), document('kbarticles', [listed]))
  assert.ok(O.isSome(one) && one.value.subject === 'Passwords &amp; &lt;you&gt; &amp;amp;')
  assert.equal(decode(KnowledgebaseArticle.get(9), document('kbarticles', [])), O.none)
})

test('count decodes <totalarticles>', () => {
  assert.is(decode(KnowledgebaseArticle.count(3), document('kbarticles', [el('totalarticles', 7)])), 7)
  unwrapLeft(decodeWith(KnowledgebaseArticle.count(3), document('kbarticles', [])))
  unwrapLeft(decodeWith(KnowledgebaseArticle.count(3), document('kbcategories', [el('totalarticles', 7)])))
})

test('a status code a newer server adds is kept; a non-number is a decode failure', () => {
  assert.is(decode(KnowledgebaseArticle.all(), document('kbarticles', [article(1, { articlestatus: 7 })]))[0]?.articleStatus, 7)
  unwrapLeft(decodeWith(KnowledgebaseArticle.all(), document('kbarticles', [article(1, { articlestatus: 'published' })])))
})

test('server refusals: ApiError; an empty count answer: ParseError', async () => {
  assert.equal(await apiErrorOf(KnowledgebaseArticle.delete(5), 400, 'Invalid article id'), ['ApiError', 400, ['Invalid article id']])
  assert.equal(await apiErrorOf(KnowledgebaseArticle.put(5, { editedStaffId: 99 }), 400, 'Invalid Staff ID'), ['ApiError', 400, ['Invalid Staff ID']])
  const { result } = await runCanned(KnowledgebaseArticle.count(3), { body: '' })
  assert.is((unwrapLeft(result) as { _tag: string })._tag, 'ParseError')
})

const wireNames = (form: ReadonlyArray<readonly [string, string]>) => form.map(([name]) => name)

test('put never sends the creator, even from a spread article', () => {
  const spread = { creatorId: 4, editedStaffId: 1, subject: 'S', isFeatured: true, categoryIds: [2] }
  assert.equal(wireNames(KnowledgebaseArticle.put(7, spread).form), ['editedstaffid', 'subject', 'isfeatured', 'categoryid'])
})

test.run()
