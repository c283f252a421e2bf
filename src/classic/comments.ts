/**
 * What the three comment controllers share (spec §1.6): Knowledgebase, News and Troubleshooter comments are the same
 * server code with a different parent. Each comment module adds its parent id and its routes.
 */
import * as V from '../core/validate'
import { oneOfCodes } from './content'
import { phpForm, type FormPairs } from './request'
import type { Code } from './tickets'
import { int, requiredInt, text, timestamp } from './xml'

/** Who wrote a comment (`<creatortype>`), `SWIFT_Comment`. */
export const CommentCreatorType = { staff: 1, user: 2 } as const
export type CommentCreatorType = (typeof CommentCreatorType)[keyof typeof CommentCreatorType]

/** `<commentstatus>`: set by the server; a value sent by a client is ignored. */
export const CommentStatus = { pending: 1, approved: 2, spam: 3 } as const
export type CommentStatus = (typeof CommentStatus)[keyof typeof CommentStatus]

/** Fields of every comment. */
export interface CommentFields {
  readonly id: number
  readonly creatorType: Code<CommentCreatorType>
  /** Staff or user id; 0 for an anonymous user. */
  readonly creatorId: number
  readonly fullName: string
  /** As sent when the comment was posted (not validated, not taken from the staff or user record). */
  readonly email: string
  readonly ipAddress: string
  readonly dateline: Date | null
  /** 0 when the comment is not a reply. */
  readonly parentCommentId: number
  readonly commentStatus: Code<CommentStatus>
  readonly userAgent: string
  readonly referrer: string
  /** The page of the article, news item or step in the helpdesk's web interface. */
  readonly parentUrl: string
  readonly contents: string
}

/** The decoder fields of `CommentFields` (each module adds its parent id). */
export const commentFields = () => ({
  id: requiredInt('id'),
  creatorType: int('creatortype'),
  creatorId: int('creatorid'),
  fullName: text('fullname'),
  email: text('email'),
  ipAddress: text('ipaddress'),
  dateline: timestamp('dateline'),
  parentCommentId: int('parentcommentid'),
  commentStatus: int('commentstatus'),
  userAgent: text('useragent'),
  referrer: text('referrer'),
  parentUrl: text('parenturl'),
  contents: text('contents')
})

/**
 * A new comment. A staff comment needs `creatorId` (a staff id; the name is taken from the staff record). A user
 * comment takes either `creatorId` (a user id) or, for an anonymous user, `fullName`.
 */
export interface NewComment {
  readonly contents: string
  readonly creatorType: CommentCreatorType
  readonly creatorId?: number
  /** Required for a user comment without `creatorId`; ignored by the server when `creatorId` is given. */
  readonly fullName?: string
  /** Stored as given. */
  readonly email?: string
  /** The comment this one answers. */
  readonly parentCommentId?: number
}

export const checkNewComment = (parentPath: string, parentId: unknown, input: NewComment): V.Issues =>
  V.issues(
    V.nonBlank('contents', input.contents),
    V.positiveInt(parentPath, parentId),
    oneOfCodes('creatorType', input.creatorType, CommentCreatorType),
    input.creatorType === CommentCreatorType.staff || input.creatorId !== undefined ? V.positiveInt('creatorId', input.creatorId) : [],
    V.when(
      input.creatorType === CommentCreatorType.user && input.creatorId === undefined && (typeof input.fullName !== 'string' || input.fullName.trim() === ''),
      'fullName',
      'is required for a user comment without creatorId'
    ),
    V.optional(input.fullName, (s) => V.isString('fullName', s)),
    V.optional(input.email, (s) => V.isString('email', s)),
    V.optional(input.parentCommentId, (n) => V.nonNegativeInt('parentCommentId', n))
  )

/** The POST body; `parentField` is the server's name for the parent id (it differs from the XML element for KB). */
export const commentForm = (parentField: string, parentId: number, input: NewComment): FormPairs =>
  phpForm({
    contents: input.contents,
    [parentField]: parentId,
    creatortype: input.creatorType,
    creatorid: input.creatorId,
    fullname: input.fullName,
    email: input.email,
    parentcommentid: input.parentCommentId
  })
