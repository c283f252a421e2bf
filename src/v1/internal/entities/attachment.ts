import { date, type Extra, id, int, list, nullableInt, nullableText, struct, text } from '../codec'
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

const thumbnail: Decoder<unknown, Thumbnail> = /*#__PURE__*/ struct('thumbnail', () => ({
  name: nullableText('name'),
  size: int('size'),
  width: nullableInt('width'),
  height: nullableInt('height'),
  type: nullableText('type'),
  url: nullableText('url'),
  createdAt: date('created_at')
}))

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

export const attachment: Decoder<unknown, Attachment> = /*#__PURE__*/ struct('attachment', () => ({
  id: id('id'),
  name: text('name'),
  size: int('size'),
  width: nullableInt('width'),
  height: nullableInt('height'),
  type: nullableText('type'),
  contentId: nullableText('content_id'),
  alt: nullableText('alt'),
  url: nullableText('url'),
  urlDownload: nullableText('url_download'),
  thumbnails: list('thumbnails', thumbnail),
  createdAt: date('created_at')
}))
