import { bool, nullableText, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { localeCode } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'

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

export const brand: Decoder<unknown, Brand> = /*#__PURE__*/ struct('brand', () => ({
  id: requiredInt('id'),
  name: text('name'),
  url: nullableText('url'),
  subDomain: nullableText('sub_domain'),
  domain: nullableText('domain'),
  alias: nullableText('alias'),
  locale: localeCode('locale'),
  isEnabled: bool('is_enabled'),
  isDefault: bool('is_default'),
  isSslEnabled: bool('is_ssl_enabled'),
  ...stamps(),
  ...url()
}))
