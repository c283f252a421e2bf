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
import type {
  AttachmentRow,
  CustomFieldGroupRow,
  CustomFieldOptionRow,
  CustomFieldRow,
  DepartmentRow,
  FieldValue,
  NoteRow,
  ProfileNoteRow,
  SlaPlanRow,
  StaffGroupRow,
  StaffRow,
  TemplateGroupRow,
  TicketPostRow,
  TicketPriorityRow,
  TicketRow,
  TicketStatusRow,
  TicketTypeRow,
  TimeTrackRow,
  UserGroupRow,
  UserOrganizationRow,
  UserRow,
  WorkflowRow
} from './rows'

export * from './rows'

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
