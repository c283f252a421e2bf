import { date, type Extra, list, record, related, type Related, toText } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { anyResource, type AnyResource, type Resource, type Timestamps } from './resource'

/** Whether a macro's reply text is a public reply or an internal note. */
export type MacroReplyType = 'REPLY' | 'NOTE'
/** How a macro changes a case's priority, relative to its current level. */
export type MacroPriorityAction = 'INCREASE_ONE_LEVEL' | 'DECREASE_ONE_LEVEL'

/** Who a macro assigns the case to. */
export interface MacroAssignee {
  readonly type: string | null
  /** A team. */
  readonly team: Related<AnyResource> | null
  /** A user. */
  readonly agent: Related<AnyResource> | null
  readonly extra: Extra
}

/** Who sees a macro. */
export interface MacroVisibility {
  readonly type: string | null
  /** A team. */
  readonly team: Related<AnyResource> | null
  readonly extra: Extra
}

/**
 * A case macro (spec §3.2 macro): a canned reply and the changes it makes to a case. The users and teams it names are
 * decoded generically (see {@link AnyResource}); its case type, status and priority are typed.
 */
export interface Macro extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly replyType: MacroReplyType | null
  readonly replyContents: string | null
  /** The agent who owns it (a user). */
  readonly agent: Related<AnyResource> | null
  readonly assignee: MacroAssignee | null
  readonly type: Related<CaseType> | null
  readonly status: Related<CaseStatus> | null
  readonly priorityAction: MacroPriorityAction | null
  readonly priority: Related<CasePriority> | null
  readonly visibility: MacroVisibility | null
  readonly addTags: ReadonlyArray<string>
  readonly removeTags: ReadonlyArray<string>
  readonly usageCount: number
  readonly lastUsedAt: Date | null
}

/** An item of `add_tags` / `remove_tags`: a tag's name. */
const texts: Decoder<unknown, string> = { decode: toText }

const macroAssignee: Decoder<unknown, MacroAssignee> = /*#__PURE__*/ record(undefined, 'type team:0 agent:0', () => [related(anyResource)])

const macroVisibility: Decoder<unknown, MacroVisibility> = /*#__PURE__*/ record(undefined, 'type team:0', () => [related(anyResource)])

export const macro: Decoder<unknown, Macro> = /*#__PURE__*/ record(
  'macro',
  'id:I title:t replyType replyContents agent:1 assignee:2 type:3 status:4 priorityAction priority:5 ' +
    'visibility:6 addTags:7 removeTags:7 usageCount:i lastUsedAt:0 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(anyResource), macroAssignee, related(caseType), related(caseStatus), related(casePriority), macroVisibility, list(texts)]
)
