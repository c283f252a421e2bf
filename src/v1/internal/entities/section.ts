import { int, list, literal, related, type Related, relatedList, requiredInt, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { category, type Category } from './category'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { user, type User } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'
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

export const section: Decoder<unknown, Section> = /*#__PURE__*/ struct('section', () => ({
  id: requiredInt('id'),
  titles: relatedList('titles', localeField),
  slugs: list('slugs', slug),
  descriptions: relatedList('descriptions', localeField),
  visibility: literal<SectionVisibility>('visibility'),
  category: related('category', category),
  agent: related('agent', user),
  teams: relatedList('teams', team),
  articleOrderBy: literal<ArticleOrder>('article_order_by'),
  totalArticles: int('total_articles'),
  ...stamps(),
  ...url()
}))
