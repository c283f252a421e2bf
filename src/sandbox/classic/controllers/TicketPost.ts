/** `/Tickets/TicketPost` (spec §2.10, `T/api/class.Controller_TicketPost.php`): ListAll, Get, Post (with inline attachments), Delete. */
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketPostRow, TicketRow, TicketStatusRow } from '../store'
import { intVar, isEmpty, str, toInt, trimmed } from '../vars'
import { parent } from '../xml'
import { phpBase64Decode, swiftMimeType } from './common'
import { uncaught } from './content'
import { byIntId, childTicket, detectHtmlContent, renderPost, repliesOf, smartReply, ticketChildController, ticketNotFound, touchTicket } from './tickets'

const TEXTS = { notFound: 'Ticket Post not Found', elsewhere: 'Post does not belong to the specified ticket' }

/**
 * `ListAll($_ticketID, $_ticketPostID)` (`T/api/TicketPost.php:96-205`): the rows whose `ticketid` equals the raw
 * argument as SQL reads it (`:121-122`), optionally one post (`:111-113`), ordered by id as `t_postorder` says (`:115-118`).
 */
const listAll = (store: Store, ticketKey: number, only: (id: number) => boolean): Reply => {
  const rows = store.posts.where((p) => p.ticketid === ticketKey && only(p.id))
  if (store.behaviour.settings.postOrder === 'desc') rows.reverse()
  return xmlReply(
    parent(
      'posts',
      rows.map((p) => renderPost(store, p, ticketKey))
    )
  )
}

/** PHP `nl2br`: `<br />` before every line break. */
const nl2br = (text: string): string => text.replace(/(\r\n|\n\r|\n|\r)/g, '<br />$1')

/**
 * `SWIFT_TicketPost::addLineBreaksIfText` (`T/models/Ticket/class.SWIFT_TicketPost.php:126-146`), applied by `Create`
 * (`:774`): without the rich-text editor, the `text` editor format marks every post HTML; the `html` format also adds
 * `<br />`s unless the contents are HTML with breaks already.
 */
const lineBreaks = (store: Store, contents: string, isHtml: boolean): { contents: string; ishtml: boolean } => {
  const { richTextEditor, editorFormat } = store.behaviour.settings
  if (richTextEditor) return { contents, ishtml: isHtml }
  if (editorFormat === 'text') return { contents, ishtml: true }
  const contentIsHtml = detectHtmlContent(contents)
  return !contentIsHtml || !/<br\s*\/?>/i.test(contents) ? { contents: nl2br(contents), ishtml: true } : { contents, ishtml: isHtml }
}

/**
 * `SWIFT_Ticket::GetSignature(false, $staff)` (`T/models/Ticket/SWIFT_TicketGettersTrait.php:812-869`): the staff
 * signature without tags, line breaks as `\n`, after a `\n`; nothing when the staff member has none (API tickets have
 * no e-mail queue, so no queue signature).
 */
const signature = (text: string): string => {
  const plain = text.replace(/<[^>]*>/g, '').replace(/\r\n|\r|\n/g, '\n')
  return plain === '' ? '' : `\n${plain}`
}

/**
 * `updateTicketStatus` (`class.SWIFT_TicketPost.php:494-526`), run by `CreateClient` (`:582`): a user's reply sets the
 * status `t_cstatusupd` when it applies to the ticket's department, else the first unresolved status that does;
 * `t_cstatusupd` = 0 leaves the status alone.
 */
const statusOnUserReply = (store: Store, ticket: TicketRow, now: number): void => {
  const wanted = store.behaviour.settings.statusOnUserReply
  const fits = (departmentid: number) => departmentid === 0 || departmentid === ticket.departmentid
  const status = store.ticketStatuses.get(wanted)
  if (status !== undefined && fits(status.departmentid)) setStatus(ticket, status, now)
  else if (wanted !== 0) {
    // The status cache is in display order (`T/models/Status/class.SWIFT_TicketStatus.php:465`).
    const fallback = store.ticketStatuses
      .all()
      .sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)
      .find((s) => fits(s.departmentid) && !s.markasresolved)
    if (fallback !== undefined) setStatus(ticket, fallback, now)
  }
}

/**
 * `SWIFT_Ticket::SetStatus` (`T/models/Ticket/SWIFT_TicketSettersTrait.php:460-600`): nothing for the current status;
 * a resolved one stamps the resolution and clears the due times and the SLA plan; an unresolved one keeps
 * `resolutiondateline`.
 */
const setStatus = (ticket: TicketRow, status: TicketStatusRow, now: number): void => {
  if (ticket.statusid === status.id) return
  ticket.statusid = status.id
  if (!status.markasresolved) return
  ticket.resolutiondateline = now
  ticket.resolutiondue = 0
  ticket.nextreplydue = 0
  ticket.slaplanid = 0
}

/** `filename[0-9]?` + `filecontent<same digit>` pairs in `$_POST` order, Base64 (`T/api/TicketPost.php:314-336`). */
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

/** PHP truthiness of a posted value. */
const truthy = (value: string | undefined): boolean => value !== undefined && value !== '' && value !== '0'

const post = (ctx: Context): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'ticketid') === '' || isEmpty(vars, 'ticketid')) return badRequest('No Ticket ID Specified')
  if (trimmed(vars, 'contents') === '' || isEmpty(vars, 'contents')) return badRequest('No Contents Specified')
  if ((trimmed(vars, 'userid') === '' || isEmpty(vars, 'userid')) && (trimmed(vars, 'staffid') === '' || isEmpty(vars, 'staffid'))) {
    return badRequest('Staff ID and User ID is empty')
  }
  const ticketArg = str(vars, 'ticketid') ?? ''
  const found = childTicket(store, ticketArg)
  if (found === undefined) return ticketNotFound()
  const { ticket } = found
  // The MIME lookup of an inline file is not guarded: an extension 4.98.8 does not know throws, uncaught, before
  // anything is created (`T/api/TicketPost.php:321-323`; `__swift/library/MIME/class.SWIFT_MIMEList.php:71-72`).
  const files = inlineAttachments(ctx)
  if (files.some((a) => swiftMimeType(a.filename) === undefined)) {
    return uncaught('/Tickets/TicketPost', 'Invalid data provided', '/__swift/library/MIME/class.SWIFT_MIMEList.php:72')
  }
  const sent = str(vars, 'contents') ?? ''
  const common = {
    ticketid: ticket.id,
    dateline: ctx.now,
    emailto: '',
    ipaddress: '',
    isthirdparty: false,
    isemailed: false,
    issurveycomment: false,
    hasattachments: false
  }
  let row: Omit<TicketPostRow, 'id'>
  let isPrivate = false
  // When both are given the user wins (`:338`).
  if (!isEmpty(vars, 'userid')) {
    const userid = intVar(vars, 'userid')
    const user = store.users.get(userid)
    if (user === undefined) return badRequest('User ID is Invalid')
    statusOnUserReply(store, ticket, ctx.now)
    // CreateClient passes `$_isHTML = null`: detected from the contents (`class.SWIFT_TicketPost.php:560-562`).
    const { contents, ishtml } = lineBreaks(store, sent, detectHtmlContent(sent))
    row = {
      ...common,
      userid,
      staffid: 0,
      fullname: user.fullname,
      email: (user.emails[0] ?? '').toLowerCase(),
      creator: 2,
      ishtml,
      isprivate: false,
      contents: smartReply(store, ticket, contents)
    }
  } else {
    const staffid = intVar(vars, 'staffid')
    const staff = store.staff.get(staffid)
    if (staff === undefined) return badRequest('Staff ID is Invalid')
    // Stored as `(int)$_POST['isprivate']`, but its PHP truthiness decides the reply counter (L17).
    isPrivate = truthy(str(vars, 'isprivate'))
    // The controller's arguments are shifted (`T/api/TicketPost.php:376-377`): `DetectHTMLContent` lands in
    // `$_dontSendEmail` and `$_isHTML` is false, so the signature is the plain one and `ishtml` comes from the
    // editor settings alone. Stored: contents . "\n" . signature (`class.SWIFT_TicketPost.php:325`).
    const { contents, ishtml } = lineBreaks(store, `${sent}\n${signature(staff.signature)}`, false)
    row = {
      ...common,
      userid: 0,
      staffid,
      fullname: store.staffName(staffid),
      email: staff.email.toLowerCase(),
      creator: 1,
      ishtml,
      isprivate: toInt(str(vars, 'isprivate')) !== 0,
      contents: smartReply(store, ticket, contents)
    }
  }
  const replies = repliesOf(store, ticket.id)
  const created = store.posts.insert(row)
  // Inline files are stored against the ticket and post, but only the ticket's flag is recalculated (H5).
  for (const a of files) {
    store.attachments.insert({
      ticketid: ticket.id,
      ticketpostid: created.id,
      filename: a.filename,
      filetype: swiftMimeType(a.filename) ?? '',
      dateline: ctx.now,
      bytes: a.bytes
    })
  }
  // Staff replies also take multipart `replyattachments[]` and these do flag the post (`SWIFT_TicketCrudTrait.php:1606-1644`).
  if (created.staffid !== 0) {
    for (const [name, file] of ctx.files) {
      if (!/^replyattachments\[[^\]]*\]$/.test(name) || file.filename === '' || file.contentType === '' || file.bytes.length === 0) continue
      store.attachments.insert({
        ticketid: ticket.id,
        ticketpostid: created.id,
        filename: file.filename,
        filetype: file.contentType,
        dateline: ctx.now,
        bytes: file.bytes
      })
      created.hasattachments = true
    }
  }
  touchTicket(ticket, created)
  // `totalreplies` counts every post that is not private (`class.SWIFT_TicketPost.php:910-913`); deletes never lower it.
  ticket.totalreplies = replies + (isPrivate ? 0 : 1)
  // The answer lists the new post under the raw `ticketid` (`T/api/TicketPost.php:391`): empty for a display id (H1).
  const answer = listAll(store, found.key, (id) => id === created.id)
  // 4.98.8 reads $_POST['isprivate'] without isset() for staff posts: a notice when it is missing (spec §2.10).
  return created.staffid === 0 || vars.has('isprivate') ? answer : { ...answer, notice: 'Undefined index: isprivate (api/class.Controller_TicketPost.php)' }
}

export const TicketPost: Controller = /*#__PURE__*/ ticketChildController({
  controller: 'TicketPost',
  declared: { listAll: 96, get: 218, delete: 408 },
  texts: TEXTS,
  find: (store) => byIntId(store.posts),
  listAll,
  remove: (store, { ticket, row }) => {
    // The reply counter keeps its value (`SWIFT_TicketPost::DeleteList` does not touch it).
    ticket.ticket.totalreplies = repliesOf(store, ticket.ticket.id)
    store.posts.delete(row.id)
    for (const a of store.attachmentsOfPost(row.id)) store.attachments.delete(a.id)
  },
  post
})
