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
  /** TicketCustomField POST: a checkbox or multi-select sent as one scalar (`field=3`) is read as a one-element list. */
  'custom-field-scalar-list': 'a checkbox or multi-select custom field sent as one bare option id is stored as a list of that option (shown as its text)',
  /** TicketCustomField POST: a file part is linked to its field without a same-named text field. */
  'custom-field-file-alone': 'a custom field file uploaded without a same-named text field is kept'
} as const

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
