import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import * as User from '../../src/classic/User'
import { describe } from '../../src/core/error'
import { decodeBody, decodeEither, described, issuePaths } from '../support/decode'
import { canned, unwrapLeft } from '../support/transport'

// Written from spec §2.4 in the server's style: CDATA values, `<tag />` for empty ones (the zero organization id of
// PHP < 8 included), one <email> per address, a comment.
const USERS = `<?xml version="1.0" encoding="UTF-8"?>
<users>
<user>
<id><![CDATA[7]]></id>
<usergroupid><![CDATA[2]]></usergroupid>
<userrole><![CDATA[manager]]></userrole>
<userorganizationid><![CDATA[3]]></userorganizationid>
<salutation><![CDATA[Dr.]]></salutation>
<userexpiry><![CDATA[0]]></userexpiry>
<fullname><![CDATA[Jane Roe]]></fullname>
<email><![CDATA[jane@example.com]]></email>
<email><![CDATA[j.roe@example.org]]></email>
<designation><![CDATA[CTO]]></designation>
<phone><![CDATA[+1 555 0100]]></phone>
<!-- Timeline -->
<dateline><![CDATA[1300000000]]></dateline>
<lastvisit><![CDATA[1400000000]]></lastvisit>
<isenabled><![CDATA[1]]></isenabled>
<timezone><![CDATA[America/New_York]]></timezone>
<enabledst><![CDATA[1]]></enabledst>
<slaplanid><![CDATA[2]]></slaplanid>
<slaplanexpiry><![CDATA[1500000000]]></slaplanexpiry>
</user>
<user>
<id><![CDATA[9]]></id>
<usergroupid><![CDATA[2]]></usergroupid>
<userrole><![CDATA[user]]></userrole>
<userorganizationid />
<salutation />
<userexpiry><![CDATA[0]]></userexpiry>
<fullname><![CDATA[Kim]]></fullname>
<email><![CDATA[kim@example.com]]></email>
<designation />
<phone />
<dateline><![CDATA[1300000500]]></dateline>
<lastvisit><![CDATA[0]]></lastvisit>
<isenabled><![CDATA[0]]></isenabled>
<timezone />
<enabledst><![CDATA[0]]></enabledst>
<slaplanid><![CDATA[0]]></slaplanid>
<slaplanexpiry><![CDATA[0]]></slaplanexpiry>
</user>
</users>`

const NEW_USER: User.NewUser = {
  fullName: 'Jane Roe',
  emails: ['jane@example.com', 'j.roe@example.org'],
  userGroupId: 2,
  password: 'hunter2-hunter2'
}

test('all: /Filter, or /Filter/<marker>/<maxitems> with defaults 1 and 1000', () => {
  assert.equal(User.all({ marker: 101, maxItems: 50 }).route, '/Base/User/Filter/101/50')
  assert.equal(User.all({ marker: 101 }).route, '/Base/User/Filter/101/1000')
  assert.equal(User.all({ maxItems: 10 }).route, '/Base/User/Filter/1/10')
})

test('post: email[] for every address, timestamps as Unix seconds, never as 0', () => {
  const post = User.post({
    ...NEW_USER,
    userOrganizationId: 3,
    salutation: 'Dr.',
    userRole: 'manager',
    isEnabled: true,
    slaPlanExpiry: new Date(1500000000 * 1000),
    userExpiry: null,
    sendWelcomeEmail: false
  })
  assert.equal([post.method, post.route, post.issues], ['POST', '/Base/User', []])
  assert.equal(post.form, [
    ['fullname', 'Jane Roe'],
    ['usergroupid', '2'],
    ['email[]', 'jane@example.com'],
    ['email[]', 'j.roe@example.org'],
    ['password', 'hunter2-hunter2'],
    ['userorganizationid', '3'],
    ['salutation', 'Dr.'],
    ['isenabled', '1'],
    ['userrole', 'manager'],
    ['slaplanexpiry', '1500000000'],
    ['userexpiry', '0'],
    ['sendwelcomeemail', '0']
  ])
})

test('put sends only what is given', () => {
  const put = User.put(7, { fullName: 'Jane R.', emails: ['jr@example.com'], enableDst: false })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Base/User/7',
      [
        ['fullname', 'Jane R.'],
        ['email[]', 'jr@example.com'],
        ['enabledst', '0']
      ]
    ]
  )
})

test('search: POST /Base/UserSearch with query, phrase only when asked', () => {
  assert.equal(described(User.search({ query: 'roe' })), {
    operation: 'User.search',
    method: 'POST',
    route: '/Base/UserSearch',
    query: [],
    form: [['query', 'roe']],
    files: [],
    issues: []
  })
  assert.equal(User.search({ query: 'jane roe', phrase: true }).form, [
    ['query', 'jane roe'],
    ['phrase', '1']
  ])
  assert.equal(User.search({ query: 'jane roe', phrase: false }).form, [['query', 'jane roe']])
  assert.equal(
    decodeBody(User.search({ query: 'roe' }), USERS).map((u) => u.id),
    [7, 9]
  )
})

test('decodes users: every e-mail, timestamps, empty elements as 0 / "" / null', () => {
  const [jane, kim] = decodeBody(User.all(), USERS)
  assert.equal(
    { ...jane, extra: undefined },
    {
      id: 7,
      userGroupId: 2,
      userRole: 'manager',
      userOrganizationId: 3,
      salutation: 'Dr.',
      userExpiry: null,
      fullName: 'Jane Roe',
      emails: ['jane@example.com', 'j.roe@example.org'],
      designation: 'CTO',
      phone: '+1 555 0100',
      dateline: new Date(1300000000 * 1000),
      lastVisit: new Date(1400000000 * 1000),
      isEnabled: true,
      timezone: 'America/New_York',
      enableDst: true,
      slaPlanId: 2,
      slaPlanExpiry: new Date(1500000000 * 1000),
      extra: undefined
    }
  )
  assert.equal(jane?.extra, {})
  assert.equal(
    [kim?.userRole, kim?.userOrganizationId, kim?.salutation, kim?.emails, kim?.lastVisit, kim?.isEnabled, kim?.slaPlanExpiry],
    ['user', 0, '', ['kim@example.com'], null, false, null]
  )
})

test('get: none for an empty root; post/put need the echo; an unknown role is a decode failure', () => {
  const empty = '<?xml version="1.0" encoding="UTF-8"?>\n<users>\n</users>'
  assert.equal(decodeBody(User.get(70), empty), O.none)
  assert.equal(O.map((u: User.User) => u.fullName)(decodeBody(User.get(7), USERS)), O.some('Jane Roe'))
  assert.equal(decodeBody(User.put(7, { fullName: 'x' }), USERS).id, 7)
  unwrapLeft(decodeEither(User.post(NEW_USER), empty))
  unwrapLeft(decodeEither(User.all(), USERS.replace('<![CDATA[manager]]>', '<![CDATA[owner]]>')))
})

test('validation lists every problem', () => {
  const bad = User.post({
    fullName: '',
    emails: ['ok@example.com', 'not-an-address'],
    userGroupId: 0,
    password: '',
    userRole: 'admin' as User.UserRole,
    userOrganizationId: -1,
    slaPlanExpiry: new Date(Number.NaN)
  })
  assert.equal(issuePaths(bad), ['fullName', 'userGroupId', 'emails[1]', 'password', 'userOrganizationId', 'userRole', 'slaPlanExpiry'])
  assert.equal(bad.form, [], 'nothing to send')
  assert.equal(issuePaths(User.post({ ...NEW_USER, emails: [] })), ['emails'])
  assert.equal(issuePaths(User.post({ ...NEW_USER, emails: 'a@b.c' as unknown as ReadonlyArray<string> })), ['emails'])
  assert.equal(issuePaths(User.put(0, { fullName: ' ', userGroupId: 0, emails: ['x'] })), ['id', 'fullName', 'userGroupId', 'emails[0]'])
  assert.equal(issuePaths(User.all({ marker: 0, maxItems: 1001 })), ['marker', 'maxItems'])
  assert.equal(issuePaths(User.all({ maxItems: 0 })), ['maxItems'])
  assert.equal(issuePaths(User.all(null as unknown as User.UserFilter)), ['filter'])
  assert.equal(issuePaths(User.search({ query: '  ', phrase: 'yes' as unknown as boolean })), ['query', 'phrase'])
  assert.equal(issuePaths(User.get(1.5)), ['id'])
  assert.equal(issuePaths(User.delete(0)), ['id'])
})

test('a password never appears in an issue or an error message', async () => {
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport: canned().transport })
  const leaked = 24681357 as unknown as string
  for (const req of [User.post({ ...NEW_USER, password: leaked, emails: ['bad'] }), User.put(7, { fullName: 'x', password: leaked })]) {
    const error = unwrapLeft(await run(req)())
    const text = JSON.stringify(error) + describe(error)
    assert.not.ok(text.includes('24681357'), text)
    assert.ok(text.includes('password'))
  }
})

test.run()
