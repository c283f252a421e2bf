import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import * as Staff from '../../src/classic/Staff'
import { describe } from '../../src/core/error'
import { decodeBody, decodeEither, issuePaths } from '../support/decode'
import { bodyText, canned, formPairs, unwrap, unwrapLeft } from '../support/transport'

// Written from spec §2.2 in the server's style: declaration, CDATA values, `<tag />` for empty values, a comment.
const STAFF_USERS = `<?xml version="1.0" encoding="UTF-8"?>
<staffusers>
<staff>
<id><![CDATA[4]]></id>
<staffgroupid><![CDATA[2]]></staffgroupid>
<firstname><![CDATA[Ann]]></firstname>
<lastname><![CDATA[O'Neil]]></lastname>
<fullname><![CDATA[Ann O'Neil]]></fullname>
<username><![CDATA[ann]]></username>
<email><![CDATA[ann@example.com]]></email>
<designation><![CDATA[Support & Billing]]></designation>
<greeting />
<mobilenumber><![CDATA[+44 20 7946 0000]]></mobilenumber>
<isenabled><![CDATA[1]]></isenabled>
<timezone><![CDATA[Europe/London]]></timezone>
<enabledst><![CDATA[0]]></enabledst>
<!-- signature -->
<signature><![CDATA[Ann
<b>Support</b>]]></signature>
</staff>
<staff>
<id><![CDATA[5]]></id>
<staffgroupid><![CDATA[1]]></staffgroupid>
<firstname><![CDATA[Bo]]></firstname>
<lastname><![CDATA[Li]]></lastname>
<fullname><![CDATA[Bo Li]]></fullname>
<username><![CDATA[bo]]></username>
<email><![CDATA[bo@example.com]]></email>
<designation />
<greeting />
<mobilenumber />
<isenabled><![CDATA[0]]></isenabled>
<timezone />
<enabledst><![CDATA[1]]></enabledst>
<signature />
<newfield><![CDATA[kept]]></newfield>
</staff>
</staffusers>`

const NEW_STAFF: Staff.NewStaff = {
  firstName: 'Ann',
  lastName: "O'Neil",
  userName: 'ann',
  email: 'ann@example.com',
  staffGroupId: 2,
  password: 'correct horse battery',
  signature: 'Ann, Support',
  designation: 'Lead'
}

test('post sends the staff signature as staffsignature, never as signature', () => {
  const post = Staff.post(NEW_STAFF)
  assert.equal([post.method, post.route, post.issues], ['POST', '/Base/Staff', []])
  assert.equal(post.form, [
    ['firstname', 'Ann'],
    ['lastname', "O'Neil"],
    ['username', 'ann'],
    ['email', 'ann@example.com'],
    ['staffgroupid', '2'],
    ['password', 'correct horse battery'],
    ['designation', 'Lead'],
    ['staffsignature', 'Ann, Support']
  ])
  assert.not.ok(post.form.some(([name]) => name === 'signature'))
})

test('on the wire the auth signature stays the only signature', async () => {
  const { transport, sent } = canned({ body: STAFF_USERS })
  const run = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'key-123456', secretKey: 'secret-123456', transport, salt: () => 'salt123' })
  unwrap(await run(Staff.post(NEW_STAFF))())
  const pairs = formPairs(bodyText(sent[0]))
  assert.equal(pairs.filter(([k]) => k === 'signature').length, 1)
  assert.equal(
    pairs.find(([k]) => k === 'staffsignature'),
    ['staffsignature', 'Ann, Support']
  )
})

test('put sends only what is given, flags as 1/0', () => {
  const put = Staff.put(4, { firstName: 'Ann', lastName: 'Lee', staffGroupId: 3, isEnabled: false, enableDst: true })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Base/Staff/4',
      [
        ['firstname', 'Ann'],
        ['lastname', 'Lee'],
        ['staffgroupid', '3'],
        ['isenabled', '0'],
        ['enabledst', '1']
      ]
    ]
  )
})

test('decodes <staffusers> with CDATA, empty elements and a comment', () => {
  const list = decodeBody(Staff.all(), STAFF_USERS)
  assert.equal(list.length, 2)
  const [ann, bo] = list
  assert.equal(
    { ...ann, extra: undefined },
    {
      id: 4,
      staffGroupId: 2,
      firstName: 'Ann',
      lastName: "O'Neil",
      fullName: "Ann O'Neil",
      userName: 'ann',
      email: 'ann@example.com',
      designation: 'Support & Billing',
      greeting: '',
      mobileNumber: '+44 20 7946 0000',
      isEnabled: true,
      timezone: 'Europe/London',
      enableDst: false,
      signature: 'Ann\n<b>Support</b>',
      extra: undefined
    }
  )
  assert.equal(ann?.extra, {})
  assert.equal([bo?.id, bo?.isEnabled, bo?.enableDst, bo?.timezone, bo?.signature, Object.keys(bo?.extra ?? {})], [5, false, true, '', '', ['newfield']])
})

test('get decodes an empty root as none, post needs the echo', () => {
  const empty = '<?xml version="1.0" encoding="UTF-8"?>\n<staffusers>\n</staffusers>'
  assert.equal(decodeBody(Staff.get(9), empty), O.none)
  assert.equal(O.map((s: Staff.Staff) => s.userName)(decodeBody(Staff.get(4), STAFF_USERS)), O.some('ann'))
  unwrapLeft(decodeEither(Staff.post(NEW_STAFF), empty))
  unwrapLeft(decodeEither(Staff.all(), '<?xml version="1.0"?><staff><id>1</id></staff>'))
})

test('validation lists every problem', () => {
  const bad = Staff.post({ firstName: '', lastName: ' ', userName: '', email: 'nope', staffGroupId: 0, password: '', isEnabled: false as true })
  assert.equal(issuePaths(bad), ['firstName', 'lastName', 'userName', 'email', 'staffGroupId', 'password', 'isEnabled'])
  assert.equal(bad.form, [], 'nothing to send')
  assert.equal(issuePaths(Staff.put(-1, { firstName: 'A', lastName: '', staffGroupId: 1.5, email: 'x' })), ['id', 'lastName', 'email', 'staffGroupId'])
  assert.equal(issuePaths(Staff.get(0)), ['id'])
  assert.equal(issuePaths(Staff.delete(Number.NaN)), ['id'])
  assert.equal(Staff.post(undefined as unknown as Staff.NewStaff).issues, [{ path: 'input', message: 'must be an object' }])
  assert.equal(issuePaths(Staff.post({ ...NEW_STAFF, enableDst: false as true })), ['enableDst'])
  assert.equal(Staff.put(4, { firstName: 'A', lastName: 'B', staffGroupId: 1, isEnabled: false }).issues, [])
})

test('a password never appears in an issue or an error message', async () => {
  const wrongType = 987654321 as unknown as string
  const bad = Staff.post({ ...NEW_STAFF, email: 'broken', password: wrongType })
  const put = Staff.put(4, { firstName: 'A', lastName: 'B', staffGroupId: 1, password: '   ' })
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport: canned().transport })
  for (const req of [bad, put]) {
    const error = unwrapLeft(await run(req)())
    const text = JSON.stringify(error) + describe(error)
    assert.not.ok(text.includes('987654321'), text)
    assert.ok(text.includes('password'))
  }
})

test('a password the server echoes back in an error body is scrubbed', async () => {
  for (const status of [400, 500]) {
    const { transport } = canned({ status, body: `<b>Fatal</b>: could not save password=correct horse battery for ann` })
    const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })
    const error = unwrapLeft(await run(Staff.post(NEW_STAFF))())
    const text = JSON.stringify(error)
    assert.equal([error._tag, text.includes('correct horse battery'), text.includes('[redacted]')], [status === 400 ? 'ApiError' : 'HttpError', false, true])
  }
})

test.run()
