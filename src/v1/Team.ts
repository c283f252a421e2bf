/**
 * Team — `/teams` (spec §3.2 team). Ordered by id.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { create, getById, offsetList, relatedPage, relatedPath, update, type Parent } from './internal/endpoints'
import { user, type User } from './internal/entities/people'
import { team, type Team } from './internal/entities/team'
import { checkStrings, csv, deleteRequest, json, none, postRequest, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { User } from './internal/entities/people'
export type { Team } from './internal/entities/team'

/** The filter of `GET /teams` (`legacy_ids`), with offset paging. */
export interface TeamListArgs extends OffsetArgs {
  readonly legacyIds?: ReadonlyArray<string>
}

/** A new team (`POST /teams`): its title, and the business hours its cases run on. */
export interface NewTeam {
  readonly title: string
  readonly businessHourId?: number
}

/** The fields to change on a team (`PUT /teams/:id`). */
export type TeamUpdate = Partial<NewTeam>

const PATH = '/teams'

/** Every field of a team's input types, described once: wire name and check. */
const FIELDS: Fields<NewTeam, unknown> = {
  title: { wire: 'title', check: V.nonBlank },
  // the server's name is one word: `businesshour_id`
  businessHourId: { wire: 'businesshourId', check: V.positiveInt }
}

const NEW_REQUIRED: RequiredFields<NewTeam> = { title: true }

const LIST_FIELDS: ListFields<TeamListArgs> = {
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv }
}

/** One page of teams, by id (`GET /teams`), or those with the given legacy ids. */
export const all = /*#__PURE__*/ offsetList<TeamListArgs, Team>('Team.all', PATH, team, LIST_FIELDS)

/** One team (`GET /teams/:id`). */
export const get = /*#__PURE__*/ getById('Team.get', PATH, team)

/** Creates a team (201); add agents with {@link addMembers}. */
export const post = /*#__PURE__*/ create<NewTeam, Team>('Team.post', PATH, team, FIELDS, NEW_REQUIRED)

/** Changes a team's title or business hours (`PUT /teams/:id`). */
export const put = /*#__PURE__*/ update<TeamUpdate, Team>('Team.put', PATH, team, FIELDS)

// ---------------------------------------------------------------------------------------------------------------
// Members (agents)

/** The filter of `GET /teams/:id/members`, with offset paging. */
export interface MemberListArgs extends OffsetArgs {
  /** Only enabled (or only disabled) agents. */
  readonly isEnabled?: boolean
}

const MEMBER_LIST_FIELDS: ListFields<MemberListArgs> = {
  isEnabled: { wire: 'isEnabled', check: V.isBoolean }
}

/** A non-empty list of agent ids. */
const checkAgentIds = (agentIds: ReadonlyArray<number>): V.Issues =>
  Array.isArray(agentIds) && agentIds.length > 0 ? V.positiveInts('agentIds', agentIds) : [{ path: 'agentIds', message: 'must be a non-empty array of ids' }]

/** The team as the parent of its members. */
const PARENT: Parent = { module: 'Team', path: PATH, idName: 'teamId' }

const membersPath = (teamId: number) => relatedPath(PARENT, teamId, 'members')

/** One page of the team's members. */
export const members = (teamId: number, args: MemberListArgs = {}): V1Request<Page<User>> =>
  relatedPage(PARENT, 'members', user, teamId, args, MEMBER_LIST_FIELDS)

/** Adds agents to the team (`agent_ids` as CSV); customers cannot be members. */
export const addMembers = (teamId: number, agentIds: ReadonlyArray<number>): V1Request<void> =>
  postRequest('Team.addMembers', membersPath(teamId), none, {
    issues: V.issues(V.positiveInt('teamId', teamId), checkAgentIds(agentIds)),
    body: json({ agentIds: csv(agentIds) })
  })

/** Takes agents out of the team (`DELETE …/members?agent_ids=1,2`). */
export const removeMembers = (teamId: number, agentIds: ReadonlyArray<number>): V1Request<void> =>
  deleteRequest('Team.removeMembers', membersPath(teamId), none, {
    query: { agentIds: csv(agentIds) },
    issues: V.issues(V.positiveInt('teamId', teamId), checkAgentIds(agentIds))
  })

export { get as find, post as save, put as update }
