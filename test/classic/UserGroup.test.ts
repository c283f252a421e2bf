import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as UserGroup from '../../src/classic/UserGroup'
import { decodeBody, decodeEither, issuePaths } from '../support/decode'
import { unwrapLeft } from '../support/transport'

// Written from spec §2.5 in the server's style.
const USER_GROUPS = `<?xml version="1.0" encoding="UTF-8"?>
<usergroups>
<usergroup>
<id><![CDATA[1]]></id>
<title><![CDATA[Guest]]></title>
<grouptype><![CDATA[guest]]></grouptype>
<ismaster><![CDATA[1]]></ismaster>
</usergroup>
<!-- custom groups -->
<usergroup>
<id><![CDATA[4]]></id>
<title><![CDATA[VIP & Partners]]></title>
<grouptype><![CDATA[registered]]></grouptype>
<ismaster><![CDATA[0]]></ismaster>
</usergroup>
</usergroups>`

test('post/put descriptions', () => {
  const post = UserGroup.post({ title: 'VIP', groupType: 'registered' })
  assert.equal(
    [post.method, post.route, post.form],
    [
      'POST',
      '/Base/UserGroup',
      [
        ['title', 'VIP'],
        ['grouptype', 'registered']
      ]
    ]
  )
  const put = UserGroup.put(4, { title: 'VIPs' })
  assert.equal([put.method, put.route, put.form], ['PUT', '/Base/UserGroup/4', [['title', 'VIPs']]])
})

test('decodes user groups', () => {
  const groups = decodeBody(UserGroup.all(), USER_GROUPS)
  assert.equal(
    groups.map((g) => [g.id, g.title, g.groupType, g.isMaster, g.extra]),
    [
      [1, 'Guest', 'guest', true, {}],
      [4, 'VIP & Partners', 'registered', false, {}]
    ]
  )
  assert.equal(decodeBody(UserGroup.get(4), '<?xml version="1.0" encoding="UTF-8"?>\n<usergroups>\n</usergroups>'), O.none)
  assert.equal(decodeBody(UserGroup.post({ title: 'x', groupType: 'guest' }), USER_GROUPS).title, 'Guest')
  unwrapLeft(decodeEither(UserGroup.all(), USER_GROUPS.replace('<![CDATA[guest]]>', '<![CDATA[staff]]>')))
})

test('validation lists every problem', () => {
  const bad = UserGroup.post({ title: '', groupType: 'member' as UserGroup.UserGroupType })
  assert.equal(issuePaths(bad), ['title', 'groupType'])
  assert.equal(bad.form, [], 'nothing to send')
  assert.equal(issuePaths(UserGroup.put(0, { title: ' ' })), ['id', 'title'])
  assert.equal(issuePaths(UserGroup.get(-1)), ['id'])
  assert.equal(issuePaths(UserGroup.delete(0.5)), ['id'])
  assert.equal(UserGroup.put(1, 'VIP' as unknown as UserGroup.UserGroupUpdate).issues, [{ path: 'input', message: 'must be an object' }])
})

test('put sends the title only, even from a spread group (the type cannot change)', () => {
  assert.equal(UserGroup.put(2, { title: 'VIP', groupType: 'guest' } as UserGroup.UserGroupUpdate).form, [['title', 'VIP']])
})

test.run()
