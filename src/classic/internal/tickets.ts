/**
 * What the ticket modules share (internal, not a public entry): the enumerations, the codecs of the objects a ticket
 * document embeds (posts, notes, time tracks, post attachments) and the checks of ticket ids and file contents.
 *
 * It lives outside the resource modules so that `Ticket` and `TicketPost` can both decode posts without one
 * importing the other: importing `Ticket` must not pull `TicketPost` into a bundle. Each resource module re-exports
 * the types and constants its users need.
 */
import { utf8 } from '../../core/bytes'
import type { Decoder } from '../../core/decoder'
import { failure, mapDecoder, success } from '../../core/decoder'
import * as V from '../../core/validate'
import { segment } from './request'
import {
  attr,
  attrInt,
  attrTimestamp,
  bool,
  bytes,
  content,
  int,
  many,
  mapField,
  optional,
  requiredAttrInt,
  requiredInt,
  struct,
  text,
  textAs,
  timestamp,
  toInt,
  type Extra,
  type XmlElement
} from './xml'
import type { AttachmentFields } from './contentAttachments'
import * as O from '../../core/option'
import { pipe } from 'fp-ts/function'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations
//
// The numeric codes the server sends are kept as numbers (so nothing is lost when a newer server adds a code, and a
// code is compared with the named constants: `ticket.creator === TicketCreator.staff`). Entity fields are typed
// `Code<K>`: one of the known codes or another integer; the union keeps editor completion for the known ones.

/** One of the known codes `K`, or another integer sent by a newer (or hand-edited) server. */
export type Code<K extends number> = K | (number & {})

/** Ticket flag (`<ticket flagtype>`): PHP `kyTicket::FLAG_*`, Ruby `Ticket::FLAG_*`. */
export const FlagType = { none: 0, purple: 1, orange: 2, green: 3, yellow: 4, red: 5, blue: 6 } as const
export type FlagType = (typeof FlagType)[keyof typeof FlagType]

/** Who created a ticket (`<creator>` of a ticket). */
export const TicketCreator = { staff: 1, user: 2 } as const
export type TicketCreator = (typeof TicketCreator)[keyof typeof TicketCreator]

/** Who wrote a post (`<creator>` of a post), `class.SWIFT_TicketPost.php`. */
export const PostCreator = { staff: 1, user: 2, cc: 3, bcc: 4, thirdParty: 5 } as const
export type PostCreator = (typeof PostCreator)[keyof typeof PostCreator]

/** How a ticket was created (`<creationmode>`), `class.SWIFT_Ticket.php`. Tickets created through this API get `api`. */
export const CreationMode = { supportCenter: 1, staffCp: 2, email: 3, api: 4, siteBadge: 5, mobile: 6, staffApi: 7 } as const
export type CreationMode = (typeof CreationMode)[keyof typeof CreationMode]

/** `<creationtype>`: a normal ticket or a phone call. */
export const CreationType = { default: 1, phone: 2 } as const
export type CreationType = (typeof CreationType)[keyof typeof CreationType]

/** Note colors (`notecolor`), PHP `kyTicketNote::COLOR_*`; the server's default is yellow. */
export const NoteColor = { yellow: 1, purple: 2, blue: 3, green: 4, red: 5 } as const
export type NoteColor = (typeof NoteColor)[keyof typeof NoteColor]
/** Every `NoteColor`. */
export const NOTE_COLORS: ReadonlyArray<NoteColor> = [1, 2, 3, 4, 5]

// ---------------------------------------------------------------------------------------------------------------
// Notes and time tracks (attribute style: metadata in attributes, the text as the element's content)

/** A note on a ticket (`type="ticket"`): what `TicketNote` lists, and what a ticket document embeds. */
export interface TicketNote {
  readonly type: 'ticket'
  readonly id: number
  readonly ticketId: number
  readonly noteColor: Code<NoteColor>
  readonly creatorStaffId: number
  readonly creatorStaffName: string
  /** The staff member the note is addressed to; 0 for everyone. */
  readonly forStaffId: number
  readonly creationDate: Date | null
  readonly contents: string
  readonly extra: Extra
}

/** A note on the ticket's user, shown in the ticket document. */
export interface UserNote extends Omit<TicketNote, 'type' | 'ticketId'> {
  readonly type: 'user'
  readonly userId: number
}

/** A note on the ticket's user organization, shown in the ticket document. */
export interface UserOrganizationNote extends Omit<TicketNote, 'type' | 'ticketId'> {
  readonly type: 'userorganization'
  readonly userOrganizationId: number
}

/** A time-tracking entry. The XML names differ from the POST names (see `TicketTimeTrack.post`). */
export interface TimeTrack {
  readonly type: 'timetrack'
  readonly id: number
  readonly ticketId: number
  /** Seconds worked (`timeworked`; sent as `timespent`). */
  readonly timeWorked: number
  /** Seconds billable (`timebillable`). */
  readonly timeBillable: number
  /** `billdate`; sent as `billtimeline`. */
  readonly billDate: Date | null
  /** `workdate`; sent as `worktimeline`. */
  readonly workDate: Date | null
  readonly workerStaffId: number
  readonly workerStaffName: string
  /** `creatorstaffid`; sent as `staffid`. */
  readonly creatorStaffId: number
  readonly creatorStaffName: string
  readonly noteColor: Code<NoteColor>
  readonly contents: string
  readonly extra: Extra
}

/** The notes a ticket document carries, told apart by `type`. */
export type TicketDocumentNote = TicketNote | UserNote | UserOrganizationNote | TimeTrack

// Top-level decoders here are built inside `/*#__PURE__*/ (() => …)()`: every ticket module imports this file, and
// a bundler drops an unused annotated call only when its arguments have no calls of their own. This way importing
// `TicketCustomField` does not bring the post and note decoders along.

/** The `type` attribute, consumed so that it does not land in `extra`, as the fixed discriminant. */
const typeTag = <L extends string>(tag: L) => mapField(attr('type'), (): L => tag)

const noteFields = () => ({
  id: requiredAttrInt('id'),
  noteColor: attrInt('notecolor'),
  creatorStaffId: attrInt('creatorstaffid'),
  creatorStaffName: attr('creatorstaffname'),
  forStaffId: attrInt('forstaffid'),
  creationDate: attrTimestamp('creationdate'),
  contents: content(success)
})

export const ticketNote = /*#__PURE__*/ (() => struct('note', { type: typeTag('ticket'), ticketId: attrInt('ticketid'), ...noteFields() }))()
const userNote = /*#__PURE__*/ (() => struct('note', { type: typeTag('user'), userId: attrInt('userid'), ...noteFields() }))()
const userOrganizationNote = /*#__PURE__*/ (() =>
  struct('note', {
    type: typeTag('userorganization'),
    userOrganizationId: attrInt('userorganizationid'),
    ...noteFields()
  }))()

const timeTrackFields = () => ({
  id: requiredAttrInt('id'),
  ticketId: attrInt('ticketid'),
  timeWorked: attrInt('timeworked'),
  timeBillable: attrInt('timebillable'),
  billDate: attrTimestamp('billdate'),
  workDate: attrTimestamp('workdate'),
  workerStaffId: attrInt('workerstaffid'),
  workerStaffName: attr('workerstaffname'),
  creatorStaffId: attrInt('creatorstaffid'),
  creatorStaffName: attr('creatorstaffname'),
  noteColor: attrInt('notecolor'),
  contents: content(success)
})

/** `<timetrack …>` as `TicketTimeTrack` lists it. */
export const timeTrack = /*#__PURE__*/ (() => struct('timetrack', { type: typeTag('timetrack'), ...timeTrackFields() }))()
const timeTrackNote = /*#__PURE__*/ (() => struct('note', { type: typeTag('timetrack'), ...timeTrackFields() }))()

/** A `<note>` of a ticket document, by its `type` attribute (missing = a ticket note, as `TicketNote` lists them). */
export const documentNote: Decoder<XmlElement, TicketDocumentNote> = {
  decode: (el) => {
    switch (el.attributes.type ?? 'ticket') {
      case 'ticket':
        return ticketNote.decode(el)
      case 'user':
        return userNote.decode(el)
      case 'userorganization':
        return userOrganizationNote.decode(el)
      case 'timetrack':
        return timeTrackNote.decode(el)
      default:
        return failure(el.attributes.type, 'expected a note type ticket, user, userorganization or timetrack')
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Posts and attachments

/** An attachment as listed (no contents). */
export interface TicketAttachment {
  readonly id: number
  readonly ticketId: number
  readonly ticketPostId: number
  readonly fileName: string
  /** Bytes. */
  readonly fileSize: number
  /** MIME type, derived by the server from the file extension. */
  readonly fileType: string
  readonly dateline: Date | null
  readonly extra: Extra
}

/** An attachment with its file (`TicketAttachment.get`). */
export interface TicketAttachmentWithContents extends TicketAttachment {
  readonly contents: Uint8Array
}

const ticketAttachmentFields = () => ({
  id: requiredInt('id'),
  ticketId: int('ticketid'),
  ticketPostId: int('ticketpostid'),
  fileName: text('filename'),
  fileSize: int('filesize'),
  fileType: text('filetype'),
  dateline: timestamp('dateline')
})

export const attachment = /*#__PURE__*/ (() => struct('attachment', ticketAttachmentFields()))()
export const attachmentWithContents = /*#__PURE__*/ (() => struct('attachment', { ...ticketAttachmentFields(), contents: bytes('contents') }))()

/** A file embedded in a post (4.98.8 sends the Base64 contents with every post that has attachments). */
export interface PostAttachment extends AttachmentFields {
  readonly extra: Extra
}

// The fields of `contentAttachments.ts`'s `attachmentFields`, written again: a Ticket bundle carries no content plumbing.
const postAttachment = /*#__PURE__*/ (() =>
  struct('attachment', {
    id: requiredInt('id'),
    fileName: text('filename'),
    fileSize: int('filesize'),
    fileType: text('filetype'),
    dateline: timestamp('dateline'),
    contents: bytes('contents')
  }))()

/**
 * A post (a reply or the first message) of a ticket, as `GET /Tickets/TicketPost/ListAll/$ticketid$` lists it and a
 * ticket document embeds it.
 */
export interface TicketPost {
  readonly id: number
  /** Same as `id`; servers before ~2011 did not send `<ticketpostid>`, then `id` is used. */
  readonly ticketPostId: number
  readonly ticketId: number
  readonly dateline: Date | null
  /** 0 for a staff post. */
  readonly userId: number
  readonly fullName: string
  readonly email: string
  readonly emailTo: string
  readonly ipAddress: string
  readonly hasAttachments: boolean
  readonly creator: Code<PostCreator>
  readonly isThirdParty: boolean
  readonly isHtml: boolean
  readonly isEmailed: boolean
  /** 0 for a user post. */
  readonly staffId: number
  readonly isSurveyComment: boolean
  readonly contents: string
  /**
   * Private staff reply. Older servers leave `<isprivate>` out of post lists (PHP client: "it may be a bug in
   * Kayako"); a missing element reads as `false`.
   */
  readonly isPrivate: boolean
  /** The post's files (4.98.8; empty on older servers and for posts without attachments). */
  readonly attachments: ReadonlyArray<PostAttachment>
  readonly extra: Extra
}

export const post: Decoder<XmlElement, TicketPost> = /*#__PURE__*/ (() =>
  mapDecoder(
    struct('post', {
      id: requiredInt('id'),
      ticketPostId: optional('ticketpostid', textAs(toInt)),
      ticketId: int('ticketid'),
      dateline: timestamp('dateline'),
      userId: int('userid'),
      fullName: text('fullname'),
      email: text('email'),
      emailTo: text('emailto'),
      ipAddress: text('ipaddress'),
      hasAttachments: bool('hasattachments'),
      creator: int('creator'),
      isThirdParty: bool('isthirdparty'),
      isHtml: bool('ishtml'),
      isEmailed: bool('isemailed'),
      staffId: int('staffid'),
      isSurveyComment: bool('issurveycomment'),
      contents: text('contents'),
      isPrivate: bool('isprivate'),
      attachments: mapField(optional('attachments', many('attachments', 'attachment', postAttachment)), (found) =>
        pipe(
          found,
          O.getOrElse((): ReadonlyArray<PostAttachment> => [])
        )
      )
    }),
    (p) => ({
      ...p,
      ticketPostId: pipe(
        p.ticketPostId,
        O.getOrElse(() => p.id)
      )
    })
  ))()

// ---------------------------------------------------------------------------------------------------------------
// Checks and encodings shared by the builders

/** A ticket as the server finds it: the numeric id or the display ("mask") id such as `ABC-123-45678`. */
export type TicketKey = number | string

// Display ids are letters and digits in dash-separated groups (`ABC-123-45678`); some helpdesks use other masks, so
// only the character set is checked.
const DISPLAY_ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/

export const ticketKey = (path: string, value: unknown): V.Issues =>
  typeof value === 'string'
    ? DISPLAY_ID.test(value.trim())
      ? []
      : [{ path, message: `must be a ticket id or a display id like ABC-123-45678, got ${JSON.stringify(value.slice(0, 40))}` }]
    : V.positiveInt(path, value)

/**
 * The numeric ticket id the ticket-child calls (posts, notes, time tracks, attachments, custom fields) and
 * `Ticket.delete` need. 4.98.8 finds a ticket by display id there too, but then uses the raw display id in SQL and in
 * its checks: lists come back empty, gets and deletes answer 400, new rows are hidden from the answer, attachments are
 * stored against ticket 0 and a delete deletes nothing. So a display id is refused here, with the way out.
 */
export const numericTicketId = (path: string, value: unknown): V.Issues =>
  typeof value === 'string'
    ? [
        {
          path,
          message: `must be the numeric ticket id, not a display id (${JSON.stringify(value.slice(0, 40))}): 4.98.8 finds the ticket but ignores it here; get the id with Ticket.resolveId`
        }
      ]
    : V.positiveInt(path, value)

/** The key as a route segment (a display id is trimmed). */
export const keySegment = (key: TicketKey): string => segment(typeof key === 'string' ? key.trim() : key)

/** File contents as the caller gives them: bytes, or text sent as UTF-8. */
export type FileContents = Uint8Array | string

export const fileBytes = (contents: FileContents): Uint8Array => (typeof contents === 'string' ? utf8(contents) : contents)

export const fileContents = (path: string, value: unknown): V.Issues =>
  value instanceof Uint8Array || typeof value === 'string' ? [] : [{ path, message: 'must be a Uint8Array or a string' }]

/** Exactly one of the named values is given (not undefined); `message` says which. */
export const exactlyOne = (path: string, values: ReadonlyArray<unknown>, message: string): V.Issues =>
  values.filter((v) => v !== undefined).length === 1 ? [] : [{ path, message }]

export const nonNegativeInts = (path: string, value: unknown): V.Issues =>
  Array.isArray(value) ? value.flatMap((v, i) => V.nonNegativeInt(`${path}[${i}]`, v)) : [{ path, message: 'must be an array of non-negative integers' }]
