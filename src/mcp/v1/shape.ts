/**
 * What the v1 tools answer with, shared by them: compact plain-JSON summaries of the library's decoded entities (ids
 * with the names the answer included, dates as ISO strings, HTML as plain text), their zod schemas, and their text
 * renderings. A summary never holds a class instance or a `Reference`: the output schemas are checked by the server.
 */
import { z } from 'zod'
import { included, isReference, type Related } from '../../v1/internal/codec'
import type { Case } from '../../v1/internal/entities/case'
import type { Organization, User } from '../../v1/internal/entities/people'
import type { Post } from '../../v1/internal/entities/post'
import { htmlToText, iso, looksLikeHtml } from '../format'

/**
 * The related resources a case's tools include, so that a summary names its requester, status, team and tags rather
 * than leaving bare ids (resource types, spec §2.12 `include`).
 */
export const CASE_INCLUDE: ReadonlyArray<string> = ['user', 'case_status', 'case_priority', 'case_type', 'team', 'tag']

/** A user's tools include their e-mail addresses, phones, organization and role. */
export const USER_INCLUDE: ReadonlyArray<string> = ['identity_email', 'identity_phone', 'organization', 'role']

/** Text as a model reads it: HTML as plain text, anything else as it is. */
export const plain = (text: string | null | undefined): string => (text === null || text === undefined ? '' : looksLikeHtml(text) ? htmlToText(text) : text)

/**
 * An e-mail address. Written with the checks zod 3.25 and 4 share (the peer range takes both): `z.email()` is zod 4's
 * alone and `z.string().email()` is deprecated there.
 */
export const emailArg = /*#__PURE__*/ z
  .string()
  .trim()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address')

/** A related resource by id, with its name when the answer included it. */
export const refSchema = /*#__PURE__*/ z.object({
  id: z.number().describe('Pass this id to the tools that take one.'),
  name: z.string().nullable().describe('Its name or label; null when the helpdesk answered with the id only.')
})
export type Ref = z.infer<typeof refSchema>

/** The id and name of a related resource, or `null`; `name` reads the included resource. */
export const refOf = <A>(value: Related<A> | null | undefined, name: (a: A) => string | null): Ref | null => {
  if (value === null || value === undefined) return null
  const id = isReference(value) ? value.id : (value as { readonly id?: unknown }).id
  if (typeof id !== 'number') return null
  const full = included(value)
  return { id, name: full === undefined ? null : name(full) }
}

const userName = (u: User): string => u.fullName
const labelled = (r: { readonly label: string }): string => r.label
const titled = (r: { readonly title: string }): string => r.title

/** `Name (#id)`, or `#id` when only the id is known, or `-`. */
export const refText = (ref: Ref | null): string => (ref === null ? '-' : ref.name === null ? `#${ref.id}` : `${ref.name} (#${ref.id})`)

// ---------------------------------------------------------------------------------------------------------------
// Cases

export const caseSchema = /*#__PURE__*/ z.object({
  id: z.number(),
  subject: z.string(),
  state: z.string().nullable().describe('ACTIVE, SUSPENDED or TRASH.'),
  status: refSchema.extend({ type: z.string().nullable() }).nullable(),
  priority: refSchema.nullable(),
  type: refSchema.nullable(),
  requester: refSchema.nullable(),
  assignedAgent: refSchema.nullable(),
  assignedTeam: refSchema.nullable(),
  tags: z.array(z.string()),
  postCount: z.number(),
  hasNotes: z.boolean(),
  lastMessagePreview: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable()
})
export type CaseSummary = z.infer<typeof caseSchema>

export const caseSummary = (c: Case): CaseSummary => {
  const status = refOf(c.status, labelled)
  return {
    id: c.id,
    subject: c.subject,
    state: c.state,
    status: status === null ? null : { ...status, type: included(c.status)?.type ?? null },
    priority: refOf(c.priority, labelled),
    type: refOf(c.type, labelled),
    requester: refOf(c.requester, userName),
    assignedAgent: refOf(c.assignedAgent, userName),
    assignedTeam: refOf(c.assignedTeam, titled),
    tags: c.tags.flatMap((t) => {
      const tag = included(t)
      return tag === undefined ? [] : [tag.name]
    }),
    postCount: c.postCount,
    hasNotes: c.hasNotes,
    lastMessagePreview: c.lastMessagePreview === null ? null : plain(c.lastMessagePreview),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt)
  }
}

/** One line per case: what a model needs to pick one. */
export const caseLine = (c: CaseSummary): string =>
  `#${c.id} ${c.subject} | status ${c.status?.name ?? '-'} | priority ${c.priority?.name ?? '-'} | requester ${refText(c.requester)} | ` +
  `agent ${refText(c.assignedAgent)} | team ${refText(c.assignedTeam)}${c.tags.length > 0 ? ` | tags ${c.tags.join(', ')}` : ''} | updated ${c.updatedAt ?? '-'}`

// ---------------------------------------------------------------------------------------------------------------
// People

export const userSchema = /*#__PURE__*/ z.object({
  id: z.number(),
  name: z.string(),
  role: z.string().nullable().describe('CUSTOMER, AGENT, ADMIN, OWNER or COLLABORATOR; null when not included.'),
  emails: z.array(z.string()).describe('Primary first.'),
  phones: z.array(z.string()),
  organization: refSchema.nullable(),
  designation: z.string().nullable(),
  isEnabled: z.boolean(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  lastActiveAt: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable()
})
export type UserSummary = z.infer<typeof userSchema>

/** The included items of a related list, primary first. */
const primaryFirst = <A extends { readonly isPrimary: boolean }>(list: ReadonlyArray<Related<A>>): ReadonlyArray<A> =>
  list
    .flatMap((x) => {
      const item = included(x)
      return item === undefined ? [] : [item]
    })
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))

export const userSummary = (u: User): UserSummary => ({
  id: u.id,
  name: u.fullName,
  role: included(u.role)?.type ?? null,
  emails: primaryFirst(u.emails).map((e) => e.email),
  phones: primaryFirst(u.phones).map((p) => p.number),
  organization: refOf(u.organization, (o) => o.name),
  designation: u.designation,
  isEnabled: u.isEnabled,
  locale: u.locale,
  timeZone: u.timeZone,
  lastActiveAt: iso(u.lastActiveAt),
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt)
})

export const userLine = (u: UserSummary): string =>
  `#${u.id} ${u.name}${u.emails.length > 0 ? ` <${u.emails.join(', ')}>` : ''} | ${u.role ?? 'role ?'}` +
  `${u.organization === null ? '' : ` | organization ${refText(u.organization)}`}${u.isEnabled ? '' : ' | disabled'}`

export const organizationSchema = /*#__PURE__*/ z.object({
  id: z.number(),
  name: z.string(),
  domains: z.array(z.string()),
  phones: z.array(z.string()),
  isShared: z.boolean().describe('Whether its members see each other’s cases.'),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable()
})
export type OrganizationSummary = z.infer<typeof organizationSchema>

export const organizationSummary = (o: Organization): OrganizationSummary => ({
  id: o.id,
  name: o.name,
  domains: primaryFirst(o.domains).map((d) => d.domain),
  phones: primaryFirst(o.phones).map((p) => p.number),
  isShared: o.isShared,
  createdAt: iso(o.createdAt),
  updatedAt: iso(o.updatedAt)
})

export const organizationLine = (o: OrganizationSummary): string =>
  `#${o.id} ${o.name}${o.domains.length > 0 ? ` | domains ${o.domains.join(', ')}` : ''}${o.phones.length > 0 ? ` | phones ${o.phones.join(', ')}` : ''}`

// ---------------------------------------------------------------------------------------------------------------
// The timeline

/** What a timeline post is: a message the requester sees, an internal note, or something else (an activity …). */
export const POST_KINDS = ['message', 'note', 'other'] as const

export const postSchema = /*#__PURE__*/ z.object({
  id: z.number(),
  kind: z.enum(POST_KINDS).describe('message: seen by the requester; note: internal, agents only.'),
  author: refSchema.nullable(),
  fromRequester: z.boolean(),
  source: z.string().nullable().describe('Where it was written: MAIL, MESSENGER, AGENT, API …'),
  text: z.string().describe('The contents as plain text (HTML converted).'),
  attachments: z.number().describe('How many files it carries.'),
  createdAt: z.string().nullable()
})
export type PostSummary = z.infer<typeof postSchema>

/** `original` says what a post is: a `case_message`, a `note` … (included or a reference, both carry the type). */
const kindOf = (p: Post): PostSummary['kind'] => {
  const type = p.original === null ? null : isReference(p.original) ? p.original.resourceType : p.original.resourceType
  return type === 'case_message' ? 'message' : type === 'note' ? 'note' : 'other'
}

export const postSummary = (p: Post): PostSummary => ({
  id: p.id,
  kind: kindOf(p),
  author: refOf(p.creator, userName),
  fromRequester: p.isRequester,
  source: p.source,
  text: plain(p.contents),
  attachments: p.attachments.length,
  createdAt: iso(p.createdAt)
})

export const postText = (p: PostSummary): string =>
  `--- ${p.kind === 'note' ? 'INTERNAL NOTE' : p.fromRequester ? 'MESSAGE from the requester' : 'MESSAGE'} #${p.id} by ${refText(p.author)}` +
  ` at ${p.createdAt ?? '?'}${p.source === null ? '' : ` via ${p.source}`}${p.attachments > 0 ? `, ${p.attachments} attachment(s)` : ''}\n${p.text}`
