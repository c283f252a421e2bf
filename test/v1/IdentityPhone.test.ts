// IdentityPhone builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as IdentityPhone from '../../src/v1/IdentityPhone'
import { wire } from './builderSupport'

test('IdentityPhone: created for a user; an owner is required', () => {
  assert.equal(wire(IdentityPhone.post({ userId: 2, number: '+1 555' })), {
    line: 'POST /identities/phones',
    body: { user_id: 2, number: '+1 555' },
    issues: []
  })
  assert.equal(wire(IdentityPhone.post({ number: '1' })).issues, ['userId: exactly one of userId and organizationId is required'])
})

test.run()
