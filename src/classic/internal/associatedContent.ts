/**
 * Associated objects of the Knowledgebase, News and Troubleshooter modules, in the style of `associated.ts`: pure
 * helpers, typed structurally, that turn an entity into the request(s) for what it refers to — an article's
 * categories, comments and files, a step's category, parents and children, a comment's article, news item or step.
 * Lists of ids give one request per id (for `TE.traverseArray(run)`); 0 ("the top level") is never requested.
 * Kept out of the resource modules so that none of them pulls in another.
 */
import * as O from '../../core/option'
import type { OptionalRequest } from './associated'
import type { EmbeddedAttachment } from './content'
import * as KnowledgebaseArticle from '../KnowledgebaseArticle'
import * as KnowledgebaseAttachment from '../KnowledgebaseAttachment'
import * as KnowledgebaseCategory from '../KnowledgebaseCategory'
import * as KnowledgebaseComment from '../KnowledgebaseComment'
import * as NewsCategory from '../NewsCategory'
import * as NewsComment from '../NewsComment'
import * as NewsItem from '../NewsItem'
import type { ClassicRequest } from './request'
import * as TroubleshooterAttachment from '../TroubleshooterAttachment'
import * as TroubleshooterCategory from '../TroubleshooterCategory'
import * as TroubleshooterComment from '../TroubleshooterComment'
import * as TroubleshooterStep from '../TroubleshooterStep'

const each = <A>(ids: ReadonlyArray<number>, request: (id: number) => ClassicRequest<A>): ReadonlyArray<ClassicRequest<A>> =>
  ids.filter((id) => id > 0).map((id) => request(id))

// --- Knowledgebase

/** The categories an article is in (the top level, 0, left out). */
export const kbCategoriesOf = (article: {
  readonly categoryIds: ReadonlyArray<number>
}): ReadonlyArray<ClassicRequest<O.Option<KnowledgebaseCategory.KnowledgebaseCategory>>> => each(article.categoryIds, KnowledgebaseCategory.get)

/** The category a category is in; `none` for a top-level category. */
export const parentKbCategoryOf = (category: { readonly parentKbCategoryId: number }): OptionalRequest<KnowledgebaseCategory.KnowledgebaseCategory> =>
  category.parentKbCategoryId === 0 ? O.none : O.some(KnowledgebaseCategory.get(category.parentKbCategoryId))

/** The published articles of a category. */
export const kbArticlesOf = (category: { readonly id: number }): ClassicRequest<ReadonlyArray<KnowledgebaseArticle.KnowledgebaseArticle>> =>
  KnowledgebaseArticle.all(category.id)

/** An article's comments: `GET /Knowledgebase/Comment/ListAll/$articleid$`. */
export const kbCommentsOf = (article: { readonly id: number }): ClassicRequest<ReadonlyArray<KnowledgebaseComment.KnowledgebaseComment>> =>
  KnowledgebaseComment.all(article.id)

/** Every file of an article, contents included (also those the article's own list leaves out). */
export const kbAttachmentsOf = (article: { readonly id: number }): ClassicRequest<ReadonlyArray<KnowledgebaseAttachment.KnowledgebaseAttachment>> =>
  KnowledgebaseAttachment.all(article.id)

/** The full file (with contents) of an attachment listed in an article. */
export const kbAttachmentOf = (
  article: { readonly id: number },
  attachment: Pick<EmbeddedAttachment, 'id'>
): ClassicRequest<KnowledgebaseAttachment.KnowledgebaseAttachment> => KnowledgebaseAttachment.get(article.id, attachment.id)

/** The article a comment or a file belongs to. */
export const kbArticleOf = (x: { readonly kbArticleId: number }): ClassicRequest<O.Option<KnowledgebaseArticle.KnowledgebaseArticle>> =>
  KnowledgebaseArticle.get(x.kbArticleId)

// --- News

/** One request per category of a news item (`categoryIds`); each answers `none` for a category that is gone. */
export const newsCategoriesOf = (item: { readonly categoryIds: ReadonlyArray<number> }): ReadonlyArray<ClassicRequest<O.Option<NewsCategory.NewsCategory>>> =>
  each(item.categoryIds, NewsCategory.get)

/** The active news of a category (the server gives all active news for a category without items). */
export const newsItemsOf = (category: { readonly id: number }): ClassicRequest<ReadonlyArray<NewsItem.NewsItem>> => NewsItem.all(category.id)

/** A news item's comments: `GET /News/Comment/ListAll/$newsitemid$`. */
export const newsCommentsOf = (item: { readonly id: number }): ClassicRequest<ReadonlyArray<NewsComment.NewsComment>> => NewsComment.all(item.id)

/** The news item a comment belongs to. */
export const newsItemOf = (comment: { readonly newsItemId: number }): ClassicRequest<O.Option<NewsItem.NewsItem>> => NewsItem.get(comment.newsItemId)

// --- Troubleshooter

/** A step's category. */
export const troubleshooterCategoryOf = (step: { readonly categoryId: number }): ClassicRequest<O.Option<TroubleshooterCategory.TroubleshooterCategory>> =>
  TroubleshooterCategory.get(step.categoryId)

/** The steps a step follows (the top of the category, 0, left out). */
export const parentStepsOf = (step: {
  readonly parentStepIds: ReadonlyArray<number>
}): ReadonlyArray<ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>>> => each(step.parentStepIds, TroubleshooterStep.get)

/** The steps that follow a step, in display order. */
export const childStepsOf = (step: {
  readonly childStepIds: ReadonlyArray<number>
}): ReadonlyArray<ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>>> => each(step.childStepIds, TroubleshooterStep.get)

/** A troubleshooter step's comments: `GET /Troubleshooter/Comment/ListAll/$troubleshooterstepid$`. */
export const stepCommentsOf = (step: { readonly id: number }): ClassicRequest<ReadonlyArray<TroubleshooterComment.TroubleshooterComment>> =>
  TroubleshooterComment.all(step.id)

/** A troubleshooter step's attachments: `GET /Troubleshooter/Attachment/ListAll/$troubleshooterstepid$`. */
export const stepAttachmentsOf = (step: { readonly id: number }): ClassicRequest<ReadonlyArray<TroubleshooterAttachment.TroubleshooterAttachment>> =>
  TroubleshooterAttachment.all(step.id)

/** The full file (with contents) of an attachment listed in a step. */
export const stepAttachmentOf = (
  step: { readonly id: number },
  attachment: Pick<EmbeddedAttachment, 'id'>
): ClassicRequest<TroubleshooterAttachment.TroubleshooterAttachment> => TroubleshooterAttachment.get(step.id, attachment.id)

/** The step a comment or a file belongs to. */
export const stepOf = (x: { readonly troubleshooterStepId: number }): ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>> =>
  TroubleshooterStep.get(x.troubleshooterStepId)
