import { date, list, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { localeField, type LocaleField, slug, type Slug } from './localeField'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'
import { tag, type Tag } from './tag'

/** An article's status: only `PUBLISHED` articles are shown in the help center. */
export type ArticleStatus = 'DRAFT' | 'PUBLISHED'

/**
 * A help-center article. Its title and contents are locale fields: one per translation. Its texts, attachments and
 * tags are typed; its section and the users who wrote it are decoded generically (see {@link AnyResource}).
 */
export interface Article extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly titles: ReadonlyArray<Related<LocaleField>>
  readonly slugs: ReadonlyArray<Slug>
  readonly contents: ReadonlyArray<Related<LocaleField>>
  /** Comma-separated, as the server keeps them. */
  readonly keywords: string | null
  /** A section (`Section.get` reads it whole). */
  readonly section: Related<AnyResource> | null
  /** A user. */
  readonly creator: Related<AnyResource> | null
  /** A user. */
  readonly author: Related<AnyResource> | null
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

export const article: Decoder<unknown, Article> = /*#__PURE__*/ record(
  'article',
  'id:I uuid titles:1 slugs:2 contents:1 keywords section:3 creator:3 author:3 attachments:4 downloadAll status ' +
    'upvoteCount:i downvoteCount:i views:i rank:i tags:5 isFeatured:b allowComments:b totalComments:i ' +
    'publishedAt:0 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, relatedList(localeField), list(slug), related(anyResource), relatedList(attachment), relatedList(tag)]
)

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

export const articleHit: Decoder<unknown, ArticleHit> = /*#__PURE__*/ record(
  undefined,
  'uuid title:t contents:t link original:1 createdAt:0 updatedAt:0',
  () => [date, related(article)]
)
