/**
 * What the Knowledgebase and Troubleshooter attachment controllers share (spec §1.7): the same server code with a
 * different parent. Contents travel as Base64 in both directions; callers see bytes.
 */
import { toBase64, utf8 } from '../../core/bytes'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../../core/fields'
import * as V from '../../core/validate'
import { fileContents } from './content'
import { phpForm, type FormPairs, type FormValue } from './request'
import type { FileContents } from './tickets'
import { bytes, int, requiredInt, text, timestamp } from './xml'

/** Fields of every standalone attachment (each module adds its parent id). */
export interface AttachmentFields {
  readonly id: number
  readonly fileName: string
  /** In bytes. */
  readonly fileSize: number
  /** MIME type, derived by the server from the file name's extension (`application/octet-stream` when unknown). */
  readonly fileType: string
  readonly dateline: Date | null
  readonly contents: Uint8Array
}

export const attachmentFields = () => ({
  id: requiredInt('id'),
  fileName: text('filename'),
  fileSize: int('filesize'),
  fileType: text('filetype'),
  dateline: timestamp('dateline'),
  contents: bytes('contents')
})

/** A file to attach: its name (the extension decides the MIME type) and its contents. */
export interface NewAttachmentFile {
  readonly fileName: string
  /** Bytes, or text sent as UTF-8 (as `TicketAttachment.post` takes them). */
  readonly contents: FileContents
}

/** Every field of a new attachment, described once: contents are sent as Base64 (the parent id is an argument). */
const FIELDS: Fields<NewAttachmentFile, FormValue> = {
  fileName: { wire: 'filename', check: V.nonBlank },
  contents: { wire: 'contents', check: fileContents, encode: (contents) => toBase64(typeof contents === 'string' ? utf8(contents) : contents) }
}

const NEW_REQUIRED: RequiredFields<NewAttachmentFile> = { fileName: true, contents: true }

export const checkNewAttachment = (parentPath: string, parentId: unknown, input: NewAttachmentFile): V.Issues =>
  V.issues(V.positiveInt(parentPath, parentId), checkFields(FIELDS, NEW_REQUIRED, input))

export const attachmentForm = (parentField: string, parentId: number, input: NewAttachmentFile): FormPairs =>
  phpForm({ [parentField]: parentId, ...wireValues(FIELDS, input) })
