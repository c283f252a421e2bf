// recordTransport keeps a download's bytes (v1 `Attachment.download`, `File.download`: `HttpResponse.bytes`, with an
// empty `body`) and replayTransport serves them back, byte for byte, from a recording saved as JSON.
import { pipe } from 'fp-ts/lib/function.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { recordTransport, replayTransport, type Recording } from '../../src/testing/index'
import * as Attachment from '../../src/v1/Attachment'
import * as Case from '../../src/v1/Case'
import * as File from '../../src/v1/File'
import { isReference } from '../../src/v1/internal/codec'
import { v1 } from '../../src/v1/internal/executor'
import { withOptions } from '../../src/v1/internal/request'
import { unwrap, unwrapLeft } from '../support/transport'

const URL = 'http://sandbox/api/v1'
const BINARY = Uint8Array.from([0, 255, 254, 1, 128, 10, 13, 0x7b])

test('a v1 attachment download is recorded (Base64) and replayed as the same bytes', async () => {
  const sandbox = createSandbox()
  const credentials = sandbox.v1?.credentials
  if (credentials === undefined) throw new Error('no v1 sandbox')
  const recorder = recordTransport(sandboxTransport(sandbox))
  const live = v1({ url: URL, auth: credentials, transport: recorder })
  const file = unwrap(await live(File.upload({ filename: 'scan.bin', contentType: 'application/octet-stream', data: BINARY }))())
  const note = unwrap(await live(pipe(Case.addNote(1, { contents: 'the scan', attachmentFileIds: [file.id] }), withOptions({ include: ['attachment'] })))())
  const attachment = note.attachments[0]
  if (attachment === undefined || isReference(attachment)) throw new Error(`no attachment: ${JSON.stringify(note.attachments)}`)
  const bytes = unwrap(await live(Attachment.download(attachment))())
  assert.equal(bytes, BINARY)

  const saved = JSON.parse(JSON.stringify(recorder.recordings)) as ReadonlyArray<Recording>
  const recorded = saved.find((r) => r.route.endsWith('/download'))
  assert.ok(recorded?.bytes !== undefined && recorded.body === '', JSON.stringify(recorded))
  const replayed = v1({ url: URL, auth: { username: 'anyone', password: 'anything' }, transport: replayTransport(saved) })
  assert.equal(unwrap(await replayed(Attachment.download(attachment))()), BINARY)

  // a damaged recording says so instead of answering other bytes
  const damaged = saved.map((r) => (r === recorded ? { ...r, bytes: '%%%' } : r))
  const error = unwrapLeft(
    await v1({ url: URL, auth: { username: 'a', password: 'b' }, transport: replayTransport(damaged) })(Attachment.download(attachment))()
  )
  assert.ok(error._tag === 'TransportError' && /not Base64/.test(error.cause), JSON.stringify(error))
})

test('downloaded text passes the scrubber: a file holding the session id is recorded without it', async () => {
  const sandbox = createSandbox()
  const credentials = sandbox.v1?.credentials
  if (credentials === undefined) throw new Error('no v1 sandbox')
  const recorder = recordTransport(sandboxTransport(sandbox))
  const live = v1({ url: URL, auth: credentials, transport: recorder })
  unwrap(await live(Case.get(1))())
  const sessionId = live.session()?.sessionId
  if (sessionId === undefined) throw new Error('no session')
  const text = new TextEncoder().encode(`my session is ${sessionId}\n`)
  const file = unwrap(await live(File.upload({ filename: 'notes.txt', contentType: 'text/plain', data: text }))())
  const note = unwrap(await live(pipe(Case.addNote(1, { contents: 'notes', attachmentFileIds: [file.id] }), withOptions({ include: ['attachment'] })))())
  const attachment = note.attachments[0]
  if (attachment === undefined || isReference(attachment)) throw new Error('no attachment')
  assert.equal(unwrap(await live(Attachment.download(attachment))()), text)
  const recorded = recorder.recordings.find((r) => r.route.endsWith('/download'))
  assert.is(Buffer.from(recorded?.bytes ?? '', 'base64').toString('utf8'), 'my session is [redacted]\n')
  assert.not.ok(JSON.stringify(recorder.recordings).includes(sessionId))
})

test.run()
