// KnowledgebaseComment: the requests its builders describe (the behaviour shared by every comment module is in comments.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as KnowledgebaseComment from '../../src/classic/KnowledgebaseComment'
import { paths } from './contentSupport'

test('KnowledgebaseComment: a staff comment on a knowledgebase article is a POST to /Knowledgebase/Comment with the parent as knowledgebasearticleid', () => {
  const post = KnowledgebaseComment.post(3, { contents: 'Hello', creatorType: KnowledgebaseComment.CommentCreatorType.staff, creatorId: 1 })
  assert.equal([post.operation, post.method, post.route, post.issues], ['KnowledgebaseComment.post', 'POST', '/Knowledgebase/Comment', []])
  assert.equal(post.form, [
    ['contents', 'Hello'],
    ['knowledgebasearticleid', '3'],
    ['creatortype', '1'],
    ['creatorid', '1']
  ])
})

test('KnowledgebaseComment: listing by parent, getting and deleting; a parent or id below 1 is an issue', () => {
  assert.equal([KnowledgebaseComment.all(3).method, KnowledgebaseComment.all(3).route], ['GET', '/Knowledgebase/Comment/ListAll/3'])
  assert.equal([KnowledgebaseComment.delete(8).method, KnowledgebaseComment.delete(8).route], ['DELETE', '/Knowledgebase/Comment/8'])
  assert.equal(paths(KnowledgebaseComment.all(0)), ['kbArticleId'])
  assert.equal(paths(KnowledgebaseComment.get(0)), ['id'])
})

test.run()
