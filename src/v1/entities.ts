/**
 * The v1 resources as typed values (spec §3.2), with their decoders. They live together because resources nest
 * (a case holds its requester, a user its role and teams): a resource module re-exports its entity from here and
 * imports no other resource module. Each decoder is a `#__PURE__` call whose fields are a function, so a bundler keeps
 * only the decoders the imported modules reach (importing `Team` keeps team and business hour, not user or case).
 *
 * Names are camelCase; timestamps are `Date | null`; a related resource is the resource when the response included
 * it (`include`, flat mode) and a `Reference` otherwise. Keys a decoder does not know are kept in `extra`.
 */
import type { Decoder } from '../core/decoder'
import {
  bool,
  date,
  freeForm,
  id,
  int,
  intList,
  list,
  literal,
  nested,
  nullableInt,
  nullableNumber,
  nullableText,
  related,
  relatedList,
  requiredInt,
  requiredText,
  struct,
  text,
  textList,
  type Extra,
  type Field,
  type Related
} from './codec'
import { failure, success } from '../core/decoder'
import { isObject } from './flat'

interface Timestamps {
  readonly createdAt: Date | null
  readonly updatedAt: Date | null
}

interface Resource {
  readonly resourceUrl: string | null
  readonly extra: Extra
}

const stamps = () => ({ createdAt: date('created_at'), updatedAt: date('updated_at') })
const url = () => ({ resourceUrl: nullableText('resource_url') })

/** Any resource this client has no type for (brand, mailbox, SLA version, a post's original …). */
export interface AnyResource {
  readonly id: number | string | null
  readonly resourceType: string | null
  readonly resourceUrl: string | null
  readonly extra: Extra
}

export const anyResource: Decoder<unknown, AnyResource> = /*#__PURE__*/ struct(undefined, () => ({
  id: id('id'),
  resourceType: nullableText('resource_type'),
  ...url()
}))

// ---------------------------------------------------------------------------------------------------------------
// Users area

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

export interface Zones {
  readonly monday: ReadonlyArray<number>
  readonly tuesday: ReadonlyArray<number>
  readonly wednesday: ReadonlyArray<number>
  readonly thursday: ReadonlyArray<number>
  readonly friday: ReadonlyArray<number>
  readonly saturday: ReadonlyArray<number>
  readonly sunday: ReadonlyArray<number>
}

const zonesDecoder = /*#__PURE__*/ struct(undefined, () => ({
  monday: intList('monday'),
  tuesday: intList('tuesday'),
  wednesday: intList('wednesday'),
  thursday: intList('thursday'),
  friday: intList('friday'),
  saturday: intList('saturday'),
  sunday: intList('sunday')
}))

const NO_ZONES: Zones = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] }

/** Open hours per weekday; a day the server leaves out (flat example, `no_empty`) is closed. */
const zones = (key: string): Field<Zones> => ({
  key,
  read: (o) => {
    const f = nested(key, zonesDecoder).read(o)
    if (f._tag === 'Left') return f
    if (f.right === null) return success(NO_ZONES)
    const { extra: _ignored, ...days } = f.right
    return success(days)
  }
})

/** UNCONFIRMED by the docs: fields from Kayako's agent app. */
export interface Holiday {
  readonly title: string
  readonly date: string | null
  readonly openHours: ReadonlyArray<number>
  readonly extra: Extra
}

const holiday: Decoder<unknown, Holiday> = /*#__PURE__*/ struct('businesshour_holiday', () => ({
  title: text('title'),
  date: nullableText('date'),
  openHours: intList('open_hours')
}))

export interface BusinessHour extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly zones: Zones
  readonly holidays: ReadonlyArray<Holiday>
  readonly isDefault: boolean
}

export const businessHour: Decoder<unknown, BusinessHour> = /*#__PURE__*/ struct('business_hour', () => ({
  id: requiredInt('id'),
  title: text('title'),
  zones: zones('zones'),
  holidays: list('holidays', holiday),
  isDefault: bool('is_default'),
  ...stamps(),
  ...url()
}))

export interface Team extends Timestamps, Resource {
  readonly id: number
  readonly legacyId: string | null
  readonly title: string
  /** The server's field is `businesshour` (one word). */
  readonly businessHour: Related<BusinessHour> | null
  readonly memberCount: number
}

export const team: Decoder<unknown, Team> = /*#__PURE__*/ struct('team', () => ({
  id: requiredInt('id'),
  legacyId: nullableText('legacy_id'),
  title: text('title'),
  businessHour: related('businesshour', businessHour),
  memberCount: int('member_count'),
  ...stamps(),
  ...url()
}))

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

export interface Tag {
  readonly id: number
  readonly name: string
  readonly extra: Extra
}

export const tag: Decoder<unknown, Tag> = /*#__PURE__*/ struct('tag', () => ({ id: requiredInt('id'), name: text('name') }))

export interface LocaleField {
  readonly id: number | string | null
  readonly locale: string | null
  readonly translation: string | null
  readonly extra: Extra
}

const localeField: Decoder<unknown, LocaleField> = /*#__PURE__*/ struct('locale_field', () => ({
  id: id('id'),
  locale: nullableText('locale'),
  translation: nullableText('translation')
}))

export interface FieldOption extends Timestamps {
  readonly id: number | string | null
  readonly fielduuid: string | null
  readonly values: ReadonlyArray<Related<LocaleField>>
  readonly tag: string | null
  readonly sortOrder: number
  readonly extra: Extra
}

const fieldOption: Decoder<unknown, FieldOption> = /*#__PURE__*/ struct('field_option', () => ({
  id: id('id'),
  fielduuid: nullableText('fielduuid'),
  values: relatedList('values', localeField),
  tag: nullableText('tag'),
  sortOrder: int('sort_order'),
  ...stamps()
}))

export type CaseFieldType =
  | 'SUBJECT' | 'MESSAGE' | 'PRIORITY' | 'STATUS' | 'TYPE' | 'TEAM' | 'ASSIGNEE'
  | 'TEXT' | 'TEXTAREA' | 'CHECKBOX' | 'RADIO' | 'SELECT' | 'DATE' | 'FILE' | 'NUMERIC' | 'DECIMAL' | 'YESNO' | 'CASCADINGSELECT' | 'REGEX'

/** A custom field definition (case fields; user and organization fields have the same shape). */
export interface CaseField extends Timestamps, Resource {
  readonly id: number
  readonly fielduuid: string | null
  readonly title: string
  readonly type: CaseFieldType | null
  readonly key: string | null
  readonly isRequiredForAgents: boolean
  readonly isRequiredOnResolution: boolean
  readonly isVisibleToCustomers: boolean
  readonly customerTitles: ReadonlyArray<Related<LocaleField>>
  readonly isCustomerEditable: boolean
  readonly isRequiredForCustomers: boolean
  readonly descriptions: ReadonlyArray<Related<LocaleField>>
  readonly regularExpression: string | null
  readonly sortOrder: number
  readonly isEnabled: boolean
  readonly isSystem: boolean
  readonly options: ReadonlyArray<Related<FieldOption>>
}

export const caseField: Decoder<unknown, CaseField> = /*#__PURE__*/ struct('case_field', () => ({
  id: requiredInt('id'),
  fielduuid: nullableText('fielduuid'),
  title: text('title'),
  type: literal<CaseFieldType>('type'),
  key: nullableText('key'),
  isRequiredForAgents: bool('is_required_for_agents'),
  isRequiredOnResolution: bool('is_required_on_resolution'),
  isVisibleToCustomers: bool('is_visible_to_customers'),
  customerTitles: relatedList('customer_titles', localeField),
  isCustomerEditable: bool('is_customer_editable'),
  isRequiredForCustomers: bool('is_required_for_customers'),
  descriptions: relatedList('descriptions', localeField),
  regularExpression: nullableText('regular_expression'),
  sortOrder: int('sort_order'),
  isEnabled: bool('is_enabled'),
  isSystem: bool('is_system'),
  options: relatedList('options', fieldOption),
  ...stamps(),
  ...url()
}))

/** A custom field's value on a user, organization or case. */
export interface CustomFieldValue {
  readonly field: Related<CaseField> | null
  readonly value: string | null
  readonly extra: Extra
}

const customFieldValue: Decoder<unknown, CustomFieldValue> = /*#__PURE__*/ struct('case_field_value', () => ({
  field: related('field', caseField),
  value: nullableText('value')
}))

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

const anything: Decoder<unknown, unknown> = { decode: success }

export const organization: Decoder<unknown, Organization> = /*#__PURE__*/ struct('organization', () => ({
  id: requiredInt('id'),
  name: text('name'),
  legacyId: nullableText('legacy_id'),
  isShared: bool('is_shared'),
  domains: relatedList('domains', identityDomain),
  phones: relatedList('phone', identityPhone),
  addresses: list('addresses', anything),
  websites: list('websites', anything),
  pinnedNotesCount: int('pinned_notes_count'),
  customFields: list('custom_fields', customFieldValue),
  tags: relatedList('tags', tag),
  ...stamps(),
  ...url()
}))

/** `locale` is a string in the docs' examples and an object on some servers (Kayako's agent app reads both). */
const localeCode = (key: string): Field<string | null> => ({
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

export type OrganizationCaseAccess = 'REQUESTED' | 'ORGANIZATION'

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

export type SessionStatus = 'ONLINE' | 'OFFLINE' | 'AWAY' | 'BACK' | 'BUSY' | 'AUTOAWAY' | 'INVISIBLE'

/** The session resource. Its `id` is the session id itself: a credential, keep it out of logs. */
export interface Session extends Resource {
  readonly id: string
  readonly portal: string | null
  readonly ipAddress: string | null
  readonly userAgent: string | null
  readonly instanceId: string | null
  readonly instanceName: string | null
  readonly user: Related<User> | null
  readonly status: SessionStatus | null
  readonly lastActivityAt: Date | null
  readonly createdAt: Date | null
}

export const session: Decoder<unknown, Session> = /*#__PURE__*/ struct('session', () => ({
  id: requiredText('id'),
  portal: nullableText('portal'),
  ipAddress: nullableText('ip_address'),
  userAgent: nullableText('user_agent'),
  instanceId: nullableText('instance_id'),
  instanceName: nullableText('instance_name'),
  user: related('user', user),
  status: literal<SessionStatus>('status'),
  lastActivityAt: date('last_activity_at'),
  createdAt: date('created_at'),
  ...url()
}))

/** The public test resource (`/tests`), useful to check connectivity and options. */
export interface Test extends Resource {
  readonly id: number
  readonly name: string
  readonly authenticationScheme: string | null
  readonly isBaseInstalled: boolean
  readonly user: Related<User> | null
  readonly isOdd: boolean
  readonly generationTime: number | null
}

// `session_id` (the caller's own session, a credential) is deliberately not kept.
export const test: Decoder<unknown, Test> = /*#__PURE__*/ struct(
  'test',
  () => ({
    id: requiredInt('id'),
    name: text('name'),
    authenticationScheme: nullableText('authentication_scheme'),
    isBaseInstalled: bool('is_base_installed'),
    user: related('user', user),
    isOdd: bool('is_odd'),
    generationTime: nullableNumber('generation_time'),
    ...url()
  }),
  ['session_id']
)

export interface OAuthClientLogo {
  readonly url: string | null
  readonly createdAt: Date | null
  readonly extra: Extra
}

export interface OAuthClient extends Timestamps, Resource {
  readonly id: number
  readonly name: string
  readonly url: string | null
  readonly key: string | null
  /** Only in the answer that creates the client. */
  readonly secret: string | null
  readonly scopes: ReadonlyArray<string>
  readonly logo: OAuthClientLogo | null
  readonly description: string | null
  readonly author: string | null
  readonly authorUrl: string | null
  readonly callbackUrl: string | null
  readonly creator: Related<User> | null
  readonly lastUsedAt: Date | null
}

export const oauthClient: Decoder<unknown, OAuthClient> = /*#__PURE__*/ struct('oauth_client', () => ({
  id: requiredInt('id'),
  name: text('name'),
  url: nullableText('url'),
  key: nullableText('key'),
  secret: nullableText('secret'),
  scopes: textList('scopes'),
  logo: nested('logo', /*#__PURE__*/ struct(undefined, { url: nullableText('url'), createdAt: date('created_at') })),
  description: nullableText('description'),
  author: nullableText('author'),
  authorUrl: nullableText('author_url'),
  callbackUrl: nullableText('callback_url'),
  creator: related('creator', user),
  lastUsedAt: date('last_used_at'),
  ...stamps(),
  ...url()
}))

// ---------------------------------------------------------------------------------------------------------------
// Cases area

export type CaseStatusType = 'NEW' | 'OPEN' | 'PENDING' | 'COMPLETED' | 'CLOSED' | 'CUSTOM'

export interface CaseStatus extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly type: CaseStatusType | null
  readonly sortOrder: number
  readonly isSlaActive: boolean
  readonly isDeleted: boolean
}

export const caseStatus: Decoder<unknown, CaseStatus> = /*#__PURE__*/ struct('case_status', () => ({
  id: requiredInt('id'),
  label: text('label'),
  type: literal<CaseStatusType>('type'),
  sortOrder: int('sort_order'),
  isSlaActive: bool('is_sla_active'),
  isDeleted: bool('is_deleted'),
  ...stamps(),
  ...url()
}))

export interface CasePriority extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly level: number
  /** Seen in Kayako's agent app only. */
  readonly color: string | null
}

export const casePriority: Decoder<unknown, CasePriority> = /*#__PURE__*/ struct('case_priority', () => ({
  id: requiredInt('id'),
  label: text('label'),
  level: int('level'),
  color: nullableText('color'),
  ...stamps(),
  ...url()
}))

export type CaseTypeType = 'QUESTION' | 'TASK' | 'PROBLEM' | 'INCIDENT' | 'CUSTOM'

export interface CaseType extends Timestamps, Resource {
  readonly id: number
  readonly label: string
  readonly type: CaseTypeType | null
}

export const caseType: Decoder<unknown, CaseType> = /*#__PURE__*/ struct('case_type', () => ({
  id: requiredInt('id'),
  label: text('label'),
  type: literal<CaseTypeType>('type'),
  ...stamps(),
  ...url()
}))

export type ChannelType = 'HELPCENTER' | 'MAIL' | 'FACEBOOK' | 'TWITTER' | 'MESSENGER' | 'NOTE'

/** A channel has a `uuid`, no `id`. Its account is a mailbox (integer id) or a Facebook page / Twitter account (string id). */
export interface Channel {
  readonly uuid: string
  readonly type: ChannelType | null
  readonly characterLimit: number | null
  readonly account: Related<AnyResource> | null
  readonly extra: Extra
}

export const channel: Decoder<unknown, Channel> = /*#__PURE__*/ struct('channel', () => ({
  uuid: requiredText('uuid'),
  type: literal<ChannelType>('type'),
  characterLimit: nullableInt('character_limit'),
  account: related('account', anyResource)
}))

export interface Thumbnail {
  readonly name: string | null
  readonly size: number
  readonly width: number | null
  readonly height: number | null
  readonly type: string | null
  readonly url: string | null
  readonly createdAt: Date | null
  readonly extra: Extra
}

const thumbnail: Decoder<unknown, Thumbnail> = /*#__PURE__*/ struct('thumbnail', () => ({
  name: nullableText('name'),
  size: int('size'),
  width: nullableInt('width'),
  height: nullableInt('height'),
  type: nullableText('type'),
  url: nullableText('url'),
  createdAt: date('created_at')
}))

export interface Attachment {
  readonly id: number | string | null
  readonly name: string
  readonly size: number
  readonly width: number | null
  readonly height: number | null
  /** The MIME type. */
  readonly type: string | null
  readonly contentId: string | null
  readonly alt: string | null
  readonly url: string | null
  readonly urlDownload: string | null
  readonly thumbnails: ReadonlyArray<Thumbnail>
  readonly createdAt: Date | null
  readonly extra: Extra
}

export const attachment: Decoder<unknown, Attachment> = /*#__PURE__*/ struct('attachment', () => ({
  id: id('id'),
  name: text('name'),
  size: int('size'),
  width: nullableInt('width'),
  height: nullableInt('height'),
  type: nullableText('type'),
  contentId: nullableText('content_id'),
  alt: nullableText('alt'),
  url: nullableText('url'),
  urlDownload: nullableText('url_download'),
  thumbnails: list('thumbnails', thumbnail),
  createdAt: date('created_at')
}))

export type NoteColor = 'YELLOW' | 'RED' | 'GREEN' | 'BLUE' | 'ORANGE' | 'PURPLE'

/** A note on a user, organization or case (case-note fields beyond these are UNCONFIRMED). */
export interface Note extends Timestamps, Resource {
  readonly id: number
  readonly bodyText: string | null
  readonly bodyHtml: string | null
  readonly contents: string | null
  readonly isPinned: boolean
  readonly pinnedBy: Related<User> | null
  readonly user: Related<User> | null
  readonly creator: Related<User> | null
  readonly color: NoteColor | null
  readonly attachments: ReadonlyArray<Related<Attachment>>
  readonly downloadAll: string | null
}

export const note: Decoder<unknown, Note> = /*#__PURE__*/ struct('note', () => ({
  id: requiredInt('id'),
  bodyText: nullableText('body_text'),
  bodyHtml: nullableText('body_html'),
  contents: nullableText('contents'),
  isPinned: bool('is_pinned'),
  pinnedBy: related('pinned_by', user),
  user: related('user', user),
  creator: related('creator', user),
  color: literal<NoteColor>('color'),
  attachments: relatedList('attachments', attachment),
  downloadAll: nullableText('download_all'),
  ...stamps(),
  ...url()
}))

export type PostStatus = 'SENT' | 'DELIVERED' | 'REJECTED' | 'SEEN'
export type PostSource = 'API' | 'AGENT' | 'MAIL' | 'MESSENGER' | 'MOBILE' | 'HELPCENTER'

/** A case timeline item; `original` is the concrete item (`case_message`, `note`, `activity` …). */
export interface Post extends Timestamps, Resource {
  readonly id: number
  readonly uuid: string | null
  readonly clientId: string | null
  readonly subject: string | null
  readonly contents: string | null
  readonly creator: Related<User> | null
  readonly identity: Related<AnyResource> | null
  readonly sourceChannel: Related<Channel> | null
  readonly attachments: ReadonlyArray<Related<Attachment>>
  readonly downloadAll: string | null
  readonly destinationMedium: 'MAIL' | 'MESSENGER' | null
  readonly source: PostSource | null
  readonly metadata: Readonly<Record<string, unknown>>
  readonly original: Related<AnyResource> | null
  readonly postStatus: PostStatus | null
  readonly postStatusRejectType: string | null
  readonly postStatusRejectReason: string | null
  readonly postStatusUpdatedAt: Date | null
  readonly isRequester: boolean
}

export const post: Decoder<unknown, Post> = /*#__PURE__*/ struct('post', () => ({
  id: requiredInt('id'),
  uuid: nullableText('uuid'),
  clientId: nullableText('client_id'),
  subject: nullableText('subject'),
  contents: nullableText('contents'),
  creator: related('creator', user),
  identity: related('identity', anyResource),
  sourceChannel: related('source_channel', channel),
  attachments: relatedList('attachments', attachment),
  downloadAll: nullableText('download_all'),
  destinationMedium: literal<'MAIL' | 'MESSENGER'>('destination_medium'),
  source: literal<PostSource>('source'),
  metadata: freeForm('metadata'),
  original: related('original', anyResource),
  postStatus: literal<PostStatus>('post_status'),
  postStatusRejectType: nullableText('post_status_reject_type'),
  postStatusRejectReason: nullableText('post_status_reject_reason'),
  postStatusUpdatedAt: date('post_status_updated_at'),
  isRequester: bool('is_requester'),
  ...stamps(),
  ...url()
}))

export type CaseState = 'ACTIVE' | 'SUSPENDED' | 'TRASH'

export interface Case extends Timestamps, Resource {
  readonly id: number
  readonly legacyId: string | null
  readonly subject: string
  readonly portal: string | null
  readonly sourceChannel: Related<Channel> | null
  readonly lastPublicChannel: Related<Channel> | null
  readonly requester: Related<User> | null
  readonly creator: Related<User> | null
  readonly identity: Related<AnyResource> | null
  readonly assignee: Related<User> | null
  readonly assignedAgent: Related<User> | null
  readonly assignedTeam: Related<Team> | null
  readonly lastAssignedBy: Related<User> | null
  readonly brand: Related<AnyResource> | null
  readonly status: Related<CaseStatus> | null
  readonly priority: Related<CasePriority> | null
  readonly type: Related<CaseType> | null
  readonly readMarker: Related<AnyResource> | null
  readonly slaVersion: Related<AnyResource> | null
  readonly slaMetrics: ReadonlyArray<Related<AnyResource>>
  readonly form: Related<AnyResource> | null
  readonly customFields: ReadonlyArray<CustomFieldValue>
  readonly lastReplier: Related<User> | null
  readonly lastReplierIdentity: Related<AnyResource> | null
  readonly lastCompletedBy: Related<User> | null
  readonly lastUpdatedBy: Related<User> | null
  readonly lastClosedBy: Related<User> | null
  readonly state: CaseState | null
  readonly postCount: number
  readonly hasNotes: boolean
  readonly pinnedNotesCount: number
  readonly hasAttachments: boolean
  readonly isMerged: boolean
  readonly rating: 'GOOD' | 'BAD' | null
  readonly ratingStatus: 'UNOFFERED' | 'OFFERED' | 'RECEIVED' | null
  /** Only with `fields: ['+tags']`. */
  readonly tags: ReadonlyArray<Related<Tag>>
  /** Only with `fields: ['+replyChannels']`. */
  readonly replyChannels: ReadonlyArray<Related<Channel>>
  readonly lastPostStatus: PostStatus | null
  readonly lastPostPreview: string | null
  readonly lastPostType: 'PUBLIC' | 'NOTE' | null
  readonly lastMessagePreview: string | null
  readonly realtimeChannel: string | null
  readonly lastAssignedAt: Date | null
  readonly lastRepliedAt: Date | null
  readonly lastOpenedAt: Date | null
  readonly lastPendingAt: Date | null
  readonly lastClosedAt: Date | null
  readonly lastCompletedAt: Date | null
  readonly lastAgentActivityAt: Date | null
  readonly lastCustomerActivityAt: Date | null
  readonly lastReplyByAgentAt: Date | null
  readonly lastReplyByRequesterAt: Date | null
  readonly latestAssigneeUpdate: Date | null
  readonly agentUpdatedAt: Date | null
}

export const kase: Decoder<unknown, Case> = /*#__PURE__*/ struct('case', () => ({
  id: requiredInt('id'),
  legacyId: nullableText('legacy_id'),
  subject: text('subject'),
  portal: nullableText('portal'),
  sourceChannel: related('source_channel', channel),
  lastPublicChannel: related('last_public_channel', channel),
  requester: related('requester', user),
  creator: related('creator', user),
  identity: related('identity', anyResource),
  assignee: related('assignee', user),
  assignedAgent: related('assigned_agent', user),
  assignedTeam: related('assigned_team', team),
  lastAssignedBy: related('last_assigned_by', user),
  brand: related('brand', anyResource),
  status: related('status', caseStatus),
  priority: related('priority', casePriority),
  type: related('type', caseType),
  readMarker: related('read_marker', anyResource),
  slaVersion: related('sla_version', anyResource),
  slaMetrics: relatedList('sla_metrics', anyResource),
  form: related('form', anyResource),
  customFields: list('custom_fields', customFieldValue),
  lastReplier: related('last_replier', user),
  lastReplierIdentity: related('last_replier_identity', anyResource),
  lastCompletedBy: related('last_completed_by', user),
  lastUpdatedBy: related('last_updated_by', user),
  lastClosedBy: related('last_closed_by', user),
  state: literal<CaseState>('state'),
  postCount: int('post_count'),
  hasNotes: bool('has_notes'),
  pinnedNotesCount: int('pinned_notes_count'),
  hasAttachments: bool('has_attachments'),
  isMerged: bool('is_merged'),
  rating: literal<'GOOD' | 'BAD'>('rating'),
  ratingStatus: literal<'UNOFFERED' | 'OFFERED' | 'RECEIVED'>('rating_status'),
  tags: relatedList('tags', tag),
  replyChannels: relatedList('reply_channels', channel),
  lastPostStatus: literal<PostStatus>('last_post_status'),
  lastPostPreview: nullableText('last_post_preview'),
  lastPostType: literal<'PUBLIC' | 'NOTE'>('last_post_type'),
  lastMessagePreview: nullableText('last_message_preview'),
  realtimeChannel: nullableText('realtime_channel'),
  lastAssignedAt: date('last_assigned_at'),
  lastRepliedAt: date('last_replied_at'),
  lastOpenedAt: date('last_opened_at'),
  lastPendingAt: date('last_pending_at'),
  lastClosedAt: date('last_closed_at'),
  lastCompletedAt: date('last_completed_at'),
  lastAgentActivityAt: date('last_agent_activity_at'),
  lastCustomerActivityAt: date('last_customer_activity_at'),
  lastReplyByAgentAt: date('last_reply_by_agent_at'),
  lastReplyByRequesterAt: date('last_reply_by_requester_at'),
  latestAssigneeUpdate: date('latest_assignee_update'),
  agentUpdatedAt: date('agent_updated_at'),
  ...stamps(),
  ...url()
}))

/** The answer to a reply: the posts it created and the case. */
export interface CaseReply {
  readonly posts: ReadonlyArray<Related<Post>>
  readonly case: Related<Case> | null
  readonly extra: Extra
}

export const caseReply: Decoder<unknown, CaseReply> = /*#__PURE__*/ struct('case_reply', () => ({
  posts: relatedList('posts', post),
  case: related('case', kase)
}))

/** An uploaded file, to attach by id (`attachmentFileIds`). Files expire (`expiryAt`) and belong to the session. */
export interface File extends Resource {
  readonly id: number
  readonly name: string
  readonly size: number
  readonly contentType: string | null
  readonly contentUrl: string | null
  readonly hash: string | null
  readonly createdAt: Date | null
  readonly expiryAt: Date | null
}

// `group_hash` is `s:<session id>` (spec §2.12), a credential: not kept. `content` (Base64) stays in `extra`.
export const file: Decoder<unknown, File> = /*#__PURE__*/ struct(
  'file',
  () => ({
    id: requiredInt('id'),
    name: text('name'),
    size: int('size'),
    contentType: nullableText('content_type'),
    contentUrl: nullableText('content_url'),
    hash: nullableText('hash'),
    createdAt: date('created_at'),
    expiryAt: date('expiry_at'),
    ...url()
  }),
  ['group_hash']
)

