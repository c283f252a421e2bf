// The v1 side of the reliability properties: damaged real bodies through every v1 decoder, random arguments to every
// v1 builder, and an executor that never rejects whatever its transport does.
import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { HttpRequest, HttpResponse, Transport } from '../../src/core/http'
import { v1 } from '../../src/v1/internal/executor'
import type { V1Request } from '../../src/v1/internal/request'
import { fixture } from '../support/fixtures'
import { applyJson, mutations } from '../support/mutate'
import { isV1Request, v1DecoderCases, v1Modules, type V1DecoderCase } from '../support/v1Cases'

const RUNS = 10_000
const TAGS = ['ValidationError', 'TransportError', 'HttpError', 'ApiError', 'ParseError', 'DecodeError']

let cases: ReadonlyArray<V1DecoderCase> = []
test.before(async () => {
  cases = await v1DecoderCases()
})

let answer: { status: number; headers: Record<string, string>; body: string } = { status: 200, headers: {}, body: '' }
const canned: Transport = () => async () => E.right<never, HttpResponse>(answer)
const run = v1({ url: 'https://h.kayako.com', auth: { sessionId: 'S', csrfToken: 'C' }, transport: canned })

test('the v1 decoders were found', () => {
  assert.ok(cases.length >= 50, String(cases.length))
  assert.ok(cases.some((c) => c.operation === 'Case.all') && cases.some((c) => c.operation === 'User.get'))
})

test(`damaged real bodies: ${RUNS} inputs, always a Right or a typed Left`, async () => {
  const tags = new Map<string, number>()
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: cases.length - 1 }), fc.nat(), mutations, fc.constantFrom(200, 201), async (index, body, ms, status) => {
      const c = cases[index] as V1DecoderCase
      answer = { status, headers: { 'content-type': 'application/json' }, body: applyJson(c.bodies[body % c.bodies.length] as string, ms) }
      const result = await run(c.request)()
      const tag = E.isRight(result) ? 'Right' : result.left._tag
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
      return tag === 'Right' || tag === 'ParseError' || tag === 'DecodeError' || tag === 'ApiError'
    }),
    { numRuns: RUNS }
  )
  assert.ok((tags.get('Right') ?? 0) > RUNS / 20, JSON.stringify([...tags]))
  assert.ok((tags.get('ParseError') ?? 0) > RUNS / 20, JSON.stringify([...tags]))
  assert.ok((tags.get('DecodeError') ?? 0) > RUNS / 50, JSON.stringify([...tags]))
})

test('a real body cut anywhere is a ParseError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: cases.length - 1 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async (index, body, where) => {
      const c = cases[index] as V1DecoderCase
      const whole = (c.bodies[body % c.bodies.length] as string).trimEnd()
      answer = { status: 200, headers: {}, body: whole.slice(0, 1 + Math.floor(where * (whole.length - 2))) }
      const result = await run(c.request)()
      return E.isLeft(result) && result.left._tag === 'ParseError'
    }),
    { numRuns: 1000 }
  )
})

test('a session id with a lone surrogate from the server does not break the executor', async () => {
  const team = cases.find((c) => c.operation === 'Team.all')
  if (team === undefined) throw new Error('Team.all is missing')
  answer = { status: 200, headers: { 'x-csrf-token': 'tok\uDC00en' }, body: JSON.stringify({ status: 200, session_id: 'abc\uD800def', data: [] }) }
  assert.ok(E.isRight(await run(team.request)()))
  answer = { status: 200, headers: {}, body: '<not json' }
  const e = await run(team.request)()
  assert.is(E.isLeft(e) && e.left._tag, 'ParseError')
})

test('a body above maxBodyBytes is a ParseError and is not parsed (default 32 MiB)', async () => {
  const team = cases.find((c) => c.operation === 'Team.all')
  if (team === undefined) throw new Error('Team.all is missing')
  const seen: Array<number | undefined> = []
  const big = JSON.stringify({ status: 200, data: [], padding: 'x'.repeat(50 * 1024 * 1024) })
  const limited = v1({
    url: 'https://h.kayako.com',
    auth: { sessionId: 'S' },
    transport: (r) => async () => {
      seen.push(r.maxBodyBytes)
      return E.right({ status: 200, headers: {}, body: big })
    }
  })
  const e = await limited(team.request)()
  assert.is(E.isLeft(e) && e.left._tag === 'ParseError' && e.left.message, `the body (at least ${big.length} bytes) exceeds maxBodyBytes (33554432 bytes)`)
  assert.equal(seen, [32 * 1024 * 1024])
  const small = v1({
    url: 'https://h.kayako.com',
    auth: { sessionId: 'S' },
    maxBodyBytes: 10,
    transport: () => async () => E.right({ status: 200, headers: {}, body: '{"status":200,"data":[]}' })
  })
  assert.is(E.isLeft(await small(team.request)()), true)
})

// ---------------------------------------------------------------------------------------------------------------
// Builders

const builders = v1Modules.flatMap((m) => m.builders.map(([name, build]) => ({ name: `${m.name}.${name}`, build })))

const FIELDS = [
  'name',
  'fullName',
  'email',
  'subject',
  'contents',
  'channel',
  'channelId',
  'requesterId',
  'assignedAgentId',
  'assignedTeamId',
  'statusId',
  'priorityId',
  'typeId',
  'tags',
  'fieldValues',
  'domains',
  'isShared',
  'isPrimary',
  'title',
  'label',
  'role',
  'roleId',
  'teamIds',
  'organizationId',
  'offset',
  'limit',
  'afterId',
  'beforeId',
  'include',
  'fields',
  'query',
  'isValidated',
  'number',
  'domain',
  'userId',
  'caseId',
  'password',
  'locale',
  'timeZone',
  'type',
  'key',
  'options',
  'filename',
  'data',
  'contentType'
]
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, 1, 2),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('a@b.co', 'x', ' ', '', 'MAIL', 'open', '\uD800')
)
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.anything({ maxDepth: 2 }), fc.uint8Array({ maxLength: 8 }))
const argument = fc.oneof(
  fc.integer({ min: -2, max: 50 }),
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 })
)

const wellFormed = (r: unknown): r is V1Request<unknown> => {
  if (!isV1Request(r)) return false
  return (
    typeof r.operation === 'string' &&
    ['GET', 'POST', 'PUT', 'DELETE'].includes(r.method) &&
    typeof r.path === 'string' &&
    r.path.startsWith('/') &&
    r.query !== null &&
    typeof r.query === 'object' &&
    Array.isArray(r.issues) &&
    r.issues.every((i) => typeof i.path === 'string' && typeof i.message === 'string' && i.message !== '') &&
    typeof r.decoder.decode === 'function'
  )
}

test('every v1 builder with random arguments returns a description and never throws', () => {
  fc.assert(
    fc.property(fc.nat({ max: builders.length - 1 }), fc.array(argument, { maxLength: 4 }), (index, args) =>
      wellFormed((builders[index] as (typeof builders)[number]).build(...args))
    ),
    { numRuns: 5000 }
  )
})

test('the v1 executor answers issues with a ValidationError and sends nothing; a valid description is sent', async () => {
  const sent: Array<HttpRequest> = []
  const recording = v1({
    url: 'https://h.kayako.com',
    auth: { sessionId: 'S', csrfToken: 'C' },
    transport: (r) => async () => {
      sent.push(r)
      return E.right({ status: 200, headers: {}, body: '{"status":200}' })
    }
  })
  let valid = 0
  let invalid = 0
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: builders.length - 1 }), fc.array(argument, { maxLength: 4 }), async (index, args) => {
      const description = (builders[index] as (typeof builders)[number]).build(...args) as V1Request<unknown>
      const before = sent.length
      const result = await recording(description)()
      if (description.issues.length > 0) {
        invalid++
        return E.isLeft(result) && result.left._tag === 'ValidationError' && sent.length === before
      }
      valid++
      return sent.length >= before + 1 && (E.isRight(result) || TAGS.includes(result.left._tag))
    }),
    { numRuns: 2000 }
  )
  assert.ok(valid > 100 && invalid > 100, `valid ${valid}, invalid ${invalid}`)
})

const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error('hostile get')
    },
    ownKeys() {
      throw new Error('hostile keys')
    },
    getPrototypeOf() {
      throw new Error('hostile prototype')
    }
  }
)

test('the v1 executor never rejects, whatever the transport throws, rejects with or resolves to', async () => {
  const requests = builders
    .flatMap((b) => [b.build(), b.build(1), b.build(1, {})])
    .filter(wellFormed)
    .map((d) => ({ ...d, issues: [] }))
  type Behaviour = { readonly throws: unknown } | { readonly rejects: unknown } | { readonly resolves: unknown }
  let behaviour: Behaviour = { resolves: undefined }
  const transport: Transport = () => {
    if ('throws' in behaviour) throw behaviour.throws
    const b = behaviour
    return () => ('rejects' in b ? Promise.reject(b.rejects) : Promise.resolve(b.resolves as never))
  }
  const runs = [
    v1({ url: 'https://h.kayako.com', auth: { sessionId: 'S', csrfToken: 'C' }, transport }),
    v1({ url: 'https://h.kayako.com', auth: { username: 'u@example.com', password: 'p' }, transport })
  ]
  const behaviours: fc.Arbitrary<Behaviour> = fc.oneof(
    fc.record({ throws: fc.oneof(fc.anything(), fc.constant(hostile)) }),
    fc.record({ rejects: fc.oneof(fc.anything(), fc.constant(hostile)) }),
    fc.record({
      resolves: fc.oneof(
        fc.anything(),
        fc.constant(hostile),
        fc.constant(E.right(hostile)),
        fc.constant(E.right({ status: 200, headers: hostile, body: '{}' })),
        fc.constant(E.right({ status: 200, headers: {}, body: 42 })),
        fc.record({
          _tag: fc.constant('Right'),
          right: fc.record({
            status: fc.integer({ min: -1, max: 999 }),
            headers: fc.dictionary(fc.string(), fc.string()),
            body: fc.oneof(fc.string(), fc.constant(fixture('v1/cases.list.json')))
          })
        })
      )
    })
  )
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: requests.length - 1 }), fc.nat({ max: runs.length - 1 }), behaviours, async (index, which, b) => {
      behaviour = b
      let result: E.Either<{ readonly _tag: string }, unknown>
      try {
        result = await (runs[which] as (typeof runs)[number])(requests[index] as V1Request<unknown>)()
      } catch {
        return false
      }
      return E.isRight(result) || (TAGS.includes(result.left._tag) && typeof JSON.stringify(result.left) === 'string')
    }),
    { numRuns: 3000 }
  )
})

test.run()
