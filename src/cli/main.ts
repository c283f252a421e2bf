/**
 * The `kayako` command: one entry (`kayako.ts`), one module per subcommand, each loaded only when it runs, so that
 * `kayako --help` starts without the sandbox and a new subcommand (`export`, `mcp`) is one line here and one module.
 * Arguments are parsed by node's `util.parseArgs`. Nothing here runs on import: `kayako.ts` calls `main`.
 */
import { parseArgs } from 'node:util'

/** Where a command writes, and when it must stop (Ctrl-C, or a test). */
export interface CommandIo {
  readonly out: (line: string) => void
  readonly err: (line: string) => void
  /** Aborted when the command should stop (SIGINT/SIGTERM); long-running commands return when it is. */
  readonly signal: AbortSignal
}

/** A subcommand module: runs with its own arguments and resolves to the exit code. */
export interface CommandModule {
  readonly run: (args: ReadonlyArray<string>, io: CommandIo) => Promise<number>
}

interface Command {
  readonly summary: string
  readonly load: () => Promise<CommandModule>
}

const COMMANDS: Readonly<Record<string, Command>> = {
  sandbox: { summary: 'serve the in-memory Kayako (Classic and v1 APIs) on 127.0.0.1', load: () => import('./sandbox') },
  mcp: { summary: 'serve Kayako to AI assistants (Model Context Protocol, stdio or --http)', load: () => import('./mcp') },
  export: { summary: 'export a helpdesk (Classic or v1) into a folder: NDJSON, attachments, manifest', load: () => import('./export') }
}

/** Exit code of a usage error (as getopt-style tools use). */
export const USAGE = 2

const help = (): string =>
  [
    'Usage: kayako <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (`kayako <command> --help` for a command)',
    '  -v, --version  show the version of kayako-fp'
  ].join('\n')

/** The package's version, from its manifest: three levels up in the build (`dist/cjs/cli/`), two in `src/cli/`. */
const version = async (): Promise<string> => {
  const { readFile } = await import('node:fs/promises')
  for (const up of ['../../../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(await readFile(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown }
      if (manifest.name === 'kayako-fp' && typeof manifest.version === 'string') return manifest.version
    } catch {
      // not there: try the next level
    }
  }
  return 'unknown'
}

/** Runs `kayako <argv…>`; resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, io: CommandIo): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name.startsWith('-')) {
    let values: { help?: boolean; version?: boolean }
    try {
      ;({ values } = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } }))
    } catch (error) {
      io.err(`kayako: ${error instanceof Error ? error.message : String(error)}\n\n${help()}`)
      return USAGE
    }
    if (values.version === true) {
      io.out(await version())
      return 0
    }
    if (values.help === true) {
      io.out(help())
      return 0
    }
    io.err(help())
    return USAGE
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined
  if (command === undefined) {
    io.err(`kayako: unknown command '${name}'\n\n${help()}`)
    return USAGE
  }
  const module = await command.load()
  return module.run(rest, io)
}
