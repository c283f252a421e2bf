// Raw HTTP against startSandbox: the wire as third-party clients use it (spec §1, classic-clients §3), no client of ours.
import { request } from 'node:http'
import { connect } from 'node:net'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { authPairs, children, form, root, sig, SALT, ownText, text } from '../support/sandbox'

let sb: RunningSandbox

test.before(async () => {
  sb = await startSandbox({ maxBodyBytes: 64 * 1024 })
})
test.after(async () => {
  await sb.close()
})

const get = (query: string, path = '/api/index.php') => fetch(`http://127.0.0.1:${sb.port}${path}${query}`)
const authQuery = async () => form(await authPairs())

test('auth: 401 NO SALT PROVIDED! / FAILED TO AUTHENTICATE, exact texts', async () => {
  const noSalt = await get('?e=/Base/Department&apikey=sandbox-api-key')
  assert.equal([noSalt.status, await noSalt.text()], [401, 'NO SALT PROVIDED!'])
  const zeroSalt = await get('?e=/Base/Department&apikey=sandbox-api-key&salt=0&signature=x')
  assert.equal([zeroSalt.status, await zeroSalt.text()], [401, 'NO SALT PROVIDED!'], "PHP's empty('0')")
  const badKey = await get(`?e=/Base/Department&apikey=nope&salt=${SALT}&signature=${encodeURIComponent(await sig())}`)
  assert.equal([badKey.status, await badKey.text()], [401, 'FAILED TO AUTHENTICATE'])
  const badSig = await get(`?e=/Base/Department&apikey=sandbox-api-key&salt=${SALT}&signature=AAAA`)
  assert.equal([badSig.status, await badSig.text()], [401, 'FAILED TO AUTHENTICATE'])
  const good = await get(`?e=/Base/Department&${await authQuery()}`)
  assert.is(good.status, 200)
  assert.is(good.headers.get('content-type'), 'text/xml')
})

test('auth: an unencoded signature (+ read as a space) is accepted; apikey is trimmed', async () => {
  // Find a salt whose signature has a '+', as several clients send it unencoded.
  const { signature } = await import('../../src/classic/internal/sign')
  let salt = 1
  let signed: string
  while (!(signed = await signature(sb.secretKey, String(salt))).includes('+')) salt++
  const res = await get(`?e=/Base/Department/1&apikey=%20sandbox-api-key%20&salt=${salt}&signature=${signed}`)
  assert.is(res.status, 200)
  assert.is(text(children(root({ status: 200, headers: {}, body: await res.text() }), 'department')[0]!, 'title'), 'General')
})

test('auth: credentials in the query are ignored on POST (401 NO SALT PROVIDED!), read from the body', async () => {
  const inQuery = await fetch(`${sb.url}?e=/Base/StaffGroup&${await authQuery()}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'title=Night+shift&isadmin=0'
  })
  assert.equal([inQuery.status, await inQuery.text()], [401, 'NO SALT PROVIDED!'])
  const inBody = await fetch(`${sb.url}?e=/Base/StaffGroup`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `title=Night+shift&isadmin=0&${await authQuery()}`
  })
  assert.is(inBody.status, 200)
  assert.is(text(children(root({ status: 200, headers: {}, body: await inBody.text() }), 'staffgroup')[0]!, 'title'), 'Night shift')
})

test('routing: e= (encoded or raw), the standard URL type index.php?/Route&…, PATH_INFO, and e= in a POST body', async () => {
  const q = await authQuery()
  const titles = async (res: Response) => children(root({ status: res.status, headers: {}, body: await res.text() }), 'department').map((d) => text(d, 'title'))
  assert.equal(await titles(await get(`?e=%2FBase%2FDepartment%2F2&${q}`)), ['Billing'])
  assert.equal(await titles(await get(`?e=/Base/Department/2&${q}`)), ['Billing'])
  assert.equal(await titles(await get(`?/Base/Department/2&${q}`)), ['Billing'])
  assert.equal(await titles(await get(`?${q}`, '/api/index.php/Base/Department/2')), ['Billing'])
  assert.equal(await titles(await get(`?e=/base/department/2&${q}`)), ['Billing'], 'controller names are case-insensitive like PHP classes')
  const viaBody = await fetch(sb.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `e=${encodeURIComponent('/Base/UserGroup')}&title=Partners&grouptype=registered&${q}`
  })
  assert.is(viaBody.status, 200)
  assert.ok((await viaBody.text()).includes('<title><![CDATA[Partners]]></title>'))
})

test('PHP arrays: usergroupid[0] (PHP client) and email[] (Ruby client); PUT with a form body', async () => {
  const q = await authQuery()
  const dept = await fetch(`${sb.url}?/Base/Department`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `title=VIP&type=public&module=tickets&uservisibilitycustom=1&usergroupid%5B0%5D=2&usergroupid%5B1%5D=3&${q}`
  })
  const d = children(root({ status: 200, headers: {}, body: await dept.text() }), 'department')[0]!
  assert.equal(children(children(d, 'usergroups')[0]!, 'id').map(ownText), ['2', '3'])
  const user = await fetch(`${sb.url}?e=%2FBase%2FUser`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `fullname=Ruby+Client&usergroupid=2&email[]=r1%40example.com&email[]=r2%40example.com&password=x&${q}`
  })
  const u = children(root({ status: 200, headers: {}, body: await user.text() }), 'user')[0]!
  assert.equal(children(u, 'email').map(ownText), ['r1@example.com', 'r2@example.com'])
  const id = text(u, 'id')
  const put = await fetch(`${sb.url}?e=/Base/User/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `fullname=Ruby+Renamed&phone=123&${q}`
  })
  const after = children(root({ status: 200, headers: {}, body: await put.text() }), 'user')[0]!
  assert.equal([text(after, 'fullname'), text(after, 'phone'), children(after, 'email').length], ['Ruby Renamed', '123', 2])
})

test('multipart: LF-only body as the PHP client builds it, with a custom-field file part', async () => {
  const fields: Array<[string, string]> = await authPairs()
  const fileBytes = new Uint8Array([0, 1, 2, 250, 255, 10, 13, 10])
  const enc = new TextEncoder()
  const parts: Array<Uint8Array> = []
  // 4.98.8 links the file only when a text field of the same name comes too (SWIFT_CustomFieldManager.php:649-663, H17).
  for (const [k, v] of [...fields, ['u8z2x6p0b4nh', '']]) parts.push(enc.encode(`--a1b2c3d4e5\nContent-Disposition: form-data; name="${k}"\n\n${v}\n`))
  parts.push(
    enc.encode(
      '--a1b2c3d4e5\nContent-Disposition: form-data; name="u8z2x6p0b4nh"; filename="blob.bin"\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n'
    )
  )
  parts.push(fileBytes, enc.encode('\n--a1b2c3d4e5--\n'))
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) body.set(p, (at += p.length) - p.length)
  const res = await fetch(`${sb.url}?/Tickets/TicketCustomField/2`, {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=a1b2c3d4e5' },
    body
  })
  assert.is(res.status, 200)
  const field = children(children(root({ status: 200, headers: {}, body: await res.text() }), 'group')[0]!, 'field').find((f) => f.attributes.type === '11')!
  assert.is(field.attributes.filename, 'blob.bin')
  assert.equal([...Buffer.from(ownText(field), 'base64')], [...fileBytes])
})

test('DELETE answers 200 with an empty body; a missing Base object is 200 + empty root; ticket items 404', async () => {
  const q = await authQuery()
  const del = await fetch(`${sb.url}?e=/Tickets/TicketNote/3/2&${q}`, { method: 'DELETE' })
  assert.equal([del.status, await del.text()], [200, ''])
  const missing = await get(`?e=/Base/Department/999&${q}`)
  assert.equal([missing.status, await missing.text()], [200, '<?xml version="1.0" encoding="UTF-8"?>\n<departments>\n</departments>'])
  const ticket = await get(`?e=/Tickets/Ticket/999&${q}`)
  assert.equal([ticket.status, await ticket.text()], [404, 'Ticket not Found'])
  const deptDel = await fetch(`${sb.url}?e=/Base/Department/999&${q}`, { method: 'DELETE' })
  assert.equal([deptDel.status, await deptDel.text()], [400, 'Department Load Failed: Class not loaded'])
})

test('bad input: unknown route, wrong verb, malformed multipart, invalid UTF-8, oversized body, garbage — answered, server keeps serving', async () => {
  const q = await authQuery()
  const unknown = await get(`?e=/Base/Nothing&${q}`)
  // L/Router/class.SWIFT_Router.php:591-599: no such controller, and no `Default` one either: FileNotFound (404).
  assert.equal(
    [unknown.status, await unknown.text()],
    [404, '"Default" Controller OR a DEFAULT Controller in SWIFT App "Base" for Interface "api" does not exist (DEFAULT-MAIN)']
  )
  const disallowed = await get(`?e=${encodeURIComponent('/Base/Department/<b>')}&${q}`)
  assert.equal([disallowed.status, await disallowed.text()], [400, 'The URI you submitted has disallowed characters.'])
  // class.SWIFT_Router.php:984-986: e must start with `/` after PHP's decoding; then it is urldecoded once more.
  const doubleEncoded = await get(`?e=/Base%252FDepartment%252F2&${q}`)
  assert.is(doubleEncoded.status, 200, 'the router urldecodes e once more')
  assert.is((await get(`?e=%252FBase%252FDepartment%252F2&${q}`)).status, 404)
  // Without a route the raw query string is the route (class.SWIFT_Router.php:1016-1019): an app named `apikey=…`.
  const noRoute = await get(`?${q}`)
  assert.is(noRoute.status, 404)
  assert.is((await get('')).status, 400)
  const otherPath = await get('', '/somewhere/else')
  assert.is(otherPath.status, 404)
  const verb = await fetch(`${sb.url}?e=/Tickets/TicketPriority`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: q })
  assert.equal([verb.status, await verb.text()], [400, 'Undeclared Function Called in API Controller: Post'])
  const plainList = await get(`?e=/Tickets/Ticket&${q}`)
  assert.equal([plainList.status, await plainList.text()], [400, 'Not Implemented, Call /Tickets/Ticket/ListAll instead.'])
  const broken = await fetch(`${sb.url}?e=/Base/Department`, {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=zz' },
    body: 'not multipart at all'
  })
  assert.equal([broken.status, await broken.text()], [400, 'Malformed multipart body: the boundary does not occur in it'])
  const latin1 = await fetch(`${sb.url}?e=/Base/Department`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new Uint8Array([...Buffer.from('title=Caf'), 0xe9, ...Buffer.from(`&type=public&app=tickets&${q}`)])
  })
  assert.equal([latin1.status, await latin1.text()], [400, 'Invalid UTF-8 in the form body'])
  const badQuery = await get(`?e=/Base/Department&title=%FF%FE&${q}`)
  assert.equal([badQuery.status, await badQuery.text()], [400, 'Invalid UTF-8 in the query string'])
  const big = await fetch(`${sb.url}?e=/Base/Department`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `title=${'x'.repeat(100 * 1024)}&${q}`
  })
  assert.is(big.status, 400)
  assert.match(await big.text(), /^Request body too large: \d+ bytes \(the sandbox accepts at most 65536\)$/)
  const json = await fetch(`${sb.url}?e=/Base/Department`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' })
  assert.equal([json.status, await json.text()], [401, 'NO SALT PROVIDED!'])
  const still = await get(`?e=/Base/Department/1&${q}`)
  assert.is(still.status, 200)
})

test('Expect: 100-continue (the PHP client above 1 MiB) gets its continue; a broken request line gets a 400', async () => {
  const body = `title=Continued&type=public&app=tickets&${await authQuery()}`
  const answer = await new Promise<{ status: number; text: string; continued: boolean }>((resolve, reject) => {
    let continued = false
    const req = request(`${sb.url}?e=/Base/Department`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', expect: '100-continue', 'content-length': Buffer.byteLength(body) }
    })
    req.on('continue', () => {
      continued = true
      req.end(body)
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, continued }))
    })
    req.on('error', reject)
  })
  assert.equal([answer.status, answer.continued, answer.text.includes('<title><![CDATA[Continued]]></title>')], [200, true, true])
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(sb.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'))
    let text = ''
    socket.on('data', (c) => (text += c.toString()))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
  assert.match(raw, /^HTTP\/1\.1 400 Bad Request/)
})

test('200 concurrent POSTs create exactly 200 records with unique ids', async () => {
  const before = sb.sandbox.store.userOrganizations.rows.size
  const q = await authQuery()
  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      fetch(`${sb.url}?e=/Base/UserOrganization`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `name=Org+${i}&organizationtype=shared&${q}`
      }).then(async (r) => ({ status: r.status, body: await r.text() }))
    )
  )
  assert.equal(
    responses.filter((r) => r.status !== 200),
    []
  )
  const ids = responses.map((r) => text(children(root({ status: 200, headers: {}, body: r.body }), 'userorganization')[0]!, 'id'))
  assert.is(new Set(ids).size, 200)
  assert.is(sb.sandbox.store.userOrganizations.rows.size - before, 200)
})

// Not Kayako's own behaviour but its web server's (Apache's KeepAliveTimeout); the 4.98.8 source has no say in it.
test("keep-alive: idle connections are the client's to close (Keep-Alive: timeout=120, not Node's racy 5 s)", async () => {
  const response = await get(`?e=/Base/Department&${await authQuery()}`)
  await response.text()
  assert.equal([response.status, response.headers.get('connection'), response.headers.get('keep-alive')], [200, 'keep-alive', 'timeout=120'])
})

test.run()
