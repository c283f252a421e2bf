/**
 * Customer context: `v1_get_user` (by id or e-mail address, with their recent cases) and `v1_get_organization` (with
 * its members and recent cases).
 */
import type { Either } from 'fp-ts/Either'
import { z } from 'zod'
import * as E from '../../core/either'
import { isReference } from '../../v1/internal/codec'
import type { V1Executor } from '../../v1/internal/executor'
import { withOptions } from '../../v1/internal/request'
import * as Organization from '../../v1/Organization'
import * as Search from '../../v1/Search'
import * as User from '../../v1/User'
import { attempt, invalid } from '../errors'
import { capText } from '../format'
import { defineTool, READ, type ToolError } from '../tool'
import {
  CASE_INCLUDE,
  caseLine,
  emailArg,
  caseSchema,
  caseSummary,
  organizationLine,
  organizationSchema,
  organizationSummary,
  USER_INCLUDE,
  userLine,
  userSchema,
  userSummary
} from './shape'

/** How many recent cases and members the people tools answer with by default, and at most. */
const DEFAULT_RECENT = 10
const MAX_RECENT = 50

const recentArg = (what: string, fallback: number) =>
  z.number().int().min(0).max(MAX_RECENT).optional().describe(`How many ${what} (default ${fallback}, at most ${MAX_RECENT}; 0 for none).`)

/** How many users an e-mail search may name before the lookup gives up reading them one by one. */
const MAX_CANDIDATES = 5

const notFound = (message: string, hint: string): ToolError => ({ kind: 'NotFound', message, hint })

/** The id of the user with exactly this e-mail address (letter case ignored), found with the search. */
const userIdByEmail = async (run: V1Executor, email: string): Promise<Either<ToolError, number>> => {
  const hits = await attempt(run(Search.query({ query: email, resources: ['users'], limit: MAX_CANDIDATES })))
  if (E.isLeft(hits)) return hits
  const wanted = email.trim().toLowerCase()
  for (const hit of hits.right.items) {
    const id = hit.data === null ? undefined : isReference(hit.data) ? hit.data.id : hit.data.id
    if (typeof id !== 'number') continue
    const user = await attempt(run(withOptions({ include: USER_INCLUDE })(User.get(id))))
    if (E.isLeft(user)) return user
    if (userSummary(user.right).emails.some((e) => e.toLowerCase() === wanted)) return E.right(id)
  }
  return E.left(notFound(`No user has the e-mail address ${email}.`, 'Check the address, or search by name with v1_search (resources: ["users"]).'))
}

const getUserOutput = {
  user: userSchema,
  recentCases: z.array(caseSchema).describe('The cases they requested, most recently updated first.'),
  caseTotal: z.number().nullable().describe('How many cases they requested in all.')
}

const getUser = /*#__PURE__*/ defineTool({
  name: 'v1_get_user',
  api: 'v1',
  title: 'Get a Kayako user (v1)',
  description:
    'One user of the Kayako (v1) helpdesk, a customer or an agent, by id or by e-mail address: name, role, e-mail ' +
    'addresses, phones, organization, locale and time zone, with the cases they requested most recently. Use it for ' +
    'customer context before replying. Give exactly one of `userId` and `email`; for a name use v1_search first.',
  input: {
    userId: z.number().int().positive().optional().describe('The user id (a case’s requester, a search hit).'),
    email: emailArg.optional().describe('One of the user’s e-mail addresses.'),
    recentCases: recentArg('recent cases', DEFAULT_RECENT)
  },
  output: getUserOutput,
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    if ((args.userId === undefined) === (args.email === undefined))
      return E.left(invalid('Give exactly one of userId and email.', 'Pass `userId` when you have the id, else `email`.'))
    const id = args.userId === undefined ? await userIdByEmail(apis.v1, args.email ?? '') : E.right(args.userId)
    if (E.isLeft(id)) return id
    const user = await attempt(apis.v1(withOptions({ include: USER_INCLUDE })(User.get(id.right))))
    if (E.isLeft(user)) return user
    const recent = args.recentCases ?? DEFAULT_RECENT
    const cases =
      recent === 0
        ? E.right(undefined)
        : await attempt(apis.v1(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(User.cases(id.right, { limit: recent }))))
    if (E.isLeft(cases)) return cases
    const structured = {
      user: userSummary(user.right),
      recentCases: cases.right?.items.map(caseSummary) ?? [],
      caseTotal: cases.right?.totalCount ?? null
    }
    const text = [
      userLine(structured.user),
      `phones ${structured.user.phones.join(', ') || '-'} | locale ${structured.user.locale ?? '-'} | time zone ${structured.user.timeZone ?? '-'} | created ${structured.user.createdAt ?? '-'}`,
      '',
      `Recent cases (${structured.recentCases.length}${structured.caseTotal === null ? '' : ` of ${structured.caseTotal}`}):`,
      ...structured.recentCases.map(caseLine)
    ].join('\n')
    return E.right({ structured, text: capText(text, 'Ask for fewer recent cases.') })
  }
})

const getOrganizationOutput = {
  organization: organizationSchema,
  members: z.array(userSchema),
  memberTotal: z.number().nullable(),
  recentCases: z.array(caseSchema).describe('Cases of its members, most recently updated first.'),
  caseTotal: z.number().nullable()
}

const getOrganization = /*#__PURE__*/ defineTool({
  name: 'v1_get_organization',
  api: 'v1',
  title: 'Get a Kayako organization (v1)',
  description:
    'One organization (a customer company) of the Kayako (v1) helpdesk: its domains and phones, its members, and the ' +
    'cases its members requested most recently. Use it for account-level context (who else at this company wrote, what ' +
    "is open for them). A user's organization id comes with v1_get_user or v1_get_case; by name use v1_search.",
  input: {
    organizationId: z.number().int().positive(),
    members: recentArg('members', DEFAULT_RECENT),
    recentCases: recentArg('recent cases', DEFAULT_RECENT)
  },
  output: getOrganizationOutput,
  access: 'read',
  annotations: READ,
  run: async (args, apis) => {
    const id = args.organizationId
    const org = await attempt(apis.v1(withOptions({ include: ['identity_domain', 'identity_phone'] })(Organization.get(id))))
    if (E.isLeft(org)) return org
    const memberCount = args.members ?? DEFAULT_RECENT
    const members =
      memberCount === 0 ? E.right(undefined) : await attempt(apis.v1(withOptions({ include: USER_INCLUDE })(Organization.members(id, { limit: memberCount }))))
    if (E.isLeft(members)) return members
    const caseCount = args.recentCases ?? DEFAULT_RECENT
    const cases =
      caseCount === 0
        ? E.right(undefined)
        : await attempt(apis.v1(withOptions({ include: CASE_INCLUDE, fields: '+tags' })(Organization.cases(id, { limit: caseCount }))))
    if (E.isLeft(cases)) return cases
    const structured = {
      organization: organizationSummary(org.right),
      members: members.right?.items.map(userSummary) ?? [],
      memberTotal: members.right?.totalCount ?? null,
      recentCases: cases.right?.items.map(caseSummary) ?? [],
      caseTotal: cases.right?.totalCount ?? null
    }
    const text = [
      organizationLine(structured.organization),
      '',
      `Members (${structured.members.length}${structured.memberTotal === null ? '' : ` of ${structured.memberTotal}`}):`,
      ...structured.members.map(userLine),
      '',
      `Recent cases (${structured.recentCases.length}${structured.caseTotal === null ? '' : ` of ${structured.caseTotal}`}):`,
      ...structured.recentCases.map(caseLine)
    ].join('\n')
    return E.right({ structured, text: capText(text, 'Ask for fewer members or recent cases.') })
  }
})

export const PEOPLE_TOOLS = [getUser, getOrganization] as const
