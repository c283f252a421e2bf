import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { v1SandboxTransport } from '../../../src/sandbox/v1/handler'
import { basic } from './support'

test('v1SandboxTransport answers every request as a Right, errors included', async () => {
  const transport = v1SandboxTransport({ seed: 1 })
  const ok = await transport({ method: 'GET', url: 'http://localhost/api/v1/tests/2.json', headers: { Accept: 'application/json' } })()
  assert.ok(E.isRight(ok))
  if (E.isRight(ok)) assert.is(JSON.parse(ok.right.body).data.name, 'Test 2')
  const denied = await transport({ method: 'GET', url: 'http://localhost/api/v1/cases', headers: { Authorization: basic('x@y.z', 'nope') } })()
  assert.ok(E.isRight(denied))
  if (E.isRight(denied)) assert.is(denied.right.status, 401)
})

test('no secret travels back: a wrong password, a session id or a CSRF token never appears in an answer body', async () => {
  const transport = v1SandboxTransport()
  const wrong = await transport({
    method: 'GET',
    url: 'http://localhost/api/v1/me',
    headers: { Authorization: basic('charlotte.kuchler@brewfictus.com', 'hunter2-secret') }
  })()
  assert.ok(E.isRight(wrong) && !wrong.right.body.includes('hunter2-secret'))
  const csrf = await transport({
    method: 'POST',
    url: 'http://localhost/api/v1/tests',
    headers: { 'X-Session-ID': 'made-up-session-id', 'X-CSRF-Token': 'made-up-token' },
    body: '{}'
  })()
  assert.ok(E.isRight(csrf) && !csrf.right.body.includes('made-up'))
})

const files = (dir: string): Array<string> =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))

test('the handler is runtime-neutral: no node: imports, no process, no top-level work in src/sandbox/v1', () => {
  const root = resolve(import.meta.dirname, '..', '..', '..', 'src', 'sandbox', 'v1')
  const sources = files(root).filter((f) => f.endsWith('.ts'))
  assert.ok(sources.length >= 10)
  for (const file of sources) {
    const text = readFileSync(file, 'utf8')
    assert.not.match(text, /from '(node:|fs|path|http|crypto)/, file)
    assert.not.match(text, /\bprocess\./, file)
    assert.not.match(text, /^(?:export )?const \w+(?:: [^=]+)? = (?!\(|\/\*#__PURE__\*\/)[\w.]+\(/m, `${file}: a top-level call`)
  }
})

test.run()
