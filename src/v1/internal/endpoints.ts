/**
 * The endpoints most resources share (`GET /things/:id`, `POST /things`, `PUT /things/:id`, `DELETE /things/:id`,
 * an offset-paged `GET /things`), made once from a resource's path, entity decoder and field table. A module writes
 * `export const get = /*#__PURE__*\/ getById('Team.get', PATH, team)`; each endpoint stays its own export, so a
 * bundle keeps only the ones it calls.
 */
import type { Decoder } from '../../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import { note, type Note } from './entities/note'
import {
  checkNote,
  checkOffset,
  deleteRequest,
  getRequest,
  json,
  none,
  noteBody,
  offsetQuery,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type ListFields,
  type ListRules,
  type NewNote,
  type OffsetArgs,
  type Page,
  type V1Request
} from './request'

/** Cross-field rules a module keeps beside its field table. */
type Rules<I> = (input: Partial<I>) => V.Issues

/** `GET <path>/<id>`: one resource. */
export const getById =
  <A>(operation: string, path: string, entity: Decoder<unknown, A>) =>
  (id: number): V1Request<A> =>
    getRequest(operation, `${path}/${segment(id)}`, one(entity), { issues: V.positiveInt('id', id) })

/** `DELETE <path>/<id>`. */
export const deleteById =
  (operation: string, path: string) =>
  (id: number): V1Request<void> =>
    deleteRequest(operation, `${path}/${segment(id)}`, none, { issues: V.positiveInt('id', id) })

/** `GET <path>` with offset paging and the list's own filters (and the `rules` between them). */
export const offsetList =
  <L extends OffsetArgs, A>(operation: string, path: string, entity: Decoder<unknown, A>, fields?: ListFields<L>, rules?: ListRules<L>) =>
  (args: L = {} as L): V1Request<Page<A>> =>
    getRequest(operation, path, page(entity), { query: offsetQuery(args, fields), issues: checkOffset(args, fields, rules) })

/** `POST <path>` with the input's wire values; required fields and `rules` checked first. */
export const create =
  <I, A>(operation: string, path: string, entity: Decoder<unknown, A>, fields: Fields<I, unknown>, required: RequiredFields<I>, rules?: Rules<I>) =>
  (input: I): V1Request<A> =>
    postRequest(operation, path, one(entity), { issues: checkFields(fields, required, input, rules), body: json(wireValues(fields, input)) })

/** `PUT <path>/<id>` with the changed fields' wire values (none required). */
export const update =
  <I, A>(operation: string, path: string, entity: Decoder<unknown, A>, fields: Fields<I, unknown>, rules?: Rules<I>) =>
  (id: number, input: I): V1Request<A> =>
    putRequest(operation, `${path}/${segment(id)}`, one(entity), {
      issues: V.issues(V.positiveInt('id', id), checkFields(fields, NOTHING_REQUIRED, input, rules)),
      body: json(wireValues(fields, input))
    })

// ---------------------------------------------------------------------------------------------------------------
// Relations: `<path>/<parentId>/<relation>`. A module writes each as its own export with the parent's id named after
// the parent (`(userId: number, args) => relatedPage(PARENT, 'notes', note, userId, args)`).

/** A resource as the parent of others: its module name (for operation names), its path and the name of its id argument. */
export interface Parent {
  readonly module: string
  readonly path: string
  readonly idName: string
}

/** `<path>/<parentId>/<relation>`. */
export const relatedPath = (on: Parent, parentId: number, relation: string): string => `${on.path}/${segment(parentId)}/${relation}`

/** `GET <path>/<parentId>/<relation>` with offset paging and the list's own filters; the operation is `<module>.<relation>`. */
export const relatedPage = <L extends OffsetArgs, A>(
  on: Parent,
  relation: string,
  entity: Decoder<unknown, A>,
  parentId: number,
  args: L,
  fields?: ListFields<L>
): V1Request<Page<A>> =>
  getRequest(`${on.module}.${relation}`, relatedPath(on, parentId, relation), page(entity), {
    query: offsetQuery(args, fields),
    issues: V.issues(V.positiveInt(on.idName, parentId), checkOffset(args, fields))
  })

/** `POST <path>/<parentId>/notes`: a note on the parent (`<module>.addNote`). */
export const addNoteTo = (on: Parent, parentId: number, input: NewNote): V1Request<Note> =>
  postRequest(`${on.module}.addNote`, relatedPath(on, parentId, 'notes'), one(note), {
    issues: V.issues(V.positiveInt(on.idName, parentId), checkNote(input)),
    body: noteBody(input)
  })
