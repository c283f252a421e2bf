// 500 mixed operations (reads and writes, Classic and v1) through withRetry + withTimeout against the sandbox with
// a 30% fault rate, on a fake clock (a hang, a trickle or a Retry-After costs no real time). Every operation ends as
// a value or a typed Left, and afterwards the sandbox holds exactly the records it should: each creation that
// returned Right once, none whose request never reached the sandbox, and no POST twice.
import { collect } from '../../src/v1/internal/paging'
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { classic } from '../../src/classic/internal/executor'
import * as Staff from '../../src/classic/Staff'
import * as TicketStatus from '../../src/classic/TicketStatus'
import type { KayakoError } from '../../src/core/error'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { retryBudget, withRetry, withTimeout } from '../../src/core/policy'
import { faultyTransport, seededRandom } from '../../src/sandbox/faults'
import { createSandbox } from '../../src/sandbox/handler'
import { createV1Sandbox } from '../../src/sandbox/v1/handler'
import { v1 } from '../../src/v1/internal/executor'
import * as Organization from '../../src/v1/Organization'
import * as Role from '../../src/v1/Role'
import * as Team from '../../src/v1/Team'
import { fakeClock } from '../support/clock'

const OPERATIONS = 500
const TAGS = ['ValidationError', 'TransportError', 'HttpError', 'ApiError', 'ParseError', 'DecodeError']

interface Creation {
  readonly api: 'classic' | 'v1'
  readonly name: string
  readonly right: boolean
  /** The POST reached the sandbox (no fault, or a fault that damaged the answer after the work was done). */
  readonly reached: boolean
  readonly tag: string
}

test(`${OPERATIONS} mixed operations with a 30% fault rate: typed outcomes, and exactly the records that should exist`, async () => {
  const { clock, run } = fakeClock()
  const v1Sandbox = createV1Sandbox()
  const sandbox = createSandbox({
    mounts: { '/api/v1/': v1Sandbox.handle },
    faults: { rate: 0.3, seed: 2026, clock, retryAfterSeconds: 2, trickle: { chunkBytes: 64, delayMs: 400 } }
  })
  const injector = sandbox.faults
  if (injector === undefined) throw new Error('no fault injector')
  // The sandbox's own fault injector, mounted as `sandboxTransport` mounts it, around a handler that tells the fake
  // clock when it is working (the Classic sandbox checks signatures through WebCrypto: real asynchronous work).
  let handling = 0
  const handle = async (request: HttpRequest): Promise<HttpResponse> => {
    handling++
    try {
      return await sandbox.handle(request)
    } finally {
      handling--
    }
  }
  const faulty = faultyTransport(handle, injector)
  let attempts = 0
  let posts = 0
  const counted: Transport = (request) => {
    attempts++
    if (request.method === 'POST') posts++
    return faulty(request)
  }
  const busy = () => handling > 0
  const transport = pipe(
    counted,
    withTimeout(1_000, { clock }),
    withRetry({ clock, maxAttempts: 5, random: seededRandom(7), budget: retryBudget({ initial: 100, perRequest: 1 }) })
  )
  const classicRun = classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport })
  const v1Run = v1({ url: 'http://sandbox', auth: v1Sandbox.credentials, transport })

  const random = seededRandom(99)
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)] as A
  const createdDepartments: Array<number> = []
  const createdOrganizations: Array<number> = []
  const creations: Array<Creation> = []
  const outcomes = new Map<string, number>()

  for (let k = 0; k < OPERATIONS; k++) {
    const kind = pick(['c-all', 'c-get', 'c-post', 'c-put', 'c-read', 'v-all', 'v-get', 'v-post', 'v-put', 'v-read'] as const)
    const faultsBefore = injector.log.length
    const postsBefore = posts
    let result: E.Either<KayakoError, unknown>
    try {
      switch (kind) {
        case 'c-all':
          result = await run(classicRun(Department.all()), busy)
          break
        case 'c-get':
          result = await run(classicRun(Department.get(pick([1, 2, 3, ...createdDepartments]))), busy)
          break
        case 'c-post':
          result = await run(classicRun(Department.post({ title: `wl-c-${k}`, type: 'public', app: 'tickets' })), busy)
          if (E.isRight(result)) createdDepartments.push((result.right as Department.Department).id)
          break
        case 'c-put': {
          const id = createdDepartments.length > 0 ? pick(createdDepartments) : 1
          result = await run(classicRun(Department.get(id)), busy)
          if (E.isRight(result) && (result.right as { _tag: string })._tag === 'Some') {
            const title = (result.right as { value: Department.Department }).value.title
            result = await run(classicRun(Department.put(id, { title, displayOrder: k })), busy)
          }
          break
        }
        case 'c-read':
          result = await run(classicRun(pick([Staff.all(), TicketStatus.all()]) as ReturnType<typeof Staff.all>), busy)
          break
        case 'v-all':
          result = await run(v1Run(Organization.all({ limit: 10 })), busy)
          break
        case 'v-get':
          result = await run(v1Run(Organization.get(pick([1, ...createdOrganizations]))), busy)
          break
        case 'v-post':
          result = await run(v1Run(Organization.post({ name: `wl-v-${k}` })), busy)
          if (E.isRight(result)) createdOrganizations.push((result.right as Organization.Organization).id)
          break
        case 'v-put': {
          const id = createdOrganizations.length > 0 ? pick(createdOrganizations) : 1
          result = await run(v1Run(Organization.put(id, { tags: [`k${k}`] })), busy)
          break
        }
        case 'v-read':
          result = await run(v1Run(pick([Team.all(), Role.all()]) as ReturnType<typeof Team.all>), busy)
          break
      }
    } catch (thrown) {
      assert.unreachable(`operation ${k} (${kind}) threw: ${String(thrown)}`)
      return
    }
    const tag = E.isRight(result) ? 'Right' : result.left._tag
    assert.ok(tag === 'Right' || TAGS.includes(tag), `operation ${k} (${kind}) ended as ${tag}`)
    outcomes.set(tag, (outcomes.get(tag) ?? 0) + 1)
    if (kind === 'c-post' || kind === 'v-post') {
      // A POST is never retried, so it is one attempt, which reached the sandbox unless a fault stopped it first.
      const faults = injector.log.slice(faultsBefore)
      assert.is(posts - postsBefore, 1, 'a POST is sent once')
      const stopped = faults.some((f) => !f.handled && f.method === 'POST')
      creations.push({
        api: kind === 'c-post' ? 'classic' : 'v1',
        name: `wl-${kind === 'c-post' ? 'c' : 'v'}-${k}`,
        right: tag === 'Right',
        reached: !stopped,
        tag
      })
    }
  }

  // What the sandbox holds, read past the faults.
  const direct: Transport = (request) => async () => E.right<KayakoError, HttpResponse>(await sandbox.handle(request))
  const departments = await classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport: direct })(
    Department.all()
  )()
  const organizations = await collect(v1({ url: 'http://sandbox', auth: v1Sandbox.credentials, transport: direct }))(Organization.all({ limit: 100 }))()
  const held = [
    ...(E.isRight(departments) ? departments.right.map((d) => d.title) : []),
    ...(E.isRight(organizations) ? organizations.right.map((o) => o.name) : [])
  ].filter((name) => name.startsWith('wl-'))
  assert.ok(E.isRight(departments) && E.isRight(organizations), 'the sandbox can be read')

  const count = (name: string) => held.filter((h) => h === name).length
  for (const c of creations) {
    if (c.right) assert.is(count(c.name), 1, `${c.name} returned Right and must exist once`)
    else if (!c.reached) assert.is(count(c.name), 0, `${c.name} never reached the sandbox (${c.tag}) and must not exist`)
    else assert.ok(count(c.name) <= 1, `${c.name} reached the sandbox but its answer was damaged (${c.tag}): at most once`)
  }
  assert.is(new Set(held).size, held.length, 'no record twice')
  for (const name of held)
    assert.ok(
      creations.some((c) => c.name === name),
      `${name} was not created by the workload`
    )

  // The run must have been a real test of the faults.
  const faultShare = injector.log.length / attempts
  const rights = outcomes.get('Right') ?? 0
  const ambiguous = creations.filter((c) => !c.right && c.reached).length
  const lost = creations.filter((c) => !c.right && !c.reached).length
  const summary = `${attempts} attempts, ${injector.log.length} faults (${(faultShare * 100).toFixed(0)}%), outcomes ${JSON.stringify([...outcomes])}, creations ${creations.length} (${creations.filter((c) => c.right).length} Right, ${lost} stopped before the sandbox, ${ambiguous} done but answered damaged)`
  assert.ok(faultShare > 0.25 && faultShare < 0.35, summary)
  assert.ok(attempts > OPERATIONS * 1.2, summary)
  assert.ok(rights > OPERATIONS * 0.6 && rights < OPERATIONS, summary)
  assert.ok(creations.length > 50 && lost > 0 && ambiguous > 0, summary)
  assert.equal(new Set(injector.log.map((f) => f.fault)).size, 10, 'every kind of fault occurred')
  console.log(`  workload: ${summary}`)
})

test.run()
