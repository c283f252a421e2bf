/**
 * `/Tickets/TicketCustomField/$ticketid$` (spec §2.14, §1.4): GET renders the ticket's groups and values; POST sets
 * values by field name. Per type: text/textarea/password/custom/date take the text; select/radio an option id;
 * checkbox/multi-select an array of option ids; linked select `name[0]=<parent>&name[1][<parent>]=<child>`; file a
 * multipart part named after the field.
 */
import { toBase64 } from '../../../core/bytes'
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { TICKET_GROUP_TYPES, type CustomFieldRow, type FieldValue, type Store, type TicketRow } from '../store'
import { listVar, toInt, type PhpValue } from '../vars'
import { parent, withAttributes } from '../xml'
import { ticketNotFound } from './tickets'

const NOT_IMPLEMENTED = 'Not Implemented, Call GET /Tickets/TicketCustomField/$ticketid$ instead.'

/** Creation modes whose tickets show their department's groups: e-mail, API, staff API, mobile (SWIFT-3133). */
const DEPARTMENT_GROUP_MODES: ReadonlyArray<number> = [3, 4, 6, 7]

const byOrder = <G extends { id: number; displayorder: number }>(a: G, b: G) => a.displayorder - b.displayorder || a.id - b.id

/** Ticket groups linked to the ticket's department: what a POST may write. */
const departmentGroups = (store: Store, ticket: TicketRow) =>
  store.customFieldGroups
    .where((g) => TICKET_GROUP_TYPES.includes(g.grouptype) && (g.departmentids.length === 0 || g.departmentids.includes(ticket.departmentid)))
    .sort(byOrder)

/**
 * The groups a GET shows (SWIFT-2530): those linked to the ticket (values were saved), plus its department's groups
 * when the ticket came by e-mail, API or mobile.
 */
const visibleGroups = (store: Store, ticket: TicketRow) => {
  const linked = store.customFieldLinks.get(ticket.id)
  const viaDepartment = DEPARTMENT_GROUP_MODES.includes(ticket.creationmode) ? departmentGroups(store, ticket).map((g) => g.id) : []
  return store.customFieldGroups
    .where((g) => TICKET_GROUP_TYPES.includes(g.grouptype) && (linked?.has(g.id) === true || viaDepartment.includes(g.id)))
    .sort(byOrder)
}

const fieldsOf = (store: Store, groupId: number) =>
  store.customFields.where((f) => f.customfieldgroupid === groupId).sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)

const optionText = (store: Store, id: number): string => store.customFieldOptions.get(id)?.optionvalue ?? ''

/** The value as the server prints it (spec §2.14). */
const rendered = (store: Store, value: FieldValue | undefined): string => {
  if (value === undefined) return ''
  switch (value.kind) {
    case 'text':
      return value.text
    case 'options':
      // Option texts joined by ", ", literal commas escaped as "\," (SWIFT-1449).
      return value.optionIds.map((id) => optionText(store, id).replace(/,/g, '\\,')).join(', ')
    case 'linked':
      // The server appends the literal characters ' &gt; ' inside CDATA, so clients see "&gt;" verbatim.
      return value.childId > 0 ? `${optionText(store, value.parentId)} &gt; ${optionText(store, value.childId)}` : optionText(store, value.parentId)
    case 'file':
      return toBase64(value.bytes)
  }
}

export const renderCustomFields = (store: Store, ticket: TicketRow): Reply => {
  const values = store.customFieldValues.get(ticket.id)
  return xmlReply(
    parent(
      'customfields',
      visibleGroups(store, ticket).map((g) =>
        parent(
          'group',
          fieldsOf(store, g.id).map((f) => {
            const value = values?.get(f.id)
            const file = value?.kind === 'file' ? ([['filename', value.filename]] as const) : []
            return withAttributes('field', [['id', f.id], ['title', f.title], ['type', f.fieldtype], ['name', f.fieldname], ...file], rendered(store, value))
          }),
          [['id', g.id], ['title', g.title], ['displayorder', g.displayorder]]
        )
      )
    )
  )
}

const isOptionOf = (store: Store, field: CustomFieldRow, id: number, parentId = 0): boolean => {
  const option = store.customFieldOptions.get(id)
  return option !== undefined && option.customfieldid === field.id && option.parentcustomfieldoptionid === parentId
}

/** Reads one field's new value; `undefined` value = cleared; `'invalid'` = a value the field cannot take. */
const readValue = (ctx: Context, field: CustomFieldRow, raw: PhpValue | undefined): FieldValue | undefined | 'invalid' => {
  const { store } = ctx
  const text = typeof raw === 'string' ? raw : ''
  switch (field.fieldtype) {
    case 1:
    case 2:
    case 3:
    case 8:
      return text.trim() === '' ? undefined : { kind: 'text', text }
    case 10:
      if (text.trim() === '') return undefined
      return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text.trim()) ? { kind: 'text', text: text.trim() } : 'invalid'
    case 5:
    case 6: {
      if (text.trim() === '') return undefined
      const id = toInt(text)
      return isOptionOf(store, field, id) ? { kind: 'options', optionIds: [id] } : 'invalid'
    }
    case 4:
    case 7: {
      const ids = listVar(new Map([['v', raw ?? '']]), 'v')
        .filter((s) => s.trim() !== '')
        .map(toInt)
      if (ids.length === 0) return undefined
      return ids.every((id) => isOptionOf(store, field, id)) ? { kind: 'options', optionIds: [...new Set(ids)] } : 'invalid'
    }
    case 9: {
      const parts = raw instanceof Map ? raw : new Map<string, PhpValue>([['0', text]])
      const parentText = parts.get('0')
      const parentId = toInt(typeof parentText === 'string' ? parentText : '')
      if (parentId === 0) return undefined
      if (!isOptionOf(store, field, parentId)) return 'invalid'
      const children = parts.get('1')
      const childText = children instanceof Map ? children.get(String(parentId)) : undefined
      const childId = toInt(typeof childText === 'string' ? childText : '')
      if (childId > 0 && !isOptionOf(store, field, childId, parentId)) return 'invalid'
      return { kind: 'linked', parentId, childId }
    }
    case 11: {
      const file = ctx.files.get(field.fieldname)
      return file === undefined ? undefined : { kind: 'file', filename: file.filename, bytes: file.bytes }
    }
  }
}

const post = (ctx: Context, [ticketArg]: ReadonlyArray<string>): Reply => {
  const { store } = ctx
  const ticket = store.findTicket(ticketArg ?? '')
  if (ticket === undefined) return ticketNotFound()
  const changes = new Map<number, FieldValue | undefined>()
  const invalid: Array<string> = []
  const touched = new Set<number>()
  for (const group of departmentGroups(store, ticket)) {
    for (const field of fieldsOf(store, group.id)) {
      // Fields the user may not edit are skipped; only fields in the request change (API mode, SWIFT-4020).
      // A file field changes only with an uploaded file: the PHP client re-posts every field as text on update,
      // which must not wipe a stored file.
      const sent = field.fieldtype === 11 ? ctx.files.has(field.fieldname) : ctx.vars.has(field.fieldname)
      if (!field.usereditable || !sent) continue
      const value = readValue(ctx, field, ctx.vars.get(field.fieldname))
      // Required fields are checked among the fields sent: a blank one fails.
      if (value === 'invalid' || (value === undefined && field.isrequired)) invalid.push(field.title)
      else {
        changes.set(field.id, value)
        touched.add(group.id)
      }
    }
  }
  if (invalid.length > 0) return badRequest(`Custom Field Data is Invalid: ${invalid.join(', ')}`)
  let values = store.customFieldValues.get(ticket.id)
  if (values === undefined) store.customFieldValues.set(ticket.id, (values = new Map()))
  let links = store.customFieldLinks.get(ticket.id)
  if (links === undefined) store.customFieldLinks.set(ticket.id, (links = new Set()))
  for (const id of touched) links.add(id)
  for (const [id, value] of changes) {
    if (value === undefined) values.delete(id)
    else values.set(id, value)
  }
  return renderCustomFields(store, ticket)
}

export const TicketCustomField: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED),
  get: (ctx, [ticketArg]) => {
    const ticket = ctx.store.findTicket(ticketArg ?? '')
    return ticket === undefined ? ticketNotFound() : renderCustomFields(ctx.store, ticket)
  },
  post
}
