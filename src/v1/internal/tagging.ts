/**
 * Tags of a taggable resource (`/<resources>/:id/tags`; cases and users): the four calls every taggable module
 * offers, written once. `tags` is CSV on the wire.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import { tag, type Tag } from './entities/tag'
import { checkTags, csv, deleteRequest, getRequest, json, many, none, postRequest, putRequest, segment, type Query, type V1Request } from './request'

/** Which resource: its module name (for operation names), its path and the name of its id argument. */
export interface Taggable {
  readonly module: string
  readonly path: string
  readonly idName: string
}

/** The input of a tag change: the tag names. */
interface TagNames {
  readonly tags: ReadonlyArray<string>
}

const FIELDS: Fields<TagNames, unknown> = {
  tags: { wire: 'tags', check: checkTags, encode: csv }
}

const REQUIRED: RequiredFields<TagNames> = { tags: true }

const tagsPath = (on: Taggable, id: number) => `${on.path}/${segment(id)}/tags`

const tagIssues = (on: Taggable, id: number, names: ReadonlyArray<string>): V.Issues =>
  V.issues(V.positiveInt(on.idName, id), checkFields(FIELDS, REQUIRED, { tags: names }))

export const listTags = (on: Taggable, id: number): V1Request<ReadonlyArray<Tag>> =>
  getRequest(`${on.module}.tags`, tagsPath(on, id), many(tag), { issues: V.positiveInt(on.idName, id) })

/** Adds tags, keeping the others. */
export const addTags = (on: Taggable, id: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  postRequest(`${on.module}.addTags`, tagsPath(on, id), many(tag), { issues: tagIssues(on, id, names), body: json(wireValues(FIELDS, { tags: names })) })

/** Replaces all tags. */
export const replaceTags = (on: Taggable, id: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  putRequest(`${on.module}.replaceTags`, tagsPath(on, id), many(tag), { issues: tagIssues(on, id, names), body: json(wireValues(FIELDS, { tags: names })) })

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (on: Taggable, id: number, names: ReadonlyArray<string>): V1Request<void> =>
  deleteRequest(`${on.module}.removeTags`, tagsPath(on, id), none, { issues: tagIssues(on, id, names), query: wireValues(FIELDS, { tags: names }) as Query })
