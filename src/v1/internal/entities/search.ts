import * as E from '../../../core/either'
import { atKey, success, type Decoded, type Decoder } from '../../../core/decoder'
import { date, type Extra, nullableNumber, record, type Related, relatedValue } from '../codec'
import { isObject } from '../flat'
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

/** A case found by `Search.query`: its own fields typed, its requester, status … decoded generically. */
export interface CaseResult extends Hit {
  readonly resource: 'case'
  readonly data: Related<Shallow<Case>> | null
}
/** A user found by `Search.query`: their own fields typed, their role, organization … decoded generically. */
export interface UserResult extends Hit {
  readonly resource: 'user'
  readonly data: Related<Shallow<User>> | null
}
/** An organization found by `Search.query`: its own fields typed, its domains, phones and tags decoded generically. */
export interface OrganizationResult extends Hit {
  readonly resource: 'organization'
  readonly data: Related<Shallow<Organization>> | null
}
/** A help-center article found by `Search.query` (an `Article`: its section and authors are decoded generically). */
export interface ArticleResult extends Hit {
  readonly resource: 'article'
  readonly data: Related<Article> | null
}
/** A hit of a type this client has no decoder for (a newer server's): `type` is the server's `resource`. */
export interface OtherResult extends Hit {
  readonly resource: 'other'
  readonly type: string | null
  readonly data: Related<AnyResource> | null
}

/** One hit of `/search`, typed by its `resource` (narrow on `resource` to read `data`). */
export type SearchResult = CaseResult | UserResult | OrganizationResult | ArticleResult | OtherResult

const hit = /*#__PURE__*/ record<Hit>('search_result', 'title:t snippet resourceUrl relevance:1 createdAt:0', () => [date, nullableNumber], 'resource data')

const DATA: Readonly<Record<string, Decoder<unknown, unknown>>> = { case: shallowCase, user: shallowUser, organization: shallowOrganization, article }

export const searchResult: Decoder<unknown, SearchResult> = {
  decode: (value): Decoded<SearchResult> => {
    const base = hit.decode(value)
    if (E.isLeft(base) || !isObject(value)) return base as Decoded<never>
    const type = typeof value.resource === 'string' ? value.resource : null
    const known = type !== null && Object.prototype.hasOwnProperty.call(DATA, type)
    const decoder: Decoder<unknown, unknown> = (known ? DATA[type] : undefined) ?? anyResource
    const data = value.data === undefined || value.data === null ? success(null) : atKey('data')(relatedValue(decoder, value.data))
    if (E.isLeft(data)) return data
    return success((known ? { ...base.right, resource: type, data: data.right } : { ...base.right, resource: 'other', type, data: data.right }) as SearchResult)
  }
}
