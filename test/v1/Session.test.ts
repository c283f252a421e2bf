// Session builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Session from '../../src/v1/Session'
import { wire } from './builderSupport'

test('Session: get, acknowledge and delete the current session, without a body', () => {
  assert.equal(wire(Session.get()), { line: 'GET /session', body: undefined, issues: [] })
  assert.equal(wire(Session.ack()).line, 'PUT /session/ack')
  assert.equal(wire(Session.delete()).line, 'DELETE /session')
})

test.run()
