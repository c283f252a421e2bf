// createSandbox's own surface: mounts by path prefix, reset, the clock, unknown paths, and the transport.
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpResponse } from '../../src/core/http'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { call, children, root, text } from '../support/sandbox'

const answering = (body: string) => async (): Promise<HttpResponse> => ({ status: 200, headers: { 'content-type': 'text/plain' }, body })

test('mounts: the longest matching prefix answers; the Classic API keeps /api/index.php', async () => {
  const sandbox = createSandbox({ mounts: { '/api/v1/': answering('v1') } })
  sandbox.mount('/api/v1/admin/', answering('admin'))
  assert.is((await sandbox.handle({ method: 'GET', url: 'http://h/api/v1/cases', headers: {} })).body, 'v1')
  assert.is((await sandbox.handle({ method: 'GET', url: '/api/v1/admin/roles?x=1', headers: {} })).body, 'admin')
  assert.is((await call(sandbox.handle, 'GET', '/Base/Department/1')).status, 200)
  const unknown = await sandbox.handle({ method: 'GET', url: '/elsewhere', headers: {} })
  assert.equal([unknown.status, unknown.body], [404, 'Not Found: /elsewhere (the Classic API is at /api/index.php)'])
})

test('a throwing mount is answered with 500 and a text; the sandbox keeps serving', async () => {
  const sandbox = createSandbox({
    mounts: {
      '/boom/': async () => {
        throw new Error('kaput')
      }
    }
  })
  const res = await sandbox.handle({ method: 'GET', url: '/boom/x', headers: {} })
  assert.equal([res.status, res.body], [500, 'Sandbox error: kaput'])
  assert.is((await call(sandbox.handle, 'GET', '/Base/Department')).status, 200)
})

test('reset restores the seed; seed: false starts empty; now drives the timestamps', async () => {
  const sandbox = createSandbox({ now: () => 1234567890 })
  const created = children(
    root(
      await call(sandbox.handle, 'POST', '/Base/UserOrganization', [
        ['name', 'Tmp'],
        ['organizationtype', 'shared']
      ])
    ),
    'userorganization'
  )[0]!
  assert.equal([text(created, 'id'), text(created, 'dateline')], ['3', '1234567890'])
  sandbox.reset()
  assert.is(sandbox.store.userOrganizations.rows.size, 2)
  const empty = createSandbox({ seed: false })
  assert.equal(children(root(await call(empty.handle, 'GET', '/Base/Department'))), [])
})

test('sandboxTransport: an aborted request is a TransportError, never a rejection', async () => {
  const controller = new AbortController()
  controller.abort()
  const answer = await sandboxTransport()({ method: 'GET', url: '/api/index.php', headers: {}, signal: controller.signal })()
  assert.ok(E.isLeft(answer) && answer.left._tag === 'TransportError')
})

test.run()
