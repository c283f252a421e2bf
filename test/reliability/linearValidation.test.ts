// Finding 4 of issue 11: every builder check answers in linear time, whatever the size of its input. The e-mail check
// was a regex that backtracks quadratically (~7 s on a 100 KB address): a public contact form could stall a server.
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import * as NewsSubscriber from '../../src/classic/NewsSubscriber'
import * as Staff from '../../src/classic/Staff'
import * as Ticket from '../../src/classic/Ticket'
import * as V from '../../src/core/validate'
import * as IdentityDomain from '../../src/v1/IdentityDomain'
import * as IdentityEmail from '../../src/v1/IdentityEmail'
import { cheapest } from '../support/cpu'

const KB = 1024
/**
 * CPU time (test/support/cpu.ts), so that a loaded machine does not stretch it; the quadratic checks took 5 to 11 s on
 * the smallest of these inputs (100 KB).
 */
const BOUND_MS = 500

/** Addresses that make a backtracking check quadratic, and long ones that are fine. */
const hostileAddresses = (size: number): ReadonlyArray<readonly [string, boolean]> => [
  [`a@${'.'.repeat(size)} `, false],
  [`a@${'a.'.repeat(size / 2)}@`, false],
  [`a@${'.'.repeat(size)}`, true],
  [`${'a'.repeat(size)}@`, false],
  [`${'a'.repeat(size)}@example.com`, true],
  [`a@${'b.'.repeat(size / 2)}c`, true]
]

const timed = <A>(work: () => A, boundMs = BOUND_MS): { readonly value: A; readonly ms: number } => {
  const run = cheapest(boundMs, work)
  return { value: run.value, ms: run.cpuMs }
}

test('the e-mail check is linear: 100 KB and 1 MB hostile addresses answer in milliseconds', () => {
  for (const size of [100 * KB, 1024 * KB]) {
    for (const [address, valid] of hostileAddresses(size)) {
      const r = timed(() => V.email('email', address))
      assert.is(r.value.length === 0, valid, address.slice(0, 20))
      assert.ok(r.ms < BOUND_MS, `${address.slice(0, 12)}… (${size} chars): ${r.ms.toFixed(0)} ms`)
    }
  }
})

test('the e-mail check keeps its meaning: one @, no white space, a dot inside the domain', () => {
  const valid = ['a@b.c', 'john.doe@acme.example', 'x+y@sub.domain.org', 'é@ü.ß', 'a@.b.c', 'a@b..c']
  const invalid = ['', '@b.c', 'a@bc', 'a@.c', 'a@b.', 'a@b.c@d', 'a b@c.d', 'a@b c.d', ' a@b.c', 'a@b.c\n', 'a@@b.c', 'a@..']
  for (const v of valid) assert.equal(V.email('e', v), [], v)
  for (const v of invalid) assert.is(V.email('e', v).length, 1, JSON.stringify(v))
})

test('Ticket.post and NewsSubscriber.post with a 100 KB address: a ValidationError in milliseconds', () => {
  const email = `a@${'.'.repeat(100 * KB)} `
  const ticket = timed(() =>
    Ticket.post({ subject: 's', fullName: 'n', email, contents: 'c', departmentId: 1, statusId: 1, priorityId: 1, typeId: 1, userId: 1 })
  )
  const subscriber = timed(() => NewsSubscriber.post({ email }))
  const staff = timed(() => Staff.post({ firstName: 'a', lastName: 'b', userName: 'u', password: 'p', staffGroupId: 1, email }))
  for (const [name, r] of [
    ['Ticket.post', ticket],
    ['NewsSubscriber.post', subscriber],
    ['Staff.post', staff]
  ] as const) {
    assert.ok(r.ms < BOUND_MS, `${name}: ${r.ms.toFixed(0)} ms`)
    assert.ok(
      r.value.issues.some((i) => i.path === 'email'),
      name
    )
  }
})

test('v1 identity checks (e-mail, domain) on 1 MB inputs answer in milliseconds', () => {
  const size = 1024 * KB
  for (const email of [`a@${'a.'.repeat(size / 2)}@`, `a@${'.'.repeat(size)} `]) {
    const r = timed(() => IdentityEmail.post({ userId: 1, email }))
    assert.ok(r.ms < BOUND_MS, `${r.ms.toFixed(0)} ms`)
    assert.ok(r.value.issues.some((i) => i.path === 'email'))
  }
  for (const domain of [`${'a.'.repeat(size / 2)}!`, `a${'-'.repeat(size)}!`, `${'a'.repeat(size)}.a-`]) {
    const r = timed(() => IdentityDomain.post({ organizationId: 1, domain }))
    assert.ok(r.ms < BOUND_MS, `${r.ms.toFixed(0)} ms`)
    assert.ok(r.value.issues.some((i) => i.path === 'domain'))
  }
})

test('names, display ids (100 KB) and id lists of any size answer in milliseconds', () => {
  const size = 1024 * KB
  for (const key of [`${'a-'.repeat(50 * KB)}!`, `${'a'.repeat(100 * KB)}!`, `a.a${'-'.repeat(100 * KB)}!`]) {
    const r = timed(() => Ticket.get(key))
    assert.ok(r.ms < BOUND_MS, `${r.ms.toFixed(0)} ms`)
    assert.is(r.value.issues.length, 1)
  }
  const blank = timed(() => V.nonBlank('subject', ' '.repeat(size)))
  assert.ok(blank.ms < BOUND_MS && blank.value.length === 1, `${blank.ms.toFixed(0)} ms`)
  const ids = Array.from({ length: 200_000 }, (_, i) => (i === 199_999 ? -1 : i + 1))
  const list = timed(() => V.positiveInts('ids', ids), BOUND_MS * 2)
  assert.ok(list.ms < BOUND_MS * 2, `${list.ms.toFixed(0)} ms`)
  assert.equal(
    list.value.map((i) => i.path),
    ['ids[199999]']
  )
})

test.run()
