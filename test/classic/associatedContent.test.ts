import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Associated from '../../src/classic/internal/associatedContent'
import * as Classic from '../../src/classic/index'

const routes = (reqs: ReadonlyArray<{ route: string }>) => reqs.map((r) => r.route)

test("Knowledgebase: categories (the top level left out), parent, articles, comments, files, a comment's article", () => {
  assert.equal(routes(Associated.kbCategoriesOf({ categoryIds: [0, 3, 5] })), ['/Knowledgebase/Category/3', '/Knowledgebase/Category/5'])
  assert.equal(O.map((r: { route: string }) => r.route)(Associated.parentKbCategoryOf({ parentKbCategoryId: 2 })), O.some('/Knowledgebase/Category/2'))
  assert.equal(Associated.parentKbCategoryOf({ parentKbCategoryId: 0 }), O.none)
  assert.is(Associated.kbArticlesOf({ id: 4 }).route, '/Knowledgebase/Article/ListAll/4')
  assert.is(Associated.kbCommentsOf({ id: 7 }).route, '/Knowledgebase/Comment/ListAll/7')
  assert.is(Associated.kbAttachmentsOf({ id: 7 }).route, '/Knowledgebase/Attachment/ListAll/7')
  assert.is(Associated.kbAttachmentOf({ id: 7 }, { id: 9 }).route, '/Knowledgebase/Attachment/7/9')
  assert.is(Associated.kbArticleOf({ kbArticleId: 7 }).route, '/Knowledgebase/Article/7')
})

test("News: categories, a category's items, comments, a comment's item", () => {
  assert.equal(routes(Associated.newsCategoriesOf({ categoryIds: [1, 2] })), ['/News/Category/1', '/News/Category/2'])
  assert.is(Associated.newsItemsOf({ id: 1 }).route, '/News/NewsItem/ListAll/1')
  assert.is(Associated.newsCommentsOf({ id: 3 }).route, '/News/Comment/ListAll/3')
  assert.is(Associated.newsItemOf({ newsItemId: 3 }).route, '/News/NewsItem/3')
})

test("Troubleshooter: a step's category, parents (the top left out), children, comments, files, a comment's step", () => {
  assert.is(Associated.troubleshooterCategoryOf({ categoryId: 2 }).route, '/Troubleshooter/Category/2')
  assert.equal(routes(Associated.parentStepsOf({ parentStepIds: [0] })), [])
  assert.equal(routes(Associated.parentStepsOf({ parentStepIds: [4] })), ['/Troubleshooter/Step/4'])
  assert.equal(routes(Associated.childStepsOf({ childStepIds: [5, 6] })), ['/Troubleshooter/Step/5', '/Troubleshooter/Step/6'])
  assert.is(Associated.stepCommentsOf({ id: 5 }).route, '/Troubleshooter/Comment/ListAll/5')
  assert.is(Associated.stepAttachmentsOf({ id: 5 }).route, '/Troubleshooter/Attachment/ListAll/5')
  assert.is(Associated.stepAttachmentOf({ id: 5 }, { id: 8 }).route, '/Troubleshooter/Attachment/5/8')
  assert.is(Associated.stepOf({ troubleshooterStepId: 5 }).route, '/Troubleshooter/Step/5')
})

test('the classic index exports the modules and every helper', () => {
  assert.is(Classic.KnowledgebaseArticle.get, Classic.KnowledgebaseArticle.find)
  for (const name of Object.keys(Associated)) assert.is((Classic as Record<string, unknown>)[name], (Associated as Record<string, unknown>)[name], name)
  assert.equal(
    Object.keys(Classic)
      .filter((k) => /^(Knowledgebase|News|Troubleshooter)/.test(k))
      .sort(),
    [
      'KnowledgebaseArticle',
      'KnowledgebaseAttachment',
      'KnowledgebaseCategory',
      'KnowledgebaseComment',
      'NewsCategory',
      'NewsComment',
      'NewsItem',
      'NewsSubscriber',
      'TroubleshooterAttachment',
      'TroubleshooterCategory',
      'TroubleshooterComment',
      'TroubleshooterStep'
    ]
  )
})

test.run()
