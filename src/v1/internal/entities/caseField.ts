import { bool, type Extra, id, int, literal, nullableText, related, type Related, relatedList, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** One translation of a text (a title, a description, an option's value): `translation` in `locale`. */
export interface LocaleField {
  readonly id: number | string | null
  readonly locale: string | null
  readonly translation: string | null
  readonly extra: Extra
}

export const localeField: Decoder<unknown, LocaleField> = /*#__PURE__*/ struct('locale_field', () => ({
  id: id('id'),
  locale: nullableText('locale'),
  translation: nullableText('translation')
}))

/** A choice of a RADIO, SELECT, CHECKBOX or CASCADINGSELECT field: its value in each locale and its tag. */
export interface FieldOption extends Timestamps {
  readonly id: number | string | null
  readonly fielduuid: string | null
  readonly values: ReadonlyArray<Related<LocaleField>>
  readonly tag: string | null
  readonly sortOrder: number
  readonly extra: Extra
}

export const fieldOption: Decoder<unknown, FieldOption> = /*#__PURE__*/ struct('field_option', () => ({
  id: id('id'),
  fielduuid: nullableText('fielduuid'),
  values: relatedList('values', localeField),
  tag: nullableText('tag'),
  sortOrder: int('sort_order'),
  ...stamps()
}))

/** A case field's type: the system fields (SUBJECT … ASSIGNEE), then the kinds of custom field. */
export type CaseFieldType =
  | 'SUBJECT'
  | 'MESSAGE'
  | 'PRIORITY'
  | 'STATUS'
  | 'TYPE'
  | 'TEAM'
  | 'ASSIGNEE'
  | 'TEXT'
  | 'TEXTAREA'
  | 'CHECKBOX'
  | 'RADIO'
  | 'SELECT'
  | 'DATE'
  | 'FILE'
  | 'NUMERIC'
  | 'DECIMAL'
  | 'YESNO'
  | 'CASCADINGSELECT'
  | 'REGEX'

/** A custom field definition (case fields; user and organization fields have the same shape). */
export interface CaseField extends Timestamps, Resource {
  readonly id: number
  readonly fielduuid: string | null
  readonly title: string
  readonly type: CaseFieldType | null
  readonly key: string | null
  readonly isRequiredForAgents: boolean
  readonly isRequiredOnResolution: boolean
  readonly isVisibleToCustomers: boolean
  readonly customerTitles: ReadonlyArray<Related<LocaleField>>
  readonly isCustomerEditable: boolean
  readonly isRequiredForCustomers: boolean
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly regularExpression: string | null
  readonly sortOrder: number
  readonly isEnabled: boolean
  readonly isSystem: boolean
  readonly options: ReadonlyArray<Related<FieldOption>>
}

/** The fields of a custom field definition: case, user and organization fields share them. */
const definition = () => ({
  id: requiredInt('id'),
  fielduuid: nullableText('fielduuid'),
  title: text('title'),
  type: literal<CaseFieldType>('type'),
  key: nullableText('key'),
  isRequiredForAgents: bool('is_required_for_agents'),
  isRequiredOnResolution: bool('is_required_on_resolution'),
  isVisibleToCustomers: bool('is_visible_to_customers'),
  customerTitles: relatedList('customer_titles', localeField),
  isCustomerEditable: bool('is_customer_editable'),
  isRequiredForCustomers: bool('is_required_for_customers'),
  descriptions: relatedList('descriptions', localeField),
  regularExpression: nullableText('regular_expression'),
  sortOrder: int('sort_order'),
  isEnabled: bool('is_enabled'),
  isSystem: bool('is_system'),
  options: relatedList('options', fieldOption),
  ...stamps(),
  ...url()
})

export const caseField: Decoder<unknown, CaseField> = /*#__PURE__*/ struct('case_field', definition)

/** A user custom field definition (`/users/fields`): the shape of a case field. */
export type UserField = CaseField

export const userField: Decoder<unknown, UserField> = /*#__PURE__*/ struct('user_field', definition)

/** An organization custom field definition (`/organizations/fields`): the shape of a case field. */
export type OrganizationField = CaseField

export const organizationField: Decoder<unknown, OrganizationField> = /*#__PURE__*/ struct('organization_field', definition)

/** A custom field's value on a user, organization or case. */
export interface CustomFieldValue {
  readonly field: Related<CaseField> | null
  readonly value: string | null
  readonly extra: Extra
}

export const customFieldValue: Decoder<unknown, CustomFieldValue> = /*#__PURE__*/ struct('case_field_value', () => ({
  field: related('field', caseField),
  value: nullableText('value')
}))
