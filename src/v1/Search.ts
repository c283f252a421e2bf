/**
 * Search — `/search`, the agent area's search over cases, users, organizations and articles. Each hit is typed by its
 * `resource`: narrow on it (`hit.resource === 'case'`) to read `data` as that resource.
 */
import * as V from '../core/validate'
import { searchResult, type SearchResource, type SearchResult } from './internal/entities/search'
import { checkInclude, type FieldSelector, type Include } from './internal/options'
import { checkOffset, getRequest, offsetQuery, page, shaped, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { ArticleResult, CaseResult, OrganizationResult, OtherResult, SearchResource, SearchResult, UserResult } from './internal/entities/search'

/** The arguments of `GET /search`: the query, what to search, the shape of the hits, offset paging. */
export interface SearchArgs extends OffsetArgs {
  /** The query, in the agent area's syntax (`printer`, `in:conversations printer`). */
  readonly query: string
  /** What to search (default: everything the server searches). */
  readonly resources?: ReadonlyArray<SearchResource>
  /** Which fields of the hits (and of `data`) the server sends: `['title', 'snippet', { data: ['+subject'] }]`. */
  readonly fields?: string | ReadonlyArray<FieldSelector>
  /** Related resources to include in `data`: `'*'` or types (`'user'`, `'localeField'`). */
  readonly include?: Include
}

const RESOURCES: ReadonlyArray<SearchResource> = ['cases', 'users', 'organizations', 'articles']

type OwnArgs = Omit<SearchArgs, 'fields' | 'include'>

const FIELDS: ListFields<OwnArgs> = {
  query: { wire: 'query', check: V.nonBlank },
  resources: {
    wire: 'resources',
    check: (path, value) =>
      Array.isArray(value) && value.length > 0
        ? value.flatMap((v, i) => V.oneOf(`${path}[${i}]`, v, RESOURCES))
        : [{ path, message: `must be a non-empty array of ${RESOURCES.join(', ')}` }],
    // the server's names are upper case (CASES, USERS …)
    encode: (value) => (Array.isArray(value) ? value.join(',').toUpperCase() : value)
  }
}

/** `query` is required; `fields` and `include` are the hits' shape (sent as options). */
const rules = (args: Partial<SearchArgs>): V.Issues =>
  V.issues(
    args.query === undefined ? V.nonBlank('query', undefined) : [],
    V.optional(args.include, (include) => checkInclude('include', include)),
    V.when(
      args.fields !== undefined && typeof args.fields !== 'string' && !Array.isArray(args.fields),
      'fields',
      'must be a string or an array of field selectors'
    )
  )

/**
 * One page of what the agent area's search finds (`GET /search?query=…`); `resources` narrows it to cases, users,
 * organizations or articles, and `fields`/`include` shape the hits.
 */
export const query = (args: SearchArgs): V1Request<Page<SearchResult>> =>
  shaped(
    { fields: args?.fields, include: args?.include },
    getRequest('Search.query', '/search', page(searchResult), { query: offsetQuery<OwnArgs>(args, FIELDS), issues: checkOffset<OwnArgs>(args, FIELDS, rules) })
  )
