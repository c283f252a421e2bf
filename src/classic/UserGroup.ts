/**
 * UserGroup — `/Base/UserGroup` (spec §2.5): the groups users belong to (`User.userGroupId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { bool, first, list, literal, requiredInt, single, struct, text, type Extra, type XmlElement } from './xml'

/** `guest`: visitors who are not logged in; `registered`: users with an account (`User.post` needs one of these). */
export type UserGroupType = 'guest' | 'registered'

export const USER_GROUP_TYPES: ReadonlyArray<UserGroupType> = ['guest', 'registered']

export interface UserGroup {
  readonly id: number
  readonly title: string
  readonly groupType: UserGroupType
  /** The built-in groups (one per type); they cannot be deleted. */
  readonly isMaster: boolean
  readonly extra: Extra
}

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

const userGroups = /*#__PURE__*/ list('usergroups', 'usergroup', userGroup)
const oneUserGroup = /*#__PURE__*/ first(userGroups)
const echoedUserGroup = /*#__PURE__*/ single(userGroups)

const ROUTE = '/Base/UserGroup'

/** Every user group. */
export const all = (): ClassicRequest<ReadonlyArray<UserGroup>> => getRequest('UserGroup.all', ROUTE, userGroups)

/** One user group; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<UserGroup>> =>
  getRequest('UserGroup.get', `${ROUTE}/${segment(id)}`, oneUserGroup, { issues: V.positiveInt('id', id) })

export const post = (input: NewUserGroup): ClassicRequest<UserGroup> => {
  const issues = V.input(input, (i) => V.issues(V.nonBlank('title', i.title), V.oneOf('groupType', i.groupType, USER_GROUP_TYPES)))
  const form = V.whenValid(issues, () => phpForm({ title: input.title, grouptype: input.groupType }))
  return postRequest('UserGroup.post', ROUTE, echoedUserGroup, { issues, form })
}

export const put = (id: number, input: UserGroupUpdate): ClassicRequest<UserGroup> => {
  const issues = V.issues(V.positiveInt('id', id), V.input(input, (i) => V.nonBlank('title', i.title)))
  const form = V.whenValid(issues, () => phpForm({ title: input.title }))
  return putRequest('UserGroup.put', `${ROUTE}/${segment(id)}`, echoedUserGroup, { issues, form })
}

/** Deletes a user group; the server refuses a master group (400 `Cannot delete master user group`). */
const del = (id: number): ClassicRequest<void> =>
  deleteRequest('UserGroup.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
