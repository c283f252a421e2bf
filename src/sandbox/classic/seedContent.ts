/**
 * Seed data of the Knowledgebase, News and Troubleshooter apps, with fixed ids (on a fresh store):
 * - Knowledgebase categories 1 "Getting Started" (global) ⊃ 2 "Accounts & Passwords" (public), 3 "Staff Handbook"
 *   (private, unpublished, staff group 1 only); articles 1 "Resetting your password" (published, in 2, with two
 *   comments and the attachment 1 `reset-steps.txt`), 2 "Two-factor authentication" (published, featured, in 1 and 2),
 *   3 "Billing FAQ" (draft, top level).
 * - News categories 1 "Product Updates" (public), 2 "Maintenance" (private); items 1 "Version 5.0 released" (published,
 *   in 1, two comments), 2 "Scheduled maintenance" (published, in 2, expires in 2100), 3 "Roadmap" (draft);
 *   subscriber 1 `john.doe@acme.example` (validated, the user John Doe).
 * - Troubleshooter category 1 "Printer problems" with steps 1 "Is the printer switched on?" → 2 "Is it connected?" →
 *   3 "Reinstall the driver" (redirects to a ticket in Technical); step 2 has the attachment 2 `wiring.txt`, step 1 a
 *   comment.
 */
import { utf8 } from '../../core/bytes'
import { COMMENT_KB, COMMENT_NEWS, COMMENT_TROUBLESHOOTER, LINK_KB_ARTICLE, LINK_TROUBLESHOOTER_STEP } from './contentRows'
import { recountKnowledgebase, recountNews } from './controllers/content'
import type { Store } from './store'

const HOUR = 3600
const DAY = 24 * HOUR
const URL = 'https://helpdesk.example/index.php?'
/** Far enough ahead to stay active whatever the sandbox's clock. */
const YEAR_2100 = 4102444800

export const seedContent = (store: Store, now: number): void => {
  const staff = (id: number) => ({ id, name: store.staffName(id), email: store.staff.get(id)?.email ?? '' })
  const alice = staff(1)
  const bob = staff(2)

  // --- Knowledgebase
  const category = (
    title: string,
    parentkbcategoryid: number,
    categorytype: number,
    displayorder: number,
    more: Partial<Parameters<typeof store.kbCategories.insert>[0]> = {}
  ) =>
    store.kbCategories.insert({
      parentkbcategoryid,
      staffid: alice.id,
      title,
      totalarticles: 0,
      categorytype,
      displayorder,
      articlesortorder: 2,
      allowcomments: true,
      allowrating: true,
      ispublished: true,
      uservisibilitycustom: false,
      usergroupids: [],
      staffvisibilitycustom: false,
      staffgroupids: [],
      dateline: now - 90 * DAY,
      ...more
    })
  const start = category('Getting Started', 0, 1, 1)
  const accounts = category('Accounts & Passwords', start.id, 2, 2)
  category('Staff Handbook', 0, 3, 3, { ispublished: false, allowcomments: false, allowrating: false, staffvisibilitycustom: true, staffgroupids: [1] })

  const article = (
    subject: string,
    seosubject: string,
    categoryids: Array<number>,
    articlestatus: number,
    contents: string,
    more: Partial<Parameters<typeof store.kbArticles.insert>[0]> = {}
  ) =>
    store.kbArticles.insert({
      categoryids,
      creator: 2,
      creatorid: alice.id,
      // 4.98.8's `SWIFT_KnowledgebaseArticle::Create` never writes `author`/`email` (M-KBArt l.399-400).
      author: '',
      email: '',
      subject,
      seosubject,
      isedited: false,
      editeddateline: 0,
      editedstaffid: 0,
      views: 0,
      isfeatured: false,
      allowcomments: true,
      totalcomments: 0,
      hasattachments: false,
      dateline: now - 60 * DAY,
      articlestatus,
      articlerating: 0,
      ratinghits: 0,
      ratingcount: 0,
      contents,
      ...more
    })
  const reset = article(
    'Resetting your password',
    'resetting-your-password',
    [accounts.id],
    1,
    '<p>Open <a href="https://helpdesk.example/index.php?/Base/UserLogin/Recover">Forgot password</a> &amp; follow the e-mail.</p>',
    {
      views: 120,
      hasattachments: true,
      articlerating: 4.5,
      ratinghits: 9,
      ratingcount: 40,
      isedited: true,
      editeddateline: now - 10 * DAY,
      editedstaffid: bob.id
    }
  )
  article(
    'Two-factor authentication',
    'two-factor-authentication',
    [start.id, accounts.id],
    1,
    '<p>Turn on two-factor authentication under <b>My Profile</b>.</p>',
    {
      isfeatured: true,
      views: 45,
      dateline: now - 30 * DAY
    }
  )
  article('Billing FAQ', 'billing-faq', [0], 2, '<p>Draft: invoices, refunds and plans.</p>', { creatorid: bob.id, dateline: now - 2 * DAY })
  store.contentAttachments.insert({
    linktype: LINK_KB_ARTICLE,
    linkid: reset.id,
    filename: 'reset-steps.txt',
    filetype: 'text/plain',
    dateline: now - 60 * DAY,
    bytes: utf8('1. Open the login page.\n2. Click "Forgot password".\n3. Follow the link in the e-mail.\n')
  })

  const comment = (
    commenttype: number,
    typeid: number,
    parenturl: string,
    fields: {
      creatortype: number
      creatorid: number
      fullname: string
      email: string
      contents: string
      commentstatus: number
      dateline: number
      parentcommentid?: number
    }
  ) =>
    store.contentComments.insert({
      commenttype,
      typeid,
      ipaddress: '203.0.113.7',
      useragent: 'Mozilla/5.0',
      referrer: '',
      parentcommentid: 0,
      parenturl,
      ...fields
    })
  const resetUrl = `${URL}/Knowledgebase/Article/View/${reset.seosubject}`
  const question = comment(COMMENT_KB, reset.id, resetUrl, {
    creatortype: 2,
    creatorid: 1,
    fullname: 'John Doe',
    email: 'john.doe@acme.example',
    contents: 'The e-mail never arrived. What now?',
    commentstatus: 2,
    dateline: now - 20 * DAY
  })
  comment(COMMENT_KB, reset.id, resetUrl, {
    creatortype: 1,
    creatorid: alice.id,
    fullname: alice.name,
    email: alice.email,
    contents: 'Check your spam folder, or ask us to send it again.',
    commentstatus: 2,
    dateline: now - 19 * DAY,
    parentcommentid: question.id
  })

  // --- News
  const updates = store.newsCategories.insert({ title: 'Product Updates', visibilitytype: 'public', newsitemcount: 0 })
  const maintenance = store.newsCategories.insert({ title: 'Maintenance', visibilitytype: 'private', newsitemcount: 0 })
  const news = (
    subject: string,
    categoryids: Array<number>,
    newsstatus: number,
    dateline: number,
    contents: string,
    more: Partial<Parameters<typeof store.newsItems.insert>[0]> = {}
  ) =>
    store.newsItems.insert({
      staffid: alice.id,
      newstype: 1,
      newsstatus,
      author: alice.name,
      email: alice.email,
      subject,
      emailsubject: '',
      dateline,
      start: 0,
      expiry: 0,
      issynced: false,
      totalcomments: 0,
      allowcomments: true,
      uservisibilitycustom: false,
      usergroupids: [],
      staffvisibilitycustom: false,
      staffgroupids: [],
      categoryids,
      contents,
      editedstaffid: 0,
      editeddateline: 0,
      ...more
    })
  const release = news('Version 5.0 released', [updates.id], 2, now - 7 * DAY, '<p>Version 5.0 brings a new editor &amp; faster search.</p>', {
    emailsubject: 'What is new in 5.0'
  })
  news('Scheduled maintenance', [maintenance.id], 2, now - DAY, '<p>The helpdesk is read-only on Saturday from 02:00 to 04:00 UTC.</p>', {
    start: now - DAY,
    expiry: YEAR_2100
  })
  news('Roadmap', [updates.id], 1, now - HOUR, '<p>Draft: what comes after 5.0.</p>', { staffid: bob.id, author: bob.name, email: bob.email })
  const releaseUrl = `${URL}/News/NewsItem/View/${release.id}`
  comment(COMMENT_NEWS, release.id, releaseUrl, {
    creatortype: 2,
    creatorid: 0,
    fullname: 'Guest Reader',
    email: 'reader@mail.example',
    contents: 'Does 5.0 work with single sign-on?',
    commentstatus: 1,
    dateline: now - 6 * DAY
  })
  comment(COMMENT_NEWS, release.id, releaseUrl, {
    creatortype: 1,
    creatorid: bob.id,
    fullname: bob.name,
    email: bob.email,
    contents: 'Yes, SAML sign-on is supported.',
    commentstatus: 2,
    dateline: now - 6 * DAY + HOUR
  })
  const john = store.userByEmail('john.doe@acme.example')
  store.newsSubscribers.insert({ tgroupid: 0, userid: john?.id ?? 0, email: 'john.doe@acme.example', isvalidated: true, usergroupid: john?.usergroupid ?? 0 })

  // --- Troubleshooter
  const printers = store.troubleshooterCategories.insert({
    staffid: alice.id,
    staffname: alice.name,
    title: 'Printer problems',
    description: 'Step by step through the usual printer faults.',
    categorytype: 1,
    displayorder: 1,
    views: 12,
    uservisibilitycustom: false,
    usergroupids: [],
    staffvisibilitycustom: false,
    staffgroupids: [],
    dateline: now - 40 * DAY
  })
  const step = (
    subject: string,
    parentstepids: Array<number>,
    displayorder: number,
    contents: string,
    more: Partial<Parameters<typeof store.troubleshooterSteps.insert>[0]> = {}
  ) =>
    store.troubleshooterSteps.insert({
      categoryid: printers.id,
      staffid: alice.id,
      staffname: alice.name,
      subject,
      edited: false,
      editedstaffid: 0,
      editedstaffname: '',
      editeddateline: 0,
      displayorder,
      views: 0,
      allowcomments: true,
      hasattachments: false,
      parentstepids,
      redirecttickets: false,
      ticketsubject: '',
      redirectdepartmentid: 0,
      tickettypeid: 0,
      priorityid: 0,
      stepstatus: 1,
      dateline: now - 40 * DAY,
      contents,
      ...more
    })
  const power = step('Is the printer switched on?', [0], 1, '<p>Check that the power light is on.</p>', { views: 30 })
  const cable = step('Is it connected?', [power.id], 1, '<p>Check the USB or network cable.</p>', { hasattachments: true })
  step('Reinstall the driver', [cable.id], 1, '<p>Remove the printer, then add it again.</p>', {
    redirecttickets: true,
    ticketsubject: 'Printer still not working',
    redirectdepartmentid: 3,
    tickettypeid: 1,
    priorityid: 1
  })
  store.contentAttachments.insert({
    linktype: LINK_TROUBLESHOOTER_STEP,
    linkid: cable.id,
    filename: 'wiring.txt',
    filetype: 'text/plain',
    dateline: now - 40 * DAY,
    bytes: utf8('USB: the square end goes into the printer.\n')
  })
  comment(COMMENT_TROUBLESHOOTER, power.id, `${URL}/Troubleshooter/Step/View/${printers.id}/${power.id}`, {
    creatortype: 2,
    creatorid: 0,
    fullname: 'Guest Reader',
    email: 'reader@mail.example',
    contents: 'The power light blinks orange.',
    commentstatus: 2,
    dateline: now - 3 * DAY
  })
  // The stored counters as the server's last cache rebuild left them.
  recountKnowledgebase(store)
  recountNews(store)
}
