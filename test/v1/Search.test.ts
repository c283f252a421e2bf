// Search builders and the typed hits of `/search` against the sandbox.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { CUSTOMER_EMAIL, SEED_PASSWORD } from '../../src/sandbox/v1/seed'
import { included, isReference } from '../../src/v1/internal/codec'
import { v1 } from '../../src/v1/internal/executor'
import * as Search from '../../src/v1/Search'
import { withOptions } from '../../src/v1/internal/request'
import { canned, unwrap, unwrapLeft } from '../support/transport'
import { wire } from './builderSupport'
import { localiseArticle } from '../../src/v1/internal/translate'

test('Search.query: resources upper case as CSV, fields and include as options; issues before sending', () => {
  assert.is(
    wire(Search.query({ query: 'grinder', resources: ['cases', 'articles'], fields: ['title', { data: ['+subject'] }], include: ['user'], limit: 5 })).line,
    'GET /search?query=grinder&resources=CASES,ARTICLES&limit=5&include=user&fields=title,data(%2Bsubject)'
  )
  assert.equal(wire(Search.query({ query: '', resources: ['tickets' as never], include: 3 as never })).issues, [
    'query: is required and must not be blank',
    'resources: must be a non-empty array of cases, users, organizations, articles',
    "include: must be '*' or an array of resource types"
  ])
  assert.equal(wire(Search.query({ query: 'q', fields: 3 as never, limit: 0 })).issues, [
    'limit: must be a positive integer, got 0',
    'fields: must be a string or an array of field selectors'
  ])
  // every argument is checked to the bottom before anything is made of it: nothing throws, nothing half-valid is sent
  const hostile: ReadonlyArray<readonly [string, unknown]> = [
    ['resources', [Symbol('s')]],
    ['resources', []],
    ['fields', [3]],
    ['fields', [{ data: 3 }]],
    ['fields', [{ data: [{ inner: 'x' }] }]],
    ['fields', [Symbol('s')]],
    ['fields', 'title,\u0000'],
    ['include', ['user', ' ']],
    ['offset', 1.5]
  ]
  for (const [name, value] of hostile) {
    const args: unknown = { query: 'q', [name]: value }
    assert.equal(
      wire(Search.query(args as Search.SearchArgs)).issues.map((i) => i.split(':')[0]),
      [name],
      name
    )
  }
  assert.is(
    wire(Search.query({ query: 'q', fields: [{ data: [{ '+role': ['title'] }] }, 'snippet'] })).line,
    'GET /search?query=q&fields=data(%2Brole(title)),snippet'
  )
  // the builder's include is an option like withOptions', so a later withOptions replaces it
  assert.is(wire(withOptions({ include: ['caseStatus'] })(Search.query({ query: 'q', include: '*' }))).line, 'GET /search?query=q&include=case_status')
})

test('a hit of a type the client does not know keeps its data as any resource', async () => {
  const body = JSON.stringify({
    status: 200,
    data: [{ title: 'T', snippet: 's', resource: 'macro', data: { id: 4, resource_type: 'macro', title: 'M' } }],
    resource: 'search_result',
    total_count: 1
  })
  const run = v1({ url: 'https://h', auth: { sessionId: 'S-0123456789', csrfToken: 'C-0123456789' }, transport: canned({ body }).transport })
  const [hit] = unwrap(await run(Search.query({ query: 'm' }))()).items
  assert.equal([hit?.resource, included(hit?.data)?.id, included(hit?.data)?.resourceType, included(hit?.data)?.extra], ['macro', 4, 'macro', { title: 'M' }])
})

test('the search of one resource: resources=<it> whatever the arguments say; a hit of another resource is a DecodeError', async () => {
  assert.is(wire(Search.cases({ query: 'grinder', limit: 5 })).line, 'GET /search?query=grinder&resources=CASES&limit=5')
  assert.is(wire(Search.users({ query: 'ada', resources: ['cases'] } as never)).line, 'GET /search?query=ada&resources=USERS')
  // its hits' shape is set like any request's: withOptions (include and fields are not among its arguments)
  assert.is(wire(withOptions({ include: '*' })(Search.organizations({ query: 'brew' }))).line, 'GET /search?query=brew&resources=ORGANIZATIONS&include=*')
  assert.is(wire(Search.organizations({ query: 'brew', include: '*', fields: 3 } as never)).line, 'GET /search?query=brew&resources=ORGANIZATIONS')
  assert.equal(wire(Search.articles({ query: ' ', offset: -1 })).issues, [
    'offset: must be a non-negative integer, got -1',
    'query: is required and must not be blank'
  ])
  // the same checks, in the same words as query's: a missing query, paging, an argument that is not an object
  for (const search of [Search.cases, Search.users, Search.organizations, Search.articles]) {
    assert.equal(wire(search({ limit: 0 } as never)).issues, ['limit: must be a positive integer, got 0', 'query: is required and must not be blank'])
    assert.equal(wire(search(null as never)).issues, wire(Search.query(null as never)).issues)
    assert.equal(wire(search({ query: 'q', offset: '2' } as never)).issues, wire(Search.query({ query: 'q', offset: '2' } as never)).issues)
  }
  assert.equal(wire(Search.cases('q' as never)).issues, ['args: must be an object'])
  const body = JSON.stringify({ status: 200, data: [{ title: 'T', resource: 'user', data: { id: 4, resource_type: 'user' } }], resource: 'search_result' })
  const run = v1({ url: 'https://h', auth: { sessionId: 'S-0123456789', csrfToken: 'C-0123456789' }, transport: canned({ body }).transport })
  const refused = unwrapLeft(await run(Search.cases({ query: 't' }))())
  assert.equal(refused._tag === 'DecodeError' ? refused.messages : refused, ['data[0].resource: expected "case" (a search of one resource) (got "user")'])
  // a hit without `resource` in a search of cases is a case
  const quiet = JSON.stringify({ status: 200, data: [{ title: 'T', data: { id: 4, subject: 'S', resource_type: 'case' } }], resource: 'search_result' })
  const run2 = v1({ url: 'https://h', auth: { sessionId: 'S-0123456789', csrfToken: 'C-0123456789' }, transport: canned({ body: quiet }).transport })
  const [hit] = unwrap(await run2(Search.cases({ query: 't' }))()).items
  assert.equal([hit?.resource, included(hit?.data)?.subject], ['case', 'S'])
})

test('a case hit: its own fields typed, its related resources (requester, custom field values’ fields) generic', async () => {
  const body = JSON.stringify({
    status: 200,
    data: [
      {
        title: 'Grinder jammed',
        snippet: '…the <em>grinder</em>…',
        resource: 'case',
        relevance: '2.5',
        data: {
          id: 7,
          subject: 'Grinder jammed',
          state: 'ACTIVE',
          requester: { id: 2, full_name: 'Ada Lovelace', role: { id: 4, resource_type: 'role' }, resource_type: 'user' },
          status: { id: 1, resource_type: 'case_status' },
          custom_fields: [{ field: { id: 9, title: 'Serial', resource_type: 'case_field' }, value: 'X-1', resource_type: 'case_field_value' }],
          resource_type: 'case'
        }
      }
    ],
    resource: 'search_result',
    total_count: 1
  })
  const run = v1({ url: 'https://h', auth: { sessionId: 'S-0123456789', csrfToken: 'C-0123456789' }, transport: canned({ body }).transport })
  const [hit] = unwrap(await run(Search.cases({ query: 'grinder' }))()).items
  const kase = included(hit?.data)
  const requester = included(kase?.requester)
  const field = included(kase?.customFields[0]?.field)
  assert.equal(
    [hit?.relevance, kase?.subject, kase?.state, isReference(kase?.status), requester?.id, requester?.resourceType, requester?.extra],
    [2.5, 'Grinder jammed', 'ACTIVE', true, 2, 'user', { full_name: 'Ada Lovelace', role: { id: 4, resource_type: 'role' } }]
  )
  assert.equal([field?.id, field?.resourceType, field?.extra, kase?.customFields[0]?.value], [9, 'case_field', { title: 'Serial' }, 'X-1'])
})

test('sandbox: query over every resource (data generic), and cases, users, organizations and articles typed, with include', async () => {
  const sandbox = createV1Sandbox()
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: (r) => async () => E.right(await sandbox.handle(r)) })
  const grinder = unwrap(await run(Search.query({ query: 'grinder', include: '*', limit: 100 }))())
  const kinds = new Set(grinder.items.map((h) => h.resource))
  assert.equal([...kinds].sort(), ['article', 'case'])
  for (const hit of grinder.items) if (hit.resource === 'case') assert.match(String(included(hit.data)?.extra.subject), /grinder/i)
  const cases = unwrap(await run(withOptions({ include: '*' })(Search.cases({ query: 'grinder', limit: 100 })))())
  assert.equal(
    cases.items.map((h) => h.data !== null && !isReference(h.data) && /grinder/i.test(h.data.subject)),
    grinder.items.filter((h) => h.resource === 'case').map(() => true)
  )
  const articles = unwrap(await run(withOptions({ include: '*' })(Search.articles({ query: 'grinder', limit: 100 })))())
  assert.ok(articles.items.length > 0)
  for (const hit of articles.items) assert.is(localiseArticle(included(hit.data) ?? { titles: [], contents: [] }, 'en-us').title, hit.title)
  const people = unwrap(await run(Search.query({ query: 'brewfictus', resources: ['users', 'organizations'], include: '*', limit: 100 }))())
  assert.ok(people.items.every((h) => h.resource === 'user' || h.resource === 'organization'))
  const orgs = unwrap(await run(withOptions({ include: '*' })(Search.organizations({ query: 'brewfictus', limit: 100 })))())
  assert.equal(
    orgs.items.map((h) => included(h.data)?.name),
    ['Brewfictus']
  )
  const users = unwrap(await run(withOptions({ include: '*' })(Search.users({ query: 'brewfictus', limit: 100 })))())
  assert.equal(users.items.length, people.items.filter((h) => h.resource === 'user').length)
  assert.ok(users.items.length > 0 && users.items.every((h) => /\S/.test(included(h.data)?.fullName ?? '')))
  assert.equal(unwrap(await run(Search.query({ query: 'xyzzy-nothing' }))()).items, [])
  const customer = v1({
    url: 'http://127.0.0.1:1/api/v1',
    auth: { username: CUSTOMER_EMAIL, password: SEED_PASSWORD },
    transport: (r) => async () => E.right(await sandbox.handle(r))
  })
  const refused = unwrapLeft(await customer(Search.query({ query: 'grinder' }))())
  assert.equal(refused._tag === 'ApiError' ? [refused.status, refused.errors[0]?.code] : refused, [403, 'PERMISSIONS_DENIED'], 'search is for staff')
})

test.run()
