// CaseField builders: the requests they describe (method, path, query, body) and the issues found before sending.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as CaseField from '../../src/v1/CaseField'
import { included } from '../../src/v1/internal/codec'
import { wire } from './builderSupport'
import { sandboxRun } from './sandboxRun'

test('CaseField: list, get and delete; a bad id is an issue', () => {
  assert.equal(wire(CaseField.all()), { line: 'GET /cases/fields', body: undefined, issues: [] })
  assert.is(wire(CaseField.delete(4)).line, 'DELETE /cases/fields/4')
  assert.equal(wire(CaseField.get(0)).issues, ['id: must be a positive integer, got 0'])
})

test('CaseField.options: the options of a select field in their order; none for a text field; 404 for no field', async () => {
  assert.is(wire(CaseField.options(8)).line, 'GET /cases/fields/8/options')
  const { ok, fails } = sandboxRun()
  const product = (await ok(CaseField.all())).find((f) => f.key === 'product')
  const options = await ok(CaseField.options(product?.id ?? 0))
  assert.equal(
    options.map((o) => [included(o.values[0])?.translation, o.sortOrder]),
    [
      ['Espresso machines', 1],
      ['Grinders', 2],
      ['Accessories', 3]
    ]
  )
  const serial = (await ok(CaseField.all())).find((f) => f.key === 'serial_number')
  assert.equal(await ok(CaseField.options(serial?.id ?? 0)), [])
  assert.is((await fails(CaseField.options(999)))._tag, 'ApiError')
})

test.run()
