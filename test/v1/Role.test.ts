// Role builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Role from '../../src/v1/Role'
import { wire } from './builderSupport'

test('Role: the type and case access as codes; only ADMIN and AGENT can be created', () => {
  assert.equal(wire(Role.post({ title: 'R', type: 'AGENT', agentCaseAccess: 'TEAMS' })), {
    line: 'POST /roles',
    body: { title: 'R', type: 'AGENT', agent_case_access: 'TEAMS' },
    issues: []
  })
  assert.equal(wire(Role.post({ title: 'R', type: 'OWNER' })).issues, ['type: must be one of "ADMIN", "AGENT", got "OWNER"'])
})

test.run()
