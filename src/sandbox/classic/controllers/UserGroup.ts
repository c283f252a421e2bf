/** `/Base/UserGroup` (spec §2.5). */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { UserGroupRow } from '../store'
import { trimmed } from '../vars'
import { leaves, parent } from '../xml'

export const renderUserGroup = (g: UserGroupRow): string =>
  parent('usergroup', leaves([['id', g.id], ['title', g.title], ['grouptype', g.grouptype], ['ismaster', g.ismaster]]))

const answer = (rows: ReadonlyArray<UserGroupRow>): Reply => xmlReply(parent('usergroups', rows.map(renderUserGroup)))
const list = (ctx: Context): Reply => answer(ctx.store.userGroups.all())
const LOAD_FAILED = 'User Group Load Failed: Invalid data provided'

export const UserGroup: Controller = {
  actions: { listall: list },
  getList: list,
  get: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(idArg(id) ?? 0)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const title = trimmed(ctx.vars, 'title')
    const grouptype = trimmed(ctx.vars, 'grouptype')
    if (title === '' || grouptype === '') return badRequest('One of the required fields is empty')
    if (grouptype !== 'guest' && grouptype !== 'registered') return badRequest('Invalid Group Type. Valid values are "guest" and "registered".')
    return answer([ctx.store.userGroups.insert({ title, grouptype, ismaster: false })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    const title = trimmed(ctx.vars, 'title')
    if (title === '') return badRequest('One of the required fields is empty')
    row.title = title
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    if (row.ismaster) return badRequest('Cannot delete master user group')
    ctx.store.userGroups.delete(row.id)
    return deleted
  }
}
