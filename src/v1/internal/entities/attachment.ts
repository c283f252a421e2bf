import { date, type Extra, list, record } from '../codec'
import type { Decoder } from '../../../core/decoder'

/** A smaller rendering of an image {@link Attachment}. */
export interface Thumbnail {
  readonly name: string | null
  readonly size: number
  readonly width: number | null
  readonly height: number | null
  readonly type: string | null
  readonly url: string | null
  readonly createdAt: Date | null
  readonly extra: Extra
}

const thumbnail: Decoder<unknown, Thumbnail> = /*#__PURE__*/ record('thumbnail', 'name size:i width:j height:j type url createdAt:0', () => [date])

/**
 * A file of a post, a note, a message or an article, as it comes with them (`attachments`): name, size, MIME type,
 * image dimensions and thumbnails; its bytes are at `urlDownload`.
 */
export interface Attachment {
  readonly id: number | string | null
  readonly name: string
  readonly size: number
  readonly width: number | null
  readonly height: number | null
  /** The MIME type. */
  readonly type: string | null
  readonly contentId: string | null
  readonly alt: string | null
  readonly url: string | null
  readonly urlDownload: string | null
  readonly thumbnails: ReadonlyArray<Thumbnail>
  readonly createdAt: Date | null
  readonly extra: Extra
}

export const attachment: Decoder<unknown, Attachment> = /*#__PURE__*/ record(
  'attachment',
  'id:x name:t size:i width:j height:j type contentId alt url urlDownload thumbnails:1 createdAt:0',
  () => [date, list(thumbnail)]
)
