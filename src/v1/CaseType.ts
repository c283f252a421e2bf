/**
 * CaseType — `/cases/types` (spec §3.2 case_type). Unpaginated: the answer has every type.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { caseType, type CaseType } from './internal/entities/caseType'
import { getRequest, many, type V1Request } from './internal/request'
import { create, getById, update } from './internal/endpoints'

export type { CaseType, CaseTypeType } from './internal/entities/caseType'

/** A new case type (`POST /cases/types`): its label. */
export interface NewCaseType {
  readonly label: string
}

/** The fields to change on a case type (`PUT /cases/types/:id`). */
export type CaseTypeUpdate = Partial<NewCaseType>

const PATH = '/cases/types'

/** Every field of a type's input types, described once: wire name and check. */
const FIELDS: Fields<NewCaseType, unknown> = {
  label: { wire: 'label', check: V.nonBlank }
}

const NEW_REQUIRED: RequiredFields<NewCaseType> = { label: true }

/** Every case type (`GET /cases/types`). */
export const all = (): V1Request<ReadonlyArray<CaseType>> => getRequest('CaseType.all', PATH, many(caseType))

/** One case type (`GET /cases/types/:id`). */
export const get = /*#__PURE__*/ getById('CaseType.get', PATH, caseType)

/** Creates a custom case type (201). */
export const post = /*#__PURE__*/ create<NewCaseType, CaseType>('CaseType.post', PATH, caseType, FIELDS, NEW_REQUIRED)

/** Renames a case type (`PUT /cases/types/:id`). */
export const put = /*#__PURE__*/ update<CaseTypeUpdate, CaseType>('CaseType.put', PATH, caseType, FIELDS)

export { get as find, post as save, put as update }
