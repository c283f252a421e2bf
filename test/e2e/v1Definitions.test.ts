// Views, relations, field definitions, forms, settings and brands end to end: the v1 client against the v1 sandbox
// in process (its handler as the transport) and over real HTTP (`startSandbox`).
import { pipe } from 'fp-ts/function'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Brand from '../../src/v1/Brand'
import * as Case from '../../src/v1/Case'
import * as CaseForm from '../../src/v1/CaseForm'
import * as Organization from '../../src/v1/Organization'
import * as Setting from '../../src/v1/Setting'
import * as Team from '../../src/v1/Team'
import * as User from '../../src/v1/User'
import * as UserField from '../../src/v1/UserField'
import * as View from '../../src/v1/View'
import { included } from '../../src/v1/internal/codec'
import { v1 } from '../../src/v1/internal/executor'
import { collect } from '../../src/v1/internal/paging'
import { withOptions, type V1Request } from '../../src/v1/internal/request'
import { v1Mounts } from '../support/v1Mounts'
import { unwrap } from '../support/transport'

for (const { name, mount, close } of v1Mounts()) {
  const e2e = suite(`v1 views, relations and definitions end to end (${name})`)
  let run: ReturnType<typeof v1>
  e2e.before.each(async () => {
    const m = await mount()
    run = v1({ url: m.url, auth: m.credentials, transport: m.transport })
  })
  e2e.after.each(close)
  const ok = async <A>(request: V1Request<A>): Promise<A> => unwrap(await run(request)())

  e2e('every view count is the number of cases its pages collect', async () => {
    const counts = await ok(View.counts())
    assert.ok(counts.length > 0)
    for (const c of counts) {
      const id = (c.view as { id: number }).id
      const cases = unwrap(await collect(run)(View.cases(id, { limit: 6 }))())
      assert.is(cases.length, c.count)
      assert.is(new Set(cases.map((k) => k.id)).size, cases.length, 'no case twice')
    }
  })

  e2e('relations: a user’s cases and organizations, an organization’s members, team members in and out', async () => {
    const mine = await ok(User.cases(2, { limit: 100 }))
    assert.ok(mine.items.length > 0 && mine.items.every((k) => (k.requester as { id: number }).id === 2))
    assert.equal(
      (await ok(User.organizations(2))).items.map((o) => o.id),
      [2]
    )
    assert.ok((await ok(Organization.members(2, { limit: 100 }))).items.some((u) => u.id === 2))
    await ok(Team.addMembers(2, [4]))
    assert.ok((await ok(Team.members(2, { limit: 100 }))).items.some((u) => u.id === 4))
    await ok(Team.removeMembers(2, [4]))
    assert.not.ok((await ok(Team.members(2, { limit: 100 }))).items.some((u) => u.id === 4))
  })

  e2e('definitions decode alike in every letter case, flat or nested', async () => {
    const values = []
    for (const letterCase of ['snake', 'camel', 'pascal'] as const) {
      for (const flat of [false, true]) {
        const options = withOptions({ case: letterCase, flat, include: '*' })
        values.push({
          form: await ok(pipe(CaseForm.get(2), options)),
          field: await ok(pipe(UserField.get(1), options)),
          values: await ok(pipe(Case.fieldValues(1), options)),
          view: await ok(pipe(View.get(3), options)),
          brand: await ok(pipe(Brand.get(2), options))
        })
      }
    }
    // Compared deeply, prototypes included: values kept as sent (view columns) are plain copies on every reading path
    for (const v of values.slice(1)) assert.equal(v, values[0])
    const [first] = values
    assert.is(included(first?.form.fields[4])?.key, 'product')
    assert.is(first?.view.predicateCollections.length, 2)
  })

  e2e('settings: a change is read back', async () => {
    await ok(Setting.put({ 'general.timezone': 'Europe/Berlin' }))
    assert.is((await ok(Setting.all())).find((s) => s.name === 'timezone')?.value, 'Europe/Berlin')
  })

  e2e.run()
}
