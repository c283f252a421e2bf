// The v1 client against the v1 sandbox, in process (the sandbox's own transport; the same flows over HTTP run in
// the server suite once the sandbox server mounts the v1 handler).
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, Transport } from '../../src/core/http'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import * as Case from '../../src/v1/Case'
import { v1 } from '../../src/v1/executor'
import { withOptions } from '../../src/v1/request'
import { unwrap, unwrapLeft } from '../support/transport'

const e2e = suite('v1 end to end (sandbox transport)')

const mount = () => {
  const sandbox = createV1Sandbox()
  const sent: Array<HttpRequest> = []
  const transport: Transport = (request) => async () => {
    sent.push(request)
    return E.right(await sandbox.handle(request))
  }
  return { sandbox, sent, transport }
}

const URL = 'http://127.0.0.1:1/api/v1'

e2e('session flow: Basic → session → CSRF on a write → expiry → one re-login', async () => {
  const { sandbox, sent, transport } = mount()
  const run = v1({ url: URL, auth: sandbox.credentials, transport })
  const first = unwrap(await run(Case.get(1))())
  assert.is(first.id, 1)
  assert.ok(sent[0]?.headers['authorization']?.startsWith('Basic '), 'logs in with Basic first')
  const session = sent[1]?.headers['x-session-id']
  assert.ok(session !== undefined && session.length > 0, 'then uses the session')
  assert.is(sent[1]?.headers['authorization'], undefined)

  const created = unwrap(await run(Case.post({ subject: 'Printer on fire', contents: 'Again.', channel: 'NOTE', requesterId: Number(first.requester?.id ?? 1) }))())
  const write = sent[sent.length - 1]
  assert.is(write?.method, 'POST')
  assert.ok((write?.headers['x-csrf-token'] ?? '').length > 0, 'CSRF token on writes')
  assert.is(created.subject, 'Printer on fire')

  sandbox.expireSessions()
  const before = sent.length
  const again = unwrap(await run(Case.get(created.id))())
  assert.is(again.id, created.id)
  const retried = sent.slice(before)
  assert.equal(retried.map((r) => r.method), ['GET', 'GET', 'GET'], 'the expired call, one login, the retry')
  assert.ok(retried[1]?.headers['authorization']?.startsWith('Basic '))
  assert.is.not(retried[2]?.headers['x-session-id'], session)
})

e2e('a wrong password is an ApiError that carries no credential', async () => {
  const { transport } = mount()
  const password = 'not-the-password-9f3b'
  const run = v1({ url: URL, auth: { username: 'charlotte.kuchler@brewfictus.com', password }, transport })
  const e = unwrapLeft(await run(Case.get(1))())
  assert.is(e._tag, 'ApiError')
  assert.not.ok(JSON.stringify(e).includes(password))
  assert.not.ok(JSON.stringify(e).includes(btoa(`charlotte.kuchler@brewfictus.com:${password}`)))
})

e2e('a multi-page listing collects every case exactly once', async () => {
  const { sandbox, sent, transport } = mount()
  const run = v1({ url: URL, auth: sandbox.credentials, transport })
  const everything = unwrap(await run(Case.all({ limit: 100 }))()).totalCount ?? -1
  const before = sent.length
  const cases = unwrap(await run.collect(Case.all({ limit: 7 }))())
  assert.is(cases.length, everything)
  assert.is(new Set(cases.map((c) => c.id)).size, everything)
  assert.is(sent.length - before, Math.ceil(everything / 7))
})

e2e('one case fetched six ways (snake/camel/pascal × flat/nested) and without empties decodes to equal values', async () => {
  const { sandbox, transport } = mount()
  const run = v1({ url: URL, auth: sandbox.credentials, transport })
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

e2e.run()
