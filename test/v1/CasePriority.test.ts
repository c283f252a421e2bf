// CasePriority builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CasePriority from '../../src/v1/CasePriority'
import { wire } from './builderSupport'

test('CasePriority: post with its level; a blank label is an issue', () => {
  assert.equal(wire(CasePriority.post({ label: 'Urgent', level: 4 })), { line: 'POST /cases/priorities', body: { label: 'Urgent', level: 4 }, issues: [] })
  assert.equal(wire(CasePriority.post({ label: ' ' })).issues, ['label: is required and must not be blank'])
})

test.run()
