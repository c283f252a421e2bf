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

// Type-level: the table and the required map must match the input type exactly.
// @ts-expect-error `tags` has no entry
const missingEntry: Fields<Probe, unknown> = { name: PROBE.name, count: PROBE.count }
// @ts-expect-error `colour` is not a property of Probe
const extraEntry: Fields<Probe, unknown> = { ...PROBE, colour: PROBE.name }
// @ts-expect-error `name` is required by Probe
const requiredMissing: RequiredFields<Probe> = {}
// @ts-expect-error `count` is optional in Probe
const optionalListed: RequiredFields<Probe> = { name: true, count: true }
export const typeLevelProbes = [missingEntry, extraEntry, requiredMissing, optionalListed]

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

test('wire values: a spread field sends its record of wire values in its place', () => {
  interface Flags {
    readonly query: string
    readonly in: ReadonlyArray<string>
    readonly phrase?: boolean
  }
  const table: Fields<Flags, unknown> = {
    query: { wire: 'query', check: V.nonBlank },
    in: { wire: '<one flag per place>', check: () => [], spread: true, encode: (places) => Object.fromEntries(places.map((p) => [p, 1])) },
    phrase: { wire: 'phrase', check: V.isBoolean }
  }
  assert.equal(Object.entries(wireValues(table, { phrase: true, in: ['a', 'b'], query: 'q' })), [
    ['query', 'q'],
    ['a', 1],
    ['b', 1],
    ['phrase', true]
  ])
})

const ROOT = resolve(import.meta.dirname, '..', '..')

const PROBED: ReadonlyArray<readonly [module: string, typeName: string]> = [
  ['classic/Department.ts', 'NewDepartment'],
  ['classic/Department.ts', 'DepartmentUpdate'],
  ['classic/Ticket.ts', 'NewTicket'],
  ['classic/User.ts', 'NewUser'],
  ['classic/KnowledgebaseArticle.ts', 'NewKnowledgebaseArticle'],
  ['classic/TicketNote.ts', 'NewTicketNote'],
  ['v1/Team.ts', 'NewTeam'],
  ['v1/Case.ts', 'NewCase'],
  ['v1/User.ts', 'NewUser'],
  ['v1/Case.ts', 'CaseListArgs']
]

/**
 * Copies `src/`, adds an optional property named after each probed type to that type in the copy, and type-checks
 * the probed modules in one compiler run; returns the compiler's output.
 */
const compileWithExtraProperties = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kayako-fields-'))
  try {
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true })
    for (const [module, typeName] of PROBED) {
      const file = join(dir, 'src', module)
      const text = readFileSync(file, 'utf8')
      const declaration = new RegExp(`export interface ${typeName}( extends [^{]+)? \\{`)
      assert.ok(declaration.test(text), `${module} declares ${typeName}`)
      writeFileSync(
        file,
        text.replace(declaration, (found) => `${found}\n  readonly probe${typeName}?: string`)
      )
    }
    const config = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }
    const files = [...new Set(PROBED.map(([module]) => `src/${module}`))]
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...config.compilerOptions, typeRoots: [join(ROOT, 'node_modules', '@types')] }, files })
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
  const errors = compileWithExtraProperties()
  for (const [module, typeName] of PROBED) {
    const mentioned = errors.split('\n').some((line) => line.includes(module) && line.includes(`probe${typeName}`))
    assert.ok(mentioned, `${module} ${typeName}: ${errors || 'compiled without an error'}`)
  }
})

test.run()
