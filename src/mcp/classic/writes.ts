/**
 * The Classic writes, registered only when the server enables writes. New tickets and replies reach the customer
 * (`customer-visible`: the server asks for `confirm: true`); notes and field changes stay with the agents. Nothing here
 * deletes.
 */
import { z } from 'zod'
import * as E from '../../core/either'
import type { ClassicExecutor } from '../../classic'
import * as Ticket from '../../classic/Ticket'
import * as TicketNote from '../../classic/TicketNote'
import * as TicketPost from '../../classic/TicketPost'
import { attempt } from '../errors'
import { iso } from '../format'
import { ADD, CHANGE, defineTool, type ToolError } from '../tool'
import { summaryOf, ticketKeyArg, ticketLine, ticketSummary } from './shapes'

/** The numeric id the ticket-child endpoints take (4.98.8 honours only that there): a display id is resolved first. */
const numericId = async (classic: ClassicExecutor, key: number | string): Promise<E.Either<ToolError, number>> =>
  typeof key === 'number' ? E.right(key) : /^\d+$/.test(key.trim()) ? E.right(Number(key.trim())) : attempt(classic(Ticket.resolveId(key)))

const id = () => z.number().int().positive()

export const createTicket = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_create_ticket',
    api: 'classic',
    title: 'Create a Classic ticket',
    description:
      'Opens a new Kayako Classic ticket; the requester may be e-mailed (autoresponder) and sees it. Use only when ' +
      'asked to open a ticket. Look up department, status, priority and type ids with classic_list_departments and ' +
      'classic_list_ticket_options first. The requester is the user `userId`, else the user the helpdesk finds or ' +
      'creates for `email` and `fullName`.',
    input: {
      subject: z.string().min(1),
      contents: z.string().min(1).describe('The first post (plain text).'),
      fullName: z.string().min(1).describe("The requester's name."),
      email: z.email().describe("The requester's e-mail address."),
      departmentId: id(),
      statusId: id(),
      priorityId: id(),
      typeId: id(),
      userId: id().optional().describe('An existing user as requester (their address must be `email`).'),
      ownerStaffId: id().optional().describe('Assign to this staff member.'),
      ignoreAutoResponder: z.boolean().optional().describe('Do not send the autoresponder e-mail.')
    },
    output: { ticket: ticketSummary },
    access: 'customer-visible',
    annotations: ADD,
    run: async (args, { classic }) => {
      const created = await attempt(
        classic(
          Ticket.post({
            subject: args.subject,
            contents: args.contents,
            fullName: args.fullName,
            email: args.email,
            departmentId: args.departmentId,
            statusId: args.statusId,
            priorityId: args.priorityId,
            typeId: args.typeId,
            ...(args.userId === undefined ? { autoUserId: true } : { userId: args.userId }),
            ...(args.ownerStaffId === undefined ? {} : { ownerStaffId: args.ownerStaffId }),
            ...(args.ignoreAutoResponder === undefined ? {} : { ignoreAutoResponder: args.ignoreAutoResponder })
          })
        )
      )
      if (E.isLeft(created)) return created
      const ticket = summaryOf(created.right)
      return E.right({ structured: { ticket }, text: `Created ${ticketLine(ticket)}` })
    }
  }))()

const postShape = /*#__PURE__*/ (() =>
  z.object({ id: z.number().int(), ticketId: z.number().int(), at: z.string().nullable(), author: z.string(), isPrivate: z.boolean() }))()

export const replyTicket = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_reply_ticket',
    api: 'classic',
    title: 'Reply to a Classic ticket (customer-visible)',
    description:
      'Posts a staff reply on a Kayako Classic ticket: the customer sees it (and is e-mailed). Use only when asked to ' +
      'send a reply, after reading the ticket with classic_get_ticket; for an internal remark use classic_add_note. ' +
      'The staff member who writes is `staffId` (classic_list_ticket_options lists staff).',
    input: {
      ticketId: ticketKeyArg,
      contents: z.string().min(1).describe('The reply (plain text).'),
      staffId: id().describe('The staff member the reply is from.')
    },
    output: { post: postShape },
    access: 'customer-visible',
    annotations: ADD,
    run: async (args, { classic }) => {
      const ticketId = await numericId(classic, args.ticketId)
      if (E.isLeft(ticketId)) return ticketId
      const posted = await attempt(classic(TicketPost.post(ticketId.right, { contents: args.contents, staffId: args.staffId })))
      if (E.isLeft(posted)) return posted
      const p = posted.right
      const post = { id: p.id, ticketId: ticketId.right, at: iso(p.dateline), author: p.fullName, isPrivate: p.isPrivate }
      return E.right({ structured: { post }, text: `Replied on ticket #${ticketId.right} as ${p.fullName} (post #${p.id}).` })
    }
  }))()

export const addNote = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_add_note',
    api: 'classic',
    title: 'Add an internal note to a Classic ticket',
    description:
      'Adds a staff-only note to a Kayako Classic ticket (the customer never sees it): context, a summary, a ' +
      'handover. Written as staff member `staffId`, or under the name `fullName`.',
    input: {
      ticketId: ticketKeyArg,
      contents: z.string().min(1),
      staffId: id().optional().describe('The staff member who writes the note.'),
      fullName: z.string().min(1).optional().describe('Or the name it is written under (when no staffId).'),
      forStaffId: id().optional().describe('The staff member the note is for.'),
      noteColor: z.enum(['yellow', 'purple', 'blue', 'green', 'red']).optional()
    },
    output: { note: z.object({ id: z.number().int(), ticketId: z.number().int(), at: z.string().nullable(), author: z.string() }) },
    access: 'write',
    annotations: ADD,
    run: async (args, { classic }) => {
      const ticketId = await numericId(classic, args.ticketId)
      if (E.isLeft(ticketId)) return ticketId
      const added = await attempt(
        classic(
          TicketNote.post(ticketId.right, {
            contents: args.contents,
            ...(args.staffId === undefined ? {} : { staffId: args.staffId }),
            ...(args.fullName === undefined ? {} : { fullName: args.fullName }),
            ...(args.forStaffId === undefined ? {} : { forStaffId: args.forStaffId }),
            ...(args.noteColor === undefined ? {} : { noteColor: TicketNote.NoteColor[args.noteColor] })
          })
        )
      )
      if (E.isLeft(added)) return added
      const n = added.right
      const note = { id: n.id, ticketId: ticketId.right, at: iso(n.creationDate), author: n.creatorStaffName }
      return E.right({ structured: { note }, text: `Added note #${n.id} to ticket #${ticketId.right}.` })
    }
  }))()

export const updateTicket = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_update_ticket',
    api: 'classic',
    title: 'Update a Classic ticket',
    description:
      'Changes fields of a Kayako Classic ticket: status, priority, type, department, owner (0 unassigns), subject or ' +
      'requester. Only the fields given change. The helpdesk ignores unknown ids silently, so the answer shows the ' +
      'ticket as it now is: check it. Map labels to ids with classic_list_ticket_options.',
    input: {
      ticketId: ticketKeyArg,
      subject: z.string().min(1).optional(),
      departmentId: id().optional(),
      statusId: id().optional(),
      priorityId: id().optional(),
      typeId: id().optional(),
      ownerStaffId: z.number().int().nonnegative().optional().describe('0 unassigns.'),
      userId: id().optional().describe('A new requester.')
    },
    output: { ticket: ticketSummary },
    access: 'write',
    annotations: CHANGE,
    run: async (args, { classic }) => {
      const ticketId = await numericId(classic, args.ticketId)
      if (E.isLeft(ticketId)) return ticketId
      const { ticketId: _, ...changes } = args
      const updated = await attempt(classic(Ticket.put(ticketId.right, changes)))
      if (E.isLeft(updated)) return updated
      const ticket = summaryOf(updated.right)
      return E.right({ structured: { ticket }, text: `Updated ${ticketLine(ticket)}` })
    }
  }))()
