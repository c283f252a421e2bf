import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { localeCode } from './people'
import type { Resource, Timestamps } from './resource'

/** A brand (`/brands`): a help center with its own domain and default locale. Fields follow Kayako's agent app. */
export interface Brand extends Timestamps, Resource {
  readonly id: number
  readonly name: string
  readonly url: string | null
  readonly subDomain: string | null
  readonly domain: string | null
  readonly alias: string | null
  /** A locale code such as `en-us` (a string or a locale object on the wire). */
  readonly locale: string | null
  readonly isEnabled: boolean
  readonly isDefault: boolean
  readonly isSslEnabled: boolean
}

export const brand: Decoder<unknown, Brand> = /*#__PURE__*/ record(
  'brand',
  'id:I name:t url subDomain domain alias locale:1 isEnabled:b isDefault:b isSslEnabled:b createdAt:0 ' + 'updatedAt:0 resourceUrl',
  () => [date, localeCode]
)
