import { bool, nullableText, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** A language the instance knows (`/locales`), public in the help center or not. */
export interface Locale extends Timestamps, Resource {
  readonly id: number
  /** The code (`en-us`, `sr`): what a locale field's `locale` names. */
  readonly locale: string
  readonly name: string
  readonly nativeName: string | null
  readonly region: string | null
  readonly nativeRegion: string | null
  readonly script: string | null
  readonly variant: string | null
  /** `ltr` or `rtl`. */
  readonly direction: string | null
  readonly isPublic: boolean
  readonly isLocalised: boolean
}

export const locale: Decoder<unknown, Locale> = /*#__PURE__*/ struct('locale', () => ({
  id: requiredInt('id'),
  locale: text('locale'),
  name: text('name'),
  nativeName: nullableText('native_name'),
  region: nullableText('region'),
  nativeRegion: nullableText('native_region'),
  script: nullableText('script'),
  variant: nullableText('variant'),
  direction: nullableText('direction'),
  isPublic: bool('is_public'),
  isLocalised: bool('is_localised'),
  ...stamps(),
  ...url()
}))
