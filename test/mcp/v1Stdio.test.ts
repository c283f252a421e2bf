// `kayako mcp` with v1 credentials only, as a host runs it: a child process over stdio driven by the SDK's own client,
// against the v1 sandbox served over HTTP. Every v1 read tool is called once, its structured content checked against
// its own output schema (strictly: no key it does not declare) and against the sandbox as the library reads it over
// the same HTTP; a list is paged with its cursor, a bad id is a typed tool error, and no answer holds the password.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { resolve } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { seen } from './reads'
import { exerciseV1Reads, V1_READ_TOOLS } from './v1Reads'

const ROOT = resolve(import.meta.dirname, '../..')

let sandbox: RunningSandbox
let client: Client
let password = ''

test.before(async () => {
  sandbox = await startSandbox()
  const side = sandbox.v1
  if (side === undefined) throw new Error('startSandbox serves no v1 API')
  password = side.password
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'src/cli/kayako.ts', 'mcp'],
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KAYAKO_V1_URL: side.url, KAYAKO_EMAIL: side.username, KAYAKO_PASSWORD: side.password },
    stderr: 'pipe'
  })
  client = new Client({ name: 'kayako-fp-v1-test', version: '1.0.0' })
  await client.connect(transport)
})

test.after(async () => {
  await client.close()
  await sandbox.close()
})

test('stdio, v1 only: the ten v1 read tools are listed (no Classic tool, no write); each answers as the sandbox holds, v1_list_cases pages to its end, a bad id is a NotFound tool error', async () => {
  const { tools } = await client.listTools()
  assert.equal(tools.map((t) => t.name).sort(), [...V1_READ_TOOLS].sort())
  assert.is(V1_READ_TOOLS.length, 10)
  await exerciseV1Reads(client, sandbox)
})

test('stdio, v1: no answer holds the password', () => {
  assert.ok(seen.length > 10)
  for (const answer of seen) assert.not.ok(answer.includes(password), 'an answer holds the password')
})

test.run()
