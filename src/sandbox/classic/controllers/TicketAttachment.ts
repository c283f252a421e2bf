/**
 * `/Tickets/TicketAttachment` (spec §2.13, `T/api/class.Controller_TicketAttachment.php`): ListAll (no contents), Get
 * (Base64 contents), Post, Delete.
 */
import { badRequest, notFound, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { AttachmentRow, Store } from '../store'
import { isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { phpBase64Decode, swiftMimeType } from './common'
import { byIntId, childTicket, postHasAttachments, renderAttachment, ticketChildController, ticketNotFound } from './tickets'

const TEXTS = { notFound: 'Attachment not Found', elsewhere: 'Attachment does not belong to the specified ticket' }

const attachmentsReply = (rows: ReadonlyArray<AttachmentRow>, withContents: boolean): Reply =>
  xmlReply(
    parent(
      'attachments',
      rows.map((a) => renderAttachment(a, withContents))
    )
  )

/** `WHERE linktype = ticket post AND ticketid = '<raw ticket argument>'` (`T/api/TicketAttachment.php:117-118`). */
const listAll = (store: Store, ticketKey: number, only: (id: number) => boolean): Reply =>
  attachmentsReply(
    store.attachments.where((a) => a.ticketid === ticketKey && only(a.id)),
    false
  )

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  if (trimmed(vars, 'ticketpostid') === '' || isEmpty(vars, 'ticketpostid')) return badRequest('No Ticket Post ID Specified')
  const found = childTicket(store, str(vars, 'ticketid') ?? '')
  if (found === undefined) return ticketNotFound()
  // The post must belong to the ticket found (by its real id, `:273`).
  const post = byIntId(store.posts)(str(vars, 'ticketpostid') ?? '')
  if (post === undefined || post.ticketid !== found.ticket.id) return notFound('Ticket Post not found')
  if (trimmed(vars, 'filename') === '' || isEmpty(vars, 'filename')) return badRequest('No file name specified')
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  const filename = str(vars, 'filename') ?? ''
  // An extension outside 4.98.8's MIME list is caught here: `application/octet-stream` (`:299-309`).
  // Stored against the raw `ticketid` (`:315`): a display id becomes ticket 0 (H1). The post's flag is set (`:327`).
  const row = store.attachments.insert({
    ticketid: found.key,
    ticketpostid: post.id,
    filename,
    filetype: swiftMimeType(filename) ?? 'application/octet-stream',
    dateline: ctx.now,
    bytes: phpBase64Decode(contents)
  })
  post.hasattachments = true
  return listAll(store, found.key, (id) => id === row.id)
}

export const TicketAttachment: Controller = /*#__PURE__*/ ticketChildController({
  controller: 'TicketAttachment',
  declared: { listAll: 98, get: 165, delete: 346 },
  texts: TEXTS,
  find: (store) => byIntId(store.attachments),
  listAll,
  one: (_store, { row }) => attachmentsReply([row], true),
  remove: (store, { row }) => {
    // Only the ticket's flag is recalculated: the post keeps its flag (and prints an empty `<attachments>`, L18).
    const owner = store.posts.get(row.ticketpostid)
    if (owner !== undefined) owner.hasattachments = postHasAttachments(store, owner)
    store.attachments.delete(row.id)
  },
  post
})
