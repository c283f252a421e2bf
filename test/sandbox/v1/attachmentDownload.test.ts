// An attachment's `url_download` is where the real server serves it: below the note or message that holds it
// (spec v1-api.md §2.12: `https://yours.kayako.com/api/v1/cases/9999/notes/99999/attachments/2/download`), and the
// sandbox serves the file's bytes there, with the same auth, to the holder's path only.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { call, login, makeSandbox, ORIGIN, type Session } from './support'
import type { V1Sandbox } from '../../../src/sandbox/v1/handler'

const BYTES = Uint8Array.from([0, 255, 123, 34, 10, 200])

const upload = async (sandbox: V1Sandbox, session: Session, name: string): Promise<number> => {
  const r = await call(sandbox, 'POST', `files?_filename=${name}`, { ...session.write, 'Content-Type': 'application/octet-stream' }, BYTES)
  assert.is(r.status, 201, r.text)
  return r.json.data.id as number
}

/** The attachments of a note or message, included. */
const attachmentsOf = async (sandbox: V1Sandbox, session: Session, path: string) => {
  const r = await call(sandbox, 'GET', `${path}?include=attachment`, session.read)
  assert.is(r.status, 200, r.text)
  return r.json.data.attachments as Array<{ id: number; url_download: string }>
}

const download = (sandbox: V1Sandbox, url: string, headers: Record<string, string>) => sandbox.handle({ method: 'GET', url, headers })

test('a case note’s attachment: url_download is cases/:id/notes/:note/attachments/:id/download, served there with Content-Disposition', async () => {
  const { sandbox } = makeSandbox()
  const agent = await login(sandbox)
  const file = await upload(sandbox, agent, 'raw.bin')
  const note = await call(sandbox, 'POST', 'cases/1/notes', agent.write, JSON.stringify({ contents: 'see file', attachment_file_ids: String(file) }))
  assert.is(note.status, 201, note.text)
  const noteId = note.json.data.id as number
  const [attachment] = await attachmentsOf(sandbox, agent, `cases/1/notes/${noteId}`)
  if (attachment === undefined) throw new Error('no attachment')
  assert.is(attachment.url_download, `${ORIGIN}/api/v1/cases/1/notes/${noteId}/attachments/${attachment.id}/download`)
  const served = await download(sandbox, attachment.url_download, agent.read)
  assert.equal([served.status, served.bytes, served.headers['content-disposition']], [200, BYTES, 'attachment; filename="raw.bin"'])
  // the same attachment under another note or case is no attachment; without a session, no bytes
  for (const wrong of [`cases/2/notes/${noteId}`, `cases/1/notes/${noteId + 1}`, `cases/1/messages/${noteId}`]) {
    const r = await download(sandbox, `${ORIGIN}/api/v1/${wrong}/attachments/${attachment.id}/download`, agent.read)
    assert.is(r.status, 404, wrong)
  }
  assert.is((await download(sandbox, attachment.url_download, {})).status, 401)
})

test('a reply’s attachment is below its message; a user note’s below the user’s note', async () => {
  const { sandbox } = makeSandbox()
  const agent = await login(sandbox)
  const replyFile = await upload(sandbox, agent, 'reply.bin')
  const reply = await call(sandbox, 'POST', 'cases/1/reply', agent.write, JSON.stringify({ contents: 'here', attachment_file_ids: String(replyFile) }))
  assert.is(reply.status, 201, reply.text)
  const post = await call(sandbox, 'GET', `cases/posts/${reply.json.data.posts[0].id}?include=case_message,attachment`, agent.read)
  const message = post.json.data.original
  const [sent] = message.attachments as Array<{ id: number; url_download: string }>
  if (sent === undefined) throw new Error('no attachment')
  assert.is(sent.url_download, `${ORIGIN}/api/v1/cases/1/messages/${message.id}/attachments/${sent.id}/download`)
  assert.equal((await download(sandbox, sent.url_download, agent.read)).bytes, BYTES)

  const noteFile = await upload(sandbox, agent, 'user.bin')
  const note = await call(sandbox, 'POST', 'users/2/notes', agent.write, JSON.stringify({ contents: 'on file', attachment_file_ids: String(noteFile) }))
  assert.is(note.status, 201, note.text)
  const [kept] = await attachmentsOf(sandbox, agent, `users/2/notes/${note.json.data.id}`)
  if (kept === undefined) throw new Error('no attachment')
  assert.is(kept.url_download, `${ORIGIN}/api/v1/users/2/notes/${note.json.data.id}/attachments/${kept.id}/download`)
  assert.equal((await download(sandbox, kept.url_download, agent.read)).bytes, BYTES)
})

test.run()
