import { date, type Extra, list, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { customFieldValue, type CustomFieldValue, shallowCustomFieldValue } from './caseField'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { type Channel, channel } from './channel'
import { type User, user } from './people'
import { post, type Post, type PostStatus } from './post'
import { anyResource, type AnyResource, type Resource, type Shallow, type Timestamps } from './resource'
import { tag, type Tag } from './tag'
import { type Team, team } from './team'

/** Whether a case is live, suspended, or in the trash (`Case.trash`, `Case.restore`). */
export type CaseState = 'ACTIVE' | 'SUSPENDED' | 'TRASH'

/**
 * A case (a conversation, a ticket): its requester, assignment, status, priority, type, form, channel, tags and
 * custom field values. Related resources are references unless the request includes them (`include`).
 */
export interface Case extends Timestamps, Resource {
  readonly id: number
  readonly legacyId: string | null
  readonly subject: string
  readonly portal: string | null
  readonly sourceChannel: Related<Channel> | null
  readonly lastPublicChannel: Related<Channel> | null
  readonly requester: Related<User> | null
  readonly creator: Related<User> | null
  readonly identity: Related<AnyResource> | null
  readonly assignee: Related<User> | null
  readonly assignedAgent: Related<User> | null
  readonly assignedTeam: Related<Team> | null
  readonly lastAssignedBy: Related<User> | null
  readonly brand: Related<AnyResource> | null
  readonly status: Related<CaseStatus> | null
  readonly priority: Related<CasePriority> | null
  readonly type: Related<CaseType> | null
  readonly readMarker: Related<AnyResource> | null
  readonly slaVersion: Related<AnyResource> | null
  readonly slaMetrics: ReadonlyArray<Related<AnyResource>>
  readonly form: Related<AnyResource> | null
  readonly customFields: ReadonlyArray<CustomFieldValue>
  readonly lastReplier: Related<User> | null
  readonly lastReplierIdentity: Related<AnyResource> | null
  readonly lastCompletedBy: Related<User> | null
  readonly lastUpdatedBy: Related<User> | null
  readonly lastClosedBy: Related<User> | null
  readonly state: CaseState | null
  readonly postCount: number
  readonly hasNotes: boolean
  readonly pinnedNotesCount: number
  readonly hasAttachments: boolean
  readonly isMerged: boolean
  readonly rating: 'GOOD' | 'BAD' | null
  readonly ratingStatus: 'UNOFFERED' | 'OFFERED' | 'RECEIVED' | null
  /** Only with `fields: ['+tags']`. */
  readonly tags: ReadonlyArray<Related<Tag>>
  /** Only with `fields: ['+replyChannels']`. */
  readonly replyChannels: ReadonlyArray<Related<Channel>>
  readonly lastPostStatus: PostStatus | null
  readonly lastPostPreview: string | null
  readonly lastPostType: 'PUBLIC' | 'NOTE' | null
  readonly lastMessagePreview: string | null
  readonly realtimeChannel: string | null
  readonly lastAssignedAt: Date | null
  readonly lastRepliedAt: Date | null
  readonly lastOpenedAt: Date | null
  readonly lastPendingAt: Date | null
  readonly lastClosedAt: Date | null
  readonly lastCompletedAt: Date | null
  readonly lastAgentActivityAt: Date | null
  readonly lastCustomerActivityAt: Date | null
  readonly lastReplyByAgentAt: Date | null
  readonly lastReplyByRequesterAt: Date | null
  readonly latestAssigneeUpdate: Date | null
  readonly agentUpdatedAt: Date | null
}

const CASE =
  'id:I legacyId subject:t portal sourceChannel:1 lastPublicChannel:1 requester:2 creator:2 identity:3 ' +
  'assignee:2 assignedAgent:2 assignedTeam:4 lastAssignedBy:2 brand:3 status:5 priority:6 type:7 readMarker:3 ' +
  'slaVersion:3 slaMetrics:8 form:3 customFields:9 lastReplier:2 lastReplierIdentity:3 lastCompletedBy:2 ' +
  'lastUpdatedBy:2 lastClosedBy:2 state postCount:i hasNotes:b pinnedNotesCount:i hasAttachments:b isMerged:b ' +
  'rating ratingStatus tags:10 replyChannels:11 lastPostStatus lastPostPreview lastPostType lastMessagePreview ' +
  'realtimeChannel lastAssignedAt:0 lastRepliedAt:0 lastOpenedAt:0 lastPendingAt:0 lastClosedAt:0 ' +
  'lastCompletedAt:0 lastAgentActivityAt:0 lastCustomerActivityAt:0 lastReplyByAgentAt:0 ' +
  'lastReplyByRequesterAt:0 latestAssigneeUpdate:0 agentUpdatedAt:0 createdAt:0 updatedAt:0 resourceUrl'

export const kase: Decoder<unknown, Case> = /*#__PURE__*/ record('case', CASE, () => [
  date,
  related(channel),
  related(user),
  related(anyResource),
  related(team),
  related(caseStatus),
  related(casePriority),
  related(caseType),
  relatedList(anyResource),
  list(customFieldValue),
  relatedList(tag),
  relatedList(channel)
])

/** A case with its related resources decoded generically: what `Search.query` finds. */
export const shallowCase: Decoder<unknown, Shallow<Case>> = /*#__PURE__*/ record('case', CASE, () => {
  const one = related(anyResource)
  const many = relatedList(anyResource)
  return [date, one, one, one, one, one, one, one, many, list(shallowCustomFieldValue), many, many]
})

/** The answer to a reply: the posts it created and the case. */
export interface CaseReply {
  readonly posts: ReadonlyArray<Related<Post>>
  readonly case: Related<Case> | null
  readonly extra: Extra
}

export const caseReply: Decoder<unknown, CaseReply> = /*#__PURE__*/ record('case_reply', 'posts:0 case:1', () => [relatedList(post), related(kase)])
