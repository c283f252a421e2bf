/**
 * Test — `/tests` (spec §3.1): the public test resource, handy to check the connection, the session and the special
 * options without touching real data.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { test, type Test } from './internal/entities/test'
import { json, one, putRequest, segment, type OffsetArgs, type V1Request } from './internal/request'
import { create, deleteById, getById, offsetList } from './internal/endpoints'

export type { Test } from './internal/entities/test'

/** A test resource's only field, to create or to change it. */
export interface TestInput {
  readonly name: string
}

const PATH = '/tests'

const FIELDS: Fields<TestInput, unknown> = {
  name: { wire: 'name', check: V.nonBlank }
}

/** Create and update alike. */
const REQUIRED: RequiredFields<TestInput> = { name: true }

/** One page of test resources (`GET /tests`). */
export const all = /*#__PURE__*/ offsetList<OffsetArgs, Test>('Test.all', PATH, test)

/** One test resource (`GET /tests/:id`): a quick check of the connection and the special options. */
export const get = /*#__PURE__*/ getById('Test.get', PATH, test)

/** Creates a test resource (201). */
export const post = /*#__PURE__*/ create<TestInput, Test>('Test.post', PATH, test, FIELDS, REQUIRED)

/** Changes a test resource's name (`PUT /tests/:id`). */
export const put = (id: number, input: TestInput): V1Request<Test> =>
  putRequest('Test.put', `${PATH}/${segment(id)}`, one(test), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

/** Deletes a test resource (`DELETE /tests/:id`). */
const del = /*#__PURE__*/ deleteById('Test.delete', PATH)

export { del as delete, get as find, post as save, put as update, del as destroy }
