// IdentityEmail builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as IdentityEmail from '../../src/v1/IdentityEmail'
import { wire } from './builderSupport'

test('IdentityEmail: listed by user, created with the owner in snake_case; a bad address is an issue', () => {
  assert.is(wire(IdentityEmail.all({ userId: 2 })).line, 'GET /identities/emails?user_id=2')
  assert.equal(wire(IdentityEmail.post({ userId: 2, email: 'a@b.co' })), { line: 'POST /identities/emails', body: { user_id: 2, email: 'a@b.co' }, issues: [] })
  assert.equal(wire(IdentityEmail.post({ userId: 2, email: 'nope' })).issues, ['email: must be an e-mail address, got "nope"'])
  assert.equal(wire(IdentityEmail.delete(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
