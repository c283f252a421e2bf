// OAuthClient builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as OAuthClient from '../../src/v1/OAuthClient'
import { wire } from './builderSupport'

test('OAuthClient: paged list and get; a bad id is an issue', () => {
  assert.equal(wire(OAuthClient.all({ limit: 10 })), { line: 'GET /oauth/clients?limit=10', body: undefined, issues: [] })
  assert.is(wire(OAuthClient.get(2)).line, 'GET /oauth/clients/2')
  assert.equal(wire(OAuthClient.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
