/**
 * BusinessHour — `/businesshours` (spec §3.2 business_hour; Admins and Owners). Read-only here.
 */
import { businessHour, type BusinessHour } from './internal/entities/businessHour'
import { type OffsetArgs } from './internal/request'
import { getById, offsetList } from './internal/endpoints'

export type { BusinessHour, Holiday, Zones } from './internal/entities/businessHour'

const PATH = '/businesshours'

/** One page of business-hours schedules (`GET /businesshours`). */
export const all = /*#__PURE__*/ offsetList<OffsetArgs, BusinessHour>('BusinessHour.all', PATH, businessHour)

/** One business-hours schedule (`GET /businesshours/:id`). */
export const get = /*#__PURE__*/ getById('BusinessHour.get', PATH, businessHour)

export { get as find }
