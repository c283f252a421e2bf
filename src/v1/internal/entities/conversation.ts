import { bool, date, freeForm, list, literal, nullableNumber, nullableText, related, type Related, relatedList, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { customFieldValue, type CustomFieldValue } from './caseField'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { anyResource, type AnyResource, type Resource, stamps, type Timestamps, url } from './resource'
import { type Team, team } from './team'

/**
 * A user as the customer side shows one (`user_minimal`): no e-mail, role or teams. A full user decodes too (its other
 * keys go to `extra`).
 */
export interface UserMinimal extends Resource {
  readonly id: number
  readonly fullName: string
  readonly avatar: string | null
  readonly lastActiveAt: Date | null
  readonly lastSeenAt: Date | null
}

export const userMinimal: Decoder<unknown, UserMinimal> = /*#__PURE__*/ struct('user_minimal', () => ({
  id: requiredInt('id'),
  fullName: text('full_name'),
  avatar: nullableText('avatar'),
  lastActiveAt: date('last_active_at'),
  lastSeenAt: date('last_seen_at'),
  ...url()
}))

/** The channel a conversation or message came in by. */
export type ConversationChannel = 'MAIL' | 'HELPCENTER' | 'MESSENGER' | 'TWITTER' | 'FACEBOOK'

/** A case as its requester sees it (spec §3.2 "customer-facing view of cases": the `conversation` resource). */
export interface Conversation extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly legacyId: string | null
  readonly subject: string
  readonly channel: ConversationChannel | null
  readonly requester: Related<UserMinimal> | null
  readonly creator: Related<UserMinimal> | null
  readonly lastReplier: Related<UserMinimal> | null
  readonly lastAgentReplier: Related<UserMinimal> | null
  readonly assignedTeam: Related<Team> | null
  readonly assignedAgent: Related<UserMinimal> | null
  readonly status: Related<CaseStatus> | null
  /** `is_completed` in live answers (the docs say `is_closed`, kept in `extra` when sent). */
  readonly isCompleted: boolean
  readonly priority: Related<CasePriority> | null
  readonly type: Related<CaseType> | null
  readonly readMarker: Related<AnyResource> | null
  readonly customFields: ReadonlyArray<CustomFieldValue>
  readonly realtimeChannel: string | null
  readonly lastMessageStatus: MessageStatus | null
  readonly lastMessagePreview: string | null
  readonly lastRepliedAt: Date | null
}

export const conversation: Decoder<unknown, Conversation> = /*#__PURE__*/ struct('conversation', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  legacyId: nullableText('legacy_id'),
  subject: text('subject'),
  channel: literal<ConversationChannel>('channel'),
  requester: related('requester', userMinimal),
  creator: related('creator', userMinimal),
  lastReplier: related('last_replier', userMinimal),
  lastAgentReplier: related('last_agent_replier', userMinimal),
  assignedTeam: related('assigned_team', team),
  assignedAgent: related('assigned_agent', userMinimal),
  status: related('status', caseStatus),
  isCompleted: bool('is_completed'),
  priority: related('priority', casePriority),
  type: related('type', caseType),
  readMarker: related('read_marker', anyResource),
  customFields: list('custom_fields', customFieldValue),
  realtimeChannel: nullableText('realtime_channel'),
  lastMessageStatus: literal<MessageStatus>('last_message_status'),
  lastMessagePreview: nullableText('last_message_preview'),
  lastRepliedAt: date('last_replied_at'),
  ...stamps(),
  ...url()
}))

/** How far a message got: sent, delivered, seen by the other side, or rejected. */
export type MessageStatus = 'SENT' | 'DELIVERED' | 'SEEN' | 'REJECTED'

/** Where a message was written (the JSDK's `MessageSourceType`). */
export type MessageSource = 'HELPCENTER' | 'MESSENGER' | 'API'

/** A public message of a conversation (`conversation_message`; its `resource_type` is `case_message`). */
export interface ConversationMessage extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  /** The client's own id for the message, echoed (JSDK `client_id`). */
  readonly clientId: string | null
  readonly subject: string
  readonly channel: ConversationChannel | null
  readonly contentText: string
  readonly contentHtml: string | null
  readonly creator: Related<UserMinimal> | null
  readonly attachments: ReadonlyArray<Attachment>
  /** The URL of every attachment in one archive. */
  readonly downloadAll: string | null
  readonly source: MessageSource | null
  /** `{ user_agent, page_url }` as sent. */
  readonly metadata: Readonly<Record<string, unknown>>
  readonly messageStatus: MessageStatus | null
  readonly messageStatusRejectType: string | null
  readonly messageStatusRejectReason: string | null
  readonly messageStatusUpdatedAt: Date | null
}

export const conversationMessage: Decoder<unknown, ConversationMessage> = /*#__PURE__*/ struct('conversation_message', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  clientId: nullableText('client_id'),
  subject: text('subject'),
  channel: literal<ConversationChannel>('channel'),
  contentText: text('content_text'),
  contentHtml: nullableText('content_html'),
  creator: related('creator', userMinimal),
  attachments: list('attachments', attachment),
  downloadAll: nullableText('download_all'),
  source: literal<MessageSource>('source'),
  metadata: freeForm('metadata'),
  messageStatus: literal<MessageStatus>('message_status'),
  messageStatusRejectType: nullableText('message_status_reject_type'),
  messageStatusRejectReason: nullableText('message_status_reject_reason'),
  messageStatusUpdatedAt: date('message_status_updated_at'),
  ...stamps(),
  ...url()
}))

/** A customer's verdict on a conversation. */
export type RatingScore = 'GOOD' | 'BAD'

/** A customer's rating of a conversation (`conversation_rating`). */
export interface ConversationRating extends Timestamps, Resource {
  readonly id: number
  readonly score: RatingScore | null
  readonly comment: string | null
  readonly conversation: Related<Conversation> | null
  readonly creator: Related<UserMinimal> | null
}

export const conversationRating: Decoder<unknown, ConversationRating> = /*#__PURE__*/ struct('conversation_rating', () => ({
  id: requiredInt('id'),
  score: literal<RatingScore>('score'),
  comment: nullableText('comment'),
  conversation: related('conversation', conversation),
  creator: related('creator', userMinimal),
  ...stamps(),
  ...url()
}))

/** What the Messenger shows before a conversation starts: the agents active lately and the usual reply time. */
export interface ConversationStarter {
  readonly lastActiveAgents: ReadonlyArray<Related<UserMinimal>>
  /** Seconds. */
  readonly averageReplyTime: number | null
  readonly extra: Readonly<Record<string, unknown>>
}

export const conversationStarter: Decoder<unknown, ConversationStarter> = /*#__PURE__*/ struct('conversation_starter', () => ({
  lastActiveAgents: relatedList('last_active_agents', userMinimal),
  averageReplyTime: nullableNumber('average_reply_time')
}))
