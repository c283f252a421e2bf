/**
 * File — `/files` (spec §2.12): upload first, then attach by id (`attachmentFileIds` on a case, reply or note).
 * Files belong to the session that uploaded them and expire (`expiryAt`), so upload and attach with one executor.
 */
import * as V from '../core/validate'
import { file, type File } from './entities'
import { getRequest, one, postRequest, segment, type V1Request } from './request'

export type { File } from './entities'

export interface Upload {
  readonly filename: string
  /** A real MIME type (`image/png`): the server reads a form type as parameters. */
  readonly contentType: string
  readonly data: Uint8Array
}

const PATH = '/files'

const MIME = /^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/

/** Sends the raw bytes as the body, the name in `Content-Disposition` (spec §2.12, two-step upload). */
export const upload = (input: Upload): V1Request<File> =>
  postRequest('File.upload', PATH, one(file), {
    issues: V.input(input, (i) =>
      V.issues(
        V.nonBlank('filename', i.filename),
        V.when(typeof i.contentType !== 'string' || !MIME.test(i.contentType), 'contentType', 'must be a MIME type such as image/png'),
        V.when(!(i.data instanceof Uint8Array), 'data', 'must be a Uint8Array')
      )
    ),
    body: { _tag: 'File', filename: input?.filename, contentType: input?.contentType, data: input?.data }
  })

export const get = (id: number): V1Request<File> => getRequest('File.get', `${PATH}/${segment(id)}`, one(file), { issues: V.positiveInt('id', id) })

export { get as find, upload as post, upload as save }
