// Builders of every module together: the route and method of each, and checks across modules (each module's own
// tests are in test/v1/<Module>.test.ts).
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as BusinessHour from '../../src/v1/BusinessHour'
import * as Case from '../../src/v1/Case'
import * as CaseField from '../../src/v1/CaseField'
import * as CasePriority from '../../src/v1/CasePriority'
import * as CaseStatus from '../../src/v1/CaseStatus'
import * as CaseType from '../../src/v1/CaseType'
import * as Channel from '../../src/v1/Channel'
import * as File from '../../src/v1/File'
import * as IdentityDomain from '../../src/v1/IdentityDomain'
import * as IdentityEmail from '../../src/v1/IdentityEmail'
import * as IdentityPhone from '../../src/v1/IdentityPhone'
import * as Organization from '../../src/v1/Organization'
import * as Role from '../../src/v1/Role'
import * as Session from '../../src/v1/Session'
import * as Team from '../../src/v1/Team'
import * as TestResource from '../../src/v1/Test'
import * as User from '../../src/v1/User'
import { wire } from './builderSupport'

test('every module: the route and method of each builder', () => {
  const lines = [
    TestResource.all(),
    TestResource.get(1),
    TestResource.post({ name: 'n' }),
    TestResource.put(1, { name: 'n' }),
    TestResource.delete(1),
    Session.get(),
    Session.ack(),
    Session.delete(),
    User.all(),
    User.get(2),
    User.me(),
    User.post({ fullName: 'A', roleId: 4 }),
    User.put(2, {}),
    User.delete(2),
    User.notes(2),
    User.addNote(2, { contents: 'c' }),
    User.tags(2),
    User.addTags(2, ['a']),
    User.replaceTags(2, ['a']),
    User.removeTags(2, ['a', 'b']),
    IdentityEmail.all({ userId: 2 }),
    IdentityEmail.get(1),
    IdentityEmail.post({ userId: 2, email: 'a@b.co' }),
    IdentityEmail.put(1, {}),
    IdentityEmail.delete(1),
    IdentityDomain.all(),
    IdentityDomain.get(5),
    IdentityDomain.post({ organizationId: 7, domain: 'b.co' }),
    IdentityDomain.put(5, {}),
    IdentityDomain.delete(5),
    IdentityPhone.all(),
    IdentityPhone.get(3),
    IdentityPhone.post({ userId: 2, number: '+1 555' }),
    IdentityPhone.put(3, {}),
    IdentityPhone.delete(3),
    Organization.all(),
    Organization.get(7),
    Organization.post({ name: 'O' }),
    Organization.put(7, {}),
    Organization.delete(7),
    Team.all({ legacyIds: ['x', 'y'] }),
    Team.get(1),
    Team.post({ title: 'T' }),
    Team.put(1, {}),
    Role.all(),
    Role.get(1),
    Role.post({ title: 'R', type: 'AGENT' }),
    Role.put(1, {}),
    BusinessHour.all(),
    BusinessHour.get(1),
    Case.all(),
    Case.get(1),
    Case.put(1, {}),
    Case.trash(1),
    Case.restore(1),
    Case.posts(1),
    Case.reply(1, { contents: 'c' }),
    Case.notes(1),
    Case.addNote(1, { contents: 'c' }),
    Case.tags(1),
    Case.addTags(1, ['a']),
    Case.replaceTags(1, ['a']),
    Case.removeTags(1, ['a']),
    CaseStatus.all(),
    CaseStatus.get(1),
    CaseStatus.post({ label: 'L' }),
    CaseStatus.put(1, {}),
    CasePriority.all(),
    CasePriority.get(1),
    CasePriority.post({ label: 'L' }),
    CasePriority.put(1, {}),
    CaseType.all(),
    CaseType.get(1),
    CaseType.post({ label: 'L' }),
    CaseType.put(1, {}),
    CaseField.all(),
    CaseField.get(1),
    CaseField.delete(1),
    Channel.all(),
    Channel.forReply(1),
    Channel.ofCase(1),
    File.upload({ filename: 'a.txt', contentType: 'text/plain', data: new Uint8Array(1) }),
    File.get(19)
  ].map((r) => {
    const w = wire(r)
    assert.equal(w.issues, [], w.line)
    return w.line
  })
  assert.equal(lines, [
    'GET /tests',
    'GET /tests/1',
    'POST /tests',
    'PUT /tests/1',
    'DELETE /tests/1',
    'GET /session',
    'PUT /session/ack',
    'DELETE /session',
    'GET /users',
    'GET /users/2',
    'GET /me',
    'POST /users',
    'PUT /users/2',
    'DELETE /users/2',
    'GET /users/2/notes',
    'POST /users/2/notes',
    'GET /users/2/tags',
    'POST /users/2/tags',
    'PUT /users/2/tags',
    'DELETE /users/2/tags?tags=a,b',
    'GET /identities/emails?user_id=2',
    'GET /identities/emails/1',
    'POST /identities/emails',
    'PUT /identities/emails/1',
    'DELETE /identities/emails/1',
    'GET /identities/domains',
    'GET /identities/domains/5',
    'POST /identities/domains',
    'PUT /identities/domains/5',
    'DELETE /identities/domains/5',
    'GET /identities/phones',
    'GET /identities/phones/3',
    'POST /identities/phones',
    'PUT /identities/phones/3',
    'DELETE /identities/phones/3',
    'GET /organizations',
    'GET /organizations/7',
    'POST /organizations',
    'PUT /organizations/7',
    'DELETE /organizations/7',
    'GET /teams?legacy_ids=x,y',
    'GET /teams/1',
    'POST /teams',
    'PUT /teams/1',
    'GET /roles',
    'GET /roles/1',
    'POST /roles',
    'PUT /roles/1',
    'GET /businesshours',
    'GET /businesshours/1',
    'GET /cases',
    'GET /cases/1',
    'PUT /cases/1',
    'PUT /cases/1/trash',
    'PUT /cases/1/restore',
    'GET /cases/1/posts',
    'POST /cases/1/reply',
    'GET /cases/1/notes',
    'POST /cases/1/notes',
    'GET /cases/1/tags',
    'POST /cases/1/tags',
    'PUT /cases/1/tags',
    'DELETE /cases/1/tags?tags=a',
    'GET /cases/statuses',
    'GET /cases/statuses/1',
    'POST /cases/statuses',
    'PUT /cases/statuses/1',
    'GET /cases/priorities',
    'GET /cases/priorities/1',
    'POST /cases/priorities',
    'PUT /cases/priorities/1',
    'GET /cases/types',
    'GET /cases/types/1',
    'POST /cases/types',
    'PUT /cases/types/1',
    'GET /cases/fields',
    'GET /cases/fields/1',
    'DELETE /cases/fields/1',
    'GET /cases/channels',
    'GET /cases/1/reply/channels',
    'GET /cases/1/channels',
    'POST /files',
    'GET /files/19'
  ])
})

test('User and Organization bodies; identity checks', () => {
  assert.equal(
    wire(
      User.post({ fullName: 'Ann Lee', roleId: 4, email: 'ann@b.co', teamIds: [1, 2], organizationCaseAccess: 'ORGANIZATION', fieldValues: { shoe_size: '9' } })
    ).body,
    {
      full_name: 'Ann Lee',
      role_id: 4,
      email: 'ann@b.co',
      team_ids: '1,2',
      organization_case_access: 'ORGANIZATION',
      field_values: { shoe_size: '9' }
    }
  )
  assert.equal(wire(User.post({ fullName: ' ', roleId: 0, email: 'nope' })).issues, [
    'fullName: is required and must not be blank',
    'roleId: must be a positive integer, got 0',
    'email: must be an e-mail address, got "nope"'
  ])
  assert.is(wire(User.all({ ids: [1, 2], role: 'AGENT', limit: 50 })).line, 'GET /users?ids=1,2&role=AGENT&limit=50')
  assert.is(wire(User.notes(2, { isPinned: true })).line, 'GET /users/2/notes?is_pinned=true')
  assert.equal(wire(Organization.post({ name: 'Brewfictus', domains: ['brewfictus.com', 'bf.io'], isShared: true })).body, {
    name: 'Brewfictus',
    is_shared: true,
    domains: 'brewfictus.com,bf.io'
  })
  assert.equal(wire(IdentityPhone.post({ number: '1' })).issues, ['userId: exactly one of userId and organizationId is required'])
  assert.equal(wire(IdentityDomain.post({ organizationId: 7, domain: 'not a domain' })).issues, ['domain: must be a domain name such as example.com'])
  assert.equal(wire(IdentityEmail.post({ userId: 2, email: 'a@b.co', isPrimary: true })).body, { user_id: 2, email: 'a@b.co', is_primary: true })
  assert.equal(wire(Role.post({ title: 'R', type: 'OWNER' })).issues, ['type: must be one of "ADMIN", "AGENT", got "OWNER"'])
  assert.equal(wire(Team.post({ title: 'Growth', businessHourId: 1 })).body, { title: 'Growth', businesshour_id: 1 })
})

test('list arguments: a non-object is one issue named args, paging checked first', () => {
  assert.equal(wire(User.all(null as never)).issues, ['args: must be an object'])
  assert.equal(wire(User.all({ limit: 0, ids: [0] })).issues, ['limit: must be a positive integer, got 0', 'ids[0]: must be a positive integer, got 0'])
  assert.is(wire(Organization.all({ legacyIds: ['a', 'b'], offset: 5 })).line, 'GET /organizations?legacy_ids=a,b&offset=5')
})

test.run()
