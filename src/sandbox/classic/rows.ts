/**
 * The rows of the Classic sandbox's people, ticket and custom-field tables, named as the server names its fields
 * (the knowledgebase, news and troubleshooter rows are in `contentRows.ts`); `store.ts` re-exports them.
 */

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
  | {
      readonly kind: 'linked'
      readonly parentId: number
      readonly childId: number
    }
  | {
      readonly kind: 'file'
      readonly filename: string
      readonly bytes: Uint8Array
    }
