/**
 * Role — `/roles` (spec §3.1 users area, §3.2 role). The model every v1 resource module follows: the entity (from
 * `internal/entities/`, one file per resource, where nesting resources find each other), input types and their field table, one builder per action,
 * Rails-style aliases.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { role, type Role, type RoleType } from './internal/entities/role'
import type { OffsetArgs } from './internal/request'
import { create, getById, offsetList, update } from './internal/endpoints'

export type { AgentCaseAccess, Role, RoleType } from './internal/entities/role'

/** Every role type, from the account's owner down to customers. */
export const ROLE_TYPES: ReadonlyArray<RoleType> = ['OWNER', 'ADMIN', 'AGENT', 'COLLABORATOR', 'CUSTOMER']
/** The types a new role may have (spec: ADMIN | AGENT). */
export const NEW_ROLE_TYPES: ReadonlyArray<RoleType> = ['ADMIN', 'AGENT']
/** The case access a role may give its agents: their own cases, their teams', or all. */
export const AGENT_CASE_ACCESS: ReadonlyArray<'SELF' | 'TEAMS' | 'ALL'> = ['SELF', 'TEAMS', 'ALL']

/** A new role (`POST /roles`): its title, its type (one of {@link NEW_ROLE_TYPES}) and its agents' case access. */
export interface NewRole {
  readonly title: string
  readonly type: RoleType
  readonly agentCaseAccess?: 'SELF' | 'TEAMS' | 'ALL'
}

/** The fields to change on a role (`PUT /roles/:id`); its type stays. */
export interface RoleUpdate {
  readonly title?: string
  readonly agentCaseAccess?: 'SELF' | 'TEAMS' | 'ALL'
}

const PATH = '/roles'

/** Every field of a role's input types, described once: wire name and check. */
const FIELDS: Fields<NewRole & RoleUpdate, unknown> = {
  title: { wire: 'title', check: V.nonBlank },
  type: { wire: 'type', check: (path, value) => V.oneOf(path, value, NEW_ROLE_TYPES) },
  agentCaseAccess: { wire: 'agentCaseAccess', check: (path, value) => V.oneOf(path, value, AGENT_CASE_ACCESS) }
}

const NEW_REQUIRED: RequiredFields<NewRole> = { title: true, type: true }

/** One page of roles. */
export const all = /*#__PURE__*/ offsetList<OffsetArgs, Role>('Role.all', PATH, role)

/** One role (`GET /roles/:id`). */
export const get = /*#__PURE__*/ getById('Role.get', PATH, role)

/** Creates a role (Admins and Owners). */
export const post = /*#__PURE__*/ create<NewRole, Role>('Role.post', PATH, role, FIELDS, NEW_REQUIRED)

/** Changes a role's title or case access (`PUT /roles/:id`). */
export const put = /*#__PURE__*/ update<RoleUpdate, Role>('Role.put', PATH, role, FIELDS)

export { get as find, post as save, put as update }
