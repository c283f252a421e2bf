/**
 * The folder `kayako export` writes, from the library's events (`kayako-fp/export`): one `<resource>.ndjson` per
 * resource, attachments under `files/<resource>/<id>`, `errors.ndjson`, and `manifest.json`.
 *
 * The manifest is also the checkpoint: it is replaced atomically (temp file + rename) at every `page` event, and then
 * says how long each NDJSON file was at that point. A run killed at any moment is resumed by truncating every file
 * to its recorded length and handing the library its checkpoint back: the events after it are written again, once.
 * Attachments are written to a temp file and renamed, so a file that exists is complete and is not downloaded again.
 * Writes are synchronous: a `page` event must find everything before it in the files.
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { describe, scrub, wireForms } from '../core/error'
import type { Checkpoint, ExportApi, ExportEvent } from '../export/events'

export const MANIFEST = 'manifest.json'
export const ERRORS = 'errors.ndjson'
export const FILES = 'files'
/** `format` of every manifest this command writes. */
export const FORMAT = 'kayako-fp-export/1'

/** What an export was asked for: a resumed run must ask for the same. */
export interface ExportSettings {
  readonly api: ExportApi
  /** The server's URL without credentials, query or fragment. */
  readonly server: string
  /** The resources asked for (`--resources`), or null: all. */
  readonly selected: ReadonlyArray<string> | null
  readonly since: string | null
  readonly shard: { readonly index: number; readonly count: number } | null
}

/** One resource in the manifest. */
export interface ResourceEntry {
  readonly file: string
  /** Records (lines) in the file. */
  readonly count: number
  /** The server's own total when the library reported one at the resource's start. */
  readonly total: number | null
  /** Bytes of the file. */
  readonly bytes: number
  /** SHA-256 (hex) of the file, once the export is complete. */
  readonly sha256: string | null
  /** Whether the resource ended (every record of it written). */
  readonly done: boolean
}

/** The attachments of one resource under `files/<resource>/`. */
export interface FilesEntry {
  readonly count: number
  readonly bytes: number
  /** SHA-256 (hex) of the lines `<file name> <SHA-256 of the file>\n`, sorted by file name. */
  readonly sha256: string
}

export interface Manifest extends ExportSettings {
  readonly format: typeof FORMAT
  readonly started: string
  /** When each `--resume` started. */
  readonly resumed: ReadonlyArray<string>
  readonly finished: string | null
  readonly complete: boolean
  readonly resources: Readonly<Record<string, ResourceEntry>>
  readonly files: Readonly<Record<string, FilesEntry>>
  readonly errors: { readonly file: string; readonly count: number; readonly bytes: number; readonly sha256: string | null }
  readonly checkpoint: {
    /** The library's checkpoint (`resume`), or null before the first page. */
    readonly library: Checkpoint | null
    /** Bytes of every NDJSON file (errors.ndjson included) at the checkpoint. */
    readonly lengths: Readonly<Record<string, number>>
  }
}

/** The folder an export writes into; every method may throw a file-system error (the command reports it). */
export interface ExportFolder {
  /** The library checkpoint to resume from (a resumed run), if any. */
  readonly resume: Checkpoint | undefined
  /** Whether an attachment is already there, complete. */
  readonly haveFile: (resource: string, id: string) => boolean
  readonly write: (event: ExportEvent) => void
  /** Records per resource and errors so far (the counts at the checkpoint included). */
  readonly counts: () => { readonly resources: Readonly<Record<string, number>>; readonly errors: number }
  /** Writes the final manifest (hashes included) and closes the files. */
  readonly finish: (at: Date) => Manifest
  /** Closes the files without writing (the manifest stays at the last checkpoint). */
  readonly close: () => void
}

/** A folder that cannot be opened as asked: the reason, for the user. */
export interface Refusal {
  readonly refused: string
}

// ---------------------------------------------------------------------------------------------------------------
// Records as JSON

/** A value as `JSON.stringify` should see it: fp-ts Options as their value or null, bytes as Base64, bigints as text. */
const plain = (_key: string, value: unknown): unknown => {
  let v = value
  for (;;) {
    if (typeof v === 'bigint') return v.toString()
    if (v === null || typeof v !== 'object') return v
    if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')
    const tag = (v as { _tag?: unknown })._tag
    const keys = Object.keys(v)
    if (tag === 'None' && keys.length === 1) return null
    if (tag === 'Some' && keys.length === 2 && 'value' in v) {
      v = v.value
      continue
    }
    return v
  }
}

/** One NDJSON line of a record: `{"id":…,"record":…}`. */
export const recordLine = (id: string, record: unknown): string => `${JSON.stringify({ id, record }, plain)}\n`

/** Scrubs every credential (in any of its wire forms) from a line; a line without one is returned as it is. */
export const cleaner = (secrets: ReadonlyArray<string>): ((line: string) => string) => {
  const forms = [...new Set(secrets.filter((s) => s !== '').flatMap(wireForms))]
  return (line) => (forms.some((form) => line.includes(form)) ? scrub(line, secrets) : line)
}

// ---------------------------------------------------------------------------------------------------------------
// Names on disk

/** A resource name or id as a file name: kept when it is plain, else every other character as %XX (so never `.x`). */
export const safeName = (name: string): string =>
  /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)
    ? name
    : Array.from(Buffer.from(name, 'utf8'))
        .map((b) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
        .join('')

export const ndjsonOf = (resource: string): string => `${safeName(resource)}.ndjson`

const PARTIAL = '.partial'

/** SHA-256 of a file, read in chunks (bounded memory). */
export const sha256File = (path: string): string => {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.allocUnsafe(1 << 20)
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) hash.update(chunk.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** The attachments under `files/`, per resource folder: count, bytes and a hash over their names and hashes. */
export const filesSummary = (dir: string): Record<string, FilesEntry> => {
  const root = join(dir, FILES)
  if (!existsSync(root)) return {}
  const summary: Record<string, FilesEntry> = {}
  for (const folder of readdirSync(root).sort()) {
    const names = readdirSync(join(root, folder))
      .filter((name) => !name.startsWith('.'))
      .sort()
    const listing = createHash('sha256')
    let bytes = 0
    for (const name of names) {
      const path = join(root, folder, name)
      bytes += statSync(path).size
      listing.update(`${name} ${sha256File(path)}\n`)
    }
    summary[folder] = { count: names.length, bytes, sha256: listing.digest('hex') }
  }
  return summary
}

// ---------------------------------------------------------------------------------------------------------------
// The manifest

/** Reads a manifest; a folder without one, or with something else in its place, is a refusal. */
export const readManifest = (dir: string): Manifest | Refusal => {
  const path = join(dir, MANIFEST)
  if (!existsSync(path)) return { refused: `${dir} holds no ${MANIFEST}` }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    return { refused: `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FORMAT)
    return { refused: `${path} is not a manifest of kayako export (format ${FORMAT})` }
  return parsed as Manifest
}

export const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && 'refused' in value

/** Replaces a file atomically: a temp file beside it, renamed over it; flushed to disk first when `durable`. */
const replaceFile = (path: string, text: string, durable: boolean): void => {
  const temp = `${path}${PARTIAL}`
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, text)
    if (durable) fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
}

/** Flushes a folder's entries (a rename) to disk; some platforms cannot open a folder, which is then skipped. */
const syncFolder = (dir: string): void => {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch {
    // not supported here (Windows): the rename is as durable as the platform makes it
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const sameSettings = (a: ExportSettings, b: ExportSettings): boolean =>
  JSON.stringify([a.api, a.server, a.selected, a.since, a.shard]) === JSON.stringify([b.api, b.server, b.selected, b.since, b.shard])

// ---------------------------------------------------------------------------------------------------------------
// Opening and writing

export interface OpenOptions {
  readonly dir: string
  readonly settings: ExportSettings
  /** Go on with the export in `dir` (a folder without a manifest starts afresh). */
  readonly resume: boolean
  readonly now: Date
  /** Strings that must never be written (credentials), in any of their wire forms. */
  readonly secrets: ReadonlyArray<string>
  /** Flush files to disk at most this often (and at the end); default 1000 ms. 0: at every checkpoint. */
  readonly syncEveryMs?: number
  readonly clock?: () => number
}

/** Opens `dir` for a new export, or for going on with the one there (`resume`). */
export const openFolder = (options: OpenOptions): ExportFolder | Refusal => {
  const { dir, settings, now } = options
  const clock = options.clock ?? Date.now
  const syncEveryMs = options.syncEveryMs ?? 1000
  /** A line as written: any credential in it scrubbed (a record that quotes one, an error echoing a request). */
  const clean = cleaner(options.secrets)

  mkdirSync(dir, { recursive: true })
  const previous = existsSync(join(dir, MANIFEST)) ? readManifest(dir) : undefined
  if (isRefusal(previous)) return previous
  if (previous !== undefined && !options.resume)
    return { refused: `${dir} holds an export already (${MANIFEST}): pass --resume to go on with it, or choose another folder` }
  // Without a manifest only what a run killed before writing its first one leaves is ours to remove.
  if (previous === undefined && readdirSync(dir).some((name) => name !== ERRORS && name !== `${MANIFEST}${PARTIAL}`))
    return { refused: `${dir} is not empty and holds no export: choose an empty or new folder` }
  if (previous !== undefined && !sameSettings(previous, settings))
    return {
      refused: `${dir} holds an export of other settings (${JSON.stringify({ api: previous.api, server: previous.server, selected: previous.selected, since: previous.since, shard: previous.shard })}): resume it with the same ones`
    }

  // The state at the checkpoint: the entries of the previous manifest, or nothing.
  const entries = new Map<string, { count: number; total: number | null; bytes: number; done: boolean }>()
  let errorCount = previous?.errors.count ?? 0
  let errorBytes = previous?.checkpoint.lengths[ERRORS] ?? 0
  for (const [name, entry] of Object.entries(previous?.resources ?? {}))
    entries.set(name, { count: entry.count, total: entry.total, bytes: previous?.checkpoint.lengths[entry.file] ?? 0, done: entry.done })

  // Every file back to its length at the checkpoint; files of resources that started after it, and temp files, go.
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (name.endsWith(PARTIAL)) rmSync(path, { force: true })
    else if (name.endsWith('.ndjson')) {
      const length = previous?.checkpoint.lengths[name]
      if (length === undefined) rmSync(path, { force: true })
      else if (statSync(path).size < length)
        return {
          refused: `${path} is shorter (${statSync(path).size} bytes) than its checkpoint says (${length}): it lost data (a system crash?); start the export again in a new folder`
        }
      else truncateSync(path, length)
    }
  }
  const filesRoot = join(dir, FILES)
  if (existsSync(filesRoot))
    for (const folder of readdirSync(filesRoot))
      for (const name of readdirSync(join(filesRoot, folder))) if (name.startsWith('.')) rmSync(join(filesRoot, folder, name), { force: true })
  for (const [name, entry] of entries) {
    if (existsSync(join(dir, ndjsonOf(name)))) continue
    if (entry.bytes > 0)
      return { refused: `${join(dir, ndjsonOf(name))} is missing (its checkpoint says ${entry.bytes} bytes): start the export again in a new folder` }
    writeFileSync(join(dir, ndjsonOf(name)), '')
  }

  const started = previous?.started ?? now.toISOString()
  const resumed = previous === undefined ? [] : [...previous.resumed, now.toISOString()]
  let library: Checkpoint | null = previous?.checkpoint.library ?? null

  // Open files: the descriptor, what waits to be written, whether it was written since the last flush to disk.
  interface Open {
    readonly fd: number
    pending: Array<string>
    pendingBytes: number
    dirty: boolean
  }
  const open = new Map<string, Open>()
  const fileOf = (name: string): Open => {
    let file = open.get(name)
    if (file === undefined) {
      file = { fd: openSync(join(dir, name), 'a'), pending: [], pendingBytes: 0, dirty: false }
      open.set(name, file)
    }
    return file
  }
  const append = (name: string, line: string): number => {
    const file = fileOf(name)
    const bytes = Buffer.byteLength(line, 'utf8')
    file.pending.push(line)
    file.pendingBytes += bytes
    if (file.pendingBytes >= 1 << 18) flush(file)
    return bytes
  }
  const flush = (file: Open): void => {
    if (file.pending.length === 0) return
    writeSync(file.fd, file.pending.join(''))
    file.pending = []
    file.pendingBytes = 0
    file.dirty = true
  }
  fileOf(ERRORS)

  let lastSync = clock()
  const manifest = (finishedAt: Date | null): Manifest => {
    const resources: Record<string, ResourceEntry> = {}
    const lengths: Record<string, number> = {}
    for (const [name, entry] of entries) {
      const file = ndjsonOf(name)
      lengths[file] = entry.bytes
      resources[name] = {
        file,
        count: entry.count,
        total: entry.total,
        bytes: entry.bytes,
        sha256: finishedAt === null ? null : sha256File(join(dir, file)),
        done: entry.done
      }
    }
    lengths[ERRORS] = errorBytes
    return {
      format: FORMAT,
      ...settings,
      started,
      resumed,
      finished: finishedAt === null ? null : finishedAt.toISOString(),
      complete: finishedAt !== null,
      resources,
      files: finishedAt === null ? {} : filesSummary(dir),
      errors: { file: ERRORS, count: errorCount, bytes: errorBytes, sha256: finishedAt === null ? null : sha256File(join(dir, ERRORS)) },
      checkpoint: { library, lengths }
    }
  }

  /** Everything written so far reaches the files; then the manifest records it (flushed to disk when it is time). */
  const checkpoint = (finishedAt: Date | null): Manifest => {
    for (const file of open.values()) flush(file)
    const durable = finishedAt !== null || clock() - lastSync >= syncEveryMs
    if (durable) {
      for (const file of open.values()) {
        if (file.dirty) fsyncSync(file.fd)
        file.dirty = false
      }
      lastSync = clock()
    }
    const written = manifest(finishedAt)
    replaceFile(join(dir, MANIFEST), `${clean(JSON.stringify(written, null, 2))}\n`, durable)
    if (durable) syncFolder(dir)
    return written
  }
  checkpoint(null)

  const entryOf = (resource: string) => {
    let entry = entries.get(resource)
    if (entry === undefined) {
      entry = { count: 0, total: null, bytes: 0, done: false }
      entries.set(resource, entry)
      fileOf(ndjsonOf(resource))
    }
    return entry
  }

  const writeFile = (resource: string, id: string, bytes: Uint8Array): void => {
    const folder = join(dir, FILES, safeName(resource))
    mkdirSync(folder, { recursive: true })
    const temp = join(folder, `.${safeName(id)}${PARTIAL}`)
    writeFileSync(temp, bytes)
    renameSync(temp, join(folder, safeName(id)))
  }

  const closeAll = (): void => {
    for (const file of open.values()) closeSync(file.fd)
    open.clear()
  }

  return {
    resume: library ?? undefined,
    haveFile: (resource, id) => existsSync(join(dir, FILES, safeName(resource), safeName(id))),
    write: (event) => {
      switch (event.type) {
        case 'resource-start': {
          const entry = entryOf(event.resource)
          if (event.total !== undefined) entry.total = event.total
          return
        }
        case 'record': {
          const entry = entryOf(event.resource)
          entry.bytes += append(ndjsonOf(event.resource), clean(recordLine(event.id, event.record)))
          entry.count++
          return
        }
        case 'file':
          return writeFile(event.resource, event.id, event.bytes)
        case 'error': {
          const line = {
            resource: event.resource,
            ...(event.id === undefined ? {} : { id: event.id }),
            error: { tag: event.error._tag, operation: event.error.operation, message: describe(event.error) },
            ...(event.raw === undefined ? {} : { raw: event.raw })
          }
          errorBytes += append(ERRORS, `${clean(JSON.stringify(line))}\n`)
          errorCount++
          return
        }
        case 'resource-end':
          entryOf(event.resource).done = true
          return
        case 'page':
          library = event.checkpoint
          checkpoint(null)
          return
        case 'retry':
          return
      }
    },
    counts: () => ({ resources: Object.fromEntries([...entries].map(([name, e]) => [name, e.count])), errors: errorCount }),
    finish: (at) => {
      const written = checkpoint(at)
      closeAll()
      return written
    },
    close: closeAll
  }
}
