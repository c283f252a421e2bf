/** `/News/Category`, `/News/NewsItem`, `/News/Comment`, `/News/Subscriber` (spec kb-news-troubleshooter §3). */
import { isEmail } from './common'
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { COMMENT_NEWS, type NewsCategoryRow, type NewsItemRow, type NewsSubscriberRow } from '../contentRows'
import type { Store } from '../store'
import { str, toInt, trimmed, type PhpArray } from '../vars'
import { leaf, leaves, parent } from '../xml'
import {
  HELPDESK_URL,
  blankOrZero,
  commentController,
  deleteComments,
  emptyArg,
  given,
  htmlEscape,
  idList,
  intArg,
  knownIds,
  recountNews,
  staffGroupIds,
  stripTags,
  uncaught,
  userGroupIds
} from './content'

// --- Category (§3.1)

const INVALID_CATEGORY = 'Invalid category ID'

const renderCategory = (store: Store, c: NewsCategoryRow): string =>
  parent(
    'newscategory',
    leaves([
      ['id', c.id],
      ['title', c.title],
      // The stored counter (see `recountNews`), not a live count.
      ['newsitemcount', c.newsitemcount],
      ['visibilitytype', c.visibilitytype]
    ])
  )

const categoriesReply = (store: Store, rows: ReadonlyArray<NewsCategoryRow>): Reply =>
  xmlReply(
    parent(
      'newscategories',
      rows.map((c) => renderCategory(store, c))
    )
  )

const allCategories = (ctx: Context): Reply => categoriesReply(ctx.store, ctx.store.newsCategories.all())

/** `public` (exactly, untrimmed) is public; any other value is private (N-Cat l.215, 296). */
const visibility = (text: string): NewsCategoryRow['visibilitytype'] => (text === 'public' ? 'public' : 'private')

export const NewsCategory: Controller = {
  actions: { getlist: allCategories },
  getList: allCategories,
  get: (ctx, [id]) => {
    if (emptyArg(id)) return allCategories(ctx)
    const row = ctx.store.newsCategories.get(intArg(id))
    return categoriesReply(ctx.store, row === undefined ? [] : [row])
  },
  post: (ctx) => {
    // The title also refuses '0' (`empty()`); the type only a blank (N-Cat l.203-212). Both are stored as sent.
    if (blankOrZero(ctx.vars, 'title')) return badRequest('Title field is missing/empty')
    const type = str(ctx.vars, 'visibilitytype') ?? ''
    if (type.trim() === '') return badRequest('visibilitytype is missing/empty')
    const row = ctx.store.newsCategories.insert({ title: str(ctx.vars, 'title') ?? '', visibilitytype: visibility(type), newsitemcount: 0 })
    recountNews(ctx.store)
    return categoriesReply(ctx.store, [row])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.newsCategories.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_CATEGORY)
    const title = str(ctx.vars, 'title')
    if (title !== undefined && title.trim() === '') return badRequest('title is empty')
    const type = str(ctx.vars, 'visibilitytype')
    if (type !== undefined && type.trim() === '') return badRequest('visibilitytype is empty')
    // The model refuses an `empty()` title ('0') by throwing, uncaught (M-NCat `Update` l.248-250).
    if (title === '0') return uncaught(`/News/Category/${id ?? ''}`, 'Invalid data provided', '/__apps/news/models/Category/class.SWIFT_NewsCategory.php:249')
    if (title !== undefined) row.title = title
    if (type !== undefined) row.visibilitytype = visibility(type)
    recountNews(ctx.store)
    return categoriesReply(ctx.store, [row])
  },
  delete: (ctx, [id]) => {
    const row = ctx.store.newsCategories.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_CATEGORY)
    ctx.store.newsCategories.delete(row.id)
    for (const n of ctx.store.newsItems.all()) n.categoryids = n.categoryids.filter((c) => c !== row.id)
    return deleted
  }
}

// --- NewsItem (§3.2)

const ITEM_ROUTE = '/News/NewsItem'
const INVALID_ITEM = 'Invalid news item ID'
const ACTIVE_LIMIT = 500
const LEAD_LENGTH = 500

const renderItem = (store: Store, n: NewsItemRow, listed: boolean): string =>
  parent(
    'newsitem',
    leaves([
      ['id', n.id],
      ['staffid', n.staffid],
      ['newstype', n.newstype],
      ['newsstatus', n.newsstatus],
      ['author', listed ? htmlEscape(n.author) : n.author],
      ['email', n.email],
      ['subject', listed ? htmlEscape(n.subject) : n.subject],
      ['emailsubject', n.emailsubject],
      ['dateline', n.dateline],
      ['start', n.start],
      ['expiry', n.expiry],
      ['issynced', n.issynced],
      ['totalcomments', n.totalcomments],
      ['uservisibilitycustom', n.uservisibilitycustom]
    ]) +
      idList('usergroupidlist', 'usergroupid', n.usergroupids) +
      leaf('staffvisibilitycustom', n.staffvisibilitycustom) +
      idList('staffgroupidlist', 'staffgroupid', n.staffgroupids) +
      leaves([
        ['allowcomments', n.allowcomments],
        ['contents', listed ? lead(n.contents) : n.contents]
      ]) +
      idList('categories', 'categoryid', n.categoryids)
  )

/** The lead of a listed item: tags other than links and images removed, about 500 characters. */
const lead = (html: string): string => {
  const text = stripTags(html, ['a', 'img']).trim()
  return text.length > LEAD_LENGTH ? `${text.slice(0, LEAD_LENGTH)}...` : text
}

const itemsReply = (store: Store, rows: ReadonlyArray<NewsItemRow>, listed = false): Reply =>
  xmlReply(
    parent(
      'newsitems',
      rows.map((n) => renderItem(store, n, listed))
    )
  )

const allItems = (ctx: Context): Reply => itemsReply(ctx.store, ctx.store.newsItems.all())

/** Active news, newest first; the category filters only when it has items (M-NItem l.691-796). */
const activeItems = (ctx: Context, [category]: ReadonlyArray<string>): Reply => {
  if (category === undefined) {
    return uncaught(
      `${ITEM_ROUTE}/ListAll`,
      'Too few arguments to function Controller_NewsItem::ListAll(), 0 passed',
      '/__apps/news/api/class.Controller_NewsItem.php:287'
    )
  }
  const categoryId = intArg(category)
  const hasItems = categoryId > 0 && ctx.store.newsItems.where((n) => n.categoryids.includes(categoryId)).length > 0
  const active = ctx.store.newsItems
    .where(
      (n) =>
        n.newsstatus === 2 &&
        // `start < NOW` strictly, `expiry > NOW` (M-NItem l.716-717).
        (n.start === 0 || n.start < ctx.now) &&
        (n.expiry === 0 || n.expiry > ctx.now) &&
        (!hasItems || n.categoryids.includes(categoryId))
    )
    .sort((a, b) => b.dateline - a.dateline || b.id - a.id)
    .slice(0, ACTIVE_LIMIT)
  return itemsReply(ctx.store, active, true)
}

const MONTH_DAY_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const DAY_MONTH_YEAR = /^(\d{1,2})-(\d{1,2})-(\d{4})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/** The forms of `strtotime($date . ' GMT')` the sandbox understands (US calendar setting); else 0. */
const calendarDateline = (text: string): number => {
  const t = text.trim()
  const at = (y: number, m: number, d: number, h = 0, i = 0, s = 0): number => {
    const ms = Date.UTC(y, m - 1, d, h, i, s)
    const check = new Date(ms)
    return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? Math.floor(ms / 1000) : 0
  }
  let m = MONTH_DAY_YEAR.exec(t)
  if (m !== null) return at(Number(m[3]), Number(m[1]), Number(m[2]))
  m = DAY_MONTH_YEAR.exec(t)
  if (m !== null) return at(Number(m[3]), Number(m[2]), Number(m[1]))
  m = ISO.exec(t)
  if (m !== null) return at(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  return 0
}

/** `GetDateFieldTimestamp($field)` (Fn l.307-351): the date field plus its optional `_hour`/`_minute`/`_meridian`. */
const dateField = (vars: PhpArray, field: string): number => {
  const text = str(vars, field)
  if (text === undefined || text.trim() === '') return 0
  const day = calendarDateline(text)
  if (day === 0) return 0
  const hour = str(vars, `${field}_hour`)
  const minute = str(vars, `${field}_minute`)
  if (hour === undefined || minute === undefined) return day
  let h = toInt(hour)
  const meridian = str(vars, `${field}_meridian`)
  if (meridian === 'pm' && h < 12) h += 12
  else if (meridian === 'am' && h === 12) h = 0
  const d = new Date(day * 1000)
  // The server uses `mktime`, in its own time zone: the sandbox runs in UTC.
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h, toInt(minute)) / 1000)
}

const newsCategoryIds = (store: Store, vars: PhpArray): Array<number> => knownIds(store.newsCategories.all(), vars, 'newscategoryidlist')

const postItem = (ctx: Context): Reply => {
  const { store, vars } = ctx
  const newstype = str(vars, 'newstype')
  // An early return left inside the type check: public and private news are not created (N-Item l.414-418).
  if (newstype !== undefined && (newstype.trim() === '2' || newstype.trim() === '3')) return { status: 200, body: '' }
  // Each required field also refuses '0' (`empty()`, N-Item l.425-438).
  if (blankOrZero(vars, 'staffid')) return badRequest('Staff ID missing')
  if (blankOrZero(vars, 'subject')) return badRequest('Subject is empty')
  if (blankOrZero(vars, 'contents')) return badRequest('Content is empty')
  const staff = store.staff.get(toInt(str(vars, 'staffid')))
  if (staff === undefined) return badRequest('Invalid Staff ID')
  const start = dateField(vars, 'start')
  const expiry = dateField(vars, 'expiry')
  if (expiry !== 0 && start > expiry) return badRequest('Start date must be before expiry date')
  const uservisibilitycustom = trimmed(vars, 'uservisibilitycustom') === '1'
  const staffvisibilitycustom = toInt(str(vars, 'staffvisibilitycustom')) !== 0
  const row = store.newsItems.insert({
    staffid: staff.id,
    newstype: 1,
    newsstatus: trimmed(vars, 'newsstatus') === '1' ? 1 : 2,
    author: store.staffName(staff.id),
    email: staff.email,
    // Stored as sent, untrimmed (M-NItem `Create` l.320-330).
    subject: str(vars, 'subject') ?? '',
    emailsubject: given(vars, 'customemailsubject') && trimmed(vars, 'customemailsubject') !== '' ? (str(vars, 'customemailsubject') ?? '') : '',
    dateline: ctx.now,
    start,
    expiry,
    issynced: false,
    totalcomments: 0,
    allowcomments: str(vars, 'allowcomments') === undefined ? true : trimmed(vars, 'allowcomments') !== '0',
    uservisibilitycustom,
    // Group links are written only when the visibility flag is on (M-NItem l.336-355).
    usergroupids: uservisibilitycustom ? userGroupIds(store, vars) : [],
    staffvisibilitycustom,
    staffgroupids: staffvisibilitycustom ? staffGroupIds(store, vars) : [],
    categoryids: newsCategoryIds(store, vars),
    contents: str(vars, 'contents') ?? '',
    editedstaffid: 0,
    editeddateline: 0
  })
  recountNews(store)
  return itemsReply(store, [row])
}

/** A PUT flag taken only when it is `0` or `1` (loose `==`, N-Item l.662-674); otherwise the old value stays. */
const zeroOrOne = (vars: PhpArray, name: string, current: boolean): boolean => {
  const value = str(vars, name)
  if (value === undefined || !/^\s*[+-]?0*[01](\.0*)?\s*$/.test(value)) return current
  return Number(value) === 1
}

const putItem = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  // Missing, blank or anything `(int)` reads as 0 (N-Item l.583).
  if (toInt(str(vars, 'editedstaffid')) === 0 || trimmed(vars, 'editedstaffid') === '') return badRequest('Staff is missing or invalid')
  const row = store.newsItems.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_ITEM)
  const subject = str(vars, 'subject')
  if (subject !== undefined && subject.trim() === '') return badRequest('Subject is missing')
  const contents = str(vars, 'contents')
  if (contents !== undefined && contents.trim() === '') return badRequest('Contents is missing')
  // The status is applied at once, before the staff check and before the update can fail (N-Item l.622-627).
  const status = trimmed(vars, 'newsstatus')
  if (status === '1' || status === '2') row.newsstatus = Number(status)
  const staff = store.staff.get(toInt(str(vars, 'editedstaffid')))
  if (staff === undefined) return badRequest('Staff ID is invalid')
  // Both are read unconditionally; a missing or '0' one makes the model throw, uncaught (N-Item l.604, 613;
  // M-NItem `Update` l.437).
  if (subject === undefined || contents === undefined || subject === '0' || contents === '0') {
    return uncaught(`${ITEM_ROUTE}/${id ?? ''}`, 'Invalid data provided', '/__apps/news/models/NewsItem/class.SWIFT_NewsItem.php:437')
  }
  row.subject = subject
  row.contents = contents
  if (given(vars, 'customemailsubject') && trimmed(vars, 'customemailsubject') !== '') row.emailsubject = str(vars, 'customemailsubject') ?? ''
  row.allowcomments = zeroOrOne(vars, 'allowcomments', row.allowcomments)
  row.uservisibilitycustom = zeroOrOne(vars, 'uservisibilitycustom', row.uservisibilitycustom)
  row.staffvisibilitycustom = zeroOrOne(vars, 'staffvisibilitycustom', row.staffvisibilitycustom)
  // Lists are replaced only by a non-empty value (N-Item l.692-711); group links exist only while their flag is on.
  if (given(vars, 'newscategoryidlist')) row.categoryids = newsCategoryIds(store, vars)
  if (given(vars, 'usergroupidlist')) row.usergroupids = userGroupIds(store, vars)
  if (given(vars, 'staffgroupidlist')) row.staffgroupids = staffGroupIds(store, vars)
  if (!row.uservisibilitycustom) row.usergroupids = []
  if (!row.staffvisibilitycustom) row.staffgroupids = []
  // The update passes the posted value where a field name is expected (N-Item l.676-684): any value resets the date.
  for (const field of ['start', 'expiry'] as const) {
    if (given(vars, field)) row[field] = dateField(vars, str(vars, field) ?? '')
  }
  row.editedstaffid = staff.id
  row.editeddateline = ctx.now
  recountNews(store)
  return itemsReply(store, [row])
}

export const NewsItem: Controller = {
  actions: { getlist: allItems, listall: activeItems },
  getList: allItems,
  get: (ctx, [id]) => {
    if (emptyArg(id)) return allItems(ctx)
    const row = ctx.store.newsItems.get(intArg(id))
    return itemsReply(ctx.store, row === undefined ? [] : [row])
  },
  post: postItem,
  put: putItem,
  delete: (ctx, [id]) => {
    const row = ctx.store.newsItems.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_ITEM)
    ctx.store.newsItems.delete(row.id)
    deleteComments(ctx.store, COMMENT_NEWS, row.id)
    recountNews(ctx.store)
    return deleted
  }
}

// --- Comment (§3.3)

export const NewsComment: Controller = commentController({
  route: '/News/Comment',
  commenttype: COMMENT_NEWS,
  root: 'newsitemcomments',
  item: 'newsitemcomment',
  xmlParent: 'newsitemid',
  formParent: 'newsitemid',
  parentMissing: 'News Item ID field is empty',
  parentInvalid: 'Invalid newsitemid',
  userInvalid: 'Invalid user ID',
  parentUrl: (store, id) => (store.newsItems.get(id) === undefined ? undefined : `${HELPDESK_URL}/index.php?/News/NewsItem/View/${id}`)
})

// --- Subscriber (§3.4)

const INVALID_SUBSCRIBER = 'Invalid news subscriber ID'

const subscribersReply = (rows: ReadonlyArray<NewsSubscriberRow>): Reply =>
  xmlReply(
    parent(
      'newssubscribers',
      rows.map((s) =>
        parent(
          'newssubscriber',
          leaves([
            ['id', s.id],
            ['tgroupid', s.tgroupid],
            ['userid', s.userid],
            ['email', s.email],
            ['isvalidated', s.isvalidated],
            ['usergroupid', s.usergroupid]
          ])
        )
      )
    )
  )

const allSubscribers = (ctx: Context): Reply => subscribersReply(ctx.store.newsSubscribers.all())

const subscribed = (store: Store, email: string, except = 0): boolean => store.newsSubscribers.where((s) => s.id !== except && s.email === email).length > 0

export const NewsSubscriber: Controller = {
  actions: { getlist: allSubscribers },
  getList: allSubscribers,
  get: (ctx, [id]) => {
    // The id is cast to int first: any non-numeric id lists everything (N-Sub l.155).
    if (intArg(id) === 0) return allSubscribers(ctx)
    const row = ctx.store.newsSubscribers.get(intArg(id))
    return subscribersReply(row === undefined ? [] : [row])
  },
  post: (ctx) => {
    const { store, vars } = ctx
    // `IsEmailValid` sees the value as sent (a space anywhere fails, Fn l.1115-1124); the model then trims and
    // lower-cases it (N-Sub l.192-201; M-NSub l.201, 221).
    const sent = str(vars, 'email') ?? ''
    if (sent.trim() === '') return badRequest('Email field is empty')
    if (sent.includes(' ') || !isEmail(sent)) return badRequest('Invalid email address')
    const email = sent.trim().toLowerCase()
    if (subscribed(store, email)) return badRequest('Subscription failed, please check if already subscribed')
    const user = store.userByEmail(email)
    // `sendemails` decides whether a validation or welcome e-mail goes out; the sandbox sends none.
    const row = store.newsSubscribers.insert({
      tgroupid: 0,
      userid: user?.id ?? 0,
      email,
      isvalidated: given(vars, 'isvalidated'),
      usergroupid: user?.usergroupid ?? 0
    })
    return subscribersReply([row])
  },
  put: (ctx, [id]) => {
    const row = ctx.store.newsSubscribers.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_SUBSCRIBER)
    const sent = str(ctx.vars, 'email') ?? ''
    const email = sent.trim().toLowerCase()
    if (email !== '') {
      if (sent.includes(' ') || !isEmail(sent)) return badRequest('Invalid email address')
      // The unique index fails outside any check (inferred, spec §3.4).
      if (subscribed(ctx.store, email, row.id)) {
        return uncaught(
          `/News/Subscriber/${id ?? ''}`,
          `AutoExecute Query: Duplicate entry '${email}' for key 'email'`,
          '/__swift/library/Database/class.SWIFT_Database.php:611'
        )
      }
      row.email = email
    }
    return subscribersReply([row])
  },
  delete: (ctx, [id]) => {
    if (!ctx.store.newsSubscribers.delete(intArg(id))) return badRequest(INVALID_SUBSCRIBER)
    return deleted
  }
}
