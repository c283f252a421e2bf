/**
 * CaseField — `/cases/fields` (spec §3.2 case_field): custom case field definitions. Unpaginated.
 */
import * as V from '../core/validate'
import { deleteById, getById } from './internal/endpoints'
import { caseField, fieldOption, type CaseField, type FieldOption } from './internal/entities/caseField'
import { getRequest, many, segment, type V1Request } from './internal/request'

export type { CaseField, CaseFieldType, CustomFieldValue, FieldOption, LocaleField } from './internal/entities/caseField'

const PATH = '/cases/fields'

/** Every case field, system and custom, with its options (`GET /cases/fields`, unpaginated). */
export const all = (): V1Request<ReadonlyArray<CaseField>> => getRequest('CaseField.all', PATH, many(caseField))

/** One case field (`GET /cases/fields/:id`). */
export const get = /*#__PURE__*/ getById('CaseField.get', PATH, caseField)

/** The options of a select, radio, checkbox or cascading-select field, in their sort order. */
export const options = (fieldId: number): V1Request<ReadonlyArray<FieldOption>> =>
  getRequest('CaseField.options', `${PATH}/${segment(fieldId)}/options`, many(fieldOption), { issues: V.positiveInt('fieldId', fieldId) })

/** Deletes a custom case field (`DELETE /cases/fields/:id`). */
const del = /*#__PURE__*/ deleteById('CaseField.delete', PATH)

export { del as delete, get as find, del as destroy }
