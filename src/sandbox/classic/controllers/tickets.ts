/** Rendering shared by the ticket controllers (spec §2.7, §2.10–§2.13), and the 404 answers they share. */
import { toBase64 } from '../../../core/bytes'
import { badRequest, deleted, notFound, xmlReply, type Action, type Controller, type Reply } from '../controller'
import type { AttachmentRow, NoteRow, ProfileNoteRow, StaffRow, Store, TicketPostRow, TicketRow, TimeTrackRow } from '../store'
import { toInt } from '../vars'
import { uncaught } from './content'
import { leaves, parent, withAttributes } from '../xml'
import { isEmail } from './common'

export const TICKET_NOT_FOUND = 'Ticket not Found'
export const ticketNotFound = (): Reply => notFound(TICKET_NOT_FOUND)

/** Replies: the stored `totalreplies` once a TicketPost POST has counted one, else every post after the first. */
export const repliesOf = (store: Store, ticketId: number): number =>
  store.tickets.get(ticketId)?.totalreplies ?? Math.max(0, store.postsOf(ticketId).length - 1)

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

/**
 * A post as `TicketPost` answers print it (`T/api/TicketPost.php:137-198`). `hasattachments` is the stored flag: API
 * replies keep the column default 0 even with inline files, only a TicketAttachment POST sets it (H5). Only when the
 * flag is set does the answer embed `<attachments>`: the files stored under `attachmentsTicketKey` (the raw ticket
 * argument as SQL sees it, `:165`) for this post. Posts inside a ticket (no key, or `false`) embed none.
 */
export const renderPost = (store: Store, p: TicketPostRow, asTicketPost?: number | false): string => {
  const attachmentsTicketKey = asTicketPost === false ? undefined : asTicketPost
  const hasAttachments = postHasAttachments(store, p)
  const attachments =
    attachmentsTicketKey === undefined || !hasAttachments ? [] : store.attachments.where((a) => a.ticketpostid === p.id && a.ticketid === attachmentsTicketKey)
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
      ['hasattachments', hasAttachments],
      ['creator', p.creator],
      ['isthirdparty', p.isthirdparty],
      ['ishtml', p.ishtml],
      ['isemailed', p.isemailed],
      ['staffid', p.staffid],
      ['issurveycomment', p.issurveycomment],
      // TicketPost answers drop Unicode "other" characters but CR, LF and TAB when printing (SWIFT-1949,
      // `T/api/TicketPost.php:135`); stored contents and Ticket answers keep them (L15).
      ['contents', attachmentsTicketKey === undefined ? p.contents : p.contents.replace(/(?![\r\n\t])\p{C}/gu, '')],
      ['isprivate', p.isprivate]
    ]) +
      // `if ($_ticketPost['hasattachments'] != '0')`: a flagged post whose files are gone prints an empty block (L18).
      (attachmentsTicketKey !== undefined && hasAttachments ? parent('attachments', attachments.map(renderEmbeddedAttachment)) : '')
  )
}

/** The stored flag; seeded rows without one (posts that came by e-mail) have it when they have files. */
export const postHasAttachments = (store: Store, p: TicketPostRow): boolean => p.hasattachments ?? store.attachmentsOfPost(p.id).length > 0

export const renderTicket = (store: Store, t: TicketRow, withPosts: boolean): string => {
  const user = store.users.get(t.userid)
  const organization = user === undefined ? undefined : store.userOrganizations.get(user.userorganizationid)
  const template = store.templateGroups.get(t.templategroupid)
  // Ticket notes, user notes, organization notes, then time tracks; each kind in date order (RenderTickets).
  const byDate = <R extends { id: number }>(rows: Array<R>, date: (r: R) => number) => rows.sort((a, b) => date(a) - date(b) || a.id - b.id)
  const notes = [
    ...byDate(
      store.notes.where((n) => n.ticketid === t.id),
      (n) => n.creationdate
    ).map(renderNote),
    ...(user === undefined
      ? []
      : byDate(
          store.userNotes.where((n) => n.ownerid === user.id),
          (n) => n.creationdate
        ).map((n) => renderProfileNote('user', 'userid', n))),
    ...(organization === undefined
      ? []
      : byDate(
          store.organizationNotes.where((n) => n.ownerid === organization.id),
          (n) => n.creationdate
        ).map((n) => renderProfileNote('userorganization', 'userorganizationid', n))),
    // `ORDER BY tickettimetracks.dateline`, the bill date (`SWIFT_TicketAPIManager.php:228-231`).
    ...byDate(
      store.timeTracks.where((n) => n.ticketid === t.id),
      (n) => n.billdate
    ).map(renderTimeTrackNote)
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
      .map((id) =>
        withAttributes('watcher', [
          ['staffid', id],
          ['name', store.staffName(id)]
        ])
      )
      .join('') +
    t.workflows
      .filter((id) => store.workflows.get(id) !== undefined)
      .map((id) =>
        withAttributes('workflow', [
          ['id', id],
          ['title', store.workflows.get(id)?.title ?? '']
        ])
      )
      .join('') +
    notes.join('') +
    (withPosts
      ? parent(
          'posts',
          store.postsOf(t.id).map((p) => renderPost(store, p))
        )
      : '')
  return parent('ticket', body, [
    ['id', t.id],
    ['flagtype', t.flagtype]
  ])
}

export const ticketsReply = (store: Store, rows: ReadonlyArray<TicketRow>, withPosts: boolean): Reply =>
  xmlReply(
    parent(
      'tickets',
      rows.map((t) => renderTicket(store, t, withPosts))
    )
  )

/** `SWIFT_HTML::DetectHTMLContent` (`__swift/apps/base/library/HTML/class.SWIFT_HTML.php:131-134`): a known tag, after entity decoding. */
export const detectHtmlContent = (text: string): boolean =>
  /<(\s+)?(a|abbr|acronym|address|applet|area|base|basefont|big|blockquote|body|br|b|button|caption|center|cite|code|col|dfn|div|dl|dt|dd|em|font|form|frameset|frame|fieldset|h1|h2|h3|h4|h5|h6|head|hr|html|img|input|isindex|i|kbd|link|li|label|map|menu|meta|ol|option|optgroup|object|param|pre|p|q| samp|script|select|small|span|strikeout|strong|style|sub|sup|table|td|textarea|th|tbody|thead|tfoot|title|tr|tt|ul|u|var)([\s]+(.*)|[\s]*\/)?(\s+)?>/i.test(
    text
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>')
      .replace(/&quot;/gi, '"')
      .replace(/&#0*39;/g, "'")
      .replace(/&amp;/gi, '&')
  )

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
 * The ticket argument of a child controller (H1). `SWIFT_Ticket::GetObjectOnID` finds the ticket by numeric id or
 * display id, but the controllers then use the raw argument: in SQL (`WHERE ticketid = '<arg>'`, e.g.
 * `T/api/TicketPost.php:122`, `TicketNote.php:110`, `TicketTimeTrack.php:110`, `TicketAttachment.php:118`,
 * `TicketCustomField.php:140,153`), where MySQL reads a display id as the number 0, and in PHP `!=` checks against a
 * row's `ticketid` (`TicketPost.php:240,430`, `TicketNote.php:165,320`, `TicketTimeTrack.php:165,315`,
 * `TicketAttachment.php:187,368`), which a display id never equals. With the `display-id-children` tolerance the
 * argument is resolved to the ticket's id instead.
 */
export interface ChildTicket {
  readonly ticket: TicketRow
  /** The argument as SQL compares it with a `ticketid` column. */
  readonly key: number
  /** PHP `$row['ticketid'] != $arg` is false. */
  readonly owns: (ticketid: number) => boolean
}

/** MySQL's string-to-number conversion: the leading number, or 0. */
export const sqlNumber = (text: string): number => {
  const m = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text)
  return m === null ? 0 : Math.trunc(Number(m[0]))
}

/** PHP's `is_numeric` (leading and trailing whitespace allowed, as on PHP 8). */
const isNumeric = (text: string): boolean => /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(text)

export const childTicket = (store: Store, arg: string): ChildTicket | undefined => {
  const ticket = store.findTicket(arg)
  if (ticket === undefined) return undefined
  if (store.behaviour.lenient('display-id-children')) return { ticket, key: ticket.id, owns: (id) => id === ticket.id }
  // Loose `!=` of two strings compares numbers only when both are numeric.
  return { ticket, key: sqlNumber(arg), owns: (id) => (isNumeric(arg) ? Number(arg) === id : String(id) === arg) }
}

/**
 * A ticket's child row for `/<Controller>/$ticketid$/$id$`: 404 for an unknown ticket or row, 400 when the row's
 * `ticketid` differs from the argument (so always for a display id, H1). `find` loads the row the way the model does.
 */
export const childOf = <R extends { id: number; ticketid: number }>(
  store: Store,
  find: (idArg: string) => R | undefined,
  [ticketArg, idArg]: ReadonlyArray<string>,
  texts: { readonly notFound: string; readonly elsewhere: string }
): { readonly ticket: ChildTicket; readonly row: R } | Reply => {
  const ticket = childTicket(store, ticketArg ?? '')
  if (ticket === undefined) return ticketNotFound()
  const row = find(idArg ?? '')
  if (row === undefined) return notFound(texts.notFound)
  if (!ticket.owns(row.ticketid)) return badRequest(texts.elsewhere)
  return { ticket, row }
}

/** A row by `(int)` id, as `new SWIFT_DataID($id)` then `LoadData` do: '' and 0 find nothing. */
export const byIntId =
  <R>(rows: { get(id: number): R | undefined }) =>
  (idArg: string): R | undefined => {
    const id = toInt(idArg)
    return id > 0 ? rows.get(id) : undefined
  }

/** The optional second ListAll segment: `!empty($id)` filters to `(int)$id` (`T/api/TicketPost.php:111-113`, etc.). */
export const rowFilter = (idArg: string | undefined): ((id: number) => boolean) =>
  idArg === undefined || idArg === '' || idArg === '0' ? () => true : (id) => id === toInt(idArg)

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

/**
 * `isset($_staffCache[$_POST['staffid']])`: PHP turns only a canonical decimal string into an integer array key, so
 * `' 1'` or `'01'` find no staff member (`T/api/TicketNote.php:213`, `TicketTimeTrack.php:210`).
 */
export const staffByCacheKey = (store: Store, value: string | undefined): StaffRow | undefined =>
  value !== undefined && /^[1-9]\d*$/.test(value) ? store.staff.get(Number(value)) : undefined

/** `SWIFT_TicketNoteManager::GetSanitizedNoteColor` (`T/models/Note/class.SWIFT_TicketNoteManager.php:194-202`): outside 1-5 is 1. */
export const sanitizedNoteColour = (value: string | undefined): number => {
  // `!empty($_POST['notecolor'])` else 1 (`T/api/TicketNote.php:250-252`).
  if (value === undefined || value === '' || value === '0') return 1
  const n = toInt(value)
  return n > 5 || n < 1 || !/^\s*[+-]?\d/.test(value) ? 1 : n
}

/**
 * A ticket-child action called with fewer path segments than its PHP method has required parameters: PHP ≥ 7.1
 * throws `ArgumentCountError` from `call_user_func_array`, which nothing catches (`__swift/library/MVC/
 * class.SWIFT_Controller.php:385`), so the API prints its uncaught-exception text with status 200 (L33). `declared` is
 * the method's declaration line, where PHP reports the error.
 */
export const tooFewArguments = (
  controller: string,
  method: string,
  args: ReadonlyArray<string>,
  required: number,
  hasOptional: boolean,
  declared: number
): Reply | undefined =>
  args.length >= required
    ? undefined
    : uncaught(
        ['/Tickets', controller, ...(method === 'ListAll' ? ['ListAll'] : []), ...args].join('/'),
        `Too few arguments to function Tickets\\Api\\Controller_${controller}::${method}(), ${args.length} passed and ${hasOptional ? 'at least' : 'exactly'} ${required} expected`,
        `/__apps/tickets/api/class.Controller_${controller}.php:${declared}`
      )

/** A ticket's child row as it was found for `/<Controller>/$ticketid$/$id$`. */
export interface FoundChild<R> {
  readonly ticket: ChildTicket
  readonly row: R
}

/** What a ticket-child controller (TicketPost, TicketNote, TicketTimeTrack, TicketAttachment) has of its own. */
export interface TicketChild<R extends { id: number; ticketid: number }> {
  /** The controller's name, as the URL and its PHP class have it. */
  readonly controller: string
  /** The declaration lines of its `ListAll`, `Get` and `Delete` (for `tooFewArguments`). */
  readonly declared: { readonly listAll: number; readonly get: number; readonly delete: number }
  readonly texts: { readonly notFound: string; readonly elsewhere: string }
  /** Loads a row the way the model does. */
  readonly find: (store: Store) => (idArg: string) => R | undefined
  /** `ListAll`: the rows stored under `ticketKey` that `only` keeps. */
  readonly listAll: (store: Store, ticketKey: number, only: (id: number) => boolean) => Reply
  /** `Get`'s answer; by default `listAll` of the one row. */
  readonly one?: (store: Store, found: FoundChild<R>) => Reply
  /** `Delete`: removes the row and what hangs on it. */
  readonly remove: (store: Store, found: FoundChild<R>) => void
  readonly post: Action
}

/**
 * The controller of a ticket's child rows: `ListAll($ticketid, $id = 0)`, `Get($ticketid, $id)` and
 * `Delete($ticketid, $id)` are the same in the four controllers (the argument count, the ticket, the row's owner);
 * the rows, their rendering and what a delete also changes are the child's.
 */
export const ticketChildController = <R extends { id: number; ticketid: number }>(child: TicketChild<R>): Controller => {
  const { controller, declared, texts } = child
  const found = (store: Store, args: ReadonlyArray<string>) => childOf(store, child.find(store), args, texts)
  return {
    getList: () => badRequest(`Not Implemented, Call /Tickets/${controller}/ListAll instead.`),
    actions: {
      listall: (ctx, args) => {
        const missing = tooFewArguments(controller, 'ListAll', args, 1, true, declared.listAll)
        if (missing !== undefined) return missing
        const [ticketArg, rowArg] = args
        const ticket = childTicket(ctx.store, ticketArg ?? '')
        return ticket === undefined ? ticketNotFound() : child.listAll(ctx.store, ticket.key, rowFilter(rowArg))
      }
    },
    get: (ctx, args) => {
      const missing = tooFewArguments(controller, 'Get', args, 2, false, declared.get)
      if (missing !== undefined) return missing
      const one = found(ctx.store, args)
      if (isReply(one)) return one
      return child.one !== undefined ? child.one(ctx.store, one) : child.listAll(ctx.store, one.ticket.key, (id) => id === one.row.id)
    },
    post: child.post,
    delete: (ctx, args) => {
      const missing = tooFewArguments(controller, 'Delete', args, 2, false, declared.delete)
      if (missing !== undefined) return missing
      const one = found(ctx.store, args)
      if (isReply(one)) return one
      child.remove(ctx.store, one)
      return deleted
    }
  }
}
