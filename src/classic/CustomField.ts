/**
 * CustomField — custom field definitions (spec §2.16), read-only: the fields (`GET /Base/CustomField`), the options
 * of a select-like field (`GET /Base/CustomField/ListOptions/<id>`) and the groups (`GET /Base/CustomFieldGroup`,
 * 4.98.8). The server writes each item as an element whose attributes are the whole database row: every known
 * attribute is decoded, any other is kept in `extra` as `'@name'`.
 */
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { toCustomFieldType, type CustomFieldType } from './internal/customFieldTypes'
import { getRequest, segment, type ClassicRequest } from './internal/request'
import { attr, attrAs, attrBool, attrInt, many, mapField, requiredAttrInt, struct, type Extra, type XmlElement } from './internal/xml'

export {
  CustomFieldGroupType,
  CustomFieldType,
  customFieldTypeName,
  isCustomFieldType,
  type CustomFieldGroupTypeName,
  type CustomFieldTypeName
} from './internal/customFieldTypes'

/** A custom field definition as `GET /Base/CustomField` lists it. */
export interface CustomField {
  readonly id: number
  readonly customFieldGroupId: number
  readonly title: string
  /** 1 text … 11 file: see `CustomFieldType`. */
  readonly fieldType: CustomFieldType
  /** The generated name the values are posted under (`TicketCustomField.post`), e.g. `cn4ezfbjzyoj`. */
  readonly fieldName: string
  readonly defaultValue: string
  readonly isRequired: boolean
  readonly userEditable: boolean
  readonly staffEditable: boolean
  /** A PHP regular expression the value must match; '' for none. */
  readonly regexpValidate: string
  readonly displayOrder: number
  readonly encryptInDb: boolean
  readonly description: string
  /** The group's type (`CustomFieldGroupType`); null from servers before SWIFT-2557, which do not send it. */
  readonly groupType: number | null
  readonly extra: Extra
}

/** One option of a checkbox, radio, select, multi-select or linked-select field. */
export interface CustomFieldOption {
  readonly id: number
  readonly customFieldId: number
  readonly optionValue: string
  readonly displayOrder: number
  /** Selected by default. */
  readonly isSelected: boolean
  /** For the child options of a linked select: the parent option; 0 for a top-level option. */
  readonly parentCustomFieldOptionId: number
  readonly extra: Extra
}

/** A custom field group as `GET /Base/CustomFieldGroup` lists it. */
export interface CustomFieldGroup {
  readonly id: number
  readonly title: string
  /** See `CustomFieldGroupType`. */
  readonly groupType: number
  readonly displayOrder: number
  readonly extra: Extra
}

const customField: Decoder<XmlElement, CustomField> = /*#__PURE__*/ struct('customfield', {
  id: requiredAttrInt('customfieldid'),
  customFieldGroupId: attrInt('customfieldgroupid'),
  title: attr('title'),
  fieldType: attrAs('fieldtype', toCustomFieldType),
  fieldName: attr('fieldname'),
  defaultValue: attr('defaultvalue'),
  isRequired: attrBool('isrequired'),
  userEditable: attrBool('usereditable'),
  staffEditable: attrBool('staffeditable'),
  regexpValidate: attr('regexpvalidate'),
  displayOrder: attrInt('displayorder'),
  encryptInDb: attrBool('encryptindb'),
  description: attr('description'),
  // No group has type 0: a missing attribute reads as 0 and means "not sent".
  groupType: mapField(attrInt('grouptype'), (n) => (n === 0 ? null : n))
})

const customFieldOption: Decoder<XmlElement, CustomFieldOption> = /*#__PURE__*/ struct('option', {
  id: requiredAttrInt('customfieldoptionid'),
  customFieldId: attrInt('customfieldid'),
  optionValue: attr('optionvalue'),
  displayOrder: attrInt('displayorder'),
  isSelected: attrBool('isselected'),
  parentCustomFieldOptionId: attrInt('parentcustomfieldoptionid')
})

const customFieldGroup: Decoder<XmlElement, CustomFieldGroup> = /*#__PURE__*/ struct('customfieldgroup', {
  id: requiredAttrInt('customfieldgroupid'),
  title: attr('title'),
  groupType: attrInt('grouptype'),
  displayOrder: attrInt('displayorder')
})

const customFields = /*#__PURE__*/ many('customfields', 'customfield', customField)
const customFieldOptions = /*#__PURE__*/ many('customfieldoptions', 'option', customFieldOption)
const customFieldGroups = /*#__PURE__*/ many('customfieldgroups', 'customfieldgroup', customFieldGroup)

const ROUTE = '/Base/CustomField'

/** Every custom field definition, in display order. */
export const all = (): ClassicRequest<ReadonlyArray<CustomField>> => getRequest('CustomField.all', ROUTE, customFields)

/** The options of one field, in display order (none for fields without options or an unknown id). */
export const options = (customFieldId: number): ClassicRequest<ReadonlyArray<CustomFieldOption>> =>
  getRequest('CustomField.options', `${ROUTE}/ListOptions/${segment(customFieldId)}`, customFieldOptions, {
    issues: V.positiveInt('customFieldId', customFieldId)
  })

/**
 * Every custom field group in display order, or only those linked to a department: `GET /Base/CustomFieldGroup[/<id>]`
 * (4.98.8; the exact version that added it is not known).
 */
export const groups = (departmentId?: number): ClassicRequest<ReadonlyArray<CustomFieldGroup>> =>
  departmentId === undefined
    ? getRequest('CustomField.groups', '/Base/CustomFieldGroup', customFieldGroups)
    : getRequest('CustomField.groups', `/Base/CustomFieldGroup/${segment(departmentId)}`, customFieldGroups, {
        issues: V.positiveInt('departmentId', departmentId)
      })
