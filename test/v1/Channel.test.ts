// Channel builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Channel from '../../src/v1/Channel'
import { wire } from './builderSupport'

test('Channel: all, of a case and for a reply; a bad case id is an issue', () => {
  assert.equal(wire(Channel.all()), { line: 'GET /cases/channels', body: undefined, issues: [] })
  assert.is(wire(Channel.forReply(5)).line, 'GET /cases/5/reply/channels')
  assert.is(wire(Channel.ofCase(5)).line, 'GET /cases/5/channels')
  assert.equal(wire(Channel.ofCase(0)).issues, ['caseId: must be a positive integer, got 0'])
})

test.run()
