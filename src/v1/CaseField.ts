/**
 * CaseField — `/cases/fields` (spec §3.2 case_field): custom case field definitions. Unpaginated.
 */
import { caseField, type CaseField } from './internal/entities/caseField'
import { getRequest, many, type V1Request } from './internal/request'
import { deleteById, getById } from './internal/endpoints'

export type { CaseField, CaseFieldType, CustomFieldValue, FieldOption, LocaleField } from './internal/entities/caseField'

const PATH = '/cases/fields'

export const all = (): V1Request<ReadonlyArray<CaseField>> => getRequest('CaseField.all', PATH, many(caseField))

export const get = /*#__PURE__*/ getById('CaseField.get', PATH, caseField)

const del = /*#__PURE__*/ deleteById('CaseField.delete', PATH)

export { del as delete, get as find, del as destroy }
