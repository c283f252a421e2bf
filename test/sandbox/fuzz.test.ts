// Garbage in, an answer out: deterministic random requests (routes, verbs, query strings, bodies, content types)
// never make the sandbox answer 500 or reject, with valid credentials or without.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { createSandbox } from '../../src/sandbox/handler'
import { authPairs, form } from '../support/sandbox'

const generator = (seed: number) => {
  let a = seed >>> 0
  return (n: number): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (((t ^ (t >>> 14)) >>> 0) % n) >>> 0
  }
}

const CONTROLLERS = [
  '/Base/Department',
  '/Base/Staff',
  '/Base/StaffGroup',
  '/Base/User',
  '/Base/UserSearch',
  '/Base/UserGroup',
  '/Base/UserOrganization',
  '/Base/CustomField',
  '/Base/CustomFieldGroup',
  '/Tickets/Ticket',
  '/Tickets/TicketSearch',
  '/Tickets/TicketCount',
  '/Tickets/TicketPost',
  '/Tickets/TicketNote',
  '/Tickets/TicketTimeTrack',
  '/Tickets/TicketAttachment',
  '/Tickets/TicketCustomField',
  '/Tickets/TicketPriority',
  '/Tickets/TicketStatus',
  '/Tickets/TicketType',
  '/Core/TestAPI',
  '/Nope/Nothing',
  ''
]
const SEGMENTS = ['ListAll', 'Filter', 'ListOptions', 'GetTicketCount', '1', '2', '0', '-1', '999', '1,2,x', 'ABC-123-45678', '%zz', '..', 'ü', '']
const VALUES = ['', '0', '1', '-1', 'x'.repeat(300), '%', '%%41', 'é', '\u0000', ']]>', '<b>', '1,2', 'a[b', '12/31/2023', 'not base64!']
const NAMES = [
  'title',
  'type',
  'app',
  'ticketid',
  'contents',
  'userid',
  'staffid',
  'email[]',
  'email[0]',
  'usergroupid[x][]',
  'query',
  'filename',
  'filecontent',
  'kx3xsq8w2v1n',
  'n4j8u2e6a0yk[0]',
  'y6s0k4t8f2wg[1][5]',
  'e',
  '[]',
  'fullname'
]
const TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'multipart/form-data', 'application/json', 'text/plain', '']

test('1500 random requests: every answer is 200, 400, 401 or 404', async () => {
  const sandbox = createSandbox()
  const pick = generator(20261122)
  const choose = <A>(xs: ReadonlyArray<A>): A => xs[pick(xs.length)] as A
  const auth = await authPairs()
  const statuses = new Map<number, number>()
  for (let i = 0; i < 1500; i++) {
    const route = [choose(CONTROLLERS), ...Array.from({ length: pick(4) }, () => choose(SEGMENTS))].join('/')
    const fields: Array<[string, string]> = Array.from({ length: pick(6) }, () => [choose(NAMES), choose(VALUES)])
    if (pick(4) > 0) fields.push(...auth)
    const method = choose(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const)
    const contentType = choose(TYPES)
    const body =
      contentType.startsWith('multipart') && pick(2) === 0
        ? fields.map(([k, v]) => `--zz\nContent-Disposition: form-data; name="${k}"\n\n${v}\n`).join('') + '--zz--\n'
        : form(fields)
    const style = pick(3)
    const url = style === 0 ? `/api/index.php?e=${encodeURIComponent(route)}` : style === 1 ? `/api/index.php?${route}` : `/api/index.php${route}`
    const inQuery = method === 'GET' || method === 'DELETE'
    const response = await sandbox.handle({
      method,
      url: inQuery ? `${url}${url.includes('?') ? '&' : '?'}${form(fields)}` : url,
      headers: contentType === '' ? {} : { 'content-type': contentType },
      body: inQuery ? undefined : pick(8) === 0 ? new Uint8Array([0xff, 0xfe, 0x3d, 0x80]) : body
    })
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
    assert.ok([200, 400, 401, 404].includes(response.status), `${method} ${url} → ${response.status}: ${response.body.slice(0, 200)}`)
  }
  // All four kinds of answer occurred: the generator reaches real handlers, not only the error paths.
  assert.equal([...statuses.keys()].sort(), [200, 400, 401, 404])
})

test.run()
