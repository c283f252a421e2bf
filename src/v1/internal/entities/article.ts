import { bool, date, int, list, literal, nullableText, related, type Related, relatedList, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { user, type User } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'
import { section, type Section } from './section'
import { tag, type Tag } from './tag'

/** An article's status: only `PUBLISHED` articles are shown in the help center. */
export type ArticleStatus = 'DRAFT' | 'PUBLISHED'

/** A help-center article. Its title and contents are locale fields: one per translation. */
export interface Article extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly titles: ReadonlyArray<Related<LocaleField>>
  readonly slugs: ReadonlyArray<Slug>
  readonly contents: ReadonlyArray<Related<LocaleField>>
  /** Comma-separated, as the server keeps them. */
  readonly keywords: string | null
  readonly section: Related<Section> | null
  readonly creator: Related<User> | null
  readonly author: Related<User> | null
  readonly attachments: ReadonlyArray<Related<Attachment>>
  readonly downloadAll: string | null
  readonly status: ArticleStatus | null
  readonly upvoteCount: number
  readonly downvoteCount: number
  readonly views: number
  readonly rank: number
  readonly tags: ReadonlyArray<Related<Tag>>
  readonly isFeatured: boolean
  readonly allowComments: boolean
  readonly totalComments: number
  readonly publishedAt: Date | null
}

export const article: Decoder<unknown, Article> = /*#__PURE__*/ struct('article', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  titles: relatedList('titles', localeField),
  slugs: list('slugs', slug),
  contents: relatedList('contents', localeField),
  keywords: nullableText('keywords'),
  section: related('section', section),
  creator: related('creator', user),
  author: related('author', user),
  attachments: relatedList('attachments', attachment),
  downloadAll: nullableText('download_all'),
  status: literal<ArticleStatus>('status'),
  upvoteCount: int('upvote_count'),
  downvoteCount: int('downvote_count'),
  views: int('views'),
  rank: int('rank'),
  tags: relatedList('tags', tag),
  isFeatured: bool('is_featured'),
  allowComments: bool('allow_comments'),
  totalComments: int('total_comments'),
  publishedAt: date('published_at'),
  ...stamps(),
  ...url()
}))

/** One hit of the help-center search (`/helpcenter/search`): the article's text in the searched locale, and the article. */
export interface ArticleHit extends Timestamps {
  readonly uuid: string | null
  readonly title: string
  /** HTML. */
  readonly contents: string
  /** The article's page in the help center. */
  readonly link: string | null
  readonly original: Related<Article> | null
  readonly extra: Resource['extra']
}

export const articleHit: Decoder<unknown, ArticleHit> = /*#__PURE__*/ struct(undefined, () => ({
  uuid: nullableText('uuid'),
  title: text('title'),
  contents: text('contents'),
  link: nullableText('link'),
  original: related('original', article),
  ...stamps()
}))
