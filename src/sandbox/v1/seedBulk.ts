// Bulk cases for tests at scale (`createSandbox({ bulk: { cases: 5000 } })`): rows written straight into the store
// through the seed's own `createCase`/`createPost`, deterministic (their own random stream, so the rest of the seed and
// the sessions stay as they were) and fast. Case n: a message from its requester and an agent's reply; every third a
// file on the message (1 to 4 KB), every fifth a note, every fourth a time entry, statuses cycled (closed ones dated
// 2016: archived, listed only with `archived=1`), every 50th in the trash (listed only by id).
import { toBase64 } from '../../core/bytes'
import { bulkFileBytes } from '../classic/seedBulk'
import { createCase, createPost, INSTANCE, setStatus } from './model'
import { random } from './random'
import { addTimeEntry } from './routes/work'
import { CHANNEL_UUIDS } from './seed'
import { all, find, fnv, insert, isoTime, textOf, type Row, type Store } from './store'

const HOUR = 3_600_000
const T_BULK = /*#__PURE__*/ Date.UTC(2016, 0, 1)

/** A stored file and the attachment that points at it (what `POST /files` and `attachment_file_ids` make). */
const bulkAttachment = (store: Store, n: number, at: number): number => {
  const bytes = bulkFileBytes(n)
  const content = toBase64(bytes)
  const file = insert(store, 'file', {
    name: `scan-${n}.bin`,
    size: bytes.length,
    content_type: 'application/octet-stream',
    content,
    content_url: '',
    hash: fnv(content),
    group_hash: 's:bulk',
    created_at: isoTime(at),
    expiry_at: isoTime(at + 24 * HOUR),
    $group: 'bulk'
  })
  const base = `https://${INSTANCE}/api/v1`
  file.content_url = `${base}/files/${textOf(file.id)}/content`
  const row = insert(store, 'attachment', {
    name: `scan-${n}.bin`,
    size: bytes.length,
    width: null,
    height: null,
    type: 'application/octet-stream',
    content_id: null,
    alt: null,
    url: file.content_url,
    url_download: null,
    thumbnails: [],
    created_at: isoTime(at),
    $file: file.id as number,
    $base: base
  })
  return row.id as number
}

/** Adds `count` cases with posts, files, notes and time entries. */
export const seedBulkCases = (store: Store, count: number): void => {
  const rnd = random(`bulk:${String(count)}`)
  const customers = all(store, 'user').filter((u) => String((u.role as { id: number }).id) === '4')
  const agents = [1, 3, 4, 5].map((id) => find(store, 'user', id)).filter((u): u is Row => u !== undefined)
  if (customers.length === 0 || agents.length === 0) return
  for (let n = 1; n <= count; n++) {
    const requester = customers[n % customers.length] as Row
    const agent = agents[n % agents.length] as Row
    const at = T_BULK + n * HOUR
    const caseRow = createCase(store, rnd, {
      subject: `Bulk case ${n}: the espresso machine leaks`,
      legacyId: null,
      requesterId: requester.id as number,
      creatorId: requester.id as number,
      agentId: agent.id as number,
      teamId: 1 + (n % 3),
      statusId: 1,
      priorityId: 1 + (n % 4),
      typeId: 1 + (n % 4),
      channelUuid: CHANNEL_UUIDS.MAIL,
      tags: [],
      customFields: [],
      at
    })
    const base = { caseRow, channelUuid: CHANNEL_UUIDS.MAIL, source: 'MAIL' }
    const files = n % 3 === 0 ? [bulkAttachment(store, n, at)] : []
    createPost(store, rnd, { ...base, author: requester, contents: `Case ${n}: the machine leaks water.`, channel: 'MAIL', attachmentIds: files, at })
    createPost(store, rnd, { ...base, author: agent, contents: 'Thanks, a technician is on the way.', channel: 'MAIL', source: 'AGENT', at: at + HOUR })
    if (n % 5 === 0)
      createPost(store, rnd, { ...base, author: agent, contents: `Parts for case ${n} ordered.`, channel: 'NOTE', source: 'AGENT', at: at + 2 * HOUR })
    if (n % 4 === 0) addTimeEntry(store, caseRow.id as number, agent.id as number, agent.id as number, 'WORKED', 600, at + 2 * HOUR)
    setStatus(store, caseRow, 1 + (n % 5), agent.id as number, at + 3 * HOUR)
    caseRow.updated_at = isoTime(at + 3 * HOUR)
    if (n % 50 === 0) caseRow.state = 'TRASH'
  }
}
