// CaseField builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CaseField from '../../src/v1/CaseField'
import { wire } from './builderSupport'

test('CaseField: list, get and delete; a bad id is an issue', () => {
  assert.equal(wire(CaseField.all()), { line: 'GET /cases/fields', body: undefined, issues: [] })
  assert.is(wire(CaseField.delete(4)).line, 'DELETE /cases/fields/4')
  assert.equal(wire(CaseField.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
