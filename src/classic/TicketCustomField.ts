/**
 * TicketCustomField — `/Tickets/TicketCustomField/<ticketid>` (spec §2.14, §1.4): a ticket's custom field values,
 * in groups. GET reads them, POST writes some of them (4.98.8 updates only the fields sent). No PUT or DELETE.
 *
 * Values are decoded by field type (1–11): option texts, multi values split at unescaped commas, linked selects
 * split into parent and child, dates parsed, files decoded to bytes. `lookup` is the seed's hash-like accessor:
 * a field by id, name or title.
 */
import * as E from '../core/either'
import * as O from '../core/option'
import { fromBase64, utf8Decode } from '../core/bytes'
import { chainDecoder, failure, success, type Decoded, type Decoder } from '../core/decoder'
import * as V from '../core/validate'
import { withFiles } from './internal/multipart'
import { getRequest, postRequest, segment, type ClassicRequest, type FilePart, type FormPairs } from './internal/request'
import { CustomFieldType } from './internal/customFieldTypes'
import { fileBytes, fileContents, numericTicketId, type Code, type FileContents } from './internal/tickets'
import { attr, attrInt, content, list, many, requiredAttrInt, struct, type Extra, type XmlElement } from './internal/xml'

export { CustomFieldType } from './internal/customFieldTypes'
export type { Code, FileContents } from './internal/tickets'

/** A field's value, by the kind of field. */
export type CustomFieldValue =
  /** Text (1), text area (2), password (3, decrypted by the server), custom (8) and any unknown type. */
  | { readonly kind: 'text'; readonly text: string }
  /** Radio (5) and select (6): the chosen option's text ('' for none). */
  | { readonly kind: 'option'; readonly option: string }
  /** Checkbox (4) and multi-select (7): the chosen options' texts. */
  | { readonly kind: 'options'; readonly options: ReadonlyArray<string> }
  /** Linked select (9): `Parent > Child`; `child` is '' when only the parent is chosen. */
  | { readonly kind: 'linked'; readonly parent: string; readonly child: string }
  /**
   * Date (10): the text as stored (e.g. `05/24/2011`) and, when it reads as month/day/year (the format the API
   * takes), that day at 00:00 UTC; `null` otherwise or when empty.
   */
  | { readonly kind: 'date'; readonly text: string; readonly date: Date | null }
  /** File (11): the file name and bytes. */
  | { readonly kind: 'file'; readonly fileName: string; readonly contents: Uint8Array }

/** A custom field of a ticket with its value, as `GET /Tickets/TicketCustomField/$ticketid$` answers it. */
export interface CustomField {
  readonly id: number
  /** The field's key (e.g. `l8bo9bitv8s0`): what `post` takes. */
  readonly name: string
  readonly title: string
  readonly type: Code<CustomFieldType>
  readonly value: CustomFieldValue
  /** The element text as sent (for a file: the Base64). */
  readonly rawValue: string
  readonly extra: Extra
}

/** A custom field group of a ticket, with its fields and their values. */
export interface CustomFieldGroup {
  readonly id: number
  readonly title: string
  /** Sent since 2014 (SWIFT-2421); 0 before. */
  readonly displayOrder: number
  readonly fields: ReadonlyArray<CustomField>
  readonly extra: Extra
}

// ---------------------------------------------------------------------------------------------------------------
// Reading values

/** `a\, b, c` → [`a, b`, `c`]: the server joins option texts with `", "` and escapes commas inside them as `\,`. */
export const splitMultiValue = (text: string): ReadonlyArray<string> => {
  if (typeof text !== 'string' || text.trim() === '') return []
  const out: Array<string> = []
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\' && text[i + 1] === ',') {
      current += ','
      i++
    } else if (c === ',') {
      out.push(current.trim())
      current = ''
    } else current += text.charAt(i)
  }
  out.push(current.trim())
  return out
}

/**
 * `Parent > Child`. The server writes the separator as the literal characters ` &gt; ` inside CDATA, so the text
 * holds `&gt;` verbatim; documents without CDATA (the wiki sample) give a real `>`. Both are read.
 */
export const splitLinked = (text: string): { readonly parent: string; readonly child: string } => {
  const normal = typeof text === 'string' ? text.replace(/&gt;/g, '>') : ''
  const at = normal.indexOf('>')
  return at < 0 ? { parent: normal.trim(), child: '' } : { parent: normal.slice(0, at).trim(), child: normal.slice(at + 1).trim() }
}

const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

const parseDate = (text: string): Date | null => {
  const m = MDY.exec(text.trim())
  if (m === null) return null
  const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null
}

const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * File contents. Servers before 4.01.326 encoded files twice (SWIFT-1457), later ones once, and the answer does not
 * say which server sent it. Choice: decode once, and decode again when the result is itself non-empty, padded
 * Base64 text. The cost: a file whose bytes happen to be such Base64 text is decoded one step too far.
 */
export const decodeFileContents = (text: string): Decoded<Uint8Array> => {
  const once = fromBase64(text)
  if (E.isLeft(once)) return failure(typeof text === 'string' ? text.slice(0, 40) : text, 'expected Base64 file contents')
  const bytes = once.right
  if (bytes.length === 0 || bytes.length % 4 !== 0 || bytes.some((b) => b > 0x7f)) return success(bytes)
  const inner = utf8Decode(bytes) // ASCII only, so UTF-8 reads it byte for byte
  if (!BASE64_TEXT.test(inner)) return success(bytes)
  const twice = fromBase64(inner)
  return success(E.isRight(twice) ? twice.right : bytes)
}

const valueOf = (type: number, text: string, fileName: string): Decoded<CustomFieldValue> => {
  switch (type) {
    case CustomFieldType.radio:
    case CustomFieldType.select:
      return success({ kind: 'option', option: text })
    case CustomFieldType.checkbox:
    case CustomFieldType.multiSelect:
      return success({ kind: 'options', options: splitMultiValue(text) })
    case CustomFieldType.linkedSelect:
      return success({ kind: 'linked', ...splitLinked(text) })
    case CustomFieldType.date:
      return success({ kind: 'date', text, date: parseDate(text) })
    case CustomFieldType.file:
      return E.map((contents: Uint8Array): CustomFieldValue => ({ kind: 'file', fileName, contents }))(decodeFileContents(text))
    default:
      return success({ kind: 'text', text })
  }
}

const field: Decoder<XmlElement, CustomField> = /*#__PURE__*/ chainDecoder(
  struct('field', {
    id: requiredAttrInt('id'),
    name: attr('name'),
    title: attr('title'),
    type: attrInt('type'),
    fileName: attr('filename'),
    rawValue: content(success)
  }),
  ({ fileName, ...f }) => E.map((value: CustomFieldValue): CustomField => ({ ...f, value }))(valueOf(f.type, f.rawValue, fileName))
)

const group: Decoder<XmlElement, CustomFieldGroup> = /*#__PURE__*/ struct('group', {
  id: requiredAttrInt('id'),
  title: attr('title'),
  displayOrder: attrInt('displayorder'),
  fields: list('field', field)
})

const groups = /*#__PURE__*/ many('customfields', 'group', group)

// ---------------------------------------------------------------------------------------------------------------
// The seed's hash-like accessor

/**
 * A field of the groups by id (a number), or by name, then by title (a string) — the Ruby client's
 * `custom_fields['…']`, as a pure lookup: `pipe(groups, lookup('Linked Select'))`.
 */
export const lookup =
  (key: number | string) =>
  (within: ReadonlyArray<CustomFieldGroup>): O.Option<CustomField> => {
    const fields = within.flatMap((g) => g.fields)
    const found = typeof key === 'number' ? fields.find((f) => f.id === key) : (fields.find((f) => f.name === key) ?? fields.find((f) => f.title === key))
    return O.fromNullable(found)
  }

// ---------------------------------------------------------------------------------------------------------------
// Writing values

/** A value to write, by the kind of field (spec §1.4). Options are given by option id, not text. */
export type CustomFieldInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'option'; readonly optionId: number }
  /** An empty list clears the field. */
  | { readonly kind: 'options'; readonly optionIds: ReadonlyArray<number> }
  | { readonly kind: 'linked'; readonly parentOptionId: number; readonly childOptionId?: number }
  /** Sent as `m/d/Y` of the date in UTC. */
  | { readonly kind: 'date'; readonly date: Date }
  /**
   * Uploaded as a `multipart/form-data` file part named after the field, with an empty text field of the same name:
   * 4.98.8 links the uploaded file only when `$_POST` has the name too (`SWIFT_CustomFieldManager.php:649-663`).
   */
  | { readonly kind: 'file'; readonly fileName: string; readonly contents: FileContents; readonly contentType?: string }

/** A text, text area, password or custom field's new value, for {@link post}. */
export const textValue = (text: string): CustomFieldInput => ({ kind: 'text', text })
/** A radio or select field's chosen option, by option id (the `CustomField` module's `options` lists them). */
export const optionValue = (optionId: number): CustomFieldInput => ({ kind: 'option', optionId })
/** A checkbox or multi-select field's chosen options (by option id); an empty list clears the field. */
export const optionsValue = (optionIds: ReadonlyArray<number>): CustomFieldInput => ({ kind: 'options', optionIds })
/** A linked select field's chosen parent option and, optionally, its child option. */
export const linkedValue = (parentOptionId: number, childOptionId?: number): CustomFieldInput =>
  childOptionId === undefined ? { kind: 'linked', parentOptionId } : { kind: 'linked', parentOptionId, childOptionId }
/** A date field's new value (the day in UTC). */
export const dateValue = (date: Date): CustomFieldInput => ({ kind: 'date', date })
/** A file field's new file; without `contentType` it is sent as `application/octet-stream`. */
export const fileValue = (fileName: string, contents: FileContents, contentType?: string): CustomFieldInput =>
  contentType === undefined ? { kind: 'file', fileName, contents } : { kind: 'file', fileName, contents, contentType }

/** Field values to write, by field name. */
export type CustomFieldValues = Readonly<Record<string, CustomFieldInput>>

// Field names are generated keys (`l8bo9bitv8s0`); anything with brackets would change the PHP array shape, and
// the names the request itself uses must not be overwritten.
const FIELD_NAME = /^[A-Za-z0-9_-]+$/
const RESERVED = ['e', 'apikey', 'salt', 'signature']

const checkValue = (path: string, v: CustomFieldInput): V.Issues => {
  const notRecord = V.record(path, v)
  if (notRecord.length > 0) return notRecord
  switch (v.kind) {
    case 'text':
      return V.isString(`${path}.text`, v.text)
    case 'option':
      return V.positiveInt(`${path}.optionId`, v.optionId)
    case 'options':
      return V.positiveInts(`${path}.optionIds`, v.optionIds)
    case 'linked':
      return V.issues(
        V.positiveInt(`${path}.parentOptionId`, v.parentOptionId),
        V.optional(v.childOptionId, (n) => V.positiveInt(`${path}.childOptionId`, n))
      )
    case 'date':
      return V.issues(
        V.date(`${path}.date`, v.date),
        v.date instanceof Date && v.date.getUTCFullYear() < 1000 ? [{ path: `${path}.date`, message: 'must have a four-digit year' }] : []
      )
    case 'file':
      return V.issues(
        V.nonBlank(`${path}.fileName`, v.fileName),
        fileContents(`${path}.contents`, v.contents),
        V.optional(v.contentType, (t) => V.nonBlank(`${path}.contentType`, t))
      )
    default:
      return [{ path: `${path}.kind`, message: 'must be one of "text", "option", "options", "linked", "date", "file"' }]
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')
const mdy = (d: Date): string => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`

const pairsOf = (name: string, v: CustomFieldInput): FormPairs => {
  switch (v.kind) {
    case 'text':
      return [[name, v.text]]
    case 'option':
      return [[name, String(v.optionId)]]
    case 'options':
      return v.optionIds.length === 0 ? [[name, '']] : v.optionIds.map((id, n) => [`${name}[${n}]`, String(id)] as const)
    case 'linked':
      return [
        [`${name}[0]`, String(v.parentOptionId)],
        ...(v.childOptionId === undefined ? [] : [[`${name}[1][${v.parentOptionId}]`, String(v.childOptionId)] as const])
      ]
    case 'date':
      return [[name, mdy(v.date)]]
    case 'file':
      return [[name, '']]
  }
}

const filesOf = (name: string, v: CustomFieldInput): ReadonlyArray<FilePart> =>
  v.kind === 'file' ? [{ name, filename: v.fileName, contentType: v.contentType ?? 'application/octet-stream', data: fileBytes(v.contents) }] : []

const ROUTE = '/Tickets/TicketCustomField'

/** The ticket's custom field groups and values (an unknown ticket is a 404 `Ticket not Found`). */
export const get = (ticketId: number): ClassicRequest<ReadonlyArray<CustomFieldGroup>> =>
  getRequest('TicketCustomField.get', `${ROUTE}/${segment(ticketId)}`, groups, { issues: numericTicketId('ticketId', ticketId) })

/**
 * Writes the given fields (by name); the answer is the whole set again. The ticket is the numeric id (a display id
 * finds the ticket but the answer shows no values: resolve it first with `Ticket.resolveId`). 4.98.8 checks only the
 * fields the user may edit (a required one left blank, or a value failing the field's pattern, is a 400 `Custom Field
 * Data is Invalid: <field names>`), but writes every field sent, and links every custom field group of the ticket's
 * department. With a file value the request goes as `multipart/form-data`.
 */
export const post = (ticketId: number, values: CustomFieldValues): ClassicRequest<ReadonlyArray<CustomFieldGroup>> => {
  const issues = V.issues(
    numericTicketId('ticketId', ticketId),
    V.input(
      values,
      (vs) => {
        const entries = Object.entries(vs)
        return V.issues(
          V.when(entries.length === 0, 'values', 'names no field'),
          ...entries.map(([name, v]) =>
            V.issues(
              FIELD_NAME.test(name) && !RESERVED.includes(name.toLowerCase())
                ? []
                : [{ path: `values[${JSON.stringify(name)}]`, message: 'is not a custom field name' }],
              checkValue(`values.${name}`, v)
            )
          )
        )
      },
      'values'
    )
  )
  const entries = issues.length > 0 ? [] : Object.entries(values)
  return postRequest('TicketCustomField.post', `${ROUTE}/${segment(ticketId)}`, groups, {
    issues,
    form: entries.flatMap(([name, v]) => pairsOf(name, v)),
    upload: withFiles(entries.flatMap(([name, v]) => filesOf(name, v)))
  })
}

export { get as find, post as save }
