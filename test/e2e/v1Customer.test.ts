// The customer side and downloads against the v1 sandbox, in process and over real HTTP: a Messenger client known by
// its fingerprint only, a customer with a password, and attachment bytes fetched from their `urlDownload`.
import * as E from 'fp-ts/Either'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { fetchTransport, type HttpRequest, type Transport } from '../../src/core/http'
import { nodeTransport } from '../../src/node/index'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import * as Attachment from '../../src/v1/Attachment'
import * as Case from '../../src/v1/Case'
import * as Conversation from '../../src/v1/Conversation'
import * as File from '../../src/v1/File'
import { included } from '../../src/v1/internal/codec'
import { v1 } from '../../src/v1/internal/executor'
import { withOptions } from '../../src/v1/internal/request'
import { unwrap, unwrapLeft } from '../support/transport'

interface Credentials {
  readonly username: string
  readonly password: string
}

interface Mount {
  readonly url: string
  readonly admin: Credentials
  readonly customer: Credentials
  readonly sent: Array<HttpRequest>
  readonly transport: Transport
}

const recording =
  (inner: Transport, sent: Array<HttpRequest>): Transport =>
  (request) => {
    sent.push(request)
    return inner(request)
  }

const inProcess = async (): Promise<Mount> => {
  const sandbox = createV1Sandbox()
  const sent: Array<HttpRequest> = []
  const handler: Transport = (request) => async () => E.right(await sandbox.handle(request))
  return { url: 'http://127.0.0.1:1/api/v1', admin: sandbox.credentials, customer: sandbox.accounts.customer, sent, transport: recording(handler, sent) }
}

let server: RunningSandbox | undefined
const overHttp = async (): Promise<Mount> => {
  server = await startSandbox()
  const v1Sandbox = server.sandbox.v1
  if (server.v1 === undefined || v1Sandbox === undefined) throw new Error('startSandbox serves no v1 API')
  const sent: Array<HttpRequest> = []
  return { url: server.v1.url, admin: v1Sandbox.credentials, customer: v1Sandbox.accounts.customer, sent, transport: recording(fetchTransport, sent) }
}

/** Over HTTP with the node transport: its bytes path (no fetch). */
const overNode = async (): Promise<Mount> => {
  const mount = await overHttp()
  const sent: Array<HttpRequest> = []
  return { ...mount, sent, transport: recording(node, sent) }
}
const node = nodeTransport()

const FINGERPRINT = '5c0b0a9e-6f1d-4c52-9d3e-0f6a1b2c3d4e'

for (const [name, mountOf] of [
  ['in process', inProcess],
  ['over HTTP', overHttp],
  ['over HTTP, nodeTransport', overNode]
] as const) {
  const e2e = suite(`v1 customer side and downloads (${name})`)
  let mounted: Mount
  e2e.before.each(async () => {
    mounted = await mountOf()
  })
  e2e.after.each(async () => {
    await server?.close()
    server = undefined
  })

  e2e('a fingerprint client: no conversation, then its own conversation, messages, receipts, a rating; the starter', async () => {
    const { url, sent, transport } = mounted
    const run = v1({ url, auth: { fingerprintId: FINGERPRINT }, transport })
    assert.equal(unwrap(await run(Conversation.all())()).items, [])
    assert.is(sent[0]?.headers['x-fingerprint-id'], FINGERPRINT)
    assert.is(sent[0]?.headers['authorization'], undefined)

    const created = unwrap(
      await run(
        Conversation.post({
          name: 'Mo Rahimi',
          email: 'mo.rahimi@example.org',
          subject: 'Grinder jammed',
          contents: 'It stopped mid-cup.',
          source: 'MESSENGER'
        })
      )()
    )
    assert.is(created.subject, 'Grinder jammed')
    assert.is(created.channel, 'MESSENGER')
    assert.is(created.isCompleted, false)
    const listed = unwrap(await run(Conversation.all())())
    assert.equal(
      listed.items.map((c) => c.id),
      [created.id]
    )
    assert.is(listed.totalCount, 1)

    const reply = unwrap(await run(Conversation.addMessage(created.id, { contents: 'Still jammed.', clientId: 'c-42', source: 'MESSENGER' }))())
    assert.is(reply.contentText, 'Still jammed.')
    assert.is(reply.clientId, 'c-42')
    const messages = unwrap(await run(Conversation.messages(created.id))())
    assert.equal(
      messages.items.map((m) => m.contentText),
      ['Still jammed.', 'It stopped mid-cup.'],
      'newest first'
    )
    unwrap(await run(Conversation.updateMessage(created.id, reply.id, { messageStatus: 'SEEN' }))())
    assert.is(unwrap(await run(Conversation.message(created.id, reply.id))()).messageStatus, 'SEEN')

    const rating = unwrap(await run(Conversation.addRating(created.id, { score: 'GOOD', comment: 'Quick.' }))())
    assert.is(rating.score, 'GOOD')
    assert.equal(
      unwrap(await run(Conversation.ratings(created.id))()).map((r) => [r.id, r.comment]),
      [[rating.id, 'Quick.']]
    )
    const starter = unwrap(await run(Conversation.starter())())
    assert.ok(starter.lastActiveAgents.length > 0)

    // Another fingerprint sees none of it (spec §1.9), and a fingerprint opens nothing but conversations.
    const stranger = v1({ url, auth: { fingerprintId: 'another-fingerprint-0000' }, transport })
    assert.equal(unwrap(await stranger(Conversation.all())()).items, [])
    const hidden = unwrapLeft(await stranger(Conversation.get(created.id))())
    assert.is(hidden._tag === 'ApiError' ? hidden.errors[0]?.code : hidden._tag, 'RESOURCE_NOT_FOUND')
    const outside = unwrapLeft(await run(Case.get(created.id))())
    assert.is(outside._tag === 'ApiError' ? outside.status : 0, 401)
    assert.not.ok(JSON.stringify(outside).includes(FINGERPRINT), 'the fingerprint is scrubbed')
  })

  e2e('a customer with a password sees the cases it requested as conversations', async () => {
    const { url, customer, transport } = mounted
    const run = v1({ url, auth: customer, transport })
    const listed = unwrap(await run(Conversation.all({ limit: 50 }))())
    assert.ok(listed.items.some((c) => c.id === 1 && c.subject === 'Atmosphere Coffee, Inc annual maintenance'))
    const first = unwrap(await run(Conversation.messages(1))())
    assert.ok(first.items.length >= 1)
    assert.ok(first.items.every((m) => m.contentText.length > 0))
  })

  e2e('an attachment comes back as its bytes: a JSON file stays bytes, binary survives, a file downloads from its contentUrl', async () => {
    const { url, admin, sent, transport } = mounted
    const run = v1({ url, auth: admin, transport })
    const json = new TextEncoder().encode('{"status":200,"data":{"id":1},"resource":"case"}')
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i)
    const jsonFile = unwrap(await run(File.upload({ filename: 'answer.json', contentType: 'application/json', data: json }))())
    const binFile = unwrap(await run(File.upload({ filename: 'bytes.bin', contentType: 'application/octet-stream', data: binary }))())
    const note = unwrap(
      await run(withOptions({ include: '*' })(Case.addNote(1, { contents: 'Logs attached.', attachmentFileIds: [jsonFile.id, binFile.id] })))()
    )
    const [first, second] = note.attachments.map((a) => included(a))
    if (first === undefined || second === undefined) throw new Error('the note has no attachments included')
    assert.equal(unwrap(await run(Attachment.download(first))()), json)
    assert.equal(unwrap(await run(Attachment.download(second))()), binary)
    const download = sent[sent.length - 1]
    assert.ok((download?.headers['x-session-id'] ?? '').length > 0, 'with the session')
    assert.equal(unwrap(await run(File.download(binFile))()), binary)
    const small = v1({ url, auth: admin, transport, maxBodyBytes: 100 })
    assert.is(unwrapLeft(await small(Attachment.download(second))())._tag, 'ParseError')
  })

  e2e.run()
}

const closing = suite('v1 customer side: closing')
closing('the node transport lets its sockets go', () => node.destroy())
closing.run()
