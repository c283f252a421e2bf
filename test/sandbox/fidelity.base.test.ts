// The REST server, router and base-app controllers of the sandbox, held to what Kayako 4.98.8 does. Each test names
// the server source (paths under `upload/`: L/ = __swift/library/, B/ = __swift/apps/base/, F = __swift/includes/
// functions.php) it states.
import { createHmac } from 'node:crypto'
import { build } from 'esbuild'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest } from '../../src/core/http'
import { createSandbox, DEFAULT_API_KEY, DEFAULT_SECRET_KEY, type Sandbox } from '../../src/sandbox/handler'
import { parseQuery } from '../../src/sandbox/classic/vars'
import { ROOT } from '../tooling/entries.mjs'
import { authPairs, BASE, call, form } from '../support/sandbox'

let sb: Sandbox
test.before.each(() => {
  sb = createSandbox()
})

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const send = (method: string, query: string, body?: string, headers: Record<string, string> = {}, on: Sandbox = sb) =>
  on.handle({ method, url: `${BASE}?${query}`, headers, ...(body === undefined ? {} : { body }) } as HttpRequest)
const auth = async () => form(await authPairs())
/** An independent signature: node's own HMAC, not the client's signer. */
const nodeSignature = (secret: string, salt: string) => createHmac('sha256', secret).update(salt).digest('base64')

// ---------------------------------------------------------------------------------------------------------------
// Authentication (L/Controllers/class.Controller_api.php:58-100, L/REST/class.SWIFT_RESTManager.php:86-127)

test('auth: the sandbox checks signatures with its own HMAC (node agrees; the client signer is not in its bundle)', async () => {
  const salt = 'independent-salt'
  const good = `apikey=${DEFAULT_API_KEY}&salt=${salt}&signature=${encodeURIComponent(nodeSignature(DEFAULT_SECRET_KEY, salt))}`
  assert.is((await send('GET', `e=/Base/Department/1&${good}`)).status, 200)
  const wrong = `apikey=${DEFAULT_API_KEY}&salt=${salt}&signature=${encodeURIComponent(nodeSignature('another-secret', salt))}`
  assert.equal(await send('GET', `e=/Base/Department/1&${wrong}`).then((r) => [r.status, r.body]), [401, 'FAILED TO AUTHENTICATE'])
  const result = await build({ entryPoints: ['src/sandbox/classic/handler.ts'], absWorkingDir: ROOT, bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*', 'txml'], logLevel: 'silent' })
  assert.equal(Object.keys(result.metafile.inputs).filter((i) => i.startsWith('src/classic/')), [])
})

test('auth: texts and order: salt missing/empty/"0" → NO SALT PROVIDED!, then apikey, then signature (Controller_api.php:69-97)', async () => {
  const sig = encodeURIComponent(nodeSignature(DEFAULT_SECRET_KEY, '0'))
  const q = (pairs: string) => send('GET', `e=/Base/Department/1&${pairs}`).then((r) => [r.status, r.body, r.headers['content-type']])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&signature=${sig}`), [401, 'NO SALT PROVIDED!', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&salt=0&signature=${sig}`), [401, 'NO SALT PROVIDED!', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=nope&salt=x&signature=${sig}`), [401, 'FAILED TO AUTHENTICATE', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&salt=x&signature[]=1`), [401, 'FAILED TO AUTHENTICATE', 'text/html; charset=UTF-8'])
})

test('auth container: GET/DELETE read the body when the query has nothing but e (class.SWIFT_RESTServer.php:220-238)', async () => {
  assert.is((await send('GET', 'e=/Base/Department/1', await auth())).status, 200)
  // With any other query variable, $_GET is the container and the body is not read.
  assert.is((await send('GET', 'e=/Base/Department/1&x=1', await auth())).body, 'NO SALT PROVIDED!')
})

test('auth container: POST reads $_POST only; credentials in the query are ignored (class.SWIFT_RESTServer.php:222)', async () => {
  assert.is((await send('POST', `e=/Core/TestAPI&${await auth()}`, 'x=1', FORM)).body, 'NO SALT PROVIDED!')
})

test('H20: a POST form body without Content-Type authenticates (parse_str of the raw body) but $_POST stays empty', async () => {
  const res = await send('POST', 'e=/Core/TestAPI', `title=Hi&${await auth()}`)
  assert.equal([res.status, res.body], [200, 'POST\n\nARGS: Array\n(\n    [0] => \n)\n\nVARS: Array\n(\n)\n'])
  const dept = await send('POST', 'e=/Base/Department', `title=Hi&app=tickets&type=public&${await auth()}`)
  assert.is(dept.status, 400)
  const lenient = createSandbox({ lenient: ['form-body-without-content-type'] })
  assert.is((await send('POST', 'e=/Base/Department', `title=Hi&app=tickets&type=public&${await auth()}`, {}, lenient)).status, 200)
})

test('H19: a PUT with its fields in the query authenticates from $_GET; the controller reads the empty $_POST (class.SWIFT_RESTServer.php:226-236)', async () => {
  const res = await send('PUT', `e=/Core/TestAPI/3&title=New&${await auth()}`)
  assert.equal([res.status, res.body], [200, 'PUT: 3\n\nARGS: Array\n(\n    [0] => 3\n)\n\nVARS: Array\n(\n)\n'])
  const before = sb.store.departments.get(1)?.title
  await send('PUT', `e=/Base/Department/1&title=Changed&${await auth()}`)
  assert.is(sb.store.departments.get(1)?.title, before)
  const lenient = createSandbox({ lenient: ['put-fields-in-query'] })
  await send('PUT', `e=/Base/Department/1&title=Changed&${await auth()}`, undefined, {}, lenient)
  assert.is(lenient.store.departments.get(1)?.title, 'Changed')
})

test('PUT with an untyped body and nothing but e in the query: the raw body becomes $_POST (class.SWIFT_RESTServer.php:233-236)', async () => {
  const res = await send('PUT', 'e=/Core/TestAPI/3', `title=New&${await auth()}`)
  assert.match(res.body, /VARS: Array\n\(\n {4}\[title\] => New\n/)
})

test('H20: a multipart PUT is not parsed (PHP reads multipart for POST only; router :973 reads form-urlencoded PUTs)', async () => {
  const pairs = [...(await authPairs()), ['title', 'M']]
  const body = pairs.map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + '--b--\r\n'
  const headers = { 'content-type': 'multipart/form-data; boundary=b' }
  assert.is((await send('PUT', 'e=/Core/TestAPI/3', body, headers)).body, 'NO SALT PROVIDED!')
  const lenient = createSandbox({ lenient: ['multipart-put'] })
  assert.match((await send('PUT', 'e=/Core/TestAPI/3', body, headers, lenient)).body, /\[title\] => M/)
})

test('L34: a JSON body is the container with PHP values: "salt": true signs "1", "salt": 0 is empty (class.SWIFT_RESTServer.php:216-218)', async () => {
  const json = { 'content-type': 'application/json' }
  const good = JSON.stringify({ apikey: DEFAULT_API_KEY, salt: true, signature: nodeSignature(DEFAULT_SECRET_KEY, '1') })
  assert.is((await send('GET', 'e=/Base/Department/1', good, json)).status, 200)
  const zero = JSON.stringify({ apikey: DEFAULT_API_KEY, salt: 0, signature: nodeSignature(DEFAULT_SECRET_KEY, '0') })
  assert.is((await send('GET', 'e=/Base/Department/1', zero, json)).body, 'NO SALT PROVIDED!')
  // The controllers still read $_POST: a JSON POST creates nothing.
  const post = JSON.stringify({ apikey: DEFAULT_API_KEY, salt: 's', signature: nodeSignature(DEFAULT_SECRET_KEY, 's'), title: 'J' })
  assert.match((await send('POST', 'e=/Core/TestAPI', post, json)).body, /VARS: Array\n\(\n\)/)
})

// ---------------------------------------------------------------------------------------------------------------
// Routing (L/Router/class.SWIFT_Router.php)

test('L31: e= without a leading slash is no route (:984); the raw query string is, naming a missing app (:562-567)', async () => {
  const res = await send('GET', `e=Base/Department/1&${await auth()}`)
  assert.equal([res.status, res.body], [404, '"eBase" SWIFT App does not exist'])
  const lenient = createSandbox({ lenient: ['route-without-slash'] })
  assert.is((await send('GET', `e=Base/Department/1&${await auth()}`, undefined, {}, lenient)).status, 200)
  // The standard URL type needs no slash either: the query string up to its first & is the route (:854-866).
  assert.is((await send('GET', `Base/Department/1&${await auth()}`)).status, 200)
})

test('L32: arguments after the action are Clean()ed (:701, F:1010-1017) and R: segments skipped; the action is not', async () => {
  const res = await call(sb.handle, 'GET', '/Core/TestAPI/a.b/12.0/R:skip/x,y')
  assert.match(res.body, /^GET: a\.b\n\nARGS: Array\n\(\n {4}\[0\] => a\.b\n {4}\[1\] => 120\n {4}\[2\] => x,y\n\)/)
})

test('L32: any public method is callable by name with any verb (L/MVC/class.SWIFT_Controller.php:229-330): GET …/Delete/<id> deletes', async () => {
  const res = await call(sb.handle, 'GET', '/Base/UserGroup/Delete/3')
  assert.equal([res.status, res.body], [200, ''])
  assert.is(sb.store.userGroups.get(3), undefined)
})

test('unknown app or controller: FileNotFound 404 (:562-599), before the credentials; disallowed characters: 400 (:797-804)', async () => {
  assert.equal(await send('GET', 'e=/Nope/Thing').then((r) => [r.status, r.body]), [404, '"Nope" SWIFT App does not exist'])
  assert.is((await send('GET', 'e=/Base/Nothing')).status, 404)
  assert.is((await send('GET', `e=${encodeURIComponent('/Base/Department/<b>')}`)).status, 400)
})

// ---------------------------------------------------------------------------------------------------------------
// PHP's own request parsing (main/php_variables.c) and the bound before authentication

test('parse_str: . and space in names become _, a [ without ] becomes _, text after ] is dropped, leading spaces go', () => {
  const vars = parseQuery('a.b=1&c+d=2&e[f=3&g[h]x=4&+k=5', 'q')
  assert.equal([...vars.keys()], ['a_b', 'c_d', 'e_f', 'g', 'k'])
  assert.is((vars.get('g') as Map<string, string>).get('h'), '4')
})

test('parse_str: max_input_vars (1000) and max_input_nesting_level (64) as PHP ships them', () => {
  const many = parseQuery(Array.from({ length: 1200 }, (_, i) => `v${i}=1`).join('&'), 'q')
  assert.is(many.size, 1000)
  assert.is(parseQuery(`deep${'[a]'.repeat(65)}=1&ok${'[a]'.repeat(63)}=1`, 'q').has('deep'), false)
  assert.is(parseQuery(`ok${'[a]'.repeat(63)}=1`, 'q').has('ok'), true)
  const list = parseQuery('a[]=x&a[5]=y&a[]=z', 'q').get('a') as Map<string, string>
  assert.equal([...list.entries()], [['0', 'x'], ['5', 'y'], ['6', 'z']])
})

test('an unauthenticated 240 KB a[]=1&… body is answered quickly (was ~21 s; generous bound 2 s)', async () => {
  const body = Array.from({ length: 40_000 }, () => 'a[]=1').join('&')
  for (const [method, type] of [['POST', FORM], ['PUT', FORM], ['POST', {}], ['GET', {}]] as const) {
    const started = performance.now()
    const res = await send(method, 'e=/Base/Department', body, type)
    const took = performance.now() - started
    assert.is(res.status, 401)
    assert.ok(took < 2000, `${method} ${JSON.stringify(type)} took ${took.toFixed(0)} ms`)
  }
  const parts = Array.from({ length: 20_000 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="a[]"\r\n\r\n${i}\r\n`).join('') + '--b--\r\n'
  const started = performance.now()
  assert.is((await send('POST', 'e=/Base/Department', parts, { 'content-type': 'multipart/form-data; boundary=b' })).status, 401)
  assert.ok(performance.now() - started < 2000)
})



test.run()
