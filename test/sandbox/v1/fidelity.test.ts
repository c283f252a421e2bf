// The four LOW v1 differences of the audit (../shared/spec/sandbox-fidelity-audit.md V1-V4), each stated as the
// evidence shows it (spec ../shared/spec/v1-api.md section, fixture), and the tolerance that replaces a friendlier
// reading. Raw requests: no client behaviour hides a sandbox one.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readFileSync } from 'node:fs'
import { createSandbox } from '../../../src/sandbox/handler'
import { basic, call, login, makeSandbox, ORIGIN } from './support'

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../../shared/fixtures/v1/${name}`, import.meta.url), 'utf8'))

const test = suite('v1 fidelity (audit V1-V4)')

test('V1, spec §2.9 / fixture tests.list.cursor_links.json: cursor links are `…/tests?before_id=11&count=25` (no .json, count = total)', async () => {
  const { sandbox } = makeSandbox()
  const r = await call(sandbox, 'GET', 'tests?after_id=10')
  const example = fixture('tests.list.cursor_links.json')
  for (const link of ['first_url', 'previous_url', 'next_url', 'last_url']) {
    const docs = new URL(example[link])
    assert.is(r.json[link], `${ORIGIN}${docs.pathname}${docs.search}`, link)
  }
  // Offset links keep the live captures' form (`.json`, every argument repeated, spec §2.9).
  const offset = await call(sandbox, 'GET', 'tests?offset=10&limit=5')
  assert.is(offset.json.next_url, `${ORIGIN}/api/v1/tests.json?offset=15&limit=5`)
})

test('V2, fixture errors.credential_expired.json: `auth_token` comes after `errors`', async () => {
  const { sandbox } = makeSandbox()
  const who = sandbox.accounts.expiredPassword
  const r = await call(sandbox, 'GET', 'session', { Authorization: basic(who.username, who.password) })
  assert.equal(Object.keys(r.json), Object.keys(fixture('errors.credential_expired.json')))
  const otp = await call(sandbox, 'GET', 'session', { Authorization: basic(sandbox.accounts.twoFactor.username, sandbox.accounts.twoFactor.password) })
  assert.equal(Object.keys(otp.json), ['status', 'errors', 'notifications', 'auth_token'])
})

test('V3, spec §2.8: X-Options is the documented grammar (`flat`, `no_empty`, comma-separated); other spellings are no option', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const exact = await call(sandbox, 'GET', 'cases/1', { ...s.read, 'X-Options': 'flat,no_empty' })
  assert.ok('resources' in exact.json)
  for (const spelling of ['Flat', ' flat', 'flat ,no_empty'.split(',')[0] as string]) {
    const r = await call(sandbox, 'GET', 'cases/1', { ...s.read, 'X-Options': spelling })
    assert.not.ok('resources' in r.json, JSON.stringify(spelling))
  }
})

test('V3: the `v1-loose-x-options` tolerance reads names case-insensitively around white space (createSandbox lenient)', async () => {
  const loose = makeSandbox({ lenient: ['v1-loose-x-options'] }).sandbox
  const s = await login(loose)
  const r = await call(loose, 'GET', 'cases/1', { ...s.read, 'X-Options': ' Flat , NO_EMPTY' })
  assert.ok('resources' in r.json)
  const both = createSandbox({ lenient: ['v1-loose-x-options'] }).v1
  assert.ok(both !== undefined)
  const viaSandbox = await call(both, 'GET', 'tests/1', { 'X-Options': 'FLAT' })
  assert.ok('resources' in viaSandbox.json, 'createSandbox passes its tolerances to the v1 side')
})

test('V3 (UNCONFIRMED statuses, sandbox picks the refusing reading): bad _case/limit/fields 400 FIELD_INVALID; CSRF_FAILED 403; 406 carries a log', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  for (const [query, parameter] of [
    ['_case=bogus', '_case'],
    ['limit=0', 'limit'],
    ['fields=a(', 'fields']
  ]) {
    const r = await call(sandbox, 'GET', `cases?${query}`, s.read)
    assert.equal([r.status, r.json.errors[0].code, r.json.errors[0].parameter], [400, 'FIELD_INVALID', parameter])
  }
  const csrf = await call(sandbox, 'POST', 'cases/1/tags', { 'X-Session-ID': s.id, 'Content-Type': 'application/json' }, '{"tags":"x"}')
  assert.equal([csrf.status, csrf.json.errors[0].code], [403, 'CSRF_FAILED'])
  const xml = await call(sandbox, 'GET', 'tests/1', { Accept: 'application/xml' })
  assert.equal([xml.status, xml.json.logs.length, 'errors' in xml.json], [406, 1, false])
})

test('V4, spec §2.8 (JSDK live captures): `_case=camel` converts resource_type values, except `case_message`, which stays snake', async () => {
  const { sandbox } = makeSandbox()
  const s = await login(sandbox)
  const statuses = await call(sandbox, 'GET', 'cases/statuses?_case=camel', s.read)
  assert.equal([statuses.json.resource, statuses.json.data[0].resourceType], ['caseStatus', 'caseStatus'])
  const posts = await call(sandbox, 'GET', 'cases/1/posts?_case=camel', s.read)
  const originals = posts.json.data.map((p: { original?: { resourceType: string } }) => p.original?.resourceType).filter((t: unknown) => t !== undefined)
  assert.ok(originals.includes('case_message'), JSON.stringify(originals))
  assert.not.ok(originals.includes('caseMessage'))
})

test('spec §2.10: Last-Modified (docs format), If-Modified-Since → 304, If-Unmodified-Since on a write → 412 RESOURCE_MODIFIED', async () => {
  const { sandbox, clock } = makeSandbox()
  const s = await login(sandbox)
  const first = await call(sandbox, 'GET', 'cases/1', s.read)
  const stamp = first.headers['last-modified'] as string
  assert.match(stamp, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/)
  assert.is(Date.parse(stamp), Math.floor(Date.parse(first.json.data.updated_at) / 1000) * 1000)
  assert.is((await call(sandbox, 'GET', 'cases/1', { ...s.read, 'If-Modified-Since': stamp })).status, 304)
  const before = new Date(Date.parse(stamp) - 1000).toUTCString()
  assert.is((await call(sandbox, 'GET', 'cases/1', { ...s.read, 'If-Modified-Since': before })).status, 200)
  clock.advance(5000)
  const changed = await call(sandbox, 'PUT', 'cases/1', { ...s.write, 'If-Unmodified-Since': stamp }, JSON.stringify({ subject: 'Changed once' }))
  assert.is(changed.status, 200, 'unchanged since: the write passes')
  const stale = await call(sandbox, 'PUT', 'cases/1', { ...s.write, 'If-Unmodified-Since': stamp }, JSON.stringify({ subject: 'Changed twice' }))
  assert.equal([stale.status, stale.json.errors[0].code], [412, 'RESOURCE_MODIFIED'])
  assert.is((await call(sandbox, 'GET', 'cases/1', { ...s.read, 'If-Unmodified-Since': 'not a date' })).status, 200)
})

test.run()
