import { date, list, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { category, type Category } from './category'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { user, type User } from './people'
import type { Resource, Timestamps } from './resource'
import { team, type Team } from './team'

/** Who sees a section: everyone, agents only, or the section's teams. */
export type SectionVisibility = 'PUBLIC' | 'AGENTS' | 'TEAMS'
/** How a section orders its articles: newest, most popular, by title, or the order set by hand. */
export type ArticleOrder = 'LATEST' | 'POPULAR' | 'TITLE' | 'CUSTOM'

/** A help-center section: it belongs to a category and holds articles. */
export interface Section extends Timestamps, Resource {
  readonly id: number
  readonly titles: ReadonlyArray<Related<LocaleField>>
  readonly slugs: ReadonlyArray<Slug>
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly visibility: SectionVisibility | null
  readonly category: Related<Category> | null
  /** The agent who looks after the section. */
  readonly agent: Related<User> | null
  /** The teams that see a section whose visibility is `TEAMS`. */
  readonly teams: ReadonlyArray<Related<Team>>
  readonly articleOrderBy: ArticleOrder | null
  readonly totalArticles: number
}

export const section: Decoder<unknown, Section> = /*#__PURE__*/ record(
  'section',
  'id:I titles:1 slugs:2 descriptions:1 visibility category:3 agent:4 teams:5 articleOrderBy totalArticles:i ' + 'createdAt:0 updatedAt:0 resourceUrl',
  () => [date, relatedList(localeField), list(slug), related(category), related(user), relatedList(team)]
)
