/**
 * Attachment — the files of posts, notes and messages (spec §2.12): they come decoded with their resource
 * (`attachments`), and `download` fetches one's bytes from its `urlDownload`.
 */
import type { Attachment } from './internal/entities/attachment'
import { downloadRequest } from './internal/download'
import type { V1Request } from './internal/request'

export type { Attachment, Thumbnail } from './internal/entities/attachment'

/**
 * The bytes of an attachment (its `urlDownload`, or that URL), with the executor's credentials, never read as an
 * answer: a JSON file comes back as its bytes (an importer that parsed one as an API answer broke). Only the
 * helpdesk's own origin is sent to; a redirect elsewhere is an `HttpError` naming where; `maxBodyBytes` bounds it.
 */
export const download = (attachment: Pick<Attachment, 'urlDownload'> | string): V1Request<Uint8Array> =>
  downloadRequest('Attachment.download', typeof attachment === 'string' ? attachment : attachment?.urlDownload)
