/**
 * `kayako export`: every record of a helpdesk (the Classic API or v1) into a folder, from the events of
 * `kayako-fp/export`: one NDJSON file per resource, attachments under `files/`, `errors.ndjson`, `manifest.json`
 * (exportFolder.ts). Resumable at any moment (`--resume`), split by id over processes (`--shard i/n`), checked by
 * `--verify` (exportVerify.ts). Credentials come from the environment or flags and are never printed or written.
 */
import { parseArgs } from 'node:util'
import { classic, type ClassicExecutor } from '../classic/internal/executor'
import { withTimeout } from '../core/policy'
import type { Transport } from '../core/http'
import { CLASSIC_RESOURCES, V1_RESOURCES, type ExportApi, type ExportEvent } from '../export/events'
import type { ExportRunOptions, RetryFeed } from '../export/index'
import type { V1Executor } from '../v1/internal/executor'
import type { Auth } from '../v1/internal/auth'
import { cleaner, isRefusal, openFolder, readManifest, type ExportSettings, type Manifest } from './exportFolder'
import { progressFor, type ProgressMode } from './exportProgress'
import { USAGE, type CommandIo } from './main'

/** Exit codes (the README's Export section). */
export const EXIT = {
  /** Complete: every record written (with --verify: every check passed). */
  ok: 0,
  /** Stopped by a failure (the folder cannot be written, the library failed); go on with --resume. */
  failed: 1,
  usage: USAGE,
  /** Complete, but some records or pages could not be read: they are in errors.ndjson. */
  skipped: 3,
  /** --verify found a difference. */
  mismatch: 4,
  /** Stopped by SIGINT/SIGTERM; go on with --resume. */
  interrupted: 130
} as const

const OPTIONS = {
  api: { type: 'string' },
  out: { type: 'string', short: 'o' },
  url: { type: 'string' },
  'api-key': { type: 'string' },
  'secret-key': { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  token: { type: 'string' },
  session: { type: 'string' },
  resources: { type: 'string' },
  concurrency: { type: 'string' },
  since: { type: 'string' },
  resume: { type: 'boolean' },
  shard: { type: 'string' },
  timeout: { type: 'string' },
  verify: { type: 'boolean' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' }
} as const

export const HELP = [
  'Usage: kayako export --api classic|v1 --out DIR [options]',
  '       kayako export --verify DIR [DIR…] [credentials]',
  '',
  'Writes every record of a Kayako helpdesk into DIR: one <resource>.ndjson per resource, attachments under',
  'files/<resource>/<id>, errors.ndjson (what could not be read) and manifest.json (counts, sizes, SHA-256, the',
  'checkpoint). A run stopped at any moment goes on with --resume and ends with the same files.',
  '',
  'Credentials (environment variables, or the flags; flags show in the process list):',
  '  Classic: KAYAKO_URL (the API entry point, …/api/index.php), KAYAKO_API_KEY, KAYAKO_SECRET_KEY',
  '           --url, --api-key, --secret-key',
  '  v1:      KAYAKO_V1_URL (the helpdesk, https://x.kayako.com), and KAYAKO_EMAIL + KAYAKO_PASSWORD,',
  '           or KAYAKO_TOKEN (OAuth/JWT bearer token), or KAYAKO_SESSION (a session id)',
  '           --url, --email, --password, --token, --session',
  '',
  'Options:',
  '      --api <classic|v1>    the API to read',
  '  -o, --out <dir>           the folder to write (new or empty, or the one to resume)',
  '      --resources <a,b>     only these resources (names: kayako export --help lists them)',
  '      --concurrency <n>     requests in flight at once (default 4)',
  '      --since <date>        only records created or updated since this date (ISO 8601)',
  '      --resume              go on with the export in --out after its last checkpoint',
  '      --shard <i/n>         this process exports part i of n of the tickets/cases (by id); one folder per part',
  '      --timeout <seconds>   each request attempt (default 60); failures are retried, Retry-After honoured',
  '      --verify              check the export in the folders given (several: the shards of one export)',
  '      --json                one JSON event per line on stdout instead of progress',
  '  -q, --quiet               print nothing but failures',
  '  -h, --help                show this help',
  '',
  'Exit codes: 0 complete; 1 failed (resume it); 2 usage; 3 complete but records skipped (errors.ndjson);',
  '            4 --verify found a difference; 130 interrupted (resume it).',
  '',
  `Classic resources: ${CLASSIC_RESOURCES.join(', ')}`,
  `v1 resources: ${V1_RESOURCES.join(', ')}`
].join('\n')

type Env = Readonly<Record<string, string | undefined>>
type Values = ReturnType<typeof parse>['values']
const parse = (args: ReadonlyArray<string>) => parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true })

/** A wrong argument: reported with the help, exit code 2. */
class Usage extends Error {}

const positive = (name: string, text: string, max: number): number => {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) throw new Usage(`--${name} must be an integer from 1 to ${max}, got '${text}'`)
  return n
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value)

/** The server as the manifest names it: no user-info, query or fragment. */
export const serverOf = (url: string): string => {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    u.search = ''
    u.hash = ''
    return u.toString()
  } catch {
    throw new Usage(`--url must be an absolute URL, got a value that is not one`)
  }
}

/** How the command reaches the server: the executor's config, and every secret in it (to scrub from all output). */
export type Connection =
  | { readonly api: 'classic'; readonly url: string; readonly apiKey: string; readonly secretKey: string; readonly secrets: ReadonlyArray<string> }
  | { readonly api: 'v1'; readonly url: string; readonly auth: Auth; readonly secrets: ReadonlyArray<string> }

/** The connection from flags and the environment; `undefined` when nothing names a server (verify without one). */
export const connectionOf = (api: ExportApi, values: Values, env: Env, required: boolean): Connection | undefined => {
  if (api === 'classic') {
    const url = nonEmpty(values.url) ?? nonEmpty(env.KAYAKO_URL)
    const apiKey = nonEmpty(values['api-key']) ?? nonEmpty(env.KAYAKO_API_KEY)
    const secretKey = nonEmpty(values['secret-key']) ?? nonEmpty(env.KAYAKO_SECRET_KEY)
    if (url === undefined && !required) return undefined
    const missing = [
      url === undefined ? 'KAYAKO_URL (--url)' : '',
      apiKey === undefined ? 'KAYAKO_API_KEY (--api-key)' : '',
      secretKey === undefined ? 'KAYAKO_SECRET_KEY (--secret-key)' : ''
    ].filter((m) => m !== '')
    if (url === undefined || apiKey === undefined || secretKey === undefined) throw new Usage(`the Classic API needs ${missing.join(', ')}`)
    serverOf(url)
    return { api, url, apiKey, secretKey, secrets: [apiKey, secretKey, ...userInfo(url)] }
  }
  const url = nonEmpty(values.url) ?? nonEmpty(env.KAYAKO_V1_URL)
  const email = nonEmpty(values.email) ?? nonEmpty(env.KAYAKO_EMAIL)
  const password = nonEmpty(values.password) ?? nonEmpty(env.KAYAKO_PASSWORD)
  const token = nonEmpty(values.token) ?? nonEmpty(env.KAYAKO_TOKEN)
  const session = nonEmpty(values.session) ?? nonEmpty(env.KAYAKO_SESSION)
  if (url === undefined && !required) return undefined
  if (url === undefined) throw new Usage('the v1 API needs KAYAKO_V1_URL (--url)')
  serverOf(url)
  const auth: Auth | undefined =
    email !== undefined && password !== undefined
      ? { username: email, password }
      : token !== undefined
        ? { bearer: token }
        : session !== undefined
          ? { sessionId: session }
          : undefined
  if (auth === undefined)
    throw new Usage('the v1 API needs KAYAKO_EMAIL and KAYAKO_PASSWORD (--email, --password), or KAYAKO_TOKEN (--token), or KAYAKO_SESSION (--session)')
  return { api, url, auth, secrets: [password ?? '', token ?? '', session ?? '', ...userInfo(url)].filter((s) => s !== '') }
}

const userInfo = (url: string): ReadonlyArray<string> => {
  try {
    const u = new URL(url)
    return [decodeURIComponent(u.username), decodeURIComponent(u.password), u.username, u.password].filter((s) => s !== '')
  } catch {
    return []
  }
}

/**
 * The transport of an export: each attempt bounded by `timeoutMs`, retried as bulk work is (`exportRetry`: Retry-After
 * honoured up to 600 s, GETs only), every wait fed to the library as a `retry` event.
 */
export const exportTransport = async (timeoutMs: number, base?: Transport): Promise<{ readonly transport: Transport; readonly feed: RetryFeed }> => {
  const { exportRetry } = await import('../export/index')
  const retry = exportRetry()
  const sender = base ?? (await import('../node/index')).nodeTransport()
  return { transport: retry.transport(withTimeout(timeoutMs)(sender)), feed: retry.feed }
}

/** The executors of a connection (deadlineMs: Infinity, as the retries' waits are bounded per attempt instead). */
export const executorOf = async (
  connection: Connection,
  transport: Transport
): Promise<{ readonly api: 'classic'; readonly run: ClassicExecutor } | { readonly api: 'v1'; readonly run: V1Executor }> => {
  if (connection.api === 'classic') {
    const { nodeSigner } = await import('../node/index')
    return {
      api: 'classic',
      run: classic({ url: connection.url, apiKey: connection.apiKey, secretKey: connection.secretKey, transport, signer: nodeSigner, deadlineMs: Infinity })
    }
  }
  const { v1 } = await import('../v1/internal/executor')
  return { api: 'v1', run: v1({ url: connection.url, auth: connection.auth, transport, deadlineMs: Infinity }) }
}

/** The library's events for a connection. */
const eventsOf = async (connection: Connection, transport: Transport, options: ExportRunOptions): Promise<AsyncIterable<ExportEvent>> => {
  const { exportClassic, exportV1 } = await import('../export/index')
  const executor = await executorOf(connection, transport)
  return executor.api === 'classic' ? exportClassic(executor.run, options) : exportV1(executor.run, options)
}

const resourcesOf = (api: ExportApi, text: string | undefined): ReadonlyArray<string> | null => {
  if (text === undefined) return null
  const known = api === 'classic' ? CLASSIC_RESOURCES : V1_RESOURCES
  const names = text
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
  const unknown = names.filter((n) => !known.includes(n))
  if (unknown.length > 0 || names.length === 0)
    throw new Usage(`unknown resource${unknown.length === 1 ? '' : 's'} '${unknown.join(', ')}' of the ${api} API (known: ${known.join(', ')})`)
  return names
}

const sinceOf = (text: string | undefined): string | null => {
  if (text === undefined) return null
  const at = Date.parse(text)
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(at)) throw new Usage(`--since must be a date (ISO 8601, e.g. 2024-01-31), got '${text}'`)
  return new Date(at).toISOString()
}

const shardOf = (text: string | undefined): { readonly index: number; readonly count: number } | null => {
  if (text === undefined) return null
  const m = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (m === null || count < 1 || index >= count) throw new Usage(`--shard must be i/n with 0 ≤ i < n, e.g. 0/4, got '${text}'`)
  return { index, count }
}

/** What the command can be given besides its arguments (the process's, or a test's). */
export interface ExportEnvironment {
  readonly env: Env
  /** The terminal to draw progress bars on (stderr when it is one). */
  readonly tty?: NodeJS.WriteStream
  /** What sends the requests, under the timeout and retry policy (default `nodeTransport()`); a test may count them. */
  readonly transport?: Transport
  readonly now?: () => Date
}

const summary = (manifest: Manifest): ReadonlyArray<string> => {
  const rows = Object.entries(manifest.resources)
  const width = Math.max(8, ...rows.map(([name]) => name.length))
  const files = Object.values(manifest.files).reduce((sum, f) => ({ count: sum.count + f.count, bytes: sum.bytes + f.bytes }), { count: 0, bytes: 0 })
  return [
    `export of ${manifest.server} (${manifest.api})${manifest.shard === null ? '' : `, shard ${manifest.shard.index}/${manifest.shard.count}`}: ${manifest.complete ? 'complete' : 'incomplete'}`,
    ...rows.map(([name, e]) => `  ${name.padEnd(width)} ${String(e.count).padStart(7)} records${e.total === null ? '' : ` (server: ${e.total})`}`),
    `  ${'files'.padEnd(width)} ${String(files.count).padStart(7)} attachments, ${files.bytes} bytes`,
    `  ${'errors'.padEnd(width)} ${String(manifest.errors.count).padStart(7)}${manifest.errors.count > 0 ? ' (see errors.ndjson)' : ''}`
  ]
}

const runExport = async (values: Values, io: CommandIo, environment: ExportEnvironment): Promise<number> => {
  const api = values.api
  if (api !== 'classic' && api !== 'v1') throw new Usage(`--api must be classic or v1${api === undefined ? '' : `, got '${api}'`}`)
  const dir = values.out
  if (dir === undefined || dir === '') throw new Usage('--out <dir> is required')
  const connection = connectionOf(api, values, environment.env, true)
  if (connection === undefined) throw new Usage('no server given')
  const settings: ExportSettings = {
    api,
    server: serverOf(connection.url),
    selected: resourcesOf(api, values.resources),
    since: sinceOf(values.since),
    shard: shardOf(values.shard)
  }
  const concurrency = values.concurrency === undefined ? undefined : positive('concurrency', values.concurrency, 64)
  const timeoutMs = values.timeout === undefined ? 60_000 : positive('timeout', values.timeout, 86_400) * 1000
  const mode: ProgressMode = values.quiet === true ? 'quiet' : values.json === true ? 'json' : environment.tty !== undefined ? 'tty' : 'plain'
  const now = environment.now ?? (() => new Date())

  if (values.resume === true) {
    const previous = readManifest(dir)
    if (!isRefusal(previous) && previous.complete) {
      if (mode === 'json') io.out(JSON.stringify({ type: 'done', complete: true, errors: previous.errors.count, note: 'already complete' }))
      else if (mode !== 'quiet') io.out(`${dir}: the export is complete already; nothing to do`)
      return previous.errors.count > 0 ? EXIT.skipped : EXIT.ok
    }
  }
  const folder = openFolder({ dir, settings, resume: values.resume === true, now: now(), secrets: connection.secrets })
  if (isRefusal(folder)) {
    io.err(`kayako export: ${folder.refused}`)
    return EXIT.usage
  }
  const clean = cleaner(connection.secrets)
  const progress = await progressFor({
    mode,
    out: io.out,
    err: io.err,
    counts: folder.counts().resources,
    ...(environment.tty === undefined ? {} : { stream: environment.tty }),
    clean
  })
  try {
    if (folder.resume !== undefined) progress.note(`resuming the export in ${dir} after its last checkpoint`)
    const { transport, feed } = await exportTransport(timeoutMs, environment.transport)
    const events = await eventsOf(connection, transport, {
      retries: feed,
      secrets: connection.secrets,
      ...(settings.selected === null ? {} : { resources: settings.selected }),
      ...(settings.since === null ? {} : { since: new Date(settings.since) }),
      ...(settings.shard === null ? {} : { shard: settings.shard }),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(folder.resume === undefined ? {} : { resume: folder.resume }),
      haveFile: folder.haveFile,
      signal: io.signal
    })
    for await (const event of events) {
      folder.write(event)
      progress.event(event)
    }
  } catch (error) {
    progress.stop()
    folder.close()
    io.err(clean(`kayako export: stopped: ${error instanceof Error ? error.message : String(error)}; go on with --resume`))
    return EXIT.failed
  }
  if (io.signal.aborted) {
    progress.stop()
    folder.close()
    if (mode !== 'quiet') io.err(`kayako export: interrupted; go on with: kayako export … --resume`)
    return EXIT.interrupted
  }
  const manifest = folder.finish(now())
  progress.stop()
  const code = manifest.errors.count > 0 ? EXIT.skipped : EXIT.ok
  if (mode === 'json') io.out(JSON.stringify({ type: 'done', complete: true, errors: manifest.errors.count, exit: code }))
  else if (mode !== 'quiet') for (const line of summary(manifest)) io.out(line)
  return code
}

/** `kayako export …` with the given environment (tests pass their own). */
export const exportCommand = async (args: ReadonlyArray<string>, io: CommandIo, environment: ExportEnvironment): Promise<number> => {
  try {
    const { values, positionals } = parse(args)
    if (values.help === true) {
      io.out(HELP)
      return EXIT.ok
    }
    if (values.verify === true) {
      const { verifyCommand } = await import('./exportVerify')
      return await verifyCommand(values, positionals, io, environment)
    }
    if (positionals.length > 0) throw new Usage(`unexpected argument '${positionals[0] ?? ''}' (folders are given with --out, or to --verify)`)
    return await runExport(values, io, environment)
  } catch (error) {
    if (error instanceof Usage || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true)) {
      io.err(`kayako export: ${error.message}\n\n${HELP}`)
      return EXIT.usage
    }
    io.err(`kayako export: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}

export { Usage, parse as parseExportArgs, type Values as ExportValues }

export const run = (args: ReadonlyArray<string>, io: CommandIo): Promise<number> =>
  exportCommand(args, io, { env: process.env, ...(process.stderr.isTTY ? { tty: process.stderr } : {}) })
