// The shared execution pipeline both executors configure (src/core/pipeline.ts): what it owns is tested here once,
// without an API around it; the executors' suites prove each API's specifics on top of it.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as E from '../../src/core/either'
import { failure, success, type Decoder } from '../../src/core/decoder'
import type { KayakoError } from '../../src/core/error'
import type { HttpRequest, Transport } from '../../src/core/http'
import { decode, pipeline, refuse, type Call } from '../../src/core/pipeline'

const t = suite('pipeline')

const SECRET = 'p1pe-secret'
const REQUEST: HttpRequest = { method: 'GET', url: 'https://h/x', headers: {}, operation: 'X.get' }
const target = () => ({ method: 'GET', url: 'https://h/x', headers: {} })
const call = <A>(exchange: Call<A>['exchange'], issues: Call<A>['issues'] = []): Call<A> => ({
  operation: 'X.get',
  issues,
  secrets: () => [SECRET],
  target,
  exchange
})
const answering =
  (body: string, headers: Record<string, string> = {}): Transport =>
  () =>
  async () =>
    E.right({ status: 200, headers, body })

t('run: issues are a ValidationError and the exchange never runs; every Left is scrubbed', async () => {
  const p = pipeline({ transport: answering('') })
  let ran = false
  const invalid = await p.run(call(async () => ((ran = true), E.right(1)), [{ path: 'id', message: `not ${SECRET}` }]))
  assert.equal([ran, invalid], [false, E.left({ _tag: 'ValidationError', operation: 'X.get', issues: [{ path: 'id', message: 'not [redacted]' }] })])
  const failed = await p.run(call(async () => E.left<KayakoError>({ _tag: 'ParseError', operation: 'X.get', message: `got ${SECRET}`, excerpt: SECRET })))
  assert.equal(failed, E.left({ _tag: 'ParseError', operation: 'X.get', message: 'got [redacted]', excerpt: '[redacted]' }))
  assert.equal(await p.run(call(async () => E.right(SECRET))), E.right(SECRET), "a Right is the caller's own data")
})

t('run: an exchange that throws is a scrubbed TransportError at the target, never a rejection', async () => {
  const thrown = await pipeline({ transport: answering('') }).run(
    call(async () => {
      throw new Error(`boom ${SECRET}`)
    })
  )
  assert.equal(thrown, E.left({ _tag: 'TransportError', operation: 'X.get', request: target(), cause: 'Error: boom [redacted]' }))
})

t('send: a throwing transport is a TransportError; maxBodyBytes is passed on; tooLarge is the size check', async () => {
  const seen: Array<HttpRequest> = []
  const throwing: Transport = (request) => {
    seen.push(request)
    throw new Error('no socket')
  }
  const p = pipeline({ transport: throwing, maxBodyBytes: 10, deadlineMs: Infinity })
  const sent = await p.send(REQUEST)
  assert.ok(E.isLeft(sent) && sent.left._tag === 'TransportError' && sent.left.cause === 'Error: no socket')
  assert.is(seen[0]?.maxBodyBytes, 10)
  assert.is(p.tooLarge('X.get', { status: 200, headers: {}, body: '0123456789' }), undefined)
  assert.is(p.tooLarge('X.get', { status: 200, headers: {}, body: '0123456789a' })?._tag, 'ParseError')
  assert.is(
    pipeline({ transport: throwing }).tooLarge('X.get', { status: 200, headers: { 'content-length': String(64 * 1024 * 1024) }, body: '' })?._tag,
    'ParseError',
    'the default limit is 32 MiB'
  )
})

t('send: the default deadline is on unless deadlineMs is Infinity (the transport gets a signal and phases)', async () => {
  const seen: Array<HttpRequest> = []
  const recording: Transport = (request) => {
    seen.push(request)
    return answering('')(request)
  }
  await pipeline({ transport: recording }).send(REQUEST)
  await pipeline({ transport: recording, deadlineMs: Infinity }).send(REQUEST)
  assert.equal([seen[0]?.signal !== undefined, typeof seen[0]?.onPhase], [true, 'function'])
  assert.equal([seen[1]?.signal, seen[1]?.onPhase], [undefined, undefined])
})

t('decode: failures and a throwing decoder are DecodeErrors', () => {
  const ok: Decoder<unknown, number> = { decode: () => success(1) }
  const bad: Decoder<unknown, number> = { decode: (u) => failure(u, 'a number') }
  const throwing: Decoder<unknown, number> = {
    decode: () => {
      throw new RangeError('deep')
    }
  }
  assert.equal(decode('X.get', ok, null), E.right(1))
  assert.equal(decode('X.get', bad, 'x'), E.left({ _tag: 'DecodeError', operation: 'X.get', messages: ['(root): a number (got "x")'] }))
  assert.equal(
    decode('X.get', throwing, null),
    E.left({ _tag: 'DecodeError', operation: 'X.get', messages: ['(root): could not be decoded (RangeError: deep)'] })
  )
})

t('refuse: every call of a configuration that cannot work is a ValidationError naming the fields', async () => {
  const issues = [{ path: 'config.url', message: 'is required' }]
  assert.equal(await refuse(issues)({ operation: 'X.get' })(), E.left({ _tag: 'ValidationError', operation: 'X.get', issues }))
})

t.run()
