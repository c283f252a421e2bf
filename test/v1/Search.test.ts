// Search builders and the typed hits of `/search` against the sandbox.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { CUSTOMER_EMAIL, SEED_PASSWORD } from '../../src/sandbox/v1/seed'
import { included, isReference } from '../../src/v1/internal/codec'
import { v1 } from '../../src/v1/internal/executor'
import * as Search from '../../src/v1/Search'
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
    'resources[0]: must be one of "cases", "users", "organizations", "articles", got "tickets"',
    "include: must be '*' or an array of resource types"
  ])
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
  assert.equal(hit?.resource === 'other' ? [hit.type, included(hit.data)?.id, included(hit.data)?.extra] : hit, ['macro', 4, { title: 'M' }])
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
  const [hit] = unwrap(await run(Search.query({ query: 'grinder', resources: ['cases'] }))()).items
  if (hit?.resource !== 'case') throw new Error('not a case hit')
  const kase = included(hit.data)
  const requester = included(kase?.requester)
  const field = included(kase?.customFields[0]?.field)
  assert.equal(
    [hit.relevance, kase?.subject, kase?.state, isReference(kase?.status), requester?.id, requester?.resourceType, requester?.extra],
    [2.5, 'Grinder jammed', 'ACTIVE', true, 2, 'user', { full_name: 'Ada Lovelace', role: { id: 4, resource_type: 'role' } }]
  )
  assert.equal([field?.id, field?.resourceType, field?.extra, kase?.customFields[0]?.value], [9, 'case_field', { title: 'Serial' }, 'X-1'])
})

test('sandbox: cases, users, organizations and articles, typed by resource, with include', async () => {
  const sandbox = createV1Sandbox()
  const run = v1({ url: 'http://127.0.0.1:1/api/v1', auth: sandbox.credentials, transport: (r) => async () => E.right(await sandbox.handle(r)) })
  const grinder = unwrap(await run(Search.query({ query: 'grinder', include: '*', limit: 100 }))())
  const kinds = new Set(grinder.items.map((h) => h.resource))
  assert.equal([...kinds].sort(), ['article', 'case'])
  for (const hit of grinder.items) {
    if (hit.resource === 'case') assert.match(included(hit.data)?.subject ?? '', /grinder/i)
    if (hit.resource === 'article') assert.is(localiseArticle(included(hit.data) ?? { titles: [], contents: [] }, 'en-us').title, hit.title)
  }
  const people = unwrap(await run(Search.query({ query: 'brewfictus', resources: ['users', 'organizations'], include: '*', limit: 100 }))())
  const org = people.items.find((h) => h.resource === 'organization')
  assert.is(org?.resource === 'organization' ? included(org.data)?.name : undefined, 'Brewfictus')
  const user = people.items.find((h) => h.resource === 'user')
  assert.match(user?.resource === 'user' ? (included(user.data)?.fullName ?? '') : '', /\S/)
  assert.ok(people.items.every((h) => h.resource === 'user' || h.resource === 'organization'))
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
