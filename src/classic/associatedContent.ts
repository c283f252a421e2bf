/**
 * Requests for the objects a Knowledgebase, News or Troubleshooter object points at: an article's categories,
 * comments and files, a step's category, parents and children, a comment's parent … Each helper returns
 * descriptions (run them with the executor); lists of ids give one description per id, for `TE.sequenceArray` or
 * `TE.traverseArray`. Kept out of the resource modules so that none of them pulls in another.
 */
import * as O from 'fp-ts/Option'
import type { EmbeddedAttachment } from './content'
import * as KnowledgebaseArticle from './KnowledgebaseArticle'
import * as KnowledgebaseAttachment from './KnowledgebaseAttachment'
import * as KnowledgebaseCategory from './KnowledgebaseCategory'
import * as KnowledgebaseComment from './KnowledgebaseComment'
import * as NewsCategory from './NewsCategory'
import * as NewsComment from './NewsComment'
import * as NewsItem from './NewsItem'
import type { ClassicRequest } from './request'
import * as TroubleshooterAttachment from './TroubleshooterAttachment'
import * as TroubleshooterCategory from './TroubleshooterCategory'
import * as TroubleshooterComment from './TroubleshooterComment'
import * as TroubleshooterStep from './TroubleshooterStep'

// 0 stands for "the top level" in category and parent lists: there is nothing to fetch for it.
const realIds = (ids: ReadonlyArray<number>): ReadonlyArray<number> => ids.filter((id) => id > 0)

// --- Knowledgebase

/** The categories an article is in (the top level, 0, left out). */
export const articleCategories = (
  article: Pick<KnowledgebaseArticle.KnowledgebaseArticle, 'categoryIds'>
): ReadonlyArray<ClassicRequest<O.Option<KnowledgebaseCategory.KnowledgebaseCategory>>> => realIds(article.categoryIds).map(KnowledgebaseCategory.get)

/** The category a category is in; `none` for a top-level category. */
export const parentCategory = (
  category: Pick<KnowledgebaseCategory.KnowledgebaseCategory, 'parentKbCategoryId'>
): O.Option<ClassicRequest<O.Option<KnowledgebaseCategory.KnowledgebaseCategory>>> =>
  category.parentKbCategoryId > 0 ? O.some(KnowledgebaseCategory.get(category.parentKbCategoryId)) : O.none

/** The published articles of a category. */
export const categoryArticles = (
  category: Pick<KnowledgebaseCategory.KnowledgebaseCategory, 'id'>
): ClassicRequest<ReadonlyArray<KnowledgebaseArticle.KnowledgebaseArticle>> => KnowledgebaseArticle.all(category.id)

export const articleComments = (
  article: Pick<KnowledgebaseArticle.KnowledgebaseArticle, 'id'>
): ClassicRequest<ReadonlyArray<KnowledgebaseComment.KnowledgebaseComment>> => KnowledgebaseComment.all(article.id)

/** Every file of an article, contents included (also those the article's own list leaves out). */
export const articleAttachments = (
  article: Pick<KnowledgebaseArticle.KnowledgebaseArticle, 'id'>
): ClassicRequest<ReadonlyArray<KnowledgebaseAttachment.KnowledgebaseAttachment>> => KnowledgebaseAttachment.all(article.id)

/** The full attachment (with contents) of one listed in an article. */
export const articleAttachment = (
  article: Pick<KnowledgebaseArticle.KnowledgebaseArticle, 'id'>,
  attachment: Pick<EmbeddedAttachment, 'id'>
): ClassicRequest<KnowledgebaseAttachment.KnowledgebaseAttachment> => KnowledgebaseAttachment.get(article.id, attachment.id)

/** The article a comment or a file belongs to. */
export const commentArticle = (
  item: Pick<KnowledgebaseComment.KnowledgebaseComment, 'kbArticleId'>
): ClassicRequest<O.Option<KnowledgebaseArticle.KnowledgebaseArticle>> => KnowledgebaseArticle.get(item.kbArticleId)

export { commentArticle as attachmentArticle }

// --- News

export const newsItemCategories = (
  item: Pick<NewsItem.NewsItem, 'categoryIds'>
): ReadonlyArray<ClassicRequest<O.Option<NewsCategory.NewsCategory>>> => realIds(item.categoryIds).map(NewsCategory.get)

/** The active news of a category (the server gives all active news for a category without items). */
export const categoryNewsItems = (category: Pick<NewsCategory.NewsCategory, 'id'>): ClassicRequest<ReadonlyArray<NewsItem.NewsItem>> =>
  NewsItem.all(category.id)

export const newsItemComments = (item: Pick<NewsItem.NewsItem, 'id'>): ClassicRequest<ReadonlyArray<NewsComment.NewsComment>> =>
  NewsComment.all(item.id)

export const commentNewsItem = (comment: Pick<NewsComment.NewsComment, 'newsItemId'>): ClassicRequest<O.Option<NewsItem.NewsItem>> =>
  NewsItem.get(comment.newsItemId)

// --- Troubleshooter

export const stepCategory = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'categoryId'>
): ClassicRequest<O.Option<TroubleshooterCategory.TroubleshooterCategory>> => TroubleshooterCategory.get(step.categoryId)

/** The steps a step follows (the top of the category, 0, left out). */
export const stepParents = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'parentStepIds'>
): ReadonlyArray<ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>>> => realIds(step.parentStepIds).map(TroubleshooterStep.get)

/** The steps that follow a step, in display order. */
export const stepChildren = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'childStepIds'>
): ReadonlyArray<ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>>> => realIds(step.childStepIds).map(TroubleshooterStep.get)

export const stepComments = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'id'>
): ClassicRequest<ReadonlyArray<TroubleshooterComment.TroubleshooterComment>> => TroubleshooterComment.all(step.id)

export const stepAttachments = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'id'>
): ClassicRequest<ReadonlyArray<TroubleshooterAttachment.TroubleshooterAttachment>> => TroubleshooterAttachment.all(step.id)

/** The full attachment (with contents) of one listed in a step. */
export const stepAttachment = (
  step: Pick<TroubleshooterStep.TroubleshooterStep, 'id'>,
  attachment: Pick<EmbeddedAttachment, 'id'>
): ClassicRequest<TroubleshooterAttachment.TroubleshooterAttachment> => TroubleshooterAttachment.get(step.id, attachment.id)

/** The step a comment or a file belongs to. */
export const commentStep = (
  item: Pick<TroubleshooterComment.TroubleshooterComment, 'troubleshooterStepId'>
): ClassicRequest<O.Option<TroubleshooterStep.TroubleshooterStep>> => TroubleshooterStep.get(item.troubleshooterStepId)

export { commentStep as attachmentStep }
