// CaseStatus builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CaseStatus from '../../src/v1/CaseStatus'
import { wire } from './builderSupport'

test('CaseStatus: post in snake_case JSON; a blank label is an issue', () => {
  assert.equal(wire(CaseStatus.post({ label: 'Waiting', isSlaActive: false, sortOrder: 2 })), {
    line: 'POST /cases/statuses',
    body: { label: 'Waiting', is_sla_active: false, sort_order: 2 },
    issues: []
  })
  assert.equal(wire(CaseStatus.post({ label: '' })).issues, ['label: is required and must not be blank'])
})

test.run()
