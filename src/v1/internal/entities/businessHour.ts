import * as E from '../../../core/either'
import type { Decoder } from '../../../core/decoder'
import { date, type Extra, list, type Reader, record, toInt } from '../codec'
import type { Resource, Timestamps } from './resource'

/** An item of a day's open hours: an integer. */
const hours: Decoder<unknown, number> = { decode: toInt }

/** The open hours of each weekday: the hours of the day that are open, e.g. `[9, 10, …, 17]`. */
export interface Zones {
  readonly monday: ReadonlyArray<number>
  readonly tuesday: ReadonlyArray<number>
  readonly wednesday: ReadonlyArray<number>
  readonly thursday: ReadonlyArray<number>
  readonly friday: ReadonlyArray<number>
  readonly saturday: ReadonlyArray<number>
  readonly sunday: ReadonlyArray<number>
}

const zoneDays = /*#__PURE__*/ record<Zones & { readonly extra: Extra }>(
  undefined,
  'monday:0 tuesday:0 wednesday:0 thursday:0 friday:0 saturday:0 sunday:0',
  () => [list(hours)]
)

/** Open hours per weekday; a day the server leaves out (flat example, `no_empty`) is closed, and every day when `zones` is. */
const zones: Reader<Zones> = {
  decode: (value) => E.map(({ extra: _ignored, ...days }: Zones & { readonly extra: Extra }): Zones => days)(zoneDays.decode(value)),
  empty: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] }
}

/** UNCONFIRMED by the docs: fields from Kayako's agent app. */
export interface Holiday {
  readonly title: string
  readonly date: string | null
  readonly openHours: ReadonlyArray<number>
  readonly extra: Extra
}

const holiday: Decoder<unknown, Holiday> = /*#__PURE__*/ record('businesshour_holiday', 'title:t date openHours:0', () => [list(hours)])

/** A business-hours schedule (`/businesshours`): its weekly open hours and holidays; teams and SLAs run on one. */
export interface BusinessHour extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly zones: Zones
  readonly holidays: ReadonlyArray<Holiday>
  readonly isDefault: boolean
}

export const businessHour: Decoder<unknown, BusinessHour> = /*#__PURE__*/ record(
  'business_hour',
  'id:I title:t zones:1 holidays:2 isDefault:b createdAt:0 updatedAt:0 resourceUrl',
  () => [date, zones, list(holiday)]
)
