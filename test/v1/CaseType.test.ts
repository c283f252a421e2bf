// CaseType builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CaseType from '../../src/v1/CaseType'
import { wire } from './builderSupport'

test('CaseType: post and put; a bad id is an issue', () => {
  assert.equal(wire(CaseType.post({ label: 'Bug' })), { line: 'POST /cases/types', body: { label: 'Bug' }, issues: [] })
  assert.is(wire(CaseType.put(3, {})).line, 'PUT /cases/types/3')
  assert.equal(wire(CaseType.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
