import { date, freeForm, list, nullableNumber, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { customFieldValue, type CustomFieldValue } from './caseField'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'
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

export const userMinimal: Decoder<unknown, UserMinimal> = /*#__PURE__*/ record(
  'user_minimal',
  'id:I fullName:t avatar lastActiveAt:0 lastSeenAt:0 resourceUrl',
  () => [date]
)

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

export const conversation: Decoder<unknown, Conversation> = /*#__PURE__*/ record(
  'conversation',
  'id:I uuid legacyId subject:t channel requester:1 creator:1 lastReplier:1 lastAgentReplier:1 assignedTeam:2 ' +
    'assignedAgent:1 status:3 isCompleted:b priority:4 type:5 readMarker:6 customFields:7 realtimeChannel ' +
    'lastMessageStatus lastMessagePreview lastRepliedAt:0 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(userMinimal), related(team), related(caseStatus), related(casePriority), related(caseType), related(anyResource), list(customFieldValue)]
)

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

export const conversationMessage: Decoder<unknown, ConversationMessage> = /*#__PURE__*/ record(
  'conversation_message',
  'id:I uuid clientId subject:t channel contentText:t contentHtml creator:1 attachments:2 downloadAll source ' +
    'metadata:3 messageStatus messageStatusRejectType messageStatusRejectReason messageStatusUpdatedAt:0 ' +
    'createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(userMinimal), list(attachment), freeForm]
)

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

export const conversationRating: Decoder<unknown, ConversationRating> = /*#__PURE__*/ record(
  'conversation_rating',
  'id:I score comment conversation:1 creator:2 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(conversation), related(userMinimal)]
)

/** What the Messenger shows before a conversation starts: the agents active lately and the usual reply time. */
export interface ConversationStarter {
  readonly lastActiveAgents: ReadonlyArray<Related<UserMinimal>>
  /** Seconds. */
  readonly averageReplyTime: number | null
  readonly extra: Readonly<Record<string, unknown>>
}

export const conversationStarter: Decoder<unknown, ConversationStarter> = /*#__PURE__*/ record(
  'conversation_starter',
  'lastActiveAgents:0 averageReplyTime:1',
  () => [relatedList(userMinimal), nullableNumber]
)
