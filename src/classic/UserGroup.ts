/**
 * UserGroup — `/Base/UserGroup` (spec §2.5): the groups users belong to (`User.userGroupId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, literal, many, one, requiredInt, struct, text, type Extra, type XmlElement } from './internal/xml'

/** `guest`: visitors who are not logged in; `registered`: users with an account (`User.post` needs one of these). */
export type UserGroupType = 'guest' | 'registered'

/** Every `UserGroupType`. */
export const USER_GROUP_TYPES: ReadonlyArray<UserGroupType> = ['guest', 'registered']

/** A user group as the API answers it (`GET /Base/UserGroup`). */
export interface UserGroup {
  readonly id: number
  readonly title: string
  readonly groupType: UserGroupType
  /** The built-in groups (one per type); they cannot be deleted. */
  readonly isMaster: boolean
  readonly extra: Extra
}

/** The fields of a new user group, for `post`. */
export interface NewUserGroup {
  readonly title: string
  readonly groupType: UserGroupType
}

/** The group type cannot be changed. */
export interface UserGroupUpdate {
  readonly title: string
}

const userGroup: Decoder<XmlElement, UserGroup> = /*#__PURE__*/ struct('usergroup', {
  id: requiredInt('id'),
  title: text('title'),
  groupType: literal('grouptype', USER_GROUP_TYPES, 'registered'),
  isMaster: bool('ismaster')
})

const userGroups = /*#__PURE__*/ many('usergroups', 'usergroup', userGroup)
const oneUserGroup = /*#__PURE__*/ first(userGroups)
const echoedUserGroup = /*#__PURE__*/ one(userGroups)

const ROUTE = '/Base/UserGroup'

/** Every user group. */
export const all = (): ClassicRequest<ReadonlyArray<UserGroup>> => getRequest('UserGroup.all', ROUTE, userGroups)

/** One user group; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<UserGroup>> =>
  getRequest('UserGroup.get', `${ROUTE}/${segment(id)}`, oneUserGroup, { issues: V.positiveInt('id', id) })

/** Every field of a new user group, described once: wire name and check. */
const FIELDS: Fields<NewUserGroup, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  groupType: { wire: 'grouptype', check: (path, value) => V.oneOf(path, value, USER_GROUP_TYPES) }
}

/** An update sends the title only (the group type cannot change), even when the caller spreads a group into it. */
const UPDATE_FIELDS: Fields<UserGroupUpdate, FormValue> = { title: { wire: 'title', check: V.nonBlank } }

const NEW_REQUIRED: RequiredFields<NewUserGroup> = { title: true, groupType: true }
const UPDATE_REQUIRED: RequiredFields<UserGroupUpdate> = { title: true }

/** Creates a user group: `POST /Base/UserGroup`; the answer is the user group as stored. */
export const post = (input: NewUserGroup): ClassicRequest<UserGroup> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  const form = V.whenValid(issues, () => phpForm(wireValues(FIELDS, input)))
  return postRequest('UserGroup.post', ROUTE, echoedUserGroup, { issues, form })
}

/** Changes user group `id`: `PUT /Base/UserGroup/:id`; the answer is the user group as stored. */
export const put = (id: number, input: UserGroupUpdate): ClassicRequest<UserGroup> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input))
  const form = V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  return putRequest('UserGroup.put', `${ROUTE}/${segment(id)}`, echoedUserGroup, { issues, form })
}

/** Deletes user group `id`: `DELETE /Base/UserGroup/:id`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('UserGroup.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
