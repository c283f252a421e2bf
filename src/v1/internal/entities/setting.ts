import { type Extra, record } from '../codec'
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

export const setting: Decoder<unknown, Setting> = /*#__PURE__*/ record('setting', 'id:x category name value isProtected:b')
