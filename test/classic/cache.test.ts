import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { departmentOf } from '../../src/classic/internal/associated'
import { withCache } from '../../src/classic/internal/cache'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import type { ClassicRequest } from '../../src/classic/internal/request'
import * as User from '../../src/classic/User'
import type { HttpResponse } from '../../src/core/http'
import { fixture } from '../support/fixtures'
import { canned, unwrap, unwrapLeft } from '../support/transport'

const DEPARTMENTS = () => fixture('classic/Department_ListAll.xml')

const setup = (...responses: ReadonlyArray<Partial<HttpResponse>>) => {
  const { transport, sent } = canned(...(responses.length > 0 ? responses : [{ body: DEPARTMENTS() }]))
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', transport })
  return { cached: withCache(run), sent }
}

test('identical GETs run once; the answer is shared', async () => {
  const { cached, sent } = setup()
  const a = unwrap(await cached(Department.get(1))())
  const b = unwrap(await cached(Department.get(1))())
  assert.is(sent.length, 1)
  assert.is(a, b)
  assert.equal(O.map((d: Department.Department) => d.title)(a), O.some('Support'))
})

test('the TaskEither is lazy: building it sends nothing', async () => {
  const { cached, sent } = setup()
  const task = cached(Department.all())
  assert.is(sent.length, 0)
  await task()
  await task()
  assert.is(sent.length, 1)
})

test('concurrent identical GETs share one in-flight request', async () => {
  const { cached, sent } = setup()
  // Started together: the second and third start while the first is still in flight.
  const [a, b, c] = await Promise.all([cached(Department.all())(), cached(Department.all())(), cached(Department.all())()])
  assert.is(sent.length, 1)
  assert.ok(a === b && b === c)
  assert.is(unwrap(a).length, 2)
})

test('different routes, queries or operations are different entries', async () => {
  const { cached, sent } = setup()
  await cached(Department.get(1))()
  await cached(Department.get(2))()
  await cached(Department.all())()
  const withQuery = (q: string): ClassicRequest<ReadonlyArray<Department.Department>> => ({ ...Department.all(), query: [['q', q]] })
  await cached(withQuery('a'))()
  await cached(withQuery('a'))()
  await cached(withQuery('b'))()
  assert.is(sent.length, 5)
})

test('failures are not cached', async () => {
  const { cached, sent } = setup({ status: 503, body: 'down' }, { body: DEPARTMENTS() })
  assert.is(unwrapLeft(await cached(Department.all())())._tag, 'HttpError')
  assert.is(unwrap(await cached(Department.all())()).length, 2)
  await cached(Department.all())()
  assert.is(sent.length, 2)
})

test('POST, PUT and DELETE pass through, every time, and clear the cache', async () => {
  const { cached, sent } = setup({ body: DEPARTMENTS() })
  await cached(Department.all())()
  await cached(Department.put(1, { title: 'Support' }))()
  await cached(Department.put(1, { title: 'Support' }))()
  assert.is(sent.length, 3)
  await cached(Department.all())()
  assert.is(sent.length, 4, 'read again after a change')
  await cached(Department.all())()
  await cached(Department.delete(2))()
  await cached(Department.all())()
  assert.equal(
    sent.map((r) => r.method),
    ['GET', 'PUT', 'PUT', 'GET', 'DELETE', 'GET']
  )
  await cached(User.search({ query: 'x' }))()
  await cached(Department.all())()
  assert.is(sent.length, 8)
})

test('clear() forgets; invalid requests send nothing and are not cached', async () => {
  const { cached, sent } = setup()
  await cached(Department.all())()
  cached.clear()
  await cached(Department.all())()
  assert.is(sent.length, 2)
  assert.is(unwrapLeft(await cached(Department.get(0))())._tag, 'ValidationError')
  assert.is(unwrapLeft(await cached(Department.get(0))())._tag, 'ValidationError')
  assert.is(sent.length, 2)
})

test('associated objects through the cache: fifty tickets of one department, one request', async () => {
  const { cached, sent } = setup()
  const tickets = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, departmentId: 1 }))
  const departments = await Promise.all(tickets.map((t) => cached(departmentOf(t))()))
  assert.is(sent.length, 1)
  assert.ok(departments.every((d) => E.isRight(d) && O.isSome(d.right) && d.right.value.id === 1))
})

test.run()
