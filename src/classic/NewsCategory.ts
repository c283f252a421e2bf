/**
 * NewsCategory — `/News/Category` (spec kb-news-troubleshooter §3.1).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { first, int, list, literal, requiredInt, single, struct, text, type Extra, type XmlElement } from './xml'

export type NewsCategoryVisibility = 'public' | 'private'
export const NEWS_CATEGORY_VISIBILITIES: ReadonlyArray<NewsCategoryVisibility> = ['public', 'private']

export interface NewsCategory {
  readonly id: number
  readonly title: string
  /** Stored, recounted on news writes only while the category still has items: it never drops back to 0. */
  readonly newsItemCount: number
  readonly visibilityType: NewsCategoryVisibility
  readonly extra: Extra
}

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

const categories = /*#__PURE__*/ list('newscategories', 'newscategory', category)
const oneCategory = /*#__PURE__*/ first(categories)
const echoedCategory = /*#__PURE__*/ single(categories)

const ROUTE = '/News/Category'

// The server maps any value other than `public` to private, so a typo would silently hide a category.
const checkVisibility = (value: unknown): V.Issues => V.oneOf('visibilityType', value, NEWS_CATEGORY_VISIBILITIES)

/** Every news category. */
export const all = (): ClassicRequest<ReadonlyArray<NewsCategory>> => getRequest('NewsCategory.all', ROUTE, categories)

/** One category; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<NewsCategory>> =>
  getRequest('NewsCategory.get', `${ROUTE}/${segment(id)}`, oneCategory, { issues: V.positiveInt('id', id) })

export const post = (input: NewNewsCategory): ClassicRequest<NewsCategory> => {
  const issues = V.input(input, (i) => V.issues(V.nonBlank('title', i.title), checkVisibility(i.visibilityType)))
  return postRequest('NewsCategory.post', ROUTE, echoedCategory, {
    issues,
    form: V.whenValid(issues, () => phpForm({ title: input.title, visibilitytype: input.visibilityType }))
  })
}

export const put = (id: number, input: NewsCategoryUpdate): ClassicRequest<NewsCategory> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) => V.issues(V.optional(i.title, (t) => V.nonBlank('title', t)), V.optional(i.visibilityType, checkVisibility)))
  )
  return putRequest('NewsCategory.put', `${ROUTE}/${segment(id)}`, echoedCategory, {
    issues,
    form: V.whenValid(issues, () => phpForm({ title: input.title, visibilitytype: input.visibilityType }))
  })
}

/** Deletes a category (its news items stay); an unknown id is a 400 `Invalid category ID`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('NewsCategory.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
