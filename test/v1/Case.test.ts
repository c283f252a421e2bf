// Case builders: exact descriptions (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Case from '../../src/v1/Case'
import { wire } from './builderSupport'

test('Case.all: filters in snake case, lists as CSV, a date as ISO-8601', () => {
  assert.equal(
    wire(
      Case.all({
        identityType: 'EMAIL',
        identityValue: 'a@b.co',
        tags: ['vip', 'billing'],
        status: ['OPEN', 'PENDING'],
        priority: 2,
        startTime: new Date('2024-01-02T03:04:05Z'),
        offset: 20,
        limit: 10
      })
    ).line,
    'GET /cases?identity_type=EMAIL&identity_value=a%40b.co&tags=vip,billing&status=OPEN,PENDING&priority=2&start_time=2024-01-02T03%3A04%3A05.000Z&offset=20&limit=10'
  )
  assert.equal(wire(Case.all({ ids: [1, 2, 3] })).line, 'GET /cases?ids=1,2,3')
  assert.equal(wire(Case.all({ ids: [1], tags: ['x'], identityType: 'EMAIL' } as never)).issues, [
    'identityValue: identityType and identityValue go together',
    'ids: ids and legacyIds cannot be combined with filters'
  ])
  assert.equal(wire(Case.all({ status: ['OPEN', 'SHUT' as never], offset: -1 })).issues, [
    'offset: must be a non-negative integer, got -1',
    'status[1]: must be one of "NEW", "OPEN", "PENDING", "COMPLETED", "CLOSED", "CUSTOM", got "SHUT"'
  ])
})

test('Case.post: camelCase input, snake_case JSON, CSV lists, channel options as data', () => {
  const w = wire(
    Case.post({
      subject: 'Order 66',
      contents: '<p>Hi</p>',
      channel: 'MAIL',
      channelId: 1,
      channelOptions: { cc: ['a@b.co', 'c@d.co'], html: true },
      requesterId: 2,
      priorityId: 3,
      assignedTeamId: 4,
      fieldValues: { order_ref: '66', productLine: 'X' },
      tags: ['vip', 'new'],
      attachmentFileIds: [19, 20]
    })
  )
  assert.is(w.line, 'POST /cases')
  assert.equal(w.body, {
    subject: 'Order 66',
    requester_id: 2,
    assigned_team_id: 4,
    priority_id: 3,
    field_values: { order_ref: '66', productLine: 'X' },
    tags: 'vip,new',
    contents: '<p>Hi</p>',
    channel: 'MAIL',
    channel_id: 1,
    channel_options: { cc: 'a@b.co,c@d.co', html: true },
    attachment_file_ids: '19,20'
  })
  assert.equal(wire(Case.post({ subject: '', contents: 'c', channel: 'MAIL' })).issues, [
    'subject: is required and must not be blank',
    'channelId: is required with the MAIL channel'
  ])
  assert.equal(wire(Case.post({ subject: 's', contents: 'c', channel: 'NOTE', channelId: 1, channelOptions: { cc: ['a@b.co'] } })).issues, [
    'channelId: is not used with the NOTE channel',
    'channelOptions.cc: is only used with the MAIL channel'
  ])
  assert.equal(wire(Case.post(null as never)).issues, ['input: must be an object'])
})

test('Case.reply, Case.posts, notes and tags', () => {
  assert.equal(
    wire(Case.reply(5, { contents: 'Thanks', channel: 'NOTE', channelOptions: { html: true }, statusId: 4, source: 'API', metadata: { userAgent: 'Chrome' } }))
      .body,
    {
      status_id: 4,
      contents: 'Thanks',
      channel: 'NOTE',
      channel_options: { html: true },
      source: 'API',
      metadata: { user_agent: 'Chrome' }
    }
  )
  assert.equal(wire(Case.posts(5, { afterId: 9, beforeId: 3 })).issues, ['beforeId: only one of afterId and beforeId may be given'])
  assert.is(wire(Case.posts(5, { beforeId: 3, filters: ['ALL'], limit: 100 })).line, 'GET /cases/5/posts?before_id=3&filters=ALL&limit=100')
  assert.equal(wire(Case.addNote(5, { contents: 'n', isHtml: true, attachmentFileIds: [19] })).body, {
    contents: 'n',
    is_html: true,
    attachment_file_ids: '19'
  })
  assert.equal(wire(Case.addTags(5, ['a', 'b'])).body, { tags: 'a,b' })
  assert.equal(wire(Case.addTags(5, [])).issues, ['tags: must be a non-empty array of tag names'])
  assert.equal(wire(Case.trash(0)).issues, ['id: must be a positive integer, got 0'])
})

test('builders are total: options, metadata or a channel without a string form are issues, not a throw', () => {
  const bare = Object.create(null) as never
  assert.equal(wire(Case.post({ subject: 's', contents: 'c', channel: 'MAIL', channelId: 1, channelOptions: null as never })).issues, [
    'channelOptions: must be an object'
  ])
  assert.equal(wire(Case.reply(5, { contents: 'c', metadata: null as never })).issues, ['metadata: must be an object'])
  assert.equal(wire(Case.post({ subject: 's', contents: 'c', channel: bare })).issues, [
    'channel: must be one of "MAIL", "TWITTER", "FACEBOOK", "NOTE", got object'
  ])
  assert.equal(wire(Case.reply(5, { contents: 'c', channel: bare })).issues, ['channel: must be one of "MAIL", "TWITTER", "FACEBOOK", "NOTE", got object'])
})

test.run()
