/** `/Base/UserGroup` (spec §2.5). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { UserGroupRow } from '../store'
import { toInt, trimmed } from '../vars'
import { leaves, parent } from '../xml'

export const renderUserGroup = (g: UserGroupRow): string =>
  parent('usergroup', leaves([['id', g.id], ['title', g.title], ['grouptype', g.grouptype], ['ismaster', g.ismaster]]))

const answer = (rows: ReadonlyArray<UserGroupRow>): Reply => xmlReply(parent('usergroups', rows.map(renderUserGroup)))
const list = (ctx: Context): Reply => answer(ctx.store.userGroups.all())
const LOAD_FAILED = 'User Group Load Failed: Class not loaded'

export const UserGroup: Controller = {
  getList: list,
  // The id is cast to an integer: 0 (or a non-number) lists every group.
  get: (ctx, [id]) => {
    if (toInt(id) === 0) return list(ctx)
    const row = ctx.store.userGroups.get(toInt(id))
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const title = trimmed(ctx.vars, 'title')
    const grouptype = trimmed(ctx.vars, 'grouptype')
    // An unknown group type is "empty" too, for the server.
    if (title === '' || (grouptype !== 'guest' && grouptype !== 'registered')) return badRequest('One of the required fields is empty')
    return answer([ctx.store.userGroups.insert({ title, grouptype, ismaster: false })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    const title = trimmed(ctx.vars, 'title')
    if (title === '') return badRequest('One of the required fields is empty')
    row.title = title
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    if (row.ismaster) return badRequest('Cannot delete master user group')
    ctx.store.userGroups.delete(row.id)
    return deleted
  }
}
