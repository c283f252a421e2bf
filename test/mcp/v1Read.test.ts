// The v1 read tools, run directly against the in-process v1 sandbox: each answer matches its output schema (checked in
// v1Support's `call`) and the sandbox's data as the library reads it; lists page with their cursor to the end; a bad
// id is a typed NotFound.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ADMIN_EMAIL, CUSTOMER_EMAIL } from '../../src/sandbox/v1/seed'
import * as Case from '../../src/v1/Case'
import * as Organization from '../../src/v1/Organization'
import * as View from '../../src/v1/View'
import { V1_TOOLS } from '../../src/mcp/v1/index'
import { type CaseItem, v1Tools, walk } from './v1Support'

const t = suite('mcp v1 read tools')

const READ_TOOLS = [
  'v1_search',
  'v1_list_cases',
  'v1_get_case',
  'v1_list_views',
  'v1_view_cases',
  'v1_get_user',
  'v1_get_organization',
  'v1_search_articles',
  'v1_get_article',
  'v1_list_case_options'
]
const WRITE_TOOLS = ['v1_create_case', 'v1_reply_case', 'v1_add_note', 'v1_update_case', 'v1_add_tags']

t('V1_TOOLS: the ten read tools and five writes of issue 18, each described, with annotations that match its access', () => {
  assert.equal(V1_TOOLS.map((x) => x.name).sort(), [...READ_TOOLS, ...WRITE_TOOLS].sort())
  for (const x of V1_TOOLS) {
    assert.is(x.api, 'v1')
    assert.ok(x.title.length > 0 && x.description.length > 80, `${x.name} is described`)
    assert.is(x.annotations.readOnlyHint, x.access === 'read', `${x.name}: readOnlyHint`)
    assert.is(READ_TOOLS.includes(x.name), x.access === 'read', `${x.name}: access`)
    assert.not.ok(x.annotations.readOnlyHint && x.annotations.destructiveHint, `${x.name}: a read destroys nothing`)
  }
  const visible = V1_TOOLS.filter((x) => x.access === 'customer-visible').map((x) => x.name)
  assert.equal(visible.sort(), ['v1_create_case', 'v1_reply_case'])
})

t('v1_list_cases pages with its cursor through exactly the cases the library lists, in order', async () => {
  const tools = v1Tools()
  const expected = await tools.every(Case.all({ limit: 100 }))
  const { items, pages } = await walk<CaseItem>(tools, 'v1_list_cases', { limit: 7 })
  assert.equal(
    items.map((c) => c.id),
    expected.map((c) => c.id)
  )
  assert.is(pages, Math.ceil(expected.length / 7))
  // the names come along: the requester and status are named, not bare ids
  assert.ok(items.every((c) => c.requester?.name !== null && c.status?.name !== null))
})

t('v1_list_cases filters: status types, tags and the requester e-mail, as the sandbox holds them', async () => {
  const tools = v1Tools()
  const pending = await walk<CaseItem>(tools, 'v1_list_cases', { status: ['PENDING'], limit: 5 })
  const expected = await tools.every(Case.all({ status: ['PENDING'], limit: 100 }))
  assert.ok(pending.items.length > 0)
  assert.equal(
    pending.items.map((c) => c.id),
    expected.map((c) => c.id)
  )
  assert.ok(pending.items.every((c) => c.status?.type === 'PENDING'))
  const billing = await tools.ok<{ items: Array<CaseItem> }>('v1_list_cases', { tags: ['billing'], limit: 100 })
  assert.ok(billing.structured.items.length > 0 && billing.structured.items.every((c) => c.tags.includes('billing')))
  const caryn = await tools.ok<{ items: Array<CaseItem> }>('v1_list_cases', { requesterEmail: CUSTOMER_EMAIL, limit: 100 })
  assert.ok(caryn.structured.items.length > 0 && caryn.structured.items.every((c) => c.requester?.id === 2))
})

t('a cursor is refused with other filters, by another tool, or edited: a ValidationError that says what to do', async () => {
  const tools = v1Tools()
  const first = await tools.ok<{ next: string | null }>('v1_list_cases', { status: ['OPEN', 'NEW'], limit: 2 })
  const next = first.structured.next
  assert.type(next, 'string')
  // the same filters again with the cursor are fine
  await tools.ok('v1_list_cases', { status: ['OPEN', 'NEW'], limit: 2, cursor: next })
  const other = await tools.fails('v1_list_cases', { status: ['CLOSED'], cursor: next })
  assert.is(other.kind, 'ValidationError')
  assert.match(other.message, /another query/)
  const wrongTool = await tools.fails('v1_search', { query: 'grinder', cursor: next })
  assert.is(wrongTool.kind, 'ValidationError')
  assert.match(wrongTool.message, /belongs to v1_list_cases/)
  const edited = await tools.fails('v1_list_cases', { cursor: `${String(next)}x!` })
  assert.is(edited.kind, 'ValidationError')
})

t('v1_get_case: the case, its requester and organization, and the transcript oldest first with notes marked apart', async () => {
  const tools = v1Tools()
  await tools.lib(Case.addNote(1, { contents: '<p>Internal <b>check</b> of the HubID</p>', isHtml: true }))
  const kase = await tools.lib(Case.get(1))
  type Out = {
    case: { id: number; subject: string; postCount: number; channel: string; customFields: Array<{ fieldId: number; value: string }> }
    requester: { id: number; emails: Array<string> }
    organization: { name: string }
    transcript: { items: Array<{ kind: string; text: string; fromRequester: boolean; createdAt: string }>; next: string | null }
  }
  const { structured, text } = await tools.ok<Out>('v1_get_case', { caseId: 1 })
  assert.is(structured.case.subject, kase.subject)
  assert.is(structured.case.channel, 'MAIL')
  assert.equal(
    structured.case.customFields.map((f) => f.value),
    kase.customFields.map((f) => f.value)
  )
  assert.equal(structured.requester.emails, [CUSTOMER_EMAIL])
  assert.is(structured.organization.name, 'Atmosphere Coffee, Inc')
  const posts = structured.transcript.items
  assert.equal(
    posts.map((p) => p.kind),
    ['message', 'message', 'note']
  )
  assert.equal(
    posts.map((p) => p.createdAt),
    [...posts.map((p) => p.createdAt)].sort()
  )
  assert.ok(posts[0]?.fromRequester)
  // HTML as plain text, in the structured post and in the text
  assert.is(posts[2]?.text, 'Internal check of the HubID')
  assert.match(text, /INTERNAL NOTE #\d+ by Charlotte Küchler/)
  assert.not.match(text, /<b>/)
  assert.is(structured.transcript.next, null)
})

t('v1_get_case pages a long transcript back in time with its cursor, each post once', async () => {
  const tools = v1Tools()
  for (let i = 1; i <= 5; i++) await tools.lib(Case.reply(3, { contents: `Follow-up ${i}` }))
  const all = await tools.every(Case.posts(3, { filters: ['MESSAGES', 'NOTES'] }))
  const seen: Array<number> = []
  let cursor: string | undefined
  let first = true
  do {
    const { structured } = await tools.ok<{ transcript: { items: Array<{ id: number }>; next: string | null } }>('v1_get_case', {
      caseId: 3,
      posts: 2,
      ...(cursor === undefined ? {} : { cursor })
    })
    if (first)
      assert.equal(
        structured.transcript.items.map((p) => p.id),
        all
          .slice(0, 2)
          .map((p) => p.id)
          .reverse()
      )
    first = false
    seen.unshift(...structured.transcript.items.map((p) => p.id))
    cursor = structured.transcript.next ?? undefined
  } while (cursor !== undefined)
  assert.equal(seen, all.map((p) => p.id).reverse())
})

t('a bad id is a typed NotFound with the v1 code and the server message, for every tool that takes an id', async () => {
  const tools = v1Tools()
  for (const [name, args] of [
    ['v1_get_case', { caseId: 999999 }],
    ['v1_view_cases', { viewId: 999999 }],
    ['v1_get_user', { userId: 999999 }],
    ['v1_get_organization', { organizationId: 999999 }],
    ['v1_get_article', { articleId: 999999 }]
  ] as const) {
    const e = await tools.fails(name, args)
    assert.is(e.kind, 'NotFound', name)
    assert.is(e.code, 'RESOURCE_NOT_FOUND', name)
    assert.match(e.message, /does not exist/, name)
    assert.ok(e.hint.length > 0)
  }
})

t('v1_search finds cases, users and articles, each hit naming its id and the tool that reads it', async () => {
  const tools = v1Tools()
  type Hit = { type: string; id: number; title: string; readWith: string }
  const grinder = await tools.ok<{ items: Array<Hit> }>('v1_search', { query: 'grinder stops', resources: ['cases'], limit: 100 })
  assert.ok(grinder.structured.items.length > 0)
  for (const hit of grinder.structured.items) {
    assert.is(hit.readWith, 'v1_get_case')
    const kase = await tools.lib(Case.get(hit.id))
    assert.match(kase.subject.toLowerCase(), 'grinder stops')
  }
  const caryn = await tools.ok<{ items: Array<Hit> }>('v1_search', { query: 'caryn' })
  assert.ok(caryn.structured.items.some((h) => h.type === 'user' && h.id === 2 && h.readWith === 'v1_get_user'))
  const paged = await walk<Hit>(tools, 'v1_search', { query: 'the', limit: 4 })
  const once = await tools.ok<{ items: Array<Hit> }>('v1_search', { query: 'the', limit: 100 })
  assert.equal(paged.items, once.structured.items)
  assert.ok(paged.pages > 1)
})

t('v1_list_views names each view with its case count; v1_view_cases pages through the cases the view selects', async () => {
  const tools = v1Tools()
  const counts = await tools.lib(View.counts())
  const views = await tools.ok<{ items: Array<{ id: number; title: string; caseCount: number | null; conditions: Array<string> }> }>('v1_list_views')
  const inbox = views.structured.items.find((v) => v.title === 'Inbox')
  assert.ok(inbox !== undefined)
  assert.is(inbox?.caseCount, counts.find((c) => (c.view as { id: number } | null)?.id === inbox?.id)?.count)
  assert.match(inbox?.conditions.join(' ') ?? '', /cases\.statusid comparison_not_equalto 4/)
  const expected = await tools.every(View.cases(1, { limit: 100 }))
  const { items } = await walk<CaseItem>(tools, 'v1_view_cases', { viewId: 1, limit: 6 })
  assert.equal(
    items.map((c) => c.id),
    expected.map((c) => c.id)
  )
  const { structured } = await tools.ok<{ view: { title: string }; total: number }>('v1_view_cases', { viewId: 1 })
  assert.is(structured.view.title, 'Inbox')
  assert.is(structured.total, expected.length)
})

t('v1_get_user by e-mail or id: the same user with their recent cases; an unknown address is NotFound', async () => {
  const tools = v1Tools()
  type Out = { user: { id: number; name: string; emails: Array<string>; role: string; organization: { id: number } }; recentCases: Array<CaseItem> }
  const byEmail = await tools.ok<Out>('v1_get_user', { email: CUSTOMER_EMAIL.toUpperCase() })
  const byId = await tools.ok<Out>('v1_get_user', { userId: 2 })
  assert.equal(byEmail.structured, byId.structured)
  assert.is(byId.structured.user.name, 'Caryn Pryor')
  assert.is(byId.structured.user.role, 'CUSTOMER')
  assert.is(byId.structured.user.organization.id, 2)
  assert.ok(byId.structured.recentCases.length > 0 && byId.structured.recentCases.every((c) => c.requester?.id === 2))
  const agent = await tools.ok<Out>('v1_get_user', { email: ADMIN_EMAIL, recentCases: 0 })
  assert.is(agent.structured.user.role, 'ADMIN')
  assert.equal(agent.structured.recentCases, [])
  assert.is((await tools.fails('v1_get_user', { email: 'nobody@nowhere.example' })).kind, 'NotFound')
  assert.is((await tools.fails('v1_get_user', {})).kind, 'ValidationError')
  assert.is((await tools.fails('v1_get_user', { userId: 2, email: CUSTOMER_EMAIL })).kind, 'ValidationError')
})

t('v1_get_organization: its domains, members and recent cases as the sandbox holds them', async () => {
  const tools = v1Tools()
  type Out = { organization: { name: string; domains: Array<string> }; members: Array<{ id: number }>; memberTotal: number; recentCases: Array<CaseItem> }
  const { structured } = await tools.ok<Out>('v1_get_organization', { organizationId: 2, members: 50, recentCases: 5 })
  assert.is(structured.organization.name, 'Atmosphere Coffee, Inc')
  assert.equal(structured.organization.domains, ['atmospherecoffee.com'])
  const members = await tools.lib(Organization.members(2, { limit: 50 }))
  assert.equal(
    structured.members.map((m) => m.id),
    members.items.map((m) => m.id)
  )
  assert.ok(structured.members.some((m) => m.id === 2))
  const cases = await tools.lib(Organization.cases(2, { limit: 5 }))
  assert.equal(
    structured.recentCases.map((c) => c.id),
    cases.items.map((c) => c.id)
  )
})

t('v1_search_articles finds help-center articles; v1_get_article resolves the locale by the fallback rule, as plain text', async () => {
  const tools = v1Tools()
  const found = await tools.ok<{ items: Array<{ id: number; title: string; excerpt: string; link: string }> }>('v1_search_articles', { query: 'espresso' })
  const grind = found.structured.items.find((a) => a.title === 'Choosing a grind size')
  assert.ok(grind !== undefined)
  assert.is(grind?.excerpt, 'Finer for espresso, coarser for filter coffee.')
  assert.match(grind?.link ?? '', /^https:\/\//)
  type Out = { title: string; contents: string; locale: string; locales: Array<string> }
  const german = await tools.ok<Out>('v1_get_article', { articleId: 1, locale: 'de-AT' })
  assert.is(german.structured.title, 'Auspacken und erste Inbetriebnahme')
  assert.is(german.structured.locale, 'de')
  assert.not.match(german.structured.contents, /<p>/)
  assert.match(german.text, /Transportsicherung/)
  const fallback = await tools.ok<Out>('v1_get_article', { articleId: 1, locale: 'ja' })
  assert.is(fallback.structured.title, 'Unpacking and first start')
  assert.is(fallback.structured.locale, 'en-us')
  assert.equal(fallback.structured.locales.sort(), ['de', 'en-us'])
})

t('v1_list_case_options maps every label to its id: statuses, priorities, types, teams, channels, forms, fields by key', async () => {
  const tools = v1Tools()
  type Out = {
    statuses: Array<{ id: number; label: string; type: string }>
    priorities: Array<{ label: string; level: number }>
    teams: Array<{ title: string }>
    channels: Array<{ type: string; channelId: string | null }>
    forms: Array<{ isDefault: boolean; fieldIds: Array<number> }>
    fields: Array<{ key: string; options: Array<{ id: string; label: string }> }>
  }
  const { structured, text } = await tools.ok<Out>('v1_list_case_options')
  assert.equal(
    structured.statuses.map((s) => s.label),
    ['New', 'Open', 'Pending', 'Completed', 'Closed']
  )
  assert.equal(
    structured.priorities.map((p) => [p.label, p.level]),
    [
      ['Low', 1],
      ['Normal', 2],
      ['High', 3],
      ['Urgent', 4]
    ]
  )
  assert.equal(
    structured.teams.map((x) => x.title),
    ['Support', 'Sales', 'Billing']
  )
  assert.equal(structured.channels.find((c) => c.type === 'MAIL')?.channelId, '1')
  assert.is(structured.channels.find((c) => c.type === 'NOTE')?.channelId, null)
  assert.ok(structured.forms.some((f) => f.isDefault && f.fieldIds.length > 0))
  assert.ok(structured.fields.some((f) => f.key === 'subject'))
  assert.ok(structured.fields.some((f) => f.options.length > 0 && f.options.every((o) => o.label !== null)))
  assert.match(text, /Pending = 3/)
})

t.run()
