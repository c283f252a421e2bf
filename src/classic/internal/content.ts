/**
 * Plumbing shared by the Knowledgebase, News and Troubleshooter modules (spec classic-kb-news-troubleshooter.md):
 * the check of numeric enumerations, the one level of HTML escaping some fields carry inside CDATA, comma-separated
 * id lists, calendar dates, update fields the server reads with `!empty()`, and the attachments embedded in articles
 * and steps.
 */
import type { Decoder } from '../../core/decoder'
import * as V from '../../core/validate'
import { listIn, mapField, requiredInt, struct, text, type Extra, type Field, type XmlElement } from './xml'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations: numbers with named constants, as in tickets.ts (`article.articleStatus === ArticleStatus.published`);
// entities type them `Code<K>` so a code a newer server adds is kept, not refused.

/** The value must be one of the named codes. */
export const oneOfCodes = (path: string, value: unknown, codes: Readonly<Record<string, number>>): V.Issues => V.oneOf(path, value, Object.values(codes))

// ---------------------------------------------------------------------------------------------------------------
// HTML entities inside CDATA

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Undoes one level of PHP `htmlspecialchars` (named entities of the five characters, numeric entities). Used only for
 * the fields the server escapes before putting them in CDATA (spec §1.5), so `&amp;amp;` stays `&amp;`.
 */
export const unescapeHtml = (text: string): string =>
  text.includes('&')
    ? text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
        if (name !== undefined) return Object.hasOwn(ENTITIES, name) ? (ENTITIES[name] as string) : whole
        const cp = dec !== undefined ? Number(dec) : parseInt(hex as string, 16)
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole
      })
    : text

/** Text the server HTML-escaped inside its CDATA, unescaped. */
export const escapedText = (tagName: string): Field<string> => mapField(text(tagName), unescapeHtml)

// ---------------------------------------------------------------------------------------------------------------
// Request values

/** These apps read id lists as one comma-separated value (`explode(',')`), never PHP arrays (spec §1.3). */
export const commaList = (ids: ReadonlyArray<number> | undefined): string | undefined => (ids === undefined ? undefined : ids.join(','))

/** A non-empty list of ids (an empty list is ignored by the server, which would surprise the caller). */
export const idList = (path: string, ids: unknown, allowZero = false): V.Issues => {
  if (!Array.isArray(ids) || ids.length === 0) return [{ path, message: 'must be a non-empty array of ids' }]
  return ids.flatMap((id, i) => (allowZero ? V.nonNegativeInt(`${path}[${i}]`, id) : V.positiveInt(`${path}[${i}]`, id)))
}

/** File contents: non-empty bytes, or non-empty text (sent as UTF-8); the server refuses an empty Base64 value. */
export const fileContents = (path: string, value: unknown): V.Issues =>
  value instanceof Uint8Array || typeof value === 'string'
    ? value.length > 0
      ? []
      : [{ path, message: 'must not be empty' }]
    : [{ path, message: 'must be a Uint8Array or a string' }]

/**
 * A date as the server's calendar fields want it. The server runs `strtotime(value . ' GMT')` after replacing `/` by `-`
 * when the helpdesk uses European dates, so the `m/d/Y` the official clients send means d-m-Y there; an ISO date and
 * time has no `/` and reads the same under both settings, to the second, in UTC. The `_hour`/`_minute` companion
 * fields are not sent: the server combines them with `mktime`, in its own time zone.
 */
export const calendarDate = (value: Date): string => value.toISOString().slice(0, 19).replace('T', ' ')

/** Flags the server reads with PHP `!empty()` on update: `false` (sent as 0) is ignored, so it cannot switch them off. */
export const cannotSwitchOff = (path: string, value: unknown): V.Issues =>
  V.issues(
    V.optional(value, (b) => V.isBoolean(path, b)),
    notSwitchedOff(path, value)
  )

/** The update rule of such a flag whose type the field table already checks. */
export const notSwitchedOff = (path: string, value: unknown): V.Issues =>
  V.when(value === false, path, 'cannot be switched off through the API (the server ignores 0 here)')

/** Numbers the server reads with `!empty()` on update: 0 is ignored. */
export const positiveOnUpdate = (path: string, value: unknown): V.Issues =>
  V.optional(value, (n) => (n === 0 ? [{ path, message: 'cannot be set to 0 through the API (the server ignores 0 here)' }] : V.positiveInt(path, n)))

// ---------------------------------------------------------------------------------------------------------------
// Attachments embedded in an article or a step

/**
 * An attachment as listed inside a Knowledgebase article or a troubleshooter step: no contents (fetch them with the
 * app's Attachment module), a size formatted by the server for display.
 */
export interface EmbeddedAttachment {
  readonly id: number
  /** The server HTML-escapes it before putting it in CDATA; this is the unescaped name. */
  readonly fileName: string
  /** Formatted for display, e.g. `1.23 KB` (the unit word comes from the helpdesk's language pack). */
  readonly fileSize: string
  /** A link into the helpdesk's web interface, not a REST route. */
  readonly link: string
  readonly extra: Extra
}

const embeddedAttachment: Decoder<XmlElement, EmbeddedAttachment> = /*#__PURE__*/ struct('attachment', {
  id: requiredInt('id'),
  fileName: escapedText('filename'),
  fileSize: text('filesize'),
  link: text('link')
})

export const embeddedAttachments = (): Field<ReadonlyArray<EmbeddedAttachment>> => listIn('attachments', 'attachment', embeddedAttachment)
