// Organization builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Organization from '../../src/v1/Organization'
import { wire } from './builderSupport'

test('Organization: domains as CSV, flags in snake_case; a bad id is an issue', () => {
  assert.equal(wire(Organization.post({ name: 'O', domains: ['o.com'], isShared: false })), {
    line: 'POST /organizations',
    body: { name: 'O', is_shared: false, domains: 'o.com' },
    issues: []
  })
  assert.is(wire(Organization.all({ limit: 5 })).line, 'GET /organizations?limit=5')
  assert.equal(wire(Organization.delete(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
