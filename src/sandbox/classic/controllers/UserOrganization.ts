/** `/Base/UserOrganization` (spec §2.6). */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { UserOrganizationRow } from '../store'
import { intVar, trimmed } from '../vars'
import { comment, leaves, parent } from '../xml'

export const renderUserOrganization = (o: UserOrganizationRow): string =>
  parent(
    'userorganization',
    leaves([
      ['id', o.id],
      ['name', o.name],
      ['organizationtype', o.organizationtype],
      ['address', o.address],
      ['city', o.city],
      ['state', o.state],
      ['postalcode', o.postalcode],
      ['country', o.country],
      ['phone', o.phone],
      ['fax', o.fax],
      ['website', o.website]
    ]) +
      comment('Timeline Properties') +
      leaves([['dateline', o.dateline], ['lastupdate', o.lastupdate]]) +
      comment('Custom SLA Properties') +
      leaves([['slaplanid', o.slaplanid], ['slaplanexpiry', o.slaplanexpiry]])
  )

const answer = (rows: ReadonlyArray<UserOrganizationRow>): Reply => xmlReply(parent('userorganizations', rows.map(renderUserOrganization)))
const list = (ctx: Context): Reply => answer(ctx.store.userOrganizations.all())
const LOAD_FAILED = 'User Organization Load Failed: Invalid data provided'
const TEXT_FIELDS = ['address', 'city', 'state', 'postalcode', 'country', 'phone', 'fax', 'website'] as const

/** The fields POST and PUT read; optional ones default to '' / 0 (so PUT blanks what is not re-sent, spec §2.6). */
const fields = (ctx: Context): UserOrganizationRow | ReturnType<typeof badRequest> => {
  const name = trimmed(ctx.vars, 'name')
  const organizationtype = trimmed(ctx.vars, 'organizationtype')
  if (name === '' || organizationtype === '') return badRequest('One of the required fields is empty')
  if (organizationtype !== 'restricted' && organizationtype !== 'shared') {
    return badRequest('Invalid Organization Type. Valid values are "restricted" and "shared".')
  }
  const slaplanid = intVar(ctx.vars, 'slaplanid')
  if (slaplanid > 0 && ctx.store.slaPlans.get(slaplanid) === undefined) return badRequest('Invalid SLA Plan Specified')
  const row = { id: 0, name, organizationtype, dateline: 0, lastupdate: ctx.now, slaplanid, slaplanexpiry: intVar(ctx.vars, 'slaplanexpiry') } as UserOrganizationRow
  for (const f of TEXT_FIELDS) row[f] = trimmed(ctx.vars, f)
  return row
}

export const UserOrganization: Controller = {
  actions: { listall: list },
  getList: list,
  get: (ctx, [id]) => {
    const row = ctx.store.userOrganizations.get(idArg(id) ?? 0)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const read = fields(ctx)
    if ('status' in read) return read
    const { id: _, ...rest } = read
    return answer([ctx.store.userOrganizations.insert({ ...rest, dateline: ctx.now })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.userOrganizations.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    const read = fields(ctx)
    if ('status' in read) return read
    Object.assign(row, { ...read, id: row.id, dateline: row.dateline })
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const found = idArg(id)
    if (found === undefined || !ctx.store.userOrganizations.delete(found)) return badRequest(LOAD_FAILED)
    return deleted
  }
}
