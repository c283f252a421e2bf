/**
 * CasePriority — `/cases/priorities` (spec §3.2 case_priority). Unpaginated: the answer has every priority.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { casePriority, type CasePriority } from './internal/entities/casePriority'
import { getRequest, many, type V1Request } from './internal/request'
import { create, getById, update } from './internal/endpoints'

export type { CasePriority } from './internal/entities/casePriority'

/** A new case priority (`POST /cases/priorities`): its label, and its level (higher is more urgent). */
export interface NewCasePriority {
  readonly label: string
  readonly level?: number
}

/** The fields to change on a priority (`PUT /cases/priorities/:id`). */
export type CasePriorityUpdate = Partial<NewCasePriority>

const PATH = '/cases/priorities'

/** Every field of a priority's input types, described once: wire name and check. */
const FIELDS: Fields<NewCasePriority, unknown> = {
  label: { wire: 'label', check: V.nonBlank },
  level: { wire: 'level', check: V.nonNegativeInt }
}

const NEW_REQUIRED: RequiredFields<NewCasePriority> = { label: true }

/** Every case priority (`GET /cases/priorities`). */
export const all = (): V1Request<ReadonlyArray<CasePriority>> => getRequest('CasePriority.all', PATH, many(casePriority))

/** One case priority (`GET /cases/priorities/:id`). */
export const get = /*#__PURE__*/ getById('CasePriority.get', PATH, casePriority)

/** Creates a case priority (201). */
export const post = /*#__PURE__*/ create<NewCasePriority, CasePriority>('CasePriority.post', PATH, casePriority, FIELDS, NEW_REQUIRED)

/** Changes a case priority's label or level (`PUT /cases/priorities/:id`). */
export const put = /*#__PURE__*/ update<CasePriorityUpdate, CasePriority>('CasePriority.put', PATH, casePriority, FIELDS)

export { get as find, post as save, put as update }
