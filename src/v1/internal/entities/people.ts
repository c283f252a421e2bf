/** Users, their organizations and identities: one file, because they refer to each other (a user's emails, an email's user). */
import { bool, date, type Field, int, list, literal, nullableText, related, type Related, relatedList, requiredInt, struct, text, asSent } from '../codec'
import { type Decoder, failure, success } from '../../../core/decoder'
import { isObject } from '../flat'
import { customFieldValue, type CustomFieldValue } from './caseField'
import { type Resource, stamps, type Timestamps, url } from './resource'
import { type AgentCaseAccess, type Role, role } from './role'
import { tag, type Tag } from './tag'
import { type Team, team } from './team'

/**
 * An organization (`/organizations`): the company its customers belong to, with its e-mail domains, phones, tags
 * and custom field values.
 */
export interface Organization extends Timestamps, Resource {
  readonly id: number
  readonly name: string
  readonly legacyId: string | null
  readonly isShared: boolean
  readonly domains: ReadonlyArray<Related<IdentityDomain>>
  /** The server's field is `phone` (singular), a list. */
  readonly phones: ReadonlyArray<Related<IdentityPhone>>
  readonly addresses: ReadonlyArray<unknown>
  readonly websites: ReadonlyArray<unknown>
  readonly pinnedNotesCount: number
  readonly customFields: ReadonlyArray<CustomFieldValue>
  readonly tags: ReadonlyArray<Related<Tag>>
}

export const organization: Decoder<unknown, Organization> = /*#__PURE__*/ struct('organization', () => ({
  id: requiredInt('id'),
  name: text('name'),
  legacyId: nullableText('legacy_id'),
  isShared: bool('is_shared'),
  domains: relatedList('domains', identityDomain),
  phones: relatedList('phone', identityPhone),
  addresses: list('addresses', asSent),
  websites: list('websites', asSent),
  pinnedNotesCount: int('pinned_notes_count'),
  customFields: list('custom_fields', customFieldValue),
  tags: relatedList('tags', tag),
  ...stamps(),
  ...url()
}))

/** `locale` is a string in the docs' examples and an object on some servers (Kayako's agent app reads both). */
export const localeCode = (key: string): Field<string | null> => ({
  key,
  read: (o) => {
    const value = o[key]
    if (value === undefined || value === null || value === '') return success(null)
    if (isObject(value)) {
      const code = value.locale ?? value.code
      return typeof code === 'string' ? success(code) : success(null)
    }
    return typeof value === 'string' ? success(value) : failure(value, 'expected a locale')
  }
})

/** Which cases a customer sees: those they requested, or every case of their organization. */
export type OrganizationCaseAccess = 'REQUESTED' | 'ORGANIZATION'

/**
 * A user (`/users`): an agent, admin, owner, collaborator or customer (the `role` says which), with their identities
 * (e-mails, phones), organization, teams, case access and custom field values.
 */
export interface User extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly fullName: string
  readonly legacyId: string | null
  readonly designation: string | null
  readonly isEnabled: boolean
  readonly isMfaEnabled: boolean
  readonly role: Related<Role> | null
  readonly avatar: string | null
  readonly agentCaseAccess: AgentCaseAccess | null
  readonly organizationCaseAccess: OrganizationCaseAccess | null
  readonly organization: Related<Organization> | null
  readonly teams: ReadonlyArray<Related<Team>>
  readonly emails: ReadonlyArray<Related<IdentityEmail>>
  readonly phones: ReadonlyArray<Related<IdentityPhone>>
  readonly customFields: ReadonlyArray<CustomFieldValue>
  readonly pinnedNotesCount: number
  /** A locale code such as `en-us`. */
  readonly locale: string | null
  readonly timeZone: string | null
  /** Sent as a string or a number; kept as text. */
  readonly timeZoneOffset: string | null
  readonly greeting: string | null
  readonly signature: string | null
  readonly statusMessage: string | null
  readonly lastSeenUserAgent: string | null
  readonly lastSeenIp: string | null
  readonly lastSeenAt: Date | null
  readonly lastActiveAt: Date | null
  readonly realtimeChannel: string | null
  readonly presenceChannel: string | null
  readonly passwordUpdatedAt: Date | null
  readonly avatarUpdatedAt: Date | null
  readonly lastLoggedInAt: Date | null
  readonly lastActivityAt: Date | null
}

export const user: Decoder<unknown, User> = /*#__PURE__*/ struct('user', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  fullName: text('full_name'),
  legacyId: nullableText('legacy_id'),
  designation: nullableText('designation'),
  isEnabled: bool('is_enabled'),
  isMfaEnabled: bool('is_mfa_enabled'),
  role: related('role', role),
  avatar: nullableText('avatar'),
  agentCaseAccess: literal<AgentCaseAccess>('agent_case_access'),
  organizationCaseAccess: literal<OrganizationCaseAccess>('organization_case_access'),
  organization: related('organization', organization),
  teams: relatedList('teams', team),
  emails: relatedList('emails', identityEmail),
  phones: relatedList('phones', identityPhone),
  customFields: list('custom_fields', customFieldValue),
  pinnedNotesCount: int('pinned_notes_count'),
  locale: localeCode('locale'),
  timeZone: nullableText('time_zone'),
  timeZoneOffset: nullableText('time_zone_offset'),
  greeting: nullableText('greeting'),
  signature: nullableText('signature'),
  statusMessage: nullableText('status_message'),
  lastSeenUserAgent: nullableText('last_seen_user_agent'),
  lastSeenIp: nullableText('last_seen_ip'),
  lastSeenAt: date('last_seen_at'),
  lastActiveAt: date('last_active_at'),
  realtimeChannel: nullableText('realtime_channel'),
  presenceChannel: nullableText('presence_channel'),
  passwordUpdatedAt: date('password_updated_at'),
  avatarUpdatedAt: date('avatar_updated_at'),
  lastLoggedInAt: date('last_logged_in_at'),
  lastActivityAt: date('last_activity_at'),
  ...stamps(),
  ...url()
}))

/** An e-mail address of a user (`/identities/emails`); a user may have several, one of them primary. */
export interface IdentityEmail extends Timestamps, Resource {
  readonly id: number
  readonly email: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
  readonly isNotificationEnabled: boolean
  readonly user: Related<User> | null
}

export const identityEmail: Decoder<unknown, IdentityEmail> = /*#__PURE__*/ struct('identity_email', () => ({
  id: requiredInt('id'),
  email: text('email'),
  isPrimary: bool('is_primary'),
  isValidated: bool('is_validated'),
  isNotificationEnabled: bool('is_notification_enabled'),
  user: related('user', user),
  ...stamps(),
  ...url()
}))

/** An e-mail domain of an organization (`/identities/domains`). */
export interface IdentityDomain extends Timestamps, Resource {
  readonly id: number
  readonly domain: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
}

export const identityDomain: Decoder<unknown, IdentityDomain> = /*#__PURE__*/ struct('identity_domain', () => ({
  id: requiredInt('id'),
  domain: text('domain'),
  isPrimary: bool('is_primary'),
  isValidated: bool('is_validated'),
  ...stamps(),
  ...url()
}))

/** A phone number of a user or an organization (`/identities/phones`). */
export interface IdentityPhone extends Timestamps, Resource {
  readonly id: number
  readonly number: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
  readonly user: Related<User> | null
}

export const identityPhone: Decoder<unknown, IdentityPhone> = /*#__PURE__*/ struct('identity_phone', () => ({
  id: requiredInt('id'),
  number: text('number'),
  isPrimary: bool('is_primary'),
  isValidated: bool('is_validated'),
  user: related('user', user),
  ...stamps(),
  ...url()
}))
