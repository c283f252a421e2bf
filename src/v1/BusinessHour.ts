/**
 * BusinessHour — `/businesshours` (spec §3.2 business_hour; Admins and Owners). Read-only here.
 */
import * as V from '../core/validate'
import { businessHour, type BusinessHour } from './internal/entities/businessHour'
import { checkOffset, getRequest, offsetQuery, one, page, segment, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { BusinessHour, Holiday, Zones } from './internal/entities/businessHour'

const PATH = '/businesshours'

export const all = (args: OffsetArgs = {}): V1Request<Page<BusinessHour>> =>
  getRequest('BusinessHour.all', PATH, page(businessHour), { query: offsetQuery(args), issues: checkOffset(args) })

export const get = (id: number): V1Request<BusinessHour> =>
  getRequest('BusinessHour.get', `${PATH}/${segment(id)}`, one(businessHour), { issues: V.positiveInt('id', id) })

export { get as find }
