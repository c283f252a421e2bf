/**
 * TroubleshooterStep — `/Troubleshooter/Step` (spec kb-news-troubleshooter §4.2). There is no list per category:
 * filter `all()` by `categoryId`.
 */
import type * as O from 'fp-ts/Option'
import type { Decoder } from '../core/decoder'
import { checkFields, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { notSwitchedOff, commaList, embeddedAttachments, idList, oneOfCodes, type EmbeddedAttachment } from './internal/content'
import { deleteRequest, getRequest, phpForm, postRequest, putRequest, segment, type ClassicRequest, type FormValue } from './internal/request'
import { bool, first, int, listIn, many, one, requiredInt, struct, text, textAs, toInt, type Extra, type XmlElement } from './internal/xml'

export type { EmbeddedAttachment } from './internal/content'

/** A step's status, `SWIFT_TroubleshooterStep` (PHP's `kyTroubleshooterStep` has them reversed). The server never
 * sends a step's status back: it can only be chosen when creating one. */
export const StepStatus = { published: 1, draft: 2 } as const
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus]

/** A troubleshooter step as `GET /Troubleshooter/Step/$id$` answers it. */
export interface TroubleshooterStep {
  readonly id: number
  readonly categoryId: number
  readonly staffId: number
  readonly staffName: string
  readonly subject: string
  readonly edited: boolean
  readonly editedStaffId: number
  readonly editedStaffName: string
  readonly displayOrder: number
  readonly views: number
  readonly allowComments: boolean
  readonly hasAttachments: boolean
  /** Listed when `hasAttachments` is set; fetch contents with `TroubleshooterAttachment.get(stepId, id)`. */
  readonly attachments: ReadonlyArray<EmbeddedAttachment>
  /** 0 stands for the top of the category. */
  readonly parentStepIds: ReadonlyArray<number>
  /** Ordered by display order. */
  readonly childStepIds: ReadonlyArray<number>
  /** When set, the step offers to open a ticket with the settings below. */
  readonly redirectTickets: boolean
  readonly ticketSubject: string
  readonly redirectDepartmentId: number
  readonly ticketTypeId: number
  /** `<priorityid>` (sent as `ticketPriorityId`). */
  readonly priorityId: number
  /** HTML. */
  readonly contents: string
  readonly extra: Extra
}

interface StepOptions {
  readonly displayOrder?: number
  readonly allowComments?: boolean
  /** Offer to open a ticket from this step. */
  readonly enableTicketRedirection?: boolean
  readonly redirectDepartmentId?: number
  readonly ticketTypeId?: number
  readonly ticketPriorityId?: number
  /**
   * Beware: the 4.98.8 server drops every id of this list (it compares them with the wrong keys), so a step sent
   * with it gets no parent at all, not even the top of its category, and cannot be reached in the tree. Leave it out
   * to make a top-level step. (Read from the server's code; offered for servers without that bug.)
   */
  readonly parentStepIds?: ReadonlyArray<number>
}

/** The fields of a new step, for {@link post}. */
export interface NewTroubleshooterStep extends StepOptions {
  readonly categoryId: number
  readonly subject: string
  /** HTML. */
  readonly contents: string
  /** The author. */
  readonly staffId: number
  /** Default: draft. `published` only when the staff member may publish steps, else draft. */
  readonly stepStatus?: StepStatus
  readonly ticketSubject?: string
}

/**
 * Changes to a step; omitted fields keep their values. The status cannot change (the server ignores it), ticket
 * redirection cannot be switched off (the server ignores 0), and the ticket subject is not offered: the server's
 * update turns it into a number.
 */
export interface TroubleshooterStepUpdate extends StepOptions {
  /** The staff member making the change. */
  readonly editedStaffId: number
  readonly subject?: string
  readonly contents?: string
}

const step: Decoder<XmlElement, TroubleshooterStep> = /*#__PURE__*/ struct('troubleshooterstep', {
  id: requiredInt('id'),
  categoryId: int('categoryid'),
  staffId: int('staffid'),
  staffName: text('staffname'),
  subject: text('subject'),
  edited: bool('edited'),
  editedStaffId: int('editedstaffid'),
  editedStaffName: text('editedstaffname'),
  displayOrder: int('displayorder'),
  views: int('views'),
  allowComments: bool('allowcomments'),
  hasAttachments: bool('hasattachments'),
  attachments: embeddedAttachments(),
  parentStepIds: listIn('parentsteps', 'id', textAs(toInt)),
  childStepIds: listIn('childsteps', 'id', textAs(toInt)),
  redirectTickets: bool('redirecttickets'),
  ticketSubject: text('ticketsubject'),
  redirectDepartmentId: int('redirectdepartmentid'),
  ticketTypeId: int('tickettypeid'),
  priorityId: int('priorityid'),
  contents: text('contents')
})

const steps = /*#__PURE__*/ many('troubleshootersteps', 'troubleshooterstep', step)
const oneStep = /*#__PURE__*/ first(steps)
const echoedStep = /*#__PURE__*/ one(steps)

const ROUTE = '/Troubleshooter/Step'

/** The fields creating and updating share, described once (each builder's table adds its own). */
const OPTIONS: Fields<StepOptions, FormValue> = {
  displayOrder: { wire: 'displayorder', check: V.nonNegativeInt },
  allowComments: { wire: 'allowcomments', check: V.isBoolean },
  enableTicketRedirection: { wire: 'enableticketredirection', check: V.isBoolean },
  redirectDepartmentId: { wire: 'redirectdepartmentid', check: V.positiveInt },
  ticketTypeId: { wire: 'tickettypeid', check: V.positiveInt },
  ticketPriorityId: { wire: 'ticketpriorityid', check: V.positiveInt },
  parentStepIds: { wire: 'parentstepidlist', check: (path, value) => idList(path, value), encode: commaList }
}

/**
 * A new step's fields. An update has its own table: it never sends the category, the author, the status or the
 * ticket subject (the server ignores or mangles them), even when the caller spreads a step into it.
 */
const NEW_FIELDS = /*#__PURE__*/ ((): Fields<NewTroubleshooterStep, FormValue> => ({
  categoryId: { wire: 'categoryid', check: V.positiveInt },
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  staffId: { wire: 'staffid', check: V.positiveInt },
  stepStatus: { wire: 'stepstatus', check: (path, value) => oneOfCodes(path, value, StepStatus) },
  ...OPTIONS,
  ticketSubject: { wire: 'ticketsubject', check: V.isString }
}))()

const UPDATE_FIELDS = /*#__PURE__*/ ((): Fields<TroubleshooterStepUpdate, FormValue> => ({
  editedStaffId: { wire: 'editedstaffid', check: V.positiveInt },
  subject: { wire: 'subject', check: V.nonBlank },
  contents: { wire: 'contents', check: V.nonBlank },
  ...OPTIONS
}))()

const NEW_REQUIRED: RequiredFields<NewTroubleshooterStep> = { categoryId: true, subject: true, contents: true, staffId: true }
const UPDATE_REQUIRED: RequiredFields<TroubleshooterStepUpdate> = { editedStaffId: true }

const updateRules = (i: Partial<TroubleshooterStepUpdate>): V.Issues => notSwitchedOff('enableTicketRedirection', i.enableTicketRedirection)

/** Every step of every category, whatever its status, in no particular order. */
export const all = (): ClassicRequest<ReadonlyArray<TroubleshooterStep>> => getRequest('TroubleshooterStep.all', ROUTE, steps)

/** One step; `none` when there is no such id. */
export const get = (id: number): ClassicRequest<O.Option<TroubleshooterStep>> =>
  getRequest('TroubleshooterStep.get', `${ROUTE}/${segment(id)}`, oneStep, { issues: V.positiveInt('id', id) })

/** An unknown category makes the server fail with an uncaught exception (a `ParseError` here), not a message. */
export const post = (input: NewTroubleshooterStep): ClassicRequest<TroubleshooterStep> => {
  const issues = checkFields(NEW_FIELDS, NEW_REQUIRED, input)
  return postRequest('TroubleshooterStep.post', ROUTE, echoedStep, { issues, form: V.whenValid(issues, () => phpForm(wireValues(NEW_FIELDS, input))) })
}

/** Changes step `id`: `PUT /Troubleshooter/Step/$id$`; the answer is the step as stored. */
export const put = (id: number, input: TroubleshooterStepUpdate): ClassicRequest<TroubleshooterStep> => {
  const issues = V.issues(V.positiveInt('id', id), checkFields(UPDATE_FIELDS, UPDATE_REQUIRED, input, updateRules))
  return putRequest('TroubleshooterStep.put', `${ROUTE}/${segment(id)}`, echoedStep, {
    issues,
    form: V.whenValid(issues, () => phpForm(wireValues(UPDATE_FIELDS, input)))
  })
}

/** Deletes a step and its links (its comments and attachments stay); an unknown id is a 400 `Step ID not found`. */
const del = (id: number): ClassicRequest<void> => deleteRequest('TroubleshooterStep.delete', `${ROUTE}/${segment(id)}`, { issues: V.positiveInt('id', id) })

export { del as delete, get as find, post as save, put as update, del as destroy }
