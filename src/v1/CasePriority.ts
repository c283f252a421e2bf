/**
 * CasePriority — `/cases/priorities` (spec §3.2 case_priority). Unpaginated: the answer has every priority.
 */
import * as V from '../core/validate'
import { casePriority, type CasePriority } from './entities'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './request'

export type { CasePriority } from './entities'

export interface NewCasePriority {
  readonly label: string
  readonly level?: number
}

export type CasePriorityUpdate = Partial<NewCasePriority>

const PATH = '/cases/priorities'

const checkFields = (input: CasePriorityUpdate): V.Issues =>
  V.issues(V.optional(input.label, (l) => V.nonBlank('label', l)), V.optional(input.level, (n) => V.nonNegativeInt('level', n)))

const body = (input: CasePriorityUpdate) => json({ label: input?.label, level: input?.level })

export const all = (): V1Request<ReadonlyArray<CasePriority>> => getRequest('CasePriority.all', PATH, many(casePriority))

export const get = (id: number): V1Request<CasePriority> =>
  getRequest('CasePriority.get', `${PATH}/${segment(id)}`, one(casePriority), { issues: V.positiveInt('id', id) })

export const post = (input: NewCasePriority): V1Request<CasePriority> =>
  postRequest('CasePriority.post', PATH, one(casePriority), { issues: V.input(input, (i) => V.issues(V.nonBlank('label', i.label), checkFields(i))), body: body(input) })

export const put = (id: number, input: CasePriorityUpdate): V1Request<CasePriority> =>
  putRequest('CasePriority.put', `${PATH}/${segment(id)}`, one(casePriority), { issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)), body: body(input) })

export { get as find, post as save, put as update }
