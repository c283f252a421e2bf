import { date, int, nullableText, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, url } from './resource'

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
export const file: Decoder<unknown, File> = /*#__PURE__*/ struct(
  'file',
  () => ({
    id: requiredInt('id'),
    name: text('name'),
    size: int('size'),
    contentType: nullableText('content_type'),
    contentUrl: nullableText('content_url'),
    hash: nullableText('hash'),
    createdAt: date('created_at'),
    expiryAt: date('expiry_at'),
    ...url()
  }),
  ['group_hash']
)
