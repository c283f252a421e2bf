// IdentityDomain builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as IdentityDomain from '../../src/v1/IdentityDomain'
import { wire } from './builderSupport'

test('IdentityDomain: created for an organisation; a bad domain is an issue', () => {
  assert.equal(wire(IdentityDomain.post({ organizationId: 7, domain: 'b.co' })), {
    line: 'POST /identities/domains',
    body: { organization_id: 7, domain: 'b.co' },
    issues: []
  })
  assert.equal(wire(IdentityDomain.post({ organizationId: 7, domain: 'not a domain' })).issues, ['domain: must be a domain name such as example.com'])
  assert.equal(wire(IdentityDomain.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
