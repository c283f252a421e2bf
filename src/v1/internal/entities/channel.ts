import { type Extra, record, related, type Related } from '../codec'
import type { Decoder } from '../../../core/decoder'
import { anyResource, type AnyResource } from './resource'

/** The medium of a {@link Channel}. */
export type ChannelType = 'HELPCENTER' | 'MAIL' | 'FACEBOOK' | 'TWITTER' | 'MESSENGER' | 'NOTE'

/** A channel has a `uuid`, no `id`. Its account is a mailbox (integer id) or a Facebook page / Twitter account (string id). */
export interface Channel {
  readonly uuid: string
  readonly type: ChannelType | null
  readonly characterLimit: number | null
  readonly account: Related<AnyResource> | null
  readonly extra: Extra
}

export const channel: Decoder<unknown, Channel> = /*#__PURE__*/ record('channel', 'uuid:T type characterLimit:j account:0', () => [related(anyResource)])
