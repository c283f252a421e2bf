// Generators of Kayako-shaped documents for the benchmarks: deterministic (a seeded generator), so every run and every
// machine measures the same text. Shapes follow the Classic API's real answers (spec §2, the shared fixtures): a
// ticket carries attributes, ~30 scalar children, watchers, workflows, notes and its posts; texts have CDATA sections,
// entities and non-ASCII characters.

/** A small deterministic PRNG (mulberry32). */
export const seeded = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = [
  'printer',
  'invoice',
  'login',
  'refund',
  'Zoë',
  'naïve',
  'café',
  'déjà',
  'server',
  'billing',
  'the',
  'is',
  'not',
  'working',
  'since',
  'update',
  'please',
  'help',
  'urgent',
  'order',
  'München',
  '東京',
  'résumé'
]

const sentence = (random: () => number, words: number): string => {
  const out: Array<string> = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)] as string)
  return out.join(' ')
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const post = (random: () => number, ticketId: number, postId: number): string => {
  const body = `${sentence(random, 30 + Math.floor(random() * 60))}\n<p>Quoted & "escaped" text</p>\n${sentence(random, 20)}`
  return `
            <post>
                <id>${postId}</id>
                <ticketid>${ticketId}</ticketid>
                <dateline>${1297840147 + postId}</dateline>
                <userid>${postId % 500}</userid>
                <fullname>${escapeXml(sentence(random, 2))}</fullname>
                <email>user${postId}@example.com</email>
                <emailto />
                <ipaddress>127.0.0.1</ipaddress>
                <hasattachments>0</hasattachments>
                <creator>${1 + (postId % 2)}</creator>
                <isthirdparty>0</isthirdparty>
                <ishtml>${postId % 3 === 0 ? 1 : 0}</ishtml>
                <isemailed>0</isemailed>
                <staffid>${postId % 7}</staffid>
                <issurveycomment>0</issurveycomment>
                <contents><![CDATA[${body}]]></contents>
            </post>`
}

const note = (random: () => number, ticketId: number, noteId: number): string =>
  `
        <note type="ticket" id="${noteId}" ticketid="${ticketId}" notecolor="${1 + (noteId % 5)}" creatorstaffid="1" forstaffid="0" creatorstaffname="Varun Shoor" creationdate="${1297842417 + noteId}">${escapeXml(sentence(random, 15))} &amp; more &#233;&#x20AC;</note>`

export const ticketXml = (random: () => number, id: number): string => {
  const posts = 2 + Math.floor(random() * 4)
  const notes = 1 + Math.floor(random() * 3)
  let postXml = ''
  for (let p = 0; p < posts; p++) postXml += post(random, id, id * 10 + p)
  let noteXml = ''
  for (let n = 0; n < notes; n++) noteXml += note(random, id, id * 10 + n)
  return `
    <ticket id="${id}" flagtype="${id % 4}">
        <displayid>ABC-${100 + (id % 900)}-${10000 + id}</displayid>
        <departmentid>${1 + (id % 9)}</departmentid>
        <statusid>${1 + (id % 4)}</statusid>
        <priorityid>${1 + (id % 3)}</priorityid>
        <typeid>${1 + (id % 2)}</typeid>
        <userid>${id % 500}</userid>
        <userorganization><![CDATA[${sentence(random, 2)} & Co]]></userorganization>
        <userorganizationid>${id % 50}</userorganizationid>
        <ownerstaffid>${id % 11}</ownerstaffid>
        <ownerstaffname>${escapeXml(sentence(random, 2))}</ownerstaffname>
        <fullname>${escapeXml(sentence(random, 2))}</fullname>
        <email>customer${id}@example.com</email>
        <lastreplier>${escapeXml(sentence(random, 2))}</lastreplier>
        <subject><![CDATA[${sentence(random, 8)} <urgent> & "quoted"]]></subject>
        <creationtime>${1297840147 + id}</creationtime>
        <lastactivity>${1297840147 + id * 2}</lastactivity>
        <laststaffreply>0</laststaffreply>
        <lastuserreply>${1297840147 + id}</lastuserreply>
        <slaplanid>1</slaplanid>
        <nextreplydue>${1297883347 + id}</nextreplydue>
        <resolutiondue>${1298012947 + id}</resolutiondue>
        <replies>${posts - 1}</replies>
        <ipaddress>10.0.${id % 256}.${(id * 7) % 256}</ipaddress>
        <creator>2</creator>
        <creationmode>1</creationmode>
        <creationtype>1</creationtype>
        <isescalated>0</isescalated>
        <escalationruleid>0</escalationruleid>
        <templategroupid>1</templategroupid>
        <templategroupname>default</templategroupname>
        <tags>${escapeXml(sentence(random, 3))}</tags>
        <watcher staffid="1" name="Varun Shoor" />
        <workflow id="1" title="Close Ticket" />${noteXml}
        <posts>${postXml}
        </posts>
    </ticket>`
}

/** A `<tickets>` document of about `bytes` bytes (UTF-8 length, within one ticket). */
export const ticketListXml = (bytes: number, seed = 1): string => {
  const random = seeded(seed)
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<tickets>']
  let length = parts[0]?.length ?? 0
  for (let id = 1; length < bytes; id++) {
    const t = ticketXml(random, id)
    parts.push(t)
    length += Buffer.byteLength(t)
  }
  parts.push('\n</tickets>\n')
  return parts.join('')
}

/** One `<user>` as `/Base/User` answers it. */
export const userXml = (id: number): string => `
    <user>
        <id>${id}</id>
        <usergroupid>2</usergroupid>
        <userrole>user</userrole>
        <userorganizationid>${id % 50}</userorganizationid>
        <salutation />
        <userexpiry>0</userexpiry>
        <fullname><![CDATA[User ${id} Zoë & Co]]></fullname>
        <email>user${id}@example.com</email>
        <designation>Engineer</designation>
        <phone>+49 89 ${100000 + id}</phone>
        <dateline>${1297840147 + id}</dateline>
        <lastvisit>0</lastvisit>
        <isenabled>1</isenabled>
        <timezone>Europe/Berlin</timezone>
        <enabledst>1</enabledst>
        <slaplanid>0</slaplanid>
        <slaplanexpiry>0</slaplanexpiry>
    </user>`

/** A `<users>` page: ids from `from` to `to` inclusive (empty when from > to). */
export const userPageXml = (from: number, to: number): string => {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<users>'
  for (let id = from; id <= to; id++) out += userXml(id)
  return out + '\n</users>\n'
}

// ---------------------------------------------------------------------------------------------------------------
// v1 (JSON): a case list modelled on `GET /api/v1/cases` (spec §3.2): related resources as references
// (`{ id, resource_type }`), or, in flat mode, once each under `resources`.

type Json = null | boolean | number | string | Array<Json> | { [key: string]: Json }

const ref = (type: string, id: number): Json => ({ id, resource_type: type })
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', '+00:00')

const v1Case = (random: () => number, id: number, users: number): Json => ({
  id,
  legacy_id: `YAK-${100 + (id % 900)}-${10000 + id}`,
  subject: `${sentence(random, 6)} "quoted" & more`,
  portal: 'API',
  source_channel: { uuid: `37e31d9d-cbd4-48a2-9134-${String(id).padStart(12, '0')}`, resource_type: 'channel' },
  requester: ref('user', 1 + (id % users)),
  creator: ref('user', 1 + ((id * 7) % users)),
  identity: ref('identity_email', 1 + (id % users)),
  assigned_agent: ref('user', 1 + ((id * 3) % 20)),
  assigned_team: ref('team', 1 + (id % 5)),
  brand: ref('brand', 1),
  status: ref('case_status', 1 + (id % 5)),
  priority: ref('case_priority', 1 + (id % 4)),
  type: ref('case_type', 1 + (id % 4)),
  sla_metrics: [ref('sla_metric', 1), ref('sla_metric', 2)],
  custom_fields: [{ field: ref('case_field', 1), value: String(id % 7), resource_type: 'case_field_value' }],
  last_replier: ref('user', 1 + (id % users)),
  last_completed_by: null,
  state: 'ACTIVE',
  post_count: 1 + (id % 9),
  has_notes: id % 3 === 0,
  pinned_notes_count: 0,
  has_attachments: false,
  is_merged: false,
  rating: null,
  rating_status: 'UNOFFERED',
  last_post_status: 'SEEN',
  last_post_preview: sentence(random, 40),
  last_message_preview: sentence(random, 40),
  tags: [ref('tag', 1 + (id % 10))],
  last_assigned_at: iso(1438220725 + id),
  last_replied_at: iso(1437978909 + id),
  last_opened_at: null,
  last_closed_at: null,
  created_at: iso(1438220725 + id),
  updated_at: iso(1438220725 + id * 2),
  resource_type: 'case',
  resource_url: `https://brewfictus.kayako.com/api/v1/cases/${id}`
})

const v1User = (id: number): Json => ({
  id,
  full_name: `User ${id} Zoë`,
  legacy_id: null,
  designation: 'Engineer',
  is_enabled: true,
  role: ref('role', 1 + (id % 3)),
  avatar: `https://brewfictus.kayako.com/avatar/${id}`,
  organization: ref('organization', 1 + (id % 30)),
  teams: [ref('team', 1 + (id % 5))],
  emails: [ref('identity_email', id)],
  locale: 'en-us',
  time_zone: 'Europe/Berlin',
  created_at: iso(1437439213 + id),
  updated_at: iso(1437439213 + id),
  resource_type: 'user',
  resource_url: `https://brewfictus.kayako.com/api/v1/users/${id}`
})

const v1Status = (id: number): Json => ({
  id,
  label: ['New', 'Open', 'Pending', 'Completed', 'Closed'][id - 1] ?? 'Open',
  type: 'CUSTOM',
  sort_order: id,
  is_sla_active: true,
  is_deleted: false,
  created_at: iso(1437439213),
  updated_at: iso(1437439213),
  resource_type: 'case_status',
  resource_url: `https://brewfictus.kayako.com/api/v1/cases/statuses/${id}`
})

/** Renames every key of a snake_case document into another letter case. */
const renameKeys = (value: Json, rename: (key: string) => string): Json => {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, rename))
  if (value === null || typeof value !== 'object') return value
  const out: { [key: string]: Json } = {}
  for (const [k, v] of Object.entries(value)) out[/^\d+$/.test(k) ? k : rename(k)] = renameKeys(v, rename)
  return out
}

/**
 * A `GET /cases` envelope of about `bytes` bytes in a letter case; flat: the users and statuses the cases refer to
 * come once under `resources` (a real flat answer lists every related type; these two carry the weight).
 */
export const v1CaseListJson = (bytes: number, letterCase: 'snake' | 'camel' | 'pascal', flat: boolean, seed = 3): string => {
  const random = seeded(seed)
  const users = 500
  const data: Array<Json> = []
  let length = 0
  for (let id = 1; length < bytes * (flat ? 0.85 : 1); id++) {
    const c = v1Case(random, id, users)
    data.push(c)
    length += JSON.stringify(c).length
  }
  const envelope: { [key: string]: Json } = { status: 200, data, resource: 'case', offset: 0, limit: data.length, total_count: data.length }
  if (flat) {
    const user: { [id: string]: Json } = {}
    for (let id = 1; id <= users; id++) user[String(id)] = v1User(id)
    const status: { [id: string]: Json } = {}
    for (let id = 1; id <= 5; id++) status[String(id)] = v1Status(id)
    envelope.resources = { user, case_status: status }
  }
  const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
  const rename =
    letterCase === 'snake' ? (k: string) => k : letterCase === 'camel' ? camel : (k: string) => camel(k).charAt(0).toUpperCase() + camel(k).slice(1)
  return JSON.stringify(letterCase === 'snake' ? envelope : renameKeys(envelope, rename))
}
