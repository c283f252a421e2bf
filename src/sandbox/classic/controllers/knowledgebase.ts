/** `/Knowledgebase/Category`, `/Knowledgebase/Article`, `/Knowledgebase/Comment`, `/Knowledgebase/Attachment` (spec kb-news-troubleshooter §2). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { COMMENT_KB, LINK_KB_ARTICLE, type KbArticleRow, type KbCategoryRow } from '../contentRows'
import type { Store } from '../store'
import { str, toInt, trimmed } from '../vars'
import { leaf, leaves, parent } from '../xml'
import {
  HELPDESK_URL,
  attachmentController,
  commentController,
  commentCount,
  deleteAttachments,
  deleteComments,
  embeddedAttachments,
  emptyArg,
  given,
  htmlEscape,
  idList,
  intArg,
  staffGroupIds,
  stripTags,
  uncaught,
  userGroupIds
} from './content'

// --- Category (§2.1)

const CATEGORY_ROUTE = '/Knowledgebase/Category'
const CATEGORY_MODEL = '/__apps/knowledgebase/models/Category/class.SWIFT_KnowledgebaseCategory.php:290'
const INVALID_CATEGORY = 'Invalid category id'
const SORT_FIELDS = ['staffid', 'title', 'dateline', 'totalarticles', 'categorytype', 'articlesortorder']

const totalArticles = (store: Store, categoryId: number): number => store.kbArticles.where((a) => a.categoryids.includes(categoryId)).length

const renderCategory = (store: Store, c: KbCategoryRow): string =>
  parent(
    'kbcategory',
    leaves([
      ['id', c.id],
      ['parentkbcategoryid', c.parentkbcategoryid],
      ['staffid', c.staffid],
      ['title', c.title],
      ['totalarticles', totalArticles(store, c.id)],
      ['categorytype', c.categorytype],
      ['displayorder', c.displayorder],
      ['allowcomments', c.allowcomments],
      ['uservisibilitycustom', c.uservisibilitycustom]
    ]) +
      idList('usergroupidlist', 'usergroupid', c.usergroupids) +
      leaf('staffvisibilitycustom', c.staffvisibilitycustom) +
      idList('staffgroupidlist', 'staffgroupid', c.staffgroupids) +
      leaves([
        ['allowrating', c.allowrating],
        ['ispublished', c.ispublished]
      ])
  )

const categoriesReply = (store: Store, rows: ReadonlyArray<KbCategoryRow>): Reply => xmlReply(parent('kbcategories', rows.map((c) => renderCategory(store, c))))

const byDisplayOrder = <R extends { id: number; displayorder: number }>(rows: Array<R>): Array<R> => rows.sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)

/** `GetList(count, start, sortField, sortOrder)`: the paged list (KB-Cat l.59-109). */
const categoryList = (ctx: Context, [count, start, sortField, sortOrder]: ReadonlyArray<string>): Reply => {
  const field = (sortField ?? '').replace(/[^A-Za-z0-9_:,-]/g, '').toLowerCase()
  const key = SORT_FIELDS.includes(field) ? field : 'displayorder'
  const descending = (sortOrder ?? '').toUpperCase() === 'DESC'
  const value = (c: KbCategoryRow): number | string =>
    key === 'totalarticles' ? totalArticles(ctx.store, c.id) : key === 'title' ? c.title.toLowerCase() : (c[key as keyof KbCategoryRow] as number)
  const sorted = ctx.store.kbCategories.all().sort((a, b) => {
    const [x, y] = [value(a), value(b)]
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * (descending ? -1 : 1)
  })
  const limit = toInt(count)
  const offset = Math.max(0, toInt(start))
  return categoriesReply(ctx.store, limit > 0 ? sorted.slice(offset, offset + limit) : sorted.slice(offset))
}

const allCategories = (ctx: Context): Reply => categoriesReply(ctx.store, byDisplayOrder(ctx.store.kbCategories.all()))

/** Flags read with `!empty()`: not sent → off (POST) or unchanged (PUT). */
const flag = (ctx: Context, name: string): boolean => given(ctx.vars, name)

const postCategory = (ctx: Context): Reply => {
  const { store, vars } = ctx
  const title = trimmed(vars, 'title')
  if (title === '') return badRequest('Title field is empty')
  if (trimmed(vars, 'categorytype') === '') return badRequest('Category type is empty')
  const categorytype = toInt(str(vars, 'categorytype'))
  const articlesortorder = given(vars, 'articlesortorder') ? toInt(str(vars, 'articlesortorder')) : 2
  if (categorytype < 1 || categorytype > 4 || articlesortorder < 1 || articlesortorder > 5) return uncaught(CATEGORY_ROUTE, 'Invalid data provided', CATEGORY_MODEL)
  const uservisibilitycustom = flag(ctx, 'uservisibilitycustom')
  const staffvisibilitycustom = flag(ctx, 'staffvisibilitycustom')
  const row = store.kbCategories.insert({
    parentkbcategoryid: given(vars, 'parentcategoryid') ? toInt(str(vars, 'parentcategoryid')) : 0,
    staffid: given(vars, 'staffid') ? toInt(str(vars, 'staffid')) : 0,
    title,
    categorytype,
    displayorder: given(vars, 'displayorder') ? toInt(str(vars, 'displayorder')) : 0,
    articlesortorder,
    allowcomments: flag(ctx, 'allowcomments'),
    allowrating: flag(ctx, 'allowrating'),
    ispublished: flag(ctx, 'ispublished'),
    uservisibilitycustom,
    usergroupids: uservisibilitycustom ? userGroupIds(store, vars) : [],
    staffvisibilitycustom,
    staffgroupids: staffvisibilitycustom ? staffGroupIds(store, vars) : [],
    dateline: ctx.now
  })
  return categoriesReply(store, [row])
}

const putCategory = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  const row = store.kbCategories.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_CATEGORY)
  const title = str(vars, 'title')
  if (title !== undefined && title.trim() === '') return badRequest('subject is empty')
  if (title !== undefined) row.title = title.trim()
  // Every field is read with `!empty()`: 0 cannot be written (spec §2.1).
  if (given(vars, 'parentkbcategoryid')) row.parentkbcategoryid = toInt(str(vars, 'parentkbcategoryid'))
  if (given(vars, 'categorytype')) row.categorytype = toInt(str(vars, 'categorytype'))
  if (given(vars, 'displayorder')) row.displayorder = toInt(str(vars, 'displayorder'))
  if (given(vars, 'articlesortorder')) row.articlesortorder = toInt(str(vars, 'articlesortorder'))
  for (const name of ['allowcomments', 'allowrating', 'ispublished', 'uservisibilitycustom', 'staffvisibilitycustom'] as const) {
    if (given(vars, name)) row[name] = true
  }
  if (given(vars, 'usergroupidlist')) row.usergroupids = userGroupIds(store, vars)
  if (given(vars, 'staffgroupidlist')) row.staffgroupids = staffGroupIds(store, vars)
  // The controller passes `false` as the creator on update (KB-Cat l.499).
  row.staffid = 0
  return categoriesReply(store, [row])
}

const deleteCategory = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store } = ctx
  const row = store.kbCategories.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_CATEGORY)
  const doomed = new Set<number>([row.id])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of store.kbCategories.all()) {
      if (!doomed.has(c.id) && doomed.has(c.parentkbcategoryid)) {
        doomed.add(c.id)
        grew = true
      }
    }
  }
  for (const c of doomed) store.kbCategories.delete(c)
  for (const a of store.kbArticles.all()) a.categoryids = a.categoryids.filter((c) => !doomed.has(c))
  return deleted
}

export const KnowledgebaseCategory: Controller = {
  actions: { getlist: categoryList },
  getList: allCategories,
  get: (ctx, [id]) => {
    if (emptyArg(id)) return allCategories(ctx)
    const row = ctx.store.kbCategories.get(intArg(id))
    // `ListAll` is not a method here (spec §2.1): it is looked up as an id and answers an empty list.
    return categoriesReply(ctx.store, row === undefined ? [] : [row])
  },
  post: postCategory,
  put: putCategory,
  delete: deleteCategory
}

// --- Article (§2.2)

const INVALID_ARTICLE = 'Invalid article id'
const SUBJECT_LIMIT = 65
/** The helpdesk setting `kb_climit`: the length of `contentstext` in category lists. */
const EXCERPT_LIMIT = 255

const articleLink = (articleId: number) => (a: { id: number }) => `${HELPDESK_URL}/index.php?/Knowledgebase/Article/GetAttachment/${articleId}/${a.id}`

const cut = (text: string, limit: number): string => (text.length > limit ? `${text.slice(0, limit)}...` : text)

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#039': "'", nbsp: ' ' }

const plainText = (html: string): string =>
  stripTags(html)
    .replace(/&(amp|lt|gt|quot|#039|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim()

const renderArticle = (store: Store, a: KbArticleRow, listed: boolean): string =>
  parent(
    'kbarticle',
    leaves([
      ['kbarticleid', a.id],
      ['contents', listed ? a.contents.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '') : a.contents],
      ['contentstext', listed ? cut(plainText(a.contents), EXCERPT_LIMIT) : plainText(a.contents)]
    ]) +
      idList('categories', 'categoryid', a.categoryids) +
      leaves([
        ['creator', a.creator],
        ['creatorid', a.creatorid],
        ['author', a.author],
        ['email', a.email],
        ['subject', listed ? htmlEscape(cut(a.subject, SUBJECT_LIMIT)) : a.subject],
        ['seosubject', a.seosubject],
        ['isedited', a.isedited],
        ['editeddateline', a.editeddateline],
        ['editedstaffid', a.editedstaffid],
        ['views', a.views],
        ['isfeatured', a.isfeatured],
        ['allowcomments', a.allowcomments],
        ['totalcomments', commentCount(store, COMMENT_KB, a.id)],
        ['hasattachments', a.hasattachments]
      ]) +
      embeddedAttachments(store, LINK_KB_ARTICLE, a.id, a.hasattachments, articleLink(a.id)) +
      leaves([
        ['dateline', a.dateline],
        ['articlestatus', a.articlestatus],
        ['articlerating', a.articlerating],
        ['ratinghits', a.ratinghits],
        ['ratingcount', a.ratingcount]
      ])
  )

const articlesReply = (store: Store, rows: ReadonlyArray<KbArticleRow>, listed = false): Reply =>
  xmlReply(parent('kbarticles', rows.map((a) => renderArticle(store, a, listed))))

const allArticles = (ctx: Context): Reply => articlesReply(ctx.store, ctx.store.kbArticles.all())

/**
 * `ListAll(category, count, start, sortField, sortOrder)`: featured first, then by subject (setting
 * `kb_ardisplayorder` = 1) in the given order (setting `kb_arorder` = 1); unpublished articles are dropped after the
 * page is cut (M-KBArt l.624-861).
 */
const listArticles = (ctx: Context, [category, count, start, , sortOrder]: ReadonlyArray<string>): Reply => {
  const categoryId = intArg(category)
  const direction = (sortOrder ?? '').toUpperCase() === 'DESC' ? -1 : 1
  const linked = ctx.store.kbArticles
    .where((a) => a.categoryids.includes(categoryId))
    .sort((a, b) => Number(b.isfeatured) - Number(a.isfeatured) || direction * a.subject.localeCompare(b.subject) || a.id - b.id)
  const limit = toInt(count)
  const offset = Math.max(0, toInt(start))
  const page = limit > 0 ? linked.slice(offset, offset + limit) : linked.slice(offset)
  return articlesReply(
    ctx.store,
    page.filter((a) => a.articlestatus === 1),
    true
  )
}

const seoSubject = (store: Store, text: string, except?: number): string => {
  const base =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^a-z0-9-]/g, '') || 'article'
  const taken = new Set(store.kbArticles.where((a) => a.id !== except).map((a) => a.seosubject))
  if (!taken.has(base)) return base
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`
}

/** `1` → published (the sandbox's staff may publish), `2` → draft, anything else → pending approval. */
const articleStatus = (value: string | undefined): number => (value?.trim() === '1' ? 1 : value?.trim() === '2' ? 2 : 3)

/** Category links: omitted → the top level; ids that exist; if none exists, the list as sent (KB-Art l.435-445). */
const categoryLinks = (store: Store, ctxVars: Context['vars']): Array<number> => {
  if (str(ctxVars, 'categoryid') === undefined) return [0]
  const sent = (str(ctxVars, 'categoryid') ?? '').split(',').map((s) => toInt(s.trim()))
  const known = sent.filter((id) => id === 0 || store.kbCategories.get(id) !== undefined)
  return known.length > 0 ? known : sent
}

const postArticle = (ctx: Context): Reply => {
  const { store, vars } = ctx
  const subject = trimmed(vars, 'subject')
  if (subject === '') return badRequest('Subject field is empty')
  const contents = trimmed(vars, 'contents')
  if (contents === '') return badRequest('Content field is empty')
  if (trimmed(vars, 'creatorid') === '') return badRequest('creatorid is empty')
  const staff = store.staff.get(toInt(str(vars, 'creatorid')))
  if (staff === undefined) return badRequest('Invalid Staff ID')
  const row = store.kbArticles.insert({
    categoryids: categoryLinks(store, vars),
    creator: 2,
    creatorid: staff.id,
    author: store.staffName(staff.id),
    email: staff.email,
    subject,
    seosubject: seoSubject(store, given(vars, 'seosubject') ? trimmed(vars, 'seosubject') : subject),
    isedited: false,
    editeddateline: 0,
    editedstaffid: 0,
    views: 0,
    isfeatured: given(vars, 'isfeatured'),
    // Default 1, and 0 is ignored: comments cannot be switched off on creation.
    allowcomments: true,
    hasattachments: false,
    dateline: ctx.now,
    articlestatus: articleStatus(str(vars, 'articlestatus')),
    articlerating: 0,
    ratinghits: 0,
    ratingcount: 0,
    contents
  })
  return articlesReply(store, [row])
}

const putArticle = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  if (trimmed(vars, 'editedstaffid') === '') return badRequest('editedstaffid is empty')
  const row = store.kbArticles.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_ARTICLE)
  const staff = store.staff.get(toInt(str(vars, 'editedstaffid')))
  if (staff === undefined) return badRequest('Invalid Staff ID')
  const subject = str(vars, 'subject')
  if (subject !== undefined && subject.trim() === '') return badRequest('subject is empty')
  const contents = str(vars, 'contents')
  if (contents !== undefined && contents.trim() === '') return badRequest('contents is empty')
  if (subject !== undefined) row.subject = subject.trim()
  if (contents !== undefined) row.contents = contents.trim()
  const seo = trimmed(vars, 'seosubject')
  if (seo !== '' && seo !== row.seosubject) row.seosubject = seoSubject(store, seo, row.id)
  // The update rewrites what is not sent (spec §2.2 gotchas).
  row.isfeatured = given(vars, 'isfeatured')
  row.allowcomments = given(vars, 'allowcomments')
  row.categoryids = categoryLinks(store, vars)
  row.articlestatus = articleStatus(str(vars, 'articlestatus'))
  row.isedited = true
  row.editeddateline = ctx.now
  row.editedstaffid = staff.id
  return articlesReply(store, [row])
}

export const KnowledgebaseArticle: Controller = {
  actions: {
    getlist: allArticles,
    listall: listArticles,
    getarticlecount: (ctx, [category]) =>
      emptyArg(category)
        ? { status: 200, body: '' }
        : xmlReply(parent('kbarticles', leaf('totalarticles', totalArticles(ctx.store, intArg(category)))))
  },
  getList: allArticles,
  get: (ctx, [id]) => {
    if (emptyArg(id)) return allArticles(ctx)
    const row = ctx.store.kbArticles.get(intArg(id))
    return articlesReply(ctx.store, row === undefined ? [] : [row])
  },
  post: postArticle,
  put: putArticle,
  delete: (ctx, [id]) => {
    const row = ctx.store.kbArticles.get(intArg(id))
    if (row === undefined) return badRequest(INVALID_ARTICLE)
    ctx.store.kbArticles.delete(row.id)
    deleteComments(ctx.store, COMMENT_KB, row.id)
    deleteAttachments(ctx.store, LINK_KB_ARTICLE, row.id)
    return deleted
  }
}

// --- Comment (§2.3) and Attachment (§2.4)

export const KnowledgebaseComment: Controller = commentController({
  commenttype: COMMENT_KB,
  root: 'kbarticlecomments',
  item: 'kbarticlecomment',
  xmlParent: 'kbarticleid',
  formParent: 'knowledgebasearticleid',
  parentMissing: 'Article ID field is empty',
  parentInvalid: 'Invalid knowledgebasearticleid',
  userInvalid: 'Invalid user ID',
  parentUrl: (store, id) => {
    const article = store.kbArticles.get(id)
    return article === undefined ? undefined : `${HELPDESK_URL}/index.php?/Knowledgebase/Article/View/${article.seosubject}`
  }
})

export const KnowledgebaseAttachment: Controller = attachmentController({
  route: '/Knowledgebase/Attachment',
  linktype: LINK_KB_ARTICLE,
  root: 'kbattachments',
  item: 'kbattachment',
  xmlParent: 'kbarticleid',
  formParent: 'kbarticleid',
  parentMissing: 'No Knowledgebase Article ID Specified',
  parentNotFound: 'Article not found',
  elsewhere: 'Attachment does not belong to the specified article',
  parentExists: (store, id) => store.kbArticles.get(id) !== undefined,
  // The API upload does not set the article's `hasattachments` (spec §2.2 gotcha).
  uploaded: () => undefined
})

