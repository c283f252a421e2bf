import { bool, int, nullableText, related, type Related, relatedList, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { brand, type Brand } from './brand'
import { caseField, type CaseField, type LocaleField, localeField } from './caseField'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** A case form (spec §3.2 case_form): the fields a case of that kind shows, per brand. */
export interface CaseForm extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly isVisibleToCustomers: boolean
  readonly customerTitle: string | null
  readonly customerTitles: ReadonlyArray<Related<LocaleField>>
  readonly description: string | null
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly isEnabled: boolean
  readonly isDefault: boolean
  readonly isDeleted: boolean
  readonly sortOrder: number
  readonly fields: ReadonlyArray<Related<CaseField>>
  readonly brand: Related<Brand> | null
}

export const caseForm: Decoder<unknown, CaseForm> = /*#__PURE__*/ struct('case_form', () => ({
  id: requiredInt('id'),
  title: text('title'),
  isVisibleToCustomers: bool('is_visible_to_customers'),
  customerTitle: nullableText('customer_title'),
  customerTitles: relatedList('customer_titles', localeField),
  description: nullableText('description'),
  descriptions: relatedList('descriptions', localeField),
  isEnabled: bool('is_enabled'),
  isDefault: bool('is_default'),
  isDeleted: bool('is_deleted'),
  sortOrder: int('sort_order'),
  fields: relatedList('fields', caseField),
  brand: related('brand', brand),
  ...stamps(),
  ...url()
}))
