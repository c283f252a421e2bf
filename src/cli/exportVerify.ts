/**
 * `kayako export --verify DIR [DIR…]`: re-reads an export and checks it against its manifest (every NDJSON file's
 * size, SHA-256 and record count, one record per id, the attachments' listing hash, errors.ndjson), then the folders
 * against each other (the shards of one export: same settings, every part once), and, given credentials, the record
 * counts against the server's own (Classic: `TicketCount` and the lists' lengths; v1: the lists' `total_count`).
 * Ids are counted distinct over all the folders: a resource every shard holds in full counts once, a partitioned one
 * adds up.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type * as E from 'fp-ts/Either'
import { isRight } from '../core/either'
import { describe, type KayakoError } from '../core/error'
import type { ExportApi } from '../export/events'
import { cleaner, filesSummary, isRefusal, readManifest, type Manifest } from './exportFolder'
import { connectionOf, executorOf, exportTransport, type ExportEnvironment, type ExportValues, EXIT, Usage } from './export'
import type { CommandIo } from './main'

/** Calls `line` with each line of a file (without its `\n`), reading it in chunks; returns the file's SHA-256. */
const eachLine = (path: string, line: (text: string) => void): string => {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  let rest: Buffer = Buffer.alloc(0)
  try {
    const chunk = Buffer.allocUnsafe(1 << 20)
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) {
      const read = chunk.subarray(0, n)
      hash.update(read)
      let data = rest.length === 0 ? read : Buffer.concat([rest, read])
      for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10)) {
        line(data.subarray(0, at).toString('utf8'))
        data = data.subarray(at + 1)
      }
      rest = Buffer.from(data)
    }
  } finally {
    closeSync(fd)
  }
  if (rest.length > 0) line(rest.toString('utf8'))
  return hash.digest('hex')
}

/** What one folder holds, as read back: problems found, and the ids per resource. */
interface FolderReport {
  readonly dir: string
  readonly manifest: Manifest
  readonly problems: Array<string>
  readonly ids: Map<string, Set<string>>
}

const checkFolder = (dir: string, manifest: Manifest): FolderReport => {
  const problems: Array<string> = []
  const ids = new Map<string, Set<string>>()
  if (!manifest.complete) problems.push(`${dir}: the export is not complete (go on with --resume)`)
  for (const [resource, entry] of Object.entries(manifest.resources)) {
    const path = join(dir, entry.file)
    if (!existsSync(path)) {
      problems.push(`${path}: missing`)
      continue
    }
    const seen = new Set<string>()
    ids.set(resource, seen)
    let lines = 0
    let bad = 0
    let twice = 0
    const sha256 = eachLine(path, (text) => {
      lines++
      let id: unknown
      try {
        const parsed = JSON.parse(text) as { id?: unknown; record?: unknown }
        id = parsed.id
        if (!('record' in parsed)) id = undefined
      } catch {
        id = undefined
      }
      if (typeof id !== 'string') bad++
      else if (seen.has(id)) twice++
      else seen.add(id)
    })
    const size = statSync(path).size
    if (size !== entry.bytes) problems.push(`${path}: ${size} bytes, the manifest says ${entry.bytes}`)
    if (manifest.complete && sha256 !== entry.sha256) problems.push(`${path}: SHA-256 ${sha256}, the manifest says ${String(entry.sha256)}`)
    if (lines !== entry.count) problems.push(`${path}: ${lines} records, the manifest says ${entry.count}`)
    if (bad > 0) problems.push(`${path}: ${bad} lines are not a record ({"id":"…","record":…})`)
    if (twice > 0) problems.push(`${path}: ${twice} records repeat an id written before`)
  }
  const listed = new Set(Object.values(manifest.resources).map((e) => e.file))
  for (const name of readdirSync(dir))
    if (name.endsWith('.ndjson') && name !== manifest.errors.file && !listed.has(name)) problems.push(`${join(dir, name)}: not in the manifest`)
  const errorsPath = join(dir, manifest.errors.file)
  if (!existsSync(errorsPath)) problems.push(`${errorsPath}: missing`)
  else {
    let lines = 0
    const sha256 = eachLine(errorsPath, () => lines++)
    if (lines !== manifest.errors.count) problems.push(`${errorsPath}: ${lines} errors, the manifest says ${manifest.errors.count}`)
    if (manifest.complete && sha256 !== manifest.errors.sha256) problems.push(`${errorsPath}: SHA-256 differs from the manifest's`)
  }
  if (manifest.complete) {
    const files = filesSummary(dir)
    for (const name of new Set([...Object.keys(files), ...Object.keys(manifest.files)])) {
      const have = files[name]
      const want = manifest.files[name]
      if (have === undefined || want === undefined) problems.push(`${join(dir, 'files', name)}: ${have === undefined ? 'missing' : 'not in the manifest'}`)
      else if (have.count !== want.count || have.bytes !== want.bytes || have.sha256 !== want.sha256)
        problems.push(
          `${join(dir, 'files', name)}: ${have.count} files, ${have.bytes} bytes${have.sha256 === want.sha256 ? '' : ', other contents'}; the manifest says ${want.count} files, ${want.bytes} bytes`
        )
    }
  }
  return { dir, manifest, problems, ids }
}

/** The folders as one export: the same settings but the shard, and every shard once. */
const checkTogether = (reports: ReadonlyArray<FolderReport>): { readonly problems: ReadonlyArray<string>; readonly whole: boolean } => {
  const problems: Array<string> = []
  const [first] = reports
  if (first === undefined) return { problems, whole: false }
  const key = (m: Manifest) => JSON.stringify([m.api, m.server, m.selected, m.since])
  for (const r of reports.slice(1))
    if (key(r.manifest) !== key(first.manifest)) problems.push(`${r.dir}: not the same export as ${first.dir} (API, server, resources or --since differ)`)
  const shards = reports.map((r) => r.manifest.shard)
  if (shards.every((s) => s === null)) {
    if (reports.length > 1) problems.push('several folders of one unsharded export: give each export alone')
    return { problems, whole: reports.length === 1 }
  }
  const count = shards[0]?.count
  if (shards.some((s) => s === null || s.count !== count)) {
    problems.push('the folders are not shards of one --shard i/n split (n differs, or one is not sharded)')
    return { problems, whole: false }
  }
  const indices = shards.map((s) => s?.index ?? -1)
  const twice = indices.filter((i, at) => indices.indexOf(i) !== at)
  if (twice.length > 0) problems.push(`shard ${twice.join(', ')} given more than once`)
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i).filter((i) => !indices.includes(i))
  if (missing.length > 0) problems.push(`shards missing: ${missing.map((i) => `${i}/${String(count)}`).join(', ')} (the counts cover part of the export)`)
  return { problems, whole: missing.length === 0 && twice.length === 0 }
}

/** The server's own counts of some resources, by name: the ones it can tell cheaply. */
const serverCounts = async (api: ExportApi, values: ExportValues, environment: ExportEnvironment): Promise<Record<string, number | string> | undefined> => {
  const connection = connectionOf(api, values, environment.env, false)
  if (connection === undefined) return undefined
  const { transport } = await exportTransport(60_000, environment.transport)
  const executor = await executorOf(connection, transport)
  const counts: Record<string, number | string> = {}
  const clean = cleaner(connection.secrets)
  const put = async <A>(name: string, task: () => Promise<E.Either<KayakoError, A>>, count: (a: A) => number): Promise<void> => {
    const result = await task()
    counts[name] = isRight(result) ? count(result.right) : clean(describe(result.left))
  }
  if (executor.api === 'classic') {
    const run = executor.run
    const [{ get: ticketCount }, Department, StaffGroup, Staff, UserGroup, TicketStatus, TicketPriority, TicketType] = await Promise.all([
      import('../classic/TicketCount'),
      import('../classic/Department'),
      import('../classic/StaffGroup'),
      import('../classic/Staff'),
      import('../classic/UserGroup'),
      import('../classic/TicketStatus'),
      import('../classic/TicketPriority'),
      import('../classic/TicketType')
    ])
    await put('tickets', run(ticketCount()), (c) => c.departments.reduce((sum, d) => sum + d.totalItems, 0))
    await put('departments', run(Department.all()), (l) => l.length)
    await put('staff-groups', run(StaffGroup.all()), (l) => l.length)
    await put('staff', run(Staff.all()), (l) => l.length)
    await put('user-groups', run(UserGroup.all()), (l) => l.length)
    await put('ticket-statuses', run(TicketStatus.all()), (l) => l.length)
    await put('ticket-priorities', run(TicketPriority.all()), (l) => l.length)
    await put('ticket-types', run(TicketType.all()), (l) => l.length)
  } else {
    const run = executor.run
    const [Case, User, Organization, Team, Role, Brand] = await Promise.all([
      import('../v1/Case'),
      import('../v1/User'),
      import('../v1/Organization'),
      import('../v1/Team'),
      import('../v1/Role'),
      import('../v1/Brand')
    ])
    const total = (page: { readonly totalCount: number | null; readonly items: ReadonlyArray<unknown> }): number => page.totalCount ?? page.items.length
    await put('cases', run(Case.all({ archived: true, limit: 1 })), total)
    await put('users', run(User.all({ limit: 1 })), total)
    await put('organizations', run(Organization.all({ limit: 1 })), total)
    await put('teams', run(Team.all({ limit: 1 })), total)
    await put('roles', run(Role.all({ limit: 1 })), total)
    await put('brands', run(Brand.all({ limit: 1 })), total)
  }
  return counts
}

export const verifyCommand = async (
  values: ExportValues,
  positionals: ReadonlyArray<string>,
  io: CommandIo,
  environment: ExportEnvironment
): Promise<number> => {
  const dirs = [...positionals, ...(values.out === undefined ? [] : [values.out])]
  if (dirs.length === 0) throw new Usage('--verify needs the folders to check')
  const json = values.json === true
  const quiet = values.quiet === true
  const problems: Array<string> = []
  const reports: Array<FolderReport> = []
  for (const dir of dirs) {
    const manifest = readManifest(dir)
    if (isRefusal(manifest)) problems.push(manifest.refused)
    else reports.push(checkFolder(dir, manifest))
  }
  for (const r of reports) problems.push(...r.problems)
  const together = checkTogether(reports)
  problems.push(...together.problems)

  // Distinct ids per resource over every folder.
  const distinct = new Map<string, Set<string>>()
  for (const r of reports)
    for (const [resource, ids] of r.ids) {
      const all = distinct.get(resource) ?? new Set<string>()
      for (const id of ids) all.add(id)
      distinct.set(resource, all)
    }
  const counts = Object.fromEntries([...distinct].map(([resource, ids]) => [resource, ids.size]))

  const first = reports[0]?.manifest
  const comparisons: Array<{ resource: string; exported: number; server: number | string }> = []
  if (first !== undefined) {
    const server = await serverCounts(first.api, values, environment)
    if (server !== undefined) {
      if (!together.whole || first.since !== null)
        problems.push('the server counts were not compared: the folders are not a whole export (shards missing, or --since)')
      else
        for (const [resource, count] of Object.entries(server)) {
          const exported = counts[resource]
          if (exported === undefined) continue
          comparisons.push({ resource, exported, server: count })
          if (typeof count === 'string') problems.push(`${resource}: the server's count could not be read (${count})`)
          else if (count !== exported) problems.push(`${resource}: ${exported} exported, the server counts ${count}`)
        }
    }
  }
  const code = problems.length === 0 ? EXIT.ok : EXIT.mismatch
  if (json) io.out(JSON.stringify({ type: 'verify', ok: problems.length === 0, folders: dirs, counts, server: comparisons, problems, exit: code }))
  else {
    if (!quiet) {
      for (const [resource, count] of Object.entries(counts)) {
        const compared = comparisons.find((c) => c.resource === resource)
        io.out(`  ${resource.padEnd(28)} ${String(count).padStart(7)}${compared === undefined ? '' : `  server: ${String(compared.server)}`}`)
      }
    }
    for (const p of problems) io.err(`kayako export --verify: ${p}`)
    if (!quiet) io.out(problems.length === 0 ? `verified: ${dirs.join(', ')}` : `${problems.length} problem${problems.length === 1 ? '' : 's'} found`)
  }
  return code
}
