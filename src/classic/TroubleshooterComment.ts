/**
 * TroubleshooterComment — `/Troubleshooter/Comment` (spec kb-news-troubleshooter §4.3, §1.6). Comments cannot be changed:
 * the server has no update.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { checkNewComment, commentFields, commentForm, type CommentFields, type NewComment } from './internal/comments'
import { deleteRequest, getRequest, postRequest, segment, type ClassicRequest } from './internal/request'
import { first, int, many, one, struct, type Extra, type XmlElement } from './internal/xml'

export { CommentCreatorType, CommentStatus, type NewComment } from './internal/comments'

/** A comment on a troubleshooter step as `GET /Troubleshooter/Comment/$id$` answers it. */
export interface TroubleshooterComment extends CommentFields {
  /** The step commented on. */
  readonly troubleshooterStepId: number
  readonly extra: Extra
}

/** A new comment on a step, for {@link post}. */
export type NewTroubleshooterComment = NewComment

const comment: Decoder<XmlElement, TroubleshooterComment> = /*#__PURE__*/ struct('troubleshooterstepcomment', {
  ...commentFields(),
  troubleshooterStepId: int('troubleshooterstepid')
})

const comments = /*#__PURE__*/ many('troubleshooterstepcomments', 'troubleshooterstepcomment', comment)
const oneComment = /*#__PURE__*/ first(comments)
const echoedComment = /*#__PURE__*/ one(comments)

const ROUTE = '/Troubleshooter/Comment'

/** Without a step: every troubleshooter comment, of any status (pending and spam included). With one: its comments. */
export const all = (troubleshooterStepId?: number): ClassicRequest<ReadonlyArray<TroubleshooterComment>> =>
  troubleshooterStepId === undefined
    ? getRequest('TroubleshooterComment.all', ROUTE, comments)
    : getRequest('TroubleshooterComment.all', `${ROUTE}/ListAll/${segment(troubleshooterStepId)}`, comments, {
        issues: V.positiveInt('troubleshooterStepId', troubleshooterStepId)
      })

/** One comment; `none` when there is no troubleshooter comment with that id. */
export const get = (id: number): ClassicRequest<O.Option<TroubleshooterComment>> =>
  getRequest('TroubleshooterComment.get', `${ROUTE}/${segment(id)}`, oneComment, { issues: V.positiveInt('id', id) })

/** The server decides the status (approved for staff; pending, approved or spam for users, by its spam check). */
export const post = (troubleshooterStepId: number, input: NewTroubleshooterComment): ClassicRequest<TroubleshooterComment> => {
  const issues = checkNewComment('troubleshooterStepId', troubleshooterStepId, input)
  return postRequest('TroubleshooterComment.post', ROUTE, echoedComment, {
    issues,
    form: V.whenValid(issues, () => commentForm('troubleshooterstepid', troubleshooterStepId, input))
  })
}

/**
 * Deletes a comment. The server checks neither that it exists nor that it is a troubleshooter comment: any comment
 * with that id is deleted, and the answer is always success.
 */
const del = (id: number): ClassicRequest<void> => deleteRequest('TroubleshooterComment.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, del as destroy }
