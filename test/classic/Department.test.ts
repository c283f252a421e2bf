import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as Department from '../../src/classic/Department'
import { parseDocument } from '../../src/classic/internal/xml'
import { fixture } from '../support/fixtures'
import { unwrap, unwrapLeft } from '../support/transport'

const decode = <A>(req: { response: { _tag: string } }, body: string): A => {
  const response = req.response as { _tag: 'Xml'; decoder: { decode: (x: unknown) => import('fp-ts/Either').Either<unknown, A> } }
  return unwrap(response.decoder.decode(unwrap(parseDocument(body)).root))
}

test('post/put descriptions carry the server field names', () => {
  const post = Department.post({ title: 'Billing', type: 'public', app: 'livechat', displayOrder: 4, parentDepartmentId: 1 })
  assert.equal([post.method, post.route], ['POST', '/Base/Department'])
  assert.equal(post.form, [
    ['title', 'Billing'],
    ['type', 'public'],
    ['app', 'livechat'],
    ['displayorder', '4'],
    ['parentdepartmentid', '1']
  ])
  const put = Department.put(3, { title: 'B', userVisibilityCustom: false })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Base/Department/3',
      [
        ['title', 'B'],
        ['uservisibilitycustom', '0']
      ]
    ]
  )
})

test('decodes the real ListAll fixture (CDATA, module + app)', () => {
  const ds = decode<ReadonlyArray<Department.Department>>(Department.all(), fixture('classic/Department_ListAll.xml'))
  assert.equal(
    ds.map((d) => [d.id, d.title, d.type, d.app, d.displayOrder, d.parentDepartmentId, d.userVisibilityCustom, d.userGroupIds]),
    [
      [1, 'Support', 'public', 'tickets', 20, 0, false, []],
      [2, 'Sales', 'public', 'tickets', 30, 0, false, []]
    ]
  )
  assert.equal(ds[0]?.extra, {})
})

test('decodes the .NET fixture (module only, bool as false, user groups)', () => {
  const d = decode<O.Option<Department.Department>>(Department.get(2), fixture('classic/Department_ListAll_dotnet.xml'))
  assert.ok(O.isSome(d))
  if (O.isNone(d)) return
  assert.equal(
    [
      d.value.id,
      d.value.title,
      d.value.type,
      d.value.app,
      d.value.displayOrder,
      d.value.parentDepartmentId,
      d.value.userVisibilityCustom,
      d.value.userGroupIds
    ],
    [2, 'Title', 'private', 'livechat', 3, 1, false, [1, 2, 3]]
  )
})

test('validation lists every problem', () => {
  const bad = Department.post({ title: ' ', type: 'secret' as 'public', app: 'mail' as 'tickets', userGroupIds: [1, 0] })
  assert.equal(
    bad.issues.map((i) => i.path),
    ['title', 'type', 'app', 'userGroupIds[1]', 'userGroupIds']
  )
  assert.equal(bad.form, [], 'nothing to send')
  assert.equal(
    Department.put(0, { title: '' }).issues.map((i) => i.path),
    ['id', 'title']
  )
  assert.equal(
    Department.get(1.5).issues.map((i) => i.path),
    ['id']
  )
  assert.equal(Department.post(null as unknown as Department.NewDepartment).issues, [{ path: 'input', message: 'must be an object' }])
  assert.equal(Department.post({ title: 'ok', type: 'public', app: 'tickets', userVisibilityCustom: true, userGroupIds: [2] }).issues, [])
})

test('an unknown type value from the server is a decode failure, not a guess', () => {
  const body = '<?xml version="1.0"?><departments><department><id>1</id><type>weird</type></department></departments>'
  const req = Department.all()
  if (req.response._tag !== 'Xml') throw new Error('xml expected')
  unwrapLeft(req.response.decoder.decode(unwrap(parseDocument(body)).root))
})

test.run()
