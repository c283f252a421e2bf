/**
 * `multipart/form-data` bodies, for the few builders that send files (`TicketCustomField.post`). They attach the
 * encoder to their request (`withFiles`), so the executor, and every bundle without an upload, does not carry it.
 */
import { utf8 } from '../../core/bytes'
import type { FilePart, FormPairs, Upload } from './request'

const quoted = (text: string): string => text.replace(/["\r\n]/g, (c) => encodeURIComponent(c))

/** The body: every field as a text part (credentials included), then every file. */
export const multipart = (boundary: string, fields: FormPairs, files: ReadonlyArray<FilePart>): Uint8Array => {
  const chunks: Array<Uint8Array> = []
  for (const [name, value] of fields) {
    chunks.push(utf8(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`))
  }
  for (const file of files) {
    chunks.push(
      utf8(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.filename)}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`
      ),
      file.data,
      utf8('\r\n')
    )
  }
  chunks.push(utf8(`--${boundary}--\r\n`))
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** A request's files with their encoder (`RequestParts.upload`); no files, a plain form. */
export const withFiles = (files: ReadonlyArray<FilePart>): Upload | undefined => (files.length > 0 ? { files, multipart } : undefined)
