import { type Extra, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'

/** A tag of a case, a user, an organization or an article: a name, with its id. */
export interface Tag {
  readonly id: number
  readonly name: string
  readonly extra: Extra
}

export const tag: Decoder<unknown, Tag> = /*#__PURE__*/ struct('tag', () => ({ id: requiredInt('id'), name: text('name') }))
