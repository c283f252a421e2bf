/**
 * KnowledgebaseComment — `/Knowledgebase/Comment` (spec kb-news-troubleshooter §2.3, §1.6). Comments cannot be changed:
 * the server has no update.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { checkNewComment, commentFields, commentForm, type CommentFields, type NewComment } from './internal/comments'
import { deleteRequest, getRequest, postRequest, segment, type ClassicRequest } from './internal/request'
import { first, int, many, one, struct, type Extra, type XmlElement } from './internal/xml'

export { CommentCreatorType, CommentStatus, type NewComment } from './internal/comments'

/** A comment on a knowledgebase article as `GET /Knowledgebase/Comment/$id$` answers it. */
export interface KnowledgebaseComment extends CommentFields {
  /** The article commented on. */
  readonly kbArticleId: number
  readonly extra: Extra
}

/** A new comment on an article, for {@link post}. */
export type NewKnowledgebaseComment = NewComment

const comment: Decoder<XmlElement, KnowledgebaseComment> = /*#__PURE__*/ struct('kbarticlecomment', {
  ...commentFields(),
  kbArticleId: int('kbarticleid')
})

const comments = /*#__PURE__*/ many('kbarticlecomments', 'kbarticlecomment', comment)
const oneComment = /*#__PURE__*/ first(comments)
const echoedComment = /*#__PURE__*/ one(comments)

const ROUTE = '/Knowledgebase/Comment'

/** Without an article: every Knowledgebase comment, of any status (pending and spam included). With one: its comments. */
export const all = (kbArticleId?: number): ClassicRequest<ReadonlyArray<KnowledgebaseComment>> =>
  kbArticleId === undefined
    ? getRequest('KnowledgebaseComment.all', ROUTE, comments)
    : getRequest('KnowledgebaseComment.all', `${ROUTE}/ListAll/${segment(kbArticleId)}`, comments, { issues: V.positiveInt('kbArticleId', kbArticleId) })

/** One comment; `none` when there is no Knowledgebase comment with that id. */
export const get = (id: number): ClassicRequest<O.Option<KnowledgebaseComment>> =>
  getRequest('KnowledgebaseComment.get', `${ROUTE}/${segment(id)}`, oneComment, { issues: V.positiveInt('id', id) })

/** The server decides the status (approved for staff; pending, approved or spam for users, by its spam check). */
export const post = (kbArticleId: number, input: NewKnowledgebaseComment): ClassicRequest<KnowledgebaseComment> => {
  const issues = checkNewComment('kbArticleId', kbArticleId, input)
  // The server reads the article under another name than the one it answers with.
  return postRequest('KnowledgebaseComment.post', ROUTE, echoedComment, {
    issues,
    form: V.whenValid(issues, () => commentForm('knowledgebasearticleid', kbArticleId, input))
  })
}

/**
 * Deletes a comment. The server checks neither that it exists nor that it is a Knowledgebase comment: any comment
 * with that id is deleted, and the answer is always success.
 */
const del = (id: number): ClassicRequest<void> => deleteRequest('KnowledgebaseComment.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, del as destroy }
