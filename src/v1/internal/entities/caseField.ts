import { date, type Extra, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { anyResource, type Resource, type Shallow, type Timestamps } from './resource'

/** One translation of a text (a title, a description, an option's value): `translation` in `locale`. */
export interface LocaleField {
  readonly id: number | string | null
  readonly locale: string | null
  readonly translation: string | null
  readonly extra: Extra
}

export const localeField: Decoder<unknown, LocaleField> = /*#__PURE__*/ record('locale_field', 'id:x locale translation')

/** A choice of a RADIO, SELECT, CHECKBOX or CASCADINGSELECT field: its value in each locale and its tag. */
export interface FieldOption extends Timestamps {
  readonly id: number | string | null
  readonly fielduuid: string | null
  readonly values: ReadonlyArray<Related<LocaleField>>
  readonly tag: string | null
  readonly sortOrder: number
  readonly extra: Extra
}

export const fieldOption: Decoder<unknown, FieldOption> = /*#__PURE__*/ record(
  'field_option',
  'id:x fielduuid values:1 tag sortOrder:i createdAt:0 updatedAt:0',
  () => [date, relatedList(localeField)]
)

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
const DEFINITION =
  'id:I fielduuid title:t type key isRequiredForAgents:b isRequiredOnResolution:b isVisibleToCustomers:b customerTitles:1 ' +
  'isCustomerEditable:b isRequiredForCustomers:b descriptions:1 regularExpression sortOrder:i isEnabled:b isSystem:b options:2 ' +
  'createdAt:0 updatedAt:0 resourceUrl'
const definitionRefs = () => [date, relatedList(localeField), relatedList(fieldOption)]

export const caseField: Decoder<unknown, CaseField> = /*#__PURE__*/ record('case_field', DEFINITION, definitionRefs)

/** A user custom field definition (`/users/fields`): the shape of a case field. */
export type UserField = CaseField

export const userField: Decoder<unknown, UserField> = /*#__PURE__*/ record('user_field', DEFINITION, definitionRefs)

/** An organization custom field definition (`/organizations/fields`): the shape of a case field. */
export type OrganizationField = CaseField

export const organizationField: Decoder<unknown, OrganizationField> = /*#__PURE__*/ record('organization_field', DEFINITION, definitionRefs)

/** A custom field's value on a user, organization or case. */
export interface CustomFieldValue {
  readonly field: Related<CaseField> | null
  readonly value: string | null
  readonly extra: Extra
}

export const customFieldValue: Decoder<unknown, CustomFieldValue> = /*#__PURE__*/ record('case_field_value', 'field:0 value', () => [related(caseField)])

/** A custom field's value with its field decoded generically (see `Shallow`). */
export const shallowCustomFieldValue: Decoder<unknown, Shallow<CustomFieldValue>> = /*#__PURE__*/ record('case_field_value', 'field:0 value', () => [
  related(anyResource)
])
