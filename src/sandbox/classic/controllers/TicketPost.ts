/** `/Tickets/TicketPost` (spec §2.10): ListAll, Get, Post (with inline attachments), Delete. */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketPostRow } from '../store'
import { intVar, isEmpty, str, trimmed } from '../vars'
import { parent } from '../xml'
import { mimeType, phpBase64Decode } from './common'
import { childOf, isReply, looksLikeHtml, renderPost, ticketNotFound, touchTicket } from './tickets'

const TEXTS = { notFound: 'Ticket Post not Found', elsewhere: 'Post does not belong to the specified ticket' }

const postsReply = (store: Store, rows: ReadonlyArray<TicketPostRow>): Reply => xmlReply(parent('posts', rows.map((p) => renderPost(store, p))))

/** Unicode "other" characters except CR, LF and TAB are removed from contents (SWIFT-1949). */
const clean = (text: string): string => text.replace(/(?![\r\n\t])\p{C}/gu, '')

/** `filename`+`filecontent`, or `filename0..9`+`filecontent0..9` (Base64), as 4.98.8 reads them. */
const inlineAttachments = (ctx: Context): ReadonlyArray<{ filename: string; bytes: Uint8Array }> => {
  const out: Array<{ filename: string; bytes: Uint8Array }> = []
  for (const [name, value] of ctx.vars) {
    const m = /^filename([0-9]?)$/.exec(name)
    const content = m === null ? undefined : str(ctx.vars, `filecontent${m[1]}`)
    if (typeof value !== 'string' || content === undefined) continue
    out.push({ filename: value, bytes: phpBase64Decode(content) })
  }
  return out
}

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  if (trimmed(vars, 'contents') === '' || isEmpty(vars, 'contents')) return badRequest('No Contents Specified')
  const userid = intVar(vars, 'userid')
  const staffid = intVar(vars, 'staffid')
  if ((trimmed(vars, 'userid') === '' || isEmpty(vars, 'userid')) && (trimmed(vars, 'staffid') === '' || isEmpty(vars, 'staffid'))) {
    return badRequest('Staff ID and User ID is empty')
  }
  const ticket = store.findTicket(trimmed(vars, 'ticketid'))
  if (ticket === undefined) return ticketNotFound()
  const contents = clean(str(vars, 'contents') ?? '')
  const common = { ticketid: ticket.id, dateline: ctx.now, emailto: '', ipaddress: '', isthirdparty: false, isemailed: false, issurveycomment: false, contents }
  let row: Omit<TicketPostRow, 'id'>
  // When both are given the user wins.
  if (!isEmpty(vars, 'userid')) {
    const user = store.users.get(userid)
    if (user === undefined) return badRequest('User ID is Invalid')
    row = { ...common, userid, staffid: 0, fullname: user.fullname, email: user.emails[0] ?? '', creator: 2, ishtml: false, isprivate: false }
  } else {
    const staff = store.staff.get(staffid)
    if (staff === undefined) return badRequest('Staff ID is Invalid')
    row = {
      ...common,
      userid: 0,
      staffid,
      fullname: store.staffName(staffid),
      email: staff.email,
      creator: 1,
      ishtml: looksLikeHtml(contents),
      isprivate: trimmed(vars, 'isprivate') === '1'
    }
  }
  const created = store.posts.insert(row)
  for (const a of inlineAttachments(ctx)) {
    store.attachments.insert({ ticketid: ticket.id, ticketpostid: created.id, filename: a.filename, filetype: mimeType(a.filename), dateline: ctx.now, bytes: a.bytes })
  }
  touchTicket(ticket, created)
  const answer = postsReply(store, [created])
  // 4.98.8 reads $_POST['isprivate'] without isset() for staff posts: a notice when it is missing (spec §2.10).
  return created.staffid === 0 || vars.has('isprivate') ? answer : { ...answer, notice: 'Undefined index: isprivate (api/class.Controller_TicketPost.php)' }
}

export const TicketPost: Controller = {
  getList: () => badRequest('Not Implemented, Call /Tickets/TicketPost/ListAll instead.'),
  actions: {
    listall: (ctx, [ticketArg]) => {
      const ticket = ctx.store.findTicket(ticketArg ?? '')
      return ticket === undefined ? ticketNotFound() : postsReply(ctx.store, ctx.store.postsOf(ticket.id))
    }
  },
  get: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.posts, args, TEXTS)
    return isReply(found) ? found : postsReply(ctx.store, [found.row])
  },
  post,
  delete: (ctx, args) => {
    const found = childOf(ctx.store, ctx.store.posts, args, TEXTS)
    if (isReply(found)) return found
    ctx.store.posts.delete(found.row.id)
    for (const a of ctx.store.attachmentsOfPost(found.row.id)) ctx.store.attachments.delete(a.id)
    return deleted
  }
}
