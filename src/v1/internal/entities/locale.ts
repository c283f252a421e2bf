import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, type Timestamps } from './resource'

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

export const locale: Decoder<unknown, Locale> = /*#__PURE__*/ record(
  'locale',
  'id:I locale:t name:t nativeName region nativeRegion script variant direction isPublic:b isLocalised:b ' + 'createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)
