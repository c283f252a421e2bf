import { date, list, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'

/** A help-center category: the top level (categories hold sections, sections hold articles). */
export interface Category extends Timestamps, Resource {
  readonly id: number
  readonly titles: ReadonlyArray<Related<LocaleField>>
  readonly slugs: ReadonlyArray<Slug>
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly brand: Related<AnyResource> | null
  readonly displayOrder: number
}

export const category: Decoder<unknown, Category> = /*#__PURE__*/ record(
  'category',
  'id:I titles:1 slugs:2 descriptions:1 brand:3 displayOrder:i createdAt:0 updatedAt:0 resourceUrl',
  () => [date, relatedList(localeField), list(slug), related(anyResource)]
)
