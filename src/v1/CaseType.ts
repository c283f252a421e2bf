/**
 * CaseType — `/cases/types` (spec §3.2 case_type). Unpaginated: the answer has every type.
 */
import * as V from '../core/validate'
import { caseType, type CaseType } from './entities'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './request'

export type { CaseType, CaseTypeType } from './entities'

export interface NewCaseType {
  readonly label: string
}

export type CaseTypeUpdate = Partial<NewCaseType>

const PATH = '/cases/types'

const checkFields = (input: CaseTypeUpdate): V.Issues => V.optional(input.label, (l) => V.nonBlank('label', l))

const body = (input: CaseTypeUpdate) => json({ label: input?.label })

export const all = (): V1Request<ReadonlyArray<CaseType>> => getRequest('CaseType.all', PATH, many(caseType))

export const get = (id: number): V1Request<CaseType> => getRequest('CaseType.get', `${PATH}/${segment(id)}`, one(caseType), { issues: V.positiveInt('id', id) })

export const post = (input: NewCaseType): V1Request<CaseType> =>
  postRequest('CaseType.post', PATH, one(caseType), { issues: V.input(input, (i) => V.issues(V.nonBlank('label', i.label), checkFields(i))), body: body(input) })

export const put = (id: number, input: CaseTypeUpdate): V1Request<CaseType> =>
  putRequest('CaseType.put', `${PATH}/${segment(id)}`, one(caseType), { issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)), body: body(input) })

export { get as find, post as save, put as update }
