/** `/Base/Staff` (spec §2.2). The root is `<staffusers>`. */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { StaffRow } from '../store'
import { cacheKey, emptyTrimmed, intVar, isEmpty, str, toInt, trimmed } from '../vars'
import { leaves, parent } from '../xml'
import { isEmail } from './common'
import { modelLoadFailed } from './loadFailed'

export const renderStaff = (s: StaffRow): string =>
  parent(
    'staff',
    leaves([
      ['id', s.id],
      ['staffgroupid', s.staffgroupid],
      ['firstname', s.firstname],
      ['lastname', s.lastname],
      ['fullname', s.fullname ?? `${s.firstname} ${s.lastname}`.trim()],
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

/** A sent, non-empty value (`isset && !empty`), else undefined. */
const given = (ctx: Context, name: string): string | undefined => (isEmpty(ctx.vars, name) ? undefined : str(ctx.vars, name))

/** `empty(trim(staffgroupid)) || !isset($_staffGroupCache[staffgroupid])`. */
const staffGroupOf = (ctx: Context) => {
  const key = emptyTrimmed(ctx.vars, 'staffgroupid') ? undefined : cacheKey(ctx.vars, 'staffgroupid')
  return key === undefined ? undefined : ctx.store.staffGroups.get(key)
}

/** `trim($first . ' ' . $last)` of the names as sent (B/models/Staff/class.SWIFT_Staff.php:379-382). */
const fullnameOf = (ctx: Context): string => `${str(ctx.vars, 'firstname') ?? ''} ${str(ctx.vars, 'lastname') ?? ''}`.trim()

/** `ReturnNone` (F:950-957): blank text is stored as ''. */
const returnNone = (text: string | undefined): string => (text === undefined || text.trim() === '' ? '' : text)

export const Staff: Controller = {
  getList: list,
  // The id is cast to an integer: 0 (or a non-number) lists every staff member.
  get: (ctx, [id]) => {
    if (toInt(id) === 0) return list(ctx)
    const row = ctx.store.staff.get(toInt(id))
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const v = ctx.vars
    // `empty(trim(x))`: '0' is empty too (B/api/Staff.php Post); the e-mail is validated as sent, untrimmed.
    if (emptyTrimmed(v, 'firstname')) return badRequest('First name is empty')
    if (emptyTrimmed(v, 'lastname')) return badRequest('Last name is empty')
    if (emptyTrimmed(v, 'email') || !isEmail(str(v, 'email') ?? '')) return badRequest('Email address is empty or Invalid')
    const group = staffGroupOf(ctx)
    if (group === undefined) return badRequest('Staff Group ID is Invalid')
    if (emptyTrimmed(v, 'password')) return badRequest('Invalid Password Specified')
    if (emptyTrimmed(v, 'username')) return badRequest('Invalid Username Specified')
    for (const other of ctx.store.staff.rows.values()) if (other.username === trimmed(v, 'username')) return badRequest('Username is already taken')
    for (const other of ctx.store.staff.rows.values()) if (other.email === trimmed(v, 'email')) return badRequest('Email address already in use')
    const row = ctx.store.staff.insert({
      staffgroupid: group.id,
      firstname: trimmed(v, 'firstname'),
      lastname: trimmed(v, 'lastname'),
      fullname: fullnameOf(ctx),
      username: trimmed(v, 'username'),
      email: trimmed(v, 'email').toLowerCase(),
      designation: (given(ctx, 'designation') ?? '').trim(),
      greeting: given(ctx, 'greeting') ?? '',
      mobilenumber: returnNone(given(ctx, 'mobilenumber')),
      // Spec §2.2 gotcha: POST reads these with !empty(), so `0` is ignored (created enabled, DST on).
      isenabled: given(ctx, 'isenabled') === undefined ? true : intVar(v, 'isenabled') !== 0,
      enabledst: given(ctx, 'enabledst') === undefined ? true : intVar(v, 'enabledst') !== 0,
      timezone: given(ctx, 'timezone') ?? '',
      signature: returnNone(given(ctx, 'staffsignature')),
      password: str(v, 'password') ?? ''
    })
    return answer([row])
  },
  put: (ctx, [id]) => {
    const v = ctx.vars
    const row = id === undefined || id === '' || id === '0' ? undefined : ctx.store.staff.get(toInt(id))
    if (row === undefined) return modelLoadFailed('Staff Object Load Failed', id)
    if (emptyTrimmed(v, 'firstname')) return badRequest('First name is empty')
    if (emptyTrimmed(v, 'lastname')) return badRequest('Last name is empty')
    const group = staffGroupOf(ctx)
    if (group === undefined) return badRequest('Staff Group ID is Invalid')
    row.firstname = trimmed(v, 'firstname')
    row.lastname = trimmed(v, 'lastname')
    row.fullname = fullnameOf(ctx)
    row.staffgroupid = group.id
    // Optional fields change only when sent non-empty (so they cannot be blanked); the e-mail is not re-checked.
    const email = given(ctx, 'email')
    if (email !== undefined) row.email = email.trim().toLowerCase()
    const username = given(ctx, 'username')
    if (username !== undefined) row.username = username.trim()
    for (const field of ['designation', 'mobilenumber', 'greeting', 'timezone'] as const) {
      const value = given(ctx, field)
      if (value !== undefined) row[field] = value
    }
    // `SWIFT_Staff::Update` trims these two (class.SWIFT_Staff.php:447-457).
    row.designation = row.designation.trim()
    row.greeting = row.greeting.trim()
    const signature = given(ctx, 'staffsignature')
    if (signature !== undefined) row.signature = signature
    const password = given(ctx, 'password')
    if (password !== undefined) row.password = password
    // PUT reads these with isset(), so `0` works here.
    if (v.has('isenabled')) row.isenabled = intVar(v, 'isenabled') !== 0
    if (v.has('enabledst')) row.enabledst = intVar(v, 'enabledst') !== 0
    return answer([row])
  },
  delete: (ctx, [id]) => {
    if (id === undefined || id === '' || id === '0' || !ctx.store.staff.delete(toInt(id))) return modelLoadFailed('Staff Load Failed', id)
    return deleted
  }
}
