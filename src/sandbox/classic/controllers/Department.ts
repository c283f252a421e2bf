/** `/Base/Department` (spec §2.1). */
import { badRequest, deleted, idArg, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { DepartmentRow } from '../store'
import { intVar, isArray, listVar, str, trimmed, toInt } from '../vars'
import { leaf, leaves, parent } from '../xml'

const LOAD_FAILED = 'Department Load Failed: Invalid data provided'
const APPS = ['tickets', 'livechat']
const TYPES = ['public', 'private']

export const renderDepartment = (d: DepartmentRow): string =>
  parent(
    'department',
    leaves([
      ['id', d.id],
      ['title', d.title],
      ['type', d.type],
      ['module', d.app],
      ['app', d.app],
      ['displayorder', d.displayorder],
      ['parentdepartmentid', d.parentdepartmentid],
      ['uservisibilitycustom', d.uservisibilitycustom]
    ]) + parent('usergroups', d.usergroupids.map((id) => leaf('id', id)))
  )

const answer = (rows: ReadonlyArray<DepartmentRow>): Reply => xmlReply(parent('departments', rows.map(renderDepartment)))

const list = (ctx: Context): Reply => answer(ctx.store.departments.all())

/** Parent and visibility as the server reads them on both POST and PUT (defaults 0 / off when not sent). */
const placement = (ctx: Context, app: string): Reply | Pick<DepartmentRow, 'parentdepartmentid' | 'uservisibilitycustom' | 'usergroupids'> => {
  const parentId = intVar(ctx.vars, 'parentdepartmentid')
  if (parentId > 0) {
    const parentRow = ctx.store.departments.get(parentId)
    if (parentRow === undefined) return badRequest('Invalid Parent Department')
    if (parentRow.app !== app) return badRequest('Invalid Parent Department App. The app type of both parent and child department should match.')
  }
  const custom = intVar(ctx.vars, 'uservisibilitycustom') === 1
  const groups = custom && isArray(ctx.vars, 'usergroupid') ? listVar(ctx.vars, 'usergroupid').map(toInt).filter((id) => ctx.store.userGroups.get(id) !== undefined) : []
  return { parentdepartmentid: parentId > 0 ? parentId : 0, uservisibilitycustom: custom, usergroupids: groups }
}

const isReply = (x: object): x is Reply => 'status' in x

export const Department: Controller = {
  actions: { listall: list },
  getList: list,
  get: (ctx, [id]) => {
    const row = ctx.store.departments.get(idArg(id) ?? 0)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const title = trimmed(ctx.vars, 'title')
    const type = trimmed(ctx.vars, 'type')
    const app = (str(ctx.vars, 'app') ?? str(ctx.vars, 'module') ?? '').trim()
    if (title === '' || type === '' || app === '') return badRequest('One of the required fields is empty')
    if (!APPS.includes(app)) return badRequest('Invalid App Specified. You can only create departments for tickets and livechat app.')
    if (!TYPES.includes(type)) return badRequest('Invalid Department Type Specified. Valid values are "public" and "private".')
    const where = placement(ctx, app)
    if (isReply(where)) return where
    const displayorder = str(ctx.vars, 'displayorder') === undefined ? 1 : intVar(ctx.vars, 'displayorder')
    const row = ctx.store.departments.insert({ title, type: type as DepartmentRow['type'], app: app as DepartmentRow['app'], displayorder, ...where })
    return answer([row])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.departments.get(idArg(id) ?? 0)
    if (row === undefined) return badRequest(LOAD_FAILED)
    const title = trimmed(ctx.vars, 'title')
    if (title === '') return badRequest('One of the required fields is empty')
    const type = trimmed(ctx.vars, 'type')
    if (type !== '' && !TYPES.includes(type)) return badRequest('Invalid Department Type Specified. Valid values are "public" and "private".')
    // Spec §2.1 gotcha: parent and visibility fall back to 0 / off unless sent again.
    const where = placement(ctx, row.app)
    if (isReply(where)) return where
    if (where.parentdepartmentid === row.id) return badRequest('Invalid Parent Department')
    Object.assign(row, { title, ...where })
    if (type !== '') row.type = type as DepartmentRow['type']
    if (str(ctx.vars, 'displayorder') !== undefined) row.displayorder = intVar(ctx.vars, 'displayorder')
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const found = idArg(id)
    if (found === undefined || !ctx.store.departments.delete(found)) return badRequest(LOAD_FAILED)
    return deleted
  }
}
