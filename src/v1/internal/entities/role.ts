import { date, record } from '../codec'
import type { Decoder } from '../../../core/decoder'
import type { Resource, Timestamps } from './resource'

/** The kind of a role, which sets what its users may do: from the account's owner down to customers. */
export type RoleType = 'OWNER' | 'ADMIN' | 'AGENT' | 'COLLABORATOR' | 'CUSTOMER'
/** Which cases an agent sees: their own, their teams', all; on a user, `INHERIT-FROM-ROLE` takes the role's. */
export type AgentCaseAccess = 'SELF' | 'TEAMS' | 'INHERIT-FROM-ROLE' | 'ALL'

/** A role (`/roles`): its title and kind, and the case access it gives its agents; every user has one. */
export interface Role extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly type: RoleType | null
  readonly isSystem: boolean
  readonly agentCaseAccess: AgentCaseAccess | null
}

export const role: Decoder<unknown, Role> = /*#__PURE__*/ record(
  'role',
  'id:I title:t type isSystem:b agentCaseAccess createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)
