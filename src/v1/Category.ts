/**
 * Category — `/categories`, the top level of the help center. Titles and descriptions are locale fields: fetch with
 * `include: ['localeField']` and read them with `localiseHeading` (from `kayako-fp/v1`).
 */
import { type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { category, type Category } from './internal/entities/category'
import { checkInclude, checkTranslations, including, translations, type Include, type Translation } from './internal/helpcenter'
import { checkOffset, getRequest, offsetQuery, one, page, segment, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'
import { create, update } from './internal/endpoints'

export type { Category } from './internal/entities/category'
export type { Include, Translation } from './internal/helpcenter'

/** The filters of `GET /categories`, with offset paging. */
export interface CategoryListArgs extends OffsetArgs {
  /** Categories of this brand only. */
  readonly brandId?: number
  readonly include?: Include
}

/** A new help-center category (`POST /categories`): its title in one or more locales, and its brand. */
export interface NewCategory {
  readonly titles: ReadonlyArray<Translation>
  readonly descriptions?: ReadonlyArray<Translation>
  readonly brandId?: number
}

/** The fields to change on a category (`PUT /categories/:id`); those left out keep their value. */
export type CategoryUpdate = Partial<NewCategory>

const PATH = '/categories'

const FIELDS: Fields<NewCategory, unknown> = {
  titles: { wire: 'titles', check: checkTranslations, encode: translations },
  descriptions: { wire: 'descriptions', check: checkTranslations, encode: translations },
  brandId: { wire: 'brandId', check: V.positiveInt }
}

const NEW_REQUIRED: RequiredFields<NewCategory> = { titles: true }

type OwnListArgs = Omit<CategoryListArgs, 'include'>

const LIST_FIELDS: ListFields<OwnListArgs> = {
  brandId: { wire: 'brandId', check: V.positiveInt }
}

const includeIssues = (include: unknown): V.Issues => (include === undefined ? [] : checkInclude('include', include))

/** One page of categories (`GET /categories`), of one brand if given; `include` brings their texts along. */
export const all = (args: CategoryListArgs = {}): V1Request<Page<Category>> =>
  including(
    args?.include,
    getRequest('Category.all', PATH, page(category), {
      query: offsetQuery<OwnListArgs>(args, LIST_FIELDS),
      issues: V.issues(checkOffset<OwnListArgs>(args, LIST_FIELDS), includeIssues((args as { include?: unknown } | null)?.include))
    })
  )

/** One category (`GET /categories/:id`); `include: ['localeField']` brings its title and description along. */
export const get = (id: number, include?: Include): V1Request<Category> =>
  including(include, getRequest('Category.get', `${PATH}/${segment(id)}`, one(category), { issues: V.issues(V.positiveInt('id', id), includeIssues(include)) }))

/** Creates a category (201). */
export const post = /*#__PURE__*/ create<NewCategory, Category>('Category.post', PATH, category, FIELDS, NEW_REQUIRED)

/** Changes a category (`PUT /categories/:id`). */
export const put = /*#__PURE__*/ update<CategoryUpdate, Category>('Category.put', PATH, category, FIELDS)

export { get as find, post as save, put as update }
