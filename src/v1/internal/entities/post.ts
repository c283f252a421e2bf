import { bool, date, freeForm, literal, nullableText, related, type Related, relatedList, requiredInt, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { type Channel, channel } from './channel'
import { type User, user } from './people'
import { anyResource, type AnyResource, type Resource, stamps, type Timestamps, url } from './resource'

/** How far a post got to its recipient. */
export type PostStatus = 'SENT' | 'DELIVERED' | 'REJECTED' | 'SEEN'
/** Where a post was written. */
export type PostSource = 'API' | 'AGENT' | 'MAIL' | 'MESSENGER' | 'MOBILE' | 'HELPCENTER'

/** A case timeline item; `original` is the concrete item (`case_message`, `note`, `activity` …). */
export interface Post extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly clientId: string | null
  readonly subject: string | null
  readonly contents: string | null
  readonly creator: Related<User> | null
  readonly identity: Related<AnyResource> | null
  readonly sourceChannel: Related<Channel> | null
  readonly attachments: ReadonlyArray<Related<Attachment>>
  readonly downloadAll: string | null
  readonly destinationMedium: 'MAIL' | 'MESSENGER' | null
  readonly source: PostSource | null
  readonly metadata: Readonly<Record<string, unknown>>
  readonly original: Related<AnyResource> | null
  readonly postStatus: PostStatus | null
  readonly postStatusRejectType: string | null
  readonly postStatusRejectReason: string | null
  readonly postStatusUpdatedAt: Date | null
  readonly isRequester: boolean
}

export const post: Decoder<unknown, Post> = /*#__PURE__*/ struct('post', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  clientId: nullableText('client_id'),
  subject: nullableText('subject'),
  contents: nullableText('contents'),
  creator: related('creator', user),
  identity: related('identity', anyResource),
  sourceChannel: related('source_channel', channel),
  attachments: relatedList('attachments', attachment),
  downloadAll: nullableText('download_all'),
  destinationMedium: literal<'MAIL' | 'MESSENGER'>('destination_medium'),
  source: literal<PostSource>('source'),
  metadata: freeForm('metadata'),
  original: related('original', anyResource),
  postStatus: literal<PostStatus>('post_status'),
  postStatusRejectType: nullableText('post_status_reject_type'),
  postStatusRejectReason: nullableText('post_status_reject_reason'),
  postStatusUpdatedAt: date('post_status_updated_at'),
  isRequester: bool('is_requester'),
  ...stamps(),
  ...url()
}))
