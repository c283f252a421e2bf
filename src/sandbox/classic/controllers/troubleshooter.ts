/** `/Troubleshooter/Category`, `/Troubleshooter/Step`, `/Troubleshooter/Comment`, `/Troubleshooter/Attachment` (spec kb-news-troubleshooter §4). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { COMMENT_TROUBLESHOOTER, LINK_TROUBLESHOOTER_STEP, type TroubleshooterCategoryRow, type TroubleshooterStepRow } from '../contentRows'
import type { Store } from '../store'
import { str, toInt, trimmed } from '../vars'
import { leaf, leaves, parent } from '../xml'
import {
  HELPDESK_URL,
  attachmentController,
  blankOrZero,
  commentController,
  embeddedAttachments,
  emptyArg,
  given,
  idList,
  intArg,
  staffGroupIds,
  uncaught,
  userGroupIds
} from './content'

// --- Category (§4.1)

const CATEGORY_ROUTE = '/Troubleshooter/Category'
const CATEGORY_MODEL = '/__apps/troubleshooter/models/Category/class.SWIFT_TroubleshooterCategory.php:234'
const CATEGORY_UPDATE = '/__apps/troubleshooter/models/Category/class.SWIFT_TroubleshooterCategory.php:305'
const INVALID_CATEGORY = 'Invalid Troubleshooter Category ID'

const renderCategory = (c: TroubleshooterCategoryRow): string =>
  parent(
    'troubleshootercategory',
    leaves([
      ['id', c.id],
      ['staffid', c.staffid],
      ['staffname', c.staffname],
      ['title', c.title],
      ['description', c.description],
      ['categorytype', c.categorytype],
      ['displayorder', c.displayorder],
      ['views', c.views],
      ['uservisibilitycustom', c.uservisibilitycustom]
    ]) +
      idList('usergroupidlist', 'usergroupid', c.usergroupids) +
      leaf('staffvisibilitycustom', c.staffvisibilitycustom) +
      idList('staffgroupidlist', 'staffgroupid', c.staffgroupids)
  )

const categoriesReply = (rows: ReadonlyArray<TroubleshooterCategoryRow>): Reply => xmlReply(parent('troubleshootercategories', rows.map(renderCategory)))

const allCategories = (ctx: Context): Reply =>
  categoriesReply(ctx.store.troubleshooterCategories.all().sort((a, b) => a.displayorder - b.displayorder || a.id - b.id))

const validType = (type: number): boolean => type >= 1 && type <= 3

export const TroubleshooterCategory: Controller = {
  actions: { getlist: allCategories },
  getList: allCategories,
  get: (ctx, [id]) => {
    if (emptyArg(id)) return allCategories(ctx)
    const row = ctx.store.troubleshooterCategories.get(intArg(id))
    return categoriesReply(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const { store, vars } = ctx
    // Both also refuse '0' (`empty()`, T-Cat l.177-184); title and description are stored as sent.
    if (blankOrZero(vars, 'title')) return badRequest('Title field is empty')
    if (blankOrZero(vars, 'categorytype')) return badRequest('Category type is empty')
    const title = str(vars, 'title') ?? ''
    // The staff is loaded outside any `try` (T-Cat l.192): no message, an uncaught exception.
    const staff = store.staff.get(toInt(str(vars, 'staffid')))
    if (staff === undefined) return uncaught(CATEGORY_ROUTE, 'Invalid data provided', '/__swift/apps/base/models/Staff/class.SWIFT_Staff.php:122')
    const categorytype = toInt(str(vars, 'categorytype'))
    if (!validType(categorytype)) return uncaught(CATEGORY_ROUTE, 'Invalid data provided', CATEGORY_MODEL)
    const uservisibilitycustom = given(vars, 'uservisibilitycustom')
    const staffvisibilitycustom = given(vars, 'staffvisibilitycustom')
    const row = store.troubleshooterCategories.insert({
      staffid: staff.id,
      staffname: store.staffName(staff.id),
      title,
      description: trimmed(vars, 'description') === '' ? '' : (str(vars, 'description') ?? ''),
      categorytype,
      displayorder: toInt(str(vars, 'displayorder')),
      views: 0,
      uservisibilitycustom,
      usergroupids: uservisibilitycustom ? userGroupIds(store, vars) : [],
      staffvisibilitycustom,
      staffgroupids: staffvisibilitycustom ? staffGroupIds(store, vars) : [],
      dateline: ctx.now
    })
    return categoriesReply([row])
  },
  put: (ctx, [id]) => {
    const { store, vars } = ctx
    const row = store.troubleshooterCategories.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_CATEGORY)
    const title = str(vars, 'title')
    if (title !== undefined && title.trim() === '') return badRequest('subject is empty')
    const type = str(vars, 'categorytype')
    if (type !== undefined && type.trim() === '') return badRequest('categorytype is empty')
    // The model refuses an `empty()` title ('0') as well as a bad type, uncaught (M-TCat `Update` l.304-306).
    if ((type !== undefined && !validType(toInt(type))) || title === '0')
      return uncaught(`${CATEGORY_ROUTE}/${id ?? ''}`, 'Invalid data provided', CATEGORY_UPDATE)
    if (title !== undefined) row.title = title
    if (type !== undefined) row.categorytype = toInt(type)
    // `!empty()`: '0' keeps the old order (T-Cat l.297-300); a non-blank description replaces it as sent.
    if (given(vars, 'displayorder')) row.displayorder = toInt(str(vars, 'displayorder'))
    if (trimmed(vars, 'description') !== '') row.description = str(vars, 'description') ?? ''
    if (given(vars, 'uservisibilitycustom')) row.uservisibilitycustom = true
    if (given(vars, 'staffvisibilitycustom')) row.staffvisibilitycustom = true
    if (given(vars, 'usergroupidlist')) row.usergroupids = userGroupIds(store, vars)
    if (given(vars, 'staffgroupidlist')) row.staffgroupids = staffGroupIds(store, vars)
    // The creator's name is refreshed from the staff record; a creator who no longer exists is cleared.
    if (store.staff.get(row.staffid) === undefined) row.staffid = 0
    row.staffname = store.staffName(row.staffid)
    row.dateline = ctx.now
    return categoriesReply([row])
  },
  delete: (ctx, [id]) => {
    // The category and its step links go; the steps stay (spec §4.1).
    if (!ctx.store.troubleshooterCategories.delete(intArg(id))) return badRequest(INVALID_CATEGORY)
    return deleted
  }
}

// --- Step (§4.2)

const STEP_ROUTE = '/Troubleshooter/Step'
const STEP_NOT_FOUND = 'Step ID not found'

const childSteps = (store: Store, stepId: number): Array<TroubleshooterStepRow> =>
  store.troubleshooterSteps.where((s) => s.parentstepids.includes(stepId)).sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)

const renderStep = (store: Store, s: TroubleshooterStepRow): string =>
  parent(
    'troubleshooterstep',
    leaves([
      ['id', s.id],
      ['categoryid', s.categoryid],
      ['staffid', s.staffid],
      ['staffname', s.staffname],
      ['subject', s.subject],
      ['edited', s.edited],
      ['editedstaffid', s.editedstaffid],
      ['editedstaffname', s.editedstaffname],
      ['displayorder', s.displayorder],
      ['views', s.views],
      ['allowcomments', s.allowcomments],
      ['hasattachments', s.hasattachments]
    ]) +
      embeddedAttachments(
        store,
        LINK_TROUBLESHOOTER_STEP,
        s.id,
        s.hasattachments,
        (a) => `${HELPDESK_URL}/index.php?/Troubleshooter/Step/GetAttachment/${s.categoryid}/${s.id}/${a.id}`
      ) +
      idList('parentsteps', 'id', s.parentstepids) +
      idList(
        'childsteps',
        'id',
        childSteps(store, s.id).map((c) => c.id)
      ) +
      leaves([
        ['redirecttickets', s.redirecttickets],
        ['ticketsubject', s.ticketsubject],
        ['redirectdepartmentid', s.redirectdepartmentid],
        ['tickettypeid', s.tickettypeid],
        ['priorityid', s.priorityid],
        ['contents', s.contents]
      ])
  )

const stepsReply = (store: Store, rows: ReadonlyArray<TroubleshooterStepRow>): Reply =>
  xmlReply(
    parent(
      'troubleshootersteps',
      rows.map((s) => renderStep(store, s))
    )
  )

const allSteps = (ctx: Context): Reply => stepsReply(ctx.store, ctx.store.troubleshooterSteps.all())

/**
 * `parentstepidlist`: omitted → a root step (parent 0). Sent → every id is dropped, because the controller compares
 * them with the keys of `RetrieveSteps()`, which are not step ids (T-Step l.287-294): the step gets no parent at all.
 */
const parentLinks = (ctx: Context, current: Array<number>): Array<number> => (given(ctx.vars, 'parentstepidlist') ? [] : current)

const optionalInt = (ctx: Context, name: string, current: number): number => (given(ctx.vars, name) ? toInt(str(ctx.vars, name)) : current)

export const TroubleshooterStep: Controller = {
  actions: { getlist: allSteps },
  getList: allSteps,
  get: (ctx, [id]) => {
    // `empty()` first, then the int cast: `ListAll` (no such method here) is an unknown id, an empty list.
    if (emptyArg(id)) return allSteps(ctx)
    const row = ctx.store.troubleshooterSteps.get(intArg(id))
    return stepsReply(ctx.store, row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const { store, vars } = ctx
    // Each also refuses '0' (`empty()`, T-Step l.228-243); subject, contents and ticket subject are stored as sent.
    if (blankOrZero(vars, 'categoryid')) return badRequest('Category id is empty')
    if (blankOrZero(vars, 'subject')) return badRequest('Subject is empty')
    if (blankOrZero(vars, 'contents')) return badRequest('Contents is empty')
    if (blankOrZero(vars, 'staffid')) return badRequest('Staffid is empty')
    const subject = str(vars, 'subject') ?? ''
    const contents = str(vars, 'contents') ?? ''
    const staff = store.staff.get(toInt(str(vars, 'staffid')))
    if (staff === undefined) return badRequest('Invalid Staff ID')
    const categoryid = toInt(str(vars, 'categoryid'))
    if (store.troubleshooterCategories.get(categoryid) === undefined) {
      return uncaught(STEP_ROUTE, 'Invalid data provided: invalid category', '/__apps/troubleshooter/models/Step/class.SWIFT_TroubleshooterStep.php:255')
    }
    const row = store.troubleshooterSteps.insert({
      categoryid,
      staffid: staff.id,
      staffname: store.staffName(staff.id),
      subject,
      edited: false,
      editedstaffid: 0,
      editedstaffname: '',
      editeddateline: 0,
      displayorder: optionalInt(ctx, 'displayorder', 0),
      views: 0,
      allowcomments: given(vars, 'allowcomments'),
      hasattachments: false,
      parentstepids: parentLinks(ctx, [0]),
      redirecttickets: given(vars, 'enableticketredirection'),
      ticketsubject: given(vars, 'ticketsubject') ? (str(vars, 'ticketsubject') ?? '') : '',
      redirectdepartmentid: optionalInt(ctx, 'redirectdepartmentid', 0),
      tickettypeid: optionalInt(ctx, 'tickettypeid', 0),
      priorityid: optionalInt(ctx, 'ticketpriorityid', 0),
      // `1` → published (the sandbox's staff may publish), anything else → draft.
      stepstatus: trimmed(vars, 'stepstatus') === '1' ? 1 : 2,
      dateline: ctx.now,
      contents
    })
    return stepsReply(store, [row])
  },
  put: (ctx, [id]) => {
    const { store, vars } = ctx
    const row = store.troubleshooterSteps.get(intArg(id))
    if (row === undefined) return badRequest(STEP_NOT_FOUND)
    if (blankOrZero(vars, 'editedstaffid')) return badRequest('editedstaffid is empty')
    // Subject and contents are checked before the staff member (T-Step l.351-424).
    const subject = str(vars, 'subject')
    if (subject !== undefined && subject.trim() === '') return badRequest('subject is empty')
    const contents = str(vars, 'contents')
    if (contents !== undefined && contents.trim() === '') return badRequest('Contents is empty')
    const staff = store.staff.get(toInt(str(vars, 'editedstaffid')))
    if (staff === undefined) return badRequest('Invalid Staff ID')
    if (subject !== undefined) row.subject = subject
    if (contents !== undefined) row.contents = contents
    // Every optional field is read with `!empty()` (T-Step l.369-397): '0' keeps the old value, flags cannot be cleared.
    row.displayorder = optionalInt(ctx, 'displayorder', row.displayorder)
    if (given(vars, 'allowcomments')) row.allowcomments = toInt(str(vars, 'allowcomments')) !== 0
    if (given(vars, 'enableticketredirection')) row.redirecttickets = toInt(str(vars, 'enableticketredirection')) !== 0
    row.redirectdepartmentid = optionalInt(ctx, 'redirectdepartmentid', row.redirectdepartmentid)
    row.tickettypeid = optionalInt(ctx, 'tickettypeid', row.tickettypeid)
    row.priorityid = optionalInt(ctx, 'ticketpriorityid', row.priorityid)
    // Cast to int on update (T-Step l.399-402); `stepstatus` is read but never saved.
    if (str(vars, 'ticketsubject') !== undefined) row.ticketsubject = String(toInt(str(vars, 'ticketsubject')))
    row.parentstepids = parentLinks(ctx, row.parentstepids)
    row.edited = true
    row.editedstaffid = staff.id
    row.editedstaffname = store.staffName(staff.id)
    row.editeddateline = ctx.now
    return stepsReply(store, [row])
  },
  delete: (ctx, [id]) => {
    const { store } = ctx
    const stepId = intArg(id)
    if (!store.troubleshooterSteps.delete(stepId)) return badRequest(STEP_NOT_FOUND)
    // Its links go too; its comments and attachments stay (spec §4.2).
    for (const s of store.troubleshooterSteps.all()) s.parentstepids = s.parentstepids.filter((p) => p !== stepId)
    return deleted
  }
}

// --- Comment (§4.3) and Attachment (§4.4)

export const TroubleshooterComment: Controller = commentController({
  route: '/Troubleshooter/Comment',
  commenttype: COMMENT_TROUBLESHOOTER,
  root: 'troubleshooterstepcomments',
  item: 'troubleshooterstepcomment',
  xmlParent: 'troubleshooterstepid',
  formParent: 'troubleshooterstepid',
  parentMissing: 'Step ID field is empty',
  parentInvalid: 'Invalid troubleshooterstepid',
  userInvalid: 'Invalid User ID',
  parentUrl: (store, id) => {
    const step = store.troubleshooterSteps.get(id)
    return step === undefined ? undefined : `${HELPDESK_URL}/index.php?/Troubleshooter/Step/View/${step.categoryid}/${step.id}`
  }
})

export const TroubleshooterAttachment: Controller = attachmentController({
  route: '/Troubleshooter/Attachment',
  linktype: LINK_TROUBLESHOOTER_STEP,
  root: 'troubleshooterattachments',
  item: 'troubleshooterattachment',
  xmlParent: 'troubleshooterstepid',
  formParent: 'troubleshooterstepid',
  parentMissing: 'No Troubleshooter step ID Specified',
  parentNotFound: 'Troubleshooter step not found',
  elsewhere: 'Attachment does not belong to the specified step',
  parentExists: (store, id) => store.troubleshooterSteps.get(id) !== undefined,
  uploaded: (store, id) => {
    const step = store.troubleshooterSteps.get(id)
    if (step !== undefined) step.hasattachments = true
  }
})
