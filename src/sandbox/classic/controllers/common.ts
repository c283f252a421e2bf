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
export const readOnly = <R extends { id: number }>(
  root: string,
  table: (ctx: Context) => { all(): Array<R>; get(id: number): R | undefined },
  render: (row: R) => string
): Controller => {
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
export const matchesAll = (texts: ReadonlyArray<string>, words: ReadonlyArray<string>): boolean => words.every((w) => texts.some((t) => contains(t, w)))

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

/**
 * `SWIFT_MIMEList::Get` (`__swift/library/MIME/class.SWIFT_MIMEList.php:63-78,95-162`): the MIME type 4.98.8 knows
 * for an extension, `undefined` for one it does not (the server throws there). The extension is what follows the last
 * dot, lower-cased; a name without a dot loses its first character instead (`substr($name, strrpos(...) + 1)`).
 */
export const swiftMimeType = (filename: string): string | undefined => {
  const ext = filename.slice(filename.lastIndexOf('.') + 1 || 1).toLowerCase()
  return ext === '' || ext === '0' || !Object.prototype.hasOwnProperty.call(SWIFT_MIME, ext) ? undefined : SWIFT_MIME[ext]
}

const SWIFT_MIME: Readonly<Record<string, string>> = {
  ace: 'application/x-ace',
  ani: 'application/graphicconverter',
  pdf: 'application/pdf',
  png: 'image/png',
  htm: 'text/html',
  html: 'text/html',
  rtf: 'text/richtext',
  gz: 'application/x-gzip',
  tar: 'application/x-gzip',
  zip: 'application/zip',
  rar: 'application/rar',
  bz2: 'application/bz2',
  bz: 'application/bz',
  jar: 'application/java-archive',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  wav: 'audio/x-wav',
  mov: 'video/quicktime',
  ppt: 'application/powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ram: 'audio/x-realaudio',
  ico: 'image/ico',
  gif: 'image/gif',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  mp3: 'audio/x-mpeg',
  php: 'text/plain',
  swf: 'application/x-shockwave-flash',
  exe: 'application/executableFile',
  wmv: 'application/windowMediaVedio',
  avi: 'video/audiovediointerleave',
  tif: 'image/imagefileformat',
  psd: 'image/photoshopdocument',
  wma: 'audio/windowsaudio',
  mp4: 'audio/x-mpeg',
  bmp: 'image/bitmap',
  aif: 'audio/interchangefile',
  qbb: 'text/quickbooksbackupfile',
  dat: 'text/data',
  rm: 'video/realmedia',
  dmg: 'image/diskimage',
  iso: 'image/opticaldiskimage',
  flv: 'video/flashvedio',
  ttf: 'text/truetypefont',
  bin: 'text/binary',
  log: 'text/log',
  dll: 'application/linklibrary',
  ss: 'image/bitmapgraphics',
  torrent: 'video/bittorrent',
  bat: 'text/batchfile',
  bup: 'text/backupfile',
  wps: 'text/textdocument',
  sql: 'text/querylanguage',
  rdl: 'text/xml',
  xml: 'text/xml'
}
