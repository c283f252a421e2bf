/**
 * CaseType — `/cases/types` (spec §3.2 case_type). Unpaginated: the answer has every type.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { caseType, type CaseType } from './internal/entities/caseType'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './internal/request'

export type { CaseType, CaseTypeType } from './internal/entities/caseType'

export interface NewCaseType {
  readonly label: string
}

export type CaseTypeUpdate = Partial<NewCaseType>

const PATH = '/cases/types'

/** Every field of a type's input types, described once: wire name and check. */
const FIELDS: Fields<NewCaseType, unknown> = {
  label: { wire: 'label', check: V.nonBlank }
}

const NEW_REQUIRED: RequiredFields<NewCaseType> = { label: true }

export const all = (): V1Request<ReadonlyArray<CaseType>> => getRequest('CaseType.all', PATH, many(caseType))

export const get = (id: number): V1Request<CaseType> => getRequest('CaseType.get', `${PATH}/${segment(id)}`, one(caseType), { issues: V.positiveInt('id', id) })

export const post = (input: NewCaseType): V1Request<CaseType> =>
  postRequest('CaseType.post', PATH, one(caseType), { issues: checkFields(FIELDS, NEW_REQUIRED, input), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: CaseTypeUpdate): V1Request<CaseType> =>
  putRequest('CaseType.put', `${PATH}/${segment(id)}`, one(caseType), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

export { get as find, post as save, put as update }
