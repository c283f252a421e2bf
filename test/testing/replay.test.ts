// recordTransport/replayTransport over the v1 API: answers keyed by method, path and query, so each request gets its
// own answer back; and no recording (saved as JSON) holds a credential of either API.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { recordTransport, replayTransport, requestKey, type Recording } from '../../src/testing/index'
import * as Case from '../../src/v1/Case'
import { twoFactor } from '../../src/v1/internal/auth'
import { v1 } from '../../src/v1/internal/executor'
import { withQuery } from '../../src/v1/internal/request'
import * as Session from '../../src/v1/Session'
import * as Team from '../../src/v1/Team'
import { unwrap, unwrapLeft } from '../support/transport'

const URL = 'http://sandbox/api/v1'

test('requestKey: the v1 path below /api/v1 and the sorted query without credentials; Classic without e=, salt, signature', () => {
  assert.equal(requestKey('http://h/api/v1/cases/2?include=user&_empty=false&session_id=S3CR3T'), { route: '/cases/2', query: '_empty=false&include=user' })
  assert.equal(requestKey('http://h/api/v1/cases?offset=10&limit=5'), requestKey('http://h/api/v1/cases?limit=5&offset=10'))
  assert.equal(requestKey('http://h/api/v1'), { route: '/', query: '' })
  assert.equal(requestKey('http://h/api/index.php?e=%2FBase%2FDepartment%2F5&apikey=k&salt=s&signature=x'), { route: '/Base/Department/5', query: '' })
  assert.equal(requestKey('http://h/api/index.php?/Tickets/TicketPost/ListAll/3&apikey=k&salt=1&signature=z'), {
    route: '/Tickets/TicketPost/ListAll/3',
    query: ''
  })
})

test('v1 record → replay: Case.get(2) gets case 2, pages their own page, an unrecorded request a Left naming it', async () => {
  const sandbox = createSandbox()
  const credentials = sandbox.v1?.credentials
  if (credentials === undefined) throw new Error('no v1 sandbox')
  const recorder = recordTransport(sandboxTransport(sandbox))
  const live = v1({ url: URL, auth: credentials, transport: recorder })
  const one = unwrap(await live(Case.get(1))())
  const two = unwrap(await live(Case.get(2))())
  const first = unwrap(await live(Case.all({ limit: 2 }))())
  const second = unwrap(await live(Case.all({ limit: 2, offset: 2 }))())
  const withUser = unwrap(await live(withQuery({ include: 'user' })(Case.get(2)))())
  assert.is.not(one.id, two.id)
  assert.not.equal(
    first.items.map((c) => c.id),
    second.items.map((c) => c.id)
  )
  const saved = JSON.parse(JSON.stringify(recorder.recordings)) as ReadonlyArray<Recording>
  assert.ok(saved.some((r) => r.method === 'GET' && r.route === '/cases/2'))

  const replayed = v1({ url: 'http://elsewhere.example/api/v1', auth: { username: 'anyone', password: 'anything' }, transport: replayTransport(saved) })
  // replayed in another order than recorded: each request finds its own answer
  assert.equal(unwrap(await replayed(Case.all({ limit: 2, offset: 2 }))()), second)
  assert.equal(unwrap(await replayed(Case.get(2))()), two)
  assert.equal(unwrap(await replayed(Case.get(1))()), one)
  assert.equal(unwrap(await replayed(Case.all({ limit: 2 }))()), first)
  assert.equal(unwrap(await replayed(withQuery({ include: 'user' })(Case.get(2)))()), withUser)
  const never = unwrapLeft(await replayed(Case.get(3))())
  assert.ok(never._tag === 'TransportError' && /^nothing recorded for GET \/cases\/3(\?|$)/.test(never.cause), JSON.stringify(never))
})

test('sentinel: no recording holds a password, session id, CSRF token, two-factor token or code, API key, secret key or signature', async () => {
  const PASSWORD = 'Sentinel-Password-7f3a'
  const sandbox = createSandbox({ apiKey: 'Sentinel-ApiKey-91c2', secretKey: 'Sentinel-SecretKey-44d0' })
  const accounts = sandbox.v1?.accounts
  const admin = sandbox.v1?.credentials
  if (accounts === undefined || admin === undefined) throw new Error('no v1 sandbox')
  const recorder = recordTransport(sandboxTransport(sandbox))
  const secrets: Array<string> = [sandbox.apiKey, sandbox.secretKey, admin.password, accounts.twoFactor.password, accounts.twoFactor.otp]

  // v1: a Basic login, writes with the CSRF token, the session resource (its body holds the session id), a two-factor
  // login (auth_token, then X-Token and X-OTP), and a wrong password.
  const live = v1({ url: URL, auth: admin, transport: recorder })
  unwrap(await live(Team.post({ title: 'Sentinels' }))())
  unwrap(await live(Session.get())())
  const held = live.session()
  if (held === undefined) throw new Error('no session')
  secrets.push(held.sessionId, ...(held.csrfToken === undefined ? [] : [held.csrfToken]))
  const withOtp = v1({ url: URL, auth: { ...accounts.twoFactor, otp: twoFactor(() => accounts.twoFactor.otp) }, transport: recorder })
  unwrap(await withOtp(Session.get())())
  const second = withOtp.session()
  if (second === undefined) throw new Error('no two-factor session')
  secrets.push(second.sessionId, ...(second.csrfToken === undefined ? [] : [second.csrfToken]))
  unwrapLeft(await v1({ url: URL, auth: { username: admin.username, password: PASSWORD }, transport: recorder })(Case.get(1))())
  secrets.push(PASSWORD)
  // a handed-over session is a secret from the start
  const handed = v1({
    url: URL,
    auth: { sessionId: held.sessionId, ...(held.csrfToken === undefined ? {} : { csrfToken: held.csrfToken }) },
    transport: recorder
  })
  unwrap(await handed(Case.get(1))())

  // Classic: signed GET and POST
  const signatures: Array<string> = []
  const signing = recordTransport((request) => {
    const sig = /[?&]signature=([^&]*)/.exec(request.url)?.[1] ?? new URLSearchParams(typeof request.body === 'string' ? request.body : '').get('signature')
    if (sig !== null && sig !== undefined) signatures.push(decodeURIComponent(sig))
    return recorder(request)
  })
  const run = classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport: signing })
  unwrap(await run(Department.all())())
  unwrap(await run(Department.post({ title: 'Sentinel', type: 'public', app: 'tickets' }))())
  assert.is(signatures.length, 2)

  const saved = JSON.stringify(recorder.recordings)
  assert.ok(recorder.recordings.length >= 8, String(recorder.recordings.length))
  // the session's own answer was recorded, with its id replaced
  assert.ok(recorder.recordings.some((r) => r.route === '/session' && r.body.includes('[redacted]')))
  for (const secret of [...secrets, ...signatures]) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
      assert.not.ok(saved.includes(form), `a recording holds ${JSON.stringify(form)}`)
    }
  }
  // …and none of the Basic credentials of a login
  assert.not.ok(saved.includes(Buffer.from(`${admin.username}:${admin.password}`).toString('base64')))
})

test.run()
