/**
 * Rows of the Knowledgebase, News and Troubleshooter apps (spec kb-news-troubleshooter), named as the server names its
 * fields. The counters `totalarticles`, `newsitemcount` and `totalcomments` are stored columns, updated only where the
 * server updates them; child steps are computed when answering.
 */

/** A knowledgebase category as the sandbox stores it (`Store.kbCategories`). */
export interface KbCategoryRow {
  id: number
  parentkbcategoryid: number
  staffid: number
  title: string
  /** Stored, recounted only when the server rebuilds the category cache (see `recountKnowledgebase`). */
  totalarticles: number
  /** 1 global, 2 public, 3 private, 4 inherit. */
  categorytype: number
  displayorder: number
  /** 1 inherit, 2 title, 3 rating, 4 creation date, 5 display order (stored, not emitted). */
  articlesortorder: number
  allowcomments: boolean
  allowrating: boolean
  ispublished: boolean
  uservisibilitycustom: boolean
  usergroupids: Array<number>
  staffvisibilitycustom: boolean
  staffgroupids: Array<number>
  dateline: number
}

/** A knowledgebase article as the sandbox stores it (`Store.kbArticles`). */
export interface KbArticleRow {
  id: number
  /** 0 = the top level. */
  categoryids: Array<number>
  /** 1 user, 2 staff. */
  creator: number
  creatorid: number
  author: string
  email: string
  subject: string
  seosubject: string
  isedited: boolean
  editeddateline: number
  editedstaffid: number
  views: number
  isfeatured: boolean
  allowcomments: boolean
  /** A stored column no 4.98.8 code path ever updates: adding comments leaves it 0. */
  totalcomments: number
  hasattachments: boolean
  dateline: number
  /** 1 published, 2 draft, 3 pending approval. */
  articlestatus: number
  articlerating: number
  ratinghits: number
  ratingcount: number
  contents: string
}

/** A news category as the sandbox stores it (`Store.newsCategories`). */
export interface NewsCategoryRow {
  id: number
  title: string
  visibilitytype: 'public' | 'private'
  /** Stored, recounted only for categories that still have items (see `recountNews`). */
  newsitemcount: number
}

/** A news item as the sandbox stores it (`Store.newsItems`). */
export interface NewsItemRow {
  id: number
  staffid: number
  /** 1 global, 2 public, 3 private. */
  newstype: number
  /** 1 draft, 2 published. */
  newsstatus: number
  author: string
  email: string
  subject: string
  emailsubject: string
  dateline: number
  start: number
  expiry: number
  issynced: boolean
  /** Never updated by 4.98.8 (like the Knowledgebase's). */
  totalcomments: number
  allowcomments: boolean
  uservisibilitycustom: boolean
  usergroupids: Array<number>
  staffvisibilitycustom: boolean
  staffgroupids: Array<number>
  categoryids: Array<number>
  contents: string
  editedstaffid: number
  editeddateline: number
}

/** A news subscriber as the sandbox stores it (`Store.newsSubscribers`). */
export interface NewsSubscriberRow {
  id: number
  tgroupid: number
  userid: number
  email: string
  isvalidated: boolean
  usergroupid: number
}

/** A troubleshooter category as the sandbox stores it (`Store.troubleshooterCategories`). */
export interface TroubleshooterCategoryRow {
  id: number
  staffid: number
  staffname: string
  title: string
  description: string
  /** 1 global, 2 public, 3 private. */
  categorytype: number
  displayorder: number
  views: number
  uservisibilitycustom: boolean
  usergroupids: Array<number>
  staffvisibilitycustom: boolean
  staffgroupids: Array<number>
  dateline: number
}

/** A troubleshooter step as the sandbox stores it (`Store.troubleshooterSteps`). */
export interface TroubleshooterStepRow {
  id: number
  categoryid: number
  staffid: number
  staffname: string
  subject: string
  edited: boolean
  editedstaffid: number
  editedstaffname: string
  editeddateline: number
  displayorder: number
  views: number
  allowcomments: boolean
  hasattachments: boolean
  /** 0 = the top of the category; empty = unreachable (spec §4.2 parent-link bug). */
  parentstepids: Array<number>
  redirecttickets: boolean
  ticketsubject: string
  redirectdepartmentid: number
  tickettypeid: number
  priorityid: number
  /** 1 published, 2 draft (stored, not emitted). */
  stepstatus: number
  dateline: number
  contents: string
}

/** Comment types of the shared comment table (M-Com l.60-62). */
export const COMMENT_KB = 1
export const COMMENT_TROUBLESHOOTER = 3
export const COMMENT_NEWS = 4

/** A knowledgebase, news or troubleshooter comment as the sandbox stores it (`Store.contentComments`). */
export interface ContentCommentRow {
  id: number
  /** 1 Knowledgebase, 3 troubleshooter, 4 news. */
  commenttype: number
  /** The article, step or news item. */
  typeid: number
  /** 1 staff, 2 user. */
  creatortype: number
  creatorid: number
  fullname: string
  email: string
  ipaddress: string
  dateline: number
  parentcommentid: number
  /** 1 pending, 2 approved, 3 spam. */
  commentstatus: number
  useragent: string
  referrer: string
  parenturl: string
  contents: string
}

/** Attachment link types (SWIFT_Attachment l.72-77). */
export const LINK_KB_ARTICLE = 5
export const LINK_TROUBLESHOOTER_STEP = 6

/** A knowledgebase article's or troubleshooter step's attachment as the sandbox stores it (`Store.contentAttachments`). */
export interface ContentAttachmentRow {
  id: number
  linktype: number
  linkid: number
  filename: string
  filetype: string
  dateline: number
  bytes: Uint8Array
}
