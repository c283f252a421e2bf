// A rollup plugin for the build: marks every call to a function imported from the XML plumbing (`./xml`) in the
// Classic modules as `/* @__PURE__ */` in the published code.
//
// Why: a resource module builds its decoders at module level, `struct('department', { id: requiredInt('id'), … })`.
// The `#__PURE__` written before `struct(` covers that call only; its arguments are calls too, and a bundler keeps
// any call it cannot prove pure. esbuild does not carry `#__NO_SIDE_EFFECTS__` across modules (evanw/esbuild#4369),
// so without this every export of a module (`Department.delete`, a constant) kept all of the module's decoders:
// 1.3–2.7 KB min+gzip each, measured by `npm run size`. The XML plumbing's constructors build values and touch nothing,
// so the mark is true. Names that the module declares again itself are left alone.
const isNode = (value) => value !== null && typeof value === 'object' && typeof value.type === 'string'

const walk = (node, visit) => {
  visit(node)
  for (const key of Object.keys(node)) {
    const child = node[key]
    for (const c of Array.isArray(child) ? child : [child]) if (isNode(c)) walk(c, visit)
  }
}

const declaredNames = (pattern, out) => {
  if (!isNode(pattern)) return
  if (pattern.type === 'Identifier') out.add(pattern.name)
  else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) declaredNames(p.type === 'RestElement' ? p.argument : p.value, out)
  else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements) declaredNames(p, out)
  else if (pattern.type === 'RestElement') declaredNames(pattern.argument, out)
  else if (pattern.type === 'AssignmentPattern') declaredNames(pattern.left, out)
}

/** @param {{ include: RegExp, from: RegExp }} options modules to annotate (by id), and the import sources whose calls are pure */
export const pureCalls = ({ include, from }) => ({
  name: 'pure-calls',
  transform(code, id) {
    if (!include.test(id)) return null
    const ast = this.parse(code)
    const imported = new Set()
    for (const node of ast.body) {
      if (node.type !== 'ImportDeclaration' || !from.test(String(node.source.value))) continue
      for (const s of node.specifiers) if (s.type === 'ImportSpecifier') imported.add(s.local.name)
    }
    if (imported.size === 0) return null
    const declared = new Set()
    walk(ast, (node) => {
      if (node.type === 'VariableDeclarator') declaredNames(node.id, declared)
      else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') {
        if (node.id) declaredNames(node.id, declared)
        for (const p of node.params) declaredNames(p, declared)
      } else if (node.type === 'CatchClause' && node.param) declaredNames(node.param, declared)
    })
    const starts = []
    walk(ast, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && imported.has(node.callee.name) && !declared.has(node.callee.name)) {
        if (!/__PURE__\s*\*\/\s*$/.test(code.slice(Math.max(0, node.start - 24), node.start))) starts.push(node.start)
      }
    })
    if (starts.length === 0) return null
    let out = code
    for (const start of starts.sort((a, b) => b - a)) out = `${out.slice(0, start)}/* @__PURE__ */ ${out.slice(start)}`
    return { code: out, map: null }
  }
})

/** The build's use: the Classic resource modules and their plumbing, calls imported from the XML module. */
export const CLASSIC_XML_CALLS = { include: /[\\/]src[\\/]classic[\\/](internal[\\/])?(?!xml\.ts$)[^\\/]+\.ts$/, from: /^\.\/(internal\/)?xml(\.js)?$/ }
