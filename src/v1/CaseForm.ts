/**
 * CaseForm — `/cases/forms` (spec §3.1 cases area, §3.2 case_form): which fields a case of each kind shows. Unpaginated.
 */
import * as V from '../core/validate'
import { caseForm, type CaseForm } from './internal/entities/caseForm'
import { getRequest, many, one, segment, type V1Request } from './internal/request'

export type { CaseForm } from './internal/entities/caseForm'

const PATH = '/cases/forms'

export const all = (): V1Request<ReadonlyArray<CaseForm>> => getRequest('CaseForm.all', PATH, many(caseForm))

export const get = (id: number): V1Request<CaseForm> => getRequest('CaseForm.get', `${PATH}/${segment(id)}`, one(caseForm), { issues: V.positiveInt('id', id) })

export { get as find }
