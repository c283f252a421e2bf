import { date, type Extra, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import type { Resource, Timestamps } from './resource'

/**
 * One translation of a help-center text (`/locale/fields/:id`): an article's title or contents, a section's or
 * category's title or description. Included with `include=locale_field` (or `*`); a reference otherwise.
 */
export interface LocaleField extends Timestamps, Resource {
  readonly id: number | string | null
  /** A locale code such as `en-us`. */
  readonly locale: string | null
  /** `null` when the text has not been translated into this locale. */
  readonly translation: string | null
}

export const localeField: Decoder<unknown, LocaleField> = /*#__PURE__*/ record(
  'locale_field',
  'id:x locale translation createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)

/** The URL slug of a help-center resource in one locale (no id: always inline). */
export interface Slug {
  readonly locale: string | null
  readonly translation: string | null
  readonly extra: Extra
}

export const slug: Decoder<unknown, Slug> = /*#__PURE__*/ record('slug', 'locale translation')
