// Test builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as TestResource from '../../src/v1/Test'
import { wire } from './builderSupport'

test('Test: post and put send the name as JSON; a bad id is an issue', () => {
  assert.equal(wire(TestResource.post({ name: 'n' })), { line: 'POST /tests', body: { name: 'n' }, issues: [] })
  assert.equal(wire(TestResource.put(3, { name: 'm' })).body, { name: 'm' })
  assert.equal(wire(TestResource.all({ offset: 10, limit: 5 })).line, 'GET /tests?offset=10&limit=5')
  assert.equal(wire(TestResource.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
