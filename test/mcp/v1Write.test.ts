// The v1 write tools against the in-process v1 sandbox: each write shows in the sandbox as the library reads it back,
// and refusals are typed tool errors. (Confirmation of customer-visible writes is the server's, tested with it.)
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Case from '../../src/v1/Case'
import { included } from '../../src/v1/internal/codec'
import { withOptions } from '../../src/v1/internal/request'
import { v1Tools } from './v1Support'

const t = suite('mcp v1 write tools')

type CaseOut = { case: { id: number; subject: string; status: { id: number; name: string | null }; requester: { id: number }; tags: Array<string> } }

t('v1_create_case opens a MAIL case on the requester’s mailbox (found for them), with its first message', async () => {
  const tools = v1Tools()
  const { structured, text } = await tools.ok<CaseOut>('v1_create_case', {
    subject: 'Grinder makes a rattling noise',
    contents: 'Hello, since Monday the grinder rattles.',
    requesterId: 2,
    priorityId: 3,
    tags: ['hardware']
  })
  const created = await tools.lib(withOptions({ include: ['channel'] })(Case.get(structured.case.id)))
  assert.is(created.subject, 'Grinder makes a rattling noise')
  assert.is((created.requester as { id: number } | null)?.id, 2)
  assert.is(included(created.sourceChannel)?.type, 'MAIL')
  assert.is((created.priority as { id: number } | null)?.id, 3)
  assert.equal(structured.case.tags, ['hardware'])
  const posts = await tools.lib(Case.posts(structured.case.id))
  assert.equal(
    posts.items.map((p) => p.contents),
    ['Hello, since Monday the grinder rattles.']
  )
  assert.match(text, /Created case on MAIL/)
})

t('v1_create_case on the NOTE channel sends no channelId; a missing requester is the server’s typed error', async () => {
  const tools = v1Tools()
  const { structured } = await tools.ok<CaseOut>('v1_create_case', { subject: 'Internal follow-up', contents: 'Check stock', requesterId: 2, channel: 'NOTE' })
  const created = await tools.lib(withOptions({ include: ['channel'] })(Case.get(structured.case.id)))
  assert.is(included(created.sourceChannel)?.type, 'NOTE')
  const e = await tools.fails('v1_create_case', { subject: 'x', contents: 'y', requesterId: 999999, channel: 'NOTE' })
  assert.is(e.kind, 'ApiError')
  assert.is(e.code, 'FIELD_INVALID')
})

t('v1_reply_case adds a public message the requester sees and sets the status with it', async () => {
  const tools = v1Tools()
  const { structured } = await tools.ok<CaseOut & { postIds: Array<number> }>('v1_reply_case', {
    caseId: 1,
    contents: 'We ship a replacement part today.',
    statusId: 3
  })
  assert.is(structured.case.status.id, 3)
  assert.is(structured.case.status.name, 'Pending')
  const latest = (await tools.lib(Case.posts(1, { limit: 1 }))).items[0]
  assert.is(latest?.contents, 'We ship a replacement part today.')
  assert.equal(structured.postIds, [latest?.id])
  assert.is(((await tools.lib(Case.get(1))).status as { id: number } | null)?.id, 3)
  const gone = await tools.fails('v1_reply_case', { caseId: 999999, contents: 'Hello' })
  assert.is(gone.kind, 'NotFound')
})

t('v1_add_note adds an internal note (v1_get_case shows it as a note, not a message)', async () => {
  const tools = v1Tools()
  const { structured } = await tools.ok<{ noteId: number; caseId: number }>('v1_add_note', { caseId: 2, contents: 'Customer called, see CRM.' })
  const notes = await tools.lib(Case.notes(2))
  assert.ok(notes.items.some((n) => n.id === structured.noteId && n.bodyText === 'Customer called, see CRM.'))
  const read = await tools.ok<{ transcript: { items: Array<{ kind: string; text: string }> } }>('v1_get_case', { caseId: 2 })
  assert.equal(read.structured.transcript.items.at(-1), { ...read.structured.transcript.items.at(-1), kind: 'note', text: 'Customer called, see CRM.' })
})

t('v1_update_case changes only the fields given; nothing given is refused before anything is sent', async () => {
  const tools = v1Tools()
  const before = await tools.lib(Case.get(4))
  const { structured } = await tools.ok<CaseOut>('v1_update_case', { caseId: 4, statusId: 2, assignedTeamId: 3 })
  const after = await tools.lib(withOptions({ include: ['team'] })(Case.get(4)))
  assert.is((after.status as { id: number } | null)?.id, 2)
  assert.is(included(after.assignedTeam)?.title, 'Billing')
  assert.is(after.subject, before.subject)
  assert.is(structured.case.status.name, 'Open')
  const nothing = await tools.fails('v1_update_case', { caseId: 4 })
  assert.is(nothing.kind, 'ValidationError')
  const bad = await tools.fails('v1_update_case', { caseId: 4, statusId: 999 })
  assert.is(bad.kind, 'ApiError')
})

t('v1_add_tags adds tags and keeps the others', async () => {
  const tools = v1Tools()
  const before = (await tools.lib(Case.tags(5))).map((x) => x.name)
  const { structured } = await tools.ok<{ tags: Array<string> }>('v1_add_tags', { caseId: 5, tags: ['vip', 'callback'] })
  const after = (await tools.lib(Case.tags(5))).map((x) => x.name)
  assert.equal([...structured.tags].sort(), [...after].sort())
  assert.ok(before.every((x) => after.includes(x)))
  assert.ok(after.includes('vip') && after.includes('callback'))
})

t.run()
