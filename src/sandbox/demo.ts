// `npm run demo`: a scripted pipeline through the real executor (signing, parsing, decoding) against a canned
// transport. It becomes a run against the in-memory sandbox once that exists.
import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as TE from 'fp-ts/TaskEither'
import { classic, Department } from '../classic/index'
import { describe, type Transport } from '../core/index'

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
const departmentXml = (id: number, title: string) =>
  `<department>\n<id><![CDATA[${id}]]></id>\n<title><![CDATA[${title}]]></title>\n<type><![CDATA[public]]></type>\n` +
  `<module><![CDATA[tickets]]></module>\n<app><![CDATA[tickets]]></app>\n<displayorder><![CDATA[${id * 10}]]></displayorder>\n` +
  `<parentdepartmentid><![CDATA[0]]></parentdepartmentid>\n<uservisibilitycustom><![CDATA[0]]></uservisibilitycustom>\n<usergroups>\n</usergroups>\n</department>\n`

/** A tiny stand-in server: enough Department behaviour to show the pipeline. */
const cannedTransport = (): Transport => {
  const departments = new Map<number, string>([
    [1, 'Support'],
    [2, 'Sales']
  ])
  const list = (ids: ReadonlyArray<number>) => DECLARATION + '<departments>\n' + ids.map((id) => departmentXml(id, departments.get(id) ?? '')).join('') + '</departments>'
  return (request) => async () => {
    const route = decodeURIComponent(/[?&]e=([^&]*)/.exec(request.url)?.[1] ?? '')
    const id = Number(route.split('/')[3])
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '')
    if (request.method === 'POST') {
      const next = Math.max(...departments.keys()) + 1
      departments.set(next, form.get('title') ?? '')
      return E.right({ status: 200, headers: {}, body: list([next]) })
    }
    if (request.method === 'DELETE') {
      return departments.delete(id)
        ? E.right({ status: 200, headers: {}, body: '' })
        : E.right({ status: 400, headers: {}, body: 'Department Load Failed: Invalid data provided' })
    }
    return E.right({ status: 200, headers: {}, body: list(Number.isNaN(id) ? [...departments.keys()] : departments.has(id) ? [id] : []) })
  }
}

const table = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length))) ?? []
  return rows.map((r) => '  ' + r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')).join('\n')
}

const main = async (): Promise<void> => {
  const run = classic({ url: 'https://help.example.com/api/index.php', apiKey: 'demo-key', secretKey: 'demo-secret', transport: cannedTransport() })

  const created = await pipe(
    run(Department.post({ title: 'Billing', type: 'public', app: 'tickets' })),
    TE.chain(() => run(Department.all()))
  )()
  if (E.isLeft(created)) throw new Error(describe(created.left))
  console.log('Departments after creating "Billing":')
  console.log(table([['id', 'title', 'type', 'app'], ...created.right.map((d) => [d.id, d.title, d.type, d.app])]))

  console.log('\nA deliberate failure, deleting a department that does not exist:')
  const failed = await run(Department.delete(999))()
  console.log('  ' + (E.isLeft(failed) ? `Left ${failed.left._tag}: ${describe(failed.left)}` : 'unexpected success'))

  console.log('\nAn invalid argument never reaches the network:')
  const invalid = await run(Department.post({ title: '', type: 'public', app: 'tickets' }))()
  console.log('  ' + (E.isLeft(invalid) ? `Left ${invalid.left._tag}: ${describe(invalid.left)}` : 'unexpected success'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
