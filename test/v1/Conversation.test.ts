// Conversation builders (the customer side): the requests they describe and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Conversation from '../../src/v1/Conversation'
import { wire } from './builderSupport'

test('Conversation: list filters as CSV, paths of messages and ratings, snake_case bodies', () => {
  assert.is(wire(Conversation.all({ statuses: ['NEW', 'OPEN'], offset: 5, limit: 5 })).line, 'GET /conversations?status=NEW,OPEN&offset=5&limit=5')
  assert.is(wire(Conversation.starter()).line, 'GET /conversations/starter')
  assert.equal(wire(Conversation.post({ name: 'Mo', email: 'mo@example.org', subject: 'Jam', contents: 'Stuck', source: 'MESSENGER', clientId: 'c1' })), {
    line: 'POST /conversations',
    body: { name: 'Mo', email: 'mo@example.org', subject: 'Jam', contents: 'Stuck', source: 'MESSENGER', client_id: 'c1' },
    issues: []
  })
  assert.equal(wire(Conversation.addMessage(7, { contents: 'More', attachmentFileIds: [3, 4] })), {
    line: 'POST /conversations/7/messages',
    body: { contents: 'More', attachment_file_ids: '3,4' },
    issues: []
  })
  assert.equal(wire(Conversation.updateMessage(7, 9, { messageStatus: 'SEEN' })), {
    line: 'PUT /conversations/7/messages/9',
    body: { message_status: 'SEEN' },
    issues: []
  })
  assert.is(wire(Conversation.message(7, 9)).line, 'GET /conversations/7/messages/9')
  assert.is(wire(Conversation.messages(7, { limit: 5 })).line, 'GET /conversations/7/messages?limit=5')
  assert.equal(wire(Conversation.addRating(7, { score: 'GOOD' })), { line: 'POST /conversations/7/ratings', body: { score: 'GOOD' }, issues: [] })
  assert.is(wire(Conversation.ratings(7)).line, 'GET /conversations/7/ratings')
})

test('Conversation: what the Messenger requires, the known values, ids', () => {
  assert.equal(wire(Conversation.post({ name: ' ', email: 'nope', subject: 'x', contents: 'y', source: 'PIGEON' as never })).issues, [
    'name: is required and must not be blank',
    'email: must be an e-mail address, got "nope"',
    'source: must be one of "HELPCENTER", "MESSENGER", "API", got "PIGEON"'
  ])
  assert.equal(wire(Conversation.updateMessage(0, 9, { messageStatus: 'READ' as never })).issues, [
    'conversationId: must be a positive integer, got 0',
    'messageStatus: must be one of "DELIVERED", "SEEN", got "READ"'
  ])
  assert.equal(wire(Conversation.addRating(7, { score: 'MEH' as never, comment: 3 as never })).issues, [
    'score: must be one of "GOOD", "BAD", got "MEH"',
    'comment: must be a string, got 3'
  ])
})

test.run()
