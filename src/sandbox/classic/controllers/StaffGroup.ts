/** `/Base/StaffGroup` (spec §2.3). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { StaffGroupRow } from '../store'
import { phpLooseEquals, requiredText, str, toInt } from '../vars'
import { leaves, parent } from '../xml'

export const renderStaffGroup = (g: StaffGroupRow): string =>
  parent(
    'staffgroup',
    leaves([
      ['id', g.id],
      ['title', g.title],
      ['isadmin', g.isadmin]
    ])
  )

const answer = (rows: ReadonlyArray<StaffGroupRow>): Reply => xmlReply(parent('staffgroups', rows.map(renderStaffGroup)))
const list = (ctx: Context): Reply => answer(ctx.store.staffGroups.all())
const LOAD_FAILED = 'Staff Group Load Failed: Class not loaded'

export const StaffGroup: Controller = {
  getList: list,
  // The id is cast to an integer: 0 (or a non-number) lists every group.
  get: (ctx, [id]) => {
    if (toInt(id) === 0) return list(ctx)
    const row = ctx.store.staffGroups.get(toInt(id))
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    // `isset && trim != '' && !empty` ('0' is empty); the title is stored untrimmed (SWIFT_StaffGroup::Insert :183).
    if (!requiredText(ctx.vars, 'title') || !ctx.vars.has('isadmin')) return badRequest('One of the required fields is empty')
    return answer([ctx.store.staffGroups.insert({ title: str(ctx.vars, 'title') ?? '', isadmin: phpLooseEquals(str(ctx.vars, 'isadmin') ?? '', '1') })])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.staffGroups.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    if (!requiredText(ctx.vars, 'title')) return badRequest('One of the required fields is empty')
    row.title = str(ctx.vars, 'title') ?? ''
    // Only values `== '1'` or `== '0'` (PHP's loose comparison: ` 1`, `1.0` too) change it.
    const isadmin = str(ctx.vars, 'isadmin')
    if (isadmin !== undefined && phpLooseEquals(isadmin, '1')) row.isadmin = true
    else if (isadmin !== undefined && phpLooseEquals(isadmin, '0')) row.isadmin = false
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.staffGroups.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    const members = ctx.store.staff.where((s) => s.staffgroupid === row.id).length
    if (members > 0) {
      return badRequest(
        `Staff Group Deletion Failed. There are "${members}" staff members assigned to this group. Please delete them or change their group to continue.`
      )
    }
    ctx.store.staffGroups.delete(row.id)
    return deleted
  }
}
