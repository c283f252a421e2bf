import { date, record, related, type Related, relatedList } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { attachment, type Attachment } from './attachment'
import { type User, user } from './people'
import { type Resource, type Timestamps } from './resource'

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

export const note: Decoder<unknown, Note> = /*#__PURE__*/ record(
  'note',
  'id:I bodyText bodyHtml contents isPinned:b pinnedBy:1 user:1 creator:1 color attachments:2 downloadAll ' + 'createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(user), relatedList(attachment)]
)
