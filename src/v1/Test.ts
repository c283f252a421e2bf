/**
 * Test — `/tests` (spec §3.1): the public test resource, handy to check the connection, the session and the special
 * options without touching real data.
 */
import * as V from '../core/validate'
import { test, type Test } from './entities'
import { checkOffset, deleteRequest, getRequest, json, none, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { Test } from './entities'

export interface TestInput {
  readonly name: string
}

const PATH = '/tests'

export const all = (args: OffsetArgs = {}): V1Request<Page<Test>> =>
  getRequest('Test.all', PATH, page(test), { query: { offset: args?.offset, limit: args?.limit }, issues: V.input(args, checkOffset, 'args') })

export const get = (id: number): V1Request<Test> => getRequest('Test.get', `${PATH}/${segment(id)}`, one(test), { issues: V.positiveInt('id', id) })

export const post = (input: TestInput): V1Request<Test> =>
  postRequest('Test.post', PATH, one(test), { issues: V.input(input, (i) => V.nonBlank('name', i.name)), body: json({ name: input?.name }) })

export const put = (id: number, input: TestInput): V1Request<Test> =>
  putRequest('Test.put', `${PATH}/${segment(id)}`, one(test), {
    issues: V.issues(V.positiveInt('id', id), V.input(input, (i) => V.nonBlank('name', i.name))),
    body: json({ name: input?.name })
  })

const del = (id: number): V1Request<void> => deleteRequest('Test.delete', `${PATH}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
