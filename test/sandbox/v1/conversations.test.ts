// The sandbox's customer side against the JSDK recordings (fixtures conversations.*, `_case=camel`): the same keys in
// the same order, fingerprint authentication (spec §1.9), the field errors, and a file's bytes at its URL (spec §2.12).
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, login, makeSandbox } from './support'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../../shared/fixtures/v1/${name}`, import.meta.url), 'utf8'))

const FP = {
  'X-Fingerprint-ID': 'a3c1d2e4-0000-4000-8000-00000000f00d',
  'Content-Type': 'application/json'
}
const NEW = {
  name: 'John Doe 2',
  email: 'john.doe@example.org',
  subject: 'Hello Hello',
  contents: 'Hi there',
  source: 'HELPCENTER'
}

const keysOf = (o: Record<string, unknown>): Array<string> => Object.keys(o)

test('a fingerprint client creates a conversation: 201, the keys of conversations.create.json in its order', async () => {
  const { sandbox } = makeSandbox()
  const created = await call(sandbox, 'POST', 'conversations?_case=camel', FP, JSON.stringify(NEW))
  assert.is(created.status, 201)
  const expected = fixture('conversations.create.json')
  assert.equal(keysOf(created.json), keysOf(expected))
  assert.equal(keysOf(created.json.data), keysOf(expected.data))
  assert.equal([created.json.resource, created.json.data.resourceType, created.json.data.channel], ['conversation', 'conversation', 'HELPCENTER'])
  assert.match(created.json.data.resourceUrl, /\/api\/v1\/conversations\/\d+$/)
})

test('lists are newest first and offset-paged like conversations.list.page1.json; an unknown fingerprint sees an empty list', async () => {
  const { sandbox, clock } = makeSandbox()
  const empty = await call(sandbox, 'GET', 'conversations?_case=camel', FP)
  assert.equal(empty.json.data, [])
  assert.is(empty.json.totalCount, 0)
  const ids = []
  for (let i = 0; i < 6; i++) {
    clock.advance(60_000)
    ids.push((await call(sandbox, 'POST', 'conversations', FP, JSON.stringify({ ...NEW, subject: `n${i}` }))).json.data.id as number)
  }
  const page = await call(sandbox, 'GET', 'conversations?_case=camel&limit=5&offset=0', FP)
  const expected = fixture('conversations.list.page1.json')
  assert.equal(keysOf(page.json), keysOf(expected))
  assert.equal(
    page.json.data.map((c: { id: number }) => c.id),
    ids.reverse().slice(0, 5)
  )
  assert.match(page.json.nextUrl, /conversations\.json\?.*offset=5/)
})

test('messages, a receipt, ratings and the starter have the recordings’ keys; notes never show', async () => {
  const { sandbox } = makeSandbox()
  const id = (await call(sandbox, 'POST', 'conversations', FP, JSON.stringify(NEW))).json.data.id as number
  const added = await call(sandbox, 'POST', `conversations/${id}/messages?_case=camel`, FP, JSON.stringify({ contents: 'More', client_id: 'x1' }))
  assert.is(added.status, 201)
  const message = fixture('conversations.messages.get.json')
  assert.equal(keysOf(added.json.data), keysOf(message.data))
  assert.equal([added.json.resource, added.json.data.resourceType, added.json.data.clientId], ['conversationMessage', 'case_message', 'x1'])
  assert.match(added.json.data.resourceUrl, new RegExp(`/conversations/${id}/messages/${added.json.data.id as number}$`))

  const agent = await login(sandbox)
  assert.is((await call(sandbox, 'POST', `cases/${id}/notes`, agent.write, JSON.stringify({ contents: 'internal only' }))).status, 201)
  const listed = await call(sandbox, 'GET', `conversations/${id}/messages?_case=camel`, FP)
  assert.equal(
    listed.json.data.map((m: { contentText: string }) => m.contentText),
    ['More', 'Hi there']
  )

  const receipt = await call(sandbox, 'PUT', `conversations/${id}/messages/${added.json.data.id as number}`, FP, JSON.stringify({ message_status: 'SEEN' }))
  assert.equal(receipt.json, fixture('conversations.messages.update.json'))
  const wrong = await call(sandbox, 'PUT', `conversations/${id}/messages/${added.json.data.id as number}`, FP, JSON.stringify({ message_status: 'READ' }))
  assert.equal([wrong.status, wrong.json.errors[0].code, wrong.json.errors[0].parameter], [400, 'FIELD_INVALID', 'message_status'])

  const rated = await call(sandbox, 'POST', `conversations/${id}/ratings?_case=camel`, FP, JSON.stringify({ score: 'BAD', comment: 'Slow.' }))
  const rating = fixture('conversations.ratings.create.json')
  assert.is(rated.status, 200)
  assert.equal(keysOf(rated.json), keysOf(rating))
  assert.equal(keysOf(rated.json.data), keysOf(rating.data))
  const ratings = await call(sandbox, 'GET', `conversations/${id}/ratings?_case=camel`, FP)
  assert.equal(keysOf(ratings.json), keysOf(fixture('conversations.ratings.list.json')))

  const starter = await call(sandbox, 'GET', 'conversations/starter?_case=camel&include=user', FP)
  const expected = fixture('conversations.starter.get.json')
  assert.equal(keysOf(starter.json), keysOf(expected))
  assert.equal(keysOf(starter.json.data), keysOf(expected.data))
  assert.is(starter.json.data.lastActiveAgents.length, 3)
})

test('errors: the five fields required (JSDK PostConversationBodyParams); another fingerprint gets 404; a fingerprint opens nothing else', async () => {
  const { sandbox } = makeSandbox()
  const missing = await call(sandbox, 'POST', 'conversations', FP, JSON.stringify({ source: 'PIGEON' }))
  assert.is(missing.status, 400)
  assert.equal(
    missing.json.errors.map((e: { code: string; parameter: string }) => `${e.code} ${e.parameter}`),
    ['FIELD_REQUIRED name', 'FIELD_REQUIRED email', 'FIELD_REQUIRED subject', 'FIELD_REQUIRED contents', 'FIELD_INVALID source']
  )
  const id = (await call(sandbox, 'POST', 'conversations', FP, JSON.stringify(NEW))).json.data.id as number
  const other = { 'X-Fingerprint-ID': 'someone-else' }
  assert.is((await call(sandbox, 'GET', `conversations/${id}`, other)).status, 404)
  assert.is((await call(sandbox, 'GET', `conversations/${id}/messages`, other)).status, 404)
  const cases = await call(sandbox, 'GET', 'cases', FP)
  assert.equal([cases.status, cases.json.errors[0].code], [401, 'AUTHORIZATION_REQUIRED'])
  const anonymous = await call(sandbox, 'GET', 'conversations')
  assert.is(anonymous.status, 401)
})

test('a file’s bytes are served at its content_url and at the url_download of its attachments, to its session and to staff', async () => {
  const { sandbox } = makeSandbox()
  const customer = await login(sandbox, sandbox.accounts.customer)
  const bytes = Uint8Array.from([0, 255, 123, 34, 10])
  const upload = await call(sandbox, 'POST', 'files?_filename=raw.bin', { ...customer.write, 'Content-Type': 'application/octet-stream' }, bytes)
  const url = upload.json.data.content_url as string
  const served = await sandbox.handle({
    method: 'GET',
    url,
    headers: customer.read
  })
  assert.equal([served.status, served.headers['content-type'], served.body, served.bytes], [200, 'application/octet-stream', '', bytes])
  const agent = await login(sandbox)
  const download = await sandbox.handle({
    method: 'GET',
    url: `${url}?download=1`,
    headers: agent.read
  })
  assert.equal([download.bytes, download.headers['content-disposition']], [bytes, 'attachment; filename="raw.bin"'])
  const stranger = await login(sandbox, sandbox.accounts.customer)
  assert.is((await sandbox.handle({ method: 'GET', url, headers: stranger.read })).status, 404, 'another session of a customer')
})

test.run()
