/**
 * Section — `/sections`, the help center's sections (a category holds sections, a section holds articles). Titles
 * and descriptions are locale fields: fetch with `include: ['localeField']` and read them with `localiseHeading` (from `kayako-fp/v1`).
 */
import { type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { section, type ArticleOrder, type Section, type SectionVisibility } from './internal/entities/section'
import { checkInclude, checkTranslations, including, translations, type Include, type Translation } from './internal/helpcenter'
import { checkOffset, csv, getRequest, offsetQuery, one, page, segment, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'
import { create, update } from './internal/endpoints'

export type { ArticleOrder, Section, SectionVisibility } from './internal/entities/section'
export type { Include, Translation } from './internal/helpcenter'

/** The filters of `GET /sections`, with offset paging. */
export interface SectionListArgs extends OffsetArgs {
  /** Sections of these categories only (sent as CSV `category_ids`). */
  readonly categoryIds?: ReadonlyArray<number>
  readonly include?: Include
}

/** A new help-center section (`POST /sections`): its title in one or more locales, its category, who sees it. */
export interface NewSection {
  readonly titles: ReadonlyArray<Translation>
  readonly descriptions?: ReadonlyArray<Translation>
  readonly categoryId: number
  /** Default `PUBLIC`. */
  readonly visibility?: SectionVisibility
  readonly articleOrderBy?: ArticleOrder
  /** The teams that see a `TEAMS` section. */
  readonly teamIds?: ReadonlyArray<number>
}

/** The fields to change on a section (`PUT /sections/:id`); those left out keep their value. */
export type SectionUpdate = Partial<NewSection>

const PATH = '/sections'

const FIELDS: Fields<NewSection, unknown> = {
  titles: { wire: 'titles', check: checkTranslations, encode: translations },
  descriptions: { wire: 'descriptions', check: checkTranslations, encode: translations },
  categoryId: { wire: 'categoryId', check: V.positiveInt },
  visibility: { wire: 'visibility', check: (path, value) => V.oneOf(path, value, ['PUBLIC', 'AGENTS', 'TEAMS']) },
  articleOrderBy: { wire: 'articleOrderBy', check: (path, value) => V.oneOf(path, value, ['LATEST', 'POPULAR', 'TITLE', 'CUSTOM']) },
  teamIds: { wire: 'teamIds', check: V.positiveInts, encode: csv }
}

const NEW_REQUIRED: RequiredFields<NewSection> = { titles: true, categoryId: true }

type OwnListArgs = Omit<SectionListArgs, 'include'>

const LIST_FIELDS: ListFields<OwnListArgs> = {
  categoryIds: { wire: 'categoryIds', check: V.positiveInts, encode: csv }
}

const includeIssues = (include: unknown): V.Issues => (include === undefined ? [] : checkInclude('include', include))

/** One page of sections (`GET /sections`), of some categories if given; `include` brings their texts along. */
export const all = (args: SectionListArgs = {}): V1Request<Page<Section>> =>
  including(
    args?.include,
    getRequest('Section.all', PATH, page(section), {
      query: offsetQuery<OwnListArgs>(args, LIST_FIELDS),
      issues: V.issues(checkOffset<OwnListArgs>(args, LIST_FIELDS), includeIssues((args as { include?: unknown } | null)?.include))
    })
  )

/** One section (`GET /sections/:id`); `include: ['localeField']` brings its title and description along. */
export const get = (id: number, include?: Include): V1Request<Section> =>
  including(include, getRequest('Section.get', `${PATH}/${segment(id)}`, one(section), { issues: V.issues(V.positiveInt('id', id), includeIssues(include)) }))

/** Creates a section (201), `PUBLIC` unless `visibility` says otherwise. */
export const post = /*#__PURE__*/ create<NewSection, Section>('Section.post', PATH, section, FIELDS, NEW_REQUIRED)

/** Changes a section (`PUT /sections/:id`). */
export const put = /*#__PURE__*/ update<SectionUpdate, Section>('Section.put', PATH, section, FIELDS)

export { get as find, post as save, put as update }
