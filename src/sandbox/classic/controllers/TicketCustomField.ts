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

/** A chosen option's text; an id the field does not know is shown as the bare number, as the server does. */
const choiceText = (store: Store, id: number): string => store.customFieldOptions.get(id)?.optionvalue ?? String(id)

/** The value as the server prints it (spec §2.14). */
const rendered = (store: Store, value: FieldValue | undefined): string => {
  if (value === undefined) return ''
  switch (value.kind) {
    case 'text':
      return value.text
    case 'options':
      // Option texts joined by ", ", literal commas escaped as "\," (SWIFT-1449).
      return value.optionIds.map((id) => choiceText(store, id).replace(/,/g, '\\,')).join(', ')
    case 'linked':
      // The server appends the literal characters ' &gt; ' inside CDATA, so clients see "&gt;" verbatim.
    {
      // An unknown parent shows nothing; an unknown child is left out.
      const parentOption = store.customFieldOptions.get(value.parentId)
      const childOption = value.childId > 0 ? store.customFieldOptions.get(value.childId) : undefined
      if (parentOption === undefined) return ''
      return childOption === undefined ? parentOption.optionvalue : `${parentOption.optionvalue} &gt; ${childOption.optionvalue}`
    }
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

/**
 * Reads one field's new value; `undefined` = cleared. Option ids are stored as sent, known or not: the server does
 * not check them (an unknown id is later shown as the bare number).
 */
const readValue = (ctx: Context, field: CustomFieldRow, raw: PhpValue | undefined): FieldValue | undefined => {
  const text = typeof raw === 'string' ? raw : ''
  switch (field.fieldtype) {
    case 1:
    case 2:
    case 3:
    case 8:
    case 10:
      return text.trim() === '' ? undefined : { kind: 'text', text }
    case 5:
    case 6:
      return text.trim() === '' ? undefined : { kind: 'options', optionIds: [toInt(text)] }
    case 4:
    case 7: {
      const ids = listVar(new Map([['v', raw ?? '']]), 'v')
        .filter((s) => s.trim() !== '')
        .map(toInt)
      return ids.length === 0 ? undefined : { kind: 'options', optionIds: ids }
    }
    case 9: {
      const parts = raw instanceof Map ? raw : new Map<string, PhpValue>([['0', text]])
      const parentText = parts.get('0')
      const parentId = toInt(typeof parentText === 'string' ? parentText : '')
      if (parentId === 0) return undefined
      const children = parts.get('1')
      const childText = children instanceof Map ? children.get(String(parentId)) : undefined
      return { kind: 'linked', parentId, childId: toInt(typeof childText === 'string' ? childText : '') }
    }
    case 11: {
      const file = ctx.files.get(field.fieldname)
      return file === undefined ? undefined : { kind: 'file', filename: file.filename, bytes: file.bytes }
    }
  }
}

/** A PHP `preg_match` pattern (`/…/flags`) as a RegExp; `undefined` when it cannot be used (the server's `@` hides it). */
const phpPattern = (pattern: string): RegExp | undefined => {
  const m = /^([^a-zA-Z0-9\s\\])([\s\S]*)\1([a-zA-Z]*)$/.exec(pattern.trim())
  if (m === null) return undefined
  try {
    return new RegExp(m[2] as string, (m[3] ?? '').replace(/[^imsu]/g, ''))
  } catch {
    return undefined
  }
}

/** `CustomFieldManager::Check`: required fields missing or blank, and values failing the field's pattern. */
const failsCheck = (ctx: Context, field: CustomFieldRow): boolean => {
  const raw = ctx.vars.get(field.fieldname)
  const missing =
    field.fieldtype === 11
      ? !ctx.files.has(field.fieldname) && (raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
      : raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (raw instanceof Map && raw.size === 0)
  if (field.isrequired && missing) return true
  const pattern = field.regexpvalidate.trim() === '' ? undefined : phpPattern(field.regexpvalidate)
  if (pattern === undefined || raw === undefined) return false
  const isSelect = field.fieldtype === 6 || field.fieldtype === 7 || field.fieldtype === 9
  if (!isSelect) return typeof raw === 'string' && raw.trim() !== '' && !pattern.test(raw)
  // Select-like fields: the chosen options' texts must match.
  const ids = raw instanceof Map ? [...raw.values()].flatMap((v) => (v instanceof Map ? [...v.values()] : [v])) : [raw]
  return ids.some((id) => {
    const option = typeof id === 'string' ? ctx.store.customFieldOptions.get(toInt(id)) : undefined
    return option !== undefined && option.customfieldid === field.id && !pattern.test(option.optionvalue)
  })
}

const post = (ctx: Context, [ticketArg]: ReadonlyArray<string>): Reply => {
  const { store } = ctx
  const ticket = store.findTicket(ticketArg ?? '')
  if (ticket === undefined) return ticketNotFound()
  const groups = departmentGroups(store, ticket)
  // Fields the user may not edit are skipped (CHECKMODE_CLIENT); failures are listed by field name.
  const editable = groups.flatMap((g) => fieldsOf(store, g.id)).filter((f) => f.usereditable)
  const failures = editable.filter((f) => failsCheck(ctx, f)).map((f) => f.fieldname)
  if (failures.length > 0) return badRequest(`Custom Field Data is Invalid: ${failures.join(', ')}`)
  let values = store.customFieldValues.get(ticket.id)
  if (values === undefined) store.customFieldValues.set(ticket.id, (values = new Map()))
  let links = store.customFieldLinks.get(ticket.id)
  if (links === undefined) store.customFieldLinks.set(ticket.id, (links = new Set()))
  for (const field of editable) {
    // Only fields in the request change (API mode, SWIFT-4020). A file field changes only with an uploaded file: the
    // PHP client re-posts every field as text on update, which must not wipe a stored file.
    const sent = field.fieldtype === 11 ? ctx.files.has(field.fieldname) : ctx.vars.has(field.fieldname)
    if (!sent) continue
    links.add(field.customfieldgroupid)
    const value = readValue(ctx, field, ctx.vars.get(field.fieldname))
    if (value === undefined) values.delete(field.id)
    else values.set(field.id, value)
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
