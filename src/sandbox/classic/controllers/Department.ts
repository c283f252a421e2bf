/** `/Base/Department` (spec §2.1). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { DepartmentRow } from '../store'
import { intVar, isArray, isEmpty, listVar, requiredText, str, toInt } from '../vars'
import { leaf, leaves, parent } from '../xml'

const LOAD_FAILED = 'Department Load Failed: Class not loaded'
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
    ]) +
      parent(
        'usergroups',
        d.usergroupids.map((id) => leaf('id', id))
      )
  )

const answer = (rows: ReadonlyArray<DepartmentRow>): Reply => xmlReply(parent('departments', rows.map(renderDepartment)))

const list = (ctx: Context): Reply => answer(ctx.store.departments.all())

/** The parent as the server checks it on POST and PUT: 0 when not sent; it must exist and have the same app. */
const parentOf = (ctx: Context, app: string): Reply | number => {
  if (isEmpty(ctx.vars, 'parentdepartmentid')) return 0
  const parentRow = ctx.store.departments.get(intVar(ctx.vars, 'parentdepartmentid'))
  if (parentRow === undefined) return badRequest('Invalid Parent Department')
  if (parentRow.app !== app) return badRequest('Invalid Parent Department App. The app type of both parent and child department should match.')
  return parentRow.id
}

/** Visibility as sent; user groups only with `uservisibilitycustom=1` and as an array (the ids are not checked). */
const visibility = (ctx: Context): Pick<DepartmentRow, 'uservisibilitycustom' | 'usergroupids'> => {
  const custom = str(ctx.vars, 'uservisibilitycustom') === '1'
  return { uservisibilitycustom: custom, usergroupids: custom && isArray(ctx.vars, 'usergroupid') ? listVar(ctx.vars, 'usergroupid').map(toInt) : [] }
}

// `removeTags` (F:1798-1860) keeps these tags and strips the others (HTMLPurifier's rewriting is not emulated).
const ALLOWED_TAGS = new Set(
  'table tr td thead tbody div img br p a strong b i em blockquote code hr h1 h2 h3 h4 h5 h6 label ul ol li span sub sup video source iframe'.split(' ')
)

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** `html_entity_decode` for the common entities and numeric references. */
const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })

/** `removeTags`: entities decoded, `<2`/`2>` spaced out, tags outside the allowed list (and comments) removed. */
const removeTags = (html: string): string =>
  decodeEntities(html.replace(/<br\s*\/>/g, '<br>'))
    .replace(/([<>])([0-9])/g, '$1 $2')
    .replace(/([0-9])([<>])/g, '$1 $2')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (tag, name: string) => (ALLOWED_TAGS.has(name.toLowerCase()) ? tag : ''))

/**
 * The title as stored: `SWIFT_Department::Insert` stores `trim(html_entity_decode(removeTags(title)))`, `Update`
 * `trim(removeTags(title))` (B/models/Department/class.SWIFT_Department.php:265, 335). The required check runs on the
 * title as sent, so a title of tags alone is stored empty.
 */
const insertTitle = (title: string): string => decodeEntities(removeTags(title)).trim()
const updateTitle = (title: string): string => removeTags(title).trim()

const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'status' in x

export const Department: Controller = {
  getList: list,
  // `Get` casts the id to an integer: 0 (or a non-number) lists every department.
  get: (ctx, [id]) => {
    const wanted = toInt(id)
    if (wanted === 0) return list(ctx)
    const row = ctx.store.departments.get(wanted)
    return answer(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    // The server's order: app (`module` wins over `app`), type, parent, then the title.
    const app = str(ctx.vars, 'module') ?? str(ctx.vars, 'app') ?? ''
    if (!APPS.includes(app)) return badRequest('Invalid App Specified. You can only create departments for tickets and livechat app.')
    const type = str(ctx.vars, 'type') ?? ''
    if (!TYPES.includes(type)) return badRequest('Invalid Department Type Specified. Valid values are "public" and "private".')
    const parentId = parentOf(ctx, app)
    if (isReply(parentId)) return parentId
    if (!requiredText(ctx.vars, 'title')) return badRequest('One of the required fields is empty')
    const title = insertTitle(str(ctx.vars, 'title') ?? '')
    // A parent must itself be top level; the server's model refuses it with an exception (rendering UNCONFIRMED).
    if (parentId > 0 && ctx.store.departments.get(parentId)?.parentdepartmentid !== 0) return badRequest('Invalid data provided')
    const displayorder = str(ctx.vars, 'displayorder') === undefined ? 1 : intVar(ctx.vars, 'displayorder')
    const row = ctx.store.departments.insert({
      title,
      type: type as DepartmentRow['type'],
      app: app as DepartmentRow['app'],
      displayorder,
      parentdepartmentid: parentId,
      ...visibility(ctx)
    })
    return answer([row])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.departments.get(toInt(id))
    if (row === undefined) return badRequest(LOAD_FAILED)
    const type = str(ctx.vars, 'type')
    if (type !== undefined && !TYPES.includes(type)) return badRequest('Invalid Department Type Specified. Valid values are "public" and "private".')
    const parentId = parentOf(ctx, row.app)
    if (isReply(parentId)) return parentId
    if (!requiredText(ctx.vars, 'title')) return badRequest('One of the required fields is empty')
    const title = updateTitle(str(ctx.vars, 'title') ?? '')
    // Spec §2.1 gotcha: parent and visibility fall back to 0 / off unless sent again. An invalid parent (itself a
    // child, or the department itself) makes the model's Update do nothing, silently.
    const parentRow = ctx.store.departments.get(parentId)
    if (parentId > 0 && (parentId === row.id || parentRow?.parentdepartmentid !== 0)) return answer([row])
    Object.assign(row, { title, parentdepartmentid: parentId, ...visibility(ctx) })
    if (type !== undefined) row.type = type as DepartmentRow['type']
    if (str(ctx.vars, 'displayorder') !== undefined) row.displayorder = intVar(ctx.vars, 'displayorder')
    return answer([row])
  },
  delete: (ctx, [id]) => {
    const found = ctx.store.departments.get(toInt(id))
    if (found === undefined) return badRequest(LOAD_FAILED)
    ctx.store.departments.delete(found.id)
    // Children become top-level departments.
    for (const child of ctx.store.departments.where((d) => d.parentdepartmentid === found.id)) child.parentdepartmentid = 0
    return deleted
  }
}
