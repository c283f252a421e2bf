/**
 * Conversation — `/conversations`, the customer side of cases (spec §3.1 "Messenger / customer side", §1.9): a
 * customer's own conversations, their public messages, ratings, and the Messenger's conversation starter. Run them with
 * a customer's executor: `auth: { fingerprintId }` (Kayako's Messenger and Java SDK: the conversations created with
 * that id), or a customer's `{ username, password }` or JWT `{ bearer }`. Newest first.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { create, getById, offsetList, relatedPage, type Parent } from './internal/endpoints'
import {
  conversation,
  conversationMessage,
  conversationRating,
  conversationStarter,
  type Conversation,
  type ConversationMessage,
  type ConversationRating,
  type ConversationStarter,
  type MessageSource,
  type RatingScore
} from './internal/entities/conversation'
import {
  checkStrings,
  csv,
  getRequest,
  json,
  many,
  none,
  one,
  postRequest,
  putRequest,
  segment,
  type ListFields,
  type OffsetArgs,
  type Page,
  type V1Request
} from './internal/request'

export type {
  Conversation,
  ConversationChannel,
  ConversationMessage,
  ConversationRating,
  ConversationStarter,
  MessageSource,
  MessageStatus,
  RatingScore,
  UserMinimal
} from './internal/entities/conversation'

/** The `source` values a customer's client may send: where the message was written. */
export const SOURCES = ['HELPCENTER', 'MESSENGER', 'API'] as const
/** The scores of a rating. */
export const SCORES = ['GOOD', 'BAD'] as const
/** The statuses a customer's client may set on a message it received. */
export const RECEIPTS = ['DELIVERED', 'SEEN'] as const

/** The filters of `GET /conversations` (`status`), with offset paging. */
export interface ConversationListArgs extends OffsetArgs {
  /** Only conversations in these status types (e.g. `['NEW', 'OPEN']`). */
  readonly statuses?: ReadonlyArray<string>
}

/** A new conversation, as the Messenger starts one (the Java SDK requires all five). */
export interface NewConversation {
  /** The customer's name. */
  readonly name: string
  /** The customer's e-mail address: the requester is the user with it (created when new). */
  readonly email: string
  readonly subject: string
  readonly contents: string
  readonly source: MessageSource
  /** The client's own id for the first message, echoed back (to match its answer to what it shows). */
  readonly clientId?: string
  /** Ids of files uploaded with `File.upload` by the same executor. */
  readonly attachmentFileIds?: ReadonlyArray<number>
}

/** A customer's reply on a conversation (`POST /conversations/:id/messages`). */
export interface NewMessage {
  readonly contents: string
  readonly source?: MessageSource
  /** The client's own id for the message, echoed back. */
  readonly clientId?: string
  /** Ids of files uploaded with `File.upload` by the same executor. */
  readonly attachmentFileIds?: ReadonlyArray<number>
}

/** A delivery receipt: the customer's client got (`DELIVERED`) or showed (`SEEN`) an agent's message. */
export interface MessageUpdate {
  readonly messageStatus: (typeof RECEIPTS)[number]
}

/** A customer's rating of a conversation (`POST /conversations/:id/ratings`), with an optional comment. */
export interface NewRating {
  readonly score: RatingScore
  readonly comment?: string
}

const PATH = '/conversations'

const source = { wire: 'source', check: (path: string, value: unknown) => V.oneOf(path, value, SOURCES) }
const clientId = { wire: 'clientId', check: V.nonBlank }
const attachmentFileIds = { wire: 'attachmentFileIds', check: V.positiveInts, encode: csv }

const FIELDS: Fields<NewConversation, unknown> = {
  name: { wire: 'name', check: V.nonBlank },
  email: { wire: 'email', check: V.email },
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  source,
  clientId,
  attachmentFileIds
}

const REQUIRED: RequiredFields<NewConversation> = { name: true, email: true, subject: true, contents: true, source: true }

const MESSAGE_FIELDS: Fields<NewMessage, unknown> = { contents: { wire: 'contents', check: V.nonBlank }, source, clientId, attachmentFileIds }

const MESSAGE_REQUIRED: RequiredFields<NewMessage> = { contents: true }

const UPDATE_FIELDS: Fields<MessageUpdate, unknown> = {
  messageStatus: { wire: 'messageStatus', check: (path, value) => V.oneOf(path, value, RECEIPTS) }
}

const UPDATE_REQUIRED: RequiredFields<MessageUpdate> = { messageStatus: true }

const RATING_FIELDS: Fields<NewRating, unknown> = {
  score: { wire: 'score', check: (path, value) => V.oneOf(path, value, SCORES) },
  comment: { wire: 'comment', check: V.isString }
}

const RATING_REQUIRED: RequiredFields<NewRating> = { score: true }

const LIST_FIELDS: ListFields<ConversationListArgs> = {
  statuses: { wire: 'status', check: checkStrings, encode: csv }
}

const conversationPath = (id: number): string => `${PATH}/${segment(id)}`

/** One page of the caller's own conversations, newest first (`GET /conversations`), by status type if given. */
export const all = /*#__PURE__*/ offsetList<ConversationListArgs, Conversation>('Conversation.all', PATH, conversation, LIST_FIELDS)

/** One of the caller's conversations (`GET /conversations/:id`). */
export const get = /*#__PURE__*/ getById('Conversation.get', PATH, conversation)

/** Starts a conversation as the Messenger does (`POST /conversations`, 201); the requester is the user with `email`. */
export const post = /*#__PURE__*/ create<NewConversation, Conversation>('Conversation.post', PATH, conversation, FIELDS, REQUIRED)

/** The Messenger's starter: the agents active lately and the average reply time (seconds). */
export const starter = (): V1Request<ConversationStarter> => getRequest('Conversation.starter', `${PATH}/starter`, one(conversationStarter))

// ---------------------------------------------------------------------------------------------------------------
// Messages (public replies only: a customer never sees notes)

/** The conversation as the parent of its messages. */
const PARENT: Parent = { module: 'Conversation', path: PATH, idName: 'conversationId' }

/** One page of a conversation's public messages (`GET /conversations/:id/messages`). */
export const messages = (conversationId: number, args: OffsetArgs = {}): V1Request<Page<ConversationMessage>> =>
  relatedPage(PARENT, 'messages', conversationMessage, conversationId, args)

/** One message of a conversation (`GET /conversations/:id/messages/:messageId`). */
export const message = (conversationId: number, messageId: number): V1Request<ConversationMessage> =>
  getRequest('Conversation.message', `${conversationPath(conversationId)}/messages/${segment(messageId)}`, one(conversationMessage), {
    issues: V.issues(V.positiveInt('conversationId', conversationId), V.positiveInt('messageId', messageId))
  })

/** Replies on a conversation as the customer (`POST /conversations/:id/messages`, 201). */
export const addMessage = (conversationId: number, input: NewMessage): V1Request<ConversationMessage> =>
  postRequest('Conversation.addMessage', `${conversationPath(conversationId)}/messages`, one(conversationMessage), {
    issues: V.issues(V.positiveInt('conversationId', conversationId), checkFields(MESSAGE_FIELDS, MESSAGE_REQUIRED, input)),
    body: json(wireValues(MESSAGE_FIELDS, input))
  })

/** Sets a delivery receipt on a message; the server answers `{"status":200}` only. */
export const updateMessage = (conversationId: number, messageId: number, input: MessageUpdate): V1Request<void> =>
  putRequest('Conversation.updateMessage', `${conversationPath(conversationId)}/messages/${segment(messageId)}`, none, {
    issues: V.issues(
      V.positiveInt('conversationId', conversationId),
      V.positiveInt('messageId', messageId),
      checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input)
    ),
    body: json(wireValues(UPDATE_FIELDS, input))
  })

// ---------------------------------------------------------------------------------------------------------------
// Ratings

/** A conversation's ratings (`GET /conversations/:id/ratings`, unpaginated). */
export const ratings = (conversationId: number): V1Request<ReadonlyArray<ConversationRating>> =>
  getRequest('Conversation.ratings', `${conversationPath(conversationId)}/ratings`, many(conversationRating), {
    issues: V.positiveInt('conversationId', conversationId)
  })

/** Rates a conversation as the customer (`POST /conversations/:id/ratings`, 201). */
export const addRating = (conversationId: number, input: NewRating): V1Request<ConversationRating> =>
  postRequest('Conversation.addRating', `${conversationPath(conversationId)}/ratings`, one(conversationRating), {
    issues: V.issues(V.positiveInt('conversationId', conversationId), checkFields(RATING_FIELDS, RATING_REQUIRED, input)),
    body: json(wireValues(RATING_FIELDS, input))
  })

export { get as find, post as save }
