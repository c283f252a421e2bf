/** `/Base/User` with `Filter` (spec §2.4), and `/Base/UserSearch` (§2.4a). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, UserRow } from '../store'
import { cacheKey, intVar, isEmpty, listVar, requiredText, str, toInt } from '../vars'
import { leaf, leaves, parent } from '../xml'
import { isEmail, SALUTATIONS } from './common'
import { modelLoadFailed } from './loadFailed'

export const MAX_USERS = 1000
const LOAD_FAILED = 'User Load Failed'

/**
 * The salutation a sent value selects: `mb_strtolower` equality with the list `['', 'Mr.', 'Ms.', 'Mrs.', 'Dr.']`,
 * untrimmed (`B/api/User.php` Post/Put; `B/models/User/class.SWIFT_User.php:216-224`), so `''` selects none and
 * `' Mr.'` nothing. `undefined` when nothing matches.
 */
const salutationOf = (sent: string): string | undefined => ['', ...SALUTATIONS].find((s) => s.toLowerCase() === sent.toLowerCase())

/** Values printed instead of the user's own (UserSearch prints joined columns, see there). */
export type UserColumns = Partial<Record<'usergroupid' | 'userorganizationid' | 'phone' | 'dateline' | 'slaplanid' | 'slaplanexpiry', string | number>>

export const renderUser = (row: UserRow, columns: UserColumns = {}): string => {
  const u = { ...row, ...columns }
  return parent(
    'user',
    leaves([
      ['id', u.id],
      ['usergroupid', u.usergroupid],
      ['userrole', u.userrole],
      ['userorganizationid', u.userorganizationid],
      ['salutation', u.salutation],
      ['userexpiry', u.userexpiry],
      ['fullname', u.fullname]
    ]) +
      u.emails.map((e) => leaf('email', e)).join('') +
      leaves([
        ['designation', u.designation],
        ['phone', u.phone],
        ['dateline', u.dateline],
        ['lastvisit', u.lastvisit],
        ['isenabled', u.isenabled],
        ['timezone', u.timezone],
        ['enabledst', u.enabledst],
        ['slaplanid', u.slaplanid],
        ['slaplanexpiry', u.slaplanexpiry]
      ])
  )
}

export const usersReply = (rows: ReadonlyArray<UserRow>): Reply =>
  xmlReply(
    parent(
      'users',
      rows.map((row) => renderUser(row))
    )
  )

/**
 * Users with `id >= marker` (when given), at most `max` (default and cap 1000), by id. A `max` of 0 or below means no
 * LIMIT at all (`B/api/User.php:69-86`: the cap only lowers values above 1000; `L/Database/class.SWIFT_Database.php:
 * 893-912` runs the query unlimited unless rows > 0).
 */
const filter = (ctx: Context, [marker, max]: ReadonlyArray<string>): Reply => {
  const from = toInt(marker)
  const limit = max === undefined ? MAX_USERS : Math.min(toInt(max), MAX_USERS)
  const rows = ctx.store.users.where((u) => from <= 0 || u.id >= from)
  return usersReply(limit > 0 ? rows.slice(0, limit) : rows)
}

/**
 * The valid addresses of `email` (a list or one string); invalid ones are skipped, as the server does. They are
 * stored in lower case (`B/models/User/class.SWIFT_UserEmailManager.php:211`).
 */
const emailsOf = (ctx: Context): ReadonlyArray<string> =>
  listVar(ctx.vars, 'email')
    .filter((e) => isEmail(e))
    .map((e) => e.toLowerCase())

const takenBySomeoneElse = (store: Store, emails: ReadonlyArray<string>, self: number): boolean =>
  emails.some((email) => {
    const owner = store.userByEmail(email)
    return owner !== undefined && owner.id !== self
  })

/** The user group as POST checks it (and PUT when sent). */
const groupProblem = (ctx: Context): Reply | undefined => {
  const key = isEmpty(ctx.vars, 'usergroupid') ? undefined : cacheKey(ctx.vars, 'usergroupid')
  const group = key === undefined ? undefined : ctx.store.userGroups.get(key)
  if (group === undefined) return badRequest('Invalid User Group')
  if (group.grouptype !== 'registered') return badRequest('User Group Specified is not of "Registered" type')
  return undefined
}

const organizationProblem = (ctx: Context): Reply | undefined =>
  !isEmpty(ctx.vars, 'userorganizationid') && ctx.store.userOrganizations.get(intVar(ctx.vars, 'userorganizationid')) === undefined
    ? badRequest('Invalid User Organization ID')
    : undefined

const slaKey = (ctx: Context): number | undefined => {
  const key = cacheKey(ctx.vars, 'slaplanid')
  return key !== undefined && ctx.store.slaPlans.get(key) !== undefined ? key : undefined
}

const slaProblem = (ctx: Context): Reply | undefined =>
  !isEmpty(ctx.vars, 'slaplanid') && slaKey(ctx) === undefined ? badRequest('Invalid SLA Plan') : undefined

/** `(int)$_slaPlanCache[$id]` casts the cache row, an array, so every valid plan is stored as 1 (`B/api/User.php:450,650`). */
const SLA_PLAN_CAST = 1

/** A sent, non-empty value (`isset && !empty`), else undefined. */
const given = (ctx: Context, name: string): string | undefined => (isEmpty(ctx.vars, name) ? undefined : str(ctx.vars, name))

export const User: Controller = {
  actions: { filter },
  getList: (ctx) => filter(ctx, []),
  // An empty or zero id lists the users (the server's `!empty($_userID)`).
  get: (ctx, [id]) => {
    if (id === undefined || id === '' || id === '0') return filter(ctx, [])
    const row = ctx.store.users.get(toInt(id))
    return usersReply(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const v = ctx.vars
    // The server's order: group, organization, e-mail, SLA plan, then name and password.
    const problem = groupProblem(ctx) ?? organizationProblem(ctx)
    if (problem !== undefined) return problem
    const emails = emailsOf(ctx)
    if (takenBySomeoneElse(ctx.store, emails, 0)) return badRequest('Unable to insert user. Email address belongs to an existing user.')
    if (emails.length === 0) return badRequest('Invalid Email Specified')
    const sla = slaProblem(ctx)
    if (sla !== undefined) return sla
    // `isset && trim != '' && !empty`: '0' is refused too (B/api/User.php:469-470).
    if (!requiredText(v, 'fullname') || !requiredText(v, 'password')) return badRequest('One of the required fields is empty')
    const slaplanid = isEmpty(v, 'slaplanid') ? 0 : SLA_PLAN_CAST
    const row = ctx.store.users.insert({
      usergroupid: intVar(v, 'usergroupid'),
      userrole: str(v, 'userrole') === 'manager' ? 'manager' : 'user',
      userorganizationid: isEmpty(v, 'userorganizationid') ? 0 : intVar(v, 'userorganizationid'),
      salutation: salutationOf(str(v, 'salutation') ?? '') ?? '',
      userexpiry: intVar(v, 'userexpiry'),
      fullname: str(v, 'fullname') ?? '',
      emails: [...emails],
      designation: given(ctx, 'designation') ?? '',
      phone: given(ctx, 'phone') ?? '',
      dateline: ctx.now,
      lastvisit: 0,
      isenabled: v.has('isenabled') ? intVar(v, 'isenabled') !== 0 : true,
      timezone: given(ctx, 'timezone') ?? '',
      enabledst: v.has('enabledst') ? intVar(v, 'enabledst') !== 0 : false,
      slaplanid,
      // No plan, no expiry (B/models/User/class.SWIFT_User.php:474-476).
      slaplanexpiry: slaplanid === 0 ? 0 : intVar(v, 'slaplanexpiry'),
      password: str(v, 'password') ?? ''
    })
    return usersReply([row])
  },
  put: (ctx, [id]) => {
    const v = ctx.vars
    const row = id === undefined || id === '' || id === '0' ? undefined : ctx.store.users.get(toInt(id))
    if (row === undefined) return modelLoadFailed(LOAD_FAILED, id)
    const organization = organizationProblem(ctx)
    if (organization !== undefined) return organization
    const emails = emailsOf(ctx)
    if (takenBySomeoneElse(ctx.store, emails, row.id)) return badRequest('Unable to update user. Email address belongs to an existing user.')
    const sla = slaProblem(ctx)
    if (sla !== undefined) return sla
    if (!requiredText(v, 'fullname')) return badRequest('One of the required fields is empty')
    if (v.has('usergroupid')) {
      const group = groupProblem(ctx)
      if (group !== undefined) return group
      row.usergroupid = intVar(v, 'usergroupid')
    }
    // Everything else keeps its value unless sent non-empty; a sent e-mail list replaces the whole list.
    row.fullname = str(v, 'fullname') ?? row.fullname
    if (emails.length > 0) row.emails = [...emails]
    // A sent salutation that matches the list replaces the old one; `''` matches the empty entry and clears it.
    const sentSalutation = str(v, 'salutation')
    if (sentSalutation !== undefined) row.salutation = salutationOf(sentSalutation) ?? row.salutation
    if (!isEmpty(v, 'userorganizationid')) row.userorganizationid = intVar(v, 'userorganizationid')
    const role = str(v, 'userrole')
    if (role === 'manager' || role === 'user') row.userrole = role
    row.designation = given(ctx, 'designation') ?? row.designation
    row.phone = given(ctx, 'phone') ?? row.phone
    row.timezone = given(ctx, 'timezone') ?? row.timezone
    if (v.has('isenabled')) row.isenabled = intVar(v, 'isenabled') !== 0
    if (v.has('enabledst')) row.enabledst = intVar(v, 'enabledst') !== 0
    if (!isEmpty(v, 'slaplanid')) row.slaplanid = SLA_PLAN_CAST
    if (!isEmpty(v, 'slaplanexpiry')) row.slaplanexpiry = intVar(v, 'slaplanexpiry')
    // `SWIFT_User::Update`: no plan, no expiry (class.SWIFT_User.php:646-648).
    if (row.slaplanid === 0) row.slaplanexpiry = 0
    if (!isEmpty(v, 'userexpiry')) row.userexpiry = intVar(v, 'userexpiry')
    return usersReply([row])
  },
  delete: (ctx, [id]) => {
    if (id === undefined || id === '' || id === '0' || !ctx.store.users.delete(toInt(id))) return modelLoadFailed(LOAD_FAILED, id)
    return deleted
  }
}
