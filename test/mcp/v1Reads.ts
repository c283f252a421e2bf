// The v1 read tools driven through an MCP client (stdio or Streamable HTTP), each answer checked strictly against its
// output schema and against the sandbox as the library reads it over the same HTTP; a list paged with its cursor to its
// end; typed tool errors for a bad id and a bad cursor. Shared by v1Stdio.test.ts and http.test.ts.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import * as assert from 'uvu/assert'
import { fetchTransport } from '../../src/core/http'
import { V1_TOOLS } from '../../src/mcp/v1'
import type { RunningSandbox } from '../../src/sandbox/server'
import { CUSTOMER_EMAIL } from '../../src/sandbox/v1/seed'
import * as Article from '../../src/v1/Article'
import * as Case from '../../src/v1/Case'
import * as CaseStatus from '../../src/v1/CaseStatus'
import { v1 } from '../../src/v1/internal/executor'
import type { V1Request } from '../../src/v1/internal/request'
import * as Organization from '../../src/v1/Organization'
import * as View from '../../src/v1/View'
import { unwrap } from '../support/transport'
import { failed, ok, type Page } from './reads'

export const V1_READ_TOOLS = V1_TOOLS.filter((t) => t.access === 'read').map((t) => t.name)

/** Calls every v1 read tool once, pages v1_list_cases to its end and meets typed errors, against `sandbox`'s v1 side. */
export const exerciseV1Reads = async (client: Client, sandbox: RunningSandbox): Promise<void> => {
  const side = sandbox.v1
  assert.ok(side, 'the sandbox serves the v1 API')
  const lib = v1({ url: side.url, auth: { username: side.username, password: side.password }, transport: fetchTransport })
  const read = async <A>(request: V1Request<A>): Promise<A> => unwrap(await lib(request)())
  const data = async <A>(name: string, args: Record<string, unknown> = {}): Promise<A> => (await ok<A>(client, name, args)).data

  const search = await data<Page<{ type: string; id: number }>>('v1_search', { query: 'caryn', resources: ['users'] })
  assert.ok(search.items.some((h) => h.type === 'user' && h.id === 2))

  const cases = await data<Page<{ id: number }>>('v1_list_cases', { limit: 5 })
  assert.equal(
    cases.items.map((c) => c.id),
    (await read(Case.all({ limit: 5 }))).items.map((c) => c.id)
  )

  const kase = await data<{ case: { subject: string }; requester: { emails: ReadonlyArray<string> } }>('v1_get_case', { caseId: 1 })
  assert.is(kase.case.subject, (await read(Case.get(1))).subject)
  assert.equal(kase.requester.emails, [CUSTOMER_EMAIL])

  const views = await data<Page<{ id: number; title: string }>>('v1_list_views')
  assert.equal(
    views.items.map((v) => v.title),
    (await read(View.all())).items.map((v) => v.title)
  )

  const inbox = await data<Page<{ id: number }>>('v1_view_cases', { viewId: 1, limit: 5 })
  assert.equal(
    inbox.items.map((c) => c.id),
    (await read(View.cases(1, { limit: 5 }))).items.map((c) => c.id)
  )

  const user = await data<{ user: { id: number; name: string } }>('v1_get_user', { email: CUSTOMER_EMAIL })
  assert.equal(user.user, { ...user.user, id: 2, name: 'Caryn Pryor' })

  const org = await data<{ organization: { name: string } }>('v1_get_organization', { organizationId: 2 })
  assert.is(org.organization.name, (await read(Organization.get(2))).name)

  const articles = await data<Page<{ id: number; title: string }>>('v1_search_articles', { query: 'espresso' })
  assert.equal(
    articles.items.map((a) => a.title),
    (await read(Article.search({ query: 'espresso' }))).items.map((a) => a.title)
  )

  const article = await data<{ title: string; locale: string }>('v1_get_article', { articleId: 1, locale: 'de' })
  assert.equal(article, { ...article, title: 'Auspacken und erste Inbetriebnahme', locale: 'de' })

  const options = await data<{ statuses: ReadonlyArray<{ id: number; label: string }> }>('v1_list_case_options')
  assert.equal(
    options.statuses,
    (await read(CaseStatus.all())).map((s) => ({ id: s.id, label: s.label, type: s.type }))
  )

  // v1_list_cases through its cursor to the end: every case of the sandbox, each once.
  const total = (await read(Case.all({ limit: 1 }))).totalCount
  const ids: Array<number> = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: Page<{ id: number }> = await data<Page<{ id: number }>>('v1_list_cases', { limit: 10, ...(cursor === null ? {} : { cursor }) })
    ids.push(...page.items.map((c) => c.id))
    cursor = page.next
    pages++
  } while (cursor !== null && pages < 50)
  assert.ok(total !== null && total > 10, 'the seed has more than one page')
  assert.is(ids.length, total)
  assert.is(new Set(ids).size, ids.length)

  const missing = await failed(client, 'v1_get_case', { caseId: 424242 })
  assert.is(missing.kind, 'NotFound')
  assert.is(missing.code, 'RESOURCE_NOT_FOUND')
  assert.is((await failed(client, 'v1_view_cases', { viewId: 1, cursor: 'not-a-cursor' })).kind, 'ValidationError')
}
