import { date, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { brand, type Brand } from './brand'
import { caseField, type CaseField, type LocaleField, localeField } from './caseField'
import { type Resource, type Timestamps } from './resource'

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

export const caseForm: Decoder<unknown, CaseForm> = /*#__PURE__*/ record(
  'case_form',
  'id:I title:t isVisibleToCustomers:b customerTitle customerTitles:1 description descriptions:1 isEnabled:b ' +
    'isDefault:b isDeleted:b sortOrder:i fields:2 brand:3 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, relatedList(localeField), relatedList(caseField), related(brand)]
)
