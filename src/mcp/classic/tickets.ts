/**
 * The Classic ticket reads: search (`POST /Tickets/TicketSearch`, signed like every call, with every flag the server
 * knows), the paged list (`ListAll` with its count/start segments), and one ticket as a whole conversation.
 */
import { z } from 'zod'
import * as E from '../../core/either'
import type { ClassicExecutor } from '../../classic'
import * as Department from '../../classic/Department'
import * as Ticket from '../../classic/Ticket'
import * as TicketAttachment from '../../classic/TicketAttachment'
import * as TicketCustomField from '../../classic/TicketCustomField'
import { offsetCursor, offsetOf } from '../cursor'
import { attempt } from '../errors'
import { cursorArg, htmlToText, iso, looksLikeHtml, limitArg, page, pageShape, slice } from '../format'
import { defineTool, READ, type ToolError } from '../tool'
import { summaryOf, ticketKeyArg, ticketLine, ticketSummary, type TicketSummary } from './shapes'

const SEARCH_PLACES = /*#__PURE__*/ Object.keys(Ticket.SEARCH_FIELDS) as [Ticket.SearchField, ...Array<Ticket.SearchField>]
const DEFAULT_PLACES: ReadonlyArray<Ticket.SearchField> = ['ticketId', 'contents', 'author', 'email', 'fullName', 'tags']

const listText = (items: ReadonlyArray<TicketSummary>, next: string | null, what: string): string =>
  items.length === 0 ? `No ${what}.` : [...items.map(ticketLine), next === null ? '(last page)' : '(more: call again with `cursor` set to `next`)'].join('\n')

export const searchTickets = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_search_tickets',
    api: 'classic',
    title: 'Search Classic tickets',
    description:
      'Full-text search of Kayako Classic tickets: finds tickets by id or display id, post contents, author, e-mail, ' +
      'requester name, notes, user group, organization or tags. Use it first when you know words, a person or a ' +
      'reference but not the ticket id; use classic_list_tickets to browse by department, status or owner, and ' +
      'classic_get_ticket for the whole conversation of one ticket.',
    input: {
      query: z.string().min(1).describe('The text to look for.'),
      in: z
        .array(z.enum(SEARCH_PLACES))
        .min(1)
        .optional()
        .describe(
          `Where to look (default ${DEFAULT_PLACES.join(', ')}): ticketId (id and display id), contents (posts), author (post author name and e-mail), ` +
            'email (ticket and post e-mails), creatorEmail, fullName, notes, userGroup, userOrganization, user (user name and e-mail), tags.'
        ),
      phrase: z.boolean().optional().describe('Match `query` as a phrase in contents (Kayako 4.98.8).'),
      limit: limitArg(20, 100),
      cursor: cursorArg
    },
    output: pageShape(ticketSummary),
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const offset = offsetOf('classic_search_tickets', args.cursor)
      if (E.isLeft(offset)) return offset
      const found = await attempt(
        classic(Ticket.search({ query: args.query, in: args.in ?? DEFAULT_PLACES, ...(args.phrase === undefined ? {} : { phrase: args.phrase }) }))
      )
      if (E.isLeft(found)) return found
      const result = slice('classic_search_tickets', found.right.map(summaryOf), offset.right, args.limit)
      return E.right({ structured: result, text: listText(result.items, result.next, `ticket matches "${args.query}"`) })
    }
  }))()

export const listTickets = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_list_tickets',
    api: 'classic',
    title: 'List Classic tickets',
    description:
      'Lists Kayako Classic tickets by department, status, owner or user, sorted, a page at a time (the server pages ' +
      'them). Without statusIds the server lists only unresolved tickets. Use classic_list_ticket_options and ' +
      'classic_list_departments to map names (status "Closed", a staff member) to ids; use classic_search_tickets for text.',
    input: {
      departmentIds: z.array(z.number().int().positive()).min(1).optional().describe('Departments to list (default: every department).'),
      statusIds: z.array(z.number().int().positive()).optional().describe('Statuses (default: the unresolved ones).'),
      ownerStaffIds: z.array(z.number().int().nonnegative()).optional().describe('Owners; 0 means unassigned.'),
      userIds: z.array(z.number().int().positive()).optional().describe('Requesters (user ids).'),
      sortField: z.enum(Ticket.SORT_FIELDS).optional().describe('Sort by this column (default ticketid).'),
      sortOrder: z.enum(['ASC', 'DESC']).optional().describe('Default ASC.'),
      limit: limitArg(25, 100),
      cursor: cursorArg
    },
    output: pageShape(ticketSummary),
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const offset = offsetOf('classic_list_tickets', args.cursor)
      if (E.isLeft(offset)) return offset
      const departments = args.departmentIds === undefined ? await allDepartmentIds(classic) : E.right([...args.departmentIds])
      if (E.isLeft(departments)) return departments
      if (departments.right.length === 0) return E.right({ structured: { items: [], next: null }, text: 'The helpdesk has no departments.' })
      // One more than asked for tells whether another page follows, without a count request.
      const listed = await attempt(
        classic(
          Ticket.all({
            departmentIds: departments.right,
            ...(args.statusIds === undefined ? {} : { statusIds: args.statusIds }),
            ...(args.ownerStaffIds === undefined ? {} : { ownerStaffIds: args.ownerStaffIds }),
            ...(args.userIds === undefined ? {} : { userIds: args.userIds }),
            count: args.limit + 1,
            start: offset.right,
            sortField: args.sortField ?? 'ticketid',
            sortOrder: args.sortOrder ?? 'ASC'
          })
        )
      )
      if (E.isLeft(listed)) return listed
      const items = listed.right.slice(0, args.limit).map(summaryOf)
      const result = page(items, listed.right.length > args.limit ? offsetCursor('classic_list_tickets', offset.right + args.limit) : undefined)
      return E.right({ structured: { items, next: result.next }, text: listText(items, result.next, 'tickets') })
    }
  }))()

const allDepartmentIds = async (classic: ClassicExecutor): Promise<E.Either<ToolError, Array<number>>> => {
  const departments = await attempt(classic(Department.all()))
  return E.isLeft(departments) ? departments : E.right(departments.right.filter((d) => d.app === 'tickets').map((d) => d.id))
}

const attachmentShape = /*#__PURE__*/ (() =>
  z.object({
    id: z.number().int(),
    fileName: z.string(),
    fileSize: z.number().int(),
    fileType: z.string(),
    postId: z.number().int().optional(),
    createdAt: z.string().nullable()
  }))()

const entryShape = /*#__PURE__*/ (() =>
  z.object({
    kind: z
      .enum(['post', 'note', 'user-note', 'organization-note', 'timetrack'])
      .describe(
        'post: a reply in the conversation; note: a staff note on the ticket; user-note / organization-note: a staff note about the requester or their organization; timetrack: time worked.'
      ),
    id: z.number().int(),
    at: z.string().nullable(),
    author: z.string(),
    email: z.string().optional(),
    visibility: z.enum(['customer', 'staff']).describe('customer: a post the requester sees; staff: a private reply, a note or a time track.'),
    fromStaff: z.boolean(),
    isHtml: z.boolean(),
    contents: z.string(),
    attachments: z.array(attachmentShape)
  }))()

const fieldShape = /*#__PURE__*/ (() => z.object({ group: z.string(), name: z.string(), title: z.string(), value: z.string() }))()

type Entry = z.infer<typeof entryShape>

const fieldValue = (value: TicketCustomField.CustomFieldValue): string => {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'option':
      return value.option
    case 'options':
      return value.options.join(', ')
    case 'linked':
      return value.child === '' ? value.parent : `${value.parent} > ${value.child}`
    case 'date':
      return value.text
    case 'file':
      return `(file) ${value.fileName}`
  }
}

const NOTE_KINDS = { ticket: 'note', user: 'user-note', userorganization: 'organization-note', timetrack: 'timetrack' } as const

const conversationOf = (ticket: Ticket.Ticket): Array<Entry> => {
  const posts: Array<Entry> = (ticket.posts._tag === 'Some' ? ticket.posts.value : []).map((p) => ({
    kind: 'post',
    id: p.id,
    at: iso(p.dateline),
    author: p.fullName,
    email: p.email,
    visibility: p.isPrivate ? 'staff' : 'customer',
    fromStaff: p.creator === 1,
    isHtml: p.isHtml,
    contents: p.contents,
    attachments: p.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      fileSize: a.fileSize,
      fileType: a.fileType,
      postId: p.id,
      createdAt: iso(a.dateline)
    }))
  }))
  const notes: Array<Entry> = ticket.notes.map((n) => ({
    kind: NOTE_KINDS[n.type],
    id: n.id,
    at: iso(n.type === 'timetrack' ? n.workDate : n.creationDate),
    author: n.creatorStaffName,
    visibility: 'staff',
    fromStaff: true,
    isHtml: false,
    contents:
      n.type === 'timetrack' ? `Worked ${Math.round(n.timeWorked / 60)} min (billable ${Math.round(n.timeBillable / 60)} min). ${n.contents}` : n.contents,
    attachments: []
  }))
  // Oldest first; entries without a date keep their place after the dated ones.
  return [...posts, ...notes].sort((a, b) => (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff'))
}

export const getTicket = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_get_ticket',
    api: 'classic',
    title: 'Get a Classic ticket with its conversation',
    description:
      'One Kayako Classic ticket in full, in one call: its fields, every post (customer-visible and private) and ' +
      'note in chronological order, its custom fields and its attachment list. Use it to read, summarize or answer a ' +
      'ticket once you know its id or display id (find it with classic_search_tickets or classic_list_tickets).',
    input: { ticketId: ticketKeyArg },
    output: {
      ticket: ticketSummary,
      conversation: z.array(entryShape).describe('Posts, notes and time tracks, oldest first.'),
      customFields: z.array(fieldShape),
      attachments: z.array(attachmentShape)
    },
    access: 'read',
    annotations: READ,
    run: async (args, { classic }) => {
      const found = await attempt(classic(Ticket.get(args.ticketId)))
      if (E.isLeft(found)) return found
      const ticket = found.right
      const [fields, files] = await Promise.all([attempt(classic(TicketCustomField.get(ticket.id))), attempt(classic(TicketAttachment.all(ticket.id)))])
      if (E.isLeft(fields)) return fields
      if (E.isLeft(files)) return files
      const summary = summaryOf(ticket)
      const conversation = conversationOf(ticket)
      const customFields = fields.right.flatMap((g) => g.fields.map((f) => ({ group: g.title, name: f.name, title: f.title, value: fieldValue(f.value) })))
      const attachments = files.right.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        fileSize: a.fileSize,
        fileType: a.fileType,
        postId: a.ticketPostId,
        createdAt: iso(a.dateline)
      }))
      return E.right({
        structured: { ticket: summary, conversation, customFields, attachments },
        text: ticketText(summary, conversation, customFields, attachments)
      })
    }
  }))()

const ENTRY_LABELS = {
  note: 'Internal note',
  'user-note': 'Note on the requester',
  'organization-note': 'Note on the organization',
  timetrack: 'Time track'
} as const

/** A ticket as a model reads it: header, custom fields, attachments, then the conversation with HTML as plain text. */
const ticketText = (
  t: TicketSummary,
  conversation: ReadonlyArray<Entry>,
  fields: ReadonlyArray<z.infer<typeof fieldShape>>,
  attachments: ReadonlyArray<z.infer<typeof attachmentShape>>
): string =>
  [
    `Ticket #${t.id} [${t.displayId}]: ${t.subject}`,
    `Requester: ${t.fullName} <${t.email}>${t.userOrganization === '' ? '' : ` (${t.userOrganization})`}, user ${t.userId}`,
    `Department ${t.departmentId}, status ${t.statusId}, priority ${t.priorityId}, type ${t.typeId}; owner ${
      t.ownerStaffId === 0 ? 'unassigned' : `${t.ownerStaffName} (${t.ownerStaffId})`
    }${t.isEscalated ? '; ESCALATED' : ''}`,
    `Created ${t.creationTime ?? 'unknown'}, last activity ${t.lastActivity ?? 'unknown'}, ${t.replies} replies${t.tags.length === 0 ? '' : `; tags: ${t.tags.join(', ')}`}`,
    ...(fields.length === 0 ? [] : ['', 'Custom fields:', ...fields.map((f) => `  ${f.title}: ${f.value}`)]),
    ...(attachments.length === 0
      ? []
      : ['', 'Attachments:', ...attachments.map((a) => `  ${a.fileName} (${a.fileType}, ${a.fileSize} bytes, post ${a.postId ?? '-'})`)]),
    '',
    'Conversation (oldest first):',
    ...conversation.flatMap((e) => [
      '',
      `--- ${e.kind === 'post' ? (e.visibility === 'customer' ? 'Post' : 'Private reply') : ENTRY_LABELS[e.kind]} #${e.id} by ${e.author}${
        e.email === undefined || e.email === '' ? '' : ` <${e.email}>`
      }${e.fromStaff ? ' (staff)' : ''}, ${e.at ?? 'undated'}`,
      e.isHtml || looksLikeHtml(e.contents) ? htmlToText(e.contents) : e.contents.trim()
    ])
  ].join('\n')
