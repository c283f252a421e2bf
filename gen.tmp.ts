import { v1Modules } from './test/support/v1Cases'
const PROBES: ReadonlyArray<ReadonlyArray<unknown>> = [[], [7], [7, 3], [{}], [7, {}], [7, 3, {}], ['x'], ['x', 7], [[7]], [7, 3, 2], [{ limit: 5 }], [{ query: 'q' }]]
const want = new Set(process.argv.slice(2))
const target = (r: any): string => {
  const q = Object.entries(r.query).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`).join('&')
  return r.path + (q ? '?' + q : '')
}
for (const m of v1Modules) {
  const byFn = new Map<unknown, string[]>()
  for (const [name, b] of m.builders) byFn.set(b, [...(byFn.get(b) ?? []), name])
  for (const [b, names] of byFn) {
    let got: any, args: unknown[] = []
    for (const p of PROBES) { try { const r: any = (b as any)(...p); if (r && r.operation && (!got || (got.issues.length > 0 && r.issues.length === 0))) { got = r; args = [...p] } } catch {} }
    if (!got || !want.has(got.operation)) continue
    const name = names.find((n) => `${m.name}.${n}` === got.operation) ?? names[0]
    console.log(`  row(() => ${m.name}.${name}(${args.map((a) => JSON.stringify(a)).join(', ')}), '${got.method}', '${target(got)}'),${got.issues.length ? ' // FIX ' + JSON.stringify(got.issues.map((i: any) => i.path + ': ' + i.message)) : ''}`)
  }
}
