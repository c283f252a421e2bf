import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import type { Transport } from '../../src/core/http'
import { fixture } from '../support/fixtures'
import { bodyText, canned, formPairs, unwrap, unwrapLeft } from '../support/transport'

const URL = 'https://help.example.com/api/index.php'
const SIG = 'hoVxX2132GWCjsm3bNMpI%2BOoszpn2oRRM%2BIEMU9rsQs%3D'
const executor = (transport: Transport) => classic({ url: URL, apiKey: 'KEY-123', secretKey: 'secret', salt: () => 'salt', transport })
const ONE = fixture('classic/Department_ListAll.xml').replace(/<department>[\s\S]*?<\/department>\n(?=<department>)/, '')

test('e=: a route keeps its slashes and commas, everything else percent-encoded (plain routes as they are, others encoded)', async () => {
  const { transport, sent } = canned({ body: '' })
  for (const route of ['/Tickets/Ticket/ListAll/1,2/-1/-1/-1/1000/0/ticketid/ASC', "/a/b_(c)!*'~.", '/a b/%2F/é/?&=#', '/x,%2C/\uD83D\uDE00']) {
    await executor(transport)({ ...Department.get(1), route, response: { _tag: 'Void' } })()
    const sentRoute = /\?e=([^&]*)&/.exec(sent[sent.length - 1]?.url ?? '')?.[1]
    assert.is(sentRoute, encodeURIComponent(route).replace(/%2F/gi, '/').replace(/%2C/gi, ','), route)
  }
})

test('GET: route in e=, credentials in the query, no body', async () => {
  const { transport, sent } = canned({ body: fixture('classic/Department_ListAll.xml') })
  unwrap(await executor(transport)(Department.get(5))())
  assert.is(sent.length, 1)
  assert.is(sent[0]?.method, 'GET')
  assert.is(sent[0]?.url, `${URL}?e=/Base/Department/5&apikey=KEY-123&salt=salt&signature=${SIG}`)
  assert.is(sent[0]?.body, undefined)
})

test('DELETE: like GET; an empty 200 is success', async () => {
  const { transport, sent } = canned({ body: '' })
  assert.equal(await executor(transport)(Department.delete(5))(), E.right(undefined))
  assert.is(sent[0]?.method, 'DELETE')
  assert.is(sent[0]?.url, `${URL}?e=/Base/Department/5&apikey=KEY-123&salt=salt&signature=${SIG}`)
})

test('POST: only e= in the query; fields and credentials form-encoded in the body', async () => {
  const { transport, sent } = canned({ body: ONE })
  const d = unwrap(
    await executor(transport)(Department.post({ title: 'Sales & more', type: 'private', app: 'tickets', userVisibilityCustom: true, userGroupIds: [1, 2] }))()
  )
  assert.is(d.title, 'Sales')
  assert.is(sent[0]?.url, `${URL}?e=/Base/Department`)
  assert.is(sent[0]?.headers['content-type'], 'application/x-www-form-urlencoded')
  assert.is(
    bodyText(sent[0]),
    `title=Sales%20%26%20more&type=private&app=tickets&uservisibilitycustom=1&usergroupid%5B%5D=1&usergroupid%5B%5D=2&apikey=KEY-123&salt=salt&signature=${SIG}`
  )
})

test('PUT: a real PUT with a form body', async () => {
  const { transport, sent } = canned({ body: ONE })
  unwrap(await executor(transport)(Department.put(1, { title: 'Support', displayOrder: 3 }))())
  assert.is(sent[0]?.method, 'PUT')
  assert.is(sent[0]?.url, `${URL}?e=/Base/Department/1`)
  assert.equal(formPairs(bodyText(sent[0])), [
    ['title', 'Support'],
    ['displayorder', '3'],
    ['apikey', 'KEY-123'],
    ['salt', 'salt'],
    ['signature', 'hoVxX2132GWCjsm3bNMpI+Ooszpn2oRRM+IEMU9rsQs=']
  ])
})

test('a base URL that already has a query gets &e=', async () => {
  const { transport, sent } = canned({ body: ONE })
  await classic({ url: 'https://h/api/index.php?x=1', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })(Department.all())()
  assert.match(sent[0]?.url ?? '', /^https:\/\/h\/api\/index\.php\?x=1&e=\/Base\/Department&apikey=k/)
})

test('a fresh salt per request by default', async () => {
  const { transport, sent } = canned({ body: ONE })
  const run = classic({ url: URL, apiKey: 'k', secretKey: 's', transport })
  await run(Department.all())()
  await run(Department.all())()
  const salts = sent.map((r) => new globalThis.URL(r.url).searchParams.get('salt'))
  assert.match(salts[0] ?? '', /^[A-Za-z0-9]{32}$/)
  assert.is.not(salts[0], salts[1])
})

test('200 with an empty root → none', async () => {
  const { transport } = canned({ body: '<?xml version="1.0" encoding="UTF-8"?>\n<departments>\n</departments>' })
  assert.equal(await executor(transport)(Department.get(99))(), E.right(O.none))
})

test('401/400/404 plain-text bodies → ApiError with the server text', async () => {
  for (const [status, body] of [
    [401, 'FAILED TO AUTHENTICATE'],
    [401, 'NO SALT PROVIDED!'],
    [400, 'Department Load Failed: Class not loaded'],
    [404, 'Ticket not Found']
  ] as const) {
    const { transport } = canned({ status, body, headers: { 'content-type': 'text/xml' } })
    const e = unwrapLeft(await executor(transport)(Department.delete(5))())
    assert.equal(e, { _tag: 'ApiError', operation: 'Department.delete', status, messages: [body], errors: [{ message: body }] })
  }
})

test('a huge 400 body keeps its first 2 KB as the ApiError message', async () => {
  const body = 'Invalid data provided. '.repeat(100_000)
  const { transport } = canned({ status: 400, body, headers: { 'content-type': 'text/xml' } })
  const e = unwrapLeft(await executor(transport)(Department.delete(5))())
  assert.ok(e._tag === 'ApiError', JSON.stringify(e).slice(0, 200))
  if (e._tag !== 'ApiError') return
  assert.is(e.messages[0], `${body.slice(0, 2048)}…`)
  assert.equal(e.errors, [{ message: e.messages[0] ?? '' }])
})

test('other statuses → HttpError with the redacted request', async () => {
  const { transport } = canned({ status: 503, body: 'Service Unavailable' })
  const e = unwrapLeft(await executor(transport)(Department.all())())
  assert.is(e._tag, 'HttpError')
  if (e._tag !== 'HttpError') return
  assert.is(e.status, 503)
  assert.is(e.request.url, `${URL}?e=/Base/Department&apikey=[redacted]&salt=[redacted]&signature=[redacted]`)
})

test('a PHP warning page, an empty body and a truncated body → ParseError', async () => {
  for (const body of [fixture('classic/Error_PHPWarning_body.html'), '', ONE.slice(0, 200)]) {
    const { transport } = canned({ body })
    const e = unwrapLeft(await executor(transport)(Department.all())())
    assert.is(e._tag, 'ParseError', body.slice(0, 30))
  }
})

test('a notice before the declaration is reported, the answer still decodes', async () => {
  const { transport } = canned({ body: '<div>[Notice]: Undefined offset: 11</div>' + ONE })
  const notices: Array<string> = []
  const run = classic({ url: URL, apiKey: 'k', secretKey: 's', transport, onNotice: (n, op) => notices.push(`${op}: ${n}`) })
  assert.is(unwrap(await run(Department.all())()).length, 1)
  assert.equal(notices, ['Department.all: [Notice]: Undefined offset: 11'])
})

test('wrong shape → DecodeError with paths', async () => {
  const { transport } = canned({ body: '<?xml version="1.0"?><departments><department><id>abc</id></department></departments>' })
  const e = unwrapLeft(await executor(transport)(Department.all())())
  assert.equal(e, { _tag: 'DecodeError', operation: 'Department.all', messages: ['department[0].id: expected an integer (got "abc")'] })
})

test('a transport that throws (even a non-Error) or rejects → TransportError, never a rejection', async () => {
  const throwing: Transport = () => () => {
    throw 'boom'
  }
  const rejecting: Transport = () => () => Promise.reject(new Error('socket hang up'))
  assert.equal(unwrapLeft(await executor(throwing)(Department.all())())._tag, 'TransportError')
  const e = unwrapLeft(await executor(rejecting)(Department.all())())
  assert.ok(e._tag === 'TransportError' && e.cause === 'Error: socket hang up')
})

test('validation failures reach no transport', async () => {
  const { transport, sent } = canned({ body: ONE })
  const e = unwrapLeft(await executor(transport)(Department.get(-1))())
  assert.is(e._tag, 'ValidationError')
  assert.is(sent.length, 0)
})

test("the request a transport (or a policy) is handed carries its run's secrets: credentials, a password, that run's salt and signature", async () => {
  const { transport, sent } = canned({ body: '' })
  let n = 0
  const run = classic({ url: 'https://u:pw@h/api/index.php', apiKey: 'KEY-1', secretKey: 'SECRET-1', salt: () => `salt-${++n}`, transport })
  const call = run({ ...Department.post({ title: 't', type: 'public', app: 'tickets' }), form: [['password', 'PW-1']], response: { _tag: 'Void' } })
  await call()
  await call()
  const secretsOf = (i: number) => [...(sent[i]?.secrets?.() ?? [])].sort()
  const signatureOf = (i: number) => formPairs(bodyText(sent[i])).find(([name]) => name === 'signature')?.[1] ?? ''
  assert.equal(secretsOf(0), ['KEY-1', 'PW-1', 'SECRET-1', 'pw', 'salt-1', signatureOf(0), 'u:pw'].sort())
  assert.equal(secretsOf(1), ['KEY-1', 'PW-1', 'SECRET-1', 'pw', 'salt-2', signatureOf(1), 'u:pw'].sort())
  assert.is.not(signatureOf(0), signatureOf(1))
})

test('no error value or message contains the API key, secret, salt or signature', async () => {
  const apiKey = 'APIKEY-0123456789'
  const secretKey = 'SECRET-abcdefghij'
  const salt = 'SALT-zyxwvutsrq'
  const echo: Transport = (r) => async () => E.right({ status: 503, headers: {}, body: `you sent ${r.url} ${String(r.body)} ${apiKey} ${secretKey}` })
  const leaky: Transport = (r) => () => Promise.reject(new Error(`failed ${r.url} ${String(r.body)}`))
  const { transport: garbage } = canned({ body: `<html>${apiKey}</html>` })
  for (const transport of [echo, leaky, garbage]) {
    const run = classic({ url: URL, apiKey, secretKey, salt: () => salt, transport })
    for (const req of [Department.all(), Department.post({ title: 't', type: 'public', app: 'tickets' })]) {
      const e = unwrapLeft(await run(req as Parameters<typeof run>[0])())
      const shown = JSON.stringify(e)
      for (const secret of [apiKey, secretKey, salt, encodeURIComponent(salt)]) assert.not.ok(shown.includes(secret), `${e._tag} leaks ${secret}`)
      assert.not.match(shown, /signature=[^[]/)
    }
  }
})

test.run()
