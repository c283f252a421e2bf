// NewsSubscriber (spec kb-news-troubleshooter §3).
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsSubscriber from '../../src/classic/NewsSubscriber'
import { apiErrorOf, decode, document, item, paths } from './contentSupport'

const SUBSCRIBERS = document('newssubscribers', [
  item('newssubscriber', { id: 1, tgroupid: 0, userid: 5, email: 'reader@example.com', isvalidated: 1, usergroupid: 2 }),
  item('newssubscriber', { id: 2, tgroupid: '', userid: '', email: 'new@example.com', isvalidated: 0, usergroupid: '' })
])

test('NewsSubscriber: descriptions', () => {
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

test.run()
