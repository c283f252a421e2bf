import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import * as E from 'fp-ts/Either'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { isReference, toDate } from '../../src/v1/internal/codec'
import { kase } from '../../src/v1/internal/entities/case'
import { organization, user } from '../../src/v1/internal/entities/people'
import { post } from '../../src/v1/internal/entities/post'
import { team } from '../../src/v1/internal/entities/team'
import { test as testResource } from '../../src/v1/internal/entities/test'
import { checkJson, DEFAULT_MAX_VALUES, isSnake, MAX_DEPTH, RAW, normaliseAnswer, normaliseDocument } from '../../src/v1/internal/flat'
import { many, one, page } from '../../src/v1/internal/request'
import { v1CaseListJson } from '../bench/generate'
import { FIXTURES } from '../support/fixtures'
import { unwrap } from '../support/transport'
import { readEnvelope } from '../../src/v1/internal/envelope'
import { dropEmpty, envelopeOf, inline, recase, v1Fixture } from './support'

const FLAT = v1Fixture('tests.get.flat.json') as { resources: Record<string, Record<string, unknown>> }

test('the seed flat example decodes to the same value as the equivalent nested response', () => {
  const flat = unwrap(one(testResource).decode(envelopeOf(FLAT)))
  const nested = unwrap(one(testResource).decode(envelopeOf(inline(FLAT))))
  assert.equal(flat, nested)
  // and the references were really resolved, references inside resources too
  const user = flat.user
  assert.ok(user !== null && !isReference(user))
  assert.is(user.fullName, 'Charlotte Küchler')
  assert.is(user.designation, 'Community Manager')
  assert.is(user.locale, 'en-us')
  assert.equal(user.lastLoggedInAt, new Date('2015-07-21T10:17:58+05:00'))
  const role = user.role
  assert.ok(role !== null && !isReference(role) && role.title === 'Agent' && role.type === 'AGENT')
  const org = user.organization
  assert.ok(org !== null && !isReference(org))
  assert.is(org.name, 'Brewfictus')
  const domain = org.domains[0]
  assert.ok(domain !== undefined && !isReference(domain) && domain.domain === 'brewfictus.com' && domain.isPrimary)
  const team = user.teams[0]
  assert.ok(team !== undefined && !isReference(team) && team.title === 'Growth')
  const hours = team.businessHour
  assert.ok(hours !== null && !isReference(hours))
  assert.is(hours.title, 'US office hours')
  assert.equal(hours.zones.friday, [9, 10, 11, 12, 13, 14, 15, 16, 17, 18])
  assert.equal(hours.zones.sunday, [])
  const email = user.emails[0]
  assert.ok(email !== undefined && !isReference(email) && email.email === 'charlotte.kuchler@brewfictus.com')
  // the test resource's session_id is a credential and is not kept, not even in extra
  assert.not.ok(JSON.stringify(flat).includes('OK8tYiWq'))
  assert.is(flat.authenticationScheme, 'BASIC')
  assert.is(flat.generationTime, 0.000134)
})

test('snake, camel and pascal × flat and nested × with and without no_empty decode equal', () => {
  const expected = unwrap(one(testResource).decode(envelopeOf(FLAT)))
  for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
    for (const shape of [FLAT, inline(FLAT)]) {
      for (const empty of [true, false]) {
        const doc = recase(empty ? shape : dropEmpty(shape), letterCase)
        assert.equal(unwrap(one(testResource).decode(envelopeOf(doc))), expected, `${letterCase} ${empty}`)
      }
    }
  }
  // the re-cased document really is re-cased
  const pascal = recase(FLAT, 'pascal') as Record<string, Record<string, unknown>>
  assert.is(pascal.Data?.ResourceType, 'Test')
  assert.ok('IdentityDomain' in (pascal.Resources ?? {}))
})

test('case variants of a collection decode equal (cases fixture)', () => {
  const doc = v1Fixture('cases.list.json')
  const expected = unwrap(page(kase).decode(envelopeOf(doc)))
  for (const letterCase of ['camel', 'pascal'] as const) {
    assert.equal(unwrap(page(kase).decode(envelopeOf(recase(doc, letterCase)))), expected)
    assert.equal(unwrap(page(kase).decode(envelopeOf(dropEmpty(recase(doc, letterCase))))), expected)
  }
  assert.is(expected.totalCount, 1)
})

test('resources as an array, and as type → array, resolve like the id-keyed map', () => {
  const expected = unwrap(one(testResource).decode(envelopeOf(FLAT)))
  const list = Object.values(FLAT.resources).flatMap((byId) => Object.values(byId))
  assert.equal(unwrap(one(testResource).decode(envelopeOf({ ...FLAT, resources: list }))), expected)
  const byType = Object.fromEntries(Object.entries(FLAT.resources).map(([type, byId]) => [type, Object.values(byId)]))
  assert.equal(unwrap(one(testResource).decode(envelopeOf({ ...FLAT, resources: byType }))), expected)
})

test('a reference whose target is absent stays a typed reference', () => {
  const { user: _u, ...resources } = FLAT.resources
  const t = unwrap(one(testResource).decode(envelopeOf({ ...FLAT, resources })))
  assert.equal(t.user, { _tag: 'Reference', id: 1, resourceType: 'user' })
  // camelCase resource types are snake-cased in references too
  const c = unwrap(page(kase).decode(envelopeOf(recase(v1Fixture('cases.list.json'), 'camel'))))
  assert.equal(c.items[0]?.status, { _tag: 'Reference', id: 1, resourceType: 'case_status' })
  assert.equal(c.items[0]?.sourceChannel, { _tag: 'Reference', id: '37e31d9d-cbd4-48a2-9134-1206abefa1b4', resourceType: 'channel' })
})

test('cycles terminate: a user whose e-mail refers back to the user', () => {
  const doc = {
    status: 200,
    data: { id: 1, resource_type: 'user' },
    resource: 'user',
    resources: {
      user: { '1': { id: 1, full_name: 'A', emails: [{ id: 2, resource_type: 'identity_email' }], resource_type: 'user' } },
      identity_email: { '2': { id: 2, email: 'a@example.com', user: { id: 1, resource_type: 'user' }, resource_type: 'identity_email' } },
      organization: { '3': { id: 3, name: 'Self', domains: [{ id: 3, resource_type: 'organization' }], resource_type: 'organization' } }
    }
  }
  const u = unwrap(one(user).decode(envelopeOf(doc)))
  const email = u.emails[0]
  assert.ok(email !== undefined && !isReference(email))
  assert.is(email.email, 'a@example.com')
  assert.equal(email.user, { _tag: 'Reference', id: 1, resourceType: 'user' })
  // a resource referring to itself
  const o = unwrap(one(organization).decode(envelopeOf({ ...doc, data: { id: 3, resource_type: 'organization' } })))
  assert.equal(o.domains, [{ _tag: 'Reference', id: 3, resourceType: 'organization' }])
})

test('a resource referenced many times is resolved once and shared', () => {
  const doc = {
    data: [1, 2, 3].map((id) => ({ id, subject: `c${id}`, requester: { id: 9, resource_type: 'user' }, resource_type: 'case' })),
    resources: { user: { '9': { id: 9, full_name: 'R', resource_type: 'user' } } }
  }
  const normalised = normaliseDocument(doc) as { data: Array<{ requester: unknown }> }
  assert.ok(normalised.data[0]?.requester === normalised.data[2]?.requester)
  const cases = unwrap(many(kase).decode(envelopeOf(doc)))
  assert.equal(
    cases.map((c) => (c.requester !== null && !isReference(c.requester) ? c.requester.fullName : '?')),
    ['R', 'R', 'R']
  )
})

test('free-form maps keep the keys as sent; the original stays reachable but invisible', () => {
  const doc = { data: { id: 1, metadata: { user_agent: 'Chrome', pageUrl: 'x' }, resource_type: 'post' } }
  const p = unwrap(one(post).decode(envelopeOf(doc)))
  assert.equal(p.metadata, { user_agent: 'Chrome', pageUrl: 'x' })
  const n = normaliseDocument(doc) as Record<string | symbol, unknown>
  assert.equal(Object.keys(n), ['data'])
  assert.ok(n[RAW] === doc)
})

test('missing fields decode like empty ones', () => {
  const full = { data: { id: 4, title: 'T', legacy_id: null, businesshour: null, member_count: 0, created_at: null, resource_type: 'team' } }
  assert.equal(unwrap(one(team).decode(envelopeOf(full))), unwrap(one(team).decode(envelopeOf({ data: { id: 4, title: 'T' } }))))
  assert.ok(E.isLeft(one(team).decode(envelopeOf({ data: { title: 'no id' } }))))
})

// ---------------------------------------------------------------------------------------------------------------
// Strict and bounded documents (issue 11, findings 2 and 8)

test('normalised objects inherit nothing: __proto__ and constructor keys are data', () => {
  const doc = normaliseDocument(JSON.parse('{"data":{"__proto__":{"id":1},"constructor":"c","toString":"t","nested":[{"__proto__":null}]}}')) as Record<
    string,
    Record<string, unknown>
  >
  const data = doc.data as Record<string, unknown>
  assert.is(Object.getPrototypeOf(Object.getPrototypeOf(data)), null)
  assert.equal(Object.keys(data), ['__proto__', 'constructor', 'to_string', 'nested'])
  assert.equal(Object.getOwnPropertyDescriptor(data, '__proto__')?.value, Object.assign(Object.create(Object.getPrototypeOf(data)), { id: 1 }))
  assert.is(data.id, undefined, 'nothing read through a prototype')
  assert.is((data.nested as Array<Record<string, unknown>>)[0]?.['__proto__'], null)
})

test('documents nested deeper than MAX_DEPTH are refused: directly, or through flat references', () => {
  const deep = (n: number): unknown => (n === 0 ? 1 : { a: deep(n - 1) })
  assert.not.throws(() => normaliseDocument({ data: deep(MAX_DEPTH - 2) }))
  assert.throws(() => normaliseDocument({ data: deep(MAX_DEPTH + 1) }), /deeper than 256/)
  // a chain of resources each referring to the next, referred to from its end first (each resolved shallowly)
  const user: Record<string, unknown> = {}
  for (let id = 1; id <= 300; id++) user[id] = { id, resource_type: 'user', next: { id: id + 1, resource_type: 'user' } }
  const refs = Array.from({ length: 300 }, (_, i) => ({ id: 300 - i, resource_type: 'user' }))
  assert.throws(() => normaliseDocument({ data: refs, resources: { user } }), /deeper than 256/)
  const short: Record<string, unknown> = {}
  for (let id = 1; id <= 100; id++) short[id] = { id, resource_type: 'user', next: { id: id + 1, resource_type: 'user' } }
  assert.not.throws(() => normaliseDocument({ data: refs.slice(200), resources: { user: short } }))
})

test('checkJson: values counted outside strings, nesting bounded', () => {
  // { [ , , , (the commas and brackets in the string do not count)
  assert.is(checkJson('{"a":[1,2,3],"b":"x,y:{["}', 5), undefined)
  assert.is(checkJson('{"a":[1,2,3],"b":"x,y:{["}', 4), 'more than 4 values (maxValues)')
  assert.is(checkJson('["a\\"b,c,d,e"]', 1), undefined, 'an escaped quote does not end the string')
  assert.is(checkJson('["a\\\\",",",","]', 2), 'more than 2 values (maxValues)', 'an escaped backslash does not escape the quote')
  // a real 32 MiB case list (the benchmark generator's) is about half the default
  const real = v1CaseListJson(32 * 1024 * 1024, 'snake', false)
  assert.is(checkJson(real, DEFAULT_MAX_VALUES / 2 + 100_000), undefined)
  assert.is(checkJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH), 1e9), undefined)
  assert.is(checkJson('['.repeat(MAX_DEPTH + 1), 1e9), `the document nests deeper than ${MAX_DEPTH} levels`)
  assert.ok(checkJson(JSON.stringify(v1Fixture('cases.list.json')), DEFAULT_MAX_VALUES) === undefined)
})

test('timestamps: the ISO-8601 form the API writes, nothing else', () => {
  for (const [text, iso] of [
    ['2015-07-21T07:10:42+05:00', '2015-07-21T02:10:42.000Z'],
    ['2015-07-21T07:10:42Z', '2015-07-21T07:10:42.000Z'],
    ['2016-02-29T00:00:00.123456+00:00', '2016-02-29T00:00:00.123Z'],
    ['2015-12-31T23:59:59-01:30', '2016-01-01T01:29:59.000Z']
  ] as const) {
    const r = toDate(text)
    assert.ok(E.isRight(r) && r.right?.toISOString() === iso, text)
  }
  assert.equal(toDate(''), E.right(null))
  for (const bad of [
    '1',
    '2001',
    '2015-07-21',
    '2015-07-21 07:10:42',
    '2015-02-29T00:00:00Z',
    '2015-13-01T00:00:00Z',
    '2015-00-10T00:00:00Z',
    '2015-04-31T00:00:00Z',
    '2015-07-21T24:00:00Z',
    '2015-07-21T07:10:42',
    'Tue, 21 Jul 2015 07:10:42 GMT',
    1437462642,
    true,
    {}
  ]) {
    assert.ok(E.isLeft(toDate(bad)), JSON.stringify(bad))
  }
})

// ---------------------------------------------------------------------------------------------------------------
// Snake documents read without a copy (issue 14)

test('isSnake: a document is snake when no name at any depth holds an upper-case letter', () => {
  const snake = (text: string): boolean => isSnake(JSON.parse(text))
  assert.ok(snake('{"data":{"full_name":"Ann Lee","resource_type":"case_status","note":"CamelCase Text"},"resource":"case"}'))
  assert.ok(snake('["Values", {"ok" : "Any Text", "x": "A:b"}]'), 'values may hold capitals, and colons')
  assert.not.ok(snake('{"data":{"fullName":"x"}}'))
  assert.not.ok(snake('{"data":{"Title" : "x"}}'), 'whitespace before the colon')
  assert.not.ok(snake('{"data":{"a":"\\"","pageUrl":1}}'), 'after a string with an escaped quote')
  assert.not.ok(snake('{"data":{"a":"x\\"Y","B":1}}'))
  assert.not.ok(snake('{"data":[{"a":1},[{"b":{"deepName":2}}]]}'), 'in an array, deep down')
  const doc = JSON.parse('{"data":{"full_name":"x"}}') as unknown
  assert.is(normaliseAnswer(doc), doc, 'an answer in snake case is not copied')
  assert.is.not(normaliseDocument(doc), doc, 'unless told, normaliseDocument copies (it may be given a document others hold)')
  const camel = JSON.parse('{"data":{"fullName":"x"}}') as unknown
  assert.is.not(normaliseAnswer(camel), camel)
})

/** The normal form, whichever way it was made, as plain JSON (no prototypes, no RAW). */
const plain = (value: unknown): string => JSON.stringify(value)

test('a snake document read where it stands equals its normalised copy: every fixture, flat and nested', () => {
  let compared = 0
  for (const name of readdirSync(join(FIXTURES, 'v1')).filter((f) => f.endsWith('.json'))) {
    const text = JSON.stringify(v1Fixture(name))
    for (const doc of [text, JSON.stringify(recase(JSON.parse(text), 'snake'))]) {
      if (!isSnake(JSON.parse(doc))) continue
      assert.is(plain(normaliseDocument(JSON.parse(doc), true)), plain(normaliseDocument(JSON.parse(doc), false)), name)
      compared++
    }
  }
  const flat = JSON.stringify(FLAT)
  assert.ok(isSnake(JSON.parse(flat)))
  assert.is(plain(normaliseDocument(JSON.parse(flat), true)), plain(normaliseDocument(JSON.parse(flat), false)))
  assert.ok(compared > 20, `${compared} fixtures compared`)
})

test('a snake case list decodes the same read where it stands as from its normalised copy, flat and nested', () => {
  for (const flat of [false, true]) {
    const text = v1CaseListJson(300_000, 'snake', flat)
    assert.ok(isSnake(JSON.parse(text)))
    const where = readEnvelope(normaliseDocument(JSON.parse(text), true))
    const copied = readEnvelope(normaliseDocument(JSON.parse(text), false))
    assert.ok(where !== undefined && copied !== undefined)
    const cases = unwrap(many(kase).decode(where))
    assert.equal(cases, unwrap(many(kase).decode(copied)))
    assert.ok(cases.length > 50)
    if (flat)
      assert.ok(
        cases.every((c) => c.requester !== null && !isReference(c.requester)),
        'references resolved'
      )
  }
})

test('read where it stands, __proto__ keys stay data, and the bounds hold', () => {
  const doc = normaliseDocument(JSON.parse('{"data":{"id":1,"__proto__":{"id":2},"metadata":{"__proto__":"x"}}}'), true) as Record<
    string,
    Record<string, unknown>
  >
  const data = doc.data as Record<string, unknown>
  assert.equal(Object.getOwnPropertyDescriptor(data, '__proto__')?.value, { id: 2 })
  assert.is(Object.getPrototypeOf(data), Object.prototype)
  const p = unwrap(one(post).decode(envelopeOf(JSON.parse('{"data":{"id":1,"__proto__":{"id":2},"resource_type":"post"}}'))))
  const where = readEnvelope(normaliseDocument(JSON.parse('{"data":{"id":1,"__proto__":{"id":2},"resource_type":"post"}}'), true))
  assert.ok(where !== undefined)
  const q = unwrap(one(post).decode(where))
  assert.equal(Object.getOwnPropertyDescriptor(q.extra, '__proto__')?.value, { id: 2 })
  assert.equal(JSON.stringify(q), JSON.stringify(p))
  // a chain of flat references deeper than MAX_DEPTH, as in the copying pass
  const user: Record<string, unknown> = {}
  for (let id = 1; id <= 300; id++) user[id] = { id, resource_type: 'user', next: { id: id + 1, resource_type: 'user' } }
  const refs = Array.from({ length: 300 }, (_, i) => ({ id: 300 - i, resource_type: 'user' }))
  assert.throws(() => normaliseDocument({ data: refs, resources: { user } }, true), /deeper than 256/)
})

test.run()
