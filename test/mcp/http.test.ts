// `kayako mcp --http` in this process: Streamable HTTP on 127.0.0.1 behind the bearer token it prints, driven by the
// SDK's own client against one sandbox serving both APIs: every Classic and v1 read tool checked; reads only by
// default; the command's refusals (no SDK, no or partial credentials).
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { main, type CommandIo } from '../../src/cli/main'
import { MISSING_SDK, serve } from '../../src/cli/mcp'
import { V1_TOOLS } from '../../src/mcp/v1'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { until } from '../support/timers'
import { call, exerciseReads, READ_TOOLS, seen } from './reads'
import { exerciseV1Reads } from './v1Reads'

const io = () => {
  const out: Array<string> = []
  const err: Array<string> = []
  const stop = new AbortController()
  const value: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l), signal: stop.signal }
  return { out, err, io: value, stop }
}

/** Starts `kayako mcp --http` and waits for the URL and token it prints on stderr. */
const startHttp = async (args: ReadonlyArray<string>, env: Record<string, string>) => {
  const cli = io()
  const done = serve(['--http', ...args], cli.io, env)
  await until(() => cli.err.some((l) => l.includes('token ')), 60_000, 25)
  const url = /Streamable HTTP on (\S+)/.exec(cli.err.join('\n'))?.[1]
  const token = /token (\S+)/.exec(cli.err.join('\n'))?.[1]
  assert.ok(url !== undefined && token !== undefined, cli.err.join('\n'))
  return { url, token, err: cli.err, stop: async () => (cli.stop.abort(), done) }
}

/**
 * Kept-alive connections, as MCP clients use them: the server keeps an idle one 120 s (src/cli/mcp.ts), and fetch
 * closes it 2 s before. (With Node's 5 s default a client blocked longer on a loaded machine sent its next request on a
 * connection the server was closing and got ECONNRESET, "fetch failed", seen once in the full suite at load ≈ 12.)
 */
const connect = async (url: string, token: string): Promise<Client> => {
  const client = new Client({ name: 'kayako-fp-test', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }))
  return client
}

let sandbox: RunningSandbox
test.before(async () => {
  sandbox = await startSandbox()
})
test.after(async () => {
  await sandbox.close()
})

const envOf = (s: RunningSandbox): Record<string, string> => ({
  KAYAKO_URL: s.url,
  KAYAKO_API_KEY: s.apiKey,
  KAYAKO_SECRET_KEY: s.secretKey,
  KAYAKO_V1_URL: s.v1?.url ?? '',
  KAYAKO_EMAIL: s.v1?.username ?? '',
  KAYAKO_PASSWORD: s.v1?.password ?? ''
})

test('--http: requests without the token, with another token or elsewhere are refused; the token is not a credential', async () => {
  const http = await startHttp([], envOf(sandbox))
  try {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } }
    }
    const post = (headers: Record<string, string>, url = http.url) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
        body: JSON.stringify(initialize)
      })
    const anonymous = await post({})
    assert.is(anonymous.status, 401)
    assert.is(anonymous.headers.get('keep-alive'), 'timeout=120', "idle connections are the client's to close (Node's default: timeout=5)")
    assert.is((await post({ authorization: `Bearer ${http.token.slice(0, -1)}x` })).status, 401)
    assert.is((await post({ authorization: http.token })).status, 401)
    assert.is((await post({ authorization: `Bearer ${http.token}` }, http.url.replace('/mcp', '/other'))).status, 404)
    assert.is((await post({ authorization: `Bearer ${http.token}` })).status, 200)
    const client = new Client({ name: 't', version: '1' })
    let refused = false
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url))).catch(() => (refused = true))
    assert.ok(refused, 'the SDK client without the token cannot connect')
    assert.match(http.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/)
  } finally {
    assert.is(await http.stop(), 0)
  }
})

test('--http, reads only, both APIs: the read tools of both, no write tool; every Classic and every v1 read tool checked, lists paged with their cursors, bad ids typed errors; no answer holds a credential', async () => {
  const http = await startHttp([], envOf(sandbox))
  const client = await connect(http.url, http.token)
  const before = seen.length
  try {
    const { tools } = await client.listTools()
    const expected = [...READ_TOOLS, ...V1_TOOLS.filter((t) => t.access === 'read').map((t) => t.name)]
    assert.equal(tools.map((t) => t.name).sort(), expected.sort())
    await exerciseReads(client, sandbox)
    await exerciseV1Reads(client, sandbox)
    const answers = [...seen.slice(before), ...http.err].join('\n')
    const credentials = [sandbox.apiKey, sandbox.secretKey, sandbox.v1?.password ?? '', sandbox.sandbox.v1?.bearerToken ?? '']
    for (const credential of credentials)
      assert.ok(credential.length > 8 && !answers.includes(credential), `a credential in an answer (${String(credential.length)} chars)`)
    const templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)
    assert.equal(templates.sort(), ['kayako://classic/ticket/{id}', 'kayako://v1/case/{id}', 'kayako://v1/view/{id}'])
    assert.equal((await client.listPrompts()).prompts.map((p) => p.name).sort(), ['draft_reply', 'summarize_ticket', 'triage_view'])
    const prompt = await client.getPrompt({ name: 'draft_reply', arguments: { id: '1', api: 'classic' } })
    assert.match(JSON.stringify(prompt), /Only draft: this server cannot send replies/)
    const unknown = await client.readResource({ uri: 'kayako://classic/ticket/999999' })
    assert.match(JSON.stringify(unknown.contents), /NotFound/)
    assert.ok(http.err.some((l) => /reads only/.test(l)))
  } finally {
    await client.close()
    await http.stop()
  }
})

test('sentinel: a wrong Classic secret is an error that names no credential, over HTTP and on stderr', async () => {
  const SECRET = 'SENTINEL-wrong-secret-71d2e'
  const PASSWORD = 'SENTINEL-v1-password-0c8a'
  const http = await startHttp([], { ...envOf(sandbox), KAYAKO_SECRET_KEY: SECRET, KAYAKO_PASSWORD: PASSWORD })
  const client = await connect(http.url, http.token)
  try {
    const result = await call(client, 'classic_list_departments')
    assert.ok(result.isError)
    const error = JSON.parse((result.content[0] as { text: string }).text) as { error: { kind: string; hint: string } }
    assert.is(error.error.kind, 'ApiError')
    assert.match(error.error.hint, /credentials/)
    await call(client, 'classic_search_users', { query: `${SECRET} ${PASSWORD}` })
    const everything = [...seen, ...http.err].join('\n')
    for (const secret of [SECRET, PASSWORD]) assert.not.ok(everything.includes(secret), `${secret} leaked`)
  } finally {
    await client.close()
    await http.stop()
  }
})

test('--http --sandbox: a fresh sandbox behind the server, no credentials needed', async () => {
  const http = await startHttp(['--sandbox'], {})
  const client = await connect(http.url, http.token)
  try {
    const result = await call(client, 'classic_get_ticket', { ticketId: 1 })
    assert.not.ok(result.isError)
    assert.match(JSON.stringify(result.structuredContent), /Printer on floor 3/)
    assert.ok(http.err.some((l) => l.includes('(sandbox)')))
  } finally {
    await client.close()
    await http.stop()
  }
})

test('rate limited past what the retry policy waits: a RateLimited tool error with the wait the helpdesk asked for', async () => {
  const limited = await startSandbox({ faults: { script: { 'GET /Base/Department': ['429'] }, retryAfterSeconds: 120 } })
  const http = await startHttp([], envOf(limited))
  const client = await connect(http.url, http.token)
  try {
    const result = await call(client, 'classic_list_departments')
    assert.ok(result.isError)
    const { error } = JSON.parse((result.content[0] as { text: string }).text) as { error: { kind: string; retryAfterSeconds?: number } }
    assert.is(error.kind, 'RateLimited')
    assert.ok(error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 100 && error.retryAfterSeconds <= 120, String(error.retryAfterSeconds))
    assert.not.ok((await call(client, 'classic_list_departments')).isError, 'the next call goes through')
  } finally {
    await client.close()
    await http.stop()
    await limited.close()
  }
})

test('kayako mcp: listed by kayako --help; without the SDK it says what to install (1); no or partial credentials are usage errors that echo no value', async () => {
  const help = io()
  assert.is(await main(['--help'], help.io), 0)
  assert.match(help.out.join('\n'), /^ {2}mcp +serve Kayako to AI assistants/m)
  const own = io()
  assert.is(await serve(['--help'], own.io, {}), 0)
  assert.match(own.out.join('\n'), /KAYAKO_API_KEY[\s\S]*--allow-writes/)

  const missing = io()
  const noSdk = () => Promise.reject(Object.assign(new Error("Cannot find package '@modelcontextprotocol/sdk'"), { code: 'ERR_MODULE_NOT_FOUND' }))
  assert.is(await serve(['--sandbox'], missing.io, {}, noSdk), 1)
  assert.equal(missing.err, [MISSING_SDK])
  assert.match(MISSING_SDK, /npm install @modelcontextprotocol\/sdk zod/)

  const none = io()
  assert.is(await serve([], none.io, {}), 2)
  assert.match(none.err.join('\n'), /no credentials: set KAYAKO_URL, KAYAKO_API_KEY and KAYAKO_SECRET_KEY/)
  const partial = io()
  assert.is(await serve([], partial.io, { KAYAKO_URL: sandbox.url, KAYAKO_API_KEY: 'SENTINEL-key-only-4471' }), 2)
  assert.match(partial.err.join('\n'), /Classic needs KAYAKO_SECRET_KEY too/)
  assert.not.match(partial.err.join('\n'), /SENTINEL/)
  const v1Half = io()
  assert.is(await serve([], v1Half.io, { KAYAKO_V1_URL: 'https://x.example', KAYAKO_EMAIL: 'a@b.example' }), 2)
  assert.match(v1Half.err.join('\n'), /v1 needs KAYAKO_EMAIL and KAYAKO_PASSWORD/)
})

test.run()
