/**
 * `kayako mcp`: the MCP server of `kayako-fp/mcp` for AI assistants, over stdio (the default: the host starts it) or
 * Streamable HTTP on 127.0.0.1 (`--http`) behind a random bearer token printed on stderr. Credentials come from the
 * environment (or flags) and are never printed. The SDK is an optional peer dependency, loaded only here.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { classic, type ClassicExecutor } from '../classic/internal/executor'
import { redactUrl } from '../core/error'
import type { Transport } from '../core/http'
import { isIdempotent, retryAfterMs, withRetry } from '../core/policy'
import { defaultTransport } from '../core/runtime'
import type { McpServerOptions } from '../mcp/server'
import type { Auth } from '../v1/internal/auth'
import { v1, type V1Executor } from '../v1/internal/executor'
import { USAGE, type CommandIo } from './main'

const OPTIONS = {
  http: { type: 'boolean' },
  port: { type: 'string', short: 'p' },
  'allow-writes': { type: 'boolean' },
  sandbox: { type: 'boolean' },
  url: { type: 'string' },
  'api-key': { type: 'string' },
  'secret-key': { type: 'string' },
  'v1-url': { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  'session-id': { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const

export const HELP = [
  'Usage: kayako mcp [options]',
  '',
  'Serves the Kayako tools, resources and prompts of kayako-fp/mcp to an AI assistant (Model Context Protocol):',
  'over stdio by default (the assistant starts the command), or over Streamable HTTP on 127.0.0.1 with --http.',
  'Reads only, unless --allow-writes; replies and new tickets/cases also need confirm: true from the assistant.',
  '',
  'Credentials (environment variables; the flags of the same name override them, but show in process lists):',
  '  Classic:  KAYAKO_URL, KAYAKO_API_KEY, KAYAKO_SECRET_KEY            (--url, --api-key, --secret-key)',
  '  v1:       KAYAKO_V1_URL with KAYAKO_EMAIL and KAYAKO_PASSWORD,       (--v1-url, --email, --password,',
  '            or KAYAKO_SESSION_ID, or KAYAKO_TOKEN (OAuth/JWT bearer)    --session-id, --token)',
  '  One API or both; tools exist for the APIs configured.',
  '',
  'Options:',
  '      --http               serve Streamable HTTP on 127.0.0.1 (POST /mcp) instead of stdio; the bearer token',
  '                           it requires is printed on stderr',
  '  -p, --port <n>           the --http port (default 0: a free port)',
  '      --allow-writes       register the write tools (create, reply, note, update; nothing deletes)',
  '      --sandbox            serve against a fresh in-memory sandbox Kayako (both APIs) instead of credentials',
  '  -h, --help               show this help',
  '',
  'Needs the optional peer dependencies: npm install @modelcontextprotocol/sdk zod'
].join('\n')

/** What `kayako mcp` prints when the SDK is not installed. */
export const MISSING_SDK =
  'kayako mcp: the MCP SDK is not installed. kayako-fp keeps it an optional peer dependency; install it next to kayako-fp:\n' +
  '  npm install @modelcontextprotocol/sdk zod'

type Env = Readonly<Record<string, string | undefined>>

/** The executors and switches the arguments and environment ask for; throws a usage message on a wrong argument. */
export interface Setup {
  readonly http: boolean
  readonly port: number
  readonly writes: boolean
  readonly sandbox: boolean
  readonly help: boolean
  readonly classic?: { readonly url: string; readonly apiKey: string; readonly secretKey: string }
  readonly v1?: { readonly url: string; readonly auth: Auth }
}

const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value)

export const setupOf = (args: ReadonlyArray<string>, env: Env): Setup => {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: false, strict: true })
  const portText = values.port ?? '0'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${portText}'`)
  const pick = (flag: keyof typeof OPTIONS, name: string): string | undefined => given(values[flag] as string | undefined) ?? given(env[name])
  const classicParts = { url: pick('url', 'KAYAKO_URL'), apiKey: pick('api-key', 'KAYAKO_API_KEY'), secretKey: pick('secret-key', 'KAYAKO_SECRET_KEY') }
  const classicNames = { url: 'KAYAKO_URL', apiKey: 'KAYAKO_API_KEY', secretKey: 'KAYAKO_SECRET_KEY' }
  const missing = (Object.keys(classicParts) as Array<keyof typeof classicParts>).filter((k) => classicParts[k] === undefined)
  if (missing.length > 0 && missing.length < 3) throw new Error(`Classic needs ${missing.map((k) => classicNames[k]).join(' and ')} too`)
  const v1Url = pick('v1-url', 'KAYAKO_V1_URL')
  const email = pick('email', 'KAYAKO_EMAIL')
  const password = pick('password', 'KAYAKO_PASSWORD')
  const sessionId = pick('session-id', 'KAYAKO_SESSION_ID')
  const token = pick('token', 'KAYAKO_TOKEN')
  const auth: Auth | undefined =
    token !== undefined
      ? { bearer: token }
      : sessionId !== undefined
        ? { sessionId }
        : email !== undefined && password !== undefined
          ? { username: email, password }
          : undefined
  if (v1Url !== undefined && auth === undefined) throw new Error('v1 needs KAYAKO_EMAIL and KAYAKO_PASSWORD, or KAYAKO_SESSION_ID, or KAYAKO_TOKEN')
  if (v1Url === undefined && auth !== undefined) throw new Error('v1 credentials were given without KAYAKO_V1_URL')
  const { url, apiKey, secretKey } = classicParts
  return {
    http: values.http === true,
    port,
    writes: values['allow-writes'] === true,
    sandbox: values.sandbox === true,
    help: values.help === true,
    ...(url === undefined || apiKey === undefined || secretKey === undefined ? {} : { classic: { url, apiKey, secretKey } }),
    ...(v1Url === undefined || auth === undefined ? {} : { v1: { url: v1Url, auth } })
  }
}

/** Every credential of a setup: the server scrubs them from anything it answers, as a last line. */
const secretsOf = (setup: Setup): ReadonlyArray<string> => {
  const auth = setup.v1?.auth
  const v1Secrets =
    auth === undefined ? [] : 'bearer' in auth ? [auth.bearer] : 'sessionId' in auth ? [auth.sessionId] : 'password' in auth ? [auth.password] : []
  return [...(setup.classic === undefined ? [] : [setup.classic.apiKey, setup.classic.secretKey]), ...v1Secrets]
}

/**
 * The transport of both executors: the library's retry policy, which waits out 429s (`Retry-After` up to 60 s) and
 * transient failures. The two searches are POSTs that change nothing, so they are retried too; writes are not.
 */
const READ_POSTS: ReadonlyArray<string> = ['Ticket.search', 'User.search']

/**
 * The transport, and how long the helpdesk last asked to wait (`Retry-After` of a 429, still running): what a
 * `RateLimited` tool error tells the assistant once the retry policy gave up (a wait longer than it honours, or too
 * many 429s in a row).
 */
const transport = (): { readonly send: Transport; readonly retryAfter: () => number | undefined } => {
  let until = 0
  const watching: Transport = (request) => async () => {
    const sent = await defaultTransport(request)()
    if (sent._tag === 'Right' && sent.right.status === 429) {
      const wait = retryAfterMs(sent.right.headers['retry-after'], Date.now())
      if (wait !== undefined) until = Date.now() + wait
    }
    return sent
  }
  const send = withRetry({ maxAttempts: 4, retryable: (request) => isIdempotent(request) || READ_POSTS.includes(request.operation ?? '') })(watching)
  return { send, retryAfter: () => (until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : undefined) }
}

/** The server's options from a setup: its executors, writes, and the secrets to scrub. */
export const serverOptions = (setup: Setup): McpServerOptions => {
  const { send, retryAfter } = transport()
  const classicRun: ClassicExecutor | undefined = setup.classic === undefined ? undefined : classic({ ...setup.classic, transport: send })
  const v1Run: V1Executor | undefined = setup.v1 === undefined ? undefined : v1({ url: setup.v1.url, auth: setup.v1.auth, transport: send })
  return {
    ...(classicRun === undefined ? {} : { classic: classicRun }),
    ...(v1Run === undefined ? {} : { v1: v1Run }),
    writes: setup.writes,
    secrets: secretsOf(setup),
    retryAfter
  }
}

type ServerModule = typeof import('../mcp/server')
type Loaded = {
  readonly server: ServerModule
  readonly stdio: typeof import('@modelcontextprotocol/sdk/server/stdio.js')
  readonly http: typeof import('@modelcontextprotocol/sdk/server/streamableHttp.js')
}

const loadSdk = async (): Promise<Loaded> => {
  const [server, stdio, http] = await Promise.all([
    import('../mcp/server'),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
    import('@modelcontextprotocol/sdk/server/streamableHttp.js')
  ])
  return { server, stdio, http }
}

const isMissingModule = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
}

const sameToken = (header: string | undefined, token: string): boolean => {
  const expected = Buffer.from(`Bearer ${token}`)
  const got = Buffer.from(header ?? '')
  return got.length === expected.length && timingSafeEqual(got, expected)
}

const refuse = (res: import('node:http').ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }))
}

/** The running HTTP server of `--http`: where it listens and its token. */
export interface HttpServing {
  readonly url: string
  readonly token: string
  readonly close: () => Promise<void>
}

/** Serves Streamable HTTP (stateless: a server per request, the executors shared) on 127.0.0.1, behind a bearer token. */
const serveHttp = async (loaded: Loaded, options: McpServerOptions, port: number): Promise<HttpServing> => {
  const token = randomBytes(32).toString('base64url')
  const http: Server = createServer((req: IncomingMessage, res) => {
    if ((req.url ?? '').split('?')[0] !== '/mcp') return refuse(res, 404, 'Not found: the MCP endpoint is /mcp')
    if (!sameToken(req.headers.authorization, token))
      return refuse(res, 401, 'Unauthorized: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' })
    const server = loaded.server.createMcpServer(options)
    const transport = new loaded.http.StreamableHTTPServerTransport({ sessionIdGenerator: undefined })
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) refuse(res, 500, 'Internal error')
      })
  })
  // Idle connections are left to the client to close, as the sandbox's server does (src/sandbox/server.ts says why):
  // MCP clients keep them (the TypeScript SDK's fetch; the Python SDK's httpx 5 s, which races Node's 5 s default).
  http.keepAliveTimeout = 120_000
  http.headersTimeout = 121_000
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: bound } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}/mcp`,
    token,
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      })
  }
}

const describeApis = (setup: Setup): string =>
  [
    ...(setup.classic === undefined ? [] : [`Classic at ${redactUrl(setup.classic.url)}`]),
    ...(setup.v1 === undefined ? [] : [`v1 at ${redactUrl(setup.v1.url)}`])
  ].join(' and ')

/**
 * Runs the command with the given environment; `load` brings the SDK (replaced in tests). Returns when `io.signal`
 * aborts, or, over stdio, when the host closes stdin.
 */
export const serve = async (args: ReadonlyArray<string>, io: CommandIo, env: Env, load: () => Promise<Loaded> = loadSdk): Promise<number> => {
  let setup: Setup
  try {
    setup = setupOf(args, env)
  } catch (error) {
    io.err(`kayako mcp: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    return USAGE
  }
  if (setup.help) {
    io.out(HELP)
    return 0
  }
  let loaded: Loaded
  try {
    loaded = await load()
  } catch (error) {
    if (!isMissingModule(error)) throw error
    io.err(MISSING_SDK)
    return 1
  }
  let closeSandbox = async (): Promise<void> => {}
  if (setup.sandbox) {
    const { startSandbox } = await import('../sandbox/server')
    const sandbox = await startSandbox({ port: 0 })
    closeSandbox = sandbox.close
    const v1Part = sandbox.v1 === undefined ? {} : { v1: { url: sandbox.v1.url, auth: { username: sandbox.v1.username, password: sandbox.v1.password } } }
    setup = { ...setup, classic: { url: sandbox.url, apiKey: sandbox.apiKey, secretKey: sandbox.secretKey }, ...v1Part }
  }
  if (setup.classic === undefined && setup.v1 === undefined) {
    io.err(
      `kayako mcp: no credentials: set KAYAKO_URL, KAYAKO_API_KEY and KAYAKO_SECRET_KEY (Classic) and/or KAYAKO_V1_URL with a login (v1), or try --sandbox\n\n${HELP}`
    )
    return USAGE
  }
  const options = serverOptions(setup)
  const mode = setup.writes ? 'reads and writes (customer-visible ones need confirm: true)' : 'reads only'
  const stopped = new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve()
    else io.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  if (setup.http) {
    let serving: HttpServing
    try {
      serving = await serveHttp(loaded, options, setup.port)
    } catch (error) {
      io.err(`kayako mcp: cannot listen on 127.0.0.1:${setup.port}: ${error instanceof Error ? error.message : String(error)}`)
      await closeSandbox()
      return 1
    }
    io.err(`kayako mcp: ${describeApis(setup)}${setup.sandbox ? ' (sandbox)' : ''}; ${mode}`)
    io.err(`kayako mcp: Streamable HTTP on ${serving.url}`)
    io.err(`kayako mcp: token ${serving.token}  (send Authorization: Bearer <token>; requests without it get 401)`)
    await stopped
    await serving.close()
  } else {
    // stdout carries the protocol: everything else goes to stderr.
    const server = loaded.server.createMcpServer(options)
    const transport = new loaded.stdio.StdioServerTransport()
    const closed = new Promise<void>((resolve) => {
      process.stdin.once('end', resolve)
      process.stdin.once('close', resolve)
    })
    await server.connect(transport)
    io.err(`kayako mcp: ${describeApis(setup)}${setup.sandbox ? ' (sandbox)' : ''}; ${mode}; serving on stdio`)
    await Promise.race([stopped, closed])
    await server.close()
  }
  await closeSandbox()
  return 0
}

export const run = (args: ReadonlyArray<string>, io: CommandIo): Promise<number> => serve(args, io, process.env)
