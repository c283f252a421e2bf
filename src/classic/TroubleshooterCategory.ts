/**
 * TroubleshooterCategory — `/Troubleshooter/Category` (spec kb-news-troubleshooter §4.1).
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { cannotSwitchOff, commaList, idList, oneOfCodes } from './content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest } from './request'
import type { Code } from './tickets'
import { bool, first, int, list, listOf, requiredInt, single, struct, text, toInt, type Extra, type XmlElement } from './xml'

/** `<categorytype>`, `SWIFT_TroubleshooterCategory`. */
export const TroubleshooterCategoryType = { global: 1, public: 2, private: 3 } as const
export type TroubleshooterCategoryType = (typeof TroubleshooterCategoryType)[keyof typeof TroubleshooterCategoryType]

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
export interface TroubleshooterCategoryUpdate {
  readonly title?: string
  readonly categoryType?: TroubleshooterCategoryType
  readonly description?: string
  readonly displayOrder?: number
  readonly userVisibilityCustom?: boolean
  readonly userGroupIds?: ReadonlyArray<number>
  readonly staffVisibilityCustom?: boolean
  readonly staffGroupIds?: ReadonlyArray<number>
}

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
  userGroupIds: listOf('usergroupidlist', 'usergroupid', toInt),
  staffVisibilityCustom: bool('staffvisibilitycustom'),
  staffGroupIds: listOf('staffgroupidlist', 'staffgroupid', toInt)
})

const categories = /*#__PURE__*/ list('troubleshootercategories', 'troubleshootercategory', category)
const oneCategory = /*#__PURE__*/ first(categories)
const echoedCategory = /*#__PURE__*/ single(categories)

const ROUTE = '/Troubleshooter/Category'

const fields = (input: Partial<NewTroubleshooterCategory>) =>
  phpForm({
    title: input.title,
    categorytype: input.categoryType,
    staffid: input.staffId,
    description: input.description,
    displayorder: input.displayOrder,
    uservisibilitycustom: input.userVisibilityCustom,
    usergroupidlist: commaList(input.userGroupIds),
    staffvisibilitycustom: input.staffVisibilityCustom,
    staffgroupidlist: commaList(input.staffGroupIds)
  })

const checkGroups = (i: Partial<NewTroubleshooterCategory>): V.Issues =>
  V.issues(
    V.optional(i.userGroupIds, (ids) => idList('userGroupIds', ids)),
    V.optional(i.staffGroupIds, (ids) => idList('staffGroupIds', ids)),
    V.optional(i.displayOrder, (n) => V.nonNegativeInt('displayOrder', n))
  )

/** Every category, by display order. */
export const all = (): ClassicRequest<ReadonlyArray<TroubleshooterCategory>> => getRequest('TroubleshooterCategory.all', ROUTE, categories)

/** One category; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<TroubleshooterCategory>> =>
  getRequest('TroubleshooterCategory.get', `${ROUTE}/${segment(id)}`, oneCategory, { issues: V.positiveInt('id', id) })

export const post = (input: NewTroubleshooterCategory): ClassicRequest<TroubleshooterCategory> => {
  const issues = V.input(input, (i) =>
    V.issues(
      V.nonBlank('title', i.title),
      oneOfCodes('categoryType', i.categoryType, TroubleshooterCategoryType),
      V.positiveInt('staffId', i.staffId),
      V.optional(i.description, (s) => V.isString('description', s)),
      V.optional(i.userVisibilityCustom, (b) => V.isBoolean('userVisibilityCustom', b)),
      V.optional(i.staffVisibilityCustom, (b) => V.isBoolean('staffVisibilityCustom', b)),
      V.when(i.userGroupIds !== undefined && i.userVisibilityCustom !== true, 'userGroupIds', 'is only used with userVisibilityCustom: true'),
      V.when(i.staffGroupIds !== undefined && i.staffVisibilityCustom !== true, 'staffGroupIds', 'is only used with staffVisibilityCustom: true'),
      checkGroups(i)
    )
  )
  return postRequest('TroubleshooterCategory.post', ROUTE, echoedCategory, { issues, form: V.whenValid(issues, () => fields(input)) })
}

export const put = (id: number, input: TroubleshooterCategoryUpdate): ClassicRequest<TroubleshooterCategory> => {
  const issues = V.issues(
    V.positiveInt('id', id),
    V.input(input, (i) =>
      V.issues(
        V.optional(i.title, (t) => V.nonBlank('title', t)),
        V.optional(i.categoryType, (t) => oneOfCodes('categoryType', t, TroubleshooterCategoryType)),
        // A blank description is ignored by the server.
        V.optional(i.description, (s) => V.nonBlank('description', s)),
        cannotSwitchOff('userVisibilityCustom', i.userVisibilityCustom),
        cannotSwitchOff('staffVisibilityCustom', i.staffVisibilityCustom),
        checkGroups(i)
      )
    )
  )
  return putRequest('TroubleshooterCategory.put', `${ROUTE}/${segment(id)}`, echoedCategory, { issues, form: V.whenValid(issues, () => fields(input)) })
}

/** Deletes a category (its steps stay); an unknown id is a 400 `Invalid Troubleshooter Category ID`. */
const del = (id: number): ClassicRequest<void> =>
  deleteRequest('TroubleshooterCategory.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
