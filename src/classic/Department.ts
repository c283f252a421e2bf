/**
 * Department — `/Base/Department` (spec §2.1). The model every Classic resource module follows:
 * entity + decoder, input types + checks, one builder per REST method, Rails-style aliases.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import {
  bool,
  first,
  firstPresent,
  int,
  listIn,
  literal,
  many,
  one,
  requiredInt,
  struct,
  text,
  textAs,
  toInt,
  type Extra,
  type XmlElement
} from './internal/xml'

/** Who sees the department: everyone (`public`) or staff only (`private`). */
export type DepartmentType = 'public' | 'private'
/** The application a department belongs to; it cannot change after `post`. */
export type DepartmentApp = 'tickets' | 'livechat'

/** Every `DepartmentType`. */
export const DEPARTMENT_TYPES: ReadonlyArray<DepartmentType> = ['public', 'private']
/** Every `DepartmentApp`. */
export const DEPARTMENT_APPS: ReadonlyArray<DepartmentApp> = ['tickets', 'livechat']

/** A department as the API answers it (`GET /Base/Department`). */
export interface Department {
  readonly id: number
  readonly title: string
  readonly type: DepartmentType
  /** `<app>`, or `<module>` on servers before ~2013 (4.98.8 sends both with the same value). */
  readonly app: DepartmentApp
  readonly displayOrder: number
  /** 0 for a top-level department. */
  readonly parentDepartmentId: number
  /** When true, only the user groups in `userGroupIds` see the department. */
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  readonly extra: Extra
}

/** The fields of a new department, for `post`. */
export interface NewDepartment {
  readonly title: string
  readonly type: DepartmentType
  readonly app: DepartmentApp
  readonly displayOrder?: number
  readonly parentDepartmentId?: number
  readonly userVisibilityCustom?: boolean
  /** Only with `userVisibilityCustom: true`. */
  readonly userGroupIds?: ReadonlyArray<number>
}

/**
 * The server resets `parentDepartmentId` to 0 and `userVisibilityCustom` to off unless they are sent again: pass
 * them on every update that should keep them. The app cannot be changed.
 */
export interface DepartmentUpdate extends Partial<Omit<NewDepartment, 'title' | 'app'>> {
  readonly title: string
}

const department: Decoder<XmlElement, Department> = /*#__PURE__*/ struct('department', {
  id: requiredInt('id'),
  title: text('title'),
  type: literal('type', DEPARTMENT_TYPES, 'public'),
  app: firstPresent(literal('app', DEPARTMENT_APPS, 'tickets'), literal('module', DEPARTMENT_APPS, 'tickets')),
  displayOrder: int('displayorder'),
  parentDepartmentId: int('parentdepartmentid'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: listIn('usergroups', 'id', textAs(toInt))
})

const departments = /*#__PURE__*/ many('departments', 'department', department)
const oneDepartment = /*#__PURE__*/ first(departments)
const echoedDepartment = /*#__PURE__*/ one(departments)

const ROUTE = '/Base/Department'

/** Every field of a department's input types, described once: wire name and check. */
const FIELDS: Fields<NewDepartment & DepartmentUpdate, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  type: { wire: 'type', check: (path, value) => V.oneOf(path, value, DEPARTMENT_TYPES) },
  app: { wire: 'app', check: (path, value) => V.oneOf(path, value, DEPARTMENT_APPS) },
  displayOrder: { wire: 'displayorder', check: V.nonNegativeInt },
  parentDepartmentId: { wire: 'parentdepartmentid', check: V.nonNegativeInt },
  userVisibilityCustom: { wire: 'uservisibilitycustom', check: V.isBoolean },
  userGroupIds: { wire: 'usergroupid', check: V.positiveInts }
}

const NEW_REQUIRED: RequiredFields<NewDepartment> = { title: true, type: true, app: true }
const UPDATE_REQUIRED: RequiredFields<DepartmentUpdate> = { title: true }

const rules = (input: Partial<NewDepartment>): V.Issues =>
  V.when(input.userGroupIds !== undefined && input.userVisibilityCustom !== true, 'userGroupIds', 'is only used with userVisibilityCustom: true')

/** Every department, ordered by id. */
export const all = (): ClassicRequest<ReadonlyArray<Department>> => getRequest('Department.all', ROUTE, departments)

/** One department; `none` when there is no such id (the server answers 200 with an empty list). */
export const get = (id: number): ClassicRequest<O.Option<Department>> =>
  getRequest('Department.get', `${ROUTE}/${segment(id)}`, oneDepartment, { issues: V.positiveInt('id', id) })

/** Creates a department: `POST /Base/Department`; the answer is the department as stored. */
export const post = (input: NewDepartment): ClassicRequest<Department> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input, rules)
  return postRequest('Department.post', ROUTE, echoedDepartment, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes department `id`: `PUT /Base/Department/:id`; the answer is the department as stored. */
export const put = (id: number, input: DepartmentUpdate): ClassicRequest<Department> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, UPDATE_REQUIRED, input, rules))
  return putRequest('Department.put', `${ROUTE}/${segment(id)}`, echoedDepartment, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input)))
  })
}

/** Deletes a department; the server answers an unknown id with 400 `Department Load Failed: …`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('Department.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
