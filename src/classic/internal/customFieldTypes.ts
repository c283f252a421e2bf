/**
 * Custom field types and group types, shared by the custom field definitions (`CustomField`) and the ticket's
 * custom field values (`TicketCustomField`). Numbers as the server sends them (`fieldtype`, `type`, `grouptype`),
 * with names (server `class.SWIFT_CustomField.php` l.63-73 and `class.SWIFT_CustomFieldGroup.php` l.51-61).
 */
import { failure, success, type Decoded } from '../../core/decoder'
import { toInt } from './xml'

/**
 * The type of a custom field:
 * 1 text, 2 text area, 3 password, 4 checkbox, 5 radio, 6 select, 7 multi-select, 8 custom, 9 linked select,
 * 10 date, 11 file.
 */
export const CustomFieldType = {
  text: 1,
  textArea: 2,
  password: 3,
  checkbox: 4,
  radio: 5,
  select: 6,
  multiSelect: 7,
  custom: 8,
  linkedSelect: 9,
  date: 10,
  file: 11
} as const

/** The name of a custom field type: `'text'` … `'file'`. */
export type CustomFieldTypeName = keyof typeof CustomFieldType
export type CustomFieldType = (typeof CustomFieldType)[CustomFieldTypeName]

const TYPE_NAMES: ReadonlyArray<CustomFieldTypeName> = [
  'text',
  'textArea',
  'password',
  'checkbox',
  'radio',
  'select',
  'multiSelect',
  'custom',
  'linkedSelect',
  'date',
  'file'
]

/** The name of a type: `customFieldTypeName(6)` → `'select'`. */
export const customFieldTypeName = (type: CustomFieldType): CustomFieldTypeName => TYPE_NAMES[type - 1] as CustomFieldTypeName

/** Whether a value is one of the eleven custom field types (1-11). */
export const isCustomFieldType = (value: unknown): value is CustomFieldType =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= TYPE_NAMES.length

/** Text → a type 1-11; anything else is a decode failure (the set is fixed in the server code). */
export const toCustomFieldType = (text: string): Decoded<CustomFieldType> => {
  const n = toInt(text)
  if (n._tag === 'Left') return n
  return isCustomFieldType(n.right) ? success(n.right) : failure(text, 'expected a custom field type from 1 to 11')
}

/**
 * Where a custom field group applies: 1 user, 2 user organization, 3 staff ticket, 4 user ticket, 5 time track,
 * 9 staff and user ticket, 10 live chat (pre), 11 live chat (post), 12 knowledgebase, 13 news, 14 troubleshooter.
 * Decoded as a plain number: a newer server may add types.
 */
export const CustomFieldGroupType = {
  user: 1,
  userOrganization: 2,
  staffTicket: 3,
  userTicket: 4,
  timeTrack: 5,
  staffUserTicket: 9,
  liveChatPre: 10,
  liveChatPost: 11,
  knowledgebase: 12,
  news: 13,
  troubleshooter: 14
} as const

/** The name of a custom field group type: `'user'` … `'troubleshooter'`. */
export type CustomFieldGroupTypeName = keyof typeof CustomFieldGroupType
