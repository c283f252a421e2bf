/**
 * NewsCategory — `/News/Category` (spec kb-news-troubleshooter §3.1).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { first, int, literal, many, one, requiredInt, struct, text, type Extra, type XmlElement } from './internal/xml'

/** Who sees a news category: everyone (`public`) or staff only (`private`). */
export type NewsCategoryVisibility = 'public' | 'private'
/** Every `NewsCategoryVisibility`. */
export const NEWS_CATEGORY_VISIBILITIES: ReadonlyArray<NewsCategoryVisibility> = ['public', 'private']

/** A news category as `GET /News/Category` answers it. */
export interface NewsCategory {
  readonly id: number
  readonly title: string
  /** Stored, recounted on news writes only while the category still has items: it never drops back to 0. */
  readonly newsItemCount: number
  readonly visibilityType: NewsCategoryVisibility
  readonly extra: Extra
}

/** The fields of a new news category, for {@link post}. */
export interface NewNewsCategory {
  readonly title: string
  readonly visibilityType: NewsCategoryVisibility
}

/** Omitted fields keep their values. */
export interface NewsCategoryUpdate {
  readonly title?: string
  readonly visibilityType?: NewsCategoryVisibility
}

const category: Decoder<XmlElement, NewsCategory> = /*#__PURE__*/ struct('newscategory', {
  id: requiredInt('id'),
  title: text('title'),
  newsItemCount: int('newsitemcount'),
  visibilityType: literal('visibilitytype', NEWS_CATEGORY_VISIBILITIES)
})

const categories = /*#__PURE__*/ many('newscategories', 'newscategory', category)
const oneCategory = /*#__PURE__*/ first(categories)
const echoedCategory = /*#__PURE__*/ one(categories)

const ROUTE = '/News/Category'

// The server maps any value other than `public` to private, so a typo would silently hide a category.
/** Every field of a news category's input types, described once: wire name and check. */
const FIELDS: Fields<NewNewsCategory & NewsCategoryUpdate, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  visibilityType: { wire: 'visibilitytype', check: (path, value) => V.oneOf(path, value, NEWS_CATEGORY_VISIBILITIES) }
}

const NEW_REQUIRED: RequiredFields<NewNewsCategory> = { title: true, visibilityType: true }
const UPDATE_REQUIRED = NOTHING_REQUIRED

/** Every news category. */
export const all = (): ClassicRequest<ReadonlyArray<NewsCategory>> => getRequest('NewsCategory.all', ROUTE, categories)

/** One category; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<NewsCategory>> =>
  getRequest('NewsCategory.get', `${ROUTE}/${segment(id)}`, oneCategory, { issues: V.positiveInt('id', id) })

/** Creates a news category: `POST /News/Category`; the answer is the category as stored. */
export const post = (input: NewNewsCategory): ClassicRequest<NewsCategory> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  return postRequest('NewsCategory.post', ROUTE, echoedCategory, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes news category `id`: `PUT /News/Category/$id$`; the answer is the category as stored. */
export const put = (id: number, input: NewsCategoryUpdate): ClassicRequest<NewsCategory> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input))
  return putRequest('NewsCategory.put', `${ROUTE}/${segment(id)}`, echoedCategory, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input)))
  })
}

/** Deletes a news category and its links to news items (the items stay); an unknown id is a 400 `Invalid category ID`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('NewsCategory.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
