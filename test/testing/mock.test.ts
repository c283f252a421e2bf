import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as O from 'fp-ts/Option'
import * as TE from 'fp-ts/TaskEither'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import * as Ticket from '../../src/classic/Ticket'
import type { ClassicExecutor } from '../../src/classic/executor'
import { apiError } from '../../src/core/error'
import { fail, mockClassic, ok } from '../../src/testing/index'
import { unwrap, unwrapLeft } from '../support/transport'

const billing: Department.Department = { id: 2, title: 'Billing', type: 'public', app: 'tickets', displayOrder: 2, parentDepartmentId: 0, userVisibilityCustom: false, userGroupIds: [], extra: {} }

// A user's pipeline, written against the executor type only.
const renameDepartment = (run: ClassicExecutor, id: number, title: string): TE.TaskEither<string, Department.Department> =>
  pipe(
    run(Department.get(id)),
    TE.mapLeft((e) => e._tag),
    TE.chain(O.match(() => TE.left('missing'), (d) => pipe(run(Department.put(d.id, { title })), TE.mapLeft((e) => e._tag))))
  )

test('answers by operation, by METHOD route, by route pattern; records every call with its form', async () => {
  const run = mockClassic({
    'Department.get': ok(O.some(billing)),
    'PUT /Base/Department/:id': (call) => E.right({ ...billing, title: call.form.find(([k]) => k === 'title')?.[1] ?? '' }),
    '/Tickets/Ticket/*': fail(apiError('Ticket.get', 404, [{ message: 'Ticket not Found' }]))
  })
  const renamed = unwrap(await renameDepartment(run, 2, 'Invoices')())
  assert.is(renamed.title, 'Invoices')
  assert.equal(run.calls.map((c) => [c.operation, c.method, c.route, c.matched]), [
    ['Department.get', 'GET', '/Base/Department/2', 'Department.get'],
    ['Department.put', 'PUT', '/Base/Department/2', 'PUT /Base/Department/:id']
  ])
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
  assert.equal([unanswered._tag, unanswered._tag === 'TransportError' && unanswered.cause], ['TransportError', 'no mock answer for Department.all (GET /Base/Department)'])
  assert.equal(run.calls.map((c) => [c.operation, c.sent]), [['Department.get', false], ['Department.all', true]])
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

test.run()
