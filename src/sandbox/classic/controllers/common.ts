/** Small helpers shared by the controllers. */
import { fromBase64 } from '../../../core/bytes'
import { xmlReply, type Context, type Controller, type Reply } from '../controller'
import { toInt } from '../vars'
import { parent } from '../xml'

export const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)

export const SALUTATIONS: ReadonlyArray<string> = ['Mr.', 'Ms.', 'Mrs.', 'Dr.']

/** Matched case-insensitively against the English list; anything else is stored as ''. */
export const salutation = (text: string): string => SALUTATIONS.find((s) => s.toLowerCase() === text.trim().toLowerCase()) ?? ''

/** A case-insensitive substring test. */
export const contains = (haystack: string, needle: string): boolean => haystack.toLowerCase().includes(needle.toLowerCase())

/** MIME type from a file name's extension (the server derives it the same way). */
export const mimeType = (filename: string): string => {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? ''
  return MIME[ext] ?? 'application/octet-stream'
}

const MIME: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  xml: 'text/xml',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/x-gzip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  gif: 'image/gif',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  bin: 'application/octet-stream'
}

/** A list controller without writes (TicketPriority/Status/Type, spec §2.15): GET list and GET id. */
export const readOnly = <R extends { id: number }>(root: string, table: (ctx: Context) => { all(): Array<R>; get(id: number): R | undefined }, render: (row: R) => string): Controller => {
  const answer = (rows: ReadonlyArray<R>): Reply => xmlReply(parent(root, rows.map(render)))
  const list = (ctx: Context) => answer(table(ctx).all())
  return {
    getList: list,
    // `!empty($id)`: '' and '0' list everything; anything else is cast to an integer (a non-number finds nothing).
    get: (ctx, [id]) => {
      if (id === undefined || id === '' || id === '0') return list(ctx)
      const row = table(ctx).get(toInt(id))
      return answer(row === undefined ? [] : [row])
    }
  }
}

/** Words of a query; with `phrase=1` the query is one phrase. */
export const terms = (query: string, phrase: boolean): ReadonlyArray<string> => (phrase ? [query] : query.split(/\s+/).filter((w) => w !== ''))

/** Every term occurs in one of the texts. */
export const matchesAll = (texts: ReadonlyArray<string>, words: ReadonlyArray<string>): boolean =>
  words.every((w) => texts.some((t) => contains(t, w)))

/**
 * PHP's `base64_decode` without `strict`: characters outside the alphabet (line breaks from the Ruby client, spaces)
 * are skipped and it never fails; a dangling sixth bit group is dropped.
 */
export const phpBase64Decode = (text: string): Uint8Array => {
  let clean = text.replace(/[^A-Za-z0-9+/]/g, '')
  if (clean.length % 4 === 1) clean = clean.slice(0, -1)
  const decoded = fromBase64(clean)
  return decoded._tag === 'Right' ? decoded.right : new Uint8Array(0)
}
