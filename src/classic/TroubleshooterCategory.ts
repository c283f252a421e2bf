/**
 * TroubleshooterCategory — `/Troubleshooter/Category` (spec kb-news-troubleshooter §4.1).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { notSwitchedOff, commaList, idList, oneOfCodes } from './internal/content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import type { Code } from './internal/tickets'
import { bool, first, int, listIn, many, one, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

/** `<categorytype>`, `SWIFT_TroubleshooterCategory`. */
export const TroubleshooterCategoryType = { global: 1, public: 2, private: 3 } as const
export type TroubleshooterCategoryType = (typeof TroubleshooterCategoryType)[keyof typeof TroubleshooterCategoryType]

/** A troubleshooter category as `GET /Troubleshooter/Category` answers it. */
export interface TroubleshooterCategory {
  readonly id: number
  /** The creator; 0 once that staff member no longer exists. */
  readonly staffId: number
  readonly staffName: string
  readonly title: string
  readonly description: string
  readonly categoryType: Code<TroubleshooterCategoryType>
  readonly displayOrder: number
  readonly views: number
  readonly userVisibilityCustom: boolean
  readonly userGroupIds: ReadonlyArray<number>
  readonly staffVisibilityCustom: boolean
  readonly staffGroupIds: ReadonlyArray<number>
  readonly extra: Extra
}

/** The fields of a new troubleshooter category, for {@link post}. */
export interface NewTroubleshooterCategory {
  readonly title: string
  readonly categoryType: TroubleshooterCategoryType
  /**
   * The creator. Required: the server has no message for a missing or unknown staff id and fails with an
   * uncaught exception instead (a `ParseError` here).
   */
  readonly staffId: number
  readonly description?: string
  readonly displayOrder?: number
  readonly userVisibilityCustom?: boolean
  /** Only with `userVisibilityCustom: true`. */
  readonly userGroupIds?: ReadonlyArray<number>
  readonly staffVisibilityCustom?: boolean
  /** Only with `staffVisibilityCustom: true`. */
  readonly staffGroupIds?: ReadonlyArray<number>
}

/**
 * Changes to a category; omitted fields keep their values. The visibility flags cannot be switched off (the server
 * ignores 0), and the creator cannot change.
 */
export type TroubleshooterCategoryUpdate = Partial<Omit<NewTroubleshooterCategory, 'staffId'>>

const category: Decoder<XmlElement, TroubleshooterCategory> = /*#__PURE__*/ struct('troubleshootercategory', {
  id: requiredInt('id'),
  staffId: int('staffid'),
  staffName: text('staffname'),
  title: text('title'),
  description: text('description'),
  categoryType: int('categorytype'),
  displayOrder: int('displayorder'),
  views: int('views'),
  userVisibilityCustom: bool('uservisibilitycustom'),
  userGroupIds: listIn('usergroupidlist', 'usergroupid', textAs(toInt)),
  staffVisibilityCustom: bool('staffvisibilitycustom'),
  staffGroupIds: listIn('staffgroupidlist', 'staffgroupid', textAs(toInt))
})

const categories = /*#__PURE__*/ many('troubleshootercategories', 'troubleshootercategory', category)
const oneCategory = /*#__PURE__*/ first(categories)
const echoedCategory = /*#__PURE__*/ one(categories)

const ROUTE = '/Troubleshooter/Category'

/** Every field of a category's input types, described once; what only an update refuses is in `updateRules`. */
const FIELDS: Fields<NewTroubleshooterCategory & TroubleshooterCategoryUpdate, FormValue> = {
  title: { wire: 'title', check: V.nonBlank },
  categoryType: { wire: 'categorytype', check: (path, value) => oneOfCodes(path, value, TroubleshooterCategoryType) },
  staffId: { wire: 'staffid', check: V.positiveInt },
  description: { wire: 'description', check: V.isString },
  displayOrder: { wire: 'displayorder', check: V.nonNegativeInt },
  userVisibilityCustom: { wire: 'uservisibilitycustom', check: V.isBoolean },
  userGroupIds: { wire: 'usergroupidlist', check: (path, value) => idList(path, value), encode: commaList },
  staffVisibilityCustom: { wire: 'staffvisibilitycustom', check: V.isBoolean },
  staffGroupIds: { wire: 'staffgroupidlist', check: (path, value) => idList(path, value), encode: commaList }
}

const NEW_REQUIRED: RequiredFields<NewTroubleshooterCategory> = { title: true, categoryType: true, staffId: true }

const newRules = (i: Partial<NewTroubleshooterCategory>): V.Issues =>
  V.issues(
    V.when(i.userGroupIds !== undefined && i.userVisibilityCustom !== true, 'userGroupIds', 'is only used with userVisibilityCustom: true'),
    V.when(i.staffGroupIds !== undefined && i.staffVisibilityCustom !== true, 'staffGroupIds', 'is only used with staffVisibilityCustom: true')
  )

const updateRules = (i: Partial<TroubleshooterCategoryUpdate>): V.Issues =>
  V.issues(
    // A blank description is ignored by the server.
    typeof i.description === 'string' ? V.nonBlank('description', i.description) : [],
    notSwitchedOff('userVisibilityCustom', i.userVisibilityCustom),
    notSwitchedOff('staffVisibilityCustom', i.staffVisibilityCustom)
  )

/** Every category, by display order. */
export const all = (): ClassicRequest<ReadonlyArray<TroubleshooterCategory>> => getRequest('TroubleshooterCategory.all', ROUTE, categories)

/** One category; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<TroubleshooterCategory>> =>
  getRequest('TroubleshooterCategory.get', `${ROUTE}/${segment(id)}`, oneCategory, { issues: V.positiveInt('id', id) })

/** Creates a category: `POST /Troubleshooter/Category`; the answer is the category as stored. */
export const post = (input: NewTroubleshooterCategory): ClassicRequest<TroubleshooterCategory> => {
  const issues = checkFields(FIELDS, NEW_REQUIRED, input, newRules)
  return postRequest('TroubleshooterCategory.post', ROUTE, echoedCategory, { issues, form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input))) })
}

/** Changes category `id`: `PUT /Troubleshooter/Category/$id$`; the answer is the category as stored. */
export const put = (id: number, input: TroubleshooterCategoryUpdate): ClassicRequest<TroubleshooterCategory> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input, updateRules))
  return putRequest('TroubleshooterCategory.put', `${ROUTE}/${segment(id)}`, echoedCategory, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(FIELDS, input)))
  })
}

/** Deletes a category (its steps stay); an unknown id is a 400 `Invalid Troubleshooter Category ID`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('TroubleshooterCategory.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
