// The v1 client against the v1 sandbox, twice: in process (the sandbox handler as a transport) and over real HTTP
// (fetch against `startSandbox`, which serves v1 under /api/v1 beside the Classic API).
import { collect } from '../../src/v1/internal/paging'
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { fetchTransport, type HttpRequest, type Transport } from '../../src/core/http'
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import * as Article from '../../src/v1/Article'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/internal/executor'
import { withOptions } from '../../src/v1/internal/request'
import * as Search from '../../src/v1/Search'
import { unwrap, unwrapLeft } from '../support/transport'
import { localiseArticle } from '../../src/v1/internal/translate'

interface Mount {
  readonly url: string
  readonly credentials: { readonly username: string; readonly password: string }
  readonly expireSessions: () => void
  readonly sent: Array<HttpRequest>
  readonly transport: Transport
}

const recording =
  (inner: Transport, sent: Array<HttpRequest>): Transport =>
  (request) => {
    sent.push(request)
    return inner(request)
  }

const inProcess = async (): Promise<Mount> => {
  const sandbox = createV1Sandbox()
  const sent: Array<HttpRequest> = []
  const handler: Transport = (request) => async () => E.right(await sandbox.handle(request))
  return {
    url: 'http://127.0.0.1:1/api/v1',
    credentials: sandbox.credentials,
    expireSessions: sandbox.expireSessions,
    sent,
    transport: recording(handler, sent)
  }
}

let server: RunningSandbox | undefined
const overHttp = async (): Promise<Mount> => {
  server = await startSandbox()
  const side = server.v1
  const v1Sandbox = server.sandbox.v1
  if (side === undefined || v1Sandbox === undefined) throw new Error('startSandbox serves no v1 API')
  const sent: Array<HttpRequest> = []
  return {
    url: side.url,
    credentials: { username: side.username, password: side.password },
    expireSessions: v1Sandbox.expireSessions,
    sent,
    transport: recording(fetchTransport, sent)
  }
}

for (const [name, mountOf] of [
  ['in process', inProcess],
  ['over HTTP', overHttp]
] as const) {
  const e2e = suite(`v1 end to end (${name})`)
  let mounted: Mount
  e2e.before.each(async () => {
    mounted = await mountOf()
  })
  e2e.after.each(async () => {
    await server?.close()
    server = undefined
  })
  const mount = () => mounted
  const URL = () => mounted.url

  e2e('session flow: Basic → session → CSRF on a write → expiry → one re-login', async () => {
    const { credentials, expireSessions, sent, transport } = mount()
    const run = v1({ url: URL(), auth: credentials, transport })
    const first = unwrap(await run(Case.get(1))())
    assert.is(first.id, 1)
    assert.ok(sent[0]?.headers['authorization']?.startsWith('Basic '), 'logs in with Basic first')
    const session = sent[1]?.headers['x-session-id']
    assert.ok(session !== undefined && session.length > 0, 'then uses the session')
    assert.is(sent[1]?.headers['authorization'], undefined)

    const created = unwrap(
      await run(Case.post({ subject: 'Printer on fire', contents: 'Again.', channel: 'NOTE', requesterId: Number(first.requester?.id ?? 1) }))()
    )
    const write = sent[sent.length - 1]
    assert.is(write?.method, 'POST')
    assert.ok((write?.headers['x-csrf-token'] ?? '').length > 0, 'CSRF token on writes')
    assert.is(created.subject, 'Printer on fire')

    expireSessions()
    const before = sent.length
    const again = unwrap(await run(Case.get(created.id))())
    assert.is(again.id, created.id)
    const retried = sent.slice(before)
    assert.equal(
      retried.map((r) => r.method),
      ['GET', 'GET', 'GET'],
      'the expired call, one login, the retry'
    )
    assert.ok(retried[1]?.headers['authorization']?.startsWith('Basic '))
    assert.is.not(retried[2]?.headers['x-session-id'], session)
  })

  e2e('a wrong password is an ApiError that carries no credential', async () => {
    const { transport } = mount()
    const password = 'not-the-password-9f3b'
    const run = v1({ url: URL(), auth: { username: 'charlotte.kuchler@brewfictus.com', password }, transport })
    const e = unwrapLeft(await run(Case.get(1))())
    assert.is(e._tag, 'ApiError')
    assert.not.ok(JSON.stringify(e).includes(password))
    assert.not.ok(JSON.stringify(e).includes(btoa(`charlotte.kuchler@brewfictus.com:${password}`)))
  })

  e2e('a multi-page listing collects every case exactly once', async () => {
    const { credentials, sent, transport } = mount()
    const run = v1({ url: URL(), auth: credentials, transport })
    const everything = unwrap(await run(Case.all({ limit: 100 }))()).totalCount ?? -1
    const before = sent.length
    const cases = unwrap(await collect(run)(Case.all({ limit: 7 }))())
    assert.is(cases.length, everything)
    assert.is(new Set(cases.map((c) => c.id)).size, everything)
    assert.is(sent.length - before, Math.ceil(everything / 7))
  })

  e2e('one case fetched six ways (snake/camel/pascal × flat/nested) and without empties decodes to equal values', async () => {
    const { credentials, transport } = mount()
    const run = v1({ url: URL(), auth: credentials, transport })
    const values = []
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      for (const flat of [false, true]) {
        for (const empty of [undefined, false] as const) {
          values.push(unwrap(await run(pipe(Case.get(1), withOptions({ case: letterCase, flat, include: '*', ...(empty === false ? { empty } : {}) })))()))
        }
      }
    }
    for (const v of values.slice(1)) assert.equal(v, values[0])
  })

  e2e('help center: an article reads the same { title, contents } in de, flat or nested, in every _case; search finds it', async () => {
    const { credentials, transport } = mount()
    const run = v1({ url: URL(), auth: credentials, transport })
    const readings = []
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      for (const flat of [false, true]) {
        readings.push(localiseArticle(unwrap(await run(pipe(Article.get(2, ['localeField']), withOptions({ case: letterCase, flat })))()), 'de'))
      }
    }
    assert.is(readings[0]?.title, 'Entkalken Ihrer Maschine')
    for (const r of readings.slice(1)) assert.equal(r, readings[0])
    const hits = unwrap(await run(Search.query({ query: 'descaling', resources: ['articles'], include: ['article', 'localeField'] }))()).items
    assert.equal(
      hits.map((h) => [h.resource, h.title]),
      [['article', 'Descaling your machine']]
    )
  })

  e2e.run()
}
