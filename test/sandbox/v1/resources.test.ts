import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, login, makeSandbox, ORIGIN, START } from './support'

const setup = async () => {
  const { sandbox, clock } = makeSandbox()
  const s = await login(sandbox)
  const get = (path: string) => call(sandbox, 'GET', path, s.read)
  const send = (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    call(sandbox, method, path, s.write, body === undefined ? undefined : JSON.stringify(body))
  return { sandbox, clock, s, get, send }
}

test('the seed is deterministic: the same seed gives the same data, another seed other data', async () => {
  const a = makeSandbox({ seed: 'a' }).sandbox
  const b = makeSandbox({ seed: 'a' }).sandbox
  const c = makeSandbox({ seed: 'c' }).sandbox
  const list = async (sb: typeof a) => (await call(sb, 'GET', 'cases?limit=100', (await login(sb)).read)).text
  assert.is(await list(a), await list(b))
  assert.is.not(await list(a), await list(c))
})

test('users: create (email identity, teams), get, update, list by role, delete; team member counts follow', async () => {
  const { get, send } = await setup()
  const before = (await get('teams/3')).json.data.member_count
  const created = await send('POST', 'users', { full_name: 'Greta Lind', role_id: 2, email: 'greta@brewfictus.com', team_ids: '3', designation: 'Trainer' })
  assert.is(created.status, 201)
  const user = created.json.data
  assert.equal([user.full_name, user.designation, user.agent_case_access, user.organization_case_access], ['Greta Lind', 'Trainer', 'ALL', null])
  assert.equal(user.teams, [{ id: 3, resource_type: 'team' }])
  assert.is((await get('teams/3')).json.data.member_count, Number(before) + 1)
  const email = await get(`identities/emails/${user.emails[0].id}`)
  assert.equal([email.json.data.email, email.json.data.is_primary, email.json.data.is_validated], ['greta@brewfictus.com', true, false])
  const updated = await send('PUT', `users/${user.id}`, { designation: 'Head Trainer', team_ids: [1, 2] })
  assert.is(updated.json.data.designation, 'Head Trainer')
  assert.is((await get('teams/3')).json.data.member_count, before)
  const agents = await get('users?role=agent&limit=100')
  assert.ok(agents.json.data.some((u: { id: number }) => u.id === user.id))
  assert.not.ok(
    agents.json.data.some((u: { id: number }) => u.id === 2),
    'the customer is not an agent'
  )
  assert.equal(await send('DELETE', `users/${user.id}`).then((r) => r.json), { status: 200 })
  assert.is((await get(`users/${user.id}`)).status, 404)
  assert.is((await get(`identities/emails/${user.emails[0].id}`)).status, 404, 'its identities go with it')
  const self = await send('DELETE', 'users/1')
  assert.is(self.json.errors[0].code, 'PERMISSIONS_DENIED')
})

test('user notes and tags', async () => {
  const { get, send } = await setup()
  const note = await send('POST', 'users/2/notes', { contents: 'Prefers phone calls', is_pinned: true })
  assert.is(note.status, 201)
  assert.equal([note.json.data.body_text, note.json.data.is_pinned, note.json.data.pinned_by], ['Prefers phone calls', true, { id: 1, resource_type: 'user' }])
  assert.is(note.json.data.resource_url, `${ORIGIN}/api/v1/users/2/notes/${note.json.data.id}`)
  assert.is((await get('users/2')).json.data.pinned_notes_count, 1)
  const edited = await send('PUT', `users/2/notes/${note.json.data.id}`, { is_pinned: false })
  assert.is(edited.json.data.is_pinned, false)
  assert.is((await get('users/2')).json.data.pinned_notes_count, 0)
  assert.is((await get('users/2/notes')).json.total_count, 1)
  assert.is((await get('users/3/notes')).json.total_count, 0)
  const added = await send('POST', 'users/2/tags', { tags: 'vip,Reseller' })
  assert.is(added.status, 201)
  assert.equal(
    added.json.data.map((t: { name: string }) => t.name),
    ['vip', 'reseller']
  )
  const replaced = await send('PUT', 'users/2/tags', { tags: ['churn-risk'] })
  assert.equal(
    replaced.json.data.map((t: { name: string }) => t.name),
    ['churn-risk']
  )
  const removed = await call((await setup()).sandbox, 'GET', 'users/2/tags')
  assert.is(removed.status, 401)
  const gone = await send('DELETE', 'users/2/tags?tags=churn-risk')
  assert.equal([gone.json.data, gone.json.total_count], [[], 0])
  assert.equal((await get('users/2?fields=%2Btags')).json.data.tags, [])
})

test('identities: emails (primary switch, duplicate), phones of a user or an organization, domains of an organization', async () => {
  const { get, send } = await setup()
  const second = await send('POST', 'identities/emails', { user_id: 2, email: 'caryn@example.org', is_primary: true })
  assert.is(second.status, 201)
  const emails = await get('identities/emails?user_id=2')
  assert.equal(
    emails.json.data.map((e: { email: string; is_primary: boolean }) => [e.email, e.is_primary]),
    [
      ['caryn@example.org', true],
      ['caryn.pryor@atmospherecoffee.com', false]
    ]
  )
  assert.is((await send('POST', 'identities/emails', { user_id: 3, email: 'CARYN@example.org' })).json.errors[0].code, 'FIELD_DUPLICATE')
  assert.is((await send('POST', 'identities/emails', { user_id: 3, email: 'not-an-email' })).json.errors[0].code, 'FIELD_INVALID')
  const phone = await send('POST', 'identities/phones', { organization_id: 3, number: '+44 20 7946 0000' })
  assert.is(phone.status, 201)
  assert.ok((await get('organizations/3')).json.data.phone.some((p: { id: number }) => p.id === phone.json.data.id))
  const both = await send('POST', 'identities/phones', { user_id: 2, organization_id: 3, number: '+44 20 7946 0001' })
  assert.is(both.json.errors[0].code, 'ONE_FIELD_EXPECTED')
  const domain = await send('POST', 'identities/domains', { organization_id: 3, domain: 'beanthere.com' })
  assert.equal(
    [domain.status, domain.json.data.domain, domain.json.data.resource_url],
    [201, 'beanthere.com', `${ORIGIN}/api/v1/identities/domains/${domain.json.data.id}`]
  )
  assert.is((await send('DELETE', `identities/domains/${domain.json.data.id}`)).status, 200)
  assert.not.ok((await get('organizations/3')).json.data.domains.some((d: { id: number }) => d.id === domain.json.data.id))
})

test('organizations: create with domains and tags, update, members, delete', async () => {
  const { get, send } = await setup()
  const created = await send('POST', 'organizations', { name: 'Roast Masters', domains: 'roastmasters.com,roast.io', tags: 'wholesale' })
  assert.is(created.status, 201)
  const org = created.json.data
  const domains = await get(`identities/domains?organization_id=${org.id}`)
  assert.equal(domains.json.data.map((d: { domain: string }) => d.domain).sort(), ['roast.io', 'roastmasters.com'])
  assert.is((await send('POST', 'organizations', { name: 'roast masters' })).json.errors[0].code, 'FIELD_DUPLICATE')
  assert.is((await send('PUT', `organizations/${org.id}`, { is_shared: true })).json.data.is_shared, true)
  assert.is((await get('organizations/2/members')).json.data[0].full_name, 'Caryn Pryor')
  assert.is((await send('DELETE', `organizations/${org.id}`)).status, 200)
  assert.is((await get(`organizations/${org.id}`)).status, 404)
})

test('teams and roles: create, update, members', async () => {
  const { get, send } = await setup()
  const team = await send('POST', 'teams', { title: 'Field Service', businesshour_id: 2 })
  assert.equal([team.status, team.json.data.member_count, team.json.data.businesshour], [201, 0, { id: 2, resource_type: 'business_hour' }])
  const members = await send('POST', `teams/${team.json.data.id}/members`, { agent_ids: '3,4' })
  assert.is(members.json.data.member_count, 2)
  assert.is((await get(`teams/${team.json.data.id}/members`)).json.total_count, 2)
  assert.is((await send('POST', `teams/${team.json.data.id}/members`, { agent_ids: '2' })).json.errors[0].parameter, 'agent_ids', 'customers are not agents')
  const role = await send('POST', 'roles', { title: 'Tier 2', type: 'AGENT', agent_case_access: 'TEAMS' })
  assert.equal([role.status, role.json.data.is_system, role.json.data.agent_case_access], [201, false, 'TEAMS'])
  assert.is((await send('POST', 'roles', { title: 'Boss', type: 'OWNER' })).json.errors[0].parameter, 'type')
})

test('cases: create (MAIL with channel_id, tags, field values), get, update, trash/restore, bulk, tags', async () => {
  const { clock, get, send } = await setup()
  clock.advance(60_000)
  const created = await send('POST', 'cases.json', {
    subject: 'Grinder noise',
    contents: 'It rattles.',
    requester_id: 2,
    channel: 'MAIL',
    channel_id: '37e31d9d-cbd4-48a2-9134-1206abefa1b4',
    priority_id: 4,
    assigned_team_id: 1,
    assigned_agent_id: 3,
    tags: 'hardware,noise',
    field_values: { product: '2' }
  })
  assert.is(created.status, 201)
  const c = created.json.data
  assert.equal(
    [c.subject, c.state, c.post_count, c.priority, c.assigned_agent, c.last_post_preview, c.created_at],
    [
      'Grinder noise',
      'ACTIVE',
      1,
      { id: 4, resource_type: 'case_priority' },
      { id: 3, resource_type: 'user' },
      'It rattles.',
      new Date(START + 60_000).toISOString().replace('.000Z', '+00:00')
    ]
  )
  assert.equal(c.custom_fields, [{ field: { id: 8, resource_type: 'case_field' }, value: '2', resource_type: 'case_field_value' }])
  const first = await get('cases?limit=1')
  assert.is(first.json.data[0].id, c.id, 'the newest update lists first')
  const tags = await get(`cases/${c.id}/tags`)
  assert.equal(
    tags.json.data.map((t: { name: string }) => t.name),
    ['hardware', 'noise']
  )
  const updated = await send('PUT', `cases/${c.id}`, { status_id: 4, subject: 'Grinder noise (fixed)' })
  assert.equal(
    [updated.json.data.status.id, updated.json.data.subject, updated.json.data.last_completed_by],
    [4, 'Grinder noise (fixed)', { id: 1, resource_type: 'user' }]
  )
  assert.ok((await get('cases?status=COMPLETED&limit=100')).json.data.some((x: { id: number }) => x.id === c.id))
  assert.not.ok((await get('cases?status=NEW&limit=100')).json.data.some((x: { id: number }) => x.id === c.id))
  const trashed = await send('PUT', `cases/${c.id}/trash`)
  assert.is(trashed.json.data.state, 'TRASH')
  assert.not.ok(
    (await get('cases?limit=100')).json.data.some((x: { id: number }) => x.id === c.id),
    'trashed cases leave the list'
  )
  assert.is((await get(`cases/${c.id}`)).json.data.state, 'TRASH', 'but stay readable')
  assert.is((await send('PUT', `cases/${c.id}/restore`)).json.data.state, 'ACTIVE')
  const bulk = await send('PUT', `cases?ids=1,2,${c.id}`, { priority_id: 1 })
  assert.equal(bulk.json, { status: 200, total_count: 3 })
  assert.is((await get('cases/2')).json.data.priority.id, 1)
  assert.is((await send('PUT', 'cases?ids=1,1', { priority_id: 1 })).json.errors[0].code, 'PARAMETERS_INCONSISTENT')
  assert.equal((await send('PUT', `cases/trash?ids=2,3`)).json, { status: 200, total_count: 2 })
  assert.equal((await send('DELETE', 'cases/trash')).json, { status: 200, total_count: 2 })
  assert.is((await get('cases/2')).status, 404)
  const byMailbox = await send('POST', 'cases', { subject: 's', contents: 'c', requester_id: 2, channel: 'MAIL', channel_id: 1 })
  assert.equal(
    byMailbox.json.data.source_channel,
    { uuid: '37e31d9d-cbd4-48a2-9134-1206abefa1b4', resource_type: 'channel' },
    'channel_id may name the mailbox'
  )
  const wrongType = await send('POST', 'cases', { subject: 's', contents: 'c', requester_id: 2, channel: 'TWITTER', channel_id: 1 })
  assert.equal([wrongType.json.errors[0].code, wrongType.json.errors[0].parameter], ['FIELD_INVALID', 'channel_id'])
  const empty = await send('PUT', 'cases/1', {})
  assert.is(empty.json.errors[0].code, 'ANY_FIELD_REQUIRED')
})

test('case filters: tags, identity, priority level, ids and legacy ids', async () => {
  const { get } = await setup()
  const vip = await get('cases?tags=vip&limit=100')
  assert.ok(vip.json.data.some((c: { id: number }) => c.id === 1))
  const byEmail = await get('cases?identity_type=EMAIL&identity_value=caryn.pryor@atmospherecoffee.com&limit=100')
  assert.ok(byEmail.json.data.length >= 1)
  for (const c of byEmail.json.data) assert.is(c.requester.id, 2)
  const low = await get('cases?priority=1&limit=100&include=case_priority')
  for (const c of low.json.data) assert.is(c.priority.level, 1)
  assert.equal(
    (await get('cases?legacy_ids=YAK-923-46434')).json.data.map((c: { id: number }) => c.id),
    [1]
  )
  assert.is((await get('cases?identity_type=EMAIL')).json.errors[0].parameter, 'identity_value')
})

test('reply: 201 case_reply with post and case references; include=* expands them; NOTE replies become notes', async () => {
  const { get, send } = await setup()
  const r = await send('POST', 'cases/1/reply', { contents: 'We will send a technician.', status_id: 3, metadata: { user_agent: 'Tests', page_url: 'x' } })
  assert.is(r.status, 201)
  assert.equal(Object.keys(r.json), ['status', 'data', 'resource'])
  assert.is(r.json.resource, 'case_reply')
  const postId = r.json.data.posts[0].id
  assert.equal(r.json.data, { posts: [{ id: postId, resource_type: 'post' }], case: { id: 1, resource_type: 'case' }, resource_type: 'case_reply' })
  const post = (await get(`cases/posts/${postId}?include=case_message`)).json.data
  assert.equal(
    [post.contents, post.source, post.metadata, post.original.body_text],
    ['We will send a technician.', 'API', { user_agent: 'Tests', page_url: '' }, 'We will send a technician.']
  )
  const c = (await get('cases/1')).json.data
  assert.equal([c.post_count, c.status.id, c.last_replier.id, c.last_post_preview], [3, 3, 1, 'We will send a technician.'])
  const expanded = await send('POST', 'cases/1/reply?include=*', { contents: 'Internal: parts ordered', channel: 'NOTE' })
  assert.is(expanded.json.data.case.subject, 'Atmosphere Coffee, Inc annual maintenance')
  assert.is(expanded.json.data.posts[0].original.resource_type, 'note')
  assert.is((await get('cases/1')).json.data.has_notes, true)
  const mailNoChannel = await send('POST', 'cases/1/reply', { contents: 'x', channel: 'MAIL' })
  assert.equal([mailNoChannel.json.errors[0].code, mailNoChannel.json.errors[0].parameter], ['FIELD_INVALID', 'channel'])
  const noteWithCc = await send('POST', 'cases/1/reply', { contents: 'x', channel: 'NOTE', channel_options: { cc: 'a@b.c' } })
  assert.is(noteWithCc.json.errors[0].parameter, 'channel_options')
  const seen = await send('PUT', `cases/posts/${postId}`, { post_status: 'SEEN' })
  assert.equal(seen.json, { status: 200 })
  assert.is((await get('cases/posts/1')).json.data.post_status, 'SEEN', 'earlier posts are seen too')
})

test('notes and NOTE replies: contents is text (escaped into body_html) unless is_html / channel_options.html says HTML', async () => {
  const { get, send } = await setup()
  const bodies = (n: { body_text: string; body_html: string }) => [n.body_text, n.body_html]
  const text = await send('POST', 'cases/1/notes', { contents: 'a <b> & c' })
  assert.equal(bodies(text.json.data), ['a <b> & c', '<p>a &lt;b&gt; &amp; c</p>'])
  const html = await send('POST', 'cases/1/notes', { contents: '<p>Call <b>Ann</b></p>', is_html: true })
  assert.equal(bodies(html.json.data), ['Call Ann', '<p>Call <b>Ann</b></p>'])
  const edited = await send('PUT', `cases/1/notes/${text.json.data.id}`, { contents: '<i>later</i>', is_html: true })
  assert.equal(bodies(edited.json.data), ['later', '<i>later</i>'])
  const userNote = await send('POST', 'users/2/notes', { contents: '<script>x</script>' })
  assert.is(userNote.json.data.body_html, '<p>&lt;script&gt;x&lt;/script&gt;</p>')
  const orgNote = await send('POST', 'organizations/1/notes', { contents: '<u>VIP</u>', is_html: true })
  assert.equal(bodies(orgNote.json.data), ['VIP', '<u>VIP</u>'])
  const reply = await send('POST', 'cases/1/reply?include=*', { contents: '<b>parts</b> ordered', channel: 'NOTE', channel_options: { html: true } })
  assert.equal(bodies(reply.json.data.posts[0].original), ['parts ordered', '<b>parts</b> ordered'])
  const plain = await send('POST', 'cases/1/reply?include=*', { contents: '<b>x</b>', channel: 'NOTE' })
  assert.is(plain.json.data.posts[0].original.body_html, '<p>&lt;b&gt;x&lt;/b&gt;</p>')
  assert.is((await get(`cases/1/notes/${html.json.data.id}`)).json.data.body_text, 'Call Ann')
})

test('case notes: create (pinned), list, update; they show on the timeline', async () => {
  const { get, send } = await setup()
  const note = await send('POST', 'cases/1/notes', { contents: 'Customer is a reseller', is_pinned: true })
  assert.is(note.status, 201)
  assert.is(note.json.data.resource_url, `${ORIGIN}/api/v1/cases/1/notes/${note.json.data.id}`)
  assert.is((await get('cases/1')).json.data.pinned_notes_count, 1)
  assert.is((await get('cases/1/notes')).json.total_count, 1)
  assert.is((await send('PUT', `cases/1/notes/${note.json.data.id}`, { contents: 'Reseller since 2014' })).json.data.body_text, 'Reseller since 2014')
  const notes = await get('cases/1/posts?filters=NOTES')
  assert.is(notes.json.data.length, 1)
  assert.equal(notes.json.data[0].original, { id: note.json.data.id, resource_type: 'note' })
})

test('files: upload the raw body, then attach by id to a reply; only in the uploading session, and not after expiry', async () => {
  const { sandbox, s, get, send } = await setup()
  const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 1, 2, 3])
  const upload = await call(
    sandbox,
    'POST',
    'files.json',
    { ...s.write, 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="coffee.png"' },
    bytes
  )
  assert.is(upload.status, 201)
  const file = upload.json.data
  assert.equal([file.name, file.size, file.content_type, file.content], ['coffee.png', 12, 'image/png', undefined])
  assert.match(file.group_hash, /^s:[0-9a-f]{8}$/)
  assert.not.match(upload.text, s.id, 'the session id is not echoed')
  assert.is((await get(`files/${file.id}?fields=%2Bcontent`)).json.data.content, 'iVBORw0KGgoAAQID')
  const named = await call(sandbox, 'POST', 'files?_filename=notes.txt', { ...s.write, 'Content-Type': 'text/plain' }, 'hello')
  assert.is(named.json.data.name, 'notes.txt')
  assert.is((await call(sandbox, 'POST', 'files', { ...s.write, 'Content-Type': 'text/plain' }, 'x')).json.errors[0].code, 'FIELD_REQUIRED')
  const other = await login(sandbox, sandbox.accounts.agent)
  const foreign = await call(sandbox, 'POST', 'cases/1/reply', other.write, JSON.stringify({ contents: 'see file', attachment_file_ids: String(file.id) }))
  assert.equal([foreign.json.errors[0].code, foreign.json.errors[0].parameter], ['FIELD_INVALID', 'attachment_file_ids'])
  const reply = await send('POST', 'cases/1/reply?include=post,attachment', { contents: 'Photo attached', attachment_file_ids: [file.id] })
  assert.is(reply.status, 201)
  const attachment = reply.json.data.posts[0].attachments[0]
  assert.equal(
    [attachment.name, attachment.size, attachment.type, attachment.url],
    ['coffee.png', 12, 'image/png', `${ORIGIN}/api/v1/files/${file.id}/content`]
  )
  assert.is((await get('cases/1')).json.data.has_attachments, true)
})

test('an uploaded file expires after a day (expiry_at): attaching it then is FIELD_INVALID', async () => {
  const { sandbox, clock } = makeSandbox({ sessionTtlSeconds: 3 * 86_400 })
  const s = await login(sandbox)
  const upload = await call(sandbox, 'POST', 'files?_filename=a.txt', { ...s.write, 'Content-Type': 'text/plain' }, 'abc')
  assert.is(upload.json.data.expiry_at, new Date(START + 86_400_000).toISOString().replace('.000Z', '+00:00'))
  clock.advance(86_400_000 + 1000)
  const late = await call(sandbox, 'POST', 'cases/1/notes', s.write, JSON.stringify({ contents: 'again', attachment_file_ids: String(upload.json.data.id) }))
  assert.equal([late.status, late.json.errors[0].code, late.json.errors[0].parameter], [400, 'FIELD_INVALID', 'attachment_file_ids'])
})

test('oauth clients: the secret is shown once, on creation', async () => {
  const { get, send } = await setup()
  const created = await send('POST', 'oauth/clients', {
    name: 'CLI',
    url: 'https://example.com',
    callback_url: 'https://example.com/cb',
    scopes: 'conversations:read,users'
  })
  assert.is(created.status, 201)
  assert.match(created.json.data.secret, /^[A-Za-z0-9]{40}$/)
  assert.equal(created.json.data.scopes, ['conversations:read', 'users'])
  assert.is((await get(`oauth/clients/${created.json.data.id}`)).json.data.secret, null)
  assert.is((await send('POST', 'oauth/clients', { name: 'x', url: 'nope', callback_url: 'https://e.com', scopes: 'everything' })).json.errors.length, 2)
})

test('profile and session keep-alive', async () => {
  const { get, send } = await setup()
  assert.is((await send('PUT', 'profile', { signature: '-- Charlotte' })).json.data.signature, '-- Charlotte')
  assert.is((await get('me')).json.data.signature, '-- Charlotte')
  assert.equal((await send('PUT', 'session/ack')).json, { status: 200 })
  const wrong = await send('PUT', 'profile/password', { password: 'nope', new_password: 'whatever-1' })
  assert.is(wrong.json.errors[0].parameter, 'password')
})

test.run()
