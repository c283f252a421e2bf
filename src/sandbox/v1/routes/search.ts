// `GET /search` (spec §3.1: `query`, `offset`, `limit`, `resources` (CASES, USERS, ORGANIZATIONS …), `fields`,
// `include`; spec §3.2 search result: `title, snippet, resource, resource_url, data, relevance, created_at`): staff
// search cases, users, organizations and articles. Every word of the query must occur (letter case ignored); a hit
// whose title holds them ranks first (relevance 1, else 0.5), then by resource and id. `data` is the found resource,
// a reference unless included (`include=*`), like any related resource.
import { failWith, offsetPage } from '../context'
import { textIn, textsOf } from '../helpcenter'
import { stripTags } from '../model'
import { all, find, type Ref, type Row, resourcePath, type Store, textOf } from '../store'
import { route, type Route } from './route'

const RESOURCES = ['CASES', 'USERS', 'ORGANIZATIONS', 'ARTICLES'] as const
type SearchResource = (typeof RESOURCES)[number]

const TYPE: Readonly<Record<SearchResource, string>> = { CASES: 'case', USERS: 'user', ORGANIZATIONS: 'organization', ARTICLES: 'article' }

/** What a resource is found by: its title (subject, name) and the rest searched (previews, e-mails, domains, texts). */
const searchable = (store: Store, type: string, row: Row): { readonly title: string; readonly body: string } => {
  switch (type) {
    case 'case':
      return { title: textOf(row.subject), body: textOf(row.last_post_preview ?? '') }
    case 'user':
      return {
        title: textOf(row.full_name),
        body: all(store, 'identity_email')
          .filter((e) => e.$user === row.id)
          .map((e) => textOf(e.email))
          .join(' ')
      }
    case 'organization':
      return {
        title: textOf(row.name),
        body: ((row.domains as ReadonlyArray<Ref> | undefined) ?? []).map((d) => textOf(find(store, 'identity_domain', d.id)?.domain ?? '')).join(' ')
      }
    default:
      return {
        title: textIn(store, row.titles as ReadonlyArray<Ref>, 'en-us'),
        body: stripTags([...textsOf(store, row, ['titles', 'contents']), textOf(row.keywords ?? '')].join(' '))
      }
  }
}

/** The text around the first word found, at most 160 characters. */
const snippetOf = (text: string, word: string): string => {
  const at = Math.max(0, text.toLowerCase().indexOf(word))
  const start = Math.max(0, at - 60)
  const out = text.slice(start, start + 160)
  return (start > 0 ? '…' : '') + out + (start + 160 < text.length ? '…' : '')
}

export const SEARCH_ROUTES = (): ReadonlyArray<Route> => [
  route('GET', 'search', 'agent', (ctx) => {
    const query = ctx.query.get('query')?.trim().toLowerCase()
    if (query === undefined || query === '') return failWith('FIELD_REQUIRED', 'query')
    const asked = ctx.query
      .get('resources')
      ?.split(',')
      .map((r) => r.trim().toUpperCase())
    if (asked !== undefined && (asked.length === 0 || asked.some((r) => !(RESOURCES as ReadonlyArray<string>).includes(r))))
      return failWith('FIELD_INVALID', 'resources')
    const words = query.split(/\s+/)
    const hits: Array<{ row: Row; relevance: number; order: number }> = []
    RESOURCES.forEach((resource, order) => {
      if (asked !== undefined && !asked.includes(resource)) return
      const type = TYPE[resource]
      for (const row of all(ctx.store, type)) {
        if (type === 'case' && row.state === 'TRASH') continue
        const { title, body } = searchable(ctx.store, type, row)
        const haystack = `${title} ${body}`.toLowerCase()
        if (!words.every((w) => haystack.includes(w))) continue
        const inTitle = words.every((w) => title.toLowerCase().includes(w))
        const path = resourcePath(type, row) ?? ''
        hits.push({
          relevance: inTitle ? 1 : 0.5,
          order,
          row: {
            title,
            snippet: snippetOf(body === '' ? title : body, words[0] ?? ''),
            resource: type,
            data: { $ref: type, id: row.id as number } satisfies Ref,
            relevance: inTitle ? 1 : 0.5,
            created_at: (row.created_at as string | null) ?? null,
            $path: path,
            $type: 'search_result'
          }
        })
      }
    })
    hits.sort((a, b) => b.relevance - a.relevance || a.order - b.order || Number((a.row.data as Ref).id) - Number((b.row.data as Ref).id))
    return offsetPage(
      ctx,
      hits.map((h) => h.row),
      'search_result'
    )
  })
]
