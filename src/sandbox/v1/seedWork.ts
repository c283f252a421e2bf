// The seed of the work records (issue 15): time entries, macros, the cases' activities and ratings. Drawn from the
// seeded cases by rule, without the shared random stream, so the rest of the seed stays as it was.
import { addTimeEntry, recordActivity } from './routes/work'
import { all, find, insert, isoTime, ref, type Ref, type Row, type Store, textOf } from './store'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Case 1 has 12 time entries (a list that pages); every fourth case one. */
export const CASE_1_TIME_ENTRIES = 12

export const seedWork = (store: Store): void => {
  const cases = all(store, 'case').sort((a, b) => Number(a.id) - Number(b.id))
  const created = (row: Row): number => Date.parse(textOf(row.created_at))
  for (const row of cases) {
    const id = row.id as number
    const agentId = Number((row.assigned_agent as Ref | null)?.id ?? 1)
    const requester = find(store, 'user', (row.requester as Ref).id)
    if (requester === undefined) continue
    const at = created(row)
    // The trail: the case was created by its requester, then assigned and given its status by the agent (at the
    // same minute: a tie the date paging keeps on one page).
    recordActivity(store, row, requester, 'created', [{ field: 'subject', oldValue: null, newValue: textOf(row.subject) }], at)
    const agent = find(store, 'user', agentId) ?? requester
    recordActivity(store, row, agent, 'updated', [{ field: 'assigned_agent', oldValue: null, newValue: String(agentId) }], at + MINUTE)
    recordActivity(store, row, agent, 'updated', [{ field: 'status', oldValue: '1', newValue: textOf((row.status as Ref).id) }], at + MINUTE)
    const entries = id === 1 ? CASE_1_TIME_ENTRIES : id % 4 === 0 ? 1 : 0
    for (let n = 0; n < entries; n++) {
      addTimeEntry(store, id, agentId, agentId, n % 3 === 2 ? 'VIEWED' : 'WORKED', 300 * (n + 1), at + (n + 1) * HOUR)
    }
  }
  // Ratings on every third case after the first, GOOD mostly (the case shows it as `rating`, `rating_status`).
  for (const row of cases.filter((c) => Number(c.id) > 1 && Number(c.id) % 3 === 0)) {
    const score = Number(row.id) % 9 === 0 ? 'BAD' : 'GOOD'
    const at = isoTime(Date.parse(textOf(row.updated_at)) + 2 * HOUR)
    insert(store, 'rating', {
      score,
      comment: score === 'GOOD' ? 'Quick and friendly, thank you!' : 'It took too long to get an answer.',
      case: ref('case', row.id as number),
      creator: ref('user', (row.requester as Ref).id),
      created_at: at,
      updated_at: at
    })
    row.rating = score
    row.rating_status = 'RECEIVED'
  }
  const at = isoTime(Date.UTC(2015, 7, 14, 18, 39, 41))
  const macro = (title: string, fields: Row): void => {
    insert(store, 'macro', {
      title,
      reply_type: null,
      reply_contents: null,
      agent: ref('user', 1),
      assignee: null,
      type: null,
      status: null,
      priority_action: null,
      priority: null,
      visibility: { type: 'ALL', team: null },
      add_tags: [],
      remove_tags: [],
      usage_count: 0,
      last_used_at: null,
      created_at: at,
      updated_at: at,
      ...fields
    })
  }
  macro('Ask for the serial number', {
    reply_type: 'REPLY',
    reply_contents: 'Could you send us the serial number printed under the drip tray?',
    status: ref('case_status', 3),
    add_tags: ['hardware'],
    usage_count: 14,
    last_used_at: isoTime(Date.UTC(2015, 7, 20, 9, 0, 0))
  })
  macro('Escalate to billing', {
    reply_type: 'NOTE',
    reply_contents: 'Passing this to billing.',
    assignee: { type: 'TEAM', team: ref('team', 3), agent: null },
    priority_action: 'INCREASE_ONE_LEVEL',
    add_tags: ['billing'],
    remove_tags: ['hardware'],
    visibility: { type: 'TEAM', team: ref('team', 3) },
    usage_count: 3
  })
  macro('Close as solved', { status: ref('case_status', 4), type: ref('case_type', 1), priority: ref('case_priority', 2), usage_count: 27 })
  // private to the agent Ethan Boyd (user 3): others see it only with show_all
  macro('My follow-up template', {
    reply_type: 'REPLY',
    reply_contents: 'Following up on this.',
    agent: ref('user', 3),
    visibility: { type: 'SELF', team: null }
  })
}
