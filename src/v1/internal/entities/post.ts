import { date, freeForm, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { type Channel, channel } from './channel'
import { type User, user } from './people'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'

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

export const post: Decoder<unknown, Post> = /*#__PURE__*/ record(
  'post',
  'id:I uuid clientId subject contents creator:1 identity:2 sourceChannel:3 attachments:4 downloadAll ' +
    'destinationMedium source metadata:5 original:2 postStatus postStatusRejectType postStatusRejectReason ' +
    'postStatusUpdatedAt:0 isRequester:b createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(user), related(anyResource), related(channel), relatedList(attachment), freeForm]
)
