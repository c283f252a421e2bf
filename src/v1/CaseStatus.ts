/**
 * CaseStatus — `/cases/statuses` (spec §3.2 case_status). Unpaginated: the answer has every status.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { caseStatus, type CaseStatus } from './internal/entities/caseStatus'
import { getRequest, many, type V1Request } from './internal/request'
import { create, getById, update } from './internal/endpoints'

export type { CaseStatus, CaseStatusType } from './internal/entities/caseStatus'

/** A new case status (`POST /cases/statuses`): its label, whether the SLA clock runs in it, its place in lists. */
export interface NewCaseStatus {
  readonly label: string
  readonly isSlaActive?: boolean
  readonly sortOrder?: number
}

/** The fields to change on a status (`PUT /cases/statuses/:id`). */
export type CaseStatusUpdate = Partial<NewCaseStatus>

const PATH = '/cases/statuses'

/** Every field of a status's input types, described once: wire name and check. */
const FIELDS: Fields<NewCaseStatus, unknown> = {
  label: { wire: 'label', check: V.nonBlank },
  isSlaActive: { wire: 'isSlaActive', check: V.isBoolean },
  sortOrder: { wire: 'sortOrder', check: V.nonNegativeInt }
}

const NEW_REQUIRED: RequiredFields<NewCaseStatus> = { label: true }

/** Every case status, built-in and custom (`GET /cases/statuses`). */
export const all = (): V1Request<ReadonlyArray<CaseStatus>> => getRequest('CaseStatus.all', PATH, many(caseStatus))

/** One case status (`GET /cases/statuses/:id`). */
export const get = /*#__PURE__*/ getById('CaseStatus.get', PATH, caseStatus)

/** Creates a custom status (Admins and Owners). */
export const post = /*#__PURE__*/ create<NewCaseStatus, CaseStatus>('CaseStatus.post', PATH, caseStatus, FIELDS, NEW_REQUIRED)

/** Changes a case status (`PUT /cases/statuses/:id`). */
export const put = /*#__PURE__*/ update<CaseStatusUpdate, CaseStatus>('CaseStatus.put', PATH, caseStatus, FIELDS)

export { get as find, post as save, put as update }
