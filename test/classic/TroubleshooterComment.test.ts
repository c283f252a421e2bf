// TroubleshooterComment: the requests its builders describe (the behaviour shared by every comment module is in comments.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TroubleshooterComment from '../../src/classic/TroubleshooterComment'
import { paths } from './contentSupport'

test('TroubleshooterComment: a staff comment on a troubleshooter step is a POST to /Troubleshooter/Comment with the parent as troubleshooterstepid', () => {
  const post = TroubleshooterComment.post(3, { contents: 'Hello', creatorType: TroubleshooterComment.CommentCreatorType.staff, creatorId: 1 })
  assert.equal([post.operation, post.method, post.route, post.issues], ['TroubleshooterComment.post', 'POST', '/Troubleshooter/Comment', []])
  assert.equal(post.form, [
    ['contents', 'Hello'],
    ['troubleshooterstepid', '3'],
    ['creatortype', '1'],
    ['creatorid', '1']
  ])
})

test('TroubleshooterComment: listing by parent, getting and deleting; a parent or id below 1 is an issue', () => {
  assert.equal([TroubleshooterComment.all(3).method, TroubleshooterComment.all(3).route], ['GET', '/Troubleshooter/Comment/ListAll/3'])
  assert.equal([TroubleshooterComment.delete(8).method, TroubleshooterComment.delete(8).route], ['DELETE', '/Troubleshooter/Comment/8'])
  assert.equal(paths(TroubleshooterComment.all(0)), ['troubleshooterStepId'])
  assert.equal(paths(TroubleshooterComment.get(0)), ['id'])
})

test.run()
