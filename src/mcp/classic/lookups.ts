/** The Classic lookups that map labels to ids: departments, and the ticket statuses, priorities, types and staff. */
import { z } from 'zod'
import * as E from '../../core/either'
import * as Department from '../../classic/Department'
import * as Staff from '../../classic/Staff'
import * as TicketPriority from '../../classic/TicketPriority'
import * as TicketStatus from '../../classic/TicketStatus'
import * as TicketType from '../../classic/TicketType'
import { attempt } from '../errors'
import { defineTool, READ } from '../tool'

const departmentShape = /*#__PURE__*/ (() =>
  z.object({
    id: z.number().int(),
    title: z.string(),
    type: z.string().describe('public: customers may pick it; private: staff only.'),
    app: z.string().describe('tickets or livechat.'),
    parentDepartmentId: z.number().int().describe('0 for a top-level department.')
  }))()

export const listDepartments = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_list_departments',
    api: 'classic',
    title: 'List Classic departments',
    description:
      'Every department of the Kayako Classic helpdesk with its id. Use it to turn a department name into the id ' +
      'that classic_list_tickets and classic_create_ticket take.',
    input: {},
    output: { items: z.array(departmentShape), next: z.null().describe('Always null: the list is complete.') },
    access: 'read',
    annotations: READ,
    run: async (_, { classic }) => {
      const listed = await attempt(classic(Department.all()))
      if (E.isLeft(listed)) return listed
      const items = listed.right.map((d) => ({ id: d.id, title: d.title, type: d.type, app: d.app, parentDepartmentId: d.parentDepartmentId }))
      const text = items
        .map((d) => `${d.id}: ${d.title} (${d.app}, ${d.type}${d.parentDepartmentId === 0 ? '' : `, under ${d.parentDepartmentId}`})`)
        .join('\n')
      return E.right({ structured: { items, next: null }, text: text === '' ? 'No departments.' : text })
    }
  }))()

const optionShape = /*#__PURE__*/ (() =>
  z.object({ id: z.number().int(), title: z.string(), departmentId: z.number().int().optional().describe('0 or absent: every department.') }))()

export const listTicketOptions = /*#__PURE__*/ (() =>
  defineTool({
    name: 'classic_list_ticket_options',
    api: 'classic',
    title: 'List Classic ticket statuses, priorities, types and staff',
    description:
      'The ticket statuses (with which count as resolved), priorities, types and staff members of the Kayako Classic ' +
      'helpdesk, with their ids. Use it to map a label ("Closed", "High", an agent\'s name) to the id that ' +
      'classic_list_tickets, classic_update_ticket, classic_reply_ticket and classic_create_ticket take.',
    input: {},
    output: {
      statuses: z.array(optionShape.extend({ markAsResolved: z.boolean() })),
      priorities: z.array(optionShape),
      types: z.array(optionShape),
      staff: z.array(z.object({ id: z.number().int(), fullName: z.string(), email: z.string(), isEnabled: z.boolean() }))
    },
    access: 'read',
    annotations: READ,
    run: async (_, { classic }) => {
      const [statuses, priorities, types, staff] = await Promise.all([
        attempt(classic(TicketStatus.all())),
        attempt(classic(TicketPriority.all())),
        attempt(classic(TicketType.all())),
        attempt(classic(Staff.all()))
      ])
      if (E.isLeft(statuses)) return statuses
      if (E.isLeft(priorities)) return priorities
      if (E.isLeft(types)) return types
      if (E.isLeft(staff)) return staff
      const structured = {
        statuses: statuses.right.map((s) => ({ id: s.id, title: s.title, departmentId: s.departmentId, markAsResolved: s.markAsResolved })),
        priorities: priorities.right.map((p) => ({ id: p.id, title: p.title })),
        types: types.right.map((t) => ({ id: t.id, title: t.title, departmentId: t.departmentId })),
        staff: staff.right.map((m) => ({ id: m.id, fullName: m.fullName, email: m.email, isEnabled: m.isEnabled }))
      }
      const scope = (departmentId: number): string => (departmentId === 0 ? '' : ` (department ${departmentId})`)
      const text = [
        'Statuses:',
        ...structured.statuses.map((s) => `  ${s.id}: ${s.title}${scope(s.departmentId)}${s.markAsResolved ? ' [resolved]' : ''}`),
        'Priorities:',
        ...structured.priorities.map((p) => `  ${p.id}: ${p.title}`),
        'Types:',
        ...structured.types.map((t) => `  ${t.id}: ${t.title}${scope(t.departmentId)}`),
        'Staff:',
        ...structured.staff.map((m) => `  ${m.id}: ${m.fullName} <${m.email}>${m.isEnabled ? '' : ' [disabled]'}`)
      ].join('\n')
      return E.right({ structured, text })
    }
  }))()
