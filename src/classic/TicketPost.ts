/**
 * TicketPost — `/Tickets/TicketPost` (spec §2.10): the replies of a ticket. No PUT.
 * An unknown ticket or post is a 404 (`Ticket not Found`, `Ticket Post not Found`), so `get` is not an `Option`.
 * Ticket ids are numeric (see `Ticket.resolveId`). 4.98.8 stores a staff reply as the contents, `"\n"` and the staff
 * member's signature (itself after a `"\n"`), sets the ticket of a user reply to the helpdesk's "status on user reply",
 * and leaves `hasAttachments` false on a post whose files came inline.
 */
import { toBase64 } from '../core/bytes'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { deleteRequest, getRequest, phpForm, postRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { exactlyOne, fileBytes, fileContents, numericTicketId, post as postDecoder, type FileContents, type TicketPost } from './internal/tickets'
import { many, one } from './internal/xml'

export { PostCreator, type Code, type FileContents, type PostAttachment, type TicketKey, type TicketPost } from './internal/tickets'

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

const posts = /*#__PURE__*/ many('posts', 'post', postDecoder)
const onePost = /*#__PURE__*/ one(posts)

const ROUTE = '/Tickets/TicketPost'

const ids = (ticketId: number, postId: number): V.Issues => V.issues(numericTicketId('ticketId', ticketId), V.positiveInt('postId', postId))

/** The posts of a ticket, in the helpdesk's post order. */
export const all = (ticketId: number): ClassicRequest<ReadonlyArray<TicketPost>> =>
  getRequest('TicketPost.all', `${ROUTE}/ListAll/${segment(ticketId)}`, posts, { issues: numericTicketId('ticketId', ticketId) })

/** One post; a post of another ticket is a 400 `Post does not belong to the specified ticket`. */
export const get = (ticketId: number, postId: number): ClassicRequest<TicketPost> =>
  getRequest('TicketPost.get', `${ROUTE}/${segment(ticketId)}/${segment(postId)}`, onePost, { issues: ids(ticketId, postId) })

const checkAttachments = (path: string, value: unknown): V.Issues => {
  if (!Array.isArray(value)) return [{ path, message: 'must be an array' }]
  return V.issues(
    V.when(value.length > MAX_POST_ATTACHMENTS, path, `at most ${MAX_POST_ATTACHMENTS} files per post`),
    ...value.map((a: NewPostAttachment, n) =>
      V.input(a, (f) => V.issues(V.nonBlank(`${path}[${n}].fileName`, f.fileName), fileContents(`${path}[${n}].contents`, f.contents)), `${path}[${n}]`)
    )
  )
}

/** Each file as a numbered pair (`filename<n>`, `filecontent<n>`). */
const attachmentPairs = (attachments: ReadonlyArray<NewPostAttachment>): Record<string, FormValue> =>
  Object.fromEntries(
    attachments.flatMap((a, n) => [
      [`filename${n}`, a.fileName],
      [`filecontent${n}`, toBase64(fileBytes(a.contents))]
    ])
  )

/** Every field of a post's input, described once, in the order the form sends them. */
const FIELDS: Fields<NewTicketPost, FormValue> = {
  subject: { wire: 'subject', check: V.isString },
  contents: { wire: 'contents', check: V.nonBlank },
  userId: { wire: 'userid', check: V.positiveInt },
  staffId: { wire: 'staffid', check: V.positiveInt },
  isPrivate: { wire: 'isprivate', check: V.isBoolean },
  attachments: { wire: 'filename<n>, filecontent<n>', check: checkAttachments, spread: true, encode: attachmentPairs }
}

const NEW_REQUIRED: RequiredFields<NewTicketPost> = { contents: true }

const rules = (input: Partial<NewTicketPost>): V.Issues =>
  V.issues(
    exactlyOne('userId', [input.userId, input.staffId], 'exactly one of userId or staffId is required'),
    V.when(input.isPrivate === true && input.staffId === undefined, 'isPrivate', 'only staff posts can be private')
  )

/**
 * Adds a post; the answer is the new post. `ticketId` is the numeric id, not a display id: 4.98.8 would add the post
 * but answer an empty list (a ValidationError here; resolve a display id with `Ticket.resolveId`).
 */
export const post = (ticketId: number, input: NewTicketPost): ClassicRequest<TicketPost> => {
  const issues = V.issues(numericTicketId('ticketId', ticketId), checkFields(FIELDS, NEW_REQUIRED, input, rules))
  // `isprivate` is always sent: 4.98.8 reads it without checking and prints a PHP notice when it is missing.
  const form = V.whenValid(issues, () => phpForm({ ticketid: ticketId, ...wireValues(FIELDS, { ...input, isPrivate: input.isPrivate ?? false }) }))
  return postRequest('TicketPost.post', ROUTE, onePost, { issues, form })
}

/**
 * Deletes a post: `DELETE /Tickets/TicketPost/$ticketid$/$ticketpostid$`; 404 `Ticket Post not Found`, 400 when it
 * belongs to another ticket.
 */
const del = (ticketId: number, postId: number): ClassicRequest<void> =>
  deleteRequest('TicketPost.delete', `${ROUTE}/${segment(ticketId)}/${segment(postId)}`, { issues: ids(ticketId, postId) })

export { del as delete, get as find, post as save, del as destroy }
