/**
 * NewsComment — `/News/Comment` (spec kb-news-troubleshooter §3.3, §1.6). Comments cannot be changed:
 * the server has no update.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { checkNewComment, commentFields, commentForm, type CommentFields, type NewComment } from './internal/comments'
import { deleteRequest, getRequest, postRequest, segment, type ClassicRequest } from './internal/request'
import { first, int, many, one, struct, type Extra, type XmlElement } from './internal/xml'

export { CommentCreatorType, CommentStatus, type NewComment } from './internal/comments'

/** A comment on a news item as `GET /News/Comment/$id$` answers it. */
export interface NewsComment extends CommentFields {
  /** The news item commented on. */
  readonly newsItemId: number
  readonly extra: Extra
}

/** A new comment on a news item, for {@link post}. */
export type NewNewsComment = NewComment

const comment: Decoder<XmlElement, NewsComment> = /*#__PURE__*/ struct('newsitemcomment', {
  ...commentFields(),
  newsItemId: int('newsitemid')
})

const comments = /*#__PURE__*/ many('newsitemcomments', 'newsitemcomment', comment)
const oneComment = /*#__PURE__*/ first(comments)
const echoedComment = /*#__PURE__*/ one(comments)

const ROUTE = '/News/Comment'

/** Without a news item: every news comment, of any status (pending and spam included). With one: its comments. */
export const all = (newsItemId?: number): ClassicRequest<ReadonlyArray<NewsComment>> =>
  newsItemId === undefined
    ? getRequest('NewsComment.all', ROUTE, comments)
    : getRequest('NewsComment.all', `${ROUTE}/ListAll/${segment(newsItemId)}`, comments, { issues: V.positiveInt('newsItemId', newsItemId) })

/** One comment; `none` when there is no news comment with that id. */
export const get = (id: number): ClassicRequest<O.Option<NewsComment>> =>
  getRequest('NewsComment.get', `${ROUTE}/${segment(id)}`, oneComment, { issues: V.positiveInt('id', id) })

/** The server decides the status (approved for staff; pending, approved or spam for users, by its spam check). */
export const post = (newsItemId: number, input: NewNewsComment): ClassicRequest<NewsComment> => {
  const issues = checkNewComment('newsItemId', newsItemId, input)
  return postRequest('NewsComment.post', ROUTE, echoedComment, {
    issues,
    form: V.whenValid(issues, () => commentForm('newsitemid', newsItemId, input))
  })
}

/**
 * Deletes a comment. The server checks neither that it exists nor that it is a news comment: any comment
 * with that id is deleted, and the answer is always success.
 */
const del = (id: number): ClassicRequest<void> => deleteRequest('NewsComment.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, del as destroy }
