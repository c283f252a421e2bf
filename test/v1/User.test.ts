// User builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as User from '../../src/v1/User'
import { wire } from './builderSupport'

test('User: an update in snake_case JSON; tags as CSV; an empty tag list is an issue', () => {
  assert.equal(wire(User.put(2, { fullName: 'Bo Lee' })), { line: 'PUT /users/2', body: { full_name: 'Bo Lee' }, issues: [] })
  assert.equal(wire(User.replaceTags(2, ['a', 'b'])).body, { tags: 'a,b' })
  assert.is(wire(User.me()).line, 'GET /me')
  assert.equal(wire(User.addTags(2, [])).issues, ['tags: must be a non-empty array of tag names'])
  assert.equal(wire(User.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test.run()
