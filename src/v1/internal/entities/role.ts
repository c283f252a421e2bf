import { bool, literal, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

export type RoleType = 'OWNER' | 'ADMIN' | 'AGENT' | 'COLLABORATOR' | 'CUSTOMER'
export type AgentCaseAccess = 'SELF' | 'TEAMS' | 'INHERIT-FROM-ROLE' | 'ALL'

export interface Role extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly type: RoleType | null
  readonly isSystem: boolean
  readonly agentCaseAccess: AgentCaseAccess | null
}

export const role: Decoder<unknown, Role> = /*#__PURE__*/ struct('role', () => ({
  id: requiredInt('id'),
  title: text('title'),
  type: literal<RoleType>('type'),
  isSystem: bool('is_system'),
  agentCaseAccess: literal<AgentCaseAccess>('agent_case_access'),
  ...stamps(),
  ...url()
}))
