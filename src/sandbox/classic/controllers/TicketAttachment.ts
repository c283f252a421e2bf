/** `/Tickets/TicketAttachment` (spec §2.13): ListAll (no contents), Get (Base64 contents), Post, Delete. */
import { badRequest, deleted, notFound, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { AttachmentRow } from '../store'
import { intVar, isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { mimeType, phpBase64Decode } from './common'
import { childOf, isReply, renderAttachment, ticketNotFound } from './tickets'

const TEXTS = { notFound: 'Attachment not Found', elsewhere: 'Attachment does not belong to the specified ticket' }

const attachmentsReply = (rows: ReadonlyArray<AttachmentRow>, withContents: boolean): Reply =>
  xmlReply(parent('attachments', rows.map((a) => renderAttachment(a, withContents))))

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  if (trimmed(vars, 'ticketpostid') === '' || isEmpty(vars, 'ticketpostid')) return badRequest('No Ticket Post ID Specified')
  const ticket = store.findTicket(trimmed(vars, 'ticketid'))
  if (ticket === undefined) return ticketNotFound()
  const post = store.posts.get(intVar(vars, 'ticketpostid'))
  if (post === undefined || post.ticketid !== ticket.id) return notFound('Ticket Post not found')
  if (trimmed(vars, 'filename') === '' || isEmpty(vars, 'filename')) return badRequest('No file name specified')
  const contents = str(vars, 'contents')
  if (contents === undefined) return badRequest('No contents specified')
  const filename = str(vars, 'filename') ?? ''
  const row = store.attachments.insert({ ticketid: ticket.id, ticketpostid: post.id, filename, filetype: mimeType(filename), dateline: ctx.now, bytes: phpBase64Decode(contents) })
  return attachmentsReply([row], false)
}

export const TicketAttachment: Controller = {
  getList: () => badRequest('Not Implemented, Call /Tickets/TicketAttachment/ListAll instead.'),
  actions: {
    listall: (ctx, [ticketArg]) => {
      const ticket = ctx.store.findTicket(ticketArg ?? '')
      return ticket === undefined ? ticketNotFound() : attachmentsReply(ctx.store.attachments.where((a) => a.ticketid === ticket.id), false)
    }
  },
  get: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.attachments, args, TEXTS)
    return isReply(found) ? found : attachmentsReply([found.row], true)
  },
  post,
  delete: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.attachments, args, TEXTS)
    if (isReply(found)) return found
    ctx.store.attachments.delete(found.row.id)
    return deleted
  }
}
