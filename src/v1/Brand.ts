/**
 * Brand — `/brands` (spec §3.1 general): the brands of the instance, each with its help center domain and locale.
 */
import { brand, type Brand } from './internal/entities/brand'
import { type OffsetArgs } from './internal/request'
import { getById, offsetList } from './internal/endpoints'

export type { Brand } from './internal/entities/brand'

const PATH = '/brands'

/** One page of brands (`GET /brands`). */
export const all = /*#__PURE__*/ offsetList<OffsetArgs, Brand>('Brand.all', PATH, brand)

/** One brand (`GET /brands/:id`). */
export const get = /*#__PURE__*/ getById('Brand.get', PATH, brand)

export { get as find }
