/**
 * The helpdesk settings of Kayako 4.98.8 that change what the Classic API does, and the sandbox's tolerances.
 *
 * Settings default to 4.98.8's own defaults (`__apps/tickets/config/settings.xml`), so a sandbox created without
 * options behaves like a fresh real helpdesk; a user matches their own helpdesk by passing theirs.
 *
 * Tolerances ("leniencies") are the places where the sandbox can be friendlier than the real server. Each is off
 * by default, so users meet the real behaviour in their tests first; each is named and documented here.
 */

export interface HelpdeskSettings {
  /** `t_eticketid` (settings.xml l.71-72, default `seq`): display ids are the numeric ticket id (`seq`) or a mask (`random`, `ABC-123-45678`). */
  readonly ticketIdType: 'seq' | 'random'
  /** `t_cstatusupd` (l.83-84, default 1): the status a user's reply sets on its ticket; 0 leaves the status alone. */
  readonly statusOnUserReply: number
  /** `t_resultlimit` (l.91-92, default 50): the most tickets a search returns. */
  readonly searchResultLimit: number
  /** `t_postorder` (l.30-31, default `asc`): the order of a ticket's posts. */
  readonly postOrder: 'asc' | 'desc'
  /** `t_editor_format` (l.11-12, default `text`): the format staff replies are stored in. */
  readonly editorFormat: 'text' | 'html'
  /** `t_tinymceeditor` (l.8-9, default false): the rich-text editor is switched on. */
  readonly richTextEditor: boolean
}

/** 4.98.8's defaults for the helpdesk settings the sandbox follows. */
export const DEFAULT_SETTINGS: HelpdeskSettings = {
  ticketIdType: 'seq',
  statusOnUserReply: 1,
  searchResultLimit: 50,
  postOrder: 'asc',
  editorFormat: 'text',
  richTextEditor: false
}

/**
 * Every tolerance the sandbox offers, with what it does. Off by default; `createSandbox({ lenient: [...] })` turns
 * them on one by one. The real server's behaviour (with its source line) is in `FIDELITY.md`.
 */
export const LENIENCIES = {
  /** Ticket-child controllers (posts, notes, time tracks, attachments, custom fields) and Ticket DELETE resolve a display id. */
  'display-id-children': 'ticket-child calls and Ticket DELETE accept a display id as if it were the numeric ticket id',
  /** v1: `X-Options` names are matched case-insensitively with white space around them ignored (the grammar is UNCONFIRMED). */
  'v1-loose-x-options': 'v1 reads X-Options names case-insensitively and ignores white space around them (`X-Options: Flat, no_empty`)',
  /** Ticket POST with an empty or `0` `userid` next to a `staffid` (the server makes a user ticket for user 0). */
  'staff-ticket-empty-userid': 'Ticket POST reads an empty or 0 userid next to a staffid as a staff ticket, as if userid were not sent',
  /** H20: PHP fills `$_POST` only for a form or multipart Content-Type (`L/Router/class.SWIFT_Router.php:973-981`). */
  'form-body-without-content-type': 'a POST/PUT form body sent without a Content-Type is read as if it were application/x-www-form-urlencoded',
  /** H20: PHP parses multipart bodies only for POST; the router reads PUT bodies only when form-urlencoded. */
  'multipart-put': 'a multipart/form-data PUT body is read (fields and files) as for POST',
  /** H19: a PUT with its fields in the query string authenticates but the controller reads the empty `$_POST` (`L/REST/class.SWIFT_RESTServer.php:226-236`). */
  'put-fields-in-query': 'a PUT without a form body gives the query-string fields to the controller',
  /** L31: `e` must start with `/` to be a route (`L/Router/class.SWIFT_Router.php:984`). */
  'route-without-slash': 'an e= route without its leading slash (e=Base/User) is used as the route',
  /** TicketCustomField POST: a checkbox or multi-select sent as one scalar (`field=3`) is read as a one-element list. */
  'custom-field-scalar-list': 'a checkbox or multi-select custom field sent as one bare option id is stored as a list of that option (shown as its text)',
  /** TicketCustomField POST: a file part is linked to its field without a same-named text field. */
  'custom-field-file-alone': 'a custom field file uploaded without a same-named text field is kept'
} as const

/** The name of a tolerance (`lenient: ['…']`): a behaviour of other servers the strict sandbox refuses by default. */
export type Leniency = keyof typeof LENIENCIES

export const isLeniency = (name: string): name is Leniency => Object.prototype.hasOwnProperty.call(LENIENCIES, name)

/** The settings and tolerances one sandbox runs with. */
export interface Behaviour {
  readonly settings: HelpdeskSettings
  /** True when the tolerance was asked for. */
  readonly lenient: (name: Leniency) => boolean
}

export const behaviour = (settings: Partial<HelpdeskSettings> = {}, lenient: ReadonlyArray<Leniency> = []): Behaviour => {
  const on = new Set<Leniency>(lenient)
  return { settings: { ...DEFAULT_SETTINGS, ...settings }, lenient: (name) => on.has(name) }
}
