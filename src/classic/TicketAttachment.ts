/**
 * TicketAttachment — `/Tickets/TicketAttachment` (spec §2.13): the files of a ticket's posts. No PUT.
 *
 * `all` lists the files without their contents; `get` brings one file with its bytes (sent as Base64, decoded here).
 * `post` takes bytes or text and does the Base64 encoding. An unknown attachment is a 404 `Attachment not Found`.
 * 4.98.8 sets the post's `hasAttachments` on `post` (files sent inline with `TicketPost.post` do not), and a `delete`
 * does not clear it. Ticket ids are numeric (see `Ticket.resolveId`).
 */
import { toBase64 } from '../core/bytes'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import {
  attachment,
  attachmentWithContents,
  fileBytes,
  fileContents,
  numericTicketId,
  type FileContents,
  type TicketAttachment,
  type TicketAttachmentWithContents
} from './internal/tickets'
import { many, one } from './internal/xml'

export type { FileContents, TicketAttachment, TicketAttachmentWithContents } from './internal/tickets'

/** A file to attach to a post of a ticket, for {@link post}. */
export interface NewTicketAttachment {
  /** The post the file belongs to (must be a post of that ticket: 404 `Ticket Post not found` otherwise). */
  readonly ticketPostId: number
  /** The server derives the MIME type from its extension. */
  readonly fileName: string
  /** Bytes, or text sent as UTF-8. */
  readonly contents: FileContents
}

const attachments = /*#__PURE__*/ many('attachments', 'attachment', attachment)
const oneAttachment = /*#__PURE__*/ one(attachments)
const oneWithContents = /*#__PURE__*/ one(many('attachments', 'attachment', attachmentWithContents))

const ROUTE = '/Tickets/TicketAttachment'

const ids = (ticketId: number, id: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('id', id))

/** The ticket's attachments, without contents (a `<contents>` a server sends anyway is kept in `extra`). */
export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TicketAttachment>> =>
  getRequest('TicketAttachment.all', `${ROUTE}/ListAll/${segment(ticketId)}`, attachments, { issues: numericTicketId('ticketId', ticketId) })

/** One attachment with its bytes. */
export const get = (ticketId: number, id: number): ClassicRequest<TicketAttachmentWithContents> =>
  getRequest('TicketAttachment.get', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, oneWithContents, { issues: ids(ticketId, id) })

/** Every field of an attachment's input, described once: wire name, check and encoding (Base64 contents). */
const FIELDS: Fields<NewTicketAttachment, FormValue> = {
  ticketPostId: { wire: 'ticketpostid', check: V.positiveInt },
  fileName: { wire: 'filename', check: V.nonBlank },
  contents: { wire: 'contents', check: fileContents, encode: (contents) => toBase64(fileBytes(contents)) }
}

const NEW_REQUIRED: RequiredFields<NewTicketAttachment> = { ticketPostId: true, fileName: true, contents: true }

/** Attaches a file to a post; the answer describes the new attachment (without its contents). */
export const post = (ticketId: number, input: NewTicketAttachment): ClassicRequest<TicketAttachment> => {
  const issues = V.issues(numericTicketId('ticketId', ticketId), checkFields(FIELDS, NEW_REQUIRED, input))
  const form = V.whenValid(issues, () => phpForm({ ticketid: ticketId, ...wireValues(FIELDS, input) }))
  return postRequest('TicketAttachment.post', ROUTE, oneAttachment, { issues, form })
}

/**
 * Deletes an attachment: `DELETE /Tickets/TicketAttachment/$ticketid$/$attachmentid$`; 404 `Attachment not Found`,
 * 400 when it belongs to another ticket.
 */
const del = (ticketId: number, id: number): ClassicRequest<void> =>
  deleteRequest('TicketAttachment.delete', `${ROUTE}/${segment(ticketId)}/${segment(id)}`, { issues: ids(ticketId, id) })

export { del as delete, get as find, post as save, del as destroy }
