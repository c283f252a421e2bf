/**
 * Test — `/tests` (spec §3.1): the public test resource, handy to check the connection, the session and the special
 * options without touching real data.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { test, type Test } from './internal/entities/test'
import {
  checkOffset,
  deleteRequest,
  getRequest,
  json,
  none,
  offsetQuery,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type OffsetArgs,
  type Page,
  type V1Request
} from './internal/request'

export type { Test } from './internal/entities/test'

export interface TestInput {
  readonly name: string
}

const PATH = '/tests'

const FIELDS: Fields<TestInput, unknown> = {
  name: { wire: 'name', check: V.nonBlank }
}

/** Create and update alike. */
const REQUIRED: RequiredFields<TestInput> = { name: true }

export const all = (args: OffsetArgs = {}): V1Request<Page<Test>> =>
  getRequest('Test.all', PATH, page(test), { query: offsetQuery(args), issues: checkOffset(args) })

export const get = (id: number): V1Request<Test> => getRequest('Test.get', `${PATH}/${segment(id)}`, one(test), { issues: V.positiveInt('id', id) })

export const post = (input: TestInput): V1Request<Test> =>
  postRequest('Test.post', PATH, one(test), { issues: checkFields(FIELDS, REQUIRED, input), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: TestInput): V1Request<Test> =>
  putRequest('Test.put', `${PATH}/${segment(id)}`, one(test), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

const del = (id: number): V1Request<void> => deleteRequest('Test.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
