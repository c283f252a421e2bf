/**
 * UserField — `/users/fields` (spec §3.1 users area): custom user field definitions and their options. Unpaginated.
 */
import * as V from '../core/validate'
import { fieldOption, userField, type FieldOption, type UserField } from './internal/entities/caseField'
import { getRequest, many, segment, type V1Request } from './internal/request'
import { getById } from './internal/endpoints'

export type { CaseFieldType as UserFieldType, FieldOption, LocaleField, UserField } from './internal/entities/caseField'

const PATH = '/users/fields'

/** Every custom user field (`GET /users/fields`, unpaginated). */
export const all = (): V1Request<ReadonlyArray<UserField>> => getRequest('UserField.all', PATH, many(userField))

/** One custom user field (`GET /users/fields/:id`). */
export const get = /*#__PURE__*/ getById('UserField.get', PATH, userField)

/** The options of a select, radio, checkbox or cascading-select field, in their sort order. */
export const options = (fieldId: number): V1Request<ReadonlyArray<FieldOption>> =>
  getRequest('UserField.options', `${PATH}/${segment(fieldId)}/options`, many(fieldOption), { issues: V.positiveInt('fieldId', fieldId) })

export { get as find }
