/** `/Base/User` with `Filter` (spec §2.4), and `/Base/UserSearch` (§2.4a). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, UserRow } from '../store'
import { intVar, isEmpty, listVar, str, toInt, trimmed } from '../vars'
import { leaf, leaves, parent } from '../xml'
import { isEmail, salutation } from './common'

export const MAX_USERS = 1000
const LOAD_FAILED = 'User Load Failed: Invalid data provided'

export const renderUser = (u: UserRow): string =>
  parent(
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

export const usersReply = (rows: ReadonlyArray<UserRow>): Reply => xmlReply(parent('users', rows.map(renderUser)))

/** Users with `id >= marker` (when given), at most `max` (default and cap 1000), by id. */
const filter = (ctx: Context, [marker, max]: ReadonlyArray<string>): Reply => {
  const from = toInt(marker)
  const limit = max === undefined ? MAX_USERS : Math.min(toInt(max), MAX_USERS)
  return usersReply(ctx.store.users.where((u) => from <= 0 || u.id >= from).slice(0, Math.max(0, limit)))
}

/** The valid addresses of `email` (a list or one string); invalid ones are skipped, as the server does. */
const emailsOf = (ctx: Context): ReadonlyArray<string> => listVar(ctx.vars, 'email').filter((e) => isEmail(e))

const takenBySomeoneElse = (store: Store, emails: ReadonlyArray<string>, self: number): boolean =>
  emails.some((email) => {
    const owner = store.userByEmail(email)
    return owner !== undefined && owner.id !== self
  })

/** The user group as POST checks it (and PUT when sent). */
const groupProblem = (ctx: Context): Reply | undefined => {
  const group = isEmpty(ctx.vars, 'usergroupid') ? undefined : ctx.store.userGroups.get(intVar(ctx.vars, 'usergroupid'))
  if (group === undefined) return badRequest('Invalid User Group')
  if (group.grouptype !== 'registered') return badRequest('User Group Specified is not of "Registered" type')
  return undefined
}

const organizationProblem = (ctx: Context): Reply | undefined =>
  !isEmpty(ctx.vars, 'userorganizationid') && ctx.store.userOrganizations.get(intVar(ctx.vars, 'userorganizationid')) === undefined
    ? badRequest('Invalid User Organization ID')
    : undefined

const slaProblem = (ctx: Context): Reply | undefined =>
  !isEmpty(ctx.vars, 'slaplanid') && ctx.store.slaPlans.get(intVar(ctx.vars, 'slaplanid')) === undefined ? badRequest('Invalid SLA Plan') : undefined

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
    if (trimmed(v, 'fullname') === '' || trimmed(v, 'password') === '') return badRequest('One of the required fields is empty')
    const row = ctx.store.users.insert({
      usergroupid: intVar(v, 'usergroupid'),
      userrole: str(v, 'userrole') === 'manager' ? 'manager' : 'user',
      userorganizationid: isEmpty(v, 'userorganizationid') ? 0 : intVar(v, 'userorganizationid'),
      salutation: salutation(str(v, 'salutation') ?? ''),
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
      slaplanid: isEmpty(v, 'slaplanid') ? 0 : intVar(v, 'slaplanid'),
      slaplanexpiry: intVar(v, 'slaplanexpiry'),
      password: str(v, 'password') ?? ''
    })
    return usersReply([row])
  },
  put: (ctx, [id]) => {
    const v = ctx.vars
    const row = ctx.store.users.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    const organization = organizationProblem(ctx)
    if (organization !== undefined) return organization
    const emails = emailsOf(ctx)
    if (takenBySomeoneElse(ctx.store, emails, row.id)) return badRequest('Unable to update user. Email address belongs to an existing user.')
    const sla = slaProblem(ctx)
    if (sla !== undefined) return sla
    if (trimmed(v, 'fullname') === '') return badRequest('One of the required fields is empty')
    if (v.has('usergroupid')) {
      const group = groupProblem(ctx)
      if (group !== undefined) return group
      row.usergroupid = intVar(v, 'usergroupid')
    }
    // Everything else keeps its value unless sent non-empty; a sent e-mail list replaces the whole list.
    row.fullname = str(v, 'fullname') ?? row.fullname
    if (emails.length > 0) row.emails = [...emails]
    if (v.has('salutation')) row.salutation = salutation(str(v, 'salutation') ?? '') || row.salutation
    if (!isEmpty(v, 'userorganizationid')) row.userorganizationid = intVar(v, 'userorganizationid')
    const role = str(v, 'userrole')
    if (role === 'manager' || role === 'user') row.userrole = role
    row.designation = given(ctx, 'designation') ?? row.designation
    row.phone = given(ctx, 'phone') ?? row.phone
    row.timezone = given(ctx, 'timezone') ?? row.timezone
    if (v.has('isenabled')) row.isenabled = intVar(v, 'isenabled') !== 0
    if (v.has('enabledst')) row.enabledst = intVar(v, 'enabledst') !== 0
    if (!isEmpty(v, 'slaplanid')) row.slaplanid = intVar(v, 'slaplanid')
    if (!isEmpty(v, 'slaplanexpiry')) row.slaplanexpiry = intVar(v, 'slaplanexpiry')
    if (!isEmpty(v, 'userexpiry')) row.userexpiry = intVar(v, 'userexpiry')
    return usersReply([row])
  },
  delete: (ctx, [id]) => {
    if (!ctx.store.users.delete(toInt(id))) return badRequest(LOAD_FAILED)
    return deleted
  }
}
