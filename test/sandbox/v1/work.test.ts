// The v1 sandbox's work records (issue 15), raw: what FIDELITY.md's "work records" rows say, request by request.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, login, makeSandbox, ORIGIN } from './support'

test('timetracking: cursor pages, the next one named only in a Link header, its query percent-encoded twice', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const first = await call(sandbox, 'GET', 'timetracking?case_id=1&limit=5', s.read)
  assert.equal(Object.keys(first.json), ['status', 'data', 'resource', 'limit', 'total_count'], 'no offset, no *_url in the body')
  assert.is(first.json.resource, 'timetracking_log')
  const last = first.json.data[4].id as number
  assert.is(first.headers.link, `<${ORIGIN}/api/v1/timetracking?after_id%253D${last}%2526case_id%253D1%2526limit%253D5%2526count%253D12>; rel="next"`)
  const end = await call(sandbox, 'GET', `timetracking?case_id=1&limit=5&after_id=${last + 5}`, s.read)
  assert.is(end.json.data.length, 2)
  assert.is(end.headers.link, undefined, 'the last page names no next one')
  assert.is((await call(sandbox, 'GET', 'timetracking?case_id=999', s.read)).json.errors[0].parameter, 'case_id')
  const bad = await call(sandbox, 'POST', 'timetracking', s.write, JSON.stringify({ case_id: 1 }))
  assert.equal([bad.status, bad.json.errors[0].code, bad.json.errors[0].parameter], [400, 'FIELD_REQUIRED', 'time_spent'])
  const customer = await login(sandbox, sandbox.accounts.customer)
  assert.is((await call(sandbox, 'GET', 'timetracking?case_id=1', customer.read)).status, 403)
})

test('macros: unpaginated (total_count only), show_all, camel case', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const list = await call(sandbox, 'GET', 'cases/macros.json?show_all=1&_case=camel', s.read)
  assert.equal(Object.keys(list.json), ['status', 'data', 'resource', 'totalCount'])
  assert.equal([list.json.resource, list.json.totalCount, list.json.data[1].priorityAction], ['macro', 4, 'INCREASE_ONE_LEVEL'])
  assert.is((await call(sandbox, 'GET', 'cases/macros?show_all=maybe', s.read)).json.errors[0].parameter, 'show_all')
})

test('activities: since and until together are ONE_FIELD_EXPECTED; next_url carries the last time; ties stay on one page', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const both = await call(sandbox, 'GET', 'cases/2/activities?since=2015-01-01T00:00:00Z&until=2016-01-01T00:00:00Z', s.read)
  assert.equal([both.status, both.json.errors[0].code, both.json.errors[0].parameters], [400, 'ONE_FIELD_EXPECTED', ['until', 'since']])
  const first = await call(sandbox, 'GET', 'cases/2/activities?limit=2', s.read)
  assert.equal(
    [first.json.data.length, first.json.limit, first.json.total_count, first.json.offset, first.json.next_url],
    [3, 2, 3, undefined, undefined],
    'the third entry ties with the second: one page of 3'
  )
  const one = await call(sandbox, 'GET', 'cases/2/activities?limit=1', s.read)
  assert.is(one.json.next_url, `${ORIGIN}/api/v1/cases/2/activities.json?limit=1&since=${encodeURIComponent(one.json.data[0].created_at)}`)
  assert.is((await call(sandbox, 'GET', 'cases/999/activities', s.read)).status, 404)
})

test('bulk: more than 200 ids is FIELD_INVALID ids; merge needs distinct, existing, other cases', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const many = Array.from({ length: 201 }, (_, i) => i + 1).join(',')
  const tooMany = await call(sandbox, 'PUT', `cases/trash?ids=${many}`, s.write)
  assert.equal([tooMany.status, tooMany.json.errors[0].code, tooMany.json.errors[0].parameter], [400, 'FIELD_INVALID', 'ids'])
  const merge = (body: unknown) => call(sandbox, 'POST', 'cases/2/merge', s.write, JSON.stringify(body))
  assert.is((await merge({})).json.errors[0].code, 'FIELD_REQUIRED')
  assert.is((await merge({ case_ids: '3,3' })).json.errors[0].code, 'PARAMETERS_INCONSISTENT')
  assert.is((await merge({ case_ids: '2' })).json.errors[0].code, 'FIELD_INVALID')
  assert.is((await merge({ case_ids: '999' })).json.errors[0].code, 'FIELD_INVALID')
  const done = await merge({ case_ids: [3] })
  assert.equal([done.status, done.json.data.id], [200, 2])
  assert.is((await call(sandbox, 'POST', 'cases/999/merge', s.write, JSON.stringify({ case_ids: '3' }))).status, 404)
})

test('archived: archived=1 lists the cases closed more than 30 days ago; another value is FIELD_INVALID', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const active = (await call(sandbox, 'GET', 'cases?limit=100&status=CLOSED', s.read)).json
  const all = (await call(sandbox, 'GET', 'cases?limit=100&status=CLOSED&archived=1', s.read)).json
  assert.equal([active.total_count, all.total_count > 0], [0, true], 'every seeded closed case was closed in 2015')
  assert.is((await call(sandbox, 'GET', 'cases?archived=yes', s.read)).json.errors[0].parameter, 'archived')
  const byId = await call(sandbox, 'GET', `cases?ids=${all.data[0].id as number}`, s.read)
  assert.is(byId.json.total_count, 1, 'asked for by id, an archived case is listed')
})

test('ratings: /cases/ratings/recent, newest first, offset-paged', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const page = await call(sandbox, 'GET', 'cases/ratings/recent?limit=5', s.read)
  assert.equal([page.json.resource, page.json.total_count, page.json.offset, page.json.data.length], ['rating', 12, 0, 5])
  assert.ok(page.json.next_url.endsWith('offset=5&limit=5'))
})

test.run()
