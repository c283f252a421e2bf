/** `/Base/UserOrganization` (spec §2.6). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { UserOrganizationRow } from '../store'
import { cacheKey, intVar, isEmpty, requiredText, str, toInt } from '../vars'
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
      leaves([
        ['dateline', o.dateline],
        ['lastupdate', o.lastupdate]
      ]) +
      comment('Custom SLA Properties') +
      leaves([
        ['slaplanid', o.slaplanid],
        ['slaplanexpiry', o.slaplanexpiry]
      ])
  )

const answer = (rows: ReadonlyArray<UserOrganizationRow>): Reply => xmlReply(parent('userorganizations', rows.map(renderUserOrganization)))
const list = (ctx: Context): Reply => answer(ctx.store.userOrganizations.all())
/** `SWIFT_UserOrganization::__construct` (B/models/User/class.SWIFT_UserOrganization.php:82). */
const loadFailed = (id: string | undefined) => badRequest(`User Organization Load Failed: Unable to Load User Organization ID: ${id ?? ''}`)
const TEXT_FIELDS = ['address', 'city', 'state', 'postalcode', 'country', 'phone', 'fax', 'website'] as const

/**
 * The fields POST and PUT read, in the server's order (SLA plan, then name and type). Optional ones default to '' / 0,
 * so PUT blanks what is not re-sent (spec §2.6); on PUT a missing or unknown type keeps the old one.
 */
const fields = (ctx: Context, keepType?: UserOrganizationRow['organizationtype']): UserOrganizationRow | Reply => {
  const v = ctx.vars
  const key = cacheKey(v, 'slaplanid')
  if (!isEmpty(v, 'slaplanid') && (key === undefined || ctx.store.slaPlans.get(key) === undefined)) return badRequest('Invalid SLA Plan Specified')
  const sent = str(v, 'organizationtype')
  const organizationtype = sent === 'restricted' || sent === 'shared' ? sent : keepType
  // `isset && trim != '' && !empty`: '0' is refused; the name is stored as sent, untrimmed (B/api/UserOrganization.php Post/Put).
  if (!requiredText(v, 'name') || organizationtype === undefined) return badRequest('One of the required fields is empty')
  const slaplanid = isEmpty(v, 'slaplanid') ? 0 : intVar(v, 'slaplanid')
  // No plan, no expiry (class.SWIFT_UserOrganization.php:256-258, 309-311).
  const slaplanexpiry = slaplanid === 0 || isEmpty(v, 'slaplanexpiry') ? 0 : intVar(v, 'slaplanexpiry')
  const row = { id: 0, name: str(v, 'name') ?? '', organizationtype, dateline: 0, lastupdate: ctx.now, slaplanid, slaplanexpiry } as UserOrganizationRow
  // Optional texts are read with `!empty`: '0' becomes ''.
  for (const f of TEXT_FIELDS) row[f] = isEmpty(v, f) ? '' : (str(v, f) ?? '')
  return row
}

export const UserOrganization: Controller = {
  getList: list,
  // The id is cast to an integer: 0 (or a non-number) lists every organization.
  get: (ctx, [id]) => {
    if (toInt(id) === 0) return list(ctx)
    const row = ctx.store.userOrganizations.get(toInt(id))
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const read = fields(ctx)
    if ('status' in read) return read
    const { id: _, ...rest } = read
    return answer([ctx.store.userOrganizations.insert({ ...rest, dateline: ctx.now })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.userOrganizations.get(toInt(id))
    if (row === undefined) return loadFailed(id)
    const read = fields(ctx, row.organizationtype)
    if ('status' in read) return read
    Object.assign(row, { ...read, id: row.id, dateline: row.dateline })
    return answer([row])
  },
  delete: (ctx, [id]) => {
    if (!ctx.store.userOrganizations.delete(toInt(id))) return loadFailed(id)
    // `SWIFT_User::RemoveGlobalUserOrganizationAssociation` (B/models/User/class.SWIFT_User.php:1046): members lose it.
    for (const user of ctx.store.users.where((u) => u.userorganizationid === toInt(id))) user.userorganizationid = 0
    return deleted
  }
}
