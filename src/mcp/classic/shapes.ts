/**
 * The output shapes the Classic tools share (a ticket as lists show it, a user) and how the library's entities map
 * onto them: ids and plain values, dates as ISO strings, no `extra`.
 */
import { z } from 'zod'
import type { Ticket } from '../../classic/Ticket'
import type { User } from '../../classic/User'
import { iso } from '../format'

export const ticketSummary = /*#__PURE__*/ (() =>
  z.object({
    id: z.number().int().describe('The numeric ticket id (what other tools take).'),
    displayId: z.string().describe('The display ("mask") id agents see, e.g. ABC-123-45678.'),
    subject: z.string(),
    departmentId: z.number().int(),
    statusId: z.number().int(),
    priorityId: z.number().int(),
    typeId: z.number().int(),
    userId: z.number().int(),
    fullName: z.string().describe('The requester.'),
    email: z.string(),
    userOrganization: z.string(),
    ownerStaffId: z.number().int().describe('0 when unassigned.'),
    ownerStaffName: z.string(),
    lastReplier: z.string(),
    replies: z.number().int(),
    isEscalated: z.boolean(),
    tags: z.array(z.string()),
    creationTime: z.string().nullable(),
    lastActivity: z.string().nullable()
  }))()

export type TicketSummary = z.infer<typeof ticketSummary>

export const summaryOf = (t: Ticket): TicketSummary => ({
  id: t.id,
  displayId: t.displayId,
  subject: t.subject,
  departmentId: t.departmentId,
  statusId: t.statusId,
  priorityId: t.priorityId,
  typeId: t.typeId,
  userId: t.userId,
  fullName: t.fullName,
  email: t.email,
  userOrganization: t.userOrganization,
  ownerStaffId: t.ownerStaffId,
  ownerStaffName: t.ownerStaffName,
  lastReplier: t.lastReplier,
  replies: t.replies,
  isEscalated: t.isEscalated,
  tags: [...t.tags],
  creationTime: iso(t.creationTime),
  lastActivity: iso(t.lastActivity)
})

/** One line per ticket, for lists. */
export const ticketLine = (t: TicketSummary): string =>
  `#${t.id} [${t.displayId}] ${t.subject} — ${t.fullName} <${t.email}>; department ${t.departmentId}, status ${t.statusId}, priority ${t.priorityId}, ` +
  `owner ${t.ownerStaffId === 0 ? 'unassigned' : `${t.ownerStaffName} (${t.ownerStaffId})`}; last activity ${t.lastActivity ?? 'unknown'}`

export const userShape = /*#__PURE__*/ (() =>
  z.object({
    id: z.number().int(),
    fullName: z.string(),
    emails: z.array(z.string()).describe('Every address of the user, the primary first.'),
    userRole: z.string(),
    userGroupId: z.number().int(),
    userOrganizationId: z.number().int().describe('0 when the user belongs to no organization.'),
    designation: z.string(),
    phone: z.string(),
    isEnabled: z.boolean(),
    timezone: z.string(),
    createdAt: z.string().nullable(),
    lastVisit: z.string().nullable()
  }))()

export type UserShape = z.infer<typeof userShape>

export const userOf = (u: User): UserShape => ({
  id: u.id,
  fullName: u.fullName,
  emails: [...u.emails],
  userRole: u.userRole,
  userGroupId: u.userGroupId,
  userOrganizationId: u.userOrganizationId,
  designation: u.designation,
  phone: u.phone,
  isEnabled: u.isEnabled,
  timezone: u.timezone,
  createdAt: iso(u.dateline),
  lastVisit: iso(u.lastVisit)
})

export const userLine = (u: UserShape): string =>
  `#${u.id} ${u.fullName} <${u.emails.join(', ')}>; ${u.userRole}, group ${u.userGroupId}, organization ${u.userOrganizationId === 0 ? 'none' : u.userOrganizationId}${
    u.isEnabled ? '' : ', disabled'
  }`

/** A ticket by numeric id or display id, as the tools take it. */
export const ticketKeyArg = /*#__PURE__*/ (() =>
  z.union([z.number().int().positive(), z.string().min(1)]).describe('The numeric ticket id (e.g. 42) or the display id (e.g. "ABC-123-45678").'))()
