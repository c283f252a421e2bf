/**
 * CaseForm — `/cases/forms` (spec §3.1 cases area, §3.2 case_form): which fields a case of each kind shows. Unpaginated.
 */
import { caseForm, type CaseForm } from './internal/entities/caseForm'
import { getRequest, many, type V1Request } from './internal/request'
import { getById } from './internal/endpoints'

export type { CaseForm } from './internal/entities/caseForm'

const PATH = '/cases/forms'

/** Every case form (`GET /cases/forms`, unpaginated). */
export const all = (): V1Request<ReadonlyArray<CaseForm>> => getRequest('CaseForm.all', PATH, many(caseForm))

/** One case form with its fields (`GET /cases/forms/:id`). */
export const get = /*#__PURE__*/ getById('CaseForm.get', PATH, caseForm)

export { get as find }
