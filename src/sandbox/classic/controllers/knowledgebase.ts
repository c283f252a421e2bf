/** `/Knowledgebase/Category`, `/Knowledgebase/Article`, `/Knowledgebase/Comment`, `/Knowledgebase/Attachment` (spec kb-news-troubleshooter §2). */
import { badRequest, deleted, xmlReply, type Context, type Controller, type Reply } from '../controller'
import { COMMENT_KB, LINK_KB_ARTICLE, type KbArticleRow, type KbCategoryRow } from '../contentRows'
import type { Store } from '../store'
import { str, toInt } from '../vars'
import { leaf, leaves, parent } from '../xml'
import {
  HELPDESK_URL,
  attachmentController,
  blankOrZero,
  commentController,
  deleteAttachments,
  deleteComments,
  embeddedAttachments,
  emptyArg,
  given,
  htmlEscape,
  idList,
  intArg,
  recountKnowledgebase,
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

/** `GetArticleCount`: the category's links, any status (KB-Art l.651-653). */
const linkedArticles = (store: Store, categoryId: number): number => store.kbArticles.where((a) => a.categoryids.includes(categoryId)).length

const renderCategory = (store: Store, c: KbCategoryRow): string =>
  parent(
    'kbcategory',
    leaves([
      ['id', c.id],
      ['parentkbcategoryid', c.parentkbcategoryid],
      ['staffid', c.staffid],
      ['title', c.title],
      // The stored counter (published articles of the subtree at the last recount), not a live count.
      ['totalarticles', c.totalarticles],
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

const categoriesReply = (store: Store, rows: ReadonlyArray<KbCategoryRow>): Reply =>
  xmlReply(
    parent(
      'kbcategories',
      rows.map((c) => renderCategory(store, c))
    )
  )

const byDisplayOrder = <R extends { id: number; displayorder: number }>(rows: Array<R>): Array<R> =>
  rows.sort((a, b) => a.displayorder - b.displayorder || a.id - b.id)

/** `GetList(count, start, sortField, sortOrder)`: the paged list (KB-Cat l.59-109). */
const categoryList = (ctx: Context, [count, start, sortField, sortOrder]: ReadonlyArray<string>): Reply => {
  const field = (sortField ?? '').replace(/[^A-Za-z0-9_:,-]/g, '').toLowerCase()
  const key = SORT_FIELDS.includes(field) ? field : 'displayorder'
  const descending = (sortOrder ?? '').toUpperCase() === 'DESC'
  const value = (c: KbCategoryRow): number | string => (key === 'title' ? c.title.toLowerCase() : (c[key as keyof KbCategoryRow] as number))
  const sorted = ctx.store.kbCategories.all().sort((a, b) => {
    const [x, y] = [value(a), value(b)]
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * (descending ? -1 : 1)
  })
  return categoriesReply(ctx.store, page(sorted, count, start))
}

/** `QueryLimit` (L/Database/class.SWIFT_Database.php:893-917): a LIMIT only for a positive count; without one the offset is ignored too. */
const page = <R>(rows: Array<R>, count: string | undefined, start: string | undefined): Array<R> => {
  const limit = toInt(count)
  const offset = Math.max(0, toInt(start))
  return limit > 0 ? rows.slice(offset, offset + limit) : rows
}

const allCategories = (ctx: Context): Reply => categoriesReply(ctx.store, byDisplayOrder(ctx.store.kbCategories.all()))

/** Flags read with `!empty()`: not sent → off (POST) or unchanged (PUT). */
const flag = (ctx: Context, name: string): boolean => given(ctx.vars, name)

const postCategory = (ctx: Context): Reply => {
  const { store, vars } = ctx
  // `empty()` as well as `trim() == ''`: '0' is missing too; the title is stored as sent (KB-Cat l.289-299, 359).
  if (blankOrZero(vars, 'title')) return badRequest('Title field is empty')
  if (blankOrZero(vars, 'categorytype')) return badRequest('Category type is empty')
  const title = str(vars, 'title') ?? ''
  const categorytype = toInt(str(vars, 'categorytype'))
  const articlesortorder = given(vars, 'articlesortorder') ? toInt(str(vars, 'articlesortorder')) : 2
  if (categorytype < 1 || categorytype > 4 || articlesortorder < 1 || articlesortorder > 5)
    return uncaught(CATEGORY_ROUTE, 'Invalid data provided', CATEGORY_MODEL)
  const uservisibilitycustom = flag(ctx, 'uservisibilitycustom')
  const staffvisibilitycustom = flag(ctx, 'staffvisibilitycustom')
  const row = store.kbCategories.insert({
    parentkbcategoryid: given(vars, 'parentcategoryid') ? toInt(str(vars, 'parentcategoryid')) : 0,
    staffid: given(vars, 'staffid') ? toInt(str(vars, 'staffid')) : 0,
    title,
    totalarticles: 0,
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
  recountKnowledgebase(store)
  return categoriesReply(store, [row])
}

const putCategory = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  const row = store.kbCategories.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_CATEGORY)
  const title = str(vars, 'title')
  if (title !== undefined && title.trim() === '') return badRequest('subject is empty')
  if (title !== undefined) row.title = title
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
  recountKnowledgebase(store)
  return categoriesReply(store, [row])
}

const deleteCategory = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store } = ctx
  const row = store.kbCategories.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_CATEGORY)
  const doomed = new Set<number>([row.id])
  for (let grew = true; grew;) {
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
  recountKnowledgebase(store)
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

/** `StripName` (F:1191-1211): `mb_substr` to the limit plus `...`. */
const cut = (text: string, limit: number): string => {
  const chars = Array.from(text)
  return chars.length > limit ? `${chars.slice(0, limit).join('')}...` : text
}

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
        ['totalcomments', a.totalcomments],
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
  xmlReply(
    parent(
      'kbarticles',
      rows.map((a) => renderArticle(store, a, listed))
    )
  )

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
  return articlesReply(
    ctx.store,
    page(linked, count, start).filter((a) => a.articlestatus === 1),
    true
  )
}

/**
 * `cleanSeoSubject` (M-KBArt l.314-334; `alphanum` Fn l.1883-1902): transliterated, each space → `-`, everything but
 * `[0-9a-zA-Z-]` dropped, lower-cased; empty → five random letters. Then made unique against **every** article,
 * itself included, by appending 1, 2, … (M-KBArt l.384-395, 464-475).
 */
const seoSubject = (store: Store, text: string): string => {
  const cleaned = text
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ /g, '-')
    .replace(/[^0-9a-z-]+/gi, '')
    .trim()
    .toLowerCase()
  const base = cleaned !== '' ? cleaned.replace(/_$/, '') : randomLetters()
  const taken = new Set(store.kbArticles.all().map((a) => a.seosubject))
  if (!taken.has(base)) return base
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`
}

/** `substr(str_shuffle('abcdefghijklmnopqrstuvwxyz'), 0, 5)`. */
const randomLetters = (): string => {
  const letters = 'abcdefghijklmnopqrstuvwxyz'.split('')
  for (let i = letters.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[letters[i], letters[j]] = [letters[j] as string, letters[i] as string]
  }
  return letters.slice(0, 5).join('')
}

/** `1` → published (the sandbox's staff may publish), `2` → draft, anything else → pending approval. */
const articleStatus = (value: string | undefined): number => (value?.trim() === '1' ? 1 : value?.trim() === '2' ? 2 : 3)

/**
 * Category links (KB-Art l.435-445): omitted or blank → the top level 0; otherwise the ids found in the category cache
 * (in its order, by display order; 0 is not a cached category); if none is found, the list as sent.
 */
const categoryLinks = (store: Store, vars: Context['vars']): Array<number> => {
  const list = str(vars, 'categoryid')
  if (list === undefined || list.trim() === '') return [0]
  const sent = list.split(',')
  const known = byDisplayOrder(store.kbCategories.all())
    .filter((c) => sent.includes(String(c.id)))
    .map((c) => c.id)
  return known.length > 0 ? known : sent.map((s) => toInt(s))
}

const postArticle = (ctx: Context): Reply => {
  const { store, vars } = ctx
  // Checks in order (KB-Art l.382-408): `subject` and `creatorid` also refuse '0' (`empty()`), `contents` only blanks.
  if (blankOrZero(vars, 'subject')) return badRequest('Subject field is empty')
  const contents = str(vars, 'contents') ?? ''
  if (contents.trim() === '') return badRequest('Content field is empty')
  if (blankOrZero(vars, 'creatorid')) return badRequest('creatorid is empty')
  const staff = store.staff.get(toInt(str(vars, 'creatorid')))
  if (staff === undefined) return badRequest('Invalid Staff ID')
  const subject = str(vars, 'subject') ?? ''
  const row = store.kbArticles.insert({
    categoryids: categoryLinks(store, vars),
    creator: 2,
    creatorid: staff.id,
    // `Create` is handed the staff's name and e-mail but never writes them (M-KBArt l.399-400): both stay empty.
    author: '',
    email: '',
    subject,
    seosubject: seoSubject(store, given(vars, 'seosubject') ? (str(vars, 'seosubject') ?? '') : subject),
    isedited: false,
    editeddateline: 0,
    editedstaffid: 0,
    views: 0,
    isfeatured: given(vars, 'isfeatured'),
    // Default 1, and 0 is ignored: comments cannot be switched off on creation.
    allowcomments: true,
    totalcomments: 0,
    hasattachments: false,
    dateline: ctx.now,
    articlestatus: articleStatus(str(vars, 'articlestatus')),
    articlerating: 0,
    ratinghits: 0,
    ratingcount: 0,
    // Subject and contents are stored as sent, untrimmed.
    contents
  })
  recountKnowledgebase(store)
  return articlesReply(store, [row])
}

const putArticle = (ctx: Context, [id]: ReadonlyArray<string>): Reply => {
  const { store, vars } = ctx
  if (blankOrZero(vars, 'editedstaffid')) return badRequest('editedstaffid is empty')
  const row = store.kbArticles.get(intArg(id))
  if (row === undefined) return badRequest(INVALID_ARTICLE)
  // Subject and contents are checked before the staff member (KB-Art l.519-551).
  const subject = str(vars, 'subject')
  if (subject !== undefined && subject.trim() === '') return badRequest('subject is empty')
  const contents = str(vars, 'contents')
  if (contents !== undefined && contents.trim() === '') return badRequest('contents is empty')
  const staff = store.staff.get(toInt(str(vars, 'editedstaffid')))
  if (staff === undefined) return badRequest('Invalid Staff ID')
  if (subject !== undefined) row.subject = subject
  if (contents !== undefined) row.contents = contents
  const seo = str(vars, 'seosubject') ?? ''
  if (given(vars, 'seosubject') && seo !== row.seosubject) row.seosubject = seoSubject(store, seo)
  // The update rewrites what is not sent (spec §2.2 gotchas).
  row.isfeatured = given(vars, 'isfeatured')
  row.allowcomments = given(vars, 'allowcomments')
  row.categoryids = categoryLinks(store, vars)
  row.isedited = true
  row.editeddateline = ctx.now
  row.editedstaffid = staff.id
  // `Update` recounts the categories before `UpdateStatus` changes the status (KB-Art l.576-588): the counters see
  // the old status until the next recount.
  recountKnowledgebase(store)
  row.articlestatus = articleStatus(str(vars, 'articlestatus'))
  return articlesReply(store, [row])
}

export const KnowledgebaseArticle: Controller = {
  actions: {
    getlist: allArticles,
    listall: listArticles,
    getarticlecount: (ctx, [category]) =>
      emptyArg(category) ? { status: 200, body: '' } : xmlReply(parent('kbarticles', leaf('totalarticles', linkedArticles(ctx.store, intArg(category)))))
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
    recountKnowledgebase(ctx.store)
    return deleted
  }
}

// --- Comment (§2.3) and Attachment (§2.4)

export const KnowledgebaseComment: Controller = commentController({
  route: '/Knowledgebase/Comment',
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
