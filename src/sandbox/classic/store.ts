/**
 * The sandbox's data: plain records named as the server names its fields, in maps keyed by id. Ids come from one
 * counter per table and are never reused. Every handler runs synchronously between reading the request and writing
 * the answer, so concurrent requests cannot interleave inside a change.
 */

import { behaviour as defaultBehaviour, type Behaviour } from './settings'
import type {
  ContentAttachmentRow,
  ContentCommentRow,
  KbArticleRow,
  KbCategoryRow,
  NewsCategoryRow,
  NewsItemRow,
  NewsSubscriberRow,
  TroubleshooterCategoryRow,
  TroubleshooterStepRow
} from './contentRows'

/** The application a department belongs to. */
export type DepartmentApp = 'tickets' | 'livechat'

/** A department as the sandbox stores it (`Store.departments`). */
export interface DepartmentRow {
  id: number
  title: string
  type: 'public' | 'private'
  app: DepartmentApp
  displayorder: number
  parentdepartmentid: number
  uservisibilitycustom: boolean
  usergroupids: Array<number>
}

/** A staff group as the sandbox stores it (`Store.staffGroups`). */
export interface StaffGroupRow {
  id: number
  title: string
  isadmin: boolean
}

/** A staff member as the sandbox stores it (`Store.staff`). */
export interface StaffRow {
  id: number
  staffgroupid: number
  firstname: string
  lastname: string
  username: string
  email: string
  designation: string
  greeting: string
  mobilenumber: string
  isenabled: boolean
  timezone: string
  enabledst: boolean
  signature: string
  password: string
  /** `trim(firstname . ' ' . lastname)` of the names as sent (SWIFT_Staff::Create/Update); derived when absent. */
  fullname?: string
}

/** A user group as the sandbox stores it (`Store.userGroups`). */
export interface UserGroupRow {
  id: number
  title: string
  grouptype: 'guest' | 'registered'
  ismaster: boolean
}

/** A user organization as the sandbox stores it (`Store.userOrganizations`). */
export interface UserOrganizationRow {
  id: number
  name: string
  organizationtype: 'restricted' | 'shared'
  address: string
  city: string
  state: string
  postalcode: string
  country: string
  phone: string
  fax: string
  website: string
  dateline: number
  lastupdate: number
  slaplanid: number
  slaplanexpiry: number
}

/** A user as the sandbox stores it (`Store.users`). */
export interface UserRow {
  id: number
  usergroupid: number
  userrole: 'user' | 'manager'
  userorganizationid: number
  salutation: string
  userexpiry: number
  fullname: string
  emails: Array<string>
  designation: string
  phone: string
  dateline: number
  lastvisit: number
  isenabled: boolean
  timezone: string
  enabledst: boolean
  slaplanid: number
  slaplanexpiry: number
  password: string
}

/** A ticket status as the sandbox stores it (`Store.ticketStatuses`). */
export interface TicketStatusRow {
  id: number
  title: string
  displayorder: number
  departmentid: number
  displayicon: string
  type: 'public' | 'private'
  displayinmainlist: boolean
  markasresolved: boolean
  displaycount: boolean
  statuscolor: string
  statusbgcolor: string
  resetduetime: boolean
  triggersurvey: boolean
  staffvisibilitycustom: boolean
  staffgroupids: Array<number>
}

/** A ticket priority as the sandbox stores it (`Store.ticketPriorities`). */
export interface TicketPriorityRow {
  id: number
  title: string
  displayorder: number
  frcolorcode: string
  bgcolorcode: string
  type: 'public' | 'private'
  uservisibilitycustom: boolean
  usergroupids: Array<number>
}

/** A ticket type as the sandbox stores it (`Store.ticketTypes`). */
export interface TicketTypeRow {
  id: number
  title: string
  displayorder: number
  departmentid: number
  displayicon: string
  type: 'public' | 'private'
  uservisibilitycustom: boolean
  usergroupids: Array<number>
}

/** A template group as the sandbox stores it (`Store.templateGroups`). */
export interface TemplateGroupRow {
  id: number
  title: string
}

/** An SLA plan as the sandbox stores it (`Store.slaPlans`). */
export interface SlaPlanRow {
  id: number
  title: string
}

/** A ticket as the sandbox stores it (`Store.tickets`). */
export interface TicketRow {
  id: number
  /**
   * `ticketmaskid` (`ABC-123-45678`): generated for every ticket (`SWIFT_TicketCrudTrait.php:145`), shown as the display
   * id only when `t_eticketid` is `random` (`Store.displayIdOf`), and always accepted where the server looks a ticket up.
   */
  maskid: string
  flagtype: number
  departmentid: number
  statusid: number
  priorityid: number
  typeid: number
  userid: number
  ownerstaffid: number
  /** The owner's name stored at assignment (`class.SWIFT_Ticket.php:1534-1538`), not looked up when rendering. */
  ownerstaffname: string
  fullname: string
  email: string
  lastreplier: string
  subject: string
  creationtime: number
  lastactivity: number
  laststaffreply: number
  lastuserreply: number
  slaplanid: number
  nextreplydue: number
  resolutiondue: number
  resolutiondateline: number
  ipaddress: string
  creator: number
  creationmode: number
  creationtype: number
  isescalated: boolean
  escalationruleid: number
  templategroupid: number
  tags: Array<string>
  watchers: Array<number>
  /** Workflows offered on the ticket. */
  workflows: Array<number>
  ignoreautoresponder: boolean
  /** The reply counter a TicketPost POST increments (not for private posts) and nothing lowers; absent: derived. */
  totalreplies?: number
}

/** A ticket post as the sandbox stores it (`Store.posts`). */
export interface TicketPostRow {
  id: number
  ticketid: number
  dateline: number
  userid: number
  fullname: string
  email: string
  emailto: string
  ipaddress: string
  creator: number
  isthirdparty: boolean
  ishtml: boolean
  isemailed: boolean
  staffid: number
  issurveycomment: boolean
  contents: string
  isprivate: boolean
  /**
   * The stored flag: 0 for API replies even with inline files (`class.SWIFT_TicketPost.php:363,615`); a TicketAttachment
   * POST sets it (`T/api/TicketAttachment.php:327`). Absent on seeded rows: derived from their files.
   */
  hasattachments?: boolean
}

/** A ticket attachment as the sandbox stores it (`Store.attachments`). */
export interface AttachmentRow {
  id: number
  ticketid: number
  ticketpostid: number
  filename: string
  filetype: string
  dateline: number
  bytes: Uint8Array
}

/** A ticket note as the sandbox stores it (`Store.notes`). */
export interface NoteRow {
  id: number
  ticketid: number
  notecolor: number
  creatorstaffid: number
  forstaffid: number
  creatorstaffname: string
  creationdate: number
  contents: string
}

/** A note on a user or an organization: shown inside every ticket of that user (spec §2.7 `note type="user"`). */
export interface ProfileNoteRow {
  id: number
  /** The user id or organization id. */
  ownerid: number
  notecolor: number
  creatorstaffid: number
  creatorstaffname: string
  creationdate: number
  contents: string
}

/** A ticket workflow as the sandbox stores it (`Store.workflows`). */
export interface WorkflowRow {
  id: number
  title: string
}

/** A time-tracking entry as the sandbox stores it (`Store.timeTracks`). */
export interface TimeTrackRow {
  id: number
  ticketid: number
  timeworked: number
  timebillable: number
  billdate: number
  workdate: number
  workerstaffid: number
  workerstaffname: string
  creatorstaffid: number
  creatorstaffname: string
  notecolor: number
  contents: string
  dateline: number
}

/** Custom field group types (spec §2.16). */
export const GROUP_STAFF_TICKET = 3
export const GROUP_USER_TICKET = 4
export const GROUP_STAFF_USER_TICKET = 9
export const TICKET_GROUP_TYPES: ReadonlyArray<number> = [GROUP_STAFF_TICKET, GROUP_USER_TICKET, GROUP_STAFF_USER_TICKET]

/** A custom field group as the sandbox stores it (`Store.customFieldGroups`). */
export interface CustomFieldGroupRow {
  id: number
  title: string
  grouptype: number
  displayorder: number
  /** Departments the group is linked to (`customfielddeplinks`); empty = every department, a sandbox shorthand. */
  departmentids: Array<number>
}

/** 1 text, 2 textarea, 3 password, 4 checkbox, 5 radio, 6 select, 7 multi-select, 8 custom, 9 linked select, 10 date, 11 file. */
export type FieldType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11

/** A custom field as the sandbox stores it (`Store.customFields`). */
export interface CustomFieldRow {
  id: number
  customfieldgroupid: number
  title: string
  fieldtype: FieldType
  fieldname: string
  defaultvalue: string
  isrequired: boolean
  usereditable: boolean
  staffeditable: boolean
  regexpvalidate: string
  displayorder: number
  encryptindb: boolean
  description: string
}

/** An option of a select, radio, checkbox or linked custom field as the sandbox stores it (`Store.customFieldOptions`). */
export interface CustomFieldOptionRow {
  id: number
  customfieldid: number
  optionvalue: string
  displayorder: number
  isselected: boolean
  parentcustomfieldoptionid: number
}

/** A stored custom field value. */
export type FieldValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'options'; readonly optionIds: ReadonlyArray<number> }
  | { readonly kind: 'linked'; readonly parentId: number; readonly childId: number }
  | { readonly kind: 'file'; readonly filename: string; readonly bytes: Uint8Array }

/** The rows of one table by id: `all`, `get`, `where` for reading; `insert` and `delete` change it. */
export class Table<R extends { id: number }> {
  readonly rows = new Map<number, R>()
  private nextId = 1

  /** Adds a row with the table's next id, and returns it. */
  insert(row: Omit<R, 'id'>): R {
    const full = { ...row, id: this.nextId++ } as R
    this.rows.set(full.id, full)
    return full
  }

  /** The row with this id. */
  get(id: number): R | undefined {
    return this.rows.get(id)
  }

  /** Removes a row; false when there was none. */
  delete(id: number): boolean {
    return this.rows.delete(id)
  }

  /** By id: rows are inserted with increasing ids and a Map keeps insertion order, so no sort is needed. */
  all(): Array<R> {
    return [...this.rows.values()]
  }

  /** The rows `keep` accepts, by id. */
  where(keep: (row: R) => boolean): Array<R> {
    return this.all().filter(keep)
  }
}

/** The Classic sandbox's data: one `Table` per server table, as `sandbox.store` exposes it for inspection in tests. */
export class Store {
  readonly departments = new Table<DepartmentRow>()
  readonly staffGroups = new Table<StaffGroupRow>()
  readonly staff = new Table<StaffRow>()
  readonly userGroups = new Table<UserGroupRow>()
  readonly userOrganizations = new Table<UserOrganizationRow>()
  readonly users = new Table<UserRow>()
  readonly ticketStatuses = new Table<TicketStatusRow>()
  readonly ticketPriorities = new Table<TicketPriorityRow>()
  readonly ticketTypes = new Table<TicketTypeRow>()
  readonly templateGroups = new Table<TemplateGroupRow>()
  readonly slaPlans = new Table<SlaPlanRow>()
  readonly tickets = new Table<TicketRow>()
  readonly posts = new Table<TicketPostRow>()
  readonly attachments = new Table<AttachmentRow>()
  readonly notes = new Table<NoteRow>()
  readonly timeTracks = new Table<TimeTrackRow>()
  readonly userNotes = new Table<ProfileNoteRow>()
  readonly organizationNotes = new Table<ProfileNoteRow>()
  readonly workflows = new Table<WorkflowRow>()
  readonly customFieldGroups = new Table<CustomFieldGroupRow>()
  readonly customFields = new Table<CustomFieldRow>()
  readonly customFieldOptions = new Table<CustomFieldOptionRow>()
  /** ticket id → field id → value */
  readonly customFieldValues = new Map<number, Map<number, FieldValue>>()
  /** ticket id → the custom field groups linked to it (written once values of the group were saved). */
  readonly customFieldLinks = new Map<number, Set<number>>()
  /**
   * TicketCount's cache drift: ticket rows the global status and owner counts hold twice since a partial cache rebuild
   * (a Ticket DELETE by mask), until the next full rebuild. See `controllers/TicketCount.ts`.
   */
  countDrift: Array<Pick<TicketRow, 'departmentid' | 'statusid' | 'ownerstaffid' | 'lastactivity'> & { readonly resolved: boolean }> = []

  // Knowledgebase, News and Troubleshooter (contentRows.ts); comments and attachments of the three apps share a table
  // each, as on the server.
  readonly kbCategories = new Table<KbCategoryRow>()
  readonly kbArticles = new Table<KbArticleRow>()
  readonly newsCategories = new Table<NewsCategoryRow>()
  readonly newsItems = new Table<NewsItemRow>()
  readonly newsSubscribers = new Table<NewsSubscriberRow>()
  readonly troubleshooterCategories = new Table<TroubleshooterCategoryRow>()
  readonly troubleshooterSteps = new Table<TroubleshooterStepRow>()
  readonly contentComments = new Table<ContentCommentRow>()
  readonly contentAttachments = new Table<ContentAttachmentRow>()

  /**
   * @param now the clock, in Unix seconds.
   * @param behaviour the helpdesk settings and the tolerances asked for (4.98.8's defaults, none).
   */
  constructor(
    readonly now: () => number,
    readonly behaviour: Behaviour = defaultBehaviour()
  ) {}

  /** A staff member's full name, as the server shows it on posts and notes; `''` for an unknown id. */
  staffName(id: number): string {
    const s = this.staff.get(id)
    return s === undefined ? '' : `${s.firstname} ${s.lastname}`.trim()
  }

  /**
   * A ticket by numeric id or mask (case-insensitive, as the collation compares), as `SWIFT_Ticket::GetObjectOnID`
   * finds it (`SWIFT_TicketGettersTrait.php:1150-1175`): masks are found whatever `t_eticketid` says.
   */
  findTicket(idOrMask: string): TicketRow | undefined {
    const text = idOrMask.trim()
    if (/^\d+$/.test(text)) return this.tickets.get(Number(text))
    const upper = text.toUpperCase()
    for (const t of this.tickets.rows.values()) if (t.maskid === upper) return t
    return undefined
  }

  /** `GetTicketDisplayID` (`SWIFT_TicketGettersTrait.php:323-330`): the numeric id with `t_eticketid=seq`, else the mask. */
  displayIdOf(ticket: TicketRow): string {
    return this.behaviour.settings.ticketIdType === 'seq' ? String(ticket.id) : ticket.maskid
  }

  /** Whether the ticket's status is marked as resolved. */
  isResolved(ticket: TicketRow): boolean {
    return this.ticketStatuses.get(ticket.statusid)?.markasresolved === true
  }

  /** The posts of a ticket, by id. */
  postsOf(ticketId: number): Array<TicketPostRow> {
    return this.posts.where((p) => p.ticketid === ticketId)
  }

  /** The attachments of a post, by id. */
  attachmentsOfPost(postId: number): Array<AttachmentRow> {
    return this.attachments.where((a) => a.ticketpostid === postId)
  }

  /** The user with this e-mail address (compared without case). */
  userByEmail(email: string): UserRow | undefined {
    const wanted = email.trim().toLowerCase()
    for (const u of this.users.rows.values()) if (u.emails.some((e) => e.toLowerCase() === wanted)) return u
    return undefined
  }

  /** Removes a ticket and everything that hangs off it. */
  deleteTicket(id: number): void {
    this.tickets.delete(id)
    for (const table of [this.posts, this.attachments, this.notes, this.timeTracks] as const) {
      for (const row of [...table.rows.values()]) if (row.ticketid === id) table.delete(row.id)
    }
    this.customFieldValues.delete(id)
    this.customFieldLinks.delete(id)
  }

  /** A mask in the server's `ABC-123-45678` style, derived from the ticket id (deterministic, unique). */
  newMask(ticketId: number): string {
    const taken = new Set([...this.tickets.rows.values()].map((t) => t.maskid))
    for (let attempt = 0; ; attempt++) {
      const id = maskFor(ticketId * 7919 + attempt)
      if (!taken.has(id)) return id
    }
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** mulberry32: a small deterministic generator, so the same seed gives the same display ids. */
const generator = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const maskFor = (seed: number): string => {
  const next = generator(seed)
  const letter = () => LETTERS[Math.floor(next() * 26)] as string
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join('')
  return `${letter()}${letter()}${letter()}-${digits(3)}-${digits(5)}`
}
