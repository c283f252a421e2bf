/**
 * KnowledgebaseArticle — `/Knowledgebase/Article` (spec kb-news-troubleshooter §2.2).
 */
import type * as O from 'fp-ts/Option'
import { atKey, failure, type Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { commaList, embeddedAttachments, escapedText, idList, oneOfCodes, type EmbeddedAttachment } from './internal/content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import type { Code } from './internal/tickets'
import {
  bool,
  childText,
  first,
  int,
  listIn,
  many,
  num,
  one,
  requiredInt,
  struct,
  text,
  textAs,
  timestamp,
  toInt,
  type Extra,
  type XmlElement
} from './internal/xml'

export type { EmbeddedAttachment } from './internal/content'

/** Who created an article (`<creator>`); every article created through the API is a staff member's. */
export const ArticleCreator = { user: 1, staff: 2 } as const
export type ArticleCreator = (typeof ArticleCreator)[keyof typeof ArticleCreator]

/** `<articlestatus>`, `SWIFT_KnowledgebaseArticle`. */
export const ArticleStatus = { published: 1, draft: 2, pendingApproval: 3 } as const
export type ArticleStatus = (typeof ArticleStatus)[keyof typeof ArticleStatus]

/** A knowledgebase article as `GET /Knowledgebase/Article/$id$` answers it (lists cut some fields: see {@link all}). */
export interface KnowledgebaseArticle {
  /** `<kbarticleid>` (an article has no `<id>` element). */
  readonly id: number
  /** HTML. In `all(categoryId)` lists, `<script>` elements are removed. */
  readonly contents: string
  /** Plain text; cut to the helpdesk's excerpt length (with `...`) in `all(categoryId)` lists. */
  readonly contentsText: string
  /** The categories the article is in; 0 is the top level. */
  readonly categoryIds: ReadonlyArray<number>
  readonly creator: Code<ArticleCreator>
  readonly creatorId: number
  /** Empty for articles created through the API: 4.98.8's `Create` never writes it (use `creatorId`). */
  readonly author: string
  /** Empty for articles created through the API, like `author`. */
  readonly email: string
  /** In `all(categoryId)` lists the server cuts it to 65 characters plus `...`. */
  readonly subject: string
  readonly seoSubject: string
  readonly isEdited: boolean
  readonly editedDateline: Date | null
  readonly editedStaffId: number
  readonly views: number
  readonly isFeatured: boolean
  readonly allowComments: boolean
  /** A stored counter 4.98.8 never updates: it does not count comments added through the API (or the helpdesk). */
  readonly totalComments: number
  readonly hasAttachments: boolean
  /**
   * Listed only when `hasAttachments` is set, which the API's own attachment upload does not do: fetch those with
   * `KnowledgebaseAttachment.all(articleId)`.
   */
  readonly attachments: ReadonlyArray<EmbeddedAttachment>
  readonly dateline: Date | null
  readonly articleStatus: Code<ArticleStatus>
  readonly articleRating: number
  readonly ratingHits: number
  readonly ratingCount: number
  readonly extra: Extra
}

/** The fields of a new article, for {@link post}. */
export interface NewKnowledgebaseArticle {
  readonly subject: string
  /** HTML. */
  readonly contents: string
  /** A staff id: the article is always created as that staff member's (`creator` staff; `author` and `email` stay empty). */
  readonly creatorId: number
  /**
   * `published` (only when the staff member may publish; else draft), `draft`; absent → `pendingApproval`.
   */
  readonly articleStatus?: ArticleStatus
  /** Default: made from the subject (made unique by the server); in an update, changed only when different from the current one. */
  readonly seoSubject?: string
  readonly isFeatured?: boolean
  /** Absent: comments allowed. They cannot be switched off when creating an article (the server ignores 0). */
  readonly allowComments?: true
  /** Absent: the top level (0). Ids are not checked by the server. */
  readonly categoryIds?: ReadonlyArray<number>
}

/**
 * Changes to an article. Beware, the server rewrites fields that are not sent: an update without `isFeatured`
 * un-features the article, without `allowComments: true` disables comments, without `categoryIds` moves it to the top
 * level only, and without `articleStatus` (`published` or `draft`) makes it pending approval. Send them on every update.
 */
export interface KnowledgebaseArticleUpdate extends Partial<Omit<NewKnowledgebaseArticle, 'creatorId' | 'allowComments'>> {
  /** The staff member making the change (required by the server). */
  readonly editedStaffId: number
  /** Unlike a new article's, comments can be switched off. */
  readonly allowComments?: boolean
}

/** Paging for `all(categoryId, options)`. */
export interface KnowledgebaseArticleListOptions {
  /** At most this many rows (absent: all). The server drops unpublished articles after cutting the page, so a page can be shorter. */
  readonly count?: number
  /** Skip this many rows. */
  readonly start?: number
}

const articleFields = () => ({
  id: requiredInt('kbarticleid'),
  contents: text('contents'),
  contentsText: text('contentstext'),
  categoryIds: listIn('categories', 'categoryid', textAs(toInt)),
  creator: int('creator'),
  creatorId: int('creatorid'),
  author: text('author'),
  email: text('email'),
  subject: text('subject'),
  seoSubject: text('seosubject'),
  isEdited: bool('isedited'),
  editedDateline: timestamp('editeddateline'),
  editedStaffId: int('editedstaffid'),
  views: int('views'),
  isFeatured: bool('isfeatured'),
  allowComments: bool('allowcomments'),
  totalComments: int('totalcomments'),
  hasAttachments: bool('hasattachments'),
  attachments: embeddedAttachments(),
  dateline: timestamp('dateline'),
  articleStatus: int('articlestatus'),
  articleRating: num('articlerating'),
  ratingHits: int('ratinghits'),
  ratingCount: int('ratingcount')
})

const article: Decoder<XmlElement, KnowledgebaseArticle> = /*#__PURE__*/ struct('kbarticle', articleFields())
// A category's list HTML-escapes the subject inside its CDATA; a single article does not.
const listedArticle: Decoder<XmlElement, KnowledgebaseArticle> = /*#__PURE__*/ struct('kbarticle', { ...articleFields(), subject: escapedText('subject') })

const articles = /*#__PURE__*/ many('kbarticles', 'kbarticle', article)
const listedArticles = /*#__PURE__*/ many('kbarticles', 'kbarticle', listedArticle)
const oneArticle = /*#__PURE__*/ first(articles)
const echoedArticle = /*#__PURE__*/ one(articles)

const totalArticles: Decoder<XmlElement, number> = {
  decode: (root) => {
    if (root.tagName !== 'kbarticles') return failure(root, `expected the root element <kbarticles>, got <${root.tagName}>`)
    const total = childText(root, 'totalarticles')
    return atKey('totalarticles')(total === undefined ? failure(undefined, 'required element is missing') : toInt(total))
  }
}

const ROUTE = '/Knowledgebase/Article'

/**
 * Without a category: every article, whatever its status, with full contents. With a category (0 = top level): its
 * published articles, featured first, ordered by the helpdesk's setting, with cut subjects and texts.
 */
export const all = (categoryId?: number, options: KnowledgebaseArticleListOptions = {}): ClassicRequest<ReadonlyArray<KnowledgebaseArticle>> => {
  if (categoryId === undefined) return getRequest('KnowledgebaseArticle.all', ROUTE, articles)
  const issues = V.issues(
    V.nonNegativeInt('categoryId', categoryId),
    V.input(
      options,
      (o) =>
        V.issues(
          V.optional(o.count, (n) => V.positiveInt('count', n)),
          V.optional(o.start, (n) => V.nonNegativeInt('start', n))
        ),
      'options'
    )
  )
  // The server ignores a sort field and reads a sort order only under one helpdesk setting, so neither is offered.
  const paging = issues.length > 0 ? [] : options.start !== undefined ? [options.count ?? 0, options.start] : options.count !== undefined ? [options.count] : []
  const route = [ROUTE, 'ListAll', segment(categoryId), ...paging.map(segment)].join('/')
  return getRequest('KnowledgebaseArticle.all', route, listedArticles, { issues })
}

/** One article, whatever its status; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<KnowledgebaseArticle>> =>
  getRequest('KnowledgebaseArticle.get', `${ROUTE}/${segment(id)}`, oneArticle, { issues: V.positiveInt('id', id) })

/** How many articles a category holds, whatever their status (the server answers the top level, 0, with nothing). */
export const count = (categoryId: number): ClassicRequest<number> =>
  getRequest('KnowledgebaseArticle.count', `${ROUTE}/GetArticleCount/${segment(categoryId)}`, totalArticles, {
    issues: V.positiveInt('categoryId', categoryId)
  })

/** The fields creating and updating share, described once (each builder's table adds its own). */
const COMMON: Fields<Omit<KnowledgebaseArticleUpdate, 'editedStaffId'>, FormValue> = {
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  articleStatus: { wire: 'articlestatus', check: (path, value) => oneOfCodes(path, value, ArticleStatus) },
  seoSubject: { wire: 'seosubject', check: V.nonBlank },
  isFeatured: { wire: 'isfeatured', check: V.isBoolean },
  allowComments: { wire: 'allowcomments', check: V.isBoolean },
  categoryIds: { wire: 'categoryid', check: (path, value) => idList(path, value, true), encode: commaList }
}

/**
 * A new article's fields. An update has its own table: it never sends the creator, even when the caller spreads an
 * article into it (as the update's documentation suggests for the fields the server resets).
 */
const NEW_FIELDS = /*#__PURE__*/ ((): Fields<NewKnowledgebaseArticle, FormValue> => {
  const { subject, contents, ...rest } = COMMON
  return { subject, contents, creatorId: { wire: 'creatorid', check: V.positiveInt }, ...rest }
})()

const UPDATE_FIELDS = /*#__PURE__*/ ((): Fields<KnowledgebaseArticleUpdate, FormValue> => ({
  editedStaffId: { wire: 'editedstaffid', check: V.positiveInt },
  ...COMMON
}))()

const NEW_REQUIRED: RequiredFields<NewKnowledgebaseArticle> = { subject: true, contents: true, creatorId: true }
const UPDATE_REQUIRED: RequiredFields<KnowledgebaseArticleUpdate> = { editedStaffId: true }

const newRules = (input: Partial<NewKnowledgebaseArticle>): V.Issues =>
  V.when(
    input.allowComments !== undefined && input.allowComments !== true,
    'allowComments',
    'comments cannot be switched off when creating an article (the server ignores 0)'
  )

/**
 * Creates an article: `POST /Knowledgebase/Article`; the answer is the article as stored. Without `articleStatus` it
 * waits for approval.
 */
export const post = (input: NewKnowledgebaseArticle): ClassicRequest<KnowledgebaseArticle> => {
  const issues = checkFields(NEW_FIELDS, NEW_REQUIRED, input, newRules)
  return postRequest('KnowledgebaseArticle.post', ROUTE, echoedArticle, { issues, form: V.whenValid(issues, () => phpForm(wireValues(NEW_FIELDS, input))) })
}

/**
 * Changes article `id`: `PUT /Knowledgebase/Article/$id$`; the answer is the article as stored. Send every field
 * {@link KnowledgebaseArticleUpdate} lists, or the server resets it.
 */
export const put = (id: number, input: KnowledgebaseArticleUpdate): ClassicRequest<KnowledgebaseArticle> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input))
  return putRequest('KnowledgebaseArticle.put', `${ROUTE}/${segment(id)}`, echoedArticle, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  })
}

/** Deletes an article with its comments, attachments and subscriptions; an unknown id is a 400 `Invalid article id`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('KnowledgebaseArticle.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
