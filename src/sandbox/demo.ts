// `npm run demo`: starts the in-memory sandbox on a free port and runs a helpdesk pipeline through the real client
// (fetch transport, signing, XML parsing, decoding), printing what happens as tables.
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as O from 'fp-ts/Option'
import * as TE from 'fp-ts/TaskEither'
import {
  classic,
  CustomField,
  Department,
  Ticket,
  TicketAttachment,
  TicketCount,
  TicketCustomField,
  TicketNote,
  TicketPost,
  TicketStatus,
  User,
  type ClassicExecutor
} from '../classic/index'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportCommand } from '../cli/export'
import type { Manifest } from '../cli/exportFolder'
import { describe, type KayakoError } from '../core/index'
import { startSandbox, type RunningSandbox } from './server'

type Cell = string | number | boolean
const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string => {
  const all = [header, ...rows].map((r) => r.map((c) => (typeof c === 'boolean' ? (c ? 'yes' : 'no') : String(c))))
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
  const line = (r: ReadonlyArray<string>) =>
    '  ' +
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(all[0] ?? []), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join('\n')
}

const section = (title: string): void => console.log(`\n${title}\n${'='.repeat(title.length)}`)

/** Runs one step; a Left here is a bug in the demo, so it stops with the error described. */
const must = async <A>(task: TE.TaskEither<KayakoError, A>): Promise<A> => {
  const result = await task()
  if (E.isLeft(result)) throw new Error(describe(result.left))
  return result.right
}

const FIELD_TYPES = ['', 'text', 'text area', 'password', 'checkbox', 'radio', 'select', 'multi-select', 'custom', 'linked select', 'date', 'file']

const valueText = (v: TicketCustomField.CustomFieldValue): string => {
  switch (v.kind) {
    case 'text':
      return v.text.replace(/\n/g, ' / ')
    case 'option':
      return v.option
    case 'options':
      return v.options.join(' + ')
    case 'linked':
      return v.child === '' ? v.parent : `${v.parent} > ${v.child}`
    case 'date':
      return v.text
    case 'file':
      return `${v.fileName} (${v.contents.length} bytes)`
  }
}

const pipeline = async (run: ClassicExecutor): Promise<void> => {
  section('1. Departments')
  const departments = await must(run(Department.all()))
  console.log(
    table(
      ['id', 'title', 'type', 'app'],
      departments.map((d) => [d.id, d.title, d.type, d.app])
    )
  )

  section('2. A new user, and a ticket for them')
  const user = await must(
    run(
      User.post({
        fullName: 'Ada Lovelace',
        emails: ['ada@engines.example'],
        userGroupId: 2,
        password: 'analytical',
        salutation: 'Ms.',
        phone: '+44 20 7946 0018'
      })
    )
  )
  const statuses = await must(run(TicketStatus.all()))
  const statusTitle = (id: number) => statuses.find((s) => s.id === id)?.title ?? String(id)
  // Create and re-read in one composed program: the executor returns TaskEithers, so pipe/chain just work.
  const ticket = await must(
    pipe(
      run(
        Ticket.post({
          subject: 'Difference engine: gear 7 slips',
          fullName: user.fullName,
          email: user.emails[0] ?? '',
          contents: 'Gear 7 slips under load when computing the Bernoulli numbers.',
          departmentId: 3,
          statusId: 1,
          priorityId: 3,
          typeId: 3,
          userId: user.id
        })
      ),
      TE.chain((created) => run(Ticket.get(created.displayId)))
    )
  )
  console.log(table(['user id', 'name', 'e-mail'], [[user.id, `${user.salutation} ${user.fullName}`, user.emails.join(', ')]]))
  console.log()
  console.log(
    table(
      ['ticket', 'display id', 'subject', 'status', 'replies'],
      [[ticket.id, ticket.displayId, ticket.subject, statusTitle(ticket.statusId), ticket.replies]]
    )
  )

  section('3. A staff reply and a staff note')
  const reply = await must(run(TicketPost.post(ticket.id, { staffId: 2, contents: 'Could you send a photo of the gear train?' })))
  const note = await must(run(TicketNote.post(ticket.id, { staffId: 1, contents: 'Probably the worn pawl again.', noteColor: 3 })))
  const afterReply = await must(run(Ticket.get(ticket.id)))
  // 4.98.8 stores a staff reply as the contents, "\n", then "\n" and the staff member's signature.
  console.log(table(['post', 'by', 'contents (as stored)'], [[reply.id, reply.fullName, JSON.stringify(reply.contents)]]))
  console.log()
  console.log(table(['note', 'by', 'contents'], [[note.id, note.creatorStaffName, note.contents]]))
  console.log(`\n  replies: ${ticket.replies} -> ${afterReply.replies}, last replier: ${afterReply.lastReplier}`)

  section('4. An attachment, uploaded and downloaded back')
  const photo = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)
  const firstPostId =
    O.toUndefined(
      pipe(
        ticket.posts,
        O.chain((ps) => O.fromNullable(ps[0]?.id))
      )
    ) ?? reply.id
  const uploaded = await must(run(TicketAttachment.post(ticket.id, { ticketPostId: firstPostId, fileName: 'gear-train.jpg', contents: photo })))
  const downloaded = await must(run(TicketAttachment.get(ticket.id, uploaded.id)))
  const equal = downloaded.contents.length === photo.length && downloaded.contents.every((b, i) => b === photo[i])
  console.log(
    table(['attachment', 'file', 'type', 'bytes', 'byte-equal'], [[uploaded.id, uploaded.fileName, uploaded.fileType, downloaded.contents.length, equal]])
  )

  section('5. Custom fields, set and read back')
  const definitions = await must(run(CustomField.all()))
  const field = (title: string) => definitions.find((f) => f.title === title)
  const optionId = async (title: string, text: string) =>
    (await must(run(CustomField.options(field(title)?.id ?? 0)))).find((o) => o.optionValue === text)?.id ?? 0
  const software = await optionId('Category', 'Software')
  const groups = await must(
    run(
      TicketCustomField.post(ticket.id, {
        [field('Order number')?.fieldName ?? '']: TicketCustomField.textValue('AE-1843'),
        [field('Product')?.fieldName ?? '']: TicketCustomField.optionValue(await optionId('Product', 'Helpdesk')),
        [field('Modules')?.fieldName ?? '']: TicketCustomField.optionsValue([
          await optionId('Modules', 'Reports'),
          await optionId('Modules', 'Import, export')
        ]),
        [field('Category')?.fieldName ?? '']: TicketCustomField.linkedValue(software, await optionId('Category', 'Operating system')),
        [field('Purchase date')?.fieldName ?? '']: TicketCustomField.dateValue(new Date(Date.UTC(1843, 6, 10))),
        [field('Screenshot')?.fieldName ?? '']: TicketCustomField.fileValue('notes.txt', 'Note G: the first program.')
      })
    )
  )
  console.log(
    table(
      ['field', 'type', 'value'],
      (groups[0]?.fields ?? []).map((f) => [f.title, FIELD_TYPES[f.type] ?? f.type, valueText(f.value) || '-'])
    )
  )

  section('6. Search and counts')
  const found = await must(run(Ticket.search({ query: 'gear', in: ['contents', 'notes'] })))
  console.log(
    table(
      ['found', 'display id', 'subject'],
      found.map((t) => [t.id, t.displayId, t.subject])
    )
  )
  const counts = await must(run(TicketCount.get()))
  const title = (id: number) => departments.find((d) => d.id === id)?.title ?? `#${id}`
  console.log()
  console.log(
    table(
      ['department', 'tickets', 'unresolved'],
      counts.departments.map((d) => [title(d.departmentId), d.totalItems, d.totalUnresolvedItems])
    )
  )

  section('7. Update, then delete')
  const closed = await must(run(Ticket.put(ticket.id, { statusId: 3, ownerStaffId: 2 })))
  console.log(table(['ticket', 'status', 'owner'], [[closed.displayId, statusTitle(closed.statusId), closed.ownerStaffName]]))
  const open = await must(run(Ticket.all({ departmentIds: [3] })))
  console.log(`  unresolved tickets in Technical now: ${open.map((t) => t.displayId).join(', ') || 'none'}`)
  await must(run(Ticket.delete(ticket.id)))
  console.log(`  deleted ${closed.displayId}`)

  section('8. Failures are values, not exceptions')
  const gone = await run(Ticket.get(ticket.id))()
  console.log(`  Ticket.get(${ticket.id}) after the delete:`)
  console.log(`    ${E.isLeft(gone) ? `Left ${gone.left._tag}: ${describe(gone.left)}` : 'Right (unexpected)'}`)
  const invalid = await run(
    Ticket.post({
      subject: '',
      fullName: 'Ada',
      email: 'not-an-address',
      contents: 'x',
      departmentId: 3,
      statusId: 1,
      priorityId: 1,
      typeId: 1,
      userId: user.id
    })
  )()
  console.log('  Ticket.post with a blank subject and a bad e-mail (nothing is sent):')
  console.log(`    ${E.isLeft(invalid) ? `Left ${invalid.left._tag}: ${describe(invalid.left)}` : 'Right (unexpected)'}`)
}

/** `kayako export` of the whole helpdesk into a temp folder (removed afterwards), and its manifest in short. */
const exportAll = async (sandbox: RunningSandbox): Promise<void> => {
  section('9. Export everything: kayako export --api classic --out <folder>')
  const dir = await mkdtemp(join(tmpdir(), 'kayako-demo-export-'))
  try {
    const said: Array<string> = []
    const io = { out: (line: string) => said.push(line), err: (line: string) => said.push(line), signal: new AbortController().signal }
    const env = { KAYAKO_URL: sandbox.url, KAYAKO_API_KEY: sandbox.apiKey, KAYAKO_SECRET_KEY: sandbox.secretKey }
    const code = await exportCommand(['--api', 'classic', '--out', dir, '--quiet'], io, { env })
    if (code !== 0) throw new Error(`kayako export exited with ${code}: ${said.join('\n')}`)
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest
    console.log(
      table(
        ['resource', 'records', 'bytes', 'sha-256'],
        Object.entries(manifest.resources)
          .filter(([, r]) => r.count > 0)
          .map(([name, r]) => [name, r.count, r.bytes, `${(r.sha256 ?? '').slice(0, 12)}…`])
      )
    )
    const files = Object.values(manifest.files).reduce((sum, f) => ({ count: sum.count + f.count, bytes: sum.bytes + f.bytes }), { count: 0, bytes: 0 })
    console.log(`\n  ${files.count} attachments (${files.bytes} bytes) under files/, ${manifest.errors.count} errors; exit code ${code}`)
    console.log(`  manifest.json: ${manifest.complete ? 'complete' : 'incomplete'}, ${manifest.started} → ${manifest.finished ?? ''}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const main = async (): Promise<void> => {
  const sandbox = await startSandbox()
  console.log(`Kayako Classic sandbox at ${sandbox.url} (in memory, seed data)`)
  try {
    await pipeline(classic({ url: sandbox.url, apiKey: sandbox.apiKey, secretKey: sandbox.secretKey }))
    await exportAll(sandbox)
    console.log('\nDone.')
  } finally {
    await sandbox.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
