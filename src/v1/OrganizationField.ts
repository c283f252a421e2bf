/**
 * OrganizationField — `/organizations/fields` (spec §3.1 users area): custom organization field definitions and their options. Unpaginated.
 */
import * as V from '../core/validate'
import { fieldOption, organizationField, type FieldOption, type OrganizationField } from './internal/entities/caseField'
import { getRequest, many, segment, type V1Request } from './internal/request'
import { getById } from './internal/endpoints'

export type { CaseFieldType as OrganizationFieldType, FieldOption, LocaleField, OrganizationField } from './internal/entities/caseField'

const PATH = '/organizations/fields'

/** Every custom organization field (`GET /organizations/fields`, unpaginated). */
export const all = (): V1Request<ReadonlyArray<OrganizationField>> => getRequest('OrganizationField.all', PATH, many(organizationField))

/** One custom organization field (`GET /organizations/fields/:id`). */
export const get = /*#__PURE__*/ getById('OrganizationField.get', PATH, organizationField)

/** The options of a select, radio, checkbox or cascading-select field, in their sort order. */
export const options = (fieldId: number): V1Request<ReadonlyArray<FieldOption>> =>
  getRequest('OrganizationField.options', `${PATH}/${segment(fieldId)}/options`, many(fieldOption), { issues: V.positiveInt('fieldId', fieldId) })

export { get as find }
