// OrganizationField: the builders, and the seeded organization fields and their options from the sandbox.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Organization from '../../src/v1/Organization'
import * as OrganizationField from '../../src/v1/OrganizationField'
import { included } from '../../src/v1/internal/codec'
import { withOptions } from '../../src/v1/internal/request'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('OrganizationField builders: list, get, options; a bad id is an issue', () => {
  assert.equal(wire(OrganizationField.all()), { line: 'GET /organizations/fields', body: undefined, issues: [] })
  assert.is(wire(OrganizationField.get(2)).line, 'GET /organizations/fields/2')
  assert.is(wire(OrganizationField.options(2)).line, 'GET /organizations/fields/2/options')
  assert.equal(wire(OrganizationField.get(1.5)).issues, ['id: must be a positive integer, got 1.5'])
})

test('OrganizationField: definitions with their options (included), and an organization value naming one', async () => {
  const { ok } = sandboxRun()
  const fields = await ok(withOptions({ include: ['field_option'] })(OrganizationField.all()))
  assert.equal(
    fields.map((f) => [f.title, f.type]),
    [
      ['Account manager', 'TEXT'],
      ['Contract', 'RADIO']
    ]
  )
  const contract = fields[1]
  assert.equal(
    contract?.options.map((o) => included(included(o)?.values[0])?.translation),
    ['Monthly', 'Annual']
  )
  const one = await ok(OrganizationField.get(contract?.id ?? 0))
  assert.is(one.key, 'contract')
  const atmosphere = await ok(Organization.get(2))
  const annual = included(contract?.options[1])
  assert.equal(
    atmosphere.customFields.map((v) => v.value),
    [String(annual?.id)]
  )
})

test.run()
