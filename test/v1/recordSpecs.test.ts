// The v1 entity decoders are data (`record(type, 'id:I name:t …', refs)` in src/v1/internal/entities/): the compiler
// cannot hold a spec's properties to the entity's interface, so this test does, with the compiler's own reading of
// each `const x: Decoder<unknown, X> = record(…)`: every property of X (inherited ones included, `extra` filled by
// the engine) is named once in the spec, and the spec names nothing else.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { test } from 'uvu'
import * as assert from 'uvu/assert'

const DIR = join(import.meta.dirname, '..', '..', 'src', 'v1', 'internal', 'entities')

/**
 * The text of a spec argument: string literals joined by `+` (how prettier wraps a long one), or the name of a
 * constant holding one (a spec shared by two decoders of one entity, e.g. `kase` and `shallowCase`).
 */
const specText = (node: ts.Expression, checker: ts.TypeChecker): string | undefined => {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = specText(node.left, checker)
    const right = specText(node.right, checker)
    return left === undefined || right === undefined ? undefined : left + right
  }
  if (ts.isParenthesizedExpression(node)) return specText(node.expression, checker)
  if (ts.isIdentifier(node)) {
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration
    return declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined
      ? specText(declaration.initializer, checker)
      : undefined
  }
  return undefined
}

interface Found {
  readonly name: string
  readonly spec: ReadonlyArray<string>
  readonly properties: ReadonlyArray<string>
}

const readSpecs = (): ReadonlyArray<Found> => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(DIR, f))
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true
  })
  const checker = program.getTypeChecker()
  const found: Array<Found> = []
  for (const file of files) {
    const source = program.getSourceFile(file)
    if (source === undefined) continue
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isCallExpression(node.initializer)) {
        const call = node.initializer
        const type = node.type
        if (ts.isIdentifier(call.expression) && call.expression.text === 'record' && type !== undefined && ts.isTypeReferenceNode(type)) {
          const entity = type.typeArguments?.[1]
          const spec = call.arguments[1] === undefined ? undefined : specText(call.arguments[1], checker)
          if (entity !== undefined && spec !== undefined) {
            const properties = checker
              .getTypeFromTypeNode(entity)
              .getProperties()
              .map((p) => p.name)
              .filter((p) => p !== 'extra')
            found.push({
              name: `${node.name.getText(source)} (${file.slice(DIR.length + 1)})`,
              spec: spec.split(' ').map((t) => t.split(':')[0] ?? ''),
              properties
            })
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

test('every record spec names exactly its entity’s properties, each once', () => {
  const found = readSpecs()
  assert.ok(found.length >= 50, `only ${found.length} record decoders found`)
  // the decoders whose spec is a shared constant are read too
  for (const name of ['kase', 'shallowCase', 'user', 'shallowUser', 'organization', 'shallowOrganization', 'caseField', 'userField']) {
    assert.ok(
      found.some((f) => f.name.startsWith(`${name} (`)),
      `${name} not read`
    )
  }
  const wrong = found.flatMap(({ name, spec, properties }) => {
    const missing = properties.filter((p) => !spec.includes(p))
    const unknown = spec.filter((p) => !properties.includes(p))
    const twice = spec.filter((p, i) => spec.indexOf(p) !== i)
    return missing.length + unknown.length + twice.length === 0
      ? []
      : [`${name}: missing ${missing.join(',') || '-'}; unknown ${unknown.join(',') || '-'}; twice ${twice.join(',') || '-'}`]
  })
  assert.equal(wrong, [])
})

test.run()
