/**
 * `/Tickets/TicketCustomField/$ticketid$` (spec §2.14, §1.4): GET renders the ticket's groups and values; POST sets
 * values by field name. Per type: text/textarea/password/custom/date take the text; select/radio an option id;
 * checkbox/multi-select an array of option ids; linked select `name[0]=<parent>&name[1][<parent>]=<child>`; file a
 * multipart part named after the field.
 */
import { toBase64 } from '../../../core/bytes'
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { TICKET_GROUP_TYPES, type CustomFieldRow, type FieldValue, type Store, type TicketRow } from '../store'
import { toInt, type PhpValue } from '../vars'
import { parent, withAttributes } from '../xml'
import { childTicket, ticketNotFound, tooFewArguments } from './tickets'

const NOT_IMPLEMENTED = 'Not Implemented, Call GET /Tickets/TicketCustomField/$ticketid$ instead.'

/** Creation modes whose tickets show their department's groups: e-mail, API, staff API, mobile (SWIFT-3133). */
const DEPARTMENT_GROUP_MODES: ReadonlyArray<number> = [3, 4, 6, 7]

const byOrder = <G extends { id: number; displayorder: number }>(a: G, b: G) => a.displayorder - b.displayorder || a.id - b.id

/**
 * The order of `customfieldcache` (`B/library/CustomField/class.SWIFT_CustomFieldManager.php:83,93`): groups by
 * display order, bucketed by group type in the order each type first appears; GET and Retrieve walk the buckets
 * (`T/api/TicketCustomField.php:237-248`, L21).
 */
const cacheOrder = <G extends { id: number; displayorder: number; grouptype: number }>(groups: Array<G>): Array<G> => {
  const sorted = groups.sort(byOrder)
  const types = [...new Set(sorted.map((g) => g.grouptype))]
  return types.flatMap((type) => sorted.filter((g) => g.grouptype === type))
}

/** Ticket groups linked to the ticket's department: what a POST may write. */
const departmentGroups = (store: Store, ticket: TicketRow) =>
  store.customFieldGroups
    .where((g) => TICKET_GROUP_TYPES.includes(g.grouptype) && (g.departmentids.length === 0 || g.departmentids.includes(ticket.departmentid)))
    .sort(byOrder)

/**
 * The groups a GET shows (SWIFT-2530): those linked under the ticket argument as SQL reads it (`customfieldlinks
 * WHERE linktypeid = '<arg>'`, `T/api/TicketCustomField.php:140`: none for a display id, H1), plus the department's
 * groups when the ticket came by e-mail, API or mobile (`:130-138`).
 */
const visibleGroups = (store: Store, ticket: TicketRow, ticketKey: number) => {
  const linked = store.customFieldLinks.get(ticketKey)
  const viaDepartment = DEPARTMENT_GROUP_MODES.includes(ticket.creationmode) ? departmentGroups(store, ticket).map((g) => g.id) : []
  return cacheOrder(
    store.customFieldGroups.where((g) => TICKET_GROUP_TYPES.includes(g.grouptype) && (linked?.has(g.id) === true || viaDepartment.includes(g.id)))
  )
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
    // The server appends the literal characters ' &gt; ' inside CDATA, so clients see "&gt;" verbatim.
    case 'linked': {
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

/** Values are read `WHERE typeid = '<arg>'` (`T/api/TicketCustomField.php:153`): none for a display id (H1). */
export const renderCustomFields = (store: Store, ticket: TicketRow, ticketKey: number = ticket.id): Reply => {
  const values = store.customFieldValues.get(ticketKey)
  return xmlReply(
    parent(
      'customfields',
      visibleGroups(store, ticket, ticketKey).map((g) =>
        parent(
          'group',
          fieldsOf(store, g.id).map((f) => {
            const value = values?.get(f.id)
            const file = value?.kind === 'file' ? ([['filename', value.filename]] as const) : []
            return withAttributes('field', [['id', f.id], ['title', f.title], ['type', f.fieldtype], ['name', f.fieldname], ...file], rendered(store, value))
          }),
          [
            ['id', g.id],
            ['title', g.title],
            ['displayorder', g.displayorder]
          ]
        )
      )
    )
  )
}

/**
 * The value `CustomFieldManager::Update` stores for a field sent in `$_POST`
 * (`B/library/CustomField/class.SWIFT_CustomFieldManager.php:586-622`); `undefined` = empty. An array is stored
 * serialized, a scalar as sent; GET maps option ids to text only for arrays of checkbox/multi-select fields and for
 * scalar radio/select fields (`T/api/TicketCustomField.php:179-190`), so a checkbox sent as `field=3` prints `3` (H16).
 * Option ids are not checked: an unknown id is later shown as the bare number.
 */
const readValue = (store: Store, field: CustomFieldRow, raw: PhpValue): FieldValue | undefined => {
  if (typeof raw === 'string') {
    if (raw === '') return undefined
    switch (field.fieldtype) {
      case 4:
      case 7:
        return store.behaviour.lenient('custom-field-scalar-list') ? { kind: 'options', optionIds: [toInt(raw)] } : { kind: 'text', text: raw }
      case 5:
      case 6:
        // `isset($_customFieldOptionCache[$value])`: only a canonical integer string is an option key.
        return /^[1-9]\d*$/.test(raw) ? { kind: 'options', optionIds: [Number(raw)] } : { kind: 'text', text: raw }
      case 9:
        // `$_fieldValue[0]` of a string is its first character; `[1]` is no array, so no child (`:189-203`).
        return { kind: 'linked', parentId: toInt(raw.charAt(0)), childId: 0 }
      default:
        return { kind: 'text', text: raw }
    }
  }
  switch (field.fieldtype) {
    case 4:
    case 7: {
      const ids = [...raw.values()].filter((v): v is string => typeof v === 'string').map(toInt)
      return ids.length === 0 ? undefined : { kind: 'options', optionIds: ids }
    }
    case 9: {
      const parentText = raw.get('0')
      const parentId = toInt(typeof parentText === 'string' ? parentText : '')
      if (parentId === 0) return undefined
      const children = raw.get('1')
      const childText = children instanceof Map ? children.get(String(parentId)) : undefined
      return { kind: 'linked', parentId, childId: toInt(typeof childText === 'string' ? childText : '') }
    }
    default:
      // An array for a text or single-choice field: serialized, printed as nothing the client can use.
      return undefined
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

/**
 * `CustomFieldManager::Check` (`class.SWIFT_CustomFieldManager.php:196-306`) for one field: how many times its name
 * is listed. A missing required field once; otherwise, with a pattern, once per value that fails it (select-like
 * fields test each chosen option's text, so a name can repeat, L23). `$_FILES` counts as sent.
 */
const failures = (ctx: Context, field: CustomFieldRow): number => {
  const file = ctx.files.get(field.fieldname)
  const raw: PhpValue | undefined = file !== undefined ? new Map([['name', file.filename]]) : ctx.vars.get(field.fieldname)
  const missing = raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (raw instanceof Map && raw.size === 0)
  if (field.isrequired && missing) return 1
  const pattern = field.regexpvalidate.trim() === '' ? undefined : phpPattern(field.regexpvalidate)
  if (pattern === undefined) return 0
  const value: PhpValue = field.fieldtype === 11 ? (file?.filename ?? '') : (ctx.vars.get(field.fieldname) ?? '')
  const isSelect = field.fieldtype === 6 || field.fieldtype === 7 || field.fieldtype === 9
  if (!isSelect) return typeof value === 'string' && value.trim() !== '' && !pattern.test(value) ? 1 : 0
  const optionFails = (id: PhpValue): boolean => {
    const option = typeof id === 'string' && /^\d+$/.test(id) ? ctx.store.customFieldOptions.get(Number(id)) : undefined
    return option !== undefined && option.customfieldid === field.id && !pattern.test(option.optionvalue)
  }
  if (typeof value === 'string') return optionFails(value) ? 1 : 0
  let count = 0
  for (const v of value.values()) {
    if (v instanceof Map) for (const child of v.values()) count += optionFails(child) ? 1 : 0
    else count += optionFails(v) ? 1 : 0
  }
  return count
}

/**
 * A file field (`class.SWIFT_CustomFieldManager.php:624-637,649-663`): the file is uploaded and any old one deleted,
 * but the API writes a value only when `$_POST` has the field name (H17). File alone: the old value points at a
 * deleted file (shown empty) and the new one is not linked. With a same-named text part: the new file is linked, or
 * the old one kept when no file came.
 */
const updateFile = (ctx: Context, field: CustomFieldRow, values: Map<number, FieldValue>): void => {
  const file = ctx.files.get(field.fieldname)
  const textSent = ctx.vars.has(field.fieldname) || ctx.store.behaviour.lenient('custom-field-file-alone')
  if (file !== undefined && file.filename !== '') {
    if (textSent) values.set(field.id, { kind: 'file', filename: file.filename, bytes: file.bytes })
    else values.delete(field.id)
  }
}

const post = (ctx: Context, args: ReadonlyArray<string>): Reply => {
  const missing = tooFewArguments('TicketCustomField', 'Post', args, 1, false, 312)
  if (missing !== undefined) return missing
  const [ticketArg] = args
  const { store } = ctx
  const found = childTicket(store, ticketArg ?? '')
  if (found === undefined) return ticketNotFound()
  const { ticket } = found
  const groups = cacheOrder(departmentGroups(store, ticket))
  const fields = groups.flatMap((g) => fieldsOf(store, g.id))
  // Check runs in MODE_EDIT: fields the user may not edit are skipped (`class.SWIFT_CustomFieldManager.php:240-242`).
  const failed = fields.filter((f) => f.usereditable).flatMap((f) => Array<string>(failures(ctx, f)).fill(f.fieldname))
  if (failed.length > 0) return badRequest(`Custom Field Data is Invalid: ${failed.join(', ')}`)
  // Update writes under the ticket's real id (`T/api/TicketCustomField.php:337-342`).
  let values = store.customFieldValues.get(ticket.id)
  if (values === undefined) store.customFieldValues.set(ticket.id, (values = new Map<number, FieldValue>()))
  let links = store.customFieldLinks.get(ticket.id)
  if (links === undefined) store.customFieldLinks.set(ticket.id, (links = new Set()))
  // Every department group is linked, sent or not (`class.SWIFT_CustomFieldManager.php:566-572`, L21).
  for (const g of groups) links.add(g.id)
  // Update runs in MODE_INSERT: every field is written, user-editable or not (`:575-581`, L22); only fields present
  // in `$_POST` change (API mode, SWIFT-4020, `:649-663`).
  for (const field of fields) {
    if (field.fieldtype === 11) {
      updateFile(ctx, field, values)
      continue
    }
    const raw = ctx.vars.get(field.fieldname)
    if (raw === undefined) continue
    const value = readValue(store, field, raw)
    if (value === undefined) values.delete(field.id)
    else values.set(field.id, value)
  }
  // The answer is `Get($_ticketID)` with the raw argument (`T/api/TicketCustomField.php:344`).
  return renderCustomFields(store, ticket, found.key)
}

export const TicketCustomField: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED),
  get: (ctx, [ticketArg]) => {
    const found = childTicket(ctx.store, ticketArg ?? '')
    return found === undefined ? ticketNotFound() : renderCustomFields(ctx.store, found.ticket, found.key)
  },
  post
}
