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
import { fail, mockClassic, ok, on, recordTransport, replayTransport, routeOf, wire, type Recording } from '../../src/testing/index'
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

const BILLING_XML =
  '<?xml version="1.0" encoding="UTF-8"?><departments><department><id>2</id><title><![CDATA[Billing]]></title><type>public</type><app>tickets</app>' +
  '<displayorder>2</displayorder><parentdepartmentid>0</parentdepartmentid><uservisibilitycustom>0</uservisibilitycustom><usergroups></usergroups></department></departments>'

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

test('answers by builder (typed), by METHOD route and by route pattern; records every call with its form', async () => {
  const run = mockClassic([
    on(Department.get, ok(O.some(billing))),
    on(Department.put, (call) => E.right({ ...billing, title: call.form.find(([k]) => k === 'title')?.[1] ?? '' })),
    on('/Tickets/Ticket/*', fail(apiError('Ticket.get', 404, [{ message: 'Ticket not Found' }])))
  ])
  const renamed = unwrap(await renameDepartment(run, 2, 'Invoices')())
  assert.is(renamed.title, 'Invoices')
  assert.equal(
    run.calls.map((c) => [c.operation, c.method, c.route, c.matched]),
    [
      ['Department.get', 'GET', '/Base/Department/2', 'Department.get'],
      ['Department.put', 'PUT', '/Base/Department/2', 'Department.put']
    ]
  )
  assert.equal(run.callsTo(Department.put)[0]?.form, [['title', 'Invoices']])
  assert.equal(run.callsTo(Department.update), run.callsTo('Department.put'))
  assert.is(run.callsTo(Department.get(2)).length, 1)
  assert.is(run.callsTo(Department.get(3)).length, 0)
  const missing = unwrapLeft(await run(Ticket.get(9))())
  assert.equal([missing._tag, missing._tag === 'ApiError' && missing.messages], ['ApiError', ['Ticket not Found']])
  run.clear()
  assert.equal(run.calls, [])
})

test('a request key answers that request only, before its builder; lookup order: request, builder, METHOD /route, /route, operation, *', async () => {
  const other = { ...billing, id: 3, title: 'Other' }
  const run = mockClassic([
    on('*', fail(apiError('any', 500, [{ message: 'star' }]))),
    on('Department.get', wire('<departments></departments>')),
    on('/Base/Department/:id', wire('<departments></departments>')),
    on('GET /Base/Department/:id', wire(BILLING_XML)),
    on(Department.get, ok(O.some(other))),
    on(Department.get(7), ok(O.none))
  ])
  assert.equal(unwrap(await run(Department.get(7))()), O.none)
  assert.equal(unwrap(await run(Department.get(3))()), O.some(other))
  assert.equal(
    run.calls.map((c) => c.matched),
    ['Department.get GET /Base/Department/7', 'Department.get']
  )
  const viaMethodRoute = mockClassic({
    '*': fail(apiError('any', 500, [])),
    'GET /Base/Department/:id': wire(BILLING_XML),
    '/Base/Department/:id': wire('<x/>')
  })
  assert.equal(unwrap(await viaMethodRoute(Department.get(2))()), O.some(billing))
})

test('a wire answer is parsed and decoded by the real executor: the right type, or a DecodeError naming the route', async () => {
  const run = mockClassic({
    'GET /Base/Department/:id': wire(BILLING_XML),
    'GET /Base/Department': wire('<departments><department><id>two</id><title>Billing</title></department></departments>'),
    'DELETE /Base/Department/:id': wire('Department not Found', 404),
    'PUT /Base/Department/:id': wire('<departments>'),
    // a fixture for the wrong builder: Ticket XML where departments are expected
    'POST /Base/Department': wire('<tickets><ticket id="1"></ticket></tickets>')
  })
  assert.equal(unwrap(await run(Department.get(2))()), O.some(billing))
  const wrong = unwrapLeft(await run(Department.all())())
  assert.is(wrong._tag, 'DecodeError')
  assert.ok(
    wrong._tag === 'DecodeError' && wrong.messages.every((m) => m.startsWith("GET /Base/Department (mock answer 'GET /Base/Department'): ")),
    JSON.stringify(wrong)
  )
  assert.ok(wrong._tag === 'DecodeError' && wrong.messages.some((m) => m.includes('id')), JSON.stringify(wrong))
  const notFound = unwrapLeft(await run(Department.delete(9))())
  assert.equal([notFound._tag, notFound._tag === 'ApiError' && notFound.status], ['ApiError', 404])
  const broken = unwrapLeft(await run(Department.put(2, { title: 'x' }))())
  assert.ok(broken._tag === 'ParseError' && broken.message.startsWith('PUT /Base/Department/2'), JSON.stringify(broken))
  const misplaced = unwrapLeft(await run(Department.post({ title: 'x', type: 'public', app: 'tickets' }))())
  assert.ok(misplaced._tag === 'DecodeError' && misplaced.messages.some((m) => m.startsWith('POST /Base/Department')), JSON.stringify(misplaced))
})

test('type level: answers must have the builder result type; route keys take wire answers or Lefts only', () => {
  // The lines under @ts-expect-error must not compile (tsc -p . fails if they do); they never run.
  const never = (): void => {
    // @ts-expect-error Department.get answers an Option: a bare department (the missing O.some) does not compile
    on(Department.get, ok(billing))
    // @ts-expect-error a request key: the same check
    on(Department.get(2), ok(billing))
    // @ts-expect-error a function answer: the same check
    on(Department.all, () => ok([{ ...billing, id: '2' }]))
    // @ts-expect-error a route key does not know the type: a typed success would go unchecked
    on('GET /Base/Department/:id', ok(O.some(billing)))
    // @ts-expect-error the same in a table
    mockClassic({ 'Department.get': ok(O.some(billing)) })
  }
  assert.type(never, 'function')
})

test('validation happens first (nothing "sent"); an unanswered call is a TransportError naming it', async () => {
  const run = mockClassic([])
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
  const run = mockClassic([
    on(Department.all, () => {
      throw new Error('boom')
    }),
    on('*', wire('<tickets></tickets>'))
  ])
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
