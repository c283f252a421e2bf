/** `/Base/UserGroup` (spec §2.5). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { UserGroupRow } from '../store'
import { requiredText, str, toInt } from '../vars'
import { leaves, parent } from '../xml'

export const renderUserGroup = (g: UserGroupRow): string =>
  parent(
    'usergroup',
    leaves([
      ['id', g.id],
      ['title', g.title],
      ['grouptype', g.grouptype],
      ['ismaster', g.ismaster]
    ])
  )

const answer = (rows: ReadonlyArray<UserGroupRow>): Reply => xmlReply(parent('usergroups', rows.map(renderUserGroup)))
const list = (ctx: Context): Reply => answer(ctx.store.userGroups.all())
/** `SWIFT_UserGroup::__construct` throws `Unable to Load User Group ID: <id>` (B/models/User/class.SWIFT_UserGroup.php). */
const loadFailed = (id: string | undefined) => badRequest(`User Group Load Failed: Unable to Load User Group ID: ${id ?? ''}`)

export const UserGroup: Controller = {
  getList: list,
  // The id is cast to an integer: 0 (or a non-number) lists every group.
  get: (ctx, [id]) => {
    if (toInt(id) === 0) return list(ctx)
    const row = ctx.store.userGroups.get(toInt(id))
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    // `isset && trim != '' && !empty` ('0' is empty), and the type compared exactly; an unknown type is "empty" too.
    // The title is stored as sent, untrimmed (B/api/UserGroup.php Post; SWIFT_UserGroup::Create).
    const grouptype = str(ctx.vars, 'grouptype')
    if (!requiredText(ctx.vars, 'title') || (grouptype !== 'guest' && grouptype !== 'registered')) return badRequest('One of the required fields is empty')
    return answer([ctx.store.userGroups.insert({ title: str(ctx.vars, 'title') ?? '', grouptype, ismaster: false })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(toInt(id))
    if (row === undefined) return loadFailed(id)
    if (!requiredText(ctx.vars, 'title')) return badRequest('One of the required fields is empty')
    row.title = str(ctx.vars, 'title') ?? ''
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.userGroups.get(toInt(id))
    if (row === undefined) return loadFailed(id)
    if (row.ismaster) return badRequest('Cannot delete master user group')
    ctx.store.userGroups.delete(row.id)
    return deleted
  }
}
