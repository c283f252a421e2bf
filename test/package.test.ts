// The built package: exports map in step with the source tree, and every public module loads with require and import.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { exportsMap, publicEntries, ROOT } from './tooling/entries.mjs'

const pkg = suite('package')
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

pkg.before(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' })
})

pkg('the exports map lists every public module (run `npm run exports:write` after adding one)', () => {
  assert.equal(manifest.exports, exportsMap())
  assert.is(manifest.sideEffects, false)
})

const node = (args: ReadonlyArray<string>) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' })

pkg('every subpath loads with require and with import (Node resolves the package by its own name)', () => {
  const names = Object.keys(publicEntries()).map((s) => (s === '.' ? 'kayako-fp' : `kayako-fp/${s.slice(2)}`))
  const cjs = node([
    '-e',
    `for (const n of ${JSON.stringify(names)}) { const m = require(n); if (Object.keys(m).length === 0) throw new Error(n + ' is empty') }`
  ])
  assert.is(cjs.status, 0, cjs.stderr)
  const esm = node([
    '--input-type=module',
    '-e',
    `for (const n of ${JSON.stringify(names)}) { const m = await import(n); if (Object.keys(m).length === 0) throw new Error(n + ' is empty') }`
  ])
  assert.is(esm.status, 0, esm.stderr)
})

pkg('the built client signs and decodes like the source', () => {
  const script = `
    const { classic, Department } = require('kayako-fp/classic')
    const body = '<?xml version="1.0"?><departments><department><id>4</id><title><![CDATA[Ops]]></title></department></departments>'
    let url
    const transport = (r) => async () => { url = r.url; return { _tag: 'Right', right: { status: 200, headers: {}, body } } }
    classic({ url: 'http://h/api/index.php', apiKey: 'k', secretKey: 'secret', salt: () => 'salt', transport })(Department.get(4))()
      .then((r) => console.log(JSON.stringify([url, r.right.value.title])))`
  const out = node(['-e', script])
  assert.is(out.status, 0, out.stderr)
  assert.equal(JSON.parse(out.stdout), [
    'http://h/api/index.php?e=/Base/Department/4&apikey=k&salt=salt&signature=hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D',
    'Ops'
  ])
})

pkg('on Node the built executors send with node:http and sign with node:crypto without being told; a transport given wins', () => {
  const script = `
    const http = require('node:http')
    const { classic, Department } = require('kayako-fp/classic')
    const { v1, Team } = require('kayako-fp/v1')
    // WebCrypto out of order: the default signer on Node must not need it
    globalThis.crypto.subtle.sign = () => Promise.reject(new Error('WebCrypto used'))
    const seen = []
    const server = http.createServer((req, res) => {
      seen.push(req.headers['sec-fetch-mode'] ?? 'node:http')
      if (req.url.startsWith('/api/v1')) {
        res.setHeader('content-type', 'application/json')
        return res.end(JSON.stringify({ status: 200, data: { id: 3, title: 'Ops', resource_type: 'team' }, resource: 'team' }))
      }
      res.setHeader('content-type', 'text/xml')
      res.end('<?xml version="1.0" encoding="UTF-8"?><departments><department><id>4</id><title>Ops</title></department></departments>')
    })
    server.listen(0, '127.0.0.1', async () => {
      const url = 'http://127.0.0.1:' + server.address().port
      const keys = { apiKey: 'k', secretKey: 'secret' }
      const a = await classic({ url: url + '/api/index.php', ...keys })(Department.get(4))()
      const b = await v1({ url, auth: { sessionId: 's' } })(Team.get(3))()
      const c = await classic({ url: url + '/api/index.php', ...keys, transport: require('kayako-fp/core').fetchTransport })(Department.get(4))()
      const d = await classic({ url: url + '/api/index.php', ...keys, signer: require('kayako-fp/classic').webCryptoSigner })(Department.get(4))()
      const loaded = Object.keys(require.cache).filter((k) => k.endsWith('runtime.node.cjs')).map((k) => k.slice(k.indexOf('dist')))
      console.log(JSON.stringify({ results: [a, b, c, d].map((r) => r._tag === 'Right' ? r._tag : r.left._tag), seen, loaded }))
      server.close()
    })`
  const out = node(['-e', script])
  assert.is(out.status, 0, out.stderr)
  assert.equal(JSON.parse(out.stdout), {
    // the default signer and transport, v1's default transport, a transport given, a signer given (WebCrypto: fails)
    results: ['Right', 'Right', 'Right', 'ValidationError'],
    // undici's fetch sends `sec-fetch-mode: cors`; node:http sends nothing of the kind
    seen: ['node:http', 'node:http', 'cors'],
    loaded: ['dist/cjs/core/runtime.node.cjs']
  })
})

pkg("on Node the built executors' deadline is kept by the default transport: no AbortController per request, a late answer named", () => {
  const script = `
    const http = require('node:http')
    let controllers = 0
    const Real = globalThis.AbortController
    globalThis.AbortController = class extends Real { constructor() { super(); controllers++ } }
    const { classic, Department } = require('kayako-fp/classic')
    const { v1, Team } = require('kayako-fp/v1')
    let silent = false
    const server = http.createServer((req, res) => {
      if (silent) return
      if (req.url.startsWith('/api/v1')) {
        res.setHeader('content-type', 'application/json')
        return res.end(JSON.stringify({ status: 200, data: { id: 3, title: 'Ops', resource_type: 'team' }, resource: 'team' }))
      }
      res.end('<?xml version="1.0" encoding="UTF-8"?><departments><department><id>4</id><title>Ops</title></department></departments>')
    })
    server.listen(0, '127.0.0.1', async () => {
      const url = 'http://127.0.0.1:' + server.address().port
      const keys = { apiKey: 'k', secretKey: 'secret' }
      const run = classic({ url: url + '/api/index.php', ...keys })
      const tags = []
      for (let i = 0; i < 3; i++) tags.push((await run(Department.get(4))())._tag)
      tags.push((await v1({ url, auth: { sessionId: 's' } })(Team.get(3))())._tag)
      silent = true
      const late = await classic({ url: url + '/api/index.php', ...keys, deadlineMs: 150 })(Department.get(4))()
      console.log(JSON.stringify({ tags, controllers, late: [late.left._tag, late.left.cause, late.left.phase] }))
      server.closeAllConnections()
      server.close()
    })`
  const out = node(['-e', script])
  assert.is(out.status, 0, out.stderr)
  assert.equal(JSON.parse(out.stdout), {
    tags: ['Right', 'Right', 'Right', 'Right'],
    controllers: 0,
    late: ['TransportError', 'timed out after 150 ms, in the headers phase', 'headers']
  })
})

pkg.run()
