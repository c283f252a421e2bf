import { type Extra, record } from '../codec'
import type { Decoder } from '../../../core/decoder'

/** A tag of a case, a user, an organization or an article: a name, with its id. */
export interface Tag {
  readonly id: number
  readonly name: string
  readonly extra: Extra
}

export const tag: Decoder<unknown, Tag> = /*#__PURE__*/ record('tag', 'id:I name:t')
