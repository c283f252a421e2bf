// What bounds v1 decoding against `JSON.parse` (issue 14 asks ≥ 0.5×): the same 10 MB snake-case case list read by a
// decoder written by hand for exactly this record (one object literal, no engine, no failure paths), so no generic
// code is measured, only what any decoder that returns plain objects must pay: the parse, the bounds pass, the new
// objects, and the garbage collection of both. "each item apart" parses the items one by one from the bounds pass's
// offsets, so the parsed document dies young instead of being copied by every scavenge while the output is built.
import { checkJson } from '../../src/v1/internal/flat'
import { v1CaseListJson } from './generate'
import { fixed, interleaved, mb, table } from './measure'

type Json = Readonly<Record<string, unknown>>

interface Reference {
  readonly _tag: 'Reference'
  readonly id: unknown
  readonly resourceType: unknown
}

const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' ? (v as Json) : undefined)
const ref = (v: unknown): Reference | null => {
  const o = obj(v)
  return o === undefined ? null : { _tag: 'Reference', id: o.id ?? o.uuid, resourceType: o.resource_type }
}
const refs = (v: unknown): ReadonlyArray<Reference | null> => (Array.isArray(v) ? v.map(ref) : [])
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/
const date = (v: unknown): Date | null => (typeof v === 'string' && TIMESTAMP.test(v) ? new Date(v) : null)
const int = (v: unknown): number => (typeof v === 'number' ? v : 0)
const bool = (v: unknown): boolean => v === true

/** The fields `Case`'s shallow decoder reads, as a literal: the fastest shape V8 builds. */
const byHand = (v: unknown): Json => {
  const o = obj(v) ?? {}
  return {
    id: o.id,
    legacyId: text(o.legacy_id),
    subject: text(o.subject) ?? '',
    portal: text(o.portal),
    sourceChannel: ref(o.source_channel),
    lastPublicChannel: ref(o.last_public_channel),
    requester: ref(o.requester),
    creator: ref(o.creator),
    identity: ref(o.identity),
    assignee: ref(o.assignee),
    assignedAgent: ref(o.assigned_agent),
    assignedTeam: ref(o.assigned_team),
    lastAssignedBy: ref(o.last_assigned_by),
    brand: ref(o.brand),
    status: ref(o.status),
    priority: ref(o.priority),
    type: ref(o.type),
    readMarker: ref(o.read_marker),
    slaVersion: ref(o.sla_version),
    slaMetrics: refs(o.sla_metrics),
    form: ref(o.form),
    customFields: Array.isArray(o.custom_fields) ? o.custom_fields.map((c) => ({ field: ref(obj(c)?.field), value: text(obj(c)?.value), extra: {} })) : [],
    lastReplier: ref(o.last_replier),
    lastReplierIdentity: ref(o.last_replier_identity),
    lastCompletedBy: ref(o.last_completed_by),
    lastUpdatedBy: ref(o.last_updated_by),
    lastClosedBy: ref(o.last_closed_by),
    state: text(o.state),
    postCount: int(o.post_count),
    hasNotes: bool(o.has_notes),
    pinnedNotesCount: int(o.pinned_notes_count),
    hasAttachments: bool(o.has_attachments),
    isMerged: bool(o.is_merged),
    rating: text(o.rating),
    ratingStatus: text(o.rating_status),
    tags: refs(o.tags),
    replyChannels: refs(o.reply_channels),
    lastPostStatus: text(o.last_post_status),
    lastPostPreview: text(o.last_post_preview),
    lastPostType: text(o.last_post_type),
    lastMessagePreview: text(o.last_message_preview),
    realtimeChannel: text(o.realtime_channel),
    lastAssignedAt: date(o.last_assigned_at),
    lastRepliedAt: date(o.last_replied_at),
    lastOpenedAt: date(o.last_opened_at),
    lastPendingAt: date(o.last_pending_at),
    lastClosedAt: date(o.last_closed_at),
    lastCompletedAt: date(o.last_completed_at),
    lastAgentActivityAt: date(o.last_agent_activity_at),
    lastCustomerActivityAt: date(o.last_customer_activity_at),
    lastReplyByAgentAt: date(o.last_reply_by_agent_at),
    lastReplyByRequesterAt: date(o.last_reply_by_requester_at),
    latestAssigneeUpdate: date(o.latest_assignee_update),
    agentUpdatedAt: date(o.agent_updated_at),
    createdAt: date(o.created_at),
    updatedAt: date(o.updated_at),
    resourceUrl: text(o.resource_url),
    extra: {}
  }
}

/** `checkJson`'s bounds (values, depth), also noting where each item of the answer's `data` array (depth 3) starts and ends. */
const itemOffsets = (body: string, maxValues: number): { readonly starts: Array<number>; readonly ends: Array<number> } => {
  const starts: Array<number> = []
  const ends: Array<number> = []
  let depth = 0
  let values = 0
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c === 34) {
      for (let k: number; ;) {
        i = body.indexOf('"', i + 1)
        if (i < 0) return { starts, ends }
        for (k = i; body.charCodeAt(k - 1) === 92; k--);
        if ((i - k) % 2 === 0) break
      }
    } else if (c === 123 || c === 91) {
      if (++depth === 3) starts.push(i)
      if (depth > 256) throw new Error('too deep')
      values++
    } else if (c === 125 || c === 93) {
      if (depth-- === 3) ends.push(i + 1)
    } else if (c === 44) values++
    if (values > maxValues) throw new Error('too many values')
  }
  return { starts, ends }
}

export interface CeilingRow {
  readonly bytes: number
  readonly cases: number
  /** Milliseconds, medians of interleaved rounds. */
  readonly ms: Readonly<Record<'jsonParse' | 'scan' | 'whole' | 'apart', number>>
}

export const benchV1Ceiling = async (rounds: number, sizes: ReadonlyArray<number> = [1e6, 10e6]): Promise<Array<CeilingRow>> => {
  const rows: Array<CeilingRow> = []
  for (const bytes of sizes) {
    const body = v1CaseListJson(bytes, 'snake', false)
    const whole = (): ReadonlyArray<Json> => {
      if (checkJson(body, 2_500_000) !== undefined) throw new Error('out of bounds')
      const data = obj(JSON.parse(body))?.data
      return Array.isArray(data) ? data.map(byHand) : []
    }
    const apart = (): ReadonlyArray<Json> => {
      const { starts, ends } = itemOffsets(body, 2_500_000)
      const out: Array<Json> = []
      for (let k = 0; k < starts.length; k++) out.push(byHand(JSON.parse(body.slice(starts[k], ends[k]))))
      return out
    }
    const cases = whole().length
    if (apart().length !== cases || cases === 0) throw new Error('the two hand-written readings disagree')
    const ms = await interleaved(rounds, { jsonParse: () => JSON.parse(body), scan: () => checkJson(body, 2_500_000), whole, apart })
    rows.push({ bytes: body.length, cases, ms })
  }
  return rows
}

export const v1CeilingTable = (rows: ReadonlyArray<CeilingRow>): string =>
  table(
    [
      'case list (snake)',
      'cases',
      'JSON.parse ms',
      'bounds pass (`checkJson`) ms',
      'by hand, whole document: ms, ratio',
      'by hand, each item apart: ms, ratio'
    ],
    rows.map((r) => [
      mb(r.bytes),
      r.cases,
      fixed(r.ms.jsonParse, 1),
      fixed(r.ms.scan, 1),
      `${fixed(r.ms.whole, 1)}, ${fixed(r.ms.jsonParse / r.ms.whole)}×`,
      `${fixed(r.ms.apart, 1)}, ${fixed(r.ms.jsonParse / r.ms.apart)}×`
    ])
  )
