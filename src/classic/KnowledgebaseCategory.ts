/**
 * KnowledgebaseCategory — `/Knowledgebase/Category` (spec kb-news-troubleshooter §2.1).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { cannotSwitchOff, commaList, idList, oneOfCodes, positiveOnUpdate } from './internal/content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import type { Code } from './internal/tickets'
import { bool, first, int, listIn, many, one, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

/** `<categorytype>`, `SWIFT_KnowledgebaseCategory`: `inherit` takes the parent category's visibility. */
export const KnowledgebaseCategoryType = { global: 1, public: 2, private: 3, inherit: 4 } as const
export type KnowledgebaseCategoryType = (typeof KnowledgebaseCategoryType)[keyof typeof KnowledgebaseCategoryType]

/** How a category orders its articles (stored, not sent back by the server); `title` is the default. */
export const ArticleSortOrder = { inherit: 1, title: 2, rating: 3, creationDate: 4, displayOrder: 5 } as const
export type ArticleSortOrder = (typeof ArticleSortOrder)[keyof typeof ArticleSortOrder]

/** The fields `all({ sortField })` can order by (the server orders by display order otherwise). */
export type CategorySortField = 'staffid' | 'title' | 'dateline' | 'totalarticles' | 'categorytype' | 'articlesortorder'
/** Every `CategorySortField`. */
export const CATEGORY_SORT_FIELDS: ReadonlyArray<CategorySortField> = ['staffid', 'title', 'dateline', 'totalarticles', 'categorytype', 'articlesortorder']

/** A knowledgebase category as `GET /Knowledgebase/Category` answers it. */
export interface KnowledgebaseCategory {
  readonly id: number
  /** 0 for a top-level category. */
  readonly parentKbCategoryId: number
  /** The creator; every update through the API sets it to 0. */
  readonly staffId: number
  readonly title: string
  /**
   * The published articles of this category and its sub-categories, as stored at the server's last recount (on
   * category and article writes); an article published by `KnowledgebaseArticle.put` is counted only at the next one.
   */
  readonly totalArticles: number
  readonly categoryType: Code<KnowledgebaseCategoryType>
  readonly displayOrder: number
  readonly allowComments: boolean
  /** When true, only the user groups in `userGroupIds` see the category. */
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  /** When true, only the staff groups in `staffGroupIds` see the category. */
  readonly staffVisibilityCustom: boolean
  readonly staffGroupIds: ReadonlyArray<number>
  readonly allowRating: boolean
  readonly isPublished: boolean
  readonly extra: Extra
}

/**
 * A new category. The server stores every flag that is not sent as off: a category created without
 * `isPublished: true`, `allowComments: true` and `allowRating: true` is unpublished, without comments and rating.
 */
export interface NewKnowledgebaseCategory {
  readonly title: string
  readonly categoryType: KnowledgebaseCategoryType
  /** 0 or absent for a top-level category (not checked by the server). */
  readonly parentCategoryId?: number
  readonly displayOrder?: number
  readonly articleSortOrder?: ArticleSortOrder
  readonly allowComments?: boolean
  readonly allowRating?: boolean
  readonly isPublished?: boolean
  readonly userVisibilityCustom?: boolean
  /** Only with `userVisibilityCustom: true`. */
  readonly userGroupIds?: ReadonlyArray<number>
  readonly staffVisibilityCustom?: boolean
  /** Only with `staffVisibilityCustom: true`. */
  readonly staffGroupIds?: ReadonlyArray<number>
  /** The creator (not checked by the server). */
  readonly staffId?: number
}

/**
 * Changes to a category; omitted fields keep their values. The server ignores 0 for every flag and number here, so
 * flags cannot be switched off and a category cannot be moved back to the top level (`false`/`0` are refused
 * before sending). Every update sets the category's `staffId` to 0.
 */
export type KnowledgebaseCategoryUpdate = Partial<Omit<NewKnowledgebaseCategory, 'staffId'>>

/** Paging and order for `all`. */
export interface KnowledgebaseCategoryListOptions {
  /** At most this many categories (absent: all). */
  readonly count?: number
  /** Skip this many (a row offset, not an id). */
  readonly start?: number
  readonly sortField?: CategorySortField
  readonly sortOrder?: 'ASC' | 'DESC'
}

const category: Decoder<XmlElement, KnowledgebaseCategory> = /*#__PURE__*/ struct('kbcategory', {
  id: requiredInt('id'),
  parentKbCategoryId: int('parentkbcategoryid'),
  staffId: int('staffid'),
  title: text('title'),
  totalArticles: int('totalarticles'),
  categoryType: int('categorytype'),
  displayOrder: int('displayorder'),
  allowComments: bool('allowcomments'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: listIn('usergroupidlist', 'usergroupid', textAs(toInt)),
  staffVisibilityCustom: bool('staffvisibilitycustom'),
  staffGroupIds: listIn('staffgroupidlist', 'staffgroupid', textAs(toInt)),
  allowRating: bool('allowrating'),
  isPublished: bool('ispublished')
})

const categories = /*#__PURE__*/ many('kbcategories', 'kbcategory', category)
const oneCategory = /*#__PURE__*/ first(categories)
const echoedCategory = /*#__PURE__*/ one(categories)

const ROUTE = '/Knowledgebase/Category'

const groupRules = (input: Partial<NewKnowledgebaseCategory>): V.Issues =>
  V.issues(
    V.when(input.userGroupIds !== undefined && input.userVisibilityCustom !== true, 'userGroupIds', 'is only used with userVisibilityCustom: true'),
    V.when(input.staffGroupIds !== undefined && input.staffVisibilityCustom !== true, 'staffGroupIds', 'is only used with staffVisibilityCustom: true')
  )

const groupIds = (path: string, value: unknown): V.Issues => idList(path, value)

/**
 * The fields of a new category. Creating and updating differ on the wire (the parent's name) and in what the server
 * accepts (an update ignores 0 and false), so each input type has its own table.
 */
const NEW_FIELDS: Fields<NewKnowledgebaseCategory, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  categoryType: { wire: 'categorytype', check: (path, value) => oneOfCodes(path, value, KnowledgebaseCategoryType) },
  parentCategoryId: { wire: 'parentcategoryid', check: V.nonNegativeInt },
  displayOrder: { wire: 'displayorder', check: V.nonNegativeInt },
  articleSortOrder: { wire: 'articlesortorder', check: (path, value) => oneOfCodes(path, value, ArticleSortOrder) },
  allowComments: { wire: 'allowcomments', check: V.isBoolean },
  allowRating: { wire: 'allowrating', check: V.isBoolean },
  isPublished: { wire: 'ispublished', check: V.isBoolean },
  userVisibilityCustom: { wire: 'uservisibilitycustom', check: V.isBoolean },
  userGroupIds: { wire: 'usergroupidlist', check: groupIds, encode: commaList },
  staffVisibilityCustom: { wire: 'staffvisibilitycustom', check: V.isBoolean },
  staffGroupIds: { wire: 'staffgroupidlist', check: groupIds, encode: commaList },
  staffId: { wire: 'staffid', check: V.positiveInt }
}

/** The fields of an update (see `NEW_FIELDS`). */
const UPDATE_FIELDS: Fields<KnowledgebaseCategoryUpdate, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  // The update reads the parent under another name than the creation does.
  parentCategoryId: { wire: 'parentkbcategoryid', check: positiveOnUpdate },
  categoryType: { wire: 'categorytype', check: (path, value) => oneOfCodes(path, value, KnowledgebaseCategoryType) },
  displayOrder: { wire: 'displayorder', check: positiveOnUpdate },
  articleSortOrder: { wire: 'articlesortorder', check: (path, value) => oneOfCodes(path, value, ArticleSortOrder) },
  allowComments: { wire: 'allowcomments', check: cannotSwitchOff },
  allowRating: { wire: 'allowrating', check: cannotSwitchOff },
  isPublished: { wire: 'ispublished', check: cannotSwitchOff },
  userVisibilityCustom: { wire: 'uservisibilitycustom', check: cannotSwitchOff },
  userGroupIds: { wire: 'usergroupidlist', check: groupIds, encode: commaList },
  staffVisibilityCustom: { wire: 'staffvisibilitycustom', check: cannotSwitchOff },
  staffGroupIds: { wire: 'staffgroupidlist', check: groupIds, encode: commaList }
}

const NEW_REQUIRED: RequiredFields<NewKnowledgebaseCategory> = { title: true, categoryType: true }

const checkListOptions = (options: KnowledgebaseCategoryListOptions): V.Issues =>
  V.input(
    options,
    (o) =>
      V.issues(
        V.optional(o.count, (n) => V.positiveInt('count', n)),
        V.optional(o.start, (n) => V.nonNegativeInt('start', n)),
        V.optional(o.sortField, (f) => V.oneOf('sortField', f, CATEGORY_SORT_FIELDS)),
        V.optional(o.sortOrder, (s) => V.oneOf('sortOrder', s, ['ASC', 'DESC']))
      ),
    'options'
  )

/**
 * `GetList/count/start/sortField/sortOrder`: the documented `ListAll/…` route does not exist on 4.98.8 (the server
 * answers it with an empty list), so paging goes through `GetList`, as the PHP library does. Trailing segments that
 * are not needed are left out; a count of 0 means "all".
 */
const listRoute = (o: KnowledgebaseCategoryListOptions): string => {
  const segments = [String(o.count ?? 0), String(o.start ?? 0), o.sortField ?? 'displayorder', o.sortOrder ?? 'ASC']
  const needed = o.sortOrder !== undefined ? 4 : o.sortField !== undefined ? 3 : o.start !== undefined ? 2 : 1
  return `${ROUTE}/GetList/${segments.slice(0, needed).map(segment).join('/')}`
}

/** Every category, by display order; with options, a page of them in the chosen order. */
export const all = (options?: KnowledgebaseCategoryListOptions): ClassicRequest<ReadonlyArray<KnowledgebaseCategory>> => {
  if (options === undefined) return getRequest('KnowledgebaseCategory.all', ROUTE, categories)
  const issues = checkListOptions(options)
  return getRequest('KnowledgebaseCategory.all', issues.length > 0 ? ROUTE : listRoute(options), categories, { issues })
}

/** One category; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<KnowledgebaseCategory>> =>
  getRequest('KnowledgebaseCategory.get', `${ROUTE}/${segment(id)}`, oneCategory, { issues: V.positiveInt('id', id) })

/** Creates a category: `POST /Knowledgebase/Category`; the answer is the category as stored. */
export const post = (input: NewKnowledgebaseCategory): ClassicRequest<KnowledgebaseCategory> => {
  const issues = checkFields(NEW_FIELDS, NEW_REQUIRED, input, groupRules)
  return postRequest('KnowledgebaseCategory.post', ROUTE, echoedCategory, { issues, form: V.whenValid(issues, () => phpForm(wireValues(NEW_FIELDS, input))) })
}

/** Changes category `id`: `PUT /Knowledgebase/Category/$id$`; the answer is the category as stored. */
export const put = (id: number, input: KnowledgebaseCategoryUpdate): ClassicRequest<KnowledgebaseCategory> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, NOTHING_REQUIRED, input))
  return putRequest('KnowledgebaseCategory.put', `${ROUTE}/${segment(id)}`, echoedCategory, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  })
}

/** Deletes a category with its sub-categories (their articles stay); an unknown id is a 400 `Invalid category id`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('KnowledgebaseCategory.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
