// Downloads (Attachment.download, File.download): bytes with the session's credentials, never an envelope, to the
// helpdesk's origin only (the redirect rule of the Reliability section), bounded by maxBodyBytes.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import * as Attachment from '../../src/v1/Attachment'
import * as File from '../../src/v1/File'
import { v1 } from '../../src/v1/internal/executor'
import { unwrap, unwrapLeft } from '../support/transport'

const SESSION = 'SESSION-ID-0123456789abcdef'
const URL = 'https://brewfictus.kayako.com/api/v1/cases/9999/notes/99999/attachments/2/download'

/** Answers by URL; records every request (a download asks for bytes, and gets them when the answer has them). */
const server = (answers: Readonly<Record<string, Partial<HttpResponse>>>) => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    const a = answers[request.url] ?? {
      status: 404,
      body: '{"status":404,"errors":[{"code":"RESOURCE_NOT_FOUND","message":"not here"}]}'
    }
    const body = a.body ?? ''
    const response: HttpResponse = {
      status: a.status ?? 200,
      headers: a.headers ?? {},
      body
    }
    return E.right(
      request.bytes === true
        ? {
            ...response,
            body: '',
            bytes: a.bytes ?? new TextEncoder().encode(body)
          }
        : response
    )
  }
  return { transport, sent }
}

const runOn = (transport: Transport, maxBodyBytes?: number) =>
  v1({
    url: 'https://brewfictus.kayako.com',
    auth: { sessionId: SESSION },
    transport,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes })
  })

test('a JSON attachment comes back as its bytes, not as an envelope; with the session, asking for any type', async () => {
  const json = '{"status":500,"errors":[{"code":"NOT_AN_ANSWER"}],"data":[1,2]}'
  const { transport, sent } = server({
    [URL]: { body: json, headers: { 'content-type': 'application/json' } }
  })
  const bytes = unwrap(await runOn(transport)(Attachment.download({ urlDownload: URL }))())
  assert.ok(bytes instanceof Uint8Array)
  assert.is(new TextDecoder().decode(bytes), json)
  assert.equal([sent.length, sent[0]?.url, sent[0]?.headers['x-session-id'], sent[0]?.headers.accept, sent[0]?.bytes], [1, URL, SESSION, '*/*', true])
})

test('binary bytes pass untouched; a transport that answers text gives its UTF-8 bytes', async () => {
  const binary = Uint8Array.from({ length: 256 }, (_, i) => 255 - i)
  const { transport } = server({ [URL]: { bytes: binary } })
  assert.equal(unwrap(await runOn(transport)(File.download({ contentUrl: URL }))()), binary)
  const textOnly: Transport = () => async () => E.right({ status: 200, headers: {}, body: 'héllo' })
  assert.equal(unwrap(await runOn(textOnly)(Attachment.download(URL))()), new TextEncoder().encode('héllo'))
})

test('another origin is refused before anything is sent: its credentials go nowhere else', async () => {
  for (const elsewhere of [
    'https://evil.example/api/v1/files/1/content',
    'http://brewfictus.kayako.com/api/v1/files/1/content',
    'https://brewfictus.kayako.com:8443/x'
  ]) {
    const { transport, sent } = server({})
    const e = unwrapLeft(await runOn(transport)(Attachment.download(elsewhere))())
    assert.is(e._tag, 'ValidationError')
    assert.ok(e._tag === 'ValidationError' && /helpdesk's origin \(https:\/\/brewfictus\.kayako\.com\).*nothing was sent/.test(e.issues[0]?.message ?? ''))
    assert.is(sent.length, 0, elsewhere)
  }
})

test('a redirect within the origin is followed with the session; one elsewhere is an HttpError naming the Location', async () => {
  const moved = 'https://brewfictus.kayako.com/media/2.bin'
  const same = server({
    [URL]: { status: 302, headers: { location: '/media/2.bin' } },
    [moved]: { body: 'the bytes' }
  })
  assert.is(new TextDecoder().decode(unwrap(await runOn(same.transport)(Attachment.download(URL))())), 'the bytes')
  assert.equal(
    same.sent.map((r) => [r.url, r.headers['x-session-id']]),
    [
      [URL, SESSION],
      [moved, SESSION]
    ]
  )

  const cdn = 'https://cdn.example.net/signed/2.bin?token=abc'
  const away = server({
    [URL]: { status: 307, headers: { location: cdn } },
    [cdn]: { body: 'never' }
  })
  const e = unwrapLeft(await runOn(away.transport)(Attachment.download(URL))())
  assert.is(e._tag, 'HttpError')
  assert.ok(e._tag === 'HttpError' && e.status === 307 && (e.message ?? '').includes('redirected to https://cdn.example.net/signed/2.bin'), JSON.stringify(e))
  assert.equal(
    away.sent.map((r) => r.url),
    [URL],
    'the other origin received nothing'
  )

  // a loop within the origin stops after five hops
  const loop = server({ [URL]: { status: 301, headers: { location: URL } } })
  assert.is(unwrapLeft(await runOn(loop.transport)(Attachment.download(URL))())._tag, 'HttpError')
  assert.is(loop.sent.length, 6)
})

test('a failed download is read as the API error it is; a body over maxBodyBytes is a ParseError', async () => {
  const { transport } = server({})
  const e = unwrapLeft(await runOn(transport)(Attachment.download(URL))())
  assert.ok(e._tag === 'ApiError' && e.status === 404 && e.errors[0]?.code === 'RESOURCE_NOT_FOUND', JSON.stringify(e))
  const big = server({ [URL]: { bytes: new Uint8Array(2048) } })
  const tooLarge = unwrapLeft(await runOn(big.transport, 1024)(Attachment.download(URL))())
  assert.ok(tooLarge._tag === 'ParseError' && tooLarge.message.includes('exceeds maxBodyBytes (1024 bytes)'), JSON.stringify(tooLarge))
  const declared = server({
    [URL]: {
      bytes: new Uint8Array(0),
      headers: { 'content-length': '5000000' }
    }
  })
  assert.is(unwrapLeft(await runOn(declared.transport, 1024)(Attachment.download(URL))())._tag, 'ParseError')
})

test('an attachment without a download URL, or a URL that is not http(s), is an issue', () => {
  assert.equal(
    Attachment.download({ urlDownload: null }).issues.map((i) => i.path),
    ['url']
  )
  assert.equal(
    File.download('ftp://brewfictus.kayako.com/x').issues.map((i) => i.message),
    ['must be an absolute http(s) URL']
  )
  assert.equal(Attachment.download(URL).issues, [])
})

test('a download description names a path that starts with / whatever the argument (an opaque URL has none, or one without its slash)', () => {
  for (const url of ['a:b', 'A:', 'not a url', URL]) {
    const path = File.download(url).path
    assert.ok(path.startsWith('/'), `${url} → ${path}`)
  }
  assert.is(File.download(URL).path, '/api/v1/cases/9999/notes/99999/attachments/2/download')
})

test.run()
