import * as O from 'fp-ts/Option'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as StaffGroup from '../../src/classic/StaffGroup'
import { decodeBody, issuePaths } from '../support/decode'
import { fixture } from '../support/fixtures'

test('post/put descriptions', () => {
  const post = StaffGroup.post({ title: 'Testers', isAdmin: false })
  assert.equal(
    [post.method, post.route, post.form],
    [
      'POST',
      '/Base/StaffGroup',
      [
        ['title', 'Testers'],
        ['isadmin', '0']
      ]
    ]
  )
  const put = StaffGroup.put(5, { title: 'Admins', isAdmin: true })
  assert.equal(
    [put.method, put.route, put.form],
    [
      'PUT',
      '/Base/StaffGroup/5',
      [
        ['title', 'Admins'],
        ['isadmin', '1']
      ]
    ]
  )
  assert.equal(StaffGroup.put(5, { title: 'Only title' }).form, [['title', 'Only title']])
})

test('decodes the real ListAll fixture', () => {
  const groups = decodeBody(StaffGroup.all(), fixture('classic/StaffGroup_ListAll.xml'))
  assert.equal(
    groups.map((g) => [g.id, g.title, g.isAdmin]),
    [
      [1, 'Administrators', true],
      [2, 'Employees', false],
      [3, 'Users', false],
      [5, 'Testers', false]
    ]
  )
  assert.equal(groups[0]?.extra, {})
  const one = decodeBody(StaffGroup.get(1), fixture('classic/StaffGroup_ListAll.xml'))
  assert.equal(O.map((g: StaffGroup.StaffGroup) => g.title)(one), O.some('Administrators'))
  assert.equal(decodeBody(StaffGroup.put(5, { title: 'x' }), fixture('classic/StaffGroup_ListAll.xml')).id, 1)
})

test('validation lists every problem', () => {
  assert.equal(issuePaths(StaffGroup.post({ title: '', isAdmin: 1 as unknown as boolean })), ['title', 'isAdmin'])
  assert.equal(issuePaths(StaffGroup.put(0, { title: ' ', isAdmin: 'yes' as unknown as boolean })), ['id', 'title', 'isAdmin'])
  assert.equal(issuePaths(StaffGroup.get(-3)), ['id'])
  assert.equal(issuePaths(StaffGroup.delete(2.5)), ['id'])
  assert.equal(StaffGroup.post(null as unknown as StaffGroup.NewStaffGroup).issues, [{ path: 'input', message: 'must be an object' }])
  assert.equal(StaffGroup.post({ title: '', isAdmin: true }).form, [], 'nothing to send')
})

test.run()
