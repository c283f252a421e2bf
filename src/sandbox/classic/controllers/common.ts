/** Small checks shared by the controllers. */
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
