/**
 * StaffGroup — `/Base/StaffGroup` (spec §2.3): the groups staff members belong to (`Staff.staffGroupId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import { bool, first, list, requiredInt, single, struct, text, type Extra, type XmlElement } from './xml'

export interface StaffGroup {
  readonly id: number
  readonly title: string
  /** Members of an admin group have every staff permission. */
  readonly isAdmin: boolean
  readonly extra: Extra
}

export interface NewStaffGroup {
  readonly title: string
  readonly isAdmin: boolean
}

export interface StaffGroupUpdate {
  readonly title: string
  readonly isAdmin?: boolean
}

const staffGroup: Decoder<XmlElement, StaffGroup> = /*#__PURE__*/ struct('staffgroup', {
  id: requiredInt('id'),
  title: text('title'),
  isAdmin: bool('isadmin')
})

const staffGroups = /*#__PURE__*/ list('staffgroups', 'staffgroup', staffGroup)
const oneStaffGroup = /*#__PURE__*/ first(staffGroups)
const echoedStaffGroup = /*#__PURE__*/ single(staffGroups)

const ROUTE = '/Base/StaffGroup'

const fields = (input: Partial<StaffGroupUpdate>) => phpForm({ title: input.title, isadmin: input.isAdmin })

/** Every staff group. */
export const all = (): ClassicRequest<ReadonlyArray<StaffGroup>> => getRequest('StaffGroup.all', ROUTE, staffGroups)

/** One staff group; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<StaffGroup>> =>
  getRequest('StaffGroup.get', `${ROUTE}/${segment(id)}`, oneStaffGroup, { issues: V.positiveInt('id', id) })

export const post = (input: NewStaffGroup): ClassicRequest<StaffGroup> => {
  const issues = V.input(input, (i) => V.issues(V.nonBlank('title', i.title), V.isBoolean('isAdmin', i.isAdmin)))
  return postRequest('StaffGroup.post', ROUTE, echoedStaffGroup, { issues, form: V.whenValid(issues, () => fields(input)) })
}

export const put = (id: number, input: StaffGroupUpdate): ClassicRequest<StaffGroup> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) => V.issues(V.nonBlank('title', i.title), V.optional(i.isAdmin, (b) => V.isBoolean('isAdmin', b))))
  )
  return putRequest('StaffGroup.put', `${ROUTE}/${segment(id)}`, echoedStaffGroup, { issues, form: V.whenValid(issues, () => fields(input)) })
}

/** Deletes a staff group; the server refuses (400 `Staff Group Deletion Failed. There are "N" staff members …`) while it has members. */
const del = (id: number): ClassicRequest<void> =>
  deleteRequest('StaffGroup.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
