/** `/Base/CustomField` with `ListOptions` (spec §2.16): database rows as attributes. */
import { badRequest, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { toInt } from '../vars'
import { parent, withAttributes } from '../xml'

const list = (ctx: Context): Reply => {
  const { store } = ctx
  const fields = store.customFields.all().sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)
  return xmlReply(
    parent(
      'customfields',
      fields.map((f) =>
        withAttributes('customfield', [
          ['customfieldid', f.id],
          ['customfieldgroupid', f.customfieldgroupid],
          ['title', f.title],
          ['fieldtype', f.fieldtype],
          ['fieldname', f.fieldname],
          ['defaultvalue', f.defaultvalue],
          ['isrequired', f.isrequired],
          ['usereditable', f.usereditable],
          ['staffeditable', f.staffeditable],
          ['regexpvalidate', f.regexpvalidate],
          ['displayorder', f.displayorder],
          ['encryptindb', f.encryptindb],
          ['description', f.description],
          ['grouptype', store.customFieldGroups.get(f.customfieldgroupid)?.grouptype ?? 0]
        ])
      )
    )
  )
}

const listOptions = (ctx: Context, [fieldArg]: ReadonlyArray<string>): Reply => {
  if (fieldArg === undefined || fieldArg === '' || fieldArg === '0') return badRequest('No Custom Field ID Provided')
  const fieldId = toInt(fieldArg)
  const options = ctx.store.customFieldOptions.where((o) => o.customfieldid === fieldId).sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)
  return xmlReply(
    parent(
      'customfieldoptions',
      options.map((o) =>
        withAttributes('option', [
          ['customfieldoptionid', o.id],
          ['customfieldid', o.customfieldid],
          ['optionvalue', o.optionvalue],
          ['displayorder', o.displayorder],
          ['isselected', o.isselected],
          ['parentcustomfieldoptionid', o.parentcustomfieldoptionid]
        ])
      )
    )
  )
}

export const CustomField: Controller = { actions: { listoptions: listOptions }, getList: list }
