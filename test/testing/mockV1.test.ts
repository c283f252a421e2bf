// mockV1: the v1 executor double. Typed answers by builder or request, wire answers decoded by the real executor
// (a wrong fixture is a DecodeError naming the route), unknown calls a clear Left, every call recorded.
import { pipe } from 'fp-ts/function'
import * as TE from 'fp-ts/TaskEither'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { apiError } from '../../src/core/error'
import { createSandbox, sandboxTransport } from '../../src/sandbox/handler'
import { fail, mockV1, ok, on, recordTransport, wire, type V1Call } from '../../src/testing/index'
import * as Case from '../../src/v1/Case'
import { v1, type V1Executor } from '../../src/v1/internal/executor'
import * as Team from '../../src/v1/Team'
import { unwrap, unwrapLeft } from '../support/transport'

// Real answers, captured once from the sandbox, as a user would save them next to their tests.
const captured = async () => {
  const sandbox = createSandbox()
  const credentials = sandbox.v1?.credentials
  if (credentials === undefined) throw new Error('no v1 sandbox')
  const recorder = recordTransport(sandboxTransport(sandbox))
  const live = v1({ url: 'http://sandbox/api/v1', auth: credentials, transport: recorder })
  const one = unwrap(await live(Case.get(1))())
  const two = unwrap(await live(Case.get(2))())
  const body = (route: string): string => recorder.recordings.find((r) => r.route === route)?.body ?? ''
  return { one, two, caseOne: body('/cases/1'), caseTwo: body('/cases/2') }
}

// A user's code, written against the executor type only.
const subjects = (run: V1Executor, ids: ReadonlyArray<number>): TE.TaskEither<string, ReadonlyArray<string>> =>
  pipe(
    TE.sequenceSeqArray(ids.map((id) => run(Case.get(id)))),
    TE.map((cases) => cases.map((c) => c.subject)),
    TE.mapLeft((e) => e._tag)
  )

test('typed answers by request and by builder; every call recorded; withMeta and session like a bearer executor', async () => {
  const { one, two } = await captured()
  const run = mockV1([
    on(Case.get(2), ok(two)),
    on(Case.get, ok(one)),
    on(Team.post, (call: V1Call) => fail(apiError('Team.post', 400, [{ message: JSON.stringify(call.body) }])))
  ])
  assert.equal(unwrap(await subjects(run, [2, 1, 9])()), [two.subject, one.subject, one.subject])
  assert.equal(
    run.calls.map((c) => [c.operation, c.method, c.path, c.matched]),
    [
      ['Case.get', 'GET', '/cases/2', 'Case.get GET /cases/2'],
      ['Case.get', 'GET', '/cases/1', 'Case.get'],
      ['Case.get', 'GET', '/cases/9', 'Case.get']
    ]
  )
  assert.is(run.callsTo(Case.get).length, 3)
  assert.is(run.callsTo(Case.get(9)).length, 1)
  const refused = unwrapLeft(await run(Team.post({ title: 'Ops' }))())
  assert.ok(refused._tag === 'ApiError' && refused.messages[0]?.includes('"title":"Ops"'), JSON.stringify(refused))
  const meta = unwrap(await run.withMeta(Case.get(2))())
  assert.equal([meta.value, meta.status, meta.notifications], [two, 200, []])
  assert.is(run.session(), undefined)
})

test('wire answers run through the real decoder: a captured answer decodes, a wrong fixture is a DecodeError naming the route', async () => {
  const { one, two, caseOne, caseTwo } = await captured()
  const run = mockV1({
    'GET /cases/1': wire(caseOne),
    'GET /cases/2': wire(JSON.parse(caseTwo) as object),
    // of keys alike, the first matching one answers
    'GET /cases/404': wire({ status: 404, errors: [{ code: 'RESOURCE_NOT_FOUND', message: 'Resource not found' }] }, 404),
    'GET /cases/:id': wire({ status: 200, data: { id: 'three', subject: 3, created_at: 'yesterday' } }),
    'GET /cases': wire({ status: 200, data: { id: 1 } })
  })
  assert.equal(unwrap(await run(Case.get(1))()), one)
  assert.equal(unwrap(await run(Case.get(2))()), two)
  const wrong = unwrapLeft(await run(Case.get(3))())
  assert.is(wrong._tag, 'DecodeError', JSON.stringify(wrong))
  if (wrong._tag !== 'DecodeError') return
  assert.is(wrong.operation, 'Case.get')
  assert.ok(
    wrong.messages.every((m) => m.startsWith("GET /cases/3 (mock answer 'GET /cases/:id'): ")),
    wrong.messages.join('\n')
  )
  assert.ok(wrong.messages.some((m) => /data\.id: .*"three"/.test(m)) && wrong.messages.some((m) => m.includes('created_at')), wrong.messages.join('\n'))
  const notAList = unwrapLeft(await run(Case.all())())
  assert.ok(
    notAList._tag === 'DecodeError' && notAList.messages.some((m) => m.startsWith('GET /cases ') && m.includes('expected an array')),
    JSON.stringify(notAList)
  )
  const gone = unwrapLeft(await run(Case.get(404))())
  assert.equal([gone._tag, gone._tag === 'ApiError' && gone.status], ['ApiError', 404])
})

test('an unknown call is a TransportError naming it; invalid arguments a ValidationError, recorded as not sent', async () => {
  const run = mockV1([])
  const unknown = unwrapLeft(await run(Case.get(4))())
  assert.equal([unknown._tag, unknown._tag === 'TransportError' && unknown.cause], ['TransportError', 'no mock answer for Case.get (GET /cases/4)'])
  assert.is(unwrapLeft(await run(Case.get(0))())._tag, 'ValidationError')
  assert.equal(
    run.calls.map((c) => [c.path, c.sent]),
    [
      ['/cases/4', true],
      ['/cases/0', false]
    ]
  )
})

test('type level: a wrong fixture shape does not compile; Classic entries do not fit mockV1', () => {
  const never = (kase: Case.Case): void => {
    // @ts-expect-error a case whose id is a string
    on(Case.get, ok({ ...kase, id: '2' }))
    // @ts-expect-error Case.all answers a page, not an array
    on(Case.all, ok([kase]))
    // @ts-expect-error a Classic builder's entry in a v1 mock
    mockV1([on(Department.get, fail(apiError('x', 500, [])))])
    // @ts-expect-error a route key takes no typed success
    mockV1({ 'GET /cases/:id': ok(kase) })
  }
  assert.type(never, 'function')
})

test.run()
