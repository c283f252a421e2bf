// Properties of every Classic builder and of the executor around them: a builder given anything returns a
// description (with validation issues when the arguments are wrong) and never throws; the executor answers
// issues with a ValidationError without sending, and never rejects whatever the transport does.
import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import { encodeForm, segment, type ClassicRequest } from '../../src/classic/internal/request'
import type { HttpRequest, Transport } from '../../src/core/http'
import { classicModules } from '../support/classicCases'
import { fixture } from '../support/fixtures'

const builders = classicModules.flatMap((m) => m.builders.map(([name, build]) => ({ name: `${m.name}.${name}`, build })))

// Field names the Classic modules take (camelCase), so random inputs often look almost right.
const FIELDS = [
  'title',
  'type',
  'app',
  'displayOrder',
  'parentDepartmentId',
  'userVisibilityCustom',
  'userGroupIds',
  'id',
  'ticketId',
  'subject',
  'contents',
  'fullName',
  'email',
  'emails',
  'departmentId',
  'statusId',
  'priorityId',
  'typeId',
  'staffId',
  'userId',
  'ownerStaffId',
  'creator',
  'password',
  'userName',
  'firstName',
  'lastName',
  'designation',
  'groupId',
  'organizationId',
  'isEnabled',
  'phone',
  'notes',
  'fileName',
  'data',
  'contentType',
  'timeSpent',
  'timeBillable',
  'workDate',
  'billDate',
  'query',
  'start',
  'count',
  'sortField',
  'sortOrder',
  'categoryId',
  'isPublished'
]

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, 1, 2, 42),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('public', 'private', 'tickets', 'livechat', 'a@b.co', 'x', ' ', '')
)
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.anything({ maxDepth: 2 }))
const input = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 })
const argument = fc.oneof(
  fc.integer({ min: -2, max: 50 }),
  input,
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 })
)

const isPairs = (pairs: unknown): boolean =>
  Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string')

/** What every description must look like, valid or not. */
const wellFormed = (r: unknown): r is ClassicRequest<unknown> => {
  if (r === null || typeof r !== 'object') return false
  const d = r as ClassicRequest<unknown>
  return (
    typeof d.operation === 'string' &&
    ['GET', 'POST', 'PUT', 'DELETE'].includes(d.method) &&
    typeof d.route === 'string' &&
    d.route.startsWith('/') &&
    isPairs(d.query) &&
    isPairs(d.form) &&
    Array.isArray(d.files) &&
    Array.isArray(d.issues) &&
    d.issues.every((i) => typeof i.path === 'string' && typeof i.message === 'string' && i.message !== '') &&
    (d.response._tag === 'Void' || (d.response._tag === 'Xml' && typeof d.response.decoder.decode === 'function'))
  )
}

test('a lone surrogate is sent as U+FFFD; an id without a string form gives an empty segment', () => {
  assert.is(encodeForm([['title', 'a\uD83Db']]), 'title=a%EF%BF%BDb')
  assert.is(encodeForm([['title', '\uD83D\uDE00']]), 'title=%F0%9F%98%80')
  assert.is(segment('\uDE00x'), '%EF%BF%BDx')
  assert.is(segment(Object.create(null) as string), '')
})

test('the builders were found', () => {
  assert.ok(
    builders.some((b) => b.name === 'Department.post'),
    builders.map((b) => b.name).join(', ')
  )
})

test('every builder with random arguments returns a description and never throws', () => {
  fc.assert(
    fc.property(fc.nat({ max: builders.length - 1 }), fc.array(argument, { maxLength: 4 }), (index, args) => {
      const { build } = builders[index] as (typeof builders)[number]
      return wellFormed(build(...args))
    }),
    { numRuns: 5000 }
  )
})

test('the executor answers issues with a ValidationError and sends nothing; a valid description is sent once', async () => {
  const sent: Array<HttpRequest> = []
  const transport: Transport = (r) => async () => {
    sent.push(r)
    return E.right({ status: 200, headers: {}, body: '' })
  }
  // Credentials no generated argument can equal: an argument that is a secret would be scrubbed from the issues.
  const run = classic({
    url: 'https://h/api/index.php',
    apiKey: 'api-key-0123456789',
    secretKey: 'secret-key-0123456789',
    salt: () => 'salt-0123456789',
    transport
  })
  let valid = 0
  let invalid = 0
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: builders.length - 1 }), fc.array(argument, { maxLength: 4 }), async (index, args) => {
      const description = (builders[index] as (typeof builders)[number]).build(...args) as ClassicRequest<unknown>
      const before = sent.length
      const result = await run(description)()
      if (description.issues.length > 0) {
        invalid++
        return E.isLeft(result) && result.left._tag === 'ValidationError' && result.left.issues === description.issues && sent.length === before
      }
      valid++
      return sent.length === before + 1 && (E.isRight(result) || ['ParseError', 'DecodeError'].includes(result.left._tag))
    }),
    { numRuns: 2000 }
  )
  assert.ok(valid > 100 && invalid > 100, `valid ${valid}, invalid ${invalid}`)
})

/** A value that throws on any use: as a thrown value, an answer, a header map. */
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

type Misbehaviour =
  | { readonly throws: unknown }
  | { readonly rejects: unknown }
  | { readonly resolves: unknown }
  | { readonly status: number; readonly headers: Record<string, string>; readonly body: string }

const misbehaviour: fc.Arbitrary<Misbehaviour> = fc.oneof(
  fc.record({ throws: fc.oneof(fc.anything(), fc.constant(hostile), fc.constant(new Error('boom', { cause: hostile }))) }),
  fc.record({ rejects: fc.oneof(fc.anything(), fc.constant(hostile)) }),
  fc.record({
    resolves: fc.oneof(
      fc.anything(),
      fc.constant(hostile),
      fc.constant(E.right(hostile)),
      fc.constant(E.right({ status: 200, headers: hostile, body: '<?xml version="1.0"?><x/>' })),
      fc.constant(E.right({ status: 200, headers: {}, body: 42 })),
      fc.constant(E.right({ status: '200', headers: null, body: null }))
    )
  }),
  fc.record({
    status: fc.oneof(fc.constantFrom(200, 400, 401, 404, 429, 500, 502, 503), fc.integer({ min: -1, max: 1000 })),
    headers: fc.dictionary(fc.constantFrom('content-length', 'content-type', 'retry-after', 'x'), fc.string({ maxLength: 10 })),
    body: fc.oneof(
      fc.string({ maxLength: 50 }),
      fc.constant(fixture('classic/Error_PHPWarning_body.html')),
      fc.constant(fixture('classic/Department_ListAll.xml'))
    )
  })
)

const TAGS = ['ValidationError', 'TransportError', 'HttpError', 'ApiError', 'ParseError', 'DecodeError']

test('the executor never rejects, whatever the transport throws, rejects with or resolves to', async () => {
  const cases = builders
    .flatMap((b) => [b.build(), b.build(1), b.build(1, {})])
    .filter((d): d is ClassicRequest<unknown> => wellFormed(d))
    .map((d) => ({ ...d, issues: [] }))
  let behaviour: Misbehaviour = { resolves: undefined }
  const transport: Transport = () => {
    if ('throws' in behaviour) throw behaviour.throws
    if ('rejects' in behaviour) {
      const reason = behaviour.rejects
      return () => Promise.reject(reason)
    }
    if ('resolves' in behaviour) {
      const value = behaviour.resolves
      return async () => value as never
    }
    const { status, headers, body } = behaviour
    return async () => E.right({ status, headers, body })
  }
  const run = classic({ url: 'https://h/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: cases.length - 1 }), misbehaviour, async (index, b) => {
      behaviour = b
      let result: E.Either<{ readonly _tag: string }, unknown>
      try {
        result = await run(cases[index] as ClassicRequest<unknown>)()
      } catch {
        return false
      }
      if (E.isRight(result)) return true
      return TAGS.includes(result.left._tag) && typeof JSON.stringify(result.left) === 'string'
    }),
    { numRuns: 3000 }
  )
})

test.run()
