/**
 * The v1 case tools that read: `v1_list_cases` (filters, newest update first) and `v1_get_case` (the case with its
 * requester, organization and transcript), and `caseDocument`, the same reading for the `kayako://v1/case/{id}`
 * resource.
 */
import type { Either } from 'fp-ts/Either'
import { z } from 'zod'
import * as E from '../../core/either'
import * as Case from '../../v1/Case'
import { included } from '../../v1/internal/codec'
import type { V1Executor } from '../../v1/internal/executor'
import * as User from '../../v1/User'
import { withOptions } from '../../v1/internal/request'
import { attempt, invalid } from '../errors'
import { capText, cursorArg, pageShape } from '../format'
import { defineTool, READ, type ToolError, type ToolOutcome } from '../tool'
import { envelope, limitArg, moreText, resume } from './paging'
import {
  CASE_INCLUDE,
  caseLine,
  emailArg,
  caseSchema,
  caseSummary,
  organizationLine,
  organizationSchema,
  organizationSummary,
  postSchema,
  postSummary,
  postText,
  USER_INCLUDE,
  userLine,
  userSchema,
  userSummary
} from './shape'

const LIST_CASES = 'v1_list_cases'

const listCases = /*#__PURE__*/ defineTool({
  name: LIST_CASES,
  api: 'v1',
  title: 'List Kayako cases (v1)',
  description:
    'Lists cases of the Kayako (v1) helpdesk, most recently updated first, filtered by status type, tags, priority, requester ' +
    'e-mail or last update; each with its status, priority, requester, assignee, team and tags. Use it to browse or to find a ' +
    "requester's cases. To find cases by words in their subject or messages use v1_search; for an agent-app view (an inbox, " +
    "'My cases') use v1_view_cases; for one case's conversation use v1_get_case.",
  input: {
    status: z
      .array(z.enum(Case.STATUS_TYPES))
      .min(1)
      .optional()
      .describe('Only cases whose status is of one of these types (v1_list_case_options lists the statuses).'),
    tags: z.array(z.string().min(1)).min(1).optional().describe('Only cases with at least one of these tags.'),
    priority: z.number().int().min(1).optional().describe('Only cases with a priority up to this level (1 is the lowest).'),
    requesterEmail: emailArg.optional().describe('Only cases requested by the user with this e-mail address.'),
    updatedSince: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time')
      .optional()
      .describe('Only cases updated at or after this ISO 8601 time.'),
    archived: z.boolean().optional().describe('Also cases closed more than 30 days ago (left out otherwise).'),
    limit: limitArg,
    cursor: cursorArg
  },
  output: pageShape(caseSchema),
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const { limit, cursor, ...filters } = args
    const at = resume(LIST_CASES, cursor, filters)
    if (E.isLeft(at)) return at
    const f = at.right.filters as typeof filters
    const request = Case.all({
      offset: at.right.offset ?? 0,
      limit,
      ...(f.status === undefined ? {} : { status: f.status }),
      ...(f.tags === undefined ? {} : { tags: f.tags }),
      ...(f.priority === undefined ? {} : { priority: f.priority }),
      ...(f.requesterEmail === undefined ? {} : { identityType: 'EMAIL' as const, identityValue: f.requesterEmail }),
      ...(f.updatedSince === undefined ? {} : { startTime: new Date(f.updatedSince) }),
      ...(f.archived === undefined ? {} : { archived: f.archived })
    })
    const answer = await attempt(apis.v1(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(request)))
    if (E.isLeft(answer)) return answer
    const items = answer.right.items.map(caseSummary)
    const structured = envelope(at.right, request.query, answer.right, items)
    const lines = items.length === 0 ? ['No case matches.'] : items.map(caseLine)
    return E.right({ structured, text: capText([...lines, '', moreText(structured.next, answer.right.totalCount, items.length)].join('\n')) })
  }
})

// ---------------------------------------------------------------------------------------------------------------
// One case

const GET_CASE = 'v1_get_case'

/** How many posts of the transcript one answer holds by default, and at most. */
const DEFAULT_POSTS = 30
const MAX_POSTS = 100

const caseDetailSchema = /*#__PURE__*/ caseSchema.extend({
  channel: z.string().nullable().describe('The channel it came in on: MAIL, MESSENGER, TWITTER, FACEBOOK, NOTE …'),
  customFields: z.array(z.object({ fieldId: z.number(), value: z.string() })).describe('Values by field id (v1_list_case_options names the fields).')
})

const getCaseOutput = {
  case: caseDetailSchema,
  requester: userSchema.nullable(),
  organization: organizationSchema.nullable(),
  transcript: z
    .object(pageShape(postSchema))
    .describe('The newest posts (messages and internal notes) in chronological order, oldest first; `next` is the cursor of the older ones.')
}

type GetCaseOutput = z.infer<z.ZodObject<typeof getCaseOutput>>

const fieldValue = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))

/**
 * The case, its requester and organization, and one page of its transcript (newest first on the server, shown oldest
 * first): what `v1_get_case` and the `kayako://v1/case/{id}` resource answer.
 */
export const readCase = async (run: V1Executor, id: number, posts: number, cursor?: string): Promise<Either<ToolError, ToolOutcome<GetCaseOutput>>> => {
  const at = resume(GET_CASE, cursor, { caseId: id })
  if (E.isLeft(at)) return at
  const kase = await attempt(run(withOptions({ include: [...CASE_INCLUDE, 'channel'], fields: '+tags' })(Case.get(id))))
  if (E.isLeft(kase)) return kase
  const postsRequest = Case.posts(id, {
    filters: ['MESSAGES', 'NOTES'],
    limit: posts,
    ...(at.right.afterId === undefined ? {} : { afterId: at.right.afterId })
  })
  const timeline = await attempt(run(withOptions({ include: ['user'] })(postsRequest)))
  if (E.isLeft(timeline)) return timeline
  // a reference or the included user: both carry the id (read again below, with the user's e-mails and organization)
  const requesterId = kase.right.requester?.id
  let requester: GetCaseOutput['requester'] = null
  let organization: GetCaseOutput['organization'] = null
  if (typeof requesterId === 'number') {
    const user = await attempt(run(withOptions({ include: [...USER_INCLUDE, 'identity_domain'] })(User.get(requesterId))))
    if (E.isLeft(user)) return user
    requester = userSummary(user.right)
    const org = included(user.right.organization)
    organization = org === undefined ? null : organizationSummary(org)
  }
  const summary = caseSummary(kase.right)
  const structured: GetCaseOutput = {
    case: {
      ...summary,
      channel: included(kase.right.sourceChannel)?.type ?? null,
      customFields: kase.right.customFields.flatMap((v) => {
        const fieldId = v.field === null ? undefined : (v.field as { readonly id?: unknown }).id
        return typeof fieldId === 'number' ? [{ fieldId, value: fieldValue(v.value) }] : []
      })
    },
    requester,
    organization,
    transcript: envelope(at.right, postsRequest.query, timeline.right, [...timeline.right.items].reverse().map(postSummary))
  }
  const c = structured.case
  const text = [
    caseLine(c),
    `channel ${c.channel ?? '-'} | type ${c.type?.name ?? '-'} | state ${c.state ?? '-'} | created ${c.createdAt ?? '-'} | ${c.postCount} post(s)`,
    requester === null ? 'requester: -' : `requester: ${userLine(requester)}`,
    organization === null ? 'organization: -' : `organization: ${organizationLine(organization)}`,
    '',
    structured.transcript.next === null
      ? 'Transcript (oldest first):'
      : 'Transcript, newest posts (oldest first; older posts: call again with the cursor below):',
    ...structured.transcript.items.map(postText),
    ...(structured.transcript.next === null ? [] : ['', `Older posts: cursor "${structured.transcript.next}".`])
  ].join('\n')
  return E.right({ structured, text: capText(text, 'Ask for fewer posts (`posts`) and page with the cursor.') })
}

const getCase = /*#__PURE__*/ defineTool({
  name: GET_CASE,
  api: 'v1',
  title: 'Get a Kayako case with its conversation (v1)',
  description:
    'One case of the Kayako (v1) helpdesk in one call: its fields (status, priority, type, assignee, team, tags, custom ' +
    'fields), the requester (e-mails, phones), their organization, and the transcript: messages the requester sees and ' +
    'internal notes, marked apart, oldest first. Use it before answering or summarising a case. Long conversations come ' +
    'newest posts first page: pass `cursor` for older ones. To find the case id use v1_search or v1_list_cases.',
  input: {
    caseId: z.number().int().positive().describe('The case id (v1_search, v1_list_cases or v1_view_cases give it).'),
    posts: z.number().int().min(1).max(MAX_POSTS).optional().describe(`How many posts of the transcript (default ${DEFAULT_POSTS}, newest).`),
    cursor: cursorArg
  },
  output: getCaseOutput,
  access: 'read',
  annotations: READ,
  run: async (args, apis) => readCase(apis.v1, args.caseId, args.posts ?? DEFAULT_POSTS, args.cursor)
})

/** The text of the `kayako://v1/case/{id}` resource: the case as `v1_get_case` renders it (the newest posts). */
export const caseDocument = async (run: V1Executor, id: number): Promise<Either<ToolError, string>> => {
  if (!Number.isInteger(id) || id <= 0) return E.left(invalid(`id: ${String(id)} is not a case id.`, 'Use a positive whole number, e.g. kayako://v1/case/1.'))
  const outcome = await readCase(run, id, DEFAULT_POSTS)
  return E.isLeft(outcome) ? outcome : E.right(outcome.right.text)
}

export const CASE_TOOLS = [listCases, getCase] as const
