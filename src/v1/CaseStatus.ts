/**
 * CaseStatus — `/cases/statuses` (spec §3.2 case_status). Unpaginated: the answer has every status.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { caseStatus, type CaseStatus } from './internal/entities/caseStatus'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './internal/request'

export type { CaseStatus, CaseStatusType } from './internal/entities/caseStatus'

export interface NewCaseStatus {
  readonly label: string
  readonly isSlaActive?: boolean
  readonly sortOrder?: number
}

export type CaseStatusUpdate = Partial<NewCaseStatus>

const PATH = '/cases/statuses'

/** Every field of a status's input types, described once: wire name and check. */
const FIELDS: Fields<NewCaseStatus, unknown> = {
  label: { wire: 'label', check: V.nonBlank },
  isSlaActive: { wire: 'isSlaActive', check: V.isBoolean },
  sortOrder: { wire: 'sortOrder', check: V.nonNegativeInt }
}

const NEW_REQUIRED: RequiredFields<NewCaseStatus> = { label: true }

export const all = (): V1Request<ReadonlyArray<CaseStatus>> => getRequest('CaseStatus.all', PATH, many(caseStatus))

export const get = (id: number): V1Request<CaseStatus> =>
  getRequest('CaseStatus.get', `${PATH}/${segment(id)}`, one(caseStatus), { issues: V.positiveInt('id', id) })

/** Creates a custom status (Admins and Owners). */
export const post = (input: NewCaseStatus): V1Request<CaseStatus> =>
  postRequest('CaseStatus.post', PATH, one(caseStatus), { issues: checkFields(FIELDS, NEW_REQUIRED, input), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: CaseStatusUpdate): V1Request<CaseStatus> =>
  putRequest('CaseStatus.put', `${PATH}/${segment(id)}`, one(caseStatus), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

export { get as find, post as save, put as update }
