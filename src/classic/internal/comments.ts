/**
 * What the three comment controllers share (spec §1.6): Knowledgebase, News and Troubleshooter comments are the same
 * server code with a different parent. Each comment module adds its parent id and its routes.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import { oneOfCodes } from './content'
import { phpForm, type FormPairs, type FormValue } from './request'
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

/** Every field of a new comment, described once (the parent id is the builder's first argument). */
const FIELDS: Fields<NewComment, FormValue> = {
  contents: { wire: 'contents', check: V.nonBlank },
  creatorType: { wire: 'creatortype', check: (path, value) => oneOfCodes(path, value, CommentCreatorType) },
  creatorId: { wire: 'creatorid', check: V.positiveInt },
  fullName: { wire: 'fullname', check: V.isString },
  email: { wire: 'email', check: V.isString },
  parentCommentId: { wire: 'parentcommentid', check: V.nonNegativeInt }
}

const NEW_REQUIRED: RequiredFields<NewComment> = { contents: true, creatorType: true }

const rules = (input: Partial<NewComment>): V.Issues =>
  V.issues(
    input.creatorType === CommentCreatorType.staff && input.creatorId === undefined ? V.positiveInt('creatorId', input.creatorId) : [],
    V.when(
      input.creatorType === CommentCreatorType.user && input.creatorId === undefined && (typeof input.fullName !== 'string' || input.fullName.trim() === ''),
      'fullName',
      'is required for a user comment without creatorId'
    )
  )

export const checkNewComment = (parentPath: string, parentId: unknown, input: NewComment): V.Issues =>
  V.issues(V.positiveInt(parentPath, parentId), checkFields(FIELDS, NEW_REQUIRED, input, rules))

/** The POST body; `parentField` is the server's name for the parent id (it differs from the XML element for KB). */
export const commentForm = (parentField: string, parentId: number, input: NewComment): FormPairs => {
  const { contents, ...rest } = wireValues(FIELDS, input)
  // The parent follows the contents, as the official clients send it.
  return phpForm({ contents, [parentField]: parentId, ...rest })
}
