import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as UserOrganization from '../../src/classic/UserOrganization'
import { decodeBody, decodeEither, issuePaths } from '../support/decode'
import { unwrapLeft } from '../support/transport'

// Written from spec §2.6 in the server's style, with its two comments and `<tag />` for empty values.
const ORGANIZATIONS = `<?xml version="1.0" encoding="UTF-8"?>
<userorganizations>
<userorganization>
<id><![CDATA[3]]></id>
<name><![CDATA[Acme & Sons]]></name>
<organizationtype><![CDATA[shared]]></organizationtype>
<address><![CDATA[1 Main Street]]></address>
<city><![CDATA[London]]></city>
<state />
<postalcode><![CDATA[SW1A 1AA]]></postalcode>
<country><![CDATA[United Kingdom]]></country>
<phone />
<fax />
<website><![CDATA[https://acme.example]]></website>
<!-- Timeline Properties -->
<dateline><![CDATA[1296540309]]></dateline>
<lastupdate><![CDATA[1296540400]]></lastupdate>
<!-- Custom SLA Properties -->
<slaplanid><![CDATA[0]]></slaplanid>
<slaplanexpiry><![CDATA[0]]></slaplanexpiry>
</userorganization>
</userorganizations>`

test('post/put descriptions', () => {
  const post = UserOrganization.post({
    name: 'Acme',
    organizationType: 'restricted',
    city: 'London',
    postalCode: 'SW1A 1AA',
    website: 'https://acme.example',
    slaPlanId: 2,
    slaPlanExpiry: null
  })
  assert.equal([post.method, post.route], ['POST', '/Base/UserOrganization'])
  assert.equal(post.form, [
    ['name', 'Acme'],
    ['organizationtype', 'restricted'],
    ['city', 'London'],
    ['postalcode', 'SW1A 1AA'],
    ['website', 'https://acme.example'],
    ['slaplanid', '2'],
    ['slaplanexpiry', '0']
  ])
  const put = UserOrganization.put(3, { name: 'Acme Ltd', organizationType: 'shared', slaPlanExpiry: new Date(1600000000000) })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Base/UserOrganization/3',
      [
        ['name', 'Acme Ltd'],
        ['organizationtype', 'shared'],
        ['slaplanexpiry', '1600000000']
      ]
    ]
  )
})

test('put from a decoded organization sends every field again (the server blanks unsent ones)', () => {
  const org = decodeBody(UserOrganization.all(), ORGANIZATIONS)[0] as UserOrganization.UserOrganization
  const put = UserOrganization.put(org.id, { ...org, name: 'Acme Ltd' })
  assert.equal(put.issues, [])
  assert.equal(put.form, [
    ['name', 'Acme Ltd'],
    ['organizationtype', 'shared'],
    ['address', '1 Main Street'],
    ['city', 'London'],
    ['state', ''],
    ['postalcode', 'SW1A 1AA'],
    ['country', 'United Kingdom'],
    ['phone', ''],
    ['fax', ''],
    ['website', 'https://acme.example'],
    ['slaplanid', '0'],
    ['slaplanexpiry', '0']
  ])
})

test('decodes organizations (comments, empty elements, text postal codes)', () => {
  const [org] = decodeBody(UserOrganization.all(), ORGANIZATIONS)
  assert.equal(
    { ...org, extra: undefined },
    {
      id: 3,
      name: 'Acme & Sons',
      organizationType: 'shared',
      address: '1 Main Street',
      city: 'London',
      state: '',
      postalCode: 'SW1A 1AA',
      country: 'United Kingdom',
      phone: '',
      fax: '',
      website: 'https://acme.example',
      dateline: new Date(1296540309000),
      lastUpdate: new Date(1296540400000),
      slaPlanId: 0,
      slaPlanExpiry: null,
      extra: undefined
    }
  )
  assert.equal(org?.extra, {})
  assert.equal(decodeBody(UserOrganization.get(9), '<?xml version="1.0" encoding="UTF-8"?>\n<userorganizations>\n</userorganizations>'), O.none)
  assert.equal(decodeBody(UserOrganization.put(3, { name: 'x' }), ORGANIZATIONS).name, 'Acme & Sons')
  unwrapLeft(decodeEither(UserOrganization.all(), ORGANIZATIONS.replace('<![CDATA[shared]]>', '<![CDATA[open]]>')))
})

test('validation lists every problem', () => {
  const bad = UserOrganization.post({
    name: ' ',
    organizationType: 'public' as UserOrganization.OrganizationType,
    city: 5 as unknown as string,
    slaPlanId: -2,
    slaPlanExpiry: 'tomorrow' as unknown as Date
  })
  assert.equal(issuePaths(bad), ['name', 'organizationType', 'city', 'slaPlanId', 'slaPlanExpiry'])
  assert.equal(bad.form, [], 'nothing to send')
  assert.equal(issuePaths(UserOrganization.put(0, { name: '', organizationType: 'x' as UserOrganization.OrganizationType })), [
    'id',
    'name',
    'organizationType'
  ])
  assert.equal(issuePaths(UserOrganization.get(0)), ['id'])
  assert.equal(issuePaths(UserOrganization.delete(-1)), ['id'])
})

test.run()
