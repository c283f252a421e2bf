/**
 * Channel — the channels a case can use (spec §3.2 channel): for a new case (`/cases/channels`), for a reply
 * (`/cases/:id/reply/channels`), or used so far (`/cases/:id/channels`). Channels have a `uuid`, no `id`.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields } from '../core/fields'
import * as V from '../core/validate'
import { channel, type Channel } from './internal/entities/channel'
import { getRequest, many, segment, type Query, type V1Request } from './internal/request'

export type { Channel, ChannelType } from './internal/entities/channel'

/** The argument of `GET /cases/channels`. */
export interface ChannelListArgs {
  /** The requester of the new case (channels depend on the user's identities). */
  readonly userId?: number
}

const LIST_FIELDS: Fields<ChannelListArgs, unknown> = {
  userId: { wire: 'userId', check: V.positiveInt }
}

/** Channels usable for a new case. */
export const all = (args: ChannelListArgs = {}): V1Request<ReadonlyArray<Channel>> =>
  getRequest('Channel.all', '/cases/channels', many(channel), {
    query: wireValues(LIST_FIELDS, args) as Query,
    issues: checkFields(LIST_FIELDS, NOTHING_REQUIRED, args, undefined, 'args')
  })

/** Channels usable to reply on a case. */
export const forReply = (caseId: number): V1Request<ReadonlyArray<Channel>> =>
  getRequest('Channel.forReply', `/cases/${segment(caseId)}/reply/channels`, many(channel), { issues: V.positiveInt('caseId', caseId) })

/** Channels used in a case so far. */
export const ofCase = (caseId: number): V1Request<ReadonlyArray<Channel>> =>
  getRequest('Channel.ofCase', `/cases/${segment(caseId)}/channels`, many(channel), { issues: V.positiveInt('caseId', caseId) })
