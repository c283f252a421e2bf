// Every route, every verb, odd ids and odd bodies: the sandbox answers with an envelope, never a 500 or a rejection.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpMethod } from '../../../src/core/http'
import { allRoutes } from '../../../src/sandbox/v1/routes/index'
import { call, login, makeSandbox } from './support'

const BODIES = [
  '',
  '{}',
  '{"subject": null, "tags": {"a": 1}, "ids": [null], "user_id": "x", "field_values": 3}',
  'a=b&c[]=1&d[e]=2',
  '\u0000\u00ff garbage',
  '{"contents": "' + 'x'.repeat(5000) + '"}'
]

test('every route × verb × id × body answers a JSON envelope whose status is the HTTP status, never 500', async () => {
  const { sandbox } = makeSandbox()
  const sessions = { admin: await login(sandbox), customer: await login(sandbox, sandbox.accounts.customer) }
  let answered = 0
  const paths = [...new Set(allRoutes().map((r) => r.segments.join('/')))]
  const methods: Array<HttpMethod> = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']
  let calls = 0
  for (const pattern of paths) {
    for (const id of ['1', '999999']) {
      const path = pattern.replace(/:\w+/g, id)
      for (const method of methods) {
        for (const who of ['admin', 'customer', 'anonymous'] as const) {
          for (const body of method === 'POST' || method === 'PUT' ? BODIES : ['']) {
            const headers = who === 'anonymous' ? {} : sessions[who].write
            const r = await call(sandbox, method, `${path}?ids=1,2&limit=2&fields=*(*)&include=*`, headers, body === '' ? undefined : body)
            calls++
            // DELETE /session logs the caller out: log in again so the remaining calls get past authentication.
            if (r.status === 454 && who !== 'anonymous') sessions[who] = await login(sandbox, who === 'admin' ? sandbox.credentials : sandbox.accounts.customer)
            if (r.status < 300) answered++
            const where = `${who} ${method} ${path} ${body.slice(0, 20)}`
            assert.ok(r.status !== 500, `${where}: ${r.text.slice(0, 300)}`)
            if (r.status !== 304) assert.is(r.json.status, r.status, where)
          }
        }
      }
    }
  }
  assert.ok(calls > 1000, String(calls))
  assert.ok(answered > 150, `successful answers: ${answered}`)
})

test('Accept without application/json or */* is 406; application/json, */* and a missing Accept pass', async () => {
  const { sandbox } = makeSandbox()
  const refused = await call(sandbox, 'GET', 'tests/1', { Accept: 'text/html' })
  assert.is(refused.status, 406)
  assert.match(refused.json.logs[0].message, /Accept/)
  for (const accept of ['application/json', '*/*', 'text/html, application/json;q=0.9']) {
    assert.is((await call(sandbox, 'GET', 'tests/1', { Accept: accept })).status, 200, accept)
  }
})

test.run()
