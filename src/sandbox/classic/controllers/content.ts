/**
 * What the Knowledgebase, News and Troubleshooter controllers share (spec kb-news-troubleshooter §1): PHP `empty()`
 * on ids, comma-separated id lists, the plain-text output of an uncaught exception, the HTML escaping and size
 * formatting some fields get, and the comment and attachment controllers, which are one piece of server code each.
 */
import { fromBase64, toBase64 } from '../../../core/bytes'
import { badRequest, deleted, notFound, xmlReply, type Context, type Controller, type Reply } from '../controller'
import type { ContentAttachmentRow, ContentCommentRow } from '../contentRows'
import type { Store } from '../store'
import { isEmpty, str, toInt, trimmed, type PhpArray } from '../vars'
import { leaf, leaves, parent } from '../xml'
import { mimeType } from './common'

/** The helpdesk's web address, for the links the server puts in its answers. */
export const HELPDESK_URL = 'https://helpdesk.example'

/** The address the sandbox reports as the API caller's. */
const CALLER_IP = '127.0.0.1'

/** PHP `empty()` of a route argument: absent, '' or '0'. */
export const emptyArg = (arg: string | undefined): boolean => arg === undefined || arg === '' || arg === '0'

/** A route argument as the server's `(int)` cast reads it. */
export const intArg = (arg: string | undefined): number => toInt(arg)

/** The server reads many optional fields only when set and PHP-`!empty()` (spec §1.3). */
export const given = (vars: PhpArray, name: string): boolean => !isEmpty(vars, name)

/**
 * The output of an exception nobody catches in the `api` interface (spec §1.4): plain text, status 200, the XML
 * content type left as the controller set it.
 */
export const uncaught = (route: string, message: string, file: string): Reply => ({
  status: 200,
  body: `Uncaught Exception\nRouter: ${route}\n${message} in ${file}\n\n${'='.repeat(64)}\n#0 {main}\n`
})

/** PHP `htmlspecialchars` with `ENT_QUOTES`. */
export const htmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;')

export const stripTags = (html: string, keep: ReadonlyArray<string> = []): string =>
  html.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g, (tag, name: string) => (keep.includes(name.toLowerCase()) ? tag : ''))

/** `FormattedSize` (Fn l.713-738) with the English language pack: kilobytes below 1 MB, always two decimals. */
const formattedSize = (bytes: number): string => {
  const [value, unit] = bytes < 1048576 ? [bytes / 1024, 'KB'] : bytes < 1073741824 ? [bytes / 1048576, 'MB'] : [bytes / 1073741824, 'GB']
  return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unit}`
}

/** `<usergroupidlist><usergroupid>…` and the like. */
export const idList = (container: string, item: string, ids: ReadonlyArray<number>): string =>
  parent(
    container,
    ids.map((id) => leaf(item, id))
  )

/**
 * `array_intersect(array_keys($cache), explode(',', $list))`: the ids that exist, in the cache's order (by id), each
 * once (e.g. KB-Cat l.340, N-Item l.497). `array_intersect` compares string forms, so ` 2` or `02` is no id.
 */
export const knownIds = (known: ReadonlyArray<{ id: number }>, vars: PhpArray, name: string): Array<number> => {
  const sent = new Set((str(vars, name) ?? '').split(','))
  return known.filter((row) => sent.has(String(row.id))).map((row) => row.id)
}

/** User and staff group lists as the server stores them: only ids that exist. */
export const userGroupIds = (store: Store, vars: PhpArray, name = 'usergroupidlist'): Array<number> => knownIds(store.userGroups.all(), vars, name)

export const staffGroupIds = (store: Store, vars: PhpArray, name = 'staffgroupidlist'): Array<number> => knownIds(store.staffGroups.all(), vars, name)

/** A required text the server checks with `trim() == ''` and PHP `empty()`, so `'0'` is missing too. */
export const blankOrZero = (vars: PhpArray, name: string): boolean => trimmed(vars, name) === '' || isEmpty(vars, name)

/** PHP `empty()` of a value already read. */
export const emptyValue = (value: string | undefined): boolean => value === undefined || value === '' || value === '0'

/**
 * `SWIFT_KnowledgebaseCategory::RebuildCache(true)` → `RecountKBTree` (M-KBCat l.611-718, setting `kb_parcount` = 1):
 * from the top-level categories down, each category's `totalarticles` becomes the number of **published** articles
 * linked to it plus those of its sub-categories. Run where the server runs it: article create/update/delete and
 * category create/update/delete. Categories under a parent that no longer exists are not reached and keep their count.
 */
export const recountKnowledgebase = (store: Store): void => {
  const published = (categoryId: number) => store.kbArticles.where((a) => a.articlestatus === 1 && a.categoryids.includes(categoryId)).length
  const seen = new Set<number>()
  const count = (parentId: number): number => {
    let total = 0
    for (const c of store.kbCategories.where((c) => c.parentkbcategoryid === parentId)) {
      if (seen.has(c.id)) continue
      seen.add(c.id)
      c.totalarticles = count(c.id) + published(c.id)
      total += c.totalarticles
    }
    return total
  }
  count(0)
}

/**
 * `SWIFT_NewsCategory::RebuildCache` (M-NCat l.330-341): `newsitemcount` is set from the category links, grouped by
 * category, so a category with no linked item left keeps its old count. Run on item create/update/delete and on
 * category create/update (not on category delete).
 */
export const recountNews = (store: Store): void => {
  const counts = new Map<number, number>()
  for (const n of store.newsItems.all()) for (const c of n.categoryids) counts.set(c, (counts.get(c) ?? 0) + 1)
  for (const c of store.newsCategories.all()) {
    const count = counts.get(c.id)
    if (count !== undefined) c.newsitemcount = count
  }
}

/** The attachments listed inside an article or a step (only when its `hasattachments` is set). */
export const embeddedAttachments = (
  store: Store,
  linktype: number,
  linkid: number,
  hasAttachments: boolean,
  link: (a: ContentAttachmentRow) => string
): string =>
  parent(
    'attachments',
    hasAttachments
      ? store.contentAttachments
          .where((a) => a.linktype === linktype && a.linkid === linkid)
          .map((a) =>
            parent(
              'attachment',
              leaves([
                ['id', a.id],
                ['filename', htmlEscape(a.filename)],
                ['filesize', formattedSize(a.bytes.length)],
                ['link', link(a)]
              ])
            )
          )
      : []
  )

/** Deletes the comments of an article, news item … */
export const deleteComments = (store: Store, commenttype: number, typeid: number): void => {
  for (const c of store.contentComments.where((c) => c.commenttype === commenttype && c.typeid === typeid)) store.contentComments.delete(c.id)
}

export const deleteAttachments = (store: Store, linktype: number, linkid: number): void => {
  for (const a of store.contentAttachments.where((a) => a.linktype === linktype && a.linkid === linkid)) store.contentAttachments.delete(a.id)
}

// ---------------------------------------------------------------------------------------------------------------
// Comments (spec §1.6)

const COMMENT_MODEL = '/__swift/apps/base/models/Comment/class.SWIFT_Comment.php:268'

export interface CommentApp {
  /** The route, for the text of an uncaught exception. */
  readonly route: string
  readonly commenttype: number
  readonly root: string
  readonly item: string
  /** The parent element in the answers. */
  readonly xmlParent: string
  /** The parent field of a POST. */
  readonly formParent: string
  readonly parentMissing: string
  readonly parentInvalid: string
  readonly userInvalid: string
  /** The parent's page in the helpdesk, or undefined when the parent does not exist. */
  readonly parentUrl: (store: Store, parentId: number) => string | undefined
}

const renderComment = (app: CommentApp, c: ContentCommentRow): string =>
  parent(
    app.item,
    leaves([
      ['id', c.id],
      [app.xmlParent, c.typeid],
      ['creatortype', c.creatortype],
      ['creatorid', c.creatorid],
      ['fullname', c.fullname],
      ['email', c.email],
      ['ipaddress', c.ipaddress],
      ['dateline', c.dateline],
      ['parentcommentid', c.parentcommentid],
      ['commentstatus', c.commentstatus],
      ['useragent', c.useragent],
      ['referrer', c.referrer],
      ['parenturl', c.parenturl],
      ['contents', c.contents]
    ])
  )

export const commentController = (app: CommentApp): Controller => {
  const answer = (rows: ReadonlyArray<ContentCommentRow>): Reply =>
    xmlReply(
      parent(
        app.root,
        rows.map((c) => renderComment(app, c))
      )
    )
  const ofType = (store: Store) => store.contentComments.where((c) => c.commenttype === app.commenttype)
  const list = (ctx: Context): Reply => answer(ofType(ctx.store))

  const post = (ctx: Context): Reply => {
    const { store, vars } = ctx
    // Checks in the server's order (KB-Com l.299-381): contents, parent id, creator type, then the parent lookup.
    const contents = str(vars, 'contents') ?? ''
    if (contents.trim() === '') return badRequest('Content field is empty')
    if (blankOrZero(vars, app.formParent)) return badRequest(app.parentMissing)
    if (blankOrZero(vars, 'creatortype')) return badRequest('Creator type field is empty')
    const parentId = toInt(str(vars, app.formParent))
    const parentUrl = app.parentUrl(store, parentId)
    if (parentUrl === undefined) return badRequest(app.parentInvalid)
    const creatortype = toInt(str(vars, 'creatortype'))
    const creatorid = blankOrZero(vars, 'creatorid') ? 0 : toInt(str(vars, 'creatorid'))
    // Text is stored as sent, untrimmed (M-Com `Create` l.271-281).
    let fullname = str(vars, 'fullname') ?? ''
    if (creatortype === 1) {
      if (store.staff.get(creatorid) === undefined) return badRequest('Invalid staff ID')
      fullname = store.staffName(creatorid)
    } else if (creatortype === 2) {
      if (creatorid !== 0) {
        const user = store.users.get(creatorid)
        if (user === undefined) return badRequest(app.userInvalid)
        fullname = user.fullname
      } else if (fullname.trim() === '') {
        return badRequest('Full name field is empty')
      }
    } else {
      return badRequest('Invalid creator type')
    }
    // The model refuses an `empty()` name or contents ('0') by throwing, outside any `try` (M-Com l.267-268).
    if (emptyValue(fullname) || emptyValue(contents)) return uncaught(app.route, 'Invalid data provided', COMMENT_MODEL)
    const email = str(vars, 'email') ?? ''
    // Staff comments are approved; with the default settings (no Akismet, `security_autoapprovecomments` = 0) others
    // wait (KB-Com l.389-396; `SWIFT_CommentManager::CheckCommentContents` l.287-309).
    const commentstatus = creatorid !== 0 && creatortype === 1 ? 2 : 1
    const row = store.contentComments.insert({
      commenttype: app.commenttype,
      typeid: parentId,
      creatortype,
      creatorid,
      fullname,
      email: email.trim() === '' ? '' : email,
      ipaddress: CALLER_IP,
      dateline: ctx.now,
      parentcommentid: toInt(str(vars, 'parentcommentid')),
      commentstatus,
      useragent: '',
      referrer: '',
      parenturl: parentUrl,
      contents
    })
    return answer([row])
  }

  return {
    actions: {
      getlist: list,
      listall: (ctx, [parentArg]) => (emptyArg(parentArg) ? list(ctx) : answer(ofType(ctx.store).filter((c) => c.typeid === intArg(parentArg))))
    },
    getList: list,
    get: (ctx, [id]) => {
      if (emptyArg(id)) return list(ctx)
      const row = ctx.store.contentComments.get(intArg(id))
      return answer(row === undefined || row.commenttype !== app.commenttype ? [] : [row])
    },
    post,
    // KB-Com l.434-443 and its siblings: plain text, status 200.
    put: () => ({ status: 200, body: 'Put not implemented' }),
    delete: (ctx, [id]) => {
      // No existence or type check: any comment with that id goes (spec §1.6).
      ctx.store.contentComments.delete(intArg(id))
      return deleted
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Attachments (spec §1.7)

export interface AttachmentApp {
  readonly route: string
  readonly linktype: number
  readonly root: string
  readonly item: string
  readonly xmlParent: string
  readonly formParent: string
  readonly parentMissing: string
  readonly parentNotFound: string
  /** `Attachment does not belong to the specified article` / `…step` (GET). */
  readonly elsewhere: string
  readonly parentExists: (store: Store, id: number) => boolean
  /** After an upload (the troubleshooter sets the step's `hasattachments`; the Knowledgebase does not). */
  readonly uploaded: (store: Store, parentId: number) => void
}

export const attachmentController = (app: AttachmentApp): Controller => {
  const render = (a: ContentAttachmentRow): string =>
    parent(
      app.item,
      leaves([
        ['id', a.id],
        [app.xmlParent, a.linkid],
        ['filename', a.filename],
        ['filesize', a.bytes.length],
        ['filetype', a.filetype],
        ['dateline', a.dateline],
        ['contents', toBase64(a.bytes)]
      ])
    )
  const answer = (rows: ReadonlyArray<ContentAttachmentRow>): Reply => xmlReply(parent(app.root, rows.map(render)))

  /** Parent, then attachment; only the link id is compared, not the link type (KB-Att l.197). */
  const find = (store: Store, [parentArg, idArg]: ReadonlyArray<string>, elsewhere: (text: string) => Reply): Reply | ContentAttachmentRow => {
    const parentId = intArg(parentArg)
    if (!app.parentExists(store, parentId)) return badRequest(app.parentNotFound)
    const row = store.contentAttachments.get(intArg(idArg))
    if (row === undefined) return notFound('Attachment not Found')
    if (row.linkid !== parentId) return elsewhere(app.elsewhere)
    return row
  }

  return {
    actions: {
      getlist: () => badRequest('Not Implemented.'),
      listall: (ctx, [parentArg, idArg]) => {
        const parentId = intArg(parentArg)
        if (!app.parentExists(ctx.store, parentId)) return badRequest(app.parentNotFound)
        // An optional second argument narrows the list to that attachment (KB-Att l.113-116).
        const only = emptyArg(idArg) ? undefined : intArg(idArg)
        return answer(ctx.store.contentAttachments.where((a) => a.linktype === app.linktype && a.linkid === parentId && (only === undefined || a.id === only)))
      }
    },
    getList: () => badRequest('Not Implemented.'),
    get: (ctx, args) => {
      const found = find(ctx.store, args, notFound)
      return 'status' in found ? found : answer([found])
    },
    post: (ctx) => {
      const { store, vars } = ctx
      if (blankOrZero(vars, app.formParent)) return badRequest(app.parentMissing)
      const parentId = toInt(str(vars, app.formParent))
      if (!app.parentExists(store, parentId)) return badRequest(app.parentNotFound)
      if (blankOrZero(vars, 'filename')) return badRequest('No file name specified')
      // The name is stored as sent; `contents` only has to be present, so an empty file is accepted (KB-Att l.268-280).
      const filename = str(vars, 'filename') ?? ''
      const contents = str(vars, 'contents')
      if (contents === undefined) return badRequest('No contents specified')
      // `base64_decode` is lenient: characters outside the alphabet are skipped.
      const bytes = fromBase64(contents.replace(/[^A-Za-z0-9+/=]/g, ''))
      const row = store.contentAttachments.insert({
        linktype: app.linktype,
        linkid: parentId,
        filename,
        filetype: mimeType(filename),
        dateline: ctx.now,
        bytes: bytes._tag === 'Right' ? bytes.right : new Uint8Array(0)
      })
      app.uploaded(store, parentId)
      return answer([row])
    },
    put: () => uncaught(app.route, 'Undeclared Function Called in API Controller: Put', '/__swift/library/Controllers/class.Controller_api.php:256'),
    delete: (ctx, args) => {
      // DELETE answers an attachment of another article with 400, and with the article text for both apps.
      const found = find(ctx.store, args, () => badRequest('Attachment does not belong to the specified article'))
      if ('status' in found) return found
      ctx.store.contentAttachments.delete(found.id)
      return deleted
    }
  }
}
