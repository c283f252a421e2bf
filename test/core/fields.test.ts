// Input fields described once (src/core/fields.ts): the checks and wire values derived from a table, and the compiler
// holding every table to its input types.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../../src/core/fields'
import * as V from '../../src/core/validate'

interface Probe {
  readonly name: string
  readonly count?: number
  readonly tags?: ReadonlyArray<string>
}

const PROBE: Fields<Probe, unknown> = {
  name: { wire: 'full_name', check: V.nonBlank },
  count: { wire: 'n', check: V.nonNegativeInt },
  tags: { wire: 'tags', check: (path, value) => (Array.isArray(value) ? [] : [{ path, message: 'must be a list' }]), encode: (tags) => tags.join(',') }
}
const PROBE_REQUIRED: RequiredFields<Probe> = { name: true }

// Type-level: the table and the required map must match the input type exactly (the `_` names are never read).
// @ts-expect-error `tags` has no entry
const _missingEntry: Fields<Probe, unknown> = { name: PROBE.name, count: PROBE.count }
// @ts-expect-error `colour` is not a property of Probe
const _extraEntry: Fields<Probe, unknown> = { ...PROBE, colour: PROBE.name }
// @ts-expect-error `name` is required by Probe
const _requiredMissing: RequiredFields<Probe> = {}
// @ts-expect-error `count` is optional in Probe
const _optionalListed: RequiredFields<Probe> = { name: true, count: true }

test('checks: a required property is checked when missing, an optional one only when present, in table order', () => {
  assert.equal(checkFields(PROBE, PROBE_REQUIRED, {}), [{ path: 'name', message: 'is required and must not be blank' }])
  assert.equal(checkFields(PROBE, NOTHING_REQUIRED, {}), [])
  assert.equal(checkFields(PROBE, PROBE_REQUIRED, { count: -1, name: ' ', tags: 'a' }), [
    { path: 'name', message: 'is required and must not be blank' },
    { path: 'count', message: 'must be a non-negative integer, got -1' },
    { path: 'tags', message: 'must be a list' }
  ])
})

test('checks: a non-object input is one issue, and cross-field rules run after the fields', () => {
  for (const input of [null, undefined, 'x', 3, []]) assert.equal(checkFields(PROBE, PROBE_REQUIRED, input), [{ path: 'input', message: 'must be an object' }])
  const rules = (i: Partial<Probe>) => (i.tags !== undefined && i.count === undefined ? [{ path: 'tags', message: 'needs count' }] : [])
  assert.equal(checkFields(PROBE, PROBE_REQUIRED, { name: 'a', tags: [] }, rules), [{ path: 'tags', message: 'needs count' }])
})

test('checks: inherited properties are not the input’s own (a prototype named like a field is ignored)', () => {
  const input = Object.create({ name: 'from the prototype' }) as Probe
  assert.equal(checkFields(PROBE, PROBE_REQUIRED, input), [{ path: 'name', message: 'is required and must not be blank' }])
  assert.equal(wireValues(PROBE, input), {})
})

test('wire values: wire names, encoders, absent properties left out, table order; total on non-objects', () => {
  assert.equal(wireValues(PROBE, { tags: ['a', 'b'], name: 'Ann' }), { full_name: 'Ann', tags: 'a,b' })
  assert.equal(Object.keys(wireValues(PROBE, { tags: [], count: 2, name: 'x' })), ['full_name', 'n', 'tags'])
  assert.equal(wireValues(PROBE, null as unknown as Probe), {})
})

const ROOT = resolve(import.meta.dirname, '..', '..')

/** Copies `src/`, adds an optional property to an input type in the copy, and type-checks that one module. */
const compileWithExtraProperty = (module: string, typeName: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fields-'))
  try {
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
    const file = join(dir, 'src', module)
    const text = readFileSync(file, 'utf8')
    const declaration = `export interface ${typeName} {`
    assert.ok(text.includes(declaration), `${module} declares ${typeName}`)
    writeFileSync(file, text.replace(declaration, `${declaration}\n  readonly probeProperty?: string`))
    const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...config.compilerOptions, typeRoots: [join(ROOT, 'node_modules', '@types')] }, files: [`src/${module}`] })
    )
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', '.bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })
      return ''
    } catch (failed) {
      return String((failed as { stdout?: string }).stdout ?? failed)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('adding a property to an input type without a table entry fails to compile (Classic and v1)', () => {
  for (const [module, typeName] of [
    ['classic/Department.ts', 'NewDepartment'],
    ['classic/Department.ts', 'DepartmentUpdate'],
    ['v1/Team.ts', 'NewTeam']
  ] as const) {
    const errors = compileWithExtraProperty(module, typeName)
    assert.match(errors, /probeProperty/, `${typeName}: ${errors || 'compiled without an error'}`)
  }
})

test.run()
