/** `v1_search`: the agent area's search over cases, users, organizations and articles (`Search.query`). */
import { z } from 'zod'
import * as E from '../../core/either'
import { isReference } from '../../v1/internal/codec'
import * as Search from '../../v1/Search'
import { attempt } from '../errors'
import { capText, cursorArg, iso, pageShape } from '../format'
import { defineTool, READ } from '../tool'
import { envelope, limitArg, moreText, resume } from './paging'
import { plain } from './shape'

const SEARCH = 'v1_search'

const RESOURCES = ['cases', 'users', 'organizations', 'articles'] as const

/** The tool that reads a hit in full, by its type. */
const NEXT_TOOL: Readonly<Record<string, string>> = { case: 'v1_get_case', user: 'v1_get_user', organization: 'v1_get_organization', article: 'v1_get_article' }

const hitSchema = /*#__PURE__*/ z.object({
  type: z.string().describe('case, user, organization or article (or another type a newer helpdesk finds).'),
  id: z.number().nullable().describe('The id to pass to the tool that reads it (`readWith`).'),
  title: z.string(),
  snippet: z.string().nullable().describe('The text around the match, plain.'),
  relevance: z.number().nullable(),
  createdAt: z.string().nullable(),
  readWith: z.string().nullable().describe('The tool that reads this hit in full.')
})
type Hit = z.infer<typeof hitSchema>

const hitOf = (r: Search.SearchResult): Hit => {
  const type = r.resource ?? 'other'
  const data = r.data
  const id = data === null ? null : isReference(data) ? data.id : data.id
  return {
    type,
    id: typeof id === 'number' ? id : null,
    title: r.title,
    snippet: r.snippet === null ? null : plain(r.snippet),
    relevance: r.relevance,
    createdAt: iso(r.createdAt),
    readWith: NEXT_TOOL[type] ?? null
  }
}

const search = /*#__PURE__*/ defineTool({
  name: SEARCH,
  api: 'v1',
  title: 'Search Kayako (v1)',
  description:
    'Searches the Kayako (v1) helpdesk as the agent app does: cases (subject and messages), users (names and e-mail ' +
    'addresses), organizations (names and domains) and help-center articles; every word must occur. Start here when you ' +
    'have words, a name or an e-mail address but no id; each hit names the tool that reads it in full. For a list by ' +
    'status or tag use v1_list_cases; for the help center alone use v1_search_articles.',
  input: {
    query: z.string().trim().min(1).describe('The words to find, e.g. "grinder stops" or an e-mail address.'),
    resources: z.array(z.enum(RESOURCES)).min(1).optional().describe('What to search (default: all four).'),
    limit: limitArg,
    cursor: cursorArg
  },
  output: pageShape(hitSchema),
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const { limit, cursor, ...filters } = args
    const at = resume(SEARCH, cursor, filters)
    if (E.isLeft(at)) return at
    const f = at.right.filters as typeof filters
    const request = Search.query({
      query: f.query,
      ...(f.resources === undefined ? {} : { resources: f.resources }),
      offset: at.right.offset ?? 0,
      limit
    })
    const answer = await attempt(apis.v1(request))
    if (E.isLeft(answer)) return answer
    const items = answer.right.items.map(hitOf)
    const structured = envelope(at.right, request.query, answer.right, items)
    const lines =
      items.length === 0
        ? [`Nothing found for "${f.query}". Try fewer or other words.`]
        : items.map(
            (h) =>
              `${h.type} #${h.id ?? '?'} ${h.title}${h.snippet === null ? '' : ` — ${h.snippet}`}${h.readWith === null ? '' : ` (read with ${h.readWith})`}`
          )
    return E.right({ structured, text: capText([...lines, '', moreText(structured.next, answer.right.totalCount, items.length)].join('\n')) })
  }
})

export const SEARCH_TOOLS = [search] as const
