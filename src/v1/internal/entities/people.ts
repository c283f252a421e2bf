/** Users, their organizations and identities: one file, because they refer to each other (a user's emails, an email's user). */
import { date, type Reader, list, listAsSent, record, related, type Related, relatedList } from '../codec'
import { type Decoder, failure, success } from '../../../core/decoder'
import { isObject } from '../flat'
import { customFieldValue, type CustomFieldValue, shallowCustomFieldValue } from './caseField'
import { anyResource, type Resource, type Shallow, type Timestamps } from './resource'
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

const ORGANIZATION =
  'id:I name:t legacyId isShared:b domains:1 phones:2:phone addresses:3 websites:3 pinnedNotesCount:i ' +
  'customFields:4 tags:5 createdAt:0 updatedAt:0 resourceUrl'

export const organization: Decoder<unknown, Organization> = /*#__PURE__*/ record('organization', ORGANIZATION, () => [
  date,
  relatedList(identityDomain),
  relatedList(identityPhone),
  listAsSent,
  list(customFieldValue),
  relatedList(tag)
])

/** An organization with its related resources decoded generically: what `Search.query` finds. */
export const shallowOrganization: Decoder<unknown, Shallow<Organization>> = /*#__PURE__*/ record('organization', ORGANIZATION, () => {
  const many = relatedList(anyResource)
  return [date, many, many, listAsSent, list(shallowCustomFieldValue), many]
})

/** A locale code: a string in the docs' examples and an object on some servers (Kayako's agent app reads both). */
export const localeCode: Reader<string | null> = {
  decode: (value) => {
    if (!isObject(value)) return typeof value === 'string' ? success(value || null) : failure(value, 'expected a locale')
    const code = value.locale ?? value.code
    return success(typeof code === 'string' ? code : null)
  }
}

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

const USER =
  'id:I uuid fullName:t legacyId designation isEnabled:b isMfaEnabled:b role:1 avatar agentCaseAccess ' +
  'organizationCaseAccess organization:2 teams:3 emails:4 phones:5 customFields:6 pinnedNotesCount:i locale:7 ' +
  'timeZone timeZoneOffset greeting signature statusMessage lastSeenUserAgent lastSeenIp lastSeenAt:0 ' +
  'lastActiveAt:0 realtimeChannel presenceChannel passwordUpdatedAt:0 avatarUpdatedAt:0 lastLoggedInAt:0 ' +
  'lastActivityAt:0 createdAt:0 updatedAt:0 resourceUrl'

export const user: Decoder<unknown, User> = /*#__PURE__*/ record('user', USER, () => [
  date,
  related(role),
  related(organization),
  relatedList(team),
  relatedList(identityEmail),
  relatedList(identityPhone),
  list(customFieldValue),
  localeCode
])

/** A user with their related resources decoded generically: what `Search.query` finds. */
export const shallowUser: Decoder<unknown, Shallow<User>> = /*#__PURE__*/ record('user', USER, () => {
  const one = related(anyResource)
  const many = relatedList(anyResource)
  return [date, one, one, many, many, many, list(shallowCustomFieldValue), localeCode]
})

/** An e-mail address of a user (`/identities/emails`); a user may have several, one of them primary. */
export interface IdentityEmail extends Timestamps, Resource {
  readonly id: number
  readonly email: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
  readonly isNotificationEnabled: boolean
  readonly user: Related<User> | null
}

export const identityEmail: Decoder<unknown, IdentityEmail> = /*#__PURE__*/ record(
  'identity_email',
  'id:I email:t isPrimary:b isValidated:b isNotificationEnabled:b user:1 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(user)]
)

/** An e-mail domain of an organization (`/identities/domains`). */
export interface IdentityDomain extends Timestamps, Resource {
  readonly id: number
  readonly domain: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
}

export const identityDomain: Decoder<unknown, IdentityDomain> = /*#__PURE__*/ record(
  'identity_domain',
  'id:I domain:t isPrimary:b isValidated:b createdAt:0 updatedAt:0 resourceUrl',
  () => [date]
)

/** A phone number of a user or an organization (`/identities/phones`). */
export interface IdentityPhone extends Timestamps, Resource {
  readonly id: number
  readonly number: string
  readonly isPrimary: boolean
  readonly isValidated: boolean
  readonly user: Related<User> | null
}

export const identityPhone: Decoder<unknown, IdentityPhone> = /*#__PURE__*/ record(
  'identity_phone',
  'id:I number:t isPrimary:b isValidated:b user:1 createdAt:0 updatedAt:0 resourceUrl',
  () => [date, related(user)]
)
