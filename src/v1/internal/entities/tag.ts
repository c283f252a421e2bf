import { type Extra, requiredInt, struct, text } from '../codec'
import type { Decoder } from '../../../core/decoder'

export interface Tag {
  readonly id: number
  readonly name: string
  readonly extra: Extra
}

export const tag: Decoder<unknown, Tag> = /*#__PURE__*/ struct('tag', () => ({ id: requiredInt('id'), name: text('name') }))
