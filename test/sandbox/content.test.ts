// Every Knowledgebase, News and Troubleshooter call end to end: the client's modules through the real executor
// (signing, encoding, parsing, decoding) against the sandbox's controllers and seed, twice, like e2e.test.ts: over
// real HTTP (fetchTransport → startSandbox) and without sockets (sandboxTransport). Every test starts from the seed.
// Then raw requests for the dispatcher's quirks, and a fuzz run that must never make these controllers fail.
import * as E from 'fp-ts/Either'
import * as O from 'fp-ts/Option'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import * as Associated from '../../src/classic/internal/associatedContent'
import { CommentCreatorType, CommentStatus } from '../../src/classic/internal/comments'
import { classic, type ClassicExecutor } from '../../src/classic/internal/executor'
import * as Classic from '../../src/classic/index'
import * as KnowledgebaseArticle from '../../src/classic/KnowledgebaseArticle'
import * as KnowledgebaseAttachment from '../../src/classic/KnowledgebaseAttachment'
import * as KnowledgebaseCategory from '../../src/classic/KnowledgebaseCategory'
import * as KnowledgebaseComment from '../../src/classic/KnowledgebaseComment'
import * as NewsCategory from '../../src/classic/NewsCategory'
import * as NewsComment from '../../src/classic/NewsComment'
import * as NewsItem from '../../src/classic/NewsItem'
import * as NewsSubscriber from '../../src/classic/NewsSubscriber'
import type { ClassicRequest } from '../../src/classic/internal/request'
import * as TroubleshooterAttachment from '../../src/classic/TroubleshooterAttachment'
import * as TroubleshooterCategory from '../../src/classic/TroubleshooterCategory'
import * as TroubleshooterComment from '../../src/classic/TroubleshooterComment'
import * as TroubleshooterStep from '../../src/classic/TroubleshooterStep'
import type { KayakoError } from '../../src/core/error'
import { fetchTransport } from '../../src/core/http'
import { createSandbox, sandboxTransport, type Sandbox } from '../../src/sandbox/handler'
import { startSandbox } from '../../src/sandbox/server'
import { authPairs, call, children, form, root, text as childText } from '../support/sandbox'
import type { XmlElement } from '../../src/classic/internal/xml'

const NOW = 1700000000
const { staff: STAFF, user: USER } = CommentCreatorType
const { ArticleStatus } = KnowledgebaseArticle
const { NewsStatus } = NewsItem
const { KnowledgebaseCategoryType } = KnowledgebaseCategory
const { TroubleshooterCategoryType } = TroubleshooterCategory
const { StepStatus } = TroubleshooterStep

/** `[_tag, status, messages]` of an error. */
const summary = (e: KayakoError) => [e._tag, 'status' in e ? e.status : undefined, 'messages' in e ? e.messages : undefined]

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (b: Uint8Array) => new TextDecoder().decode(b)

/** The modules of this suite: their builders must all run in each end-to-end suite below (e2e.test.ts leaves them here). */
const CONTENT_MODULES = /^(Knowledgebase|News|Troubleshooter)/

interface Context {
  readonly run: ClassicExecutor
  readonly sandbox: Sandbox
  readonly close: () => Promise<void>
}

const endToEnd = (name: string, start: () => Promise<Context>) => {
  const test = suite(name)
  let ctx: Context
  const exercised = new Set<string>()
  test.before(async () => {
    ctx = await start()
  })
  test.after(async () => {
    await ctx.close()
  })

  /** Back to the seed; the helpers run through a recording executor. */
  const setup = () => {
    ctx.sandbox.reset()
    const run: ClassicExecutor = (req) => {
      exercised.add(req.operation)
      return ctx.run(req)
    }
    const ok = async <A>(req: ClassicRequest<A>): Promise<A> => {
      const r = await run(req)()
      if (E.isLeft(r)) throw new Error(`${req.operation} failed: ${JSON.stringify(r.left)}`)
      return r.right
    }
    const fails = async (req: ClassicRequest<unknown>): Promise<KayakoError> => {
      const r = await run(req)()
      if (E.isRight(r)) throw new Error(`${req.operation} should have failed, got ${JSON.stringify(r.right)}`)
      return r.left
    }
    const some = async <A>(req: ClassicRequest<O.Option<A>>): Promise<A> => {
      const r = await ok(req)
      if (O.isNone(r)) throw new Error(`${req.operation}: expected an object`)
      return r.value
    }
    return { sandbox: ctx.sandbox, run, ok, fails, some }
  }

  // --- Knowledgebase

  test('KnowledgebaseCategory: the seeded tree, paging, create, update, delete with sub-categories', async () => {
    const { ok, some, fails } = setup()
    const all = await ok(KnowledgebaseCategory.all())
    assert.equal(
      all.map((c) => [c.id, c.title, c.parentKbCategoryId, c.categoryType, c.totalArticles, c.isPublished]),
      // `totalarticles` counts the published articles of the whole subtree (M-KBCat l.672-718, `kb_parcount` = 1).
      [
        [1, 'Getting Started', 0, 1, 3, true],
        [2, 'Accounts & Passwords', 1, 2, 2, true],
        [3, 'Staff Handbook', 0, 3, 0, false]
      ]
    )
    assert.equal([all[2]?.staffVisibilityCustom, all[2]?.staffGroupIds], [true, [1]])
    assert.equal(
      (await ok(KnowledgebaseCategory.all({ count: 1, start: 1 }))).map((c) => c.id),
      [2]
    )
    assert.equal(
      (await ok(KnowledgebaseCategory.all({ sortField: 'title', sortOrder: 'DESC' }))).map((c) => c.title),
      ['Staff Handbook', 'Getting Started', 'Accounts & Passwords']
    )
    assert.is((await some(KnowledgebaseCategory.get(2))).title, 'Accounts & Passwords')
    assert.equal(await ok(KnowledgebaseCategory.get(99)), O.none)

    const created = await ok(
      KnowledgebaseCategory.post({
        title: 'Billing',
        categoryType: KnowledgebaseCategoryType.inherit,
        parentCategoryId: 1,
        isPublished: true,
        userVisibilityCustom: true,
        userGroupIds: [2, 99],
        staffId: 2
      })
    )
    assert.equal(
      [created.id, created.parentKbCategoryId, created.categoryType, created.isPublished, created.allowComments, created.userGroupIds, created.staffId],
      [4, 1, KnowledgebaseCategoryType.inherit, true, false, [2], 2]
    )
    const updated = await ok(KnowledgebaseCategory.put(4, { title: 'Billing & Plans', parentCategoryId: 2, allowRating: true }))
    assert.equal([updated.title, updated.parentKbCategoryId, updated.allowRating, updated.isPublished, updated.staffId], ['Billing & Plans', 2, true, true, 0])
    assert.equal(summary(await fails(KnowledgebaseCategory.put(99, { title: 'x' }))), ['ApiError', 400, ['Invalid category id']])

    await ok(KnowledgebaseCategory.delete(1))
    assert.equal(
      (await ok(KnowledgebaseCategory.all())).map((c) => c.id),
      [3],
      'sub-categories go with their parent'
    )
    assert.equal((await some(KnowledgebaseArticle.get(2))).categoryIds, [], 'the articles stay, without the links')
    assert.equal(summary(await fails(KnowledgebaseCategory.delete(1))), ['ApiError', 400, ['Invalid category id']])
  })

  test('KnowledgebaseArticle: lists, count, create, update (and its rewrites), delete', async () => {
    const { ok, some, fails } = setup()
    assert.equal(
      (await ok(KnowledgebaseArticle.all())).map((a) => [a.id, a.articleStatus]),
      [
        [1, ArticleStatus.published],
        [2, ArticleStatus.published],
        [3, ArticleStatus.draft]
      ]
    )
    const inAccounts = await ok(KnowledgebaseArticle.all(2))
    assert.equal(
      inAccounts.map((a) => [a.id, a.isFeatured]),
      [
        [2, true],
        [1, false]
      ]
    )
    assert.equal(await ok(KnowledgebaseArticle.all(0)), [], 'the top level holds only a draft')
    assert.equal(
      (await ok(KnowledgebaseArticle.all(2, { count: 1, start: 1 }))).map((a) => a.id),
      [1]
    )
    assert.is(await ok(KnowledgebaseArticle.count(2)), 2)

    const reset = await some(KnowledgebaseArticle.get(1))
    assert.equal(
      [reset.subject, reset.creator, reset.author, reset.isEdited, reset.editedStaffId, reset.totalComments, reset.articleRating, reset.hasAttachments],
      // `Create` never writes `author` (M-KBArt l.399-400); nothing updates `totalcomments` in 4.98.8.
      ['Resetting your password', KnowledgebaseArticle.ArticleCreator.staff, '', true, 2, 0, 4.5, true]
    )
    assert.equal(
      reset.attachments.map((a) => [a.id, a.fileName, a.fileSize]),
      [[1, 'reset-steps.txt', '0.08 KB']]
    )
    assert.match(reset.contentsText, 'Forgot password & follow the e-mail.')

    const created = await ok(
      KnowledgebaseArticle.post({ subject: 'Invoices <2024>', contents: '<p>Where to find them</p>', creatorId: 3, isFeatured: true, categoryIds: [2] })
    )
    assert.equal(
      [created.id, created.articleStatus, created.author, created.seoSubject, created.isFeatured, created.allowComments, created.categoryIds],
      [4, ArticleStatus.pendingApproval, '', 'invoices-2024', true, true, [2]]
    )
    const listed = (await ok(KnowledgebaseArticle.all(2))).map((a) => a.subject)
    assert.not.ok(listed.includes('Invoices <2024>'), 'pending articles are not listed')
    const published = await ok(
      KnowledgebaseArticle.put(4, { editedStaffId: 1, articleStatus: ArticleStatus.published, categoryIds: [2], isFeatured: true, allowComments: true })
    )
    assert.equal(
      [published.articleStatus, published.isEdited, published.editedStaffId, published.editedDateline?.getTime()],
      [ArticleStatus.published, true, 1, NOW * 1000]
    )
    assert.ok(
      (await ok(KnowledgebaseArticle.all(2))).some((a) => a.subject === 'Invoices <2024>'),
      'the escaped list subject decodes back'
    )
    const rewritten = await ok(KnowledgebaseArticle.put(4, { editedStaffId: 1, subject: 'Invoices' }))
    assert.equal(
      [rewritten.subject, rewritten.articleStatus, rewritten.categoryIds, rewritten.isFeatured, rewritten.allowComments],
      ['Invoices', ArticleStatus.pendingApproval, [0], false, false]
    )

    assert.equal(summary(await fails(KnowledgebaseArticle.post({ subject: 's', contents: 'c', creatorId: 99 }))), ['ApiError', 400, ['Invalid Staff ID']])
    assert.equal(summary(await fails(KnowledgebaseArticle.put(99, { editedStaffId: 1 }))), ['ApiError', 400, ['Invalid article id']])
    await ok(KnowledgebaseArticle.delete(1))
    assert.equal(await ok(KnowledgebaseComment.all(1)), [], 'comments go with the article')
    assert.equal(summary(await fails(KnowledgebaseArticle.delete(1))), ['ApiError', 400, ['Invalid article id']])
  })

  test('KnowledgebaseComment: lists, get, post (staff and guest), no update, delete', async () => {
    const { ok, some, fails, run } = setup()
    const comments = await ok(KnowledgebaseComment.all(1))
    assert.equal(
      comments.map((c) => [c.id, c.kbArticleId, c.creatorType, c.fullName, c.parentCommentId, c.commentStatus]),
      [
        [1, 1, USER, 'John Doe', 0, CommentStatus.approved],
        [2, 1, STAFF, 'Alice Admin', 1, CommentStatus.approved]
      ]
    )
    assert.is((await ok(KnowledgebaseComment.all())).length, 2)
    assert.is((await some(KnowledgebaseComment.get(2))).contents, 'Check your spam folder, or ask us to send it again.')
    assert.equal(await ok(KnowledgebaseComment.get(3)), O.none, 'comment 3 is a news comment')

    const staff = await ok(KnowledgebaseComment.post(2, { contents: 'Also works with apps.', creatorType: STAFF, creatorId: 2, fullName: 'ignored' }))
    assert.equal(
      [staff.kbArticleId, staff.fullName, staff.commentStatus, staff.ipAddress, staff.parentUrl],
      [2, 'Bob Agent', CommentStatus.approved, '127.0.0.1', 'https://helpdesk.example/index.php?/Knowledgebase/Article/View/two-factor-authentication']
    )
    const guest = await ok(KnowledgebaseComment.post(2, { contents: 'Thanks!', creatorType: USER, fullName: 'Guest', email: 'g@mail.example' }))
    assert.equal([guest.creatorId, guest.fullName, guest.email, guest.commentStatus], [0, 'Guest', 'g@mail.example', CommentStatus.pending])
    // The stored counter is never updated (no 4.98.8 code path writes `totalcomments`).
    assert.is((await some(KnowledgebaseArticle.get(2))).totalComments, 0)
    assert.equal(summary(await fails(KnowledgebaseComment.post(99, { contents: 'x', creatorType: STAFF, creatorId: 1 }))), [
      'ApiError',
      400,
      ['Invalid knowledgebasearticleid']
    ])
    assert.equal(summary(await fails(KnowledgebaseComment.post(2, { contents: 'x', creatorType: USER, creatorId: 99 }))), [
      'ApiError',
      400,
      ['Invalid user ID']
    ])

    await ok(KnowledgebaseComment.delete(guest.id))
    assert.equal(await ok(KnowledgebaseComment.get(guest.id)), O.none)
    await ok(KnowledgebaseComment.delete(12345))
    // The server's "Put not implemented" is plain text: the client offers no update, a raw PUT shows why.
    const raw = await run({ ...KnowledgebaseComment.get(1), method: 'PUT' })()
    assert.ok(E.isLeft(raw) && raw.left._tag === 'ParseError' && raw.left.message.includes('Put not implemented'))
  })

  test('KnowledgebaseAttachment: list, get, upload (bytes round trip), delete, the 400/404 texts', async () => {
    const { ok, fails } = setup()
    const [seeded] = await ok(KnowledgebaseAttachment.all(1))
    assert.equal([seeded?.id, seeded?.kbArticleId, seeded?.fileName, seeded?.fileType, seeded?.fileSize], [1, 1, 'reset-steps.txt', 'text/plain', 86])
    assert.match(text(seeded?.contents ?? new Uint8Array()), 'Forgot password')

    const binary = new Uint8Array([0, 1, 2, 253, 254, 255])
    const uploaded = await ok(KnowledgebaseAttachment.post(2, { fileName: 'data.bin', contents: binary }))
    assert.equal(
      [uploaded.kbArticleId, uploaded.fileName, uploaded.fileType, uploaded.fileSize, [...uploaded.contents]],
      [2, 'data.bin', 'application/octet-stream', 6, [...binary]]
    )
    assert.equal([...(await ok(KnowledgebaseAttachment.get(2, uploaded.id))).contents], [...binary])
    assert.is((await ok(KnowledgebaseArticle.get(2)))._tag, 'Some')
    assert.equal(
      O.map((a: KnowledgebaseArticle.KnowledgebaseArticle) => a.attachments)(await ok(KnowledgebaseArticle.get(2))),
      O.some([]),
      'the API upload does not set hasattachments'
    )

    assert.equal(summary(await fails(KnowledgebaseAttachment.get(1, 999))), ['ApiError', 404, ['Attachment not Found']])
    assert.equal(summary(await fails(KnowledgebaseAttachment.get(1, uploaded.id))), ['ApiError', 404, ['Attachment does not belong to the specified article']])
    assert.equal(summary(await fails(KnowledgebaseAttachment.get(99, 1))), ['ApiError', 400, ['Article not found']])
    assert.equal(summary(await fails(KnowledgebaseAttachment.delete(1, uploaded.id))), [
      'ApiError',
      400,
      ['Attachment does not belong to the specified article']
    ])
    assert.equal(summary(await fails(KnowledgebaseAttachment.post(99, { fileName: 'a.txt', contents: bytes('a') }))), ['ApiError', 400, ['Article not found']])
    await ok(KnowledgebaseAttachment.delete(2, uploaded.id))
    assert.equal(await ok(KnowledgebaseAttachment.all(2)), [])
  })

  // --- News

  test('NewsCategory: list, get, create (visibility), update, delete', async () => {
    const { ok, some, fails } = setup()
    assert.equal(
      (await ok(NewsCategory.all())).map((c) => [c.id, c.title, c.visibilityType, c.newsItemCount]),
      [
        [1, 'Product Updates', 'public', 2],
        [2, 'Maintenance', 'private', 1]
      ]
    )
    const created = await ok(NewsCategory.post({ title: 'Security', visibilityType: 'public' }))
    assert.equal([created.id, created.visibilityType, created.newsItemCount], [3, 'public', 0])
    assert.is((await ok(NewsCategory.put(3, { visibilityType: 'private' }))).visibilityType, 'private')
    assert.is((await some(NewsCategory.get(3))).title, 'Security')
    assert.equal(summary(await fails(NewsCategory.put(9, { title: 'x' }))), ['ApiError', 400, ['Invalid category ID']])
    await ok(NewsCategory.delete(1))
    assert.equal((await some(NewsItem.get(1))).categoryIds, [])
    assert.equal(summary(await fails(NewsCategory.delete(1))), ['ApiError', 400, ['Invalid category ID']])
  })

  test('NewsItem: all, active news per category, create with dates, update, delete', async () => {
    const { ok, some, fails } = setup()
    assert.equal(
      (await ok(NewsItem.all())).map((n) => [n.id, n.newsStatus]),
      [
        [1, NewsStatus.published],
        [2, NewsStatus.published],
        [3, NewsStatus.draft]
      ]
    )
    assert.equal(
      (await ok(NewsItem.all(1))).map((n) => n.id),
      [1],
      'active items of the category'
    )
    assert.equal(
      (await ok(NewsItem.all(0))).map((n) => n.id),
      [2, 1],
      'every active item, newest first'
    )
    const release = await some(NewsItem.get(1))
    assert.equal(
      [release.subject, release.author, release.emailSubject, release.totalComments, release.start, release.expiry],
      ['Version 5.0 released', 'Alice Admin', 'What is new in 5.0', 0, null, null]
    )

    const start = new Date(Date.UTC(2023, 10, 1, 9, 30, 0))
    const expiry = new Date(Date.UTC(2030, 0, 1, 0, 0, 0))
    const created = await ok(
      NewsItem.post({ staffId: 2, subject: 'Q&A session', contents: '<p>Join us</p>', categoryIds: [1], start, expiry, allowComments: false })
    )
    assert.equal(
      [
        created.id,
        created.newsType,
        created.newsStatus,
        created.author,
        created.start?.toISOString(),
        created.expiry?.toISOString(),
        created.allowComments,
        created.categoryIds
      ],
      [4, NewsItem.NewsType.global, NewsStatus.published, 'Bob Agent', start.toISOString(), expiry.toISOString(), false, [1]]
    )
    assert.equal(
      (await ok(NewsItem.all(1))).map((n) => [n.id, n.subject]),
      [
        [4, 'Q&A session'],
        [1, 'Version 5.0 released']
      ]
    )
    const updated = await ok(NewsItem.put(4, { editedStaffId: 1, subject: 'Q&A', contents: '<p>Moved</p>', newsStatus: NewsStatus.draft }))
    assert.equal(
      [updated.subject, updated.newsStatus, updated.start?.toISOString(), updated.allowComments],
      ['Q&A', NewsStatus.draft, start.toISOString(), false]
    )
    assert.equal(summary(await fails(NewsItem.post({ staffId: 99, subject: 's', contents: 'c' }))), ['ApiError', 400, ['Invalid Staff ID']])
    assert.equal(summary(await fails(NewsItem.put(4, { editedStaffId: 99, subject: 's', contents: 'c' }))), ['ApiError', 400, ['Staff ID is invalid']])
    await ok(NewsItem.delete(1))
    assert.equal(await ok(NewsComment.all(1)), [])
    assert.equal(summary(await fails(NewsItem.delete(1))), ['ApiError', 400, ['Invalid news item ID']])
  })

  test('NewsComment: lists, get, post, delete', async () => {
    const { ok, some, fails } = setup()
    assert.equal(
      (await ok(NewsComment.all(1))).map((c) => [c.id, c.newsItemId, c.creatorType, c.commentStatus]),
      [
        [3, 1, USER, CommentStatus.pending],
        [4, 1, STAFF, CommentStatus.approved]
      ]
    )
    assert.equal(
      (await ok(NewsComment.all())).map((c) => c.id),
      [3, 4]
    )
    assert.is((await some(NewsComment.get(4))).fullName, 'Bob Agent')
    const posted = await ok(NewsComment.post(2, { contents: 'Thanks for the notice', creatorType: USER, creatorId: 2 }))
    assert.equal([posted.newsItemId, posted.fullName, posted.parentUrl], [2, 'Jane Smith', 'https://helpdesk.example/index.php?/News/NewsItem/View/2'])
    assert.equal(summary(await fails(NewsComment.post(99, { contents: 'x', creatorType: USER, fullName: 'G' }))), ['ApiError', 400, ['Invalid newsitemid']])
    await ok(NewsComment.delete(posted.id))
    assert.equal((await ok(NewsComment.all(2))).length, 0)
  })

  test('NewsSubscriber: list, get, subscribe, change, unsubscribe', async () => {
    const { ok, some, fails } = setup()
    const [john] = await ok(NewsSubscriber.all())
    assert.equal([john?.id, john?.email, john?.isValidated, john?.userId, john?.userGroupId], [1, 'john.doe@acme.example', true, 1, 2])
    const created = await ok(NewsSubscriber.post({ email: 'Jane.Smith@Globex.example', sendEmails: false }))
    assert.equal([created.id, created.email, created.isValidated, created.userId], [2, 'jane.smith@globex.example', false, 2])
    assert.equal(summary(await fails(NewsSubscriber.post({ email: 'john.doe@acme.example' }))), [
      'ApiError',
      400,
      ['Subscription failed, please check if already subscribed']
    ])
    assert.is((await ok(NewsSubscriber.put(2, { email: 'jane@globex.example' }))).email, 'jane@globex.example')
    assert.is((await some(NewsSubscriber.get(2))).email, 'jane@globex.example')
    await ok(NewsSubscriber.delete(2))
    assert.equal(summary(await fails(NewsSubscriber.delete(2))), ['ApiError', 400, ['Invalid news subscriber ID']])
  })

  // --- Troubleshooter

  test('TroubleshooterCategory: list, get, create, update, delete; a missing staff is an uncaught exception', async () => {
    const { ok, some, fails } = setup()
    const [printers] = await ok(TroubleshooterCategory.all())
    assert.equal(
      [printers?.id, printers?.title, printers?.staffName, printers?.categoryType],
      [1, 'Printer problems', 'Alice Admin', TroubleshooterCategoryType.global]
    )
    const created = await ok(
      TroubleshooterCategory.post({
        title: 'Network',
        categoryType: TroubleshooterCategoryType.private,
        staffId: 2,
        description: 'Wi-Fi and VPN',
        displayOrder: 0
      })
    )
    assert.equal(
      [created.id, created.staffName, created.categoryType, created.description],
      [2, 'Bob Agent', TroubleshooterCategoryType.private, 'Wi-Fi and VPN']
    )
    assert.equal(
      (await ok(TroubleshooterCategory.all())).map((c) => c.id),
      [2, 1],
      'by display order'
    )
    const updated = await ok(TroubleshooterCategory.put(2, { title: 'Networking', userVisibilityCustom: true, userGroupIds: [3] }))
    assert.equal([updated.title, updated.userVisibilityCustom, updated.userGroupIds], ['Networking', true, [3]])
    assert.is((await some(TroubleshooterCategory.get(2))).title, 'Networking')
    const noStaff = await fails(TroubleshooterCategory.post({ title: 'X', categoryType: TroubleshooterCategoryType.global, staffId: 99 }))
    assert.is(noStaff._tag, 'ParseError')
    assert.equal(summary(await fails(TroubleshooterCategory.put(99, { title: 'x' }))), ['ApiError', 400, ['Invalid Troubleshooter Category ID']])
    await ok(TroubleshooterCategory.delete(1))
    assert.is((await some(TroubleshooterStep.get(1))).categoryId, 1, 'steps stay')
  })

  test('TroubleshooterStep: the seeded tree, create, update, the parent-list bug, delete', async () => {
    const { ok, some, fails } = setup()
    const steps = await ok(TroubleshooterStep.all())
    assert.equal(
      steps.map((s) => [s.id, s.parentStepIds, s.childStepIds]),
      [
        [1, [0], [2]],
        [2, [1], [3]],
        [3, [2], []]
      ]
    )
    const cable = await some(TroubleshooterStep.get(2))
    assert.equal(
      cable.attachments.map((a) => [a.id, a.fileName, a.fileSize, a.link]),
      [[2, 'wiring.txt', '0.04 KB', 'https://helpdesk.example/index.php?/Troubleshooter/Step/GetAttachment/1/2/2']]
    )
    const driver = await some(TroubleshooterStep.get(3))
    assert.equal(
      [driver.redirectTickets, driver.ticketSubject, driver.redirectDepartmentId, driver.ticketTypeId, driver.priorityId],
      [true, 'Printer still not working', 3, 1, 1]
    )

    const created = await ok(
      TroubleshooterStep.post({
        categoryId: 1,
        subject: 'Paper jam?',
        contents: '<p>Open the tray.</p>',
        staffId: 2,
        stepStatus: StepStatus.published,
        displayOrder: 2,
        allowComments: true
      })
    )
    assert.equal([created.id, created.staffName, created.parentStepIds, created.allowComments, created.displayOrder], [4, 'Bob Agent', [0], true, 2])
    const orphan = await ok(TroubleshooterStep.post({ categoryId: 1, subject: 'Child', contents: 'c', staffId: 1, parentStepIds: [1] }))
    assert.equal(orphan.parentStepIds, [], 'the 4.98.8 server drops every parent id it is sent')
    const edited = await ok(TroubleshooterStep.put(4, { editedStaffId: 1, subject: 'Paper jammed?', enableTicketRedirection: true, ticketPriorityId: 2 }))
    assert.equal(
      [edited.subject, edited.edited, edited.editedStaffName, edited.redirectTickets, edited.priorityId, edited.parentStepIds],
      ['Paper jammed?', true, 'Alice Admin', true, 2, [0]]
    )
    const badCategory = await fails(TroubleshooterStep.post({ categoryId: 99, subject: 's', contents: 'c', staffId: 1 }))
    assert.ok(badCategory._tag === 'ParseError' && badCategory.message.includes('Invalid data provided: invalid category'))
    assert.equal(summary(await fails(TroubleshooterStep.put(99, { editedStaffId: 1 }))), ['ApiError', 400, ['Step ID not found']])
    await ok(TroubleshooterStep.delete(2))
    assert.equal((await some(TroubleshooterStep.get(3))).parentStepIds, [], 'links to a deleted step go')
    assert.equal(summary(await fails(TroubleshooterStep.delete(2))), ['ApiError', 400, ['Step ID not found']])
  })

  test('TroubleshooterComment and TroubleshooterAttachment', async () => {
    const { ok, some, fails } = setup()
    assert.equal(
      (await ok(TroubleshooterComment.all(1))).map((c) => [c.id, c.troubleshooterStepId, c.fullName]),
      [[5, 1, 'Guest Reader']]
    )
    assert.equal(
      (await ok(TroubleshooterComment.all())).map((c) => c.id),
      [5]
    )
    assert.is((await some(TroubleshooterComment.get(5))).contents, 'The power light blinks orange.')
    const posted = await ok(TroubleshooterComment.post(3, { contents: 'Reinstalling fixed it.', creatorType: USER, creatorId: 3 }))
    assert.equal([posted.fullName, posted.parentUrl], ['Priya Patel', 'https://helpdesk.example/index.php?/Troubleshooter/Step/View/1/3'])
    assert.equal(summary(await fails(TroubleshooterComment.post(3, { contents: 'x', creatorType: USER, creatorId: 99 }))), [
      'ApiError',
      400,
      ['Invalid User ID']
    ])
    await ok(TroubleshooterComment.delete(posted.id))

    const [wiring] = await ok(TroubleshooterAttachment.all(2))
    assert.equal(
      [wiring?.id, wiring?.troubleshooterStepId, wiring?.fileName, text(wiring?.contents ?? new Uint8Array())],
      [2, 2, 'wiring.txt', 'USB: the square end goes into the printer.\n']
    )
    const uploaded = await ok(TroubleshooterAttachment.post(3, { fileName: 'driver.txt', contents: bytes('Driver 1.2') }))
    assert.equal([uploaded.fileType, text((await ok(TroubleshooterAttachment.get(3, uploaded.id))).contents)], ['text/plain', 'Driver 1.2'])
    assert.equal(
      (await some(TroubleshooterStep.get(3))).attachments.map((a) => a.fileName),
      ['driver.txt'],
      'the upload sets hasattachments'
    )
    assert.equal(summary(await fails(TroubleshooterAttachment.get(3, 2))), ['ApiError', 404, ['Attachment does not belong to the specified step']])
    assert.equal(summary(await fails(TroubleshooterAttachment.all(99))), ['ApiError', 400, ['Troubleshooter step not found']])
    await ok(TroubleshooterAttachment.delete(3, uploaded.id))
    assert.equal(summary(await fails(TroubleshooterAttachment.delete(3, uploaded.id))), ['ApiError', 404, ['Attachment not Found']])
  })

  test('associated objects resolve against the sandbox', async () => {
    const { ok, some } = setup()
    const article = await some(KnowledgebaseArticle.get(2))
    const categories = await Promise.all(Associated.kbCategoriesOf(article).map(ok))
    assert.equal(
      categories.map((c) => O.map((x: KnowledgebaseCategory.KnowledgebaseCategory) => x.title)(c)),
      [O.some('Getting Started'), O.some('Accounts & Passwords')]
    )
    const step = await some(TroubleshooterStep.get(2))
    const [parentStep] = await Promise.all(Associated.parentStepsOf(step).map(ok))
    assert.equal(O.map((s: TroubleshooterStep.TroubleshooterStep) => s.subject)(parentStep ?? O.none), O.some('Is the printer switched on?'))
    assert.is(text((await ok(Associated.stepAttachmentOf(step, step.attachments[0] ?? { id: 0 }))).contents), 'USB: the square end goes into the printer.\n')
    const comment = await some(NewsComment.get(4))
    assert.is((await some(Associated.newsItemOf(comment))).id, 1)
  })

  test('every builder of the Knowledgebase, News and Troubleshooter modules was run above', () => {
    const operations = contentOperations()
    assert.ok(operations.length >= 50, `found only ${operations.length} builders: the discovery is broken`)
    assert.equal(
      operations.filter((op) => !exercised.has(op)),
      []
    )
  })

  test.run()
}

/** `KnowledgebaseArticle.get` …: each exported function of each module, called without arguments (builders are total). */
const contentOperations = (): ReadonlyArray<string> => {
  const operations = new Set<string>()
  for (const [name, namespace] of Object.entries(Classic)) {
    if (!CONTENT_MODULES.test(name) || typeof namespace !== 'object' || namespace === null) continue
    for (const f of Object.values(namespace)) {
      if (typeof f !== 'function') continue
      const made = (f as () => { readonly operation?: unknown } | undefined)()
      if (typeof made?.operation === 'string') operations.add(made.operation)
    }
  }
  return [...operations].sort()
}

endToEnd('content end to end over HTTP (fetchTransport → startSandbox)', async () => {
  const running = await startSandbox({ now: () => NOW })
  return {
    run: classic({ url: running.url, apiKey: running.apiKey, secretKey: running.secretKey, transport: fetchTransport }),
    sandbox: running.sandbox,
    close: running.close
  }
})

endToEnd('content end to end without sockets (sandboxTransport)', async () => {
  const sandbox = createSandbox({ now: () => NOW })
  return {
    run: classic({ url: 'http://sandbox/api/index.php', apiKey: sandbox.apiKey, secretKey: sandbox.secretKey, transport: sandboxTransport(sandbox) }),
    sandbox,
    close: async () => {}
  }
})

const raw = suite('content controllers, raw requests')

raw('routing as the 4.98.8 dispatcher does it', async () => {
  const sandbox = createSandbox({ now: () => NOW })
  const handle = sandbox.handle
  // No ListAll on these controllers: the segment is looked up as an id.
  assert.equal(children(root(await call(handle, 'GET', '/Knowledgebase/Category/ListAll/10/0')), 'kbcategory'), [])
  assert.equal(children(root(await call(handle, 'GET', '/Troubleshooter/Step/ListAll')), 'troubleshooterstep'), [])
  // GetList is a public method; id 0 is `empty()`: both list everything.
  assert.is(children(root(await call(handle, 'GET', '/News/Category/GetList')), 'newscategory').length, 2)
  assert.is(children(root(await call(handle, 'GET', '/News/Comment/0')), 'newsitemcomment').length, 2)
  const notImplemented = await call(handle, 'GET', '/Knowledgebase/Attachment')
  assert.equal([notImplemented.status, notImplemented.body], [400, 'Not Implemented.'])
  const put = await call(handle, 'PUT', '/Troubleshooter/Comment/5', [['contents', 'x']])
  assert.equal([put.status, put.body], [200, 'Put not implemented'])
  const undeclared = await call(handle, 'PUT', '/Knowledgebase/Attachment/1/1')
  assert.equal([undeclared.status, undeclared.body.split('\n').slice(0, 2)], [200, ['Uncaught Exception', 'Router: /Knowledgebase/Attachment']])
  assert.match(undeclared.body, 'Undeclared Function Called in API Controller: Put')
  const publicNews = await call(handle, 'POST', '/News/NewsItem', [
    ['newstype', '2'],
    ['staffid', '1'],
    ['subject', 's'],
    ['contents', 'c']
  ])
  assert.equal([publicNews.status, publicNews.body], [200, ''], 'public news: an empty answer, nothing created')
  assert.is(sandbox.store.newsItems.all().length, 3)
  assert.equal([(await call(handle, 'GET', '/Knowledgebase/Article/GetArticleCount/0')).body], [''])
  // The update passes the posted value as a field name: a date sent to it resets the date.
  const reset = root(
    await call(handle, 'PUT', '/News/NewsItem/2', [
      ['editedstaffid', '1'],
      ['subject', 's'],
      ['contents', 'c'],
      ['expiry', '12/31/2030']
    ])
  )
  const [item] = children(reset, 'newsitem')
  assert.is(item === undefined ? undefined : childText(item, 'expiry'), '0')
})

/** path → the child element names under it, merged over every instance. */
const shape = (el: XmlElement, path = el.tagName, out: Record<string, Array<string>> = {}): Record<string, Array<string>> => {
  for (const child of children(el)) {
    const names = (out[path] ??= [])
    if (!names.includes(child.tagName)) names.push(child.tagName)
    shape(child, `${path}/${child.tagName}`, out)
  }
  return out
}

const names = (list: string): Array<string> => list.split(/\s+/).filter((n) => n !== '')

raw('the element names and order of spec §1.6, §2, §3, §4, for every object', async () => {
  const sandbox = createSandbox({ now: () => NOW })
  const served = async (route: string) => shape(root(await call(sandbox.handle, 'GET', route)))
  const comment = (parent: string) =>
    names(`id ${parent} creatortype creatorid fullname email ipaddress dateline parentcommentid commentstatus useragent referrer parenturl contents`)
  const attachment = (parent: string) => names(`id ${parent} filename filesize filetype dateline contents`)
  const embedded = names('id filename filesize link')
  assert.equal(await served('/Knowledgebase/Category/2'), {
    kbcategories: ['kbcategory'],
    'kbcategories/kbcategory': names(
      'id parentkbcategoryid staffid title totalarticles categorytype displayorder allowcomments uservisibilitycustom usergroupidlist staffvisibilitycustom staffgroupidlist allowrating ispublished'
    )
  })
  assert.equal((await served('/Knowledgebase/Category/3'))['kbcategories/kbcategory/staffgroupidlist'], ['staffgroupid'])
  assert.equal(await served('/Knowledgebase/Article/1'), {
    kbarticles: ['kbarticle'],
    'kbarticles/kbarticle': names(
      'kbarticleid contents contentstext categories creator creatorid author email subject seosubject isedited editeddateline editedstaffid views isfeatured allowcomments totalcomments hasattachments attachments dateline articlestatus articlerating ratinghits ratingcount'
    ),
    'kbarticles/kbarticle/categories': ['categoryid'],
    'kbarticles/kbarticle/attachments': ['attachment'],
    'kbarticles/kbarticle/attachments/attachment': embedded
  })
  assert.equal((await served('/Knowledgebase/Comment/1'))['kbarticlecomments/kbarticlecomment'], comment('kbarticleid'))
  assert.equal((await served('/Knowledgebase/Attachment/1/1'))['kbattachments/kbattachment'], attachment('kbarticleid'))
  assert.equal((await served('/News/Category/1'))['newscategories/newscategory'], names('id title newsitemcount visibilitytype'))
  assert.equal(await served('/News/NewsItem/1'), {
    newsitems: ['newsitem'],
    'newsitems/newsitem': names(
      'id staffid newstype newsstatus author email subject emailsubject dateline start expiry issynced totalcomments uservisibilitycustom usergroupidlist staffvisibilitycustom staffgroupidlist allowcomments contents categories'
    ),
    'newsitems/newsitem/categories': ['categoryid']
  })
  assert.equal((await served('/News/Comment/3'))['newsitemcomments/newsitemcomment'], comment('newsitemid'))
  assert.equal((await served('/News/Subscriber/1'))['newssubscribers/newssubscriber'], names('id tgroupid userid email isvalidated usergroupid'))
  assert.equal(
    (await served('/Troubleshooter/Category/1'))['troubleshootercategories/troubleshootercategory'],
    names('id staffid staffname title description categorytype displayorder views uservisibilitycustom usergroupidlist staffvisibilitycustom staffgroupidlist')
  )
  assert.equal(await served('/Troubleshooter/Step/2'), {
    troubleshootersteps: ['troubleshooterstep'],
    'troubleshootersteps/troubleshooterstep': names(
      'id categoryid staffid staffname subject edited editedstaffid editedstaffname displayorder views allowcomments hasattachments attachments parentsteps childsteps redirecttickets ticketsubject redirectdepartmentid tickettypeid priorityid contents'
    ),
    'troubleshootersteps/troubleshooterstep/attachments': ['attachment'],
    'troubleshootersteps/troubleshooterstep/attachments/attachment': embedded,
    'troubleshootersteps/troubleshooterstep/parentsteps': ['id'],
    'troubleshootersteps/troubleshooterstep/childsteps': ['id']
  })
  assert.equal((await served('/Troubleshooter/Comment/5'))['troubleshooterstepcomments/troubleshooterstepcomment'], comment('troubleshooterstepid'))
  assert.equal((await served('/Troubleshooter/Attachment/2/2'))['troubleshooterattachments/troubleshooterattachment'], attachment('troubleshooterstepid'))
})

raw('800 random requests to these controllers: every answer is 200, 400 or 404, never a sandbox error', async () => {
  const sandbox = createSandbox({ now: () => NOW })
  let state = 20261122
  const pick = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % n
  }
  const choose = <A>(xs: ReadonlyArray<A>): A => xs[pick(xs.length)] as A
  const routes = [
    'Knowledgebase/Category',
    'Knowledgebase/Article',
    'Knowledgebase/Comment',
    'Knowledgebase/Attachment',
    'News/Category',
    'News/NewsItem',
    'News/Comment',
    'News/Subscriber',
    'Troubleshooter/Category',
    'Troubleshooter/Step',
    'Troubleshooter/Comment',
    'Troubleshooter/Attachment'
  ]
  const segments = ['ListAll', 'GetList', 'GetArticleCount', '1', '2', '3', '0', '-1', '999', 'x', '']
  const names = [
    'title',
    'categorytype',
    'subject',
    'contents',
    'creatorid',
    'creatortype',
    'staffid',
    'editedstaffid',
    'categoryid',
    'parentstepidlist',
    'knowledgebasearticleid',
    'newsitemid',
    'troubleshooterstepid',
    'kbarticleid',
    'filename',
    'email',
    'fullname',
    'visibilitytype',
    'newstype',
    'start',
    'expiry',
    'start_hour',
    'start_minute',
    'usergroupidlist',
    'articlesortorder'
  ]
  const values = ['', '0', '1', '2', '3', '4', '9', '-1', 'x', '1,2,x', '12/31/2030', '2030-01-01 10:00', 'start', 'a@b.example', 'SGVsbG8=', '<b>&amp;</b>']
  const auth = await authPairs()
  const statuses = new Set<number>()
  for (let i = 0; i < 800; i++) {
    const route = ['', choose(routes), ...Array.from({ length: pick(3) }, () => choose(segments))].join('/')
    const fields: Array<[string, string]> = Array.from({ length: pick(7) }, () => [choose(names), choose(values)])
    const method = choose(['GET', 'POST', 'PUT', 'DELETE'] as const)
    const inQuery = method === 'GET' || method === 'DELETE'
    const pairs = form([...fields, ...auth])
    const response = await sandbox.handle({
      method,
      url: `/api/index.php?e=${encodeURIComponent(route)}${inQuery ? `&${pairs}` : ''}`,
      headers: inQuery ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
      body: inQuery ? undefined : pairs
    })
    statuses.add(response.status)
    assert.ok([200, 400, 404].includes(response.status), `${method} ${route} ${JSON.stringify(fields)} → ${response.status}: ${response.body.slice(0, 200)}`)
  }
  assert.equal([...statuses].sort(), [200, 400, 404])
})

raw.run()
