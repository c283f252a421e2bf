import { int, list, related, type Related, relatedList, requiredInt, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { anyResource, type AnyResource, type Resource, stamps, type Timestamps, url } from './resource'

/** A help-center category: the top level (categories hold sections, sections hold articles). */
export interface Category extends Timestamps, Resource {
  readonly id: number
  readonly titles: ReadonlyArray<Related<LocaleField>>
  readonly slugs: ReadonlyArray<Slug>
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly brand: Related<AnyResource> | null
  readonly displayOrder: number
}

export const category: Decoder<unknown, Category> = /*#__PURE__*/ struct('category', () => ({
  id: requiredInt('id'),
  titles: relatedList('titles', localeField),
  slugs: list('slugs', slug),
  descriptions: relatedList('descriptions', localeField),
  brand: related('brand', anyResource),
  displayOrder: int('display_order'),
  ...stamps(),
  ...url()
}))
