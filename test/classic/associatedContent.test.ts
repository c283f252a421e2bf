import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Associated from '../../src/classic/associatedContent'
import * as Classic from '../../src/classic/index'

const routes = (reqs: ReadonlyArray<{ route: string }>) => reqs.map((r) => r.route)

test('Knowledgebase: categories (the top level left out), parent, articles, comments, files', () => {
  assert.equal(routes(Associated.articleCategories({ categoryIds: [0, 3, 5] })), ['/Knowledgebase/Category/3', '/Knowledgebase/Category/5'])
  assert.equal(O.map((r: { route: string }) => r.route)(Associated.parentCategory({ parentKbCategoryId: 2 })), O.some('/Knowledgebase/Category/2'))
  assert.equal(Associated.parentCategory({ parentKbCategoryId: 0 }), O.none)
  assert.is(Associated.categoryArticles({ id: 4 }).route, '/Knowledgebase/Article/ListAll/4')
  assert.is(Associated.articleComments({ id: 7 }).route, '/Knowledgebase/Comment/ListAll/7')
  assert.is(Associated.articleAttachments({ id: 7 }).route, '/Knowledgebase/Attachment/ListAll/7')
  assert.is(Associated.articleAttachment({ id: 7 }, { id: 9 }).route, '/Knowledgebase/Attachment/7/9')
  assert.is(Associated.commentArticle({ kbArticleId: 7 }).route, '/Knowledgebase/Article/7')
  assert.is(Associated.attachmentArticle, Associated.commentArticle)
})

test('News: categories, category items, comments, a comment\'s item', () => {
  assert.equal(routes(Associated.newsItemCategories({ categoryIds: [1, 2] })), ['/News/Category/1', '/News/Category/2'])
  assert.is(Associated.categoryNewsItems({ id: 1 }).route, '/News/NewsItem/ListAll/1')
  assert.is(Associated.newsItemComments({ id: 3 }).route, '/News/Comment/ListAll/3')
  assert.is(Associated.commentNewsItem({ newsItemId: 3 }).route, '/News/NewsItem/3')
})

test('Troubleshooter: a step\'s category, parents (the top left out), children, comments, files', () => {
  assert.is(Associated.stepCategory({ categoryId: 2 }).route, '/Troubleshooter/Category/2')
  assert.equal(routes(Associated.stepParents({ parentStepIds: [0] })), [])
  assert.equal(routes(Associated.stepParents({ parentStepIds: [4] })), ['/Troubleshooter/Step/4'])
  assert.equal(routes(Associated.stepChildren({ childStepIds: [5, 6] })), ['/Troubleshooter/Step/5', '/Troubleshooter/Step/6'])
  assert.is(Associated.stepComments({ id: 5 }).route, '/Troubleshooter/Comment/ListAll/5')
  assert.is(Associated.stepAttachments({ id: 5 }).route, '/Troubleshooter/Attachment/ListAll/5')
  assert.is(Associated.stepAttachment({ id: 5 }, { id: 8 }).route, '/Troubleshooter/Attachment/5/8')
  assert.is(Associated.commentStep({ troubleshooterStepId: 5 }).route, '/Troubleshooter/Step/5')
  assert.is(Associated.attachmentStep, Associated.commentStep)
})

test('the classic index exports the modules and the helpers', () => {
  assert.is(Classic.KnowledgebaseArticle.get, Classic.KnowledgebaseArticle.find)
  assert.is(Classic.stepParents, Associated.stepParents)
  assert.equal(
    Object.keys(Classic).filter((k) => /^(Knowledgebase|News|Troubleshooter)/.test(k)).sort(),
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
