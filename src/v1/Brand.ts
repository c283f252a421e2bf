/**
 * Brand — `/brands` (spec §3.1 general): the brands of the instance, each with its help center domain and locale.
 */
import * as V from '../core/validate'
import { brand, type Brand } from './internal/entities/brand'
import { checkOffset, getRequest, offsetQuery, one, page, segment, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { Brand } from './internal/entities/brand'

const PATH = '/brands'

export const all = (args: OffsetArgs = {}): V1Request<Page<Brand>> =>
  getRequest('Brand.all', PATH, page(brand), { query: offsetQuery(args), issues: checkOffset(args) })

export const get = (id: number): V1Request<Brand> => getRequest('Brand.get', `${PATH}/${segment(id)}`, one(brand), { issues: V.positiveInt('id', id) })

export { get as find }
