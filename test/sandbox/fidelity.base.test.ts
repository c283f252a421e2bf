// The REST server, router and base-app controllers of the sandbox, held to what Kayako 4.98.8 does. Each test names
// the server source (paths under `upload/`: L/ = __swift/library/, B/ = __swift/apps/base/, F = __swift/includes/
// functions.php) it states.
import { createHmac } from 'node:crypto'
import { build } from 'esbuild'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest } from '../../src/core/http'
import { createSandbox, DEFAULT_API_KEY, DEFAULT_SECRET_KEY, type Sandbox } from '../../src/sandbox/handler'
import { parseMultipart, parseQuery } from '../../src/sandbox/classic/vars'
import { ROOT } from '../tooling/entries.mjs'
import { costAsync } from '../support/cpu'
import { authPairs, BASE, call, children, form, root, ownText, text } from '../support/sandbox'

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
  const result = await build({
    entryPoints: ['src/sandbox/classic/handler.ts'],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    external: ['fp-ts', 'fp-ts/*', 'io-ts', 'io-ts/*', 'txml'],
    logLevel: 'silent'
  })
  assert.equal(
    Object.keys(result.metafile.inputs).filter((i) => i.startsWith('src/classic/')),
    []
  )
})

test('auth: texts and order: salt missing/empty/"0" → NO SALT PROVIDED!, then apikey, then signature (Controller_api.php:69-97)', async () => {
  const sig = encodeURIComponent(nodeSignature(DEFAULT_SECRET_KEY, '0'))
  const q = (pairs: string) => send('GET', `e=/Base/Department/1&${pairs}`).then((r) => [r.status, r.body, r.headers['content-type']])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&signature=${sig}`), [401, 'NO SALT PROVIDED!', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&salt=0&signature=${sig}`), [401, 'NO SALT PROVIDED!', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=nope&salt=x&signature=${sig}`), [401, 'FAILED TO AUTHENTICATE', 'text/html; charset=UTF-8'])
  assert.equal(await q(`apikey=${DEFAULT_API_KEY}&salt=x&signature[]=1`), [401, 'FAILED TO AUTHENTICATE', 'text/html; charset=UTF-8'])
})

test("auth: the API key is compared with PHP's loose != (class.SWIFT_RESTManager.php:110): a numeric key matches 1e2 for 100", async () => {
  const numeric = createSandbox({ apiKey: '100' })
  const signature = encodeURIComponent(nodeSignature(DEFAULT_SECRET_KEY, 's'))
  assert.is((await send('GET', `e=/Base/Department/1&apikey=1e2&salt=s&signature=${signature}`, undefined, {}, numeric)).status, 200)
  assert.is((await send('GET', `e=/Base/Department/1&apikey=101&salt=s&signature=${signature}`, undefined, {}, numeric)).status, 401)
  assert.is((await send('GET', `e=/Base/Department/1&apikey=${DEFAULT_API_KEY.toUpperCase()}&salt=s&signature=${signature}`)).status, 401)
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

test('standard URL type: the route stays a $_GET key, so an untyped PUT authenticates from $_GET, not from its body (class.SWIFT_RESTServer.php:230-232)', async () => {
  assert.is((await send('PUT', '/Core/TestAPI/3', `title=New&${await auth()}`)).body, 'NO SALT PROVIDED!')
  assert.match((await send('PUT', '/Core/TestAPI/3', `title=New&${await auth()}`, FORM)).body, /\[title\] => New/)
  assert.match((await send('GET', `/Core/TestAPI/3&${await auth()}`)).body, /^GET: 3\n[\s\S]*\[\/Core\/TestAPI\/3\] => \n/)
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
  // A piece without `=` is a variable with an empty value, and counts; an empty piece (`&&`) does not.
  assert.equal(
    [...parseQuery('a&&b=1&c', 'q').entries()],
    [
      ['a', ''],
      ['b', '1'],
      ['c', '']
    ]
  )
  assert.equal([parseQuery(`${'a&'.repeat(999)}x=1`, 'q').get('x'), parseQuery(`${'a&'.repeat(1000)}x=1`, 'q').has('x')], ['1', false])
  assert.is(parseQuery(`deep${'[a]'.repeat(65)}=1&ok${'[a]'.repeat(63)}=1`, 'q').has('deep'), false)
  assert.is(parseQuery(`ok${'[a]'.repeat(63)}=1`, 'q').has('ok'), true)
  const list = parseQuery('a[]=x&a[5]=y&a[]=z', 'q').get('a') as Map<string, string>
  assert.equal(
    [...list.entries()],
    [
      ['0', 'x'],
      ['5', 'y'],
      ['6', 'z']
    ]
  )
})

test('multipart: max_file_uploads (20) as PHP ships it; later file parts are dropped', () => {
  const body =
    Array.from({ length: 25 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="f${i}"; filename="f${i}.txt"\r\n\r\nx\r\n`).join('') +
    '--b\r\nContent-Disposition: form-data; name="after"\r\n\r\nkept\r\n--b--\r\n'
  const parsed = parseMultipart(body, 'b')
  assert.equal([parsed.files.size, parsed.files.has('f19'), parsed.files.has('f20'), parsed.vars.get('after')], [20, true, false, 'kept'])
})

// CPU time, not wall time (test/support/cpu.ts): the handler runs in this process and only computes; a loaded machine
// stretched these 2 s of wall time, while the quadratic parse it guards against took ~21 s of work.
test('an unauthenticated 240 KB a[]=1&… body is answered quickly (was ~21 s; generous bound 2 s of CPU)', async () => {
  const body = Array.from({ length: 40_000 }, () => 'a[]=1').join('&')
  for (const [method, type] of [
    ['POST', FORM],
    ['PUT', FORM],
    ['POST', {}],
    ['GET', {}]
  ] as const) {
    const run = await costAsync(() => send(method, 'e=/Base/Department', body, type))
    assert.is(run.value.status, 401)
    assert.ok(run.cpuMs < 2000, `${method} ${JSON.stringify(type)} took ${run.cpuMs.toFixed(0)} ms of CPU (${run.wallMs.toFixed(0)} ms)`)
  }
  const parts = Array.from({ length: 20_000 }, (_, i) => `--b\r\nContent-Disposition: form-data; name="a[]"\r\n\r\n${i}\r\n`).join('') + '--b--\r\n'
  const multipart = await costAsync(() => send('POST', 'e=/Base/Department', parts, { 'content-type': 'multipart/form-data; boundary=b' }))
  assert.is(multipart.value.status, 401)
  assert.ok(multipart.cpuMs < 2000, `${multipart.cpuMs.toFixed(0)} ms of CPU`)
})

// ---------------------------------------------------------------------------------------------------------------
// Base controllers (B/api/*.php and the models they call)

const post = (route: string, fields: Array<[string, string]>) => call(sb.handle, 'POST', route, fields)
const put = (route: string, fields: Array<[string, string]>) => call(sb.handle, 'PUT', route, fields)
const firstUser = async (res: Promise<{ body: string }>) => children(root((await res) as never), 'user')[0]!
const NEW_USER: Array<[string, string]> = [
  ['usergroupid', '2'],
  ['fullname', 'New'],
  ['password', 'p']
]

test('H7: user e-mails are stored lower-cased (B/models/User/class.SWIFT_UserEmailManager.php:211), on POST and PUT', async () => {
  const u = await firstUser(post('/Base/User', [...NEW_USER, ['email', 'Mixed.Case@Example.COM']]))
  assert.equal(children(u, 'email').map(ownText), ['mixed.case@example.com'])
  const after = await firstUser(
    put(`/Base/User/${text(u, 'id')}`, [
      ['fullname', 'New'],
      ['email[]', 'Other@X.example']
    ])
  )
  assert.equal(children(after, 'email').map(ownText), ['other@x.example'])
})

test('L5: User Filter with maxitems 0 or negative has no LIMIT and no 1000 cap (B/api/User.php:69-86; L/Database/class.SWIFT_Database.php:893-912)', async () => {
  for (let i = 0; i < 1005; i++) sb.store.users.insert({ ...sb.store.users.get(4)!, emails: [`bulk${i}@x.example`] })
  const count = async (route: string) => children(root(await call(sb.handle, 'GET', route)), 'user').length
  assert.is(await count('/Base/User/Filter/0/0'), 1009)
  assert.is(await count('/Base/User/Filter/0/-1'), 1009)
  assert.is(await count('/Base/User/Filter/0/5000'), 1000)
  assert.is(await count('/Base/User/Filter/1000/2'), 2)
})

test('L24: any valid SLA plan is stored as 1, the (int) of the cache row (B/api/User.php:450,650)', async () => {
  sb.store.slaPlans.insert({ title: 'Gold' })
  const u = await firstUser(post('/Base/User', [...NEW_USER, ['email', 'sla@x.example'], ['slaplanid', '2'], ['slaplanexpiry', '99']]))
  assert.equal([text(u, 'slaplanid'), text(u, 'slaplanexpiry')], ['1', '99'])
  // `isset($_slaPlanCache[$id])` needs the canonical integer key: `02` is no plan.
  assert.is((await post('/Base/User', [...NEW_USER, ['email', 'sla2@x.example'], ['slaplanid', '02']])).body, 'Invalid SLA Plan')
})

test('L25: slaplanexpiry without an SLA plan is stored as 0 (class.SWIFT_User.php:474-476; class.SWIFT_UserOrganization.php:256-258,309-311)', async () => {
  const u = await firstUser(post('/Base/User', [...NEW_USER, ['email', 'exp@x.example'], ['slaplanexpiry', '1700000000']]))
  assert.is(text(u, 'slaplanexpiry'), '0')
  const org = children(
    root(
      await post('/Base/UserOrganization', [
        ['name', 'Org'],
        ['organizationtype', 'shared'],
        ['slaplanexpiry', '1700000000']
      ])
    ),
    'userorganization'
  )[0]!
  assert.is(text(org, 'slaplanexpiry'), '0')
})

test('L26/L27: salutation matches the list untrimmed; an empty one clears it on PUT; "0" is an empty fullname/password (B/api/User.php Post/Put)', async () => {
  const u = await firstUser(post('/Base/User', [...NEW_USER, ['email', 'sal@x.example'], ['salutation', ' Mr.']]))
  assert.is(text(u, 'salutation'), '')
  assert.is(
    text(
      await firstUser(
        put('/Base/User/1', [
          ['fullname', 'John Doe'],
          ['salutation', 'dr.']
        ])
      ),
      'salutation'
    ),
    'Dr.'
  )
  assert.is(
    text(
      await firstUser(
        put('/Base/User/1', [
          ['fullname', 'John Doe'],
          ['salutation', '']
        ])
      ),
      'salutation'
    ),
    ''
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email', 'z@x.example'],
        ['fullname', '0'],
        ['password', 'p']
      ])
    ).body,
    'One of the required fields is empty'
  )
  assert.is(
    (
      await post('/Base/User', [
        ['usergroupid', '2'],
        ['email', 'z@x.example'],
        ['fullname', 'Z'],
        ['password', '0']
      ])
    ).body,
    'One of the required fields is empty'
  )
})

test('L28: load-failure texts: SWIFT_Model (L/MVC/class.SWIFT_Model.php:53-56) and SWIFT_UserOrganization (:82)', async () => {
  assert.is((await put('/Base/User/99', [['fullname', 'X']])).body, 'User Load Failed: Failed to load SWIFT_Model Object')
  assert.is((await call(sb.handle, 'DELETE', '/Base/User/99')).body, 'User Load Failed: Failed to load SWIFT_Model Object')
  assert.is((await call(sb.handle, 'DELETE', '/Base/User/0')).body, 'User Load Failed: Invalid data provided')
  assert.is((await put('/Base/UserOrganization/99', [['name', 'X']])).body, 'User Organization Load Failed: Unable to Load User Organization ID: 99')
  assert.is((await call(sb.handle, 'DELETE', '/Base/UserOrganization/99')).body, 'User Organization Load Failed: Unable to Load User Organization ID: 99')
})

test('L29: UserOrganization keeps the name untrimmed, refuses "0", blanks "0" optional fields; Staff refuses "0" names (B/api/UserOrganization.php, B/api/Staff.php)', async () => {
  assert.is(
    (
      await post('/Base/UserOrganization', [
        ['name', '0'],
        ['organizationtype', 'shared']
      ])
    ).body,
    'One of the required fields is empty'
  )
  const org = children(
    root(
      await post('/Base/UserOrganization', [
        ['name', ' Spaced '],
        ['organizationtype', 'shared'],
        ['city', '0'],
        ['phone', '123']
      ])
    ),
    'userorganization'
  )[0]!
  assert.equal([text(org, 'name'), text(org, 'city'), text(org, 'phone')], [' Spaced ', '', '123'])
  const staff: Array<[string, string]> = [
    ['lastname', 'L'],
    ['email', 'n@x.example'],
    ['staffgroupid', '2'],
    ['password', 'p'],
    ['username', 'n']
  ]
  assert.is((await post('/Base/Staff', [['firstname', '0'], ...staff])).body, 'First name is empty')
  assert.is(
    (await post('/Base/Staff', [['firstname', 'F'], ...staff.map(([k, v]): [string, string] => (k === 'password' ? [k, ' 0 '] : [k, v]))])).body,
    'Invalid Password Specified'
  )
})

test('Staff: the e-mail is validated as sent (a leading blank fails); fullname is trim(first." ".last) of the raw names (class.SWIFT_Staff.php:379-384)', async () => {
  const fields: Array<[string, string]> = [
    ['staffgroupid', '2'],
    ['password', 'p'],
    ['username', 'newbie']
  ]
  assert.is(
    (await post('/Base/Staff', [['firstname', 'A'], ['lastname', 'B'], ['email', ' a@x.example'], ...fields])).body,
    'Email address is empty or Invalid'
  )
  const s = children(root(await post('/Base/Staff', [['firstname', 'Ann '], ['lastname', ' Lee'], ['email', 'ann@x.example'], ...fields])), 'staff')[0]!
  assert.equal([text(s, 'firstname'), text(s, 'lastname'), text(s, 'fullname')], ['Ann', 'Lee', 'Ann   Lee'])
  assert.is(
    (
      await post('/Base/Staff', [
        ['firstname', 'A'],
        ['lastname', 'B'],
        ['email', 'b@x.example'],
        ['staffgroupid', '2abc'],
        ['password', 'p'],
        ['username', 'u2']
      ])
    ).body,
    'Staff Group ID is Invalid'
  )
})

test("StaffGroup: isadmin is compared with PHP's loose == (B/api/StaffGroup.php Post/Put)", async () => {
  const g = children(
    root(
      await post('/Base/StaffGroup', [
        ['title', 'Leads'],
        ['isadmin', '1.0']
      ])
    ),
    'staffgroup'
  )[0]!
  assert.is(text(g, 'isadmin'), '1')
  const after = children(
    root(
      await put(`/Base/StaffGroup/${text(g, 'id')}`, [
        ['title', 'Leads'],
        ['isadmin', ' 0']
      ])
    ),
    'staffgroup'
  )[0]!
  assert.is(text(after, 'isadmin'), '0')
})

test('UserGroup: title untrimmed, group type compared exactly (B/api/UserGroup.php Post)', async () => {
  assert.is(
    (
      await post('/Base/UserGroup', [
        ['title', 'T'],
        ['grouptype', ' guest']
      ])
    ).body,
    'One of the required fields is empty'
  )
  const g = children(
    root(
      await post('/Base/UserGroup', [
        ['title', ' Padded '],
        ['grouptype', 'guest']
      ])
    ),
    'usergroup'
  )[0]!
  assert.is(text(g, 'title'), ' Padded ')
})

test('UserOrganization DELETE takes its members out of it (B/models/User/class.SWIFT_User.php:1046)', async () => {
  assert.is((await call(sb.handle, 'DELETE', '/Base/UserOrganization/1')).status, 200)
  assert.is(text(children(root(await call(sb.handle, 'GET', '/Base/User/1')), 'user')[0]!, 'userorganizationid'), '0')
})

test('H13: UserSearch ORs words within each column, phrase=1 ANDs them; columns are ORed (B/api/UserSearch.php:74-88; F:1280-1344)', async () => {
  const ids = async (fields: Array<[string, string]>) => children(root(await post('/Base/UserSearch', fields)), 'user').map((u) => text(u, 'id'))
  assert.equal(await ids([['query', 'John Jane']]), ['1', '2'])
  assert.equal(
    await ids([
      ['query', 'Doe John'],
      ['phrase', '1']
    ]),
    ['1']
  )
  assert.equal(
    await ids([
      ['query', 'Doe Jane'],
      ['phrase', '1']
    ]),
    []
  )
  assert.equal(await ids([['query', 'Jo_n']]), ['1'], 'LIKE wildcards')
  assert.equal(await ids([['query', 'acme -john']]), ['1', '2', '3', '4'], 'ORed with NOT LIKE, nearly every row matches')
  assert.equal(await ids([['query', '   ']]), [], 'no condition: the SQL fails, no rows')
  assert.equal(await ids([['query', 'JOHN']]), ['1'])
})

test('H14: UserSearch prints the organization columns of the join: phone, dateline, slaplanid, slaplanexpiry (B/api/UserSearch.php:78-87)', async () => {
  const users = children(root(await post('/Base/UserSearch', [['query', 'John Max']])), 'user')
  const john = users.find((u) => text(u, 'id') === '1')!
  const max = users.find((u) => text(u, 'id') === '4')!
  const acme = sb.store.userOrganizations.get(1)!
  assert.equal([text(john, 'phone'), text(john, 'dateline')], [acme.phone, String(acme.dateline)])
  assert.equal([text(max, 'phone'), text(max, 'dateline'), text(max, 'slaplanid'), text(max, 'slaplanexpiry')], ['', '', '', ''])
  // The User controller itself prints the user's own values.
  assert.is(text(children(root(await call(sb.handle, 'GET', '/Base/User/1')), 'user')[0]!, 'phone'), '+1 555 0101')
})

test('Department titles: required as sent ("0" refused), stored through removeTags: allowed tags stay, others go; Insert decodes entities, Update does not (class.SWIFT_Department.php:265,335)', async () => {
  const fields: Array<[string, string]> = [
    ['app', 'tickets'],
    ['type', 'public']
  ]
  assert.is((await post('/Base/Department', [...fields, ['title', '0']])).body, 'One of the required fields is empty')
  const created = children(root(await post('/Base/Department', [...fields, ['title', ' <script>x</script><em>A</em> &amp; B ']])), 'department')[0]!
  assert.is(text(created, 'title'), 'x<em>A</em> & B')
  const empty = children(root(await post('/Base/Department', [...fields, ['title', '<u></u>']])), 'department')[0]!
  assert.is(text(empty, 'title'), '')
  const updated = children(root(await put(`/Base/Department/${text(created, 'id')}`, [['title', 'C &amp;amp; D']])), 'department')[0]!
  assert.is(text(updated, 'title'), 'C &amp; D')
})

test.run()
