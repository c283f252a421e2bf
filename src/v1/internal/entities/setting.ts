import { bool, type Extra, id, nullableText, struct } from '../codec'
import type { Decoder } from '../../../core/decoder'

/** One setting (`/settings`): `category.name` is its key in `Setting.put`; values are text (`'1'` for on). */
export interface Setting {
  readonly id: number | string | null
  readonly category: string | null
  readonly name: string | null
  readonly value: string | null
  readonly isProtected: boolean
  readonly extra: Extra
}

export const setting: Decoder<unknown, Setting> = /*#__PURE__*/ struct('setting', () => ({
  id: id('id'),
  category: nullableText('category'),
  name: nullableText('name'),
  value: nullableText('value'),
  isProtected: bool('is_protected')
}))
