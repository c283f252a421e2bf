// Property: whatever a damaged real body looks like, every Classic decoder, run through the executor, ends as a
// Right or a typed Left (ParseError / DecodeError): never a throw, never a rejection.
import * as E from 'fp-ts/Either'
import * as fc from 'fast-check'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { classic } from '../../src/classic/internal/executor'
import type { HttpResponse, Transport } from '../../src/core/http'
import { classicDecoderCases, type DecoderCase } from '../support/classicCases'
import { applyXml, mutations } from '../support/mutate'

let cases: ReadonlyArray<DecoderCase> = []
test.before(async () => {
  cases = await classicDecoderCases()
})
/** Inputs per run, across all decoders. */
const RUNS = 10_000

/** The executor under test reads the body from here: one executor for the whole run (signing key imported once). */
let body = ''
const transport: Transport = () => async () => E.right<never, HttpResponse>({ status: 200, headers: { 'content-type': 'text/xml' }, body })
const run = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'k', secretKey: 's', salt: () => 'salt', transport })

test('the decoders were found', () => {
  assert.ok(cases.length >= 3, cases.map((c) => c.operation).join(', '))
  assert.ok(cases.some((c) => c.operation === 'Department.all'))
})

test(`damaged real bodies: ${RUNS} inputs, always a Right or a ParseError/DecodeError`, async () => {
  const tags = new Map<string, number>()
  await fc.assert(
    fc.asyncProperty(fc.record({ index: fc.nat({ max: cases.length - 1 }), fixture: fc.nat(), mutations }), async ({ index, fixture, mutations }) => {
      const c = cases[index] as DecoderCase
      body = applyXml(c.fixtures[fixture % c.fixtures.length] as string, mutations)
      const result = await run(c.request)()
      const tag = E.isRight(result) ? 'Right' : result.left._tag
      tags.set(tag, (tags.get(tag) ?? 0) + 1)
      return tag === 'Right' || tag === 'ParseError' || tag === 'DecodeError'
    }),
    { numRuns: RUNS }
  )
  // The damage must reach every outcome, or the test proves little.
  assert.ok((tags.get('Right') ?? 0) > RUNS / 20, JSON.stringify([...tags]))
  assert.ok((tags.get('ParseError') ?? 0) > RUNS / 20, JSON.stringify([...tags]))
  assert.ok((tags.get('DecodeError') ?? 0) > RUNS / 50, JSON.stringify([...tags]))
})

test('a real body cut anywhere before its end is a ParseError, never a shorter answer', async () => {
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: cases.length - 1 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (index, fixture, where) => {
      const c = cases[index] as DecoderCase
      const whole = (c.fixtures[fixture % c.fixtures.length] as string).trimEnd()
      body = whole.slice(0, Math.floor(where * (whole.length - 1)))
      const result = await run(c.request)()
      return E.isLeft(result) && result.left._tag === 'ParseError'
    }),
    { numRuns: 1000 }
  )
})

test('a body cut right after the root start tag is not an empty list', async () => {
  const c = cases.find((x) => x.operation === 'Department.all')
  if (c === undefined) throw new Error('Department.all is missing')
  body = '<?xml version="1.0" encoding="UTF-8"?>\n<departments>\n'
  const result = await run(c.request)()
  assert.is(E.isLeft(result) && result.left._tag, 'ParseError')
  body = '<?xml version="1.0" encoding="UTF-8"?>\n<departments />\n'
  assert.equal(await run(c.request)(), E.right([]))
})

test.run()
