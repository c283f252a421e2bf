// CaseForm: the builders, and the seeded forms from the sandbox with their fields and brand.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CaseForm from '../../src/v1/CaseForm'
import { included } from '../../src/v1/internal/codec'
import { withOptions } from '../../src/v1/internal/request'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('CaseForm builders: list and get; a bad id is an issue', () => {
  assert.equal(wire(CaseForm.all()), { line: 'GET /cases/forms', body: undefined, issues: [] })
  assert.is(wire(CaseForm.get(2)).line, 'GET /cases/forms/2')
  assert.equal(wire(CaseForm.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test('CaseForm: the default form and a repair form, with their fields and brand', async () => {
  const { ok } = sandboxRun()
  const forms = await ok(CaseForm.all())
  assert.equal(
    forms.map((f) => [f.title, f.isDefault, f.customerTitle]),
    [
      ['Default', true, 'Contact us'],
      ['Hardware repair', false, 'Send a machine for repair']
    ]
  )
  const repair = await ok(withOptions({ include: ['case_field', 'brand'] })(CaseForm.get(2)))
  assert.equal(
    repair.fields.map((f) => included(f)?.key),
    ['subject', 'message', 'priority', 'status', 'product', 'serial_number']
  )
  assert.is(included(repair.brand)?.name, 'Brewfictus')
  assert.is(repair.description, 'Product and serial number are needed to book a repair')
})

test.run()
