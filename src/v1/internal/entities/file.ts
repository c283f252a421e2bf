import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource } from './resource'

/** An uploaded file, to attach by id (`attachmentFileIds`). Files expire (`expiryAt`) and belong to the session. */
export interface File extends Resource {
  readonly id: number
  readonly name: string
  readonly size: number
  readonly contentType: string | null
  readonly contentUrl: string | null
  readonly hash: string | null
  readonly createdAt: Date | null
  readonly expiryAt: Date | null
}

// `group_hash` is `s:<session id>` (spec §2.12), a credential: not kept. `content` (Base64) stays in `extra`.
export const file: Decoder<unknown, File> = /*#__PURE__*/ record(
  'file',
  'id:I name:t size:i contentType contentUrl hash createdAt:0 expiryAt:0 resourceUrl',
  () => [date],
  'group_hash'
)
