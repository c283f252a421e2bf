import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as O from 'fp-ts/Option'
import * as TE from 'fp-ts/TaskEither'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import * as Ticket from '../../src/classic/Ticket'
import type { ClassicExecutor } from '../../src/classic/internal/executor'
import { apiError } from '../../src/core/error'
import { classic } from '../../src/classic/internal/executor'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { fail, mockClassic, ok, recordTransport, replayTransport, routeOf, type Recording } from '../../src/testing/index'
import { unwrap, unwrapLeft } from '../support/transport'

const billing: Department.Department = {
  id: 2,
  title: 'Billing',
  type: 'public',
  app: 'tickets',
  displayOrder: 2,
  parentDepartmentId: 0,
  userVisibilityCustom: false,
  userGroupIds: [],
  extra: {}
}

// A user's pipeline, written against the executor type only.
const renameDepartment = (run: ClassicExecutor, id: number, title: string): TE.TaskEither<string, Department.Department> =>
  pipe(
    run(Department.get(id)),
    TE.mapLeft((e) => e._tag),
    TE.chain(
      O.match(
        () => TE.left('missing'),
        (d) =>
          pipe(
            run(Department.put(d.id, { title })),
            TE.mapLeft((e) => e._tag)
          )
      )
    )
  )

test('answers by operation, by METHOD route, by route pattern; records every call with its form', async () => {
  const run = mockClassic({
    'Department.get': ok(O.some(billing)),
    'PUT /Base/Department/:id': (call) => E.right({ ...billing, title: call.form.find(([k]) => k === 'title')?.[1] ?? '' }),
    '/Tickets/Ticket/*': fail(apiError('Ticket.get', 404, [{ message: 'Ticket not Found' }]))
  })
  const renamed = unwrap(await renameDepartment(run, 2, 'Invoices')())
  assert.is(renamed.title, 'Invoices')
  assert.equal(
    run.calls.map((c) => [c.operation, c.method, c.route, c.matched]),
    [
      ['Department.get', 'GET', '/Base/Department/2', 'Department.get'],
      ['Department.put', 'PUT', '/Base/Department/2', 'PUT /Base/Department/:id']
    ]
  )
  assert.equal(run.callsTo('Department.put')[0]?.form, [['title', 'Invoices']])
  const missing = unwrapLeft(await run(Ticket.get(9))())
  assert.equal([missing._tag, missing._tag === 'ApiError' && missing.messages], ['ApiError', ['Ticket not Found']])
  run.clear()
  assert.equal(run.calls, [])
})

test('validation happens first (nothing "sent"); an unanswered call is a TransportError naming it', async () => {
  const run = mockClassic({})
  const invalid = unwrapLeft(await run(Department.get(-1))())
  assert.is(invalid._tag, 'ValidationError')
  const unanswered = unwrapLeft(await run(Department.all())())
  assert.equal(
    [unanswered._tag, unanswered._tag === 'TransportError' && unanswered.cause],
    ['TransportError', 'no mock answer for Department.all (GET /Base/Department)']
  )
  assert.equal(
    run.calls.map((c) => [c.operation, c.sent]),
    [
      ['Department.get', false],
      ['Department.all', true]
    ]
  )
})

test('a throwing answer function becomes a Left; "*" answers everything else', async () => {
  const run = mockClassic({
    'Department.all': () => {
      throw new Error('boom')
    },
    '*': ok([])
  })
  const thrown = unwrapLeft(await run(Department.all())())
  assert.ok(thrown._tag === 'TransportError' && thrown.cause.includes('boom'))
  assert.equal(unwrap(await run(Ticket.all({ departmentIds: [1] }))()), [])
})

test('routeOf: e=, PATH_INFO and the standard URL type', () => {
  assert.is(routeOf('http://h/api/index.php?e=%2FBase%2FDepartment%2F5&apikey=k'), '/Base/Department/5')
  assert.is(routeOf('http://h/api/index.php/Tickets/Ticket/ABC-123-45678?apikey=k'), '/Tickets/Ticket/ABC-123-45678')
  assert.is(routeOf('/api/index.php?/Tickets/TicketPost/ListAll/3&apikey=k&salt=1'), '/Tickets/TicketPost/ListAll/3')
  assert.is(routeOf('/api/index.php'), '')
})

test('recordTransport captures real answers without credentials; replayTransport serves them to the real executor', async () => {
  const sandbox = createSandbox()
  const recorder = recordTransport(sandboxTransport(sandbox))
  const config = { url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey }
  const live = classic({ ...config, transport: recorder })
  const created = unwrap(await live(Department.post({ title: 'Recorded', type: 'public', app: 'tickets' }))())
  const ticket = unwrap(await live(Ticket.get(1))())
  unwrapLeft(await live(Ticket.get(99))())
  const saved = JSON.parse(JSON.stringify(recorder.recordings)) as ReadonlyArray<Recording>
  assert.equal(
    saved.map((r) => [r.method, r.route, r.status]),
    [
      ['POST', '/Base/Department', 200],
      ['GET', '/Tickets/Ticket/1', 200],
      ['GET', '/Tickets/Ticket/99', 404]
    ]
  )
  assert.not.ok(JSON.stringify(saved).includes(sandbox.secretKey) || JSON.stringify(saved).includes(sandbox.apiKey))

  const replayed = classic({ ...config, apiKey: 'anything', secretKey: 'anything', transport: replayTransport(saved) })
  assert.equal(unwrap(await replayed(Department.post({ title: 'Recorded', type: 'public', app: 'tickets' }))()), created)
  assert.equal(unwrap(await replayed(Ticket.get(1))()), ticket)
  const missing = unwrapLeft(await replayed(Ticket.get(99))())
  assert.equal([missing._tag, missing._tag === 'ApiError' && missing.messages], ['ApiError', ['Ticket not Found']])
  const never = unwrapLeft(await replayed(Department.all())())
  assert.ok(never._tag === 'TransportError' && never.cause === 'nothing recorded for GET /Base/Department')
})

test.run()
