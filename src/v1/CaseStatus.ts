/**
 * CaseStatus — `/cases/statuses` (spec §3.2 case_status). Unpaginated: the answer has every status.
 */
import * as V from '../core/validate'
import { caseStatus, type CaseStatus } from './entities'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './request'

export type { CaseStatus, CaseStatusType } from './entities'

export interface NewCaseStatus {
  readonly label: string
  readonly isSlaActive?: boolean
  readonly sortOrder?: number
}

export type CaseStatusUpdate = Partial<NewCaseStatus>

const PATH = '/cases/statuses'

const checkFields = (input: CaseStatusUpdate): V.Issues =>
  V.issues(
    V.optional(input.label, (l) => V.nonBlank('label', l)),
    V.optional(input.isSlaActive, (b) => V.isBoolean('isSlaActive', b)),
    V.optional(input.sortOrder, (n) => V.nonNegativeInt('sortOrder', n))
  )

const body = (input: CaseStatusUpdate) => json({ label: input?.label, isSlaActive: input?.isSlaActive, sortOrder: input?.sortOrder })

export const all = (): V1Request<ReadonlyArray<CaseStatus>> => getRequest('CaseStatus.all', PATH, many(caseStatus))

export const get = (id: number): V1Request<CaseStatus> =>
  getRequest('CaseStatus.get', `${PATH}/${segment(id)}`, one(caseStatus), { issues: V.positiveInt('id', id) })

/** Creates a custom status (Admins and Owners). */
export const post = (input: NewCaseStatus): V1Request<CaseStatus> =>
  postRequest('CaseStatus.post', PATH, one(caseStatus), { issues: V.input(input, (i) => V.issues(V.nonBlank('label', i.label), checkFields(i))), body: body(input) })

export const put = (id: number, input: CaseStatusUpdate): V1Request<CaseStatus> =>
  putRequest('CaseStatus.put', `${PATH}/${segment(id)}`, one(caseStatus), { issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)), body: body(input) })

export { get as find, post as save, put as update }
