import { date, type Extra, int, list, literal, nested, nullableText, related, type Related, requiredInt, struct, text, toText } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { casePriority, type CasePriority } from './casePriority'
import { type CaseStatus, caseStatus } from './caseStatus'
import { caseType, type CaseType } from './caseType'
import { type User, user } from './people'
import { type Resource, stamps, type Timestamps, url } from './resource'
import { type Team, team } from './team'

/** Whether a macro's reply text is a public reply or an internal note. */
export type MacroReplyType = 'REPLY' | 'NOTE'
/** How a macro changes a case's priority, relative to its current level. */
export type MacroPriorityAction = 'INCREASE_ONE_LEVEL' | 'DECREASE_ONE_LEVEL'

/** Who a macro assigns the case to. */
export interface MacroAssignee {
  readonly type: string | null
  readonly team: Related<Team> | null
  readonly agent: Related<User> | null
  readonly extra: Extra
}

/** Who sees a macro. */
export interface MacroVisibility {
  readonly type: string | null
  readonly team: Related<Team> | null
  readonly extra: Extra
}

/** A case macro (spec §3.2 macro): a canned reply and the changes it makes to a case. */
export interface Macro extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly replyType: MacroReplyType | null
  readonly replyContents: string | null
  /** The agent who owns it. */
  readonly agent: Related<User> | null
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

const macroAssignee: Decoder<unknown, MacroAssignee> = /*#__PURE__*/ struct(undefined, () => ({
  type: nullableText('type'),
  team: related('team', team),
  agent: related('agent', user)
}))

const macroVisibility: Decoder<unknown, MacroVisibility> = /*#__PURE__*/ struct(undefined, () => ({
  type: nullableText('type'),
  team: related('team', team)
}))

export const macro: Decoder<unknown, Macro> = /*#__PURE__*/ struct('macro', () => ({
  id: requiredInt('id'),
  title: text('title'),
  replyType: literal<MacroReplyType>('reply_type'),
  replyContents: nullableText('reply_contents'),
  agent: related('agent', user),
  assignee: nested('assignee', macroAssignee),
  type: related('type', caseType),
  status: related('status', caseStatus),
  priorityAction: literal<MacroPriorityAction>('priority_action'),
  priority: related('priority', casePriority),
  visibility: nested('visibility', macroVisibility),
  addTags: list('add_tags', { decode: toText }),
  removeTags: list('remove_tags', { decode: toText }),
  usageCount: int('usage_count'),
  lastUsedAt: date('last_used_at'),
  ...stamps(),
  ...url()
}))
