/**
 * TicketPost — `/Tickets/TicketPost` (spec §2.10): the replies of a ticket. No PUT.
 * An unknown ticket or post is a 404 (`Ticket not Found`, `Ticket Post not Found`), so `get` is not an `Option`.
 * Ticket ids are numeric (see `Ticket.resolveId`). 4.98.8 stores a staff reply as the contents, `"\n"` and the staff
 * member's signature (itself after a `"\n"`), sets the ticket of a user reply to the helpdesk's "status on user reply",
 * and leaves `hasAttachments` false on a post whose files came inline.
 */
import { toBase64 } from '../core/bytes'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest, type FormPairs } from './request'
import { exactlyOne, fileBytes, fileContents, numericTicketId, post as postDecoder, type FileContents, type TicketPost } from './tickets'
import { list, single } from './xml'

export { PostCreator, type Code, type FileContents, type PostAttachment, type TicketKey, type TicketPost } from './tickets'

/**
 * A file sent with a new post (4.98.8: `filename<n>` + `filecontent<n>`, Base64 — we encode it). 4.98.8 fails the
 * whole post when the extension is not in its MIME list (`.csv`, `.json`, no extension …): use `TicketAttachment.post`.
 */
export interface NewPostAttachment {
  readonly fileName: string
  /** Bytes, or text sent as UTF-8. */
  readonly contents: FileContents
}

/** At most this many files per post (the server reads `filename0` … `filename9`). */
export const MAX_POST_ATTACHMENTS = 10

/** Exactly one of `userId` and `staffId` says who writes (the server would let `userId` win). */
export interface NewTicketPost {
  /**
   * The ticket's numeric id. Not a display id: 4.98.8 would add the post but answer an empty list (a
   * ValidationError here; resolve a display id with `Ticket.resolveId`).
   */
  readonly ticketId: number
  readonly contents: string
  readonly userId?: number
  readonly staffId?: number
  /**
   * A private staff reply. Always sent (default false): 4.98.8 reads it without checking and prints a PHP notice
   * when it is missing.
   */
  readonly isPrivate?: boolean
  /** Ignored by 4.98.8 (the ticket's subject is used); older servers expect it. */
  readonly subject?: string
  readonly attachments?: ReadonlyArray<NewPostAttachment>
}

const posts = /*#__PURE__*/ list('posts', 'post', postDecoder)
const onePost = /*#__PURE__*/ single(posts)

const ROUTE = '/Tickets/TicketPost'

const ids = (ticketId: number, postId: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('postId', postId))

/** The posts of a ticket, in the helpdesk's post order. */
export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TicketPost>> =>
  getRequest('TicketPost.all', `${ROUTE}/ListAll/${segment(ticketId)}`, posts, { issues: numericTicketId('ticketId', ticketId) })

/** One post; a post of another ticket is a 400 `Post does not belong to the specified ticket`. */
export const get = (ticketId: number, postId: number): ClassicRequest<TicketPost> =>
  getRequest('TicketPost.get', `${ROUTE}/${segment(ticketId)}/${segment(postId)}`, onePost, { issues: ids(ticketId, postId) })

const checkAttachments = (value: unknown): V.Issues => {
  if (!Array.isArray(value)) return [{ path: 'attachments', message: 'must be an array' }]
  return V.issues(
    V.when(value.length > MAX_POST_ATTACHMENTS, 'attachments', `at most ${MAX_POST_ATTACHMENTS} files per post`),
    ...value.map((a: NewPostAttachment, n) =>
      V.input(a, (f) => V.issues(V.nonBlank(`attachments[${n}].fileName`, f.fileName), fileContents(`attachments[${n}].contents`, f.contents)), `attachments[${n}]`)
    )
  )
}

const attachmentPairs = (attachments: ReadonlyArray<NewPostAttachment>): FormPairs =>
  attachments.flatMap((a, n) => [
    [`filename${n}`, a.fileName],
    [`filecontent${n}`, toBase64(fileBytes(a.contents))]
  ] as const)

/** Adds a post; the answer is the new post. */
export const post = (input: NewTicketPost): ClassicRequest<TicketPost> => {
  const issues = V.input(input, (i) =>
    V.issues(
      numericTicketId('ticketId', i.ticketId),
      V.nonBlank('contents', i.contents),
      exactlyOne('userId', [i.userId, i.staffId], 'exactly one of userId or staffId is required'),
      V.optional(i.userId, (n) => V.positiveInt('userId', n)),
      V.optional(i.staffId, (n) => V.positiveInt('staffId', n)),
      V.optional(i.isPrivate, (b) => V.isBoolean('isPrivate', b)),
      V.when(i.isPrivate === true && i.staffId === undefined, 'isPrivate', 'only staff posts can be private'),
      V.optional(i.subject, (s) => V.isString('subject', s)),
      V.optional(i.attachments, checkAttachments)
    )
  )
  const form = V.whenValid(issues, () => [
    ...phpForm({
      ticketid: input.ticketId,
      subject: input.subject,
      contents: input.contents,
      userid: input.userId,
      staffid: input.staffId,
      isprivate: input.isPrivate ?? false
    }),
    ...attachmentPairs(input.attachments ?? [])
  ])
  return postRequest('TicketPost.post', ROUTE, onePost, { issues, form })
}

const del = (ticketId: number, postId: number): ClassicRequest<void> =>
  deleteRequest('TicketPost.delete', `${ROUTE}/${segment(ticketId)}/${segment(postId)}`, { issues: ids(ticketId, postId) })

export { del as delete, get as find, post as save, del as destroy }
