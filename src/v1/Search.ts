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
import { checkInclude, checkSelectors, shapeQuery, type FieldSelector, type Include } from './internal/options'
import { getRequest, page, shaped, type OffsetArgs, type Page, type V1Request } from './internal/request'

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

/**
 * The arguments of a search of one resource (`Search.cases` …): the query and offset paging. The shape of its hits is
 * set like any request's, with `withOptions({ include, fields })`.
 */
export type SearchOneArgs = Pick<SearchArgs, 'query' | 'offset' | 'limit'>

const RESOURCES: ReadonlyArray<SearchResource> = ['cases', 'users', 'organizations', 'articles']

/**
 * A search's arguments: `args: must be an object`, or the issues of `offset`, `limit` and the query, then those of `more`
 * (`query`'s own: `resources`, `include`, `fields`). Checked directly rather than by a field table (the query is made
 * by `search`, so a table would only check): a search's bundle carries no table engine, a typed one only its three checks.
 */
const checkArgs = <A extends SearchOneArgs>(args: A, more?: (a: A) => V.Issues): V.Issues =>
  V.input(
    args,
    (a) =>
      V.issues(
        V.optional(a.offset, (v) => V.nonNegativeInt('offset', v)),
        V.optional(a.limit, (v) => V.positiveInt('limit', v)),
        V.nonBlank('query', a.query),
        more?.(a) ?? []
      ),
    'args'
  )

/** `query`'s own arguments (`fields` and `include` are sent as options: `shaped`). */
const checkOwn = (a: SearchArgs): V.Issues =>
  V.issues(
    V.optional(a.resources, (v) =>
      Array.isArray(v) && v.length > 0 && v.every((r: unknown) => RESOURCES.includes(r as SearchResource))
        ? []
        : [{ path: 'resources', message: `must be a non-empty array of ${RESOURCES.join(', ')}` }]
    ),
    V.optional(a.include, (v) => checkInclude('include', v)),
    V.optional(a.fields, (v) => checkSelectors('fields', v))
  )

/**
 * `GET /search` with offset paging, `resources` upper case as the server names them (CASES, USERS …): the given one,
 * or the arguments'. The query is made of valid arguments only (a request with issues is never sent).
 */
const search =
  <A>(operation: string, decoder: Decoder<unknown, A>, resources?: string, more?: (a: SearchArgs) => V.Issues) =>
  (args: SearchArgs): V1Request<Page<A>> => {
    const issues = checkArgs(args, more)
    return getRequest(operation, '/search', page(decoder), {
      query:
        issues.length > 0 ? {} : { query: args.query, resources: resources ?? args.resources?.join().toUpperCase(), offset: args.offset, limit: args.limit },
      issues
    })
  }

/**
 * One page of what the agent area's search finds (`GET /search?query=…`); `resources` narrows it to cases, users,
 * organizations or articles, and `fields`/`include` shape the hits. Each hit's `data` is decoded generically: read it
 * typed with the search of its resource.
 */
export const query = (args: SearchArgs): V1Request<Page<SearchResult>> =>
  shaped({ include: args?.include, fields: args?.fields }, shapeQuery, search('Search.query', searchResult, undefined, checkOwn)(args))

/** One page of the cases the search finds (`resources=CASES`), each hit's `data` a case. */
export const cases: (args: SearchOneArgs) => V1Request<Page<CaseResult>> = /*#__PURE__*/ search('Search.cases', caseResult, 'CASES')

/** One page of the users the search finds (`resources=USERS`), each hit's `data` a user. */
export const users: (args: SearchOneArgs) => V1Request<Page<UserResult>> = /*#__PURE__*/ search('Search.users', userResult, 'USERS')

/** One page of the organizations the search finds (`resources=ORGANIZATIONS`), each hit's `data` an organization. */
export const organizations: (args: SearchOneArgs) => V1Request<Page<OrganizationResult>> = /*#__PURE__*/ search(
  'Search.organizations',
  organizationResult,
  'ORGANIZATIONS'
)

/** One page of the help-center articles the search finds (`resources=ARTICLES`), each hit's `data` an article. */
export const articles: (args: SearchOneArgs) => V1Request<Page<ArticleResult>> = /*#__PURE__*/ search('Search.articles', articleResult, 'ARTICLES')
