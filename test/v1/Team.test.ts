// Team builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Team from '../../src/v1/Team'
import { wire } from './builderSupport'

test('Team: legacy ids as CSV, the business hour in snake_case; a blank title is an issue', () => {
  assert.is(wire(Team.all({ legacyIds: ['x', 'y'] })).line, 'GET /teams?legacy_ids=x,y')
  assert.equal(wire(Team.post({ title: 'Growth', businessHourId: 1 })), { line: 'POST /teams', body: { title: 'Growth', businesshour_id: 1 }, issues: [] })
  assert.equal(wire(Team.post({ title: ' ' })).issues, ['title: is required and must not be blank'])
})

test.run()
