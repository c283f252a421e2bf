// The client inside an edge runtime (@edge-runtime/vm: Web APIs only — fetch, WebCrypto, TextEncoder; no require,
// no process, no Buffer): bundled for --platform=neutral, it signs with WebCrypto and decodes, through a canned
// transport and through the runtime's own fetch to a server on 127.0.0.1.
import { EdgeVM } from '@edge-runtime/vm'
import * as esbuild from 'esbuild'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT } from '../tooling/entries.mjs'

const ENTRY = `
import { classic } from './src/classic/internal/executor'
import * as Department from './src/classic/Department'
import { v1 } from './src/v1/internal/executor'
import * as Case from './src/v1/Case'
import { createV1Sandbox } from './src/sandbox/v1/handler'
import { sandboxTransport, DEFAULT_API_KEY, DEFAULT_SECRET_KEY } from './src/sandbox/handler'

const XML = '<?xml version="1.0" encoding="UTF-8"?><departments><department><id>7</id><title><![CDATA[Zoë & Co]]></title><type>private</type><app>livechat</app></department></departments>'

/** A Classic call through a canned transport; the answer is serialised so nothing crosses the realm boundary as an object. */
export const cannedCall = async () => {
  const sent = []
  const transport = (request) => async () => {
    sent.push(request.url)
    return { _tag: 'Right', right: { status: 200, headers: {}, body: XML } }
  }
  const fixedSalt = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'key', secretKey: 'secret', salt: () => 'salt', transport })
  const randomSalt = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'key', secretKey: 'secret', transport })
  const found = await fixedSalt(Department.get(7))()
  const again = await randomSalt(Department.get(7))()
  const missing = await fixedSalt(Department.delete(-1))()
  return JSON.stringify({ sent, found, again: again._tag, missing })
}

/** Classic calls against the Classic sandbox mounted as a transport: it checks every signature, as Kayako does. */
export const sandboxCalls = async () => {
  const transport = sandboxTransport()
  const url = 'https://help.example.com/api/index.php'
  const run = classic({ url, apiKey: DEFAULT_API_KEY, secretKey: DEFAULT_SECRET_KEY, transport })
  const created = await run(Department.post({ title: 'Edge desk', type: 'public', app: 'tickets' }))()
  const found = created._tag === 'Right' ? await run(Department.get(created.right.id))() : created
  const all = await run(Department.all())()
  const badKey = await classic({ url, apiKey: DEFAULT_API_KEY, secretKey: 'not-the-secret-key', transport })(Department.all())()
  return JSON.stringify({ created, found, count: all._tag === 'Right' ? all.right.length : all, badKey })
}

/** v1 calls (Basic login, then the session) against the v1 sandbox mounted as a transport, inside the runtime. */
export const v1Calls = async () => {
  const sandbox = createV1Sandbox()
  const sent = []
  const transport = (request) => async () => {
    sent.push({ method: request.method, url: request.url, authorization: request.headers.authorization, session: request.headers['x-session-id'] })
    return { _tag: 'Right', right: await sandbox.handle(request) }
  }
  const run = v1({ url: 'https://brewfictus.kayako.com', auth: sandbox.credentials, transport })
  const first = await run(Case.get(1))()
  const page = await run(Case.all())()
  return JSON.stringify({ sent, first: first._tag === 'Right' ? { id: first.right.id, subject: first.right.subject } : first, count: page._tag === 'Right' ? page.right.items.length : page })
}

/** A Classic call through the runtime's global fetch (the default transport). */
export const fetchCall = async (url) => {
  const run = classic({ url, apiKey: 'key', secretKey: 'secret', salt: () => 'salt' })
  return JSON.stringify(await run(Department.get(7))())
}
`

let vm: EdgeVM
let server: Server
let base = ''
const seen: Array<string> = []

const edge = suite('edge runtime')

edge.before(async () => {
  const bundle = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'kayako',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['module'],
    target: 'es2020',
    write: false,
    logLevel: 'silent'
  })
  vm = new EdgeVM()
  vm.evaluate(bundle.outputFiles[0]?.text ?? '')
  server = createServer((req, res) => {
    seen.push(req.url ?? '')
    res.setHeader('content-type', 'text/xml')
    res.end('<?xml version="1.0" encoding="UTF-8"?><departments><department><id>7</id><title>Ops</title></department></departments>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

edge.after(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

// The other runtime's answer is JSON: the tests probe it as such.
const call = async (expression: string) => JSON.parse(await vm.evaluate<Promise<string>>(expression))

edge('the runtime offers Web APIs only', async () => {
  const globals = 'JSON.stringify({ require: typeof require, process: typeof process, Buffer: typeof Buffer, subtle: typeof crypto.subtle.sign })'
  assert.equal(JSON.parse(vm.evaluate<string>(globals)), { require: 'undefined', process: 'undefined', Buffer: 'undefined', subtle: 'function' })
})

edge('a Classic call signs with WebCrypto and decodes', async () => {
  const { sent, found, again, missing } = await call('kayako.cannedCall()')
  assert.is(
    sent[0],
    'https://help.example.com/api/index.php?e=/Base/Department/7&apikey=key&salt=salt&signature=hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D'
  )
  assert.match(sent[1], /&salt=[A-Za-z0-9]{32}&signature=[A-Za-z0-9%]+$/)
  assert.equal(found, {
    _tag: 'Right',
    right: {
      _tag: 'Some',
      value: {
        id: 7,
        title: 'Zoë & Co',
        type: 'private',
        app: 'livechat',
        displayOrder: 0,
        parentDepartmentId: 0,
        userVisibilityCustom: false,
        userGroupIds: [],
        extra: {}
      }
    }
  })
  assert.is(again, 'Right')
  assert.is(missing._tag, 'Left')
  assert.is(missing.left._tag, 'ValidationError')
  assert.is(sent.length, 2)
})

edge('Classic calls against the Classic sandbox: signatures checked, a department created and read back', async () => {
  const { created, found, count, badKey } = await call('kayako.sandboxCalls()')
  assert.is(created._tag, 'Right', JSON.stringify(created))
  assert.is(created.right.title, 'Edge desk')
  assert.equal(found.right, { _tag: 'Some', value: created.right })
  assert.ok(count >= 1)
  assert.is(badKey._tag, 'Left')
  assert.is(badKey.left._tag, 'ApiError')
  assert.equal(badKey.left.messages, ['FAILED TO AUTHENTICATE'])
})

edge('v1 calls log in with Basic, keep the session and decode, against the v1 sandbox', async () => {
  const { sent, first, count } = await call('kayako.v1Calls()')
  assert.is(first.id, 1)
  assert.type(first.subject, 'string')
  assert.ok(count > 0, JSON.stringify(count))
  assert.is(sent[0].url, 'https://brewfictus.kayako.com/api/v1/session')
  assert.match(sent[0].authorization, /^Basic /)
  assert.match(sent[1].url, /^https:\/\/brewfictus\.kayako\.com\/api\/v1\/cases\/1\b/)
  assert.is(sent[1].authorization, undefined)
  assert.ok(sent[1].session.length > 0)
  assert.is(sent[2].session, sent[1].session)
})

edge("a Classic call through the runtime's own fetch to 127.0.0.1", async () => {
  const result = await call(`kayako.fetchCall(${JSON.stringify(`${base}/api/index.php`)})`)
  assert.is(result.right.value.title, 'Ops')
  assert.is(seen[0], '/api/index.php?e=/Base/Department/7&apikey=key&salt=salt&signature=hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D')
})

edge.run()
