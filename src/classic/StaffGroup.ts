/**
 * StaffGroup — `/Base/StaffGroup` (spec §2.3): the groups staff members belong to (`Staff.staffGroupId`).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, many, one, requiredInt, struct, text, type Extra, type XmlElement } from './internal/xml'

/** A staff group as the API answers it (`GET /Base/StaffGroup`). */
export interface StaffGroup {
  readonly id: number
  readonly title: string
  /** Members of an admin group have every staff permission. */
  readonly isAdmin: boolean
  readonly extra: Extra
}

/** The fields of a new staff group, for `post`. */
export interface NewStaffGroup {
  readonly title: string
  readonly isAdmin: boolean
}

/** The fields of `put`. */
export interface StaffGroupUpdate {
  readonly title: string
  readonly isAdmin?: boolean
}

const staffGroup: Decoder<XmlElement, StaffGroup> = /*#__PURE__*/ struct('staffgroup', {
  id: requiredInt('id'),
  title: text('title'),
  isAdmin: bool('isadmin')
})

const staffGroups = /*#__PURE__*/ many('staffgroups', 'staffgroup', staffGroup)
const oneStaffGroup = /*#__PURE__*/ first(staffGroups)
const echoedStaffGroup = /*#__PURE__*/ one(staffGroups)

const ROUTE = '/Base/StaffGroup'

/** Every field of a staff group's input types, described once: wire name and check. */
const FIELDS: Fields<NewStaffGroup & StaffGroupUpdate, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  isAdmin: { wire: 'isadmin', check: V.isBoolean }
}

const NEW_REQUIRED: RequiredFields<NewStaffGroup> = { title: true, isAdmin: true }
const UPDATE_REQUIRED: RequiredFields<StaffGroupUpdate> = { title: true }

/** Every staff group. */
export const all = (): ClassicRequest<ReadonlyArray<StaffGroup>> => getRequest('StaffGroup.all', ROUTE, staffGroups)

/** One staff group; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<StaffGroup>> =>
  getRequest('StaffGroup.get', `${ROUTE}/${segment(id)}`, oneStaffGroup, { issues: V.positiveInt('id', id) })

/** Creates a staff group: `POST /Base/StaffGroup`; the answer is the staff group as stored. */
export const post = (input: NewStaffGroup): ClassicRequest<StaffGroup> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input)
  return postRequest('StaffGroup.post', ROUTE, echoedStaffGroup, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes staff group `id`: `PUT /Base/StaffGroup/:id`; the answer is the staff group as stored. */
export const put = (id: number, input: StaffGroupUpdate): ClassicRequest<StaffGroup> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input))
  return putRequest('StaffGroup.put', `${ROUTE}/${segment(id)}`, echoedStaffGroup, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input)))
  })
}

/** Deletes a staff group; the server refuses (400 `Staff Group Deletion Failed. There are "N" staff members …`) while it has members. */
const del = (id: number): ClassicRequest<void> => deleteRequest('StaffGroup.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
