/**
 * Article — `/articles`, the help center's articles, and their search (`/helpcenter/search`). Titles and contents
 * are locale fields: fetch with `include: ['localeField']` and read them in a language with `localiseArticle` (from `kayako-fp/v1`).
 *
 * The search is `Article.search` (not a `HelpCenter` module): the house puts a resource's search on the resource
 * (`Ticket.search`, `User.search`), its hits are articles, and it needs no other module's code.
 */
import { type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { article, articleHit, type Article, type ArticleHit, type ArticleStatus } from './internal/entities/article'
import { checkInclude, checkTranslations, including, translations, type Include, type Translation } from './internal/helpcenter'
import { checkOffset, csv, getRequest, offsetQuery, one, page, segment, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'
import { create, deleteById, update } from './internal/endpoints'

export type { Article, ArticleHit, ArticleStatus } from './internal/entities/article'
export type { Include, Translation } from './internal/helpcenter'

/** The filters of `GET /articles`, with offset paging. */
export interface ArticleListArgs extends OffsetArgs {
  /** Articles of these sections only (sent as CSV `section_id`). */
  readonly sectionIds?: ReadonlyArray<number>
  readonly status?: ArticleStatus
  /** Related resources to include: `['localeField']` for the texts, `'*'` for everything. */
  readonly include?: Include
}

/** The arguments of the help-center search (`GET /helpcenter/search`), with offset paging. */
export interface ArticleSearchArgs extends OffsetArgs {
  /** The words searched for. */
  readonly query: string
  readonly include?: Include
}

/** A new article (`POST /articles`): its title and contents in one or more locales, and its section. */
export interface NewArticle {
  /** The title in each locale. */
  readonly titles: ReadonlyArray<Translation>
  /** The contents (HTML) in each locale. */
  readonly contents: ReadonlyArray<Translation>
  readonly sectionId: number
  /** Default `DRAFT`. */
  readonly status?: ArticleStatus
  /** The agent shown as the author (default: the caller). */
  readonly authorId?: number
  /** Comma-separated search keywords. */
  readonly keywords?: string
  readonly tags?: ReadonlyArray<string>
  readonly isFeatured?: boolean
  readonly allowComments?: boolean
}

/** The fields to change on an article (`PUT /articles/:id`); those left out keep their value. */
export type ArticleUpdate = Partial<NewArticle>

const PATH = '/articles'
const STATUSES: ReadonlyArray<ArticleStatus> = ['DRAFT', 'PUBLISHED']

const status = (path: string, value: unknown): V.Issues => V.oneOf(path, value, STATUSES)

/** Every field of an article's input types, described once: wire name, check and encoding. */
const FIELDS: Fields<NewArticle, unknown> = {
  titles: { wire: 'titles', check: checkTranslations, encode: translations },
  contents: { wire: 'contents', check: checkTranslations, encode: translations },
  sectionId: { wire: 'sectionId', check: V.positiveInt },
  status: { wire: 'status', check: status },
  authorId: { wire: 'authorId', check: V.positiveInt },
  keywords: { wire: 'keywords', check: V.isString },
  tags: {
    wire: 'tags',
    check: (path, value) => (Array.isArray(value) ? value.flatMap((v, i) => V.nonBlank(`${path}[${i}]`, v)) : [{ path, message: 'must be an array' }]),
    encode: csv
  },
  isFeatured: { wire: 'isFeatured', check: V.isBoolean },
  allowComments: { wire: 'allowComments', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewArticle> = { titles: true, contents: true, sectionId: true }

type OwnListArgs = Omit<ArticleListArgs, 'include'>

const LIST_FIELDS: ListFields<OwnListArgs> = {
  sectionIds: { wire: 'sectionId', check: V.positiveInts, encode: csv },
  status: { wire: 'status', check: status }
}

const SEARCH_FIELDS: ListFields<Omit<ArticleSearchArgs, 'include'>> = {
  query: { wire: 'query', check: V.nonBlank }
}

const includeIssues = (args: { readonly include?: unknown } | undefined): V.Issues =>
  args !== null && typeof args === 'object' && args.include !== undefined ? checkInclude('include', args.include) : []

/** One page of articles (`GET /articles`), filtered by section and status; `include` brings their texts along. */
export const all = (args: ArticleListArgs = {}): V1Request<Page<Article>> =>
  including(
    args?.include,
    getRequest('Article.all', PATH, page(article), {
      query: offsetQuery<OwnListArgs>(args, LIST_FIELDS),
      issues: V.issues(checkOffset<OwnListArgs>(args, LIST_FIELDS), includeIssues(args))
    })
  )

/** One article (`GET /articles/:id`); `include: ['localeField']` brings its title and contents along. */
export const get = (id: number, include?: Include): V1Request<Article> =>
  including(
    include,
    getRequest('Article.get', `${PATH}/${segment(id)}`, one(article), {
      issues: V.issues(V.positiveInt('id', id), include === undefined ? [] : checkInclude('include', include))
    })
  )

/** Creates an article (201), a `DRAFT` unless `status` says otherwise. */
export const post = /*#__PURE__*/ create<NewArticle, Article>('Article.post', PATH, article, FIELDS, NEW_REQUIRED)

/** Changes an article (`PUT /articles/:id`). */
export const put = /*#__PURE__*/ update<ArticleUpdate, Article>('Article.put', PATH, article, FIELDS)

/** Deletes an article (`DELETE /articles/:id`). */
const del = /*#__PURE__*/ deleteById('Article.delete', PATH)

/** The help-center search over articles (`GET /helpcenter/search?in=articles`), best match first. */
export const search = (args: ArticleSearchArgs): V1Request<Page<ArticleHit>> =>
  including(
    args?.include,
    getRequest('Article.search', '/helpcenter/search', page(articleHit), {
      query: { ...offsetQuery<Omit<ArticleSearchArgs, 'include'>>(args, SEARCH_FIELDS), in: 'articles' },
      issues: V.issues(
        checkOffset<Omit<ArticleSearchArgs, 'include'>>(args, SEARCH_FIELDS, (a) => (a.query === undefined ? V.nonBlank('query', undefined) : [])),
        includeIssues(args)
      )
    })
  )

export { del as delete, get as find, post as save, put as update, del as destroy }
