// NewsComment: the requests its builders describe (the behaviour shared by every comment module is in comments.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsComment from '../../src/classic/NewsComment'
import { paths } from './contentSupport'

test('NewsComment: a staff comment on a news item is a POST to /News/Comment with the parent as newsitemid', () => {
  const post = NewsComment.post(3, { contents: 'Hello', creatorType: NewsComment.CommentCreatorType.staff, creatorId: 1 })
  assert.equal([post.operation, post.method, post.route, post.issues], ['NewsComment.post', 'POST', '/News/Comment', []])
  assert.equal(post.form, [
    ['contents', 'Hello'],
    ['newsitemid', '3'],
    ['creatortype', '1'],
    ['creatorid', '1']
  ])
})

test('NewsComment: listing by parent, getting and deleting; a parent or id below 1 is an issue', () => {
  assert.equal([NewsComment.all(3).method, NewsComment.all(3).route], ['GET', '/News/Comment/ListAll/3'])
  assert.equal([NewsComment.delete(8).method, NewsComment.delete(8).route], ['DELETE', '/News/Comment/8'])
  assert.equal(paths(NewsComment.all(0)), ['newsItemId'])
  assert.equal(paths(NewsComment.get(0)), ['id'])
})

test.run()
