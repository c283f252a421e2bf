import { bool, literal, nullableText, related, type Related, relatedList, requiredInt, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { type User, user } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'

/** A note's highlight colour (`color`). */
export type NoteColor = 'YELLOW' | 'RED' | 'GREEN' | 'BLUE' | 'ORANGE' | 'PURPLE'

/** A note on a user, organization or case (case-note fields beyond these are UNCONFIRMED). */
export interface Note extends Timestamps, Resource {
  readonly id: number
  readonly bodyText: string | null
  readonly bodyHtml: string | null
  readonly contents: string | null
  readonly isPinned: boolean
  readonly pinnedBy: Related<User> | null
  readonly user: Related<User> | null
  readonly creator: Related<User> | null
  readonly color: NoteColor | null
  readonly attachments: ReadonlyArray<Related<Attachment>>
  readonly downloadAll: string | null
}

export const note: Decoder<unknown, Note> = /*#__PURE__*/ struct('note', () => ({
  id: requiredInt('id'),
  bodyText: nullableText('body_text'),
  bodyHtml: nullableText('body_html'),
  contents: nullableText('contents'),
  isPinned: bool('is_pinned'),
  pinnedBy: related('pinned_by', user),
  user: related('user', user),
  creator: related('creator', user),
  color: literal<NoteColor>('color'),
  attachments: relatedList('attachments', attachment),
  downloadAll: nullableText('download_all'),
  ...stamps(),
  ...url()
}))
