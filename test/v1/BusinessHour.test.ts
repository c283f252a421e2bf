// BusinessHour builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as BusinessHour from '../../src/v1/BusinessHour'
import { wire } from './builderSupport'

test('BusinessHour: paged list and get; a bad id is an issue', () => {
  assert.equal(wire(BusinessHour.all({ offset: 5, limit: 10 })), { line: 'GET /businesshours?offset=5&limit=10', body: undefined, issues: [] })
  assert.is(wire(BusinessHour.get(2)).line, 'GET /businesshours/2')
  assert.equal(wire(BusinessHour.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
