/** `/Base/CustomFieldGroup[/$departmentid$]` (4.98.8, spec §2.16): database rows as attributes. */
import { xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { CustomFieldGroupRow } from '../store'
import { toInt } from '../vars'
import { parent, withAttributes } from '../xml'

const groupsReply = (rows: ReadonlyArray<CustomFieldGroupRow>): Reply =>
  xmlReply(
    parent(
      'customfieldgroups',
      rows.map((g) =>
        withAttributes('customfieldgroup', [
          ['customfieldgroupid', g.id],
          ['title', g.title],
          ['grouptype', g.grouptype],
          ['displayorder', g.displayorder]
        ])
      )
    )
  )

const allGroups = (ctx: Context) => ctx.store.customFieldGroups.all().sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)

export const CustomFieldGroup: Controller = {
  getList: (ctx) => groupsReply(allGroups(ctx)),
  // `/Base/CustomFieldGroup/$departmentid$`: the groups linked to that department.
  get: (ctx, [departmentArg]) => {
    const departmentId = toInt(departmentArg)
    if (departmentArg === undefined || departmentArg === '' || departmentArg === '0') return groupsReply(allGroups(ctx))
    return groupsReply(allGroups(ctx).filter((g) => g.departmentids.length === 0 || g.departmentids.includes(departmentId)))
  }
}
