/**
 * NewsItem — `/News/NewsItem` (spec kb-news-troubleshooter §3.2).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { calendarDate, commaList, escapedText, idList, oneOfCodes } from './internal/content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import type { Code } from './internal/tickets'
import { bool, first, int, listIn, many, one, requiredInt, struct, text, textAs, timestamp, toInt, type Extra, type XmlElement } from './internal/xml'

/** `<newstype>`, `SWIFT_NewsItem`. Only global news can be created through the API. */
export const NewsType = { global: 1, public: 2, private: 3 } as const
export type NewsType = (typeof NewsType)[keyof typeof NewsType]

/** `<newsstatus>`, `SWIFT_NewsItem`. */
export const NewsStatus = { draft: 1, published: 2 } as const
export type NewsStatus = (typeof NewsStatus)[keyof typeof NewsStatus]

/** A news item as `GET /News/NewsItem/$id$` answers it (category lists cut some fields: see {@link all}). */
export interface NewsItem {
  readonly id: number
  readonly staffId: number
  readonly newsType: Code<NewsType>
  readonly newsStatus: Code<NewsStatus>
  /** The staff member's name (HTML-escaped by the server in `all(categoryId)` lists; unescaped here). */
  readonly author: string
  /** The author's address. */
  readonly email: string
  readonly subject: string
  /** The subject of the e-mail to subscribers ('' → the subject). */
  readonly emailSubject: string
  readonly dateline: Date | null
  /** Shown from then on; `null` for at once. */
  readonly start: Date | null
  /** Shown until then; `null` for ever. */
  readonly expiry: Date | null
  readonly isSynced: boolean
  /** A stored counter 4.98.8 never updates (like the Knowledgebase's). */
  readonly totalComments: number
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  readonly staffVisibilityCustom: boolean
  readonly staffGroupIds: ReadonlyArray<number>
  readonly allowComments: boolean
  /** HTML; in `all(categoryId)` lists only a lead of about 500 characters, tags other than links and images removed. */
  readonly contents: string
  readonly categoryIds: ReadonlyArray<number>
  readonly extra: Extra
}

/** Options of the e-mail the server sends to subscribers when the item is published. */
interface NewsEmailOptions {
  /** E-mail subscribers (default: no). */
  readonly sendEmail?: boolean
  /** The From name of that e-mail. */
  readonly fromName?: string
  /** The From address of that e-mail (ignored by the server unless valid; not the author's address). */
  readonly email?: string
  readonly customEmailSubject?: string
}

/** A new global news item (the server answers a public or private one with an empty body and creates nothing). */
export interface NewNewsItem extends NewsEmailOptions {
  /** The author. */
  readonly staffId: number
  readonly subject: string
  /** HTML. */
  readonly contents: string
  /** Default: published. In an update, applied at once, even when a later check of the same update fails. */
  readonly newsStatus?: NewsStatus
  /** Default: allowed. */
  readonly allowComments?: boolean
  readonly userVisibilityCustom?: boolean
  readonly userGroupIds?: ReadonlyArray<number>
  readonly staffVisibilityCustom?: boolean
  readonly staffGroupIds?: ReadonlyArray<number>
  /** Unknown ids are dropped by the server. */
  readonly categoryIds?: ReadonlyArray<number>
  /** Shown from then on (to the second, UTC). */
  readonly start?: Date
  /** Shown until then. */
  readonly expiry?: Date
}

/**
 * Changes to a news item; omitted optional fields keep their values. The server needs `subject` and `contents` on
 * every update. Dates cannot be changed: the server's update resets any date it is sent to "none", so this client
 * does not send them. The type cannot change either.
 */
export interface NewsItemUpdate extends Omit<NewNewsItem, 'staffId' | 'start' | 'expiry'> {
  /** The staff member making the change. */
  readonly editedStaffId: number
}

const itemFields = () => ({
  id: requiredInt('id'),
  staffId: int('staffid'),
  newsType: int('newstype'),
  newsStatus: int('newsstatus'),
  author: text('author'),
  email: text('email'),
  subject: text('subject'),
  emailSubject: text('emailsubject'),
  dateline: timestamp('dateline'),
  start: timestamp('start'),
  expiry: timestamp('expiry'),
  isSynced: bool('issynced'),
  totalComments: int('totalcomments'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: listIn('usergroupidlist', 'usergroupid', textAs(toInt)),
  staffVisibilityCustom: bool('staffvisibilitycustom'),
  staffGroupIds: listIn('staffgroupidlist', 'staffgroupid', textAs(toInt)),
  allowComments: bool('allowcomments'),
  contents: text('contents'),
  categoryIds: listIn('categories', 'categoryid', textAs(toInt))
})

const item: Decoder<XmlElement, NewsItem> = /*#__PURE__*/ struct('newsitem', itemFields())
// The active-news list HTML-escapes subject and author inside their CDATA; a single item does not.
const listedItem: Decoder<XmlElement, NewsItem> = /*#__PURE__*/ struct('newsitem', {
  ...itemFields(),
  author: escapedText('author'),
  subject: escapedText('subject')
})

const items = /*#__PURE__*/ many('newsitems', 'newsitem', item)
const listedItems = /*#__PURE__*/ many('newsitems', 'newsitem', listedItem)
const oneItem = /*#__PURE__*/ first(items)
const echoedItem = /*#__PURE__*/ one(items)

const ROUTE = '/News/NewsItem'

/** The fields creating and updating share, described once (each builder's table adds its own). */
const COMMON: Fields<Omit<NewsItemUpdate, 'editedStaffId'>, FormValue> = {
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  newsStatus: { wire: 'newsstatus', check: (path, value) => oneOfCodes(path, value, NewsStatus) },
  fromName: { wire: 'fromname', check: V.isString },
  email: { wire: 'email', check: V.email },
  customEmailSubject: { wire: 'customemailsubject', check: V.isString },
  sendEmail: { wire: 'sendemail', check: V.isBoolean },
  allowComments: { wire: 'allowcomments', check: V.isBoolean },
  userVisibilityCustom: { wire: 'uservisibilitycustom', check: V.isBoolean },
  userGroupIds: { wire: 'usergroupidlist', check: (path, value) => idList(path, value), encode: commaList },
  staffVisibilityCustom: { wire: 'staffvisibilitycustom', check: V.isBoolean },
  staffGroupIds: { wire: 'staffgroupidlist', check: (path, value) => idList(path, value), encode: commaList },
  categoryIds: { wire: 'newscategoryidlist', check: (path, value) => idList(path, value), encode: commaList }
}

/**
 * A new item's fields. An update has its own table: the server's update resets any date it is sent, so an update
 * never sends `start`/`expiry` (nor the author), even when the caller spreads a news item into it.
 */
const NEW_FIELDS = /*#__PURE__*/ ((): Fields<NewNewsItem, FormValue> => ({
  staffId: { wire: 'staffid', check: V.positiveInt },
  ...COMMON,
  start: { wire: 'start', check: V.date, encode: calendarDate },
  expiry: { wire: 'expiry', check: V.date, encode: calendarDate }
}))()

const UPDATE_FIELDS = /*#__PURE__*/ ((): Fields<NewsItemUpdate, FormValue> => ({ editedStaffId: { wire: 'editedstaffid', check: V.positiveInt }, ...COMMON }))()

const NEW_REQUIRED: RequiredFields<NewNewsItem> = { staffId: true, subject: true, contents: true }
const UPDATE_REQUIRED: RequiredFields<NewsItemUpdate> = { editedStaffId: true, subject: true, contents: true }

const newRules = (i: Partial<NewNewsItem>): V.Issues =>
  V.when(i.start instanceof Date && i.expiry instanceof Date && i.start.getTime() > i.expiry.getTime(), 'start', 'must not be after expiry')

/**
 * Without a category: every news item, whatever its status, type or dates, with full contents. With a category: the
 * active news (published, started, not expired), newest first, at most 500, with a lead instead of the contents.
 * The server answers a category without news items (or 0) with all active news.
 */
export const all = (categoryId?: number): ClassicRequest<ReadonlyArray<NewsItem>> =>
  categoryId === undefined
    ? getRequest('NewsItem.all', ROUTE, items)
    : getRequest('NewsItem.all', `${ROUTE}/ListAll/${segment(categoryId)}`, listedItems, { issues: V.nonNegativeInt('categoryId', categoryId) })

/** One news item; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<NewsItem>> =>
  getRequest('NewsItem.get', `${ROUTE}/${segment(id)}`, oneItem, { issues: V.positiveInt('id', id) })

/** Creates a global news item: `POST /News/NewsItem`; the answer is the item as stored. */
export const post = (input: NewNewsItem): ClassicRequest<NewsItem> => {
  const issues = checkFields(NEW_FIELDS, NEW_REQUIRED, input, newRules)
  return postRequest('NewsItem.post', ROUTE, echoedItem, { issues, form: V.whenValid(issues, () => phpForm(wireValues(NEW_FIELDS, input))) })
}

/** Changes news item `id`: `PUT /News/NewsItem/$id$`; the answer is the item as stored. */
export const put = (id: number, input: NewsItemUpdate): ClassicRequest<NewsItem> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input))
  return putRequest('NewsItem.put', `${ROUTE}/${segment(id)}`, echoedItem, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  })
}

/** Deletes a news item with its comments; an unknown id is a 400 `Invalid news item ID`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('NewsItem.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
