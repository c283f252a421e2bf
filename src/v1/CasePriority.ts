/**
 * CasePriority — `/cases/priorities` (spec §3.2 case_priority). Unpaginated: the answer has every priority.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { casePriority, type CasePriority } from './internal/entities/casePriority'
import { getRequest, json, many, one, postRequest, putRequest, segment, type V1Request } from './internal/request'

export type { CasePriority } from './internal/entities/casePriority'

export interface NewCasePriority {
  readonly label: string
  readonly level?: number
}

export type CasePriorityUpdate = Partial<NewCasePriority>

const PATH = '/cases/priorities'

/** Every field of a priority's input types, described once: wire name and check. */
const FIELDS: Fields<NewCasePriority, unknown> = {
  label: { wire: 'label', check: V.nonBlank },
  level: { wire: 'level', check: V.nonNegativeInt }
}

const NEW_REQUIRED: RequiredFields<NewCasePriority> = { label: true }

export const all = (): V1Request<ReadonlyArray<CasePriority>> => getRequest('CasePriority.all', PATH, many(casePriority))

export const get = (id: number): V1Request<CasePriority> =>
  getRequest('CasePriority.get', `${PATH}/${segment(id)}`, one(casePriority), { issues: V.positiveInt('id', id) })

export const post = (input: NewCasePriority): V1Request<CasePriority> =>
  postRequest('CasePriority.post', PATH, one(casePriority), { issues: checkFields(FIELDS, NEW_REQUIRED, input), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: CasePriorityUpdate): V1Request<CasePriority> =>
  putRequest('CasePriority.put', `${PATH}/${segment(id)}`, one(casePriority), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

export { get as find, post as save, put as update }
