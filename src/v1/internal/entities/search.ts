import { success, failure, type Decoder } from '../../../core/decoder'
import { date, type Extra, nullableNumber, type Reader, record, related, type Related, toText } from '../codec'
import { article, type Article } from './article'
import { shallowCase, type Case } from './case'
import { shallowOrganization, type Organization, shallowUser, type User } from './people'
import { anyResource, type AnyResource, type Shallow } from './resource'

/** What `/search` finds, by the names of its `resources` argument. */
export type SearchResource = 'cases' | 'users' | 'organizations' | 'articles'

interface Hit {
  readonly title: string
  /** The text around the match. */
  readonly snippet: string | null
  /** The found resource's URL. */
  readonly resourceUrl: string | null
  readonly relevance: number | null
  readonly createdAt: Date | null
  readonly extra: Extra
}

/**
 * One hit of `Search.query`: `resource` says what was found (`case`, `user`, `organization`, `article`, or another
 * type a newer server finds), `data` is it, decoded generically (its id, type and URL, the rest in `extra`). The
 * searches of one resource (`Search.cases` …) decode `data` typed.
 */
export interface SearchResult extends Hit {
  readonly resource: string | null
  readonly data: Related<AnyResource> | null
}

/** A case found by `Search.cases`: its own fields typed, its requester, status … decoded generically. */
export interface CaseResult extends Hit {
  readonly resource: 'case'
  readonly data: Related<Shallow<Case>> | null
}
/** A user found by `Search.users`: their own fields typed, their role, organization … decoded generically. */
export interface UserResult extends Hit {
  readonly resource: 'user'
  readonly data: Related<Shallow<User>> | null
}
/** An organization found by `Search.organizations`: its own fields typed, its domains, phones and tags decoded generically. */
export interface OrganizationResult extends Hit {
  readonly resource: 'organization'
  readonly data: Related<Shallow<Organization>> | null
}
/** A help-center article found by `Search.articles` (an `Article`: its section and authors are decoded generically). */
export interface ArticleResult extends Hit {
  readonly resource: 'article'
  readonly data: Related<Article> | null
}

/** The fields of every hit: `resource` and `data` read by the readers 2 and 3. */
const HIT = 'title:t snippet resource:2 resourceUrl relevance:1 createdAt:0 data:3'

export const searchResult: Decoder<unknown, SearchResult> = /*#__PURE__*/ record('search_result', HIT, () => [
  date,
  nullableNumber,
  { decode: toText },
  related(anyResource)
])

/** A hit's `resource` in a search of one resource: that one (also when the server leaves it out), nothing else. */
const only = (resource: string): Reader<string> => ({
  decode: (value) => (value === resource ? success(resource) : failure(value, `expected "${resource}" (a search of one resource)`)),
  empty: resource
})

export const caseResult: Decoder<unknown, CaseResult> = /*#__PURE__*/ record('search_result', HIT, () => [
  date,
  nullableNumber,
  only('case'),
  related(shallowCase)
])

export const userResult: Decoder<unknown, UserResult> = /*#__PURE__*/ record('search_result', HIT, () => [
  date,
  nullableNumber,
  only('user'),
  related(shallowUser)
])

export const organizationResult: Decoder<unknown, OrganizationResult> = /*#__PURE__*/ record('search_result', HIT, () => [
  date,
  nullableNumber,
  only('organization'),
  related(shallowOrganization)
])

export const articleResult: Decoder<unknown, ArticleResult> = /*#__PURE__*/ record('search_result', HIT, () => [
  date,
  nullableNumber,
  only('article'),
  related(article)
])
