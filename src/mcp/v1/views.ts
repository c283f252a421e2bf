/**
 * The case views of the agent app: `v1_list_views` (with how many cases each holds) and `v1_view_cases` (the cases a
 * view selects, in its order), and `viewDocument` for the `kayako://v1/view/{id}` resource.
 */
import type { Either } from 'fp-ts/Either'
import { z } from 'zod'
import * as E from '../../core/either'
import { included, isReference } from '../../v1/internal/codec'
import type { V1Executor } from '../../v1/internal/executor'
import { withOptions } from '../../v1/internal/request'
import * as View from '../../v1/View'
import { attempt, invalid } from '../errors'
import { capText, cursorArg, pageShape } from '../format'
import { defineTool, READ, type ToolError, type ToolOutcome } from '../tool'
import { DEFAULT_LIMIT, envelope, limitArg, moreText, resume } from './paging'
import { CASE_INCLUDE, caseLine, caseSchema, caseSummary } from './shape'

const LIST_VIEWS = 'v1_list_views'
const VIEW_CASES = 'v1_view_cases'

const viewSchema = /*#__PURE__*/ z.object({
  id: z.number(),
  title: z.string(),
  type: z.string().nullable().describe('INBOX, SUSPENDED, TRASH or CUSTOM.'),
  visibility: z.string().nullable().describe('ALL agents, SELF (its creator) or TEAM.'),
  isDefault: z.boolean(),
  isEnabled: z.boolean(),
  caseCount: z.number().nullable().describe('How many cases it holds now; null when the helpdesk did not count it.'),
  conditions: z.array(z.string()).describe('Its conditions, one line per alternative ("a AND b").'),
  orderBy: z.string().nullable()
})
type ViewSummary = z.infer<typeof viewSchema>

const viewSummary = (v: View.View, counts: ReadonlyMap<number, number>): ViewSummary => ({
  id: v.id,
  title: v.title,
  type: v.type,
  visibility: v.visibilityType,
  isDefault: v.isDefault,
  isEnabled: v.isEnabled,
  caseCount: counts.get(v.id) ?? null,
  conditions: v.predicateCollections.map((c) => c.propositions.map((p) => `${p.field ?? '?'} ${p.operator ?? '?'} ${p.value ?? ''}`.trim()).join(' AND ')),
  orderBy: v.orderByColumn === null ? null : `${v.orderByColumn} ${v.orderBy ?? ''}`.trim()
})

const listViews = /*#__PURE__*/ defineTool({
  name: LIST_VIEWS,
  api: 'v1',
  title: 'List Kayako case views (v1)',
  description:
    "Lists the agent app's case views of the Kayako (v1) helpdesk (Inbox, 'My cases', team queues, saved filters) with " +
    'how many cases each holds and its conditions. Use it to find the queue to triage, then v1_view_cases with its id.',
  input: {
    all: z.boolean().optional().describe('Also views the agent app hides from this account (disabled ones, other agents’ own).'),
    limit: limitArg,
    cursor: cursorArg
  },
  output: pageShape(viewSchema),
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const { limit, cursor, ...filters } = args
    const at = resume(LIST_VIEWS, cursor, filters)
    if (E.isLeft(at)) return at
    const f = at.right.filters as typeof filters
    const request = View.all({ offset: at.right.offset ?? 0, limit, ...(f.all === undefined ? {} : { showAll: f.all }) })
    const answer = await attempt(apis.v1(request))
    if (E.isLeft(answer)) return answer
    const counted = await attempt(apis.v1(View.counts()))
    if (E.isLeft(counted)) return counted
    const counts = new Map<number, number>()
    for (const c of counted.right) {
      const id = c.view === null ? undefined : isReference(c.view) ? c.view.id : included(c.view)?.id
      if (typeof id === 'number') counts.set(id, c.count)
    }
    const items = answer.right.items.map((v) => viewSummary(v, counts))
    const structured = envelope(at.right, request.query, answer.right, items)
    const lines = items.map(
      (v) =>
        `view #${v.id} ${v.title} | ${v.caseCount === null ? '? cases' : `${v.caseCount} case(s)`} | ${v.type ?? '-'}, visible to ${v.visibility ?? '-'}` +
        `${v.isEnabled ? '' : ', disabled'}${v.conditions.length > 0 ? ` | where ${v.conditions.join(' OR ')}` : ''}`
    )
    return E.right({ structured, text: capText([...lines, '', moreText(structured.next, answer.right.totalCount, items.length)].join('\n')) })
  }
})

const viewCasesOutput = {
  view: z.object({ id: z.number(), title: z.string() }),
  ...pageShape(caseSchema),
  total: z.number().nullable().describe('How many cases the view holds.')
}

type ViewCasesOutput = z.infer<z.ZodObject<typeof viewCasesOutput>>

/** One page of a view's cases, with the view's title: what `v1_view_cases` and `kayako://v1/view/{id}` answer. */
export const readView = async (run: V1Executor, viewId: number, limit: number, cursor?: string): Promise<Either<ToolError, ToolOutcome<ViewCasesOutput>>> => {
  const at = resume(VIEW_CASES, cursor, { viewId })
  if (E.isLeft(at)) return at
  const view = await attempt(run(View.get(viewId)))
  if (E.isLeft(view)) return view
  const request = View.cases(viewId, { offset: at.right.offset ?? 0, limit })
  const answer = await attempt(run(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(request)))
  if (E.isLeft(answer)) return answer
  const items = answer.right.items.map(caseSummary)
  const structured: ViewCasesOutput = {
    view: { id: view.right.id, title: view.right.title },
    ...envelope(at.right, request.query, answer.right, items),
    total: answer.right.totalCount
  }
  const lines = [`View #${view.right.id} ${view.right.title}:`, ...(items.length === 0 ? ['No case in this view.'] : items.map(caseLine))]
  return E.right({ structured, text: capText([...lines, '', moreText(structured.next, answer.right.totalCount, items.length)].join('\n')) })
}

const viewCases = /*#__PURE__*/ defineTool({
  name: VIEW_CASES,
  api: 'v1',
  title: 'List the cases of a Kayako view (v1)',
  description:
    "Lists the cases a case view selects (an inbox, 'My cases', a team queue), in the view's own order, each with status, " +
    'priority, requester, assignee and tags. Use it to triage a queue; v1_list_views gives the view ids. For ad-hoc ' +
    'filters use v1_list_cases instead.',
  input: {
    viewId: z.number().int().positive().describe('The view id (v1_list_views gives it).'),
    limit: limitArg,
    cursor: cursorArg
  },
  output: viewCasesOutput,
  access: 'read',
  annotations: READ,
  run: async (args, apis) => readView(apis.v1, args.viewId, args.limit, args.cursor)
})

/** The text of the `kayako://v1/view/{id}` resource: the view's first page of cases, as `v1_view_cases` renders it. */
export const viewDocument = async (run: V1Executor, id: number): Promise<Either<ToolError, string>> => {
  if (!Number.isInteger(id) || id <= 0) return E.left(invalid(`id: ${String(id)} is not a view id.`, 'Use a positive whole number, e.g. kayako://v1/view/1.'))
  const outcome = await readView(run, id, DEFAULT_LIMIT)
  return E.isLeft(outcome) ? outcome : E.right(outcome.right.text)
}

export const VIEW_TOOLS = [listViews, viewCases] as const
