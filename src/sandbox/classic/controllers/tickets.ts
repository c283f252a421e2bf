/** Rendering shared by the ticket controllers (spec §2.7, §2.10–§2.13), and the 404 answers they share. */
import { toBase64 } from '../../../core/bytes'
import { badRequest, notFound, xmlReply, type Reply } from '../controller'
import type { AttachmentRow, NoteRow, ProfileNoteRow, Store, TicketPostRow, TicketRow, TimeTrackRow } from '../store'
import { leaves, parent, withAttributes } from '../xml'
import { isEmail } from './common'

export const TICKET_NOT_FOUND = 'Ticket not Found'
export const ticketNotFound = (): Reply => notFound(TICKET_NOT_FOUND)

/** Replies: every post after the first. */
export const repliesOf = (store: Store, ticketId: number): number => Math.max(0, store.postsOf(ticketId).length - 1)

export const renderNote = (n: NoteRow): string =>
  withAttributes(
    'note',
    [
      ['type', 'ticket'],
      ['id', n.id],
      ['ticketid', n.ticketid],
      ['notecolor', n.notecolor],
      ['creatorstaffid', n.creatorstaffid],
      ['forstaffid', n.forstaffid],
      ['creatorstaffname', n.creatorstaffname],
      ['creationdate', n.creationdate]
    ],
    n.contents
  )

const renderProfileNote = (type: 'user' | 'userorganization', idName: string, n: ProfileNoteRow): string =>
  withAttributes(
    'note',
    [
      ['type', type],
      ['id', n.id],
      [idName, n.ownerid],
      ['notecolor', n.notecolor],
      ['creatorstaffid', n.creatorstaffid],
      ['forstaffid', 0],
      ['creatorstaffname', n.creatorstaffname],
      ['creationdate', n.creationdate]
    ],
    n.contents
  )

const timeTrackAttributes = (t: TimeTrackRow) =>
  [
    ['id', t.id],
    ['ticketid', t.ticketid],
    ['timeworked', t.timeworked],
    ['timebillable', t.timebillable],
    ['billdate', t.billdate],
    ['workdate', t.workdate],
    ['workerstaffid', t.workerstaffid],
    ['workerstaffname', t.workerstaffname],
    ['creatorstaffid', t.creatorstaffid],
    ['creatorstaffname', t.creatorstaffname],
    ['notecolor', t.notecolor]
  ] as const

export const renderTimeTrack = (t: TimeTrackRow): string => withAttributes('timetrack', timeTrackAttributes(t), t.contents)

/** A time track as it appears inside a ticket: `<note type="timetrack" …>`. */
const renderTimeTrackNote = (t: TimeTrackRow): string => withAttributes('note', [['type', 'timetrack'], ...timeTrackAttributes(t)], t.contents)

export const renderAttachment = (a: AttachmentRow, withContents: boolean): string =>
  parent(
    'attachment',
    leaves([
      ['id', a.id],
      ['ticketid', a.ticketid],
      ['ticketpostid', a.ticketpostid],
      ['filename', a.filename],
      ['filesize', a.bytes.length],
      ['filetype', a.filetype],
      ['dateline', a.dateline],
      ...(withContents ? ([['contents', toBase64(a.bytes)]] as const) : [])
    ])
  )

/** An attachment inside a post: no ticket or post id (spec §2.10). */
const renderEmbeddedAttachment = (a: AttachmentRow): string =>
  parent(
    'attachment',
    leaves([
      ['id', a.id],
      ['filename', a.filename],
      ['filesize', a.bytes.length],
      ['filetype', a.filetype],
      ['dateline', a.dateline],
      ['contents', toBase64(a.bytes)]
    ])
  )

/** `withAttachments`: TicketPost answers embed the post's attachments (4.98.8); posts inside a ticket do not. */
export const renderPost = (store: Store, p: TicketPostRow, withAttachments = true): string => {
  const attachments = store.attachmentsOfPost(p.id)
  return parent(
    'post',
    leaves([
      ['id', p.id],
      ['ticketpostid', p.id],
      ['ticketid', p.ticketid],
      ['dateline', p.dateline],
      ['userid', p.userid],
      ['fullname', p.fullname],
      ['email', p.email],
      ['emailto', p.emailto],
      ['ipaddress', p.ipaddress],
      ['hasattachments', attachments.length > 0],
      ['creator', p.creator],
      ['isthirdparty', p.isthirdparty],
      ['ishtml', p.ishtml],
      ['isemailed', p.isemailed],
      ['staffid', p.staffid],
      ['issurveycomment', p.issurveycomment],
      ['contents', p.contents],
      ['isprivate', p.isprivate]
    ]) +
      // 4.98.8 embeds the post's attachments with their contents, only when it has some (spec §2.10).
      (withAttachments && attachments.length > 0 ? parent('attachments', attachments.map(renderEmbeddedAttachment)) : '')
  )
}

export const renderTicket = (store: Store, t: TicketRow, withPosts: boolean): string => {
  const user = store.users.get(t.userid)
  const organization = user === undefined ? undefined : store.userOrganizations.get(user.userorganizationid)
  const template = store.templateGroups.get(t.templategroupid)
  // Ticket notes, user notes, organization notes, then time tracks; each kind in date order (RenderTickets).
  const byDate = <R extends { id: number }>(rows: Array<R>, date: (r: R) => number) => rows.sort((a, b) => date(a) - date(b) || a.id - b.id)
  const notes = [
    ...byDate(store.notes.where((n) => n.ticketid === t.id), (n) => n.creationdate).map(renderNote),
    ...(user === undefined ? [] : byDate(store.userNotes.where((n) => n.ownerid === user.id), (n) => n.creationdate).map((n) => renderProfileNote('user', 'userid', n))),
    ...(organization === undefined
      ? []
      : byDate(store.organizationNotes.where((n) => n.ownerid === organization.id), (n) => n.creationdate).map((n) => renderProfileNote('userorganization', 'userorganizationid', n))),
    // `ORDER BY tickettimetracks.dateline`, the bill date (`SWIFT_TicketAPIManager.php:228-231`).
    ...byDate(store.timeTracks.where((n) => n.ticketid === t.id), (n) => n.billdate).map(renderTimeTrackNote)
  ]
  const body =
    leaves([
      ['displayid', store.displayIdOf(t)],
      ['departmentid', t.departmentid],
      ['statusid', t.statusid],
      ['priorityid', t.priorityid],
      ['typeid', t.typeid],
      ['userid', t.userid],
      ['userorganization', organization?.name ?? ''],
      // The user's organization id even when the organization is gone (a LEFT JOIN, `SWIFT_TicketAPIManager.php:123-128`).
      ['userorganizationid', user?.userorganizationid ?? 0],
      ['ownerstaffid', t.ownerstaffid],
      ['ownerstaffname', t.ownerstaffname],
      ['fullname', t.fullname],
      ['email', t.email],
      ['lastreplier', t.lastreplier],
      ['subject', t.subject],
      ['creationtime', t.creationtime],
      ['lastactivity', t.lastactivity],
      ['laststaffreply', t.laststaffreply],
      ['lastuserreply', t.lastuserreply],
      ['slaplanid', t.slaplanid],
      ['nextreplydue', t.nextreplydue],
      ['resolutiondue', t.resolutiondue],
      ['replies', repliesOf(store, t.id)],
      ['ipaddress', t.ipaddress],
      ['creator', t.creator],
      ['creationmode', t.creationmode],
      ['creationtype', t.creationtype],
      ['isescalated', t.isescalated],
      ['escalationruleid', t.escalationruleid],
      ['templategroupid', t.templategroupid],
      ['tags', t.tags.join(' ')],
      // Only when the ticket has a template group (SWIFT-1987).
      ...(template === undefined ? [] : ([['templategroupname', template.title]] as const))
    ]) +
    // Watchers and workflows only while the staff member / workflow still exists (`SWIFT_TicketAPIManager.php:318-332`).
    t.watchers
      .filter((id) => store.staff.get(id) !== undefined)
      .map((id) => withAttributes('watcher', [['staffid', id], ['name', store.staffName(id)]]))
      .join('') +
    t.workflows
      .filter((id) => store.workflows.get(id) !== undefined)
      .map((id) => withAttributes('workflow', [['id', id], ['title', store.workflows.get(id)?.title ?? '']]))
      .join('') +
    notes.join('') +
    (withPosts ? parent('posts', store.postsOf(t.id).map((p) => renderPost(store, p, false))) : '')
  return parent('ticket', body, [['id', t.id], ['flagtype', t.flagtype]])
}

export const ticketsReply = (store: Store, rows: ReadonlyArray<TicketRow>, withPosts: boolean): Reply =>
  xmlReply(parent('tickets', rows.map((t) => renderTicket(store, t, withPosts))))

/** HTML detection for staff post contents. */
export const looksLikeHtml = (text: string): boolean => /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text)

/** Keeps the ticket's activity fields in step with a new post. */
export const touchTicket = (t: TicketRow, post: TicketPostRow): void => {
  t.lastactivity = post.dateline
  t.lastreplier = post.fullname
  if (post.creator === 1) t.laststaffreply = post.dateline
  else t.lastuserreply = post.dateline
}

/**
 * A ticket's child row for `/<Controller>/$ticketid$/$id$`: 404 for an unknown ticket or row, 400 when the row belongs
 * to another ticket.
 */
export const childOf = <R extends { id: number; ticketid: number }>(
  store: Store,
  rows: { get(id: number): R | undefined },
  [ticketArg, idArg]: ReadonlyArray<string>,
  texts: { readonly notFound: string; readonly elsewhere: string }
): { readonly ticket: TicketRow; readonly row: R } | Reply => {
  const ticket = store.findTicket(ticketArg ?? '')
  if (ticket === undefined) return ticketNotFound()
  const row = /^\d+$/.test((idArg ?? '').trim()) ? rows.get(Number(idArg)) : undefined
  if (row === undefined) return notFound(texts.notFound)
  if (row.ticketid !== ticket.id) return badRequest(texts.elsewhere)
  return { ticket, row }
}

export const isReply = (x: object): x is Reply => 'status' in x && 'body' in x

/**
 * `SWIFT_TicketPost::SmartReply` (`class.SWIFT_TicketPost.php:1564-1625`), applied to every new post's contents
 * (`:802`): the placeholders `{{fullname}}`, `{{forename}}`, `{{surname}}`, `{{title}}`, `{{salutation}}` and
 * `{{organization}}` (also URL-encoded) become the ticket user's values, `N/A` without a user. The
 * `{{custom_field[…]}}` placeholders are not reproduced.
 */
export const smartReply = (store: Store, ticket: TicketRow, contents: string): string => {
  const user = store.users.get(ticket.userid)
  let fullName = 'N/A'
  let forename = 'N/A'
  let surname = 'N/A'
  let organization = ''
  if (user !== undefined) {
    // A name that is an address: its local part, split at dots (SWIFT-5058); otherwise split at spaces.
    const parts = isEmail(user.fullname) ? user.fullname.replace(/@.*?$/, '').split('.') : user.fullname.split(' ')
    surname = parts.pop() ?? ''
    forename = parts.join(' ')
    fullName = isEmail(user.fullname) ? user.fullname.replace(/@.*?$/, '') : `${forename} ${surname}`
    organization = store.userOrganizations.get(user.userorganizationid)?.name ?? 'N/A'
  }
  const values: ReadonlyArray<readonly [string, string]> = [
    ['fullname', fullName],
    ['forename', forename],
    ['surname', surname],
    ['title', user?.designation ?? ''],
    ['salutation', user?.salutation ?? ''],
    ['organization', organization]
  ]
  return values.reduce((text, [name, value]) => text.split(`{{${name}}}`).join(value).split(`%7B%7B${name}%7D%7D`).join(value), contents)
}
