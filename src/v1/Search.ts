/**
 * Search — `/search`, the agent area's search over cases, users, organizations and articles. `query` searches any of
 * them, each hit's `data` decoded generically; `cases`, `users`, `organizations` and `articles` search one, its hits'
 * `data` typed (the resource's own fields; what it refers to, generically). So a bundle carries only the decoders of
 * what it searches.
 */
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import {
  articleResult,
  caseResult,
  organizationResult,
  searchResult,
  userResult,
  type ArticleResult,
  type CaseResult,
  type OrganizationResult,
  type SearchResource,
  type SearchResult,
  type UserResult
} from './internal/entities/search'
import { SHAPE_FIELDS, type FieldSelector, type Include } from './internal/options'
import { checkOffset, getRequest, offsetQuery, page, shaped, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { ArticleResult, CaseResult, OrganizationResult, SearchResource, SearchResult, UserResult } from './internal/entities/search'

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

/** The arguments sent as query arguments (`fields` and `include` are options). */
type OwnArgs = Omit<SearchArgs, 'fields' | 'include'>

const FIELDS: ListFields<OwnArgs> = {
  query: { wire: 'query', check: V.nonBlank },
  resources: {
    wire: 'resources',
    check: (path, value) =>
      Array.isArray(value) && value.length > 0 && value.every((v) => RESOURCES.includes(v as SearchResource))
        ? []
        : [{ path, message: `must be a non-empty array of ${RESOURCES.join(', ')}` }],
    // the server's names are upper case (CASES, USERS …)
    encode: (value) => (Array.isArray(value) ? value.join(',').toUpperCase() : value)
  }
}

const rules = (args: Partial<SearchArgs>): V.Issues => (args.query === undefined ? V.nonBlank('query', undefined) : [])

/** The arguments of a search of one resource (`Search.cases` …): those of `query` but `resources`. */
export type SearchOneArgs = Omit<SearchArgs, 'resources'>

const search =
  <A>(operation: string, decoder: Decoder<unknown, A>, resources?: SearchResource) =>
  (args: SearchArgs): V1Request<Page<A>> =>
    shaped(
      { fields: args?.fields, include: args?.include },
      getRequest(operation, '/search', page(decoder), {
        query: offsetQuery<OwnArgs>(resources === undefined ? args : { ...args, resources: [resources] }, FIELDS),
        issues: checkOffset<SearchArgs>(args, { ...FIELDS, ...SHAPE_FIELDS }, rules)
      })
    )

/**
 * One page of what the agent area's search finds (`GET /search?query=…`); `resources` narrows it to cases, users,
 * organizations or articles, and `fields`/`include` shape the hits. Each hit's `data` is decoded generically: read it
 * typed with the search of its resource.
 */
export const query: (args: SearchArgs) => V1Request<Page<SearchResult>> = /*#__PURE__*/ search('Search.query', searchResult)

/** One page of the cases the search finds (`resources=CASES`), each hit's `data` a case. */
export const cases: (args: SearchOneArgs) => V1Request<Page<CaseResult>> = /*#__PURE__*/ search('Search.cases', caseResult, 'cases')

/** One page of the users the search finds (`resources=USERS`), each hit's `data` a user. */
export const users: (args: SearchOneArgs) => V1Request<Page<UserResult>> = /*#__PURE__*/ search('Search.users', userResult, 'users')

/** One page of the organizations the search finds (`resources=ORGANIZATIONS`), each hit's `data` an organization. */
export const organizations: (args: SearchOneArgs) => V1Request<Page<OrganizationResult>> = /*#__PURE__*/ search(
  'Search.organizations',
  organizationResult,
  'organizations'
)

/** One page of the help-center articles the search finds (`resources=ARTICLES`), each hit's `data` an article. */
export const articles: (args: SearchOneArgs) => V1Request<Page<ArticleResult>> = /*#__PURE__*/ search('Search.articles', articleResult, 'articles')
