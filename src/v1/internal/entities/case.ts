import { bool, date, type Extra, int, list, literal, nullableText, related, type Related, relatedList, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { customFieldValue, type CustomFieldValue } from './caseField'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { type Channel, channel } from './channel'
import { type User, user } from './people'
import { post, type Post, type PostStatus } from './post'
import { anyResource, type AnyResource, type Resource, stamps, type Timestamps, url } from './resource'
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

export const kase: Decoder<unknown, Case> = /*#__PURE__*/ struct('case', () => ({
  id: requiredInt('id'),
  legacyId: nullableText('legacy_id'),
  subject: text('subject'),
  portal: nullableText('portal'),
  sourceChannel: related('source_channel', channel),
  lastPublicChannel: related('last_public_channel', channel),
  requester: related('requester', user),
  creator: related('creator', user),
  identity: related('identity', anyResource),
  assignee: related('assignee', user),
  assignedAgent: related('assigned_agent', user),
  assignedTeam: related('assigned_team', team),
  lastAssignedBy: related('last_assigned_by', user),
  brand: related('brand', anyResource),
  status: related('status', caseStatus),
  priority: related('priority', casePriority),
  type: related('type', caseType),
  readMarker: related('read_marker', anyResource),
  slaVersion: related('sla_version', anyResource),
  slaMetrics: relatedList('sla_metrics', anyResource),
  form: related('form', anyResource),
  customFields: list('custom_fields', customFieldValue),
  lastReplier: related('last_replier', user),
  lastReplierIdentity: related('last_replier_identity', anyResource),
  lastCompletedBy: related('last_completed_by', user),
  lastUpdatedBy: related('last_updated_by', user),
  lastClosedBy: related('last_closed_by', user),
  state: literal<CaseState>('state'),
  postCount: int('post_count'),
  hasNotes: bool('has_notes'),
  pinnedNotesCount: int('pinned_notes_count'),
  hasAttachments: bool('has_attachments'),
  isMerged: bool('is_merged'),
  rating: literal<'GOOD' | 'BAD'>('rating'),
  ratingStatus: literal<'UNOFFERED' | 'OFFERED' | 'RECEIVED'>('rating_status'),
  tags: relatedList('tags', tag),
  replyChannels: relatedList('reply_channels', channel),
  lastPostStatus: literal<PostStatus>('last_post_status'),
  lastPostPreview: nullableText('last_post_preview'),
  lastPostType: literal<'PUBLIC' | 'NOTE'>('last_post_type'),
  lastMessagePreview: nullableText('last_message_preview'),
  realtimeChannel: nullableText('realtime_channel'),
  lastAssignedAt: date('last_assigned_at'),
  lastRepliedAt: date('last_replied_at'),
  lastOpenedAt: date('last_opened_at'),
  lastPendingAt: date('last_pending_at'),
  lastClosedAt: date('last_closed_at'),
  lastCompletedAt: date('last_completed_at'),
  lastAgentActivityAt: date('last_agent_activity_at'),
  lastCustomerActivityAt: date('last_customer_activity_at'),
  lastReplyByAgentAt: date('last_reply_by_agent_at'),
  lastReplyByRequesterAt: date('last_reply_by_requester_at'),
  latestAssigneeUpdate: date('latest_assignee_update'),
  agentUpdatedAt: date('agent_updated_at'),
  ...stamps(),
  ...url()
}))

/** The answer to a reply: the posts it created and the case. */
export interface CaseReply {
  readonly posts: ReadonlyArray<Related<Post>>
  readonly case: Related<Case> | null
  readonly extra: Extra
}

export const caseReply: Decoder<unknown, CaseReply> = /*#__PURE__*/ struct('case_reply', () => ({
  posts: relatedList('posts', post),
  case: related('case', kase)
}))
