/**
 * Tags of a taggable resource (`/<resources>/:id/tags`; cases and users): the four calls every taggable module
 * offers, written once. `tags` is CSV on the wire.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import { relatedPath, type Parent } from './endpoints'
import { tag, type Tag } from './entities/tag'
import { checkTags, csv, deleteRequest, getRequest, json, many, none, postRequest, putRequest, type Query, type V1Request } from './request'

/** The input of a tag change: the tag names. */
interface TagNames {
  readonly tags: ReadonlyArray<string>
}

const FIELDS: Fields<TagNames, unknown> = {
  tags: { wire: 'tags', check: checkTags, encode: csv }
}

const REQUIRED: RequiredFields<TagNames> = { tags: true }

const tagsPath = (on: Parent, id: number) => relatedPath(on, id, 'tags')

const tagIssues = (on: Parent, id: number, names: ReadonlyArray<string>): V.Issues =>
  V.issues(V.positiveInt(on.idName, id), checkFields(FIELDS, REQUIRED, { tags: names }))

export const listTags = (on: Parent, id: number): V1Request<ReadonlyArray<Tag>> =>
  getRequest(`${on.module}.tags`, tagsPath(on, id), many(tag), { issues: V.positiveInt(on.idName, id) })

/** Adds tags, keeping the others. */
export const addTags = (on: Parent, id: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  postRequest(`${on.module}.addTags`, tagsPath(on, id), many(tag), { issues: tagIssues(on, id, names), body: json(wireValues(FIELDS, { tags: names })) })

/** Replaces all tags. */
export const replaceTags = (on: Parent, id: number, names: ReadonlyArray<string>): V1Request<ReadonlyArray<Tag>> =>
  putRequest(`${on.module}.replaceTags`, tagsPath(on, id), many(tag), { issues: tagIssues(on, id, names), body: json(wireValues(FIELDS, { tags: names })) })

/** Removes tags (`DELETE …/tags?tags=a,b`). */
export const removeTags = (on: Parent, id: number, names: ReadonlyArray<string>): V1Request<void> =>
  deleteRequest(`${on.module}.removeTags`, tagsPath(on, id), none, { issues: tagIssues(on, id, names), query: wireValues(FIELDS, { tags: names }) as Query })
