import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { fixture } from '../../support/fixtures'
import { call, keyShape, login, makeSandbox, normalise } from './support'

test('one response fetched six ways (snake/camel/pascal × nested/flat) and with/without _empty=false normalises to one value', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const bodies: Array<[string, unknown]> = []
  for (const letterCase of ['snake', 'camel', 'pascal']) {
    for (const flat of [false, true]) {
      for (const empty of [true, false]) {
        const query = `include=*&_case=${letterCase}${flat ? '&_flat=true' : ''}${empty ? '' : '&_empty=false'}`
        const r = await call(sandbox, 'GET', `cases/1?${query}`, s.read)
        assert.is(r.status, 200, query)
        bodies.push([query, r.json])
      }
    }
  }
  const reference = normalise(bodies[0]![1] as never)
  // The reference really is deep: the requester's organization's domains are resolved.
  assert.is(
    (reference as { data: { requester: { organization: { domains: Array<{ domain: string }> } } } }).data.requester.organization.domains[0]!.domain,
    'atmospherecoffee.com'
  )
  for (const [query, body] of bodies) assert.equal(normalise(body as never), reference, query)
  // …and the renderings really differ on the wire.
  const wire = new Set(bodies.map(([, b]) => JSON.stringify(b)))
  assert.is(wire.size, 12)
})

test('the same holds for a list with X-Options instead of arguments', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const plain = await call(sandbox, 'GET', 'users?include=*&limit=5', s.read)
  const viaHeader = await call(sandbox, 'GET', 'users?include=*&limit=5&_case=pascal', { ...s.read, 'X-Options': 'flat,no_empty' })
  assert.ok('Resources' in viaHeader.json)
  assert.equal(normalise(viaHeader.json), normalise(plain.json))
})

test('_case converts keys, resource_type values and the resource name; error keys too (moreInfo)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const camel = await call(sandbox, 'GET', 'cases/statuses?_case=camel')
  assert.equal(Object.keys(camel.json), ['status', 'data', 'resource', 'totalCount'])
  assert.is(camel.json.resource, 'caseStatus')
  assert.equal(Object.keys(camel.json.data[0]), [
    'id',
    'label',
    'type',
    'sortOrder',
    'isSlaActive',
    'isDeleted',
    'createdAt',
    'updatedAt',
    'resourceType',
    'resourceUrl'
  ])
  assert.is(camel.json.data[0].resourceType, 'caseStatus')
  const pascal = await call(sandbox, 'GET', 'cases/9999?_case=pascal', s.read)
  assert.equal(Object.keys(pascal.json), ['Status', 'Errors'])
  assert.equal(Object.keys(pascal.json.Errors[0]), ['Code', 'Message', 'MoreInfo'])
  assert.is(pascal.json.Errors[0].Code, 'RESOURCE_NOT_FOUND', 'codes are values, not names')
  const camelErr = await call(sandbox, 'GET', 'cases/9999?_Case=camel', s.read)
  assert.ok('moreInfo' in camelErr.json.errors[0], '_Case is _case')
})

test('free-form maps keep their keys in every case (business hour zones, post metadata)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const hours = await call(sandbox, 'GET', 'businesshours/1?_case=pascal', s.read)
  assert.equal(Object.keys(hours.json.Data.Zones), ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
  assert.equal(hours.json.Data.Zones.saturday, [])
  const emptied = await call(sandbox, 'GET', 'businesshours/1?_empty=false', s.read)
  assert.equal(emptied.json.data.zones.sunday, [], 'values inside free-form maps are not removed')
  assert.is(emptied.json.data.holidays, undefined, 'an empty field is')
  const post = await call(sandbox, 'GET', 'cases/posts/1?_case=camel', s.read)
  assert.equal(post.json.data.metadata, { user_agent: '', page_url: '' })
})

test('request names are read in any case: camelCase and PascalCase body keys and arguments', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'POST', 'users', s.write, JSON.stringify({ FullName: 'Pascal Person', roleId: 4, Email: 'pascal@example.com' }))
  assert.is(r.status, 201)
  assert.is(r.json.data.full_name, 'Pascal Person')
  const form = await call(
    sandbox,
    'PUT',
    `users/${r.json.data.id}`,
    { ...s.write, 'Content-Type': 'application/x-www-form-urlencoded' },
    'designation=Barista&teamIds[]=1&teamIds[]=2'
  )
  assert.is(form.json.data.designation, 'Barista')
  assert.equal(
    form.json.data.teams.map((t: { id: number }) => t.id),
    [1, 2]
  )
})

test('_empty=false and X-Options: no_empty drop null and [] fields everywhere, also inside references', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const full = await call(sandbox, 'GET', 'cases/1', s.read)
  assert.is(full.json.data.last_closed_by, null)
  assert.equal(full.json.data.assigned_team, { id: 1, legacy_id: null, resource_type: 'team' })
  for (const headers of [{}, { 'X-Options': 'no_empty' }] as Array<Record<string, string>>) {
    const r = await call(sandbox, 'GET', `cases/1${'X-Options' in headers ? '' : '?_empty=false'}`, { ...s.read, ...headers })
    const keys = Object.keys(r.json.data)
    assert.not.ok(keys.includes('last_closed_by'))
    assert.not.ok(keys.includes('rating'))
    assert.ok(keys.includes('subject'))
    assert.equal(r.json.data.assigned_team, { id: 1, resource_type: 'team' })
    const nulls = JSON.stringify(r.json).match(/null|\[\]/g)
    assert.is(nulls, null)
  }
})

test('include: references by default, include=* expands all, include=<types> only those; cycles and unmodelled targets stay references', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const plain = await call(sandbox, 'GET', 'users/1', s.read)
  assert.equal(plain.json.data.role, { id: 1, resource_type: 'role' })
  const some = await call(sandbox, 'GET', 'users/1?include=role,identityEmail', s.read)
  assert.is(some.json.data.role.title, 'Administrator')
  assert.is(some.json.data.emails[0].email, 'charlotte.kuchler@brewfictus.com')
  assert.equal(some.json.data.organization, { id: 1, resource_type: 'organization' })
  const everything = await call(sandbox, 'GET', 'cases/1?include=*', s.read)
  assert.is(everything.json.data.requester.full_name, 'Caryn Pryor')
  assert.is(everything.json.data.status.label, 'New')
  assert.is(everything.json.data.assigned_team.businesshour.title, 'US office hours')
  assert.equal(everything.json.data.source_channel.account, { id: 1, resource_type: 'mailbox' }, 'mailboxes are not modelled')
  const channels = await call(sandbox, 'GET', 'cases/channels?include=*', s.read)
  assert.equal(channels.json.data[1].account, { id: '876423285750729', resource_type: 'facebook_page' })
})

test('fields: +name adds a non-default field, -name removes, a bare list is explicit, nested forms and *(*) reach nested resources', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const byDefault = await call(sandbox, 'GET', 'cases/1', s.read)
  assert.not.ok('tags' in byDefault.json.data)
  const plus = await call(sandbox, 'GET', 'cases/1?fields=%2Btags,-subject', s.read)
  assert.equal(plus.json.data.tags, [
    { id: 1, resource_type: 'tag' },
    { id: 2, resource_type: 'tag' }
  ])
  assert.not.ok('subject' in plus.json.data)
  assert.ok('legacy_id' in plus.json.data)
  const literalPlus = await call(sandbox, 'GET', 'cases/1?fields=+tags', s.read)
  assert.ok('tags' in literalPlus.json.data && 'subject' in literalPlus.json.data, 'a literal + in fields (as the docs write it) is a plus')
  const explicit = await call(sandbox, 'GET', 'cases/1?fields=subject,state', s.read)
  assert.equal(explicit.json.data, { id: 1, subject: 'Atmosphere Coffee, Inc annual maintenance', state: 'ACTIVE', resource_type: 'case' })
  const nested = await call(sandbox, 'GET', 'users/1?include=role&fields=full_name,role(title)', s.read)
  assert.equal(nested.json.data, {
    id: 1,
    full_name: 'Charlotte Küchler',
    role: { id: 1, title: 'Administrator', resource_type: 'role' },
    resource_type: 'user'
  })
  const nonDefaultRole = await call(sandbox, 'GET', 'roles/1?fields=%2Bip_restriction', s.read)
  assert.ok('ip_restriction' in nonDefaultRole.json.data)
  assert.not.ok('ip_restriction' in (await call(sandbox, 'GET', 'roles/1', s.read)).json.data)
  const star = await call(sandbox, 'GET', 'users/1?include=*&fields=*(*)', s.read)
  assert.ok('tags' in star.json.data)
  assert.ok('tags' in star.json.data.organization, 'non-default fields of nested resources too')
})

test('flat mode follows the seed’s example: resources keyed by type then id string, references in data and inside resources', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'GET', 'tests/1?_flat=true', s.read)
  const example = JSON.parse(fixture('v1/tests.get.flat.json'))
  assert.equal(Object.keys(r.json), Object.keys(example))
  assert.equal(Object.keys(r.json.data).sort(), Object.keys(example.data).sort())
  assert.equal(Object.keys(r.json.resources).sort(), Object.keys(example.resources).sort())
  for (const type of Object.keys(example.resources)) {
    const mine = r.json.resources[type]
    for (const id of Object.keys(mine)) assert.type(id, 'string')
    const sample = Object.values(example.resources[type] as Record<string, Record<string, unknown>>)[0]!
    const ours = Object.values(mine as Record<string, Record<string, unknown>>)[0]!
    // Every key of the docs' sample is there (ours has the fuller field list of spec §3.2).
    for (const key of Object.keys(sample)) assert.ok(key in ours, `${type}.${key}`)
  }
  assert.equal(r.json.data.user, { id: 1, resource_type: 'user' })
  assert.equal(r.json.resources.user['1'].role, { id: 1, resource_type: 'role' })
  assert.equal(r.json.resources.team['1'].businesshour, { id: 1, resource_type: 'business_hour' })
  assert.equal(r.json.resources.organization['1'].domains, [{ id: 1, resource_type: 'identity_domain' }])
})

test('flat mode with include=<types> side-loads only those types', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const r = await call(sandbox, 'GET', 'cases/1?_flat=true&include=user', s.read)
  assert.equal(Object.keys(r.json.resources), ['user'])
  assert.equal(Object.keys(r.json.resources.user).sort(), ['1', '2'])
  const none = await call(sandbox, 'GET', 'cases/statuses?_flat=true', s.read)
  assert.equal(none.json.resources, {})
})

test('flat mode decodes to the nested rendering for a list with shared resources (each once in resources)', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const flat = await call(sandbox, 'GET', 'cases?_flat=true&include=*&limit=20', s.read)
  const nested = await call(sandbox, 'GET', 'cases?include=*&limit=20', s.read)
  assert.ok(flat.text.length < nested.text.length / 2, `flat ${flat.text.length} bytes vs nested ${nested.text.length}`)
  assert.equal(normalise(flat.json), normalise(nested.json))
  assert.equal(keyShape(flat.json.data), keyShape(JSON.parse(fixture('v1/cases.list.json')).data))
})

test.run()
