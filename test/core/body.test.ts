import * as fc from 'fast-check'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import { base64OfText, toBase64, utf8ByteLength } from '../../src/core/bytes'
import { bodyTooLarge, DEFAULT_MAX_BODY_BYTES, fetchTransportWith } from '../../src/core/http'
import { costAsync } from '../support/cpu'
import { fixture } from '../support/fixtures'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const response = (body: string, headers: Record<string, string> = {}) => ({ status: 200, headers, body })

test('utf8ByteLength agrees with TextEncoder on any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => utf8ByteLength(text) === new TextEncoder().encode(text).length),
    { numRuns: 500 }
  )
})

test('base64OfText agrees with Base64 of TextEncoder bytes on any text (lone surrogates too)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => base64OfText(text) === toBase64(new TextEncoder().encode(text))),
    { numRuns: 500 }
  )
  assert.is(base64OfText('\ud800a€\udc00'), toBase64(new TextEncoder().encode('\ufffda€\ufffd')))
})

test('bodyTooLarge: within, above, multi-byte text, and a declared Content-Length', () => {
  assert.is(bodyTooLarge(response('x'.repeat(100)), 100), undefined)
  assert.is(bodyTooLarge(response('x'.repeat(101)), 100), 'the body (at least 101 bytes) exceeds maxBodyBytes (100 bytes)')
  // 40 characters of 3 bytes each: 120 bytes
  assert.is(bodyTooLarge(response('€'.repeat(40)), 100), 'the body (at least 120 bytes) exceeds maxBodyBytes (100 bytes)')
  assert.is(bodyTooLarge(response('€'.repeat(33)), 100), undefined)
  assert.is(bodyTooLarge(response('', { 'content-length': '5000' }), 100), 'the body (at least 5000 bytes) exceeds maxBodyBytes (100 bytes)')
  assert.is(bodyTooLarge(response('x', { 'content-length': 'nonsense' }), 100), undefined)
  assert.is(bodyTooLarge(response('x'.repeat(1000)), Infinity), undefined)
  assert.is(DEFAULT_MAX_BODY_BYTES, 32 * 1024 * 1024)
})

const URL = 'https://help.example.com/api/index.php'
const LIST = fixture('classic/Department_ListAll.xml')

test('Classic executor: a body above maxBodyBytes is a ParseError and is not parsed', async () => {
  let parsed = 0
  const xmlParser = () => {
    parsed++
    return []
  }
  const { transport, sent } = canned({ body: LIST })
  const e = unwrapLeft(await classic({ url: URL, apiKey: 'k', secretKey: 's', transport, maxBodyBytes: 100, xmlParser })(Department.all())())
  assert.equal([e._tag, e._tag === 'ParseError' ? e.message : ''], ['ParseError', `the body (at least ${LIST.length} bytes) exceeds maxBodyBytes (100 bytes)`])
  assert.is(parsed, 0)
  assert.is(sent[0]?.maxBodyBytes, 100, 'the limit travels with the request so the transport can stop reading')
  // the same body within the default limit decodes
  assert.is(unwrap(await classic({ url: URL, apiKey: 'k', secretKey: 's', transport })(Department.all())()).length, 2)
  assert.is(sent[1]?.maxBodyBytes, DEFAULT_MAX_BODY_BYTES)
})

test('Classic executor: oversized error bodies; a DELETE ignores its body', async () => {
  const big = 'x'.repeat(500)
  const run = (status: number) => classic({ url: URL, apiKey: 'k', secretKey: 's', transport: canned({ status, body: big }).transport, maxBodyBytes: 100 })
  assert.is(unwrapLeft(await run(400)(Department.delete(1))())._tag, 'ParseError')
  const http = unwrapLeft(await run(503)(Department.all())())
  assert.equal([http._tag, http._tag === 'HttpError' ? http.body.length : 0], ['HttpError', 500])
  assert.is(unwrap(await run(200)(Department.delete(1))()), undefined)
})

/** A fetch whose body is a stream of `chunks` chunks of 1 KiB, counting how many were pulled. */
const streamingFetch = (chunks: number, headers: Record<string, string> = {}) => {
  const counts = { pulled: 0, cancelled: false }
  const fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (counts.pulled >= chunks) return controller.close()
          counts.pulled++
          controller.enqueue(new TextEncoder().encode('a'.repeat(1024)))
        },
        cancel() {
          counts.cancelled = true
        }
      }),
      { status: 200, headers }
    )
  return { fetch, counts }
}

test('fetchTransport stops reading a body as soon as it exceeds maxBodyBytes', async () => {
  const endless = streamingFetch(1_000_000)
  const t = fetchTransportWith(() => endless.fetch)
  const r = unwrap(await t({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 10_000 })())
  assert.ok(r.body.length > 10_000 && r.body.length <= 11 * 1024, String(r.body.length))
  assert.ok(endless.counts.pulled <= 12, String(endless.counts.pulled))
  assert.is(endless.counts.cancelled, true)
  assert.ok(bodyTooLarge(r, 10_000) !== undefined)
})

test('fetchTransport: a declared Content-Length above the limit is not read at all; a small body is read whole', async () => {
  const declared = streamingFetch(100, { 'content-length': String(100 * 1024) })
  const r = unwrap(await fetchTransportWith(() => declared.fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 1000 })())
  assert.is(r.body, '')
  assert.ok(declared.counts.pulled <= 1)
  assert.ok(bodyTooLarge(r, 1000) !== undefined)
  const small = streamingFetch(3)
  const whole = unwrap(await fetchTransportWith(() => small.fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 1_000_000 })())
  assert.is(whole.body.length, 3 * 1024)
})

test('fetchTransport: a small Content-Length of a compressed body does not lift the limit', async () => {
  const bomb = streamingFetch(1_000_000, { 'content-length': '500', 'content-encoding': 'gzip' })
  const r = unwrap(await fetchTransportWith(() => bomb.fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 10_000 })())
  assert.ok(bomb.counts.pulled <= 12 && bomb.counts.cancelled, JSON.stringify([bomb.counts, r.body.length]))
  assert.ok(bodyTooLarge(r, 10_000) !== undefined)
})

test('fetchTransport: a Content-Encoding of 256 KB of no-break spaces (0xA0, which fetch keeps) is read in linear time (it took ~25 s), and counts as one', async () => {
  const hostile = streamingFetch(3, { 'content-length': '10', 'content-encoding': `${'\u00a0'.repeat(256 * 1024)}x` })
  const run = await costAsync(() => fetchTransportWith(() => hostile.fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 1000 })())
  assert.ok(run.cpuMs < 500, `${run.cpuMs.toFixed(0)} ms of CPU`)
  // an encoding the transport does not know: its declared length does not bound the read, the limit does (one chunk)
  assert.is(unwrap(run.value).body.length, 1024)
  for (const identity of [' identity ', 'IDENTITY', '']) {
    const plain = streamingFetch(3, { 'content-length': '10', 'content-encoding': identity })
    assert.is(
      unwrap(await fetchTransportWith(() => plain.fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 1000 })()).body.length,
      3 * 1024,
      identity
    )
  }
})

test('fetchTransport keeps multi-byte characters that straddle chunks', async () => {
  const bytes = new TextEncoder().encode('€uro')
  const fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 2))
          controller.enqueue(bytes.subarray(2))
          controller.close()
        }
      })
    )
  const r = unwrap(await fetchTransportWith(() => fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 100 })())
  assert.is(r.body, '€uro')
})

test('fetchTransport: a body cut at the limit in the middle of a character is still too large', async () => {
  // 9 ASCII bytes and the first 2 of the 3 bytes of €: 11 bytes arrived, one more than the limit
  const bytes = new TextEncoder().encode('abcdefghi€').subarray(0, 11)
  const fetch = async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes)
          controller.close()
        }
      })
    )
  const r = unwrap(await fetchTransportWith(() => fetch)({ method: 'GET', url: 'http://h/', headers: {}, maxBodyBytes: 10 })())
  assert.ok(bodyTooLarge(r, 10) !== undefined, JSON.stringify(r.body))
})

test('fetchTransport: a download from a fetch without body streams answers the text it has', async () => {
  const fetch = async () => ({ status: 200, headers: new Headers(), body: null, text: async () => 'plain' })
  const r = unwrap(await fetchTransportWith(() => fetch)({ method: 'GET', url: 'http://h/', headers: {}, bytes: true, maxBodyBytes: 100 })())
  assert.equal([r.body, r.bytes], ['plain', undefined])
})

test.run()
