/**
 * Role — `/roles` (spec §3.1 users area, §3.2 role). The model every v1 resource module follows: the entity (from
 * `entities.ts`, where nesting resources live together), input types, checks before sending, one builder per action,
 * Rails-style aliases.
 */
import * as V from '../core/validate'
import { role, type Role, type RoleType } from './entities'
import { checkOffset, getRequest, json, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { AgentCaseAccess, Role, RoleType } from './entities'

export const ROLE_TYPES: ReadonlyArray<RoleType> = ['OWNER', 'ADMIN', 'AGENT', 'COLLABORATOR', 'CUSTOMER']
/** The types a new role may have (spec: ADMIN | AGENT). */
export const NEW_ROLE_TYPES: ReadonlyArray<RoleType> = ['ADMIN', 'AGENT']
export const AGENT_CASE_ACCESS: ReadonlyArray<'SELF' | 'TEAMS' | 'ALL'> = ['SELF', 'TEAMS', 'ALL']

export interface NewRole {
  readonly title: string
  readonly type: RoleType
  readonly agentCaseAccess?: 'SELF' | 'TEAMS' | 'ALL'
}

export interface RoleUpdate {
  readonly title?: string
  readonly agentCaseAccess?: 'SELF' | 'TEAMS' | 'ALL'
}

const PATH = '/roles'

const checkFields = (input: Partial<NewRole>): V.Issues =>
  V.issues(
    V.optional(input.title, (t) => V.nonBlank('title', t)),
    V.optional(input.agentCaseAccess, (a) => V.oneOf('agentCaseAccess', a, AGENT_CASE_ACCESS))
  )

/** One page of roles. */
export const all = (args: OffsetArgs = {}): V1Request<Page<Role>> =>
  getRequest('Role.all', PATH, page(role), { query: { offset: args?.offset, limit: args?.limit }, issues: V.input(args, checkOffset, 'args') })

export const get = (id: number): V1Request<Role> => getRequest('Role.get', `${PATH}/${segment(id)}`, one(role), { issues: V.positiveInt('id', id) })

/** Creates a role (Admins and Owners). */
export const post = (input: NewRole): V1Request<Role> => {
  const issues = V.input(input, (i) => V.issues(V.nonBlank('title', i.title), V.oneOf('type', i.type, NEW_ROLE_TYPES), checkFields(i)))
  return postRequest('Role.post', PATH, one(role), { issues, body: json({ title: input?.title, type: input?.type, agentCaseAccess: input?.agentCaseAccess }) })
}

export const put = (id: number, input: RoleUpdate): V1Request<Role> => {
  const issues = V.issues(V.positiveInt('id', id), V.input(input, checkFields))
  return putRequest('Role.put', `${PATH}/${segment(id)}`, one(role), { issues, body: json({ title: input?.title, agentCaseAccess: input?.agentCaseAccess }) })
}

export { get as find, post as save, put as update }
