/**
 * `kayako sandbox`: the in-memory Kayako (both APIs) served on 127.0.0.1 until Ctrl-C, with its URLs and credentials
 * printed. Every flag maps onto an option of `startSandbox` (`kayako-fp/sandbox`).
 */
import { parseArgs } from 'node:util'
import { signature } from '../classic/internal/sign'
import { FAULT_KINDS, type FaultKind, type FaultOptions } from '../sandbox/faults'
import { LENIENCIES, isLeniency, type Leniency } from '../sandbox/classic/settings'
import { startSandbox, type RunningSandbox, type StartOptions } from '../sandbox/server'
import { USAGE, type CommandIo } from './main'

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  seed: { type: 'string' },
  empty: { type: 'boolean' },
  'api-key': { type: 'string' },
  'secret-key': { type: 'string' },
  'classic-only': { type: 'boolean' },
  'php-notices': { type: 'boolean' },
  faults: { type: 'string' },
  'fault-kinds': { type: 'string' },
  fault: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  lenient: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export const HELP = [
  'Usage: kayako sandbox [options]',
  '',
  'Serves an in-memory Kayako 4.98.8 (the Classic REST API and the v1 JSON API) on 127.0.0.1 until Ctrl-C, and',
  'prints its URLs and credentials. Its data lives in memory: every start begins from the seed data.',
  '',
  'Options:',
  '  -p, --port <n>           the port (default $PORT, else 0: a free port)',
  '      --seed <n>           seed of the generated v1 data, session ids and fault draws (default: fixed)',
  '      --empty              start the Classic helpdesk without its seed data',
  '      --api-key <key>      the Classic API key (default sandbox-api-key)',
  '      --secret-key <key>   the Classic secret key (default sandbox-secret-key)',
  '      --classic-only       serve the Classic API only (no /api/v1)',
  '      --php-notices        print the PHP notices the real server prints before some answers',
  '      --faults <rate>      the share of requests (0 to 1) that meet a fault (default 0)',
  '      --fault-kinds <list> the faults --faults draws from, comma-separated (default all):',
  `                           ${FAULT_KINDS.join(', ')}`,
  "      --fault <route=list> scripted faults for a route, in order, e.g. --fault 'POST /Base/Department=503,none'",
  '                           (repeatable; `none` lets one request through)',
  '      --strict             as strict as Kayako 4.98.8 (the default): no tolerance',
  '      --lenient <name>     a tolerance where the sandbox is friendlier than Kayako (repeatable, or `all`):',
  ...Object.entries(LENIENCIES).map(([name, what]) => `                             ${name}: ${what}`),
  '      --json               print the URLs and credentials as one line of JSON',
  '  -h, --help               show this help'
].join('\n')

type Values = ReturnType<typeof parse>['values']
const parse = (args: ReadonlyArray<string>) => parseArgs({ args: [...args], options: OPTIONS, allowPositionals: false, strict: true })

const integer = (name: string, text: string, min: number, max: number): number => {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got '${text}'`)
  return n
}

const faultKinds = (text: string): ReadonlyArray<FaultKind> =>
  text.split(',').map((kind) => {
    const k = kind.trim()
    if (!(FAULT_KINDS as ReadonlyArray<string>).includes(k)) throw new Error(`unknown fault '${k}' (known: ${FAULT_KINDS.join(', ')})`)
    return k as FaultKind
  })

const faultOptions = (values: Values, seed: number | undefined): FaultOptions | undefined => {
  const rateText = values.faults
  const rate = rateText === undefined ? undefined : Number(rateText)
  if (rate !== undefined && !(rateText?.trim() !== '' && rate >= 0 && rate <= 1))
    throw new Error(`--faults must be a number from 0 to 1, got '${rateText ?? ''}'`)
  const script: Record<string, ReadonlyArray<FaultKind | 'none'>> = {}
  for (const entry of values.fault ?? []) {
    const eq = entry.lastIndexOf('=')
    if (eq <= 0) throw new Error(`--fault must be <route>=<faults>, e.g. 'POST /Base/Department=503,none', got '${entry}'`)
    script[entry.slice(0, eq).trim()] = entry
      .slice(eq + 1)
      .split(',')
      .map((k) => (k.trim() === 'none' ? 'none' : (faultKinds(k)[0] as FaultKind)))
  }
  const kinds = values['fault-kinds'] === undefined ? undefined : faultKinds(values['fault-kinds'])
  if (rate === undefined && kinds === undefined && Object.keys(script).length === 0) return undefined
  return { ...(rate === undefined ? {} : { rate }), ...(kinds === undefined ? {} : { kinds }), script, ...(seed === undefined ? {} : { seed }) }
}

const leniencies = (values: Values): ReadonlyArray<Leniency> => {
  const names = values.lenient ?? []
  if (values.strict === true && names.length > 0) throw new Error('--strict and --lenient exclude each other')
  if (names.includes('all')) return Object.keys(LENIENCIES) as ReadonlyArray<Leniency>
  return names.map((name) => {
    if (!isLeniency(name)) throw new Error(`unknown tolerance '${name}' (known: ${Object.keys(LENIENCIES).join(', ')}, or all)`)
    return name
  })
}

/** The options of `startSandbox` the arguments ask for; throws on a wrong argument (the caller reports it). */
export const optionsOf = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>> = {}
): StartOptions & { readonly json: boolean; readonly help: boolean } => {
  const { values } = parse(args)
  const portText = values.port ?? env.PORT
  const seed = values.seed === undefined ? undefined : integer('seed', values.seed, 0, Number.MAX_SAFE_INTEGER)
  const lenient = leniencies(values)
  const faults = faultOptions(values, seed)
  return {
    port: portText === undefined || portText === '' ? 0 : integer('port', portText, 0, 65535),
    ...(values.empty === true ? { seed: false } : {}),
    ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
    ...(values['secret-key'] === undefined ? {} : { secretKey: values['secret-key'] }),
    ...(values['php-notices'] === true ? { phpNotices: true } : {}),
    ...(values['classic-only'] === true ? { v1: false } : { v1: { lenient, ...(seed === undefined ? {} : { seed }) } }),
    lenient,
    ...(faults === undefined ? {} : { faults }),
    json: values.json === true,
    help: values.help === true
  }
}

const describe = async (running: RunningSandbox): Promise<ReadonlyArray<string>> => {
  const salt = 'try-me'
  const signed = encodeURIComponent(await signature(running.secretKey, salt))
  return [
    'Kayako Classic sandbox (in memory)',
    `  URL         ${running.url}`,
    `  API key     ${running.apiKey}`,
    `  Secret key  ${running.secretKey}`,
    ...(running.v1 === undefined
      ? []
      : [
          '',
          'Kayako v1 JSON API sandbox, same server',
          `  URL         ${running.v1.url}`,
          `  Username    ${running.v1.username}`,
          `  Password    ${running.v1.password}`
        ]),
    '',
    `Try:  curl '${running.url}?e=/Base/Department&apikey=${running.apiKey}&salt=${salt}&signature=${signed}'`,
    'Ctrl-C stops it.'
  ]
}

export const run = async (args: ReadonlyArray<string>, io: CommandIo): Promise<number> => {
  let options: ReturnType<typeof optionsOf>
  try {
    options = optionsOf(args, process.env)
  } catch (error) {
    io.err(`kayako sandbox: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    return USAGE
  }
  if (options.help) {
    io.out(HELP)
    return 0
  }
  let running: RunningSandbox
  try {
    running = await startSandbox(options)
  } catch (error) {
    io.err(`kayako sandbox: cannot listen on 127.0.0.1:${String(options.port)}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
  if (options.json) {
    const { url, apiKey, secretKey, port, v1 } = running
    io.out(JSON.stringify({ classic: { url, apiKey, secretKey }, v1: v1 ?? null, port }))
  } else {
    for (const line of await describe(running)) io.out(line)
  }
  if (!io.signal.aborted) await new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true }))
  await running.close()
  return 0
}
