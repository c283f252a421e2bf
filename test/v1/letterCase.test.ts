import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { inCase, toCamel, toPascal, toSnake } from '../../src/v1/internal/letterCase'
import fc from 'fast-check'
import { includeQuery, mergeOptions, renderFields, shapeQuery, toWire } from '../../src/v1/internal/options'
import { getRequest, none, shaped } from '../../src/v1/internal/request'

test('toSnake reads all three cases (spec §2.8: fullName and FullName are full_name; _Case is _case)', () => {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['fullName', 'full_name'],
    ['FullName', 'full_name'],
    ['full_name', 'full_name'],
    ['_Case', '_case'],
    ['moreInfo', 'more_info'],
    ['ResourceType', 'resource_type'],
    ['businesshour', 'businesshour'],
    ['userID', 'user_id'],
    ['HTMLBody', 'html_body'],
    ['lastReplyByAgentAt', 'last_reply_by_agent_at'],
    ['identityEmail', 'identity_email']
  ]
  for (const [name, snake] of pairs) assert.is(toSnake(name), snake, name)
  assert.is(toCamel('last_reply_by_agent_at'), 'lastReplyByAgentAt')
  assert.is(toPascal('resource_type'), 'ResourceType')
  assert.is(inCase('total_count', 'camel'), 'totalCount')
  assert.is(inCase('total_count', 'snake'), 'total_count')
})

test('options on the wire', () => {
  assert.equal(toWire({}), { query: [], xOptions: undefined })
  assert.equal(toWire({ case: 'snake', empty: true, flat: false }), { query: [], xOptions: undefined })
  assert.equal(toWire({ case: 'camel', empty: false, flat: true, include: '*', fields: '+fullName,-designation' }), {
    query: [
      ['_case', 'camel'],
      ['include', '*'],
      ['fields', '+full_name,-designation']
    ],
    xOptions: 'flat,no_empty'
  })
  assert.equal(toWire({ include: [] }).query, [['include', '']])
  assert.is(renderFields(['title']), 'title')
  assert.is(renderFields(['*', { role: ['*'] }]), '*,role(*)')
  assert.is(renderFields([{ '+role': ['+title', '-type', { organization: ['name'] }] }]), '+role(+title,-type,organization(name))')
  assert.is(renderFields('+role(+title,-agentCaseAccess)'), '+role(+title,-agent_case_access)')
  assert.equal(mergeOptions({ flat: true, case: 'camel' }, { case: undefined, empty: false }), { flat: true, case: 'camel', empty: false })
})

test('names in include and fields are snake-cased as toSnake does, without letterCase.ts (any name of letters, digits, _)', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/)
  fc.assert(fc.property(name, (n) => renderFields(n) === toSnake(n) && toWire({ include: [n] }).query[0]?.[1] === toSnake(n)))
  assert.is(renderFields('+HTMLBody,-userID,FullName'), '+html_body,-user_id,full_name')
})

test('shaped: a builder’s include and fields become the options and wire withOptions would make; none with issues', () => {
  const selector = fc.oneof(fc.constant('+fullName'), fc.constant('title'), fc.constant({ role: ['+title'] }))
  const shape = fc.record(
    { include: fc.oneof(fc.constant('*' as const), fc.array(fc.constantFrom('user', 'localeField', 'caseStatus'))), fields: fc.array(selector) },
    { requiredKeys: [] }
  )
  fc.assert(
    fc.property(shape, (s) => {
      const req = shaped(s, shapeQuery, getRequest('T.t', '/t', none))
      const options = mergeOptions({}, s)
      return Object.keys(options).length === 0 ? req.wire === undefined : JSON.stringify([req.options, req.wire]) === JSON.stringify([options, toWire(options)])
    })
  )
  assert.is(shaped({ include: '*' }, shapeQuery, getRequest('T.t', '/t', none, { issues: [{ path: 'x', message: 'm' }] })).wire, undefined)
  // the include-only form (`Article.get` and its siblings) sends what the whole one would, without `fields`
  assert.equal(shaped({ include: ['localeField'] }, includeQuery, getRequest('T.t', '/t', none)).wire, { query: [['include', 'locale_field']] })
  assert.is(shaped({ include: undefined }, includeQuery, getRequest('T.t', '/t', none)).wire, undefined)
})

test.run()
