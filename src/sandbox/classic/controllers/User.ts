/** `/Base/User` with `Filter` (spec §2.4), and `/Base/UserSearch` (§2.4a). */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { Store, UserRow } from '../store'
import { intVar, listVar, str, trimmed } from '../vars'
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

/** Users with `id >= marker`, at most `max` (capped at 1000). */
const filter = (ctx: Context, [marker, max]: ReadonlyArray<string>): Reply => {
  const from = Number(marker) > 0 ? Number(marker) : 0
  const limit = Number(max) > 0 ? Math.min(Number(max), MAX_USERS) : MAX_USERS
  return usersReply(ctx.store.users.where((u) => u.id >= from).slice(0, limit))
}

/** The e-mail list sent as `email` or `email[]`, trimmed, without blanks. */
const emailsOf = (ctx: Context): ReadonlyArray<string> => listVar(ctx.vars, 'email').map((e) => e.trim()).filter((e) => e !== '')

const checkEmails = (store: Store, emails: ReadonlyArray<string>, self: number): Reply | undefined => {
  for (const email of emails) {
    if (!isEmail(email)) return badRequest('Invalid Email Specified')
    const owner = store.userByEmail(email)
    if (owner !== undefined && owner.id !== self) {
      return badRequest('The email address entered is already used in the desk; please use a different email address')
    }
  }
  return undefined
}

const checkOptional = (ctx: Context): Reply | undefined => {
  const org = intVar(ctx.vars, 'userorganizationid')
  if (org > 0 && ctx.store.userOrganizations.get(org) === undefined) return badRequest('Invalid User Organization ID')
  const sla = intVar(ctx.vars, 'slaplanid')
  if (sla > 0 && ctx.store.slaPlans.get(sla) === undefined) return badRequest('Invalid SLA Plan')
  return undefined
}

const bool = (ctx: Context, name: string, fallback: boolean): boolean => (str(ctx.vars, name) === undefined ? fallback : trimmed(ctx.vars, name) === '1')
const int = (ctx: Context, name: string, fallback: number): number => (str(ctx.vars, name) === undefined ? fallback : intVar(ctx.vars, name))
const text = (ctx: Context, name: string, fallback: string): string => (str(ctx.vars, name) === undefined ? fallback : trimmed(ctx.vars, name))

export const User: Controller = {
  actions: { filter, listall: (ctx) => filter(ctx, []) },
  getList: (ctx) => filter(ctx, []),
  get: (ctx, [id]) => {
    const row = ctx.store.users.get(idArg(id) ?? 0)
    return usersReply(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const v = ctx.vars
    const emails = emailsOf(ctx)
    if (trimmed(v, 'fullname') === '' || (str(v, 'password') ?? '') === '' || trimmed(v, 'usergroupid') === '' || emails.length === 0) {
      return badRequest('One of the required fields is empty')
    }
    const group = ctx.store.userGroups.get(intVar(v, 'usergroupid'))
    if (group === undefined) return badRequest('Invalid User Group')
    if (group.grouptype !== 'registered') return badRequest('User Group Specified is not of "Registered" type')
    const problem = checkOptional(ctx) ?? checkEmails(ctx.store, emails, 0)
    if (problem !== undefined) return problem
    const row = ctx.store.users.insert({
      usergroupid: group.id,
      userrole: trimmed(v, 'userrole') === 'manager' ? 'manager' : 'user',
      userorganizationid: intVar(v, 'userorganizationid'),
      salutation: salutation(trimmed(v, 'salutation')),
      userexpiry: intVar(v, 'userexpiry'),
      fullname: trimmed(v, 'fullname'),
      emails: [...emails],
      designation: trimmed(v, 'designation'),
      phone: trimmed(v, 'phone'),
      dateline: ctx.now,
      lastvisit: 0,
      isenabled: bool(ctx, 'isenabled', true),
      timezone: trimmed(v, 'timezone'),
      enabledst: bool(ctx, 'enabledst', false),
      slaplanid: intVar(v, 'slaplanid'),
      slaplanexpiry: intVar(v, 'slaplanexpiry'),
      password: str(v, 'password') ?? ''
    })
    return usersReply([row])
  },
  put: (ctx, [id]) => {
    const v = ctx.vars
    const row = ctx.store.users.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    if (trimmed(v, 'fullname') === '') return badRequest('One of the required fields is empty')
    if (str(v, 'usergroupid') !== undefined) {
      const group = ctx.store.userGroups.get(intVar(v, 'usergroupid'))
      if (group === undefined) return badRequest('Invalid User Group')
      if (group.grouptype !== 'registered') return badRequest('User Group Specified is not of "Registered" type')
      row.usergroupid = group.id
    }
    const emails = emailsOf(ctx)
    const problem = checkOptional(ctx) ?? checkEmails(ctx.store, emails, row.id)
    if (problem !== undefined) return problem
    // Everything but fullname keeps its value when not sent; a sent e-mail list replaces the whole list.
    if (emails.length > 0) row.emails = [...emails]
    row.fullname = trimmed(v, 'fullname')
    if (str(v, 'userrole') !== undefined) row.userrole = trimmed(v, 'userrole') === 'manager' ? 'manager' : 'user'
    if (str(v, 'salutation') !== undefined) row.salutation = salutation(trimmed(v, 'salutation'))
    row.userorganizationid = int(ctx, 'userorganizationid', row.userorganizationid)
    row.userexpiry = int(ctx, 'userexpiry', row.userexpiry)
    row.designation = text(ctx, 'designation', row.designation)
    row.phone = text(ctx, 'phone', row.phone)
    row.isenabled = bool(ctx, 'isenabled', row.isenabled)
    row.timezone = text(ctx, 'timezone', row.timezone)
    row.enabledst = bool(ctx, 'enabledst', row.enabledst)
    row.slaplanid = int(ctx, 'slaplanid', row.slaplanid)
    row.slaplanexpiry = int(ctx, 'slaplanexpiry', row.slaplanexpiry)
    if ((str(v, 'password') ?? '') !== '') row.password = str(v, 'password') ?? ''
    return usersReply([row])
  },
  delete: (ctx, [id]) => {
    const found = idArg(id)
    if (found === undefined || !ctx.store.users.delete(found)) return badRequest(LOAD_FAILED)
    return deleted
  }
}
