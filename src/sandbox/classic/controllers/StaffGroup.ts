/** `/Base/StaffGroup` (spec §2.3). */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { StaffGroupRow } from '../store'
import { str, trimmed } from '../vars'
import { leaves, parent } from '../xml'

export const renderStaffGroup = (g: StaffGroupRow): string =>
  parent('staffgroup', leaves([['id', g.id], ['title', g.title], ['isadmin', g.isadmin]]))

const answer = (rows: ReadonlyArray<StaffGroupRow>): Reply => xmlReply(parent('staffgroups', rows.map(renderStaffGroup)))
const list = (ctx: Context): Reply => answer(ctx.store.staffGroups.all())
const LOAD_FAILED = 'Staff Group Load Failed: Invalid data provided'

export const StaffGroup: Controller = {
  actions: { listall: list },
  getList: list,
  get: (ctx, [id]) => {
    const row = ctx.store.staffGroups.get(idArg(id) ?? 0)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const title = trimmed(ctx.vars, 'title')
    if (title === '' || str(ctx.vars, 'isadmin') === undefined) return badRequest('One of the required fields is empty')
    return answer([ctx.store.staffGroups.insert({ title, isadmin: trimmed(ctx.vars, 'isadmin') === '1' })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.staffGroups.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    const title = trimmed(ctx.vars, 'title')
    if (title === '') return badRequest('One of the required fields is empty')
    row.title = title
    if (str(ctx.vars, 'isadmin') !== undefined) row.isadmin = trimmed(ctx.vars, 'isadmin') === '1'
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.staffGroups.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    const members = ctx.store.staff.where((s) => s.staffgroupid === row.id).length
    if (members > 0) {
      return badRequest(`Staff Group Deletion Failed. There are "${members}" staff members assigned to this group. Move them to another group first.`)
    }
    ctx.store.staffGroups.delete(row.id)
    return deleted
  }
}
