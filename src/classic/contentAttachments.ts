/**
 * What the Knowledgebase and Troubleshooter attachment controllers share (spec §1.7): the same server code with a
 * different parent. Contents travel as Base64 in both directions; callers see bytes.
 */
import { toBase64, utf8 } from '../core/bytes'
import * as V from '../core/validate'
import { fileContents } from './content'
import { phpForm, type FormPairs } from './request'
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

export const checkNewAttachment = (parentPath: string, parentId: unknown, input: NewAttachmentFile): V.Issues =>
  V.issues(V.positiveInt(parentPath, parentId), V.nonBlank('fileName', input.fileName), fileContents('contents', input.contents))

export const attachmentForm = (parentField: string, parentId: number, input: NewAttachmentFile): FormPairs =>
  phpForm({ [parentField]: parentId, filename: input.fileName, contents: toBase64(typeof input.contents === 'string' ? utf8(input.contents) : input.contents) })
