/**
 * File — `/files` (spec §2.12): upload first, then attach by id (`attachmentFileIds` on a case, reply or note).
 * Files belong to the session that uploaded them and expire (`expiryAt`), so upload and attach with one executor.
 */
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { file, type File } from './internal/entities/file'
import { downloadRequest } from './internal/download'
import { fileBody, getRequest, one, postRequest, segment, type V1Request } from './internal/request'

export type { File } from './internal/entities/file'

/** A file to upload with {@link upload}: its name, MIME type and bytes. */
export interface Upload {
  readonly filename: string
  /** A real MIME type (`image/png`): the server reads a form type as parameters. */
  readonly contentType: string
  readonly data: Uint8Array
}

const PATH = '/files'

const MIME = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/

/** The fields of an upload: the name goes to `Content-Disposition`, the type to `Content-Type`, the bytes to the body. */
const FIELDS: Fields<Upload, unknown> = {
  filename: { wire: 'filename', check: V.nonBlank },
  contentType: {
    wire: 'contentType',
    check: (path, value) => V.when(typeof value !== 'string' || !MIME.test(value), path, 'must be a MIME type such as image/png')
  },
  data: { wire: 'data', check: (path, value) => V.when(!(value instanceof Uint8Array), path, 'must be a Uint8Array') }
}

const REQUIRED: RequiredFields<Upload> = { filename: true, contentType: true, data: true }

/** Sends the raw bytes as the body, the name in `Content-Disposition` (spec §2.12, two-step upload). */
export const upload = (input: Upload): V1Request<File> =>
  postRequest('File.upload', PATH, one(file), {
    issues: checkFields(FIELDS, REQUIRED, input),
    body: fileBody(wireValues(FIELDS, input))
  })

/** One uploaded file (`GET /files/:id`): its name, size, type, `contentUrl` and when it expires. */
export const get = (id: number): V1Request<File> => getRequest('File.get', `${PATH}/${segment(id)}`, one(file), { issues: V.positiveInt('id', id) })

/**
 * The bytes of a file (its `contentUrl`), with the executor's credentials, never read as an answer: a JSON file comes
 * back as its bytes. Only the helpdesk's own origin is sent to.
 */
export const download = (file: Pick<File, 'contentUrl'> | string): V1Request<Uint8Array> =>
  downloadRequest('File.download', typeof file === 'string' ? file : file?.contentUrl)

export { get as find, upload as post, upload as save }
