/** `/Base/Staff` (spec §2.2). The root is `<staffusers>`. */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { StaffRow } from '../store'
import { str, trimmed } from '../vars'
import { leaves, parent } from '../xml'
import { isEmail } from './common'

export const renderStaff = (s: StaffRow): string =>
  parent(
    'staff',
    leaves([
      ['id', s.id],
      ['staffgroupid', s.staffgroupid],
      ['firstname', s.firstname],
      ['lastname', s.lastname],
      ['fullname', `${s.firstname} ${s.lastname}`.trim()],
      ['username', s.username],
      ['email', s.email],
      ['designation', s.designation],
      ['greeting', s.greeting],
      ['mobilenumber', s.mobilenumber],
      ['isenabled', s.isenabled],
      ['timezone', s.timezone],
      ['enabledst', s.enabledst],
      ['signature', s.signature]
    ])
  )

const answer = (rows: ReadonlyArray<StaffRow>): Reply => xmlReply(parent('staffusers', rows.map(renderStaff)))
const list = (ctx: Context): Reply => answer(ctx.store.staff.all())
const LOAD_FAILED = 'Staff Load Failed: Invalid data provided'

const taken = (ctx: Context, self: number, username: string, email: string): Reply | undefined => {
  for (const s of ctx.store.staff.rows.values()) {
    if (s.id === self) continue
    if (username !== '' && s.username.toLowerCase() === username.toLowerCase()) return badRequest('Staff username already exists')
    if (email !== '' && s.email.toLowerCase() === email.toLowerCase()) return badRequest('Staff email address already exists')
  }
  return undefined
}

/** Optional text fields: kept when not sent. */
const OPTIONAL = ['designation', 'mobilenumber', 'greeting', 'timezone'] as const

export const Staff: Controller = {
  actions: { listall: list },
  getList: list,
  get: (ctx, [id]) => {
    const row = ctx.store.staff.get(idArg(id) ?? 0)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const v = ctx.vars
    if (trimmed(v, 'firstname') === '') return badRequest('First name is empty')
    if (trimmed(v, 'lastname') === '') return badRequest('Last name is empty')
    if (!isEmail(trimmed(v, 'email'))) return badRequest('Email address is empty or Invalid')
    const group = ctx.store.staffGroups.get(Number(trimmed(v, 'staffgroupid')) || 0)
    if (group === undefined) return badRequest('Staff Group ID is Invalid')
    if ((str(v, 'password') ?? '') === '') return badRequest('Invalid Password Specified')
    if (trimmed(v, 'username') === '') return badRequest('Invalid Username Specified')
    const clash = taken(ctx, 0, trimmed(v, 'username'), trimmed(v, 'email'))
    if (clash !== undefined) return clash
    const row = ctx.store.staff.insert({
      staffgroupid: group.id,
      firstname: trimmed(v, 'firstname'),
      lastname: trimmed(v, 'lastname'),
      username: trimmed(v, 'username'),
      email: trimmed(v, 'email'),
      designation: trimmed(v, 'designation'),
      greeting: trimmed(v, 'greeting'),
      mobilenumber: trimmed(v, 'mobilenumber'),
      // Spec §2.2 gotcha: POST reads these with !empty(), so `0` is ignored (created enabled, DST on).
      isenabled: true,
      enabledst: true,
      timezone: trimmed(v, 'timezone'),
      signature: str(v, 'staffsignature') ?? '',
      password: str(v, 'password') ?? ''
    })
    return answer([row])
  },
  put: (ctx, [id]) => {
    const v = ctx.vars
    const row = ctx.store.staff.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    if (trimmed(v, 'firstname') === '') return badRequest('First name is empty')
    if (trimmed(v, 'lastname') === '') return badRequest('Last name is empty')
    const group = ctx.store.staffGroups.get(Number(trimmed(v, 'staffgroupid')) || 0)
    if (group === undefined) return badRequest('Staff Group ID is Invalid')
    if (str(v, 'email') !== undefined && !isEmail(trimmed(v, 'email'))) return badRequest('Email address is empty or Invalid')
    const clash = taken(ctx, row.id, trimmed(v, 'username'), trimmed(v, 'email'))
    if (clash !== undefined) return clash
    row.firstname = trimmed(v, 'firstname')
    row.lastname = trimmed(v, 'lastname')
    row.staffgroupid = group.id
    if (trimmed(v, 'username') !== '') row.username = trimmed(v, 'username')
    if (str(v, 'email') !== undefined) row.email = trimmed(v, 'email')
    for (const field of OPTIONAL) if (str(v, field) !== undefined) row[field] = trimmed(v, field)
    if (str(v, 'staffsignature') !== undefined) row.signature = str(v, 'staffsignature') ?? ''
    if ((str(v, 'password') ?? '') !== '') row.password = str(v, 'password') ?? ''
    // PUT reads these with isset(), so `0` works here.
    if (str(v, 'isenabled') !== undefined) row.isenabled = trimmed(v, 'isenabled') === '1'
    if (str(v, 'enabledst') !== undefined) row.enabledst = trimmed(v, 'enabledst') === '1'
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const found = idArg(id)
    if (found === undefined || !ctx.store.staff.delete(found)) return badRequest(LOAD_FAILED)
    return deleted
  }
}
