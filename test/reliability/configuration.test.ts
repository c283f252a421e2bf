// Bad configuration and poor runtimes (issue 11, findings 6 and 7): building an executor never throws, whatever it is
// given; every call of an executor with a missing or malformed field is a ValidationError naming the field (and
// never showing a secret); a failure before anything was sent (no WebCrypto, a signer or salt source that throws, an
// otp callback that throws, a URL no transport can send) is never a TransportError.
import * as E from 'fp-ts/Either'
import { readFileSync } from 'node:fs'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { isTransient, type KayakoError } from '../../src/core/error'
import { fetchTransport, type HttpRequest, type Transport } from '../../src/core/http'
import { nodeTransport } from '../../src/node/index'
import { twoFactor } from '../../src/v1/internal/auth'
import { v1 } from '../../src/v1/internal/executor'
import * as Team from '../../src/v1/Team'
import { ROOT } from '../tooling/entries.mjs'

const SECRET = 'config-secret-6a1f9c'

/** Records what it is asked to send and answers nothing useful: no call in these tests should reach it. */
const recording = () => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    return E.right({ status: 500, headers: {}, body: '' })
  }
  return { transport, sent }
}

const leftOf = (result: E.Either<KayakoError, unknown>): KayakoError => {
  if (E.isRight(result)) throw new Error(`expected a Left, got Right ${JSON.stringify(result.right)}`)
  return result.left
}

/** The paths of a ValidationError (fails on any other Left). */
const pathsOf = (left: KayakoError): ReadonlyArray<string> => {
  assert.ok(left._tag === 'ValidationError', JSON.stringify(left))
  return left._tag === 'ValidationError' ? left.issues.map((i) => i.path) : []
}

const t = suite('configuration')

// ---------------------------------------------------------------------------------------------------------------
// Classic (finding 6)

const CLASSIC_URL = 'https://help.example.com/api/index.php'

const CLASSIC_CASES: ReadonlyArray<readonly [string, unknown, ReadonlyArray<string>]> = [
  ['no config at all', undefined, ['config']],
  ['null', null, ['config']],
  ['a string', CLASSIC_URL, ['config']],
  ['unset environment variables', { url: undefined, apiKey: undefined, secretKey: undefined }, ['config.url', 'config.apiKey', 'config.secretKey']],
  ['empty strings', { url: '', apiKey: '', secretKey: '  ' }, ['config.url', 'config.apiKey', 'config.secretKey']],
  ['non-strings', { url: 42, apiKey: { key: SECRET }, secretKey: [SECRET] }, ['config.url', 'config.apiKey', 'config.secretKey']],
  ['a URL without its protocol', { url: 'help.example.com/api/index.php', apiKey: SECRET, secretKey: SECRET }, ['config.url']],
  ['a URL of another protocol', { url: 'ftp://help.example.com/api/index.php', apiKey: SECRET, secretKey: SECRET }, ['config.url']],
  ['a missing secret key', { url: CLASSIC_URL, apiKey: SECRET }, ['config.secretKey']],
  [
    'options of the wrong types',
    { url: CLASSIC_URL, apiKey: SECRET, secretKey: SECRET, signer: 'node', salt: 5, maxBodyBytes: -1, deadlineMs: 'soon' },
    ['config.salt', 'config.signer', 'config.maxBodyBytes', 'config.deadlineMs']
  ],
  [
    'a getter that throws',
    Object.defineProperty({ apiKey: SECRET, secretKey: SECRET }, 'url', {
      get: () => {
        throw new Error('no')
      }
    }),
    ['config']
  ]
]

for (const [name, config, paths] of CLASSIC_CASES) {
  t(`Classic, ${name}: building never throws; every call is a ValidationError naming ${paths.join(', ')}; nothing is sent`, async () => {
    const { transport, sent } = recording()
    let run: ReturnType<typeof classic> | undefined
    assert.not.throws(() => {
      run = classic(config as Parameters<typeof classic>[0])
    })
    for (const [operation, call] of [
      ['Department.get', (r: ReturnType<typeof classic>) => r(Department.get(1))()],
      ['Department.post', (r: ReturnType<typeof classic>) => r(Department.post({ title: 'Invoices', type: 'public', app: 'tickets' }))()]
    ] as const) {
      const left = leftOf(await call(run as ReturnType<typeof classic>))
      assert.is(left.operation, operation)
      assert.equal(pathsOf(left), paths)
      assert.not.ok(JSON.stringify(left).includes(SECRET), 'a secret shown')
      assert.is(isTransient(left), false, 'retrying a configuration that cannot work gets the same answer')
    }
    assert.is(sent.length, 0)
    // with a transport of its own, too: the configuration is refused before the transport is ever called
    if (config !== null && typeof config === 'object' && paths[0] !== 'config') {
      const own = classic({ ...config, transport } as Parameters<typeof classic>[0])
      assert.equal(pathsOf(leftOf(await own(Department.get(1))())), paths)
      assert.is(sent.length, 0)
    }
  })
}

// ---------------------------------------------------------------------------------------------------------------
// v1 (finding 6)

const V1_URL = 'https://brewfictus.kayako.com'

const V1_CASES: ReadonlyArray<readonly [string, unknown, ReadonlyArray<string>]> = [
  ['no config at all', undefined, ['config']],
  ['unset environment variables', { url: undefined, auth: undefined }, ['config.url', 'config.auth']],
  ['an unset password', { url: V1_URL, auth: { username: 'agent@brewfictus.com', password: undefined } }, ['config.auth.password']],
  ['an empty username and password', { url: V1_URL, auth: { username: '', password: '' } }, ['config.auth.username', 'config.auth.password']],
  ['a password without a username', { url: V1_URL, auth: { password: SECRET } }, ['config.auth.username']],
  ['an otp that is not a function', { url: V1_URL, auth: { username: 'a@b.co', password: SECRET, otp: '123456' } }, ['config.auth.otp']],
  // a bare code callback (the form before `twoFactor`) would be asked for nothing: refused before anything is sent
  ['an otp callback not made by twoFactor', { url: V1_URL, auth: { username: 'a@b.co', password: SECRET, otp: () => '123456' } }, ['config.auth.otp']],
  ['an unset bearer token', { url: V1_URL, auth: { bearer: undefined } }, ['config.auth.bearer']],
  ['a session id that is not a string', { url: V1_URL, auth: { sessionId: 42, csrfToken: '' } }, ['config.auth.sessionId', 'config.auth.csrfToken']],
  ['an auth of no known shape', { url: V1_URL, auth: { token: SECRET } }, ['config.auth']],
  ['a URL without its protocol', { url: 'brewfictus.kayako.com', auth: { bearer: SECRET } }, ['config.url']],
  [
    'options of the wrong types',
    { url: V1_URL, auth: { bearer: SECRET }, onMeta: true, options: 'x', maxBodyBytes: '1000', deadlineMs: 0 },
    ['config.onMeta', 'config.options', 'config.maxBodyBytes', 'config.deadlineMs']
  ]
]

for (const [name, config, paths] of V1_CASES) {
  t(`v1, ${name}: building never throws; every call (and withMeta) is a ValidationError naming ${paths.join(', ')}; nothing is sent`, async () => {
    const { transport, sent } = recording()
    const full = config !== null && typeof config === 'object' ? { ...config, transport } : config
    let run: ReturnType<typeof v1> | undefined
    assert.not.throws(() => {
      run = v1(full as Parameters<typeof v1>[0])
    })
    const executor = run as ReturnType<typeof v1>
    for (const request of [Team.get(1), Team.put(1, { title: 'Sales' })]) {
      const left = leftOf(await executor<unknown>(request)())
      assert.is(left.operation, request.operation)
      assert.equal(pathsOf(left), paths)
      assert.not.ok(JSON.stringify(left).includes(SECRET), 'a secret shown')
      assert.equal(pathsOf(leftOf(await executor.withMeta<unknown>(request)())), paths)
    }
    assert.is(executor.session(), undefined)
    assert.is(sent.length, 0)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Failures before anything was sent (finding 7)

const withoutWebCrypto = async <A>(work: () => Promise<A>): Promise<A> => {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true })
  try {
    return await work()
  } finally {
    if (descriptor !== undefined) Object.defineProperty(globalThis, 'crypto', descriptor)
  }
}

t('a runtime without WebCrypto (Node 18): the Classic call is a ValidationError that says so, not a TransportError; nothing is sent', async () => {
  const { transport, sent } = recording()
  const run = classic({ url: CLASSIC_URL, apiKey: SECRET, secretKey: SECRET, transport })
  const left = await withoutWebCrypto(async () => leftOf(await run(Department.get(1))()))
  assert.ok(left._tag === 'ValidationError', JSON.stringify(left))
  if (left._tag !== 'ValidationError') return
  // the salt may still come from random bytes drawn earlier: then signing is what finds WebCrypto missing
  assert.ok(['config.salt', 'config.signer'].includes(left.issues[0]?.path ?? ''), JSON.stringify(left))
  assert.match(left.issues[0]?.message ?? '', /no WebCrypto .*Node 20 or later.*; nothing was sent$/)
  assert.is(sent.length, 0)
})

t('a signer or salt source that throws is a ValidationError naming it, scrubbed; nothing is sent', async () => {
  const { transport, sent } = recording()
  const signer = () => () => {
    throw new Error(`HSM refused key ${SECRET}`)
  }
  const signed = leftOf(await classic({ url: CLASSIC_URL, apiKey: 'the-api-key', secretKey: SECRET, signer, transport })(Department.get(1))())
  assert.ok(
    signed._tag === 'ValidationError' &&
      signed.issues[0]?.path === 'config.signer' &&
      /the signer failed \(Error: HSM refused key \[redacted\]\)/.test(signed.issues[0].message),
    JSON.stringify(signed)
  )
  const throwingMaker = () => {
    throw new Error('no key')
  }
  const made = leftOf(await classic({ url: CLASSIC_URL, apiKey: 'key', secretKey: SECRET, signer: throwingMaker, transport })(Department.get(1))())
  assert.ok(made._tag === 'ValidationError' && made.issues[0]?.path === 'config.signer', JSON.stringify(made))
  const salted = leftOf(
    await classic({
      url: CLASSIC_URL,
      apiKey: 'key',
      secretKey: SECRET,
      salt: () => {
        throw new Error('no entropy')
      },
      transport
    })(Department.get(1))()
  )
  assert.ok(salted._tag === 'ValidationError' && salted.issues[0]?.path === 'config.salt', JSON.stringify(salted))
  assert.is(sent.length, 0)
})

t('an otp callback that throws is a ValidationError naming it: the code was never sent', async () => {
  const otpExpected = JSON.stringify({
    status: 403,
    errors: [{ code: 'OTP_EXPECTED', message: 'one-time password needed' }],
    auth_token: 'AUTH-TOKEN-0123456789'
  })
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    return E.right({ status: 403, headers: {}, body: otpExpected })
  }
  const otp = () => {
    throw new Error('authenticator app unavailable')
  }
  const left = leftOf(await v1({ url: V1_URL, auth: { username: 'a@b.co', password: SECRET, otp: twoFactor(otp) }, transport })(Team.get(1))())
  assert.ok(
    left._tag === 'ValidationError' && left.issues[0]?.path === 'config.auth.otp' && left.issues[0].message.includes('authenticator app unavailable'),
    JSON.stringify(left)
  )
  assert.is(sent.length, 1, 'only the first step of the login')
})

for (const [name, transport] of [
  ['fetchTransport', fetchTransport],
  ['nodeTransport', nodeTransport()]
] as const) {
  t(`${name}: a URL that does not parse, or is not http(s), is a ValidationError (nothing was sent), not a TransportError`, async () => {
    for (const url of ['not a url', 'help.example.com/api/index.php', 'file:///etc/passwd']) {
      const left = leftOf(await transport({ method: 'GET', url, headers: {}, operation: 'Department.get' })())
      assert.equal([left._tag, left.operation, pathsOf(left)], ['ValidationError', 'Department.get', ['url']])
    }
  })
}

t('engines names a Node that has what the library needs (a global WebCrypto: Node 19+), and the Node running the tests (CI) satisfies it', () => {
  const engines = (JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { engines: { node: string } }).engines.node
  const lowest = /^>=\s*(\d+)/.exec(engines)
  assert.ok(lowest !== null, engines)
  assert.ok(Number(lowest?.[1]) >= 19, `${engines}: Node 18 has no global crypto, so every Classic call would fail`)
  assert.ok(Number(process.versions.node.split('.')[0]) >= Number(lowest?.[1]), `Node ${process.versions.node} does not satisfy ${engines}`)
})

t.run()
