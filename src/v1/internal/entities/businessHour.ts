import { bool, type Extra, type Field, list, nested, nullableText, requiredInt, struct, text, toInt } from '../codec'
import { success, type Decoder } from '../../../core/decoder'
import { type Resource, stamps, type Timestamps, url } from './resource'

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

const DAYS: ReadonlyArray<keyof Zones> = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

const zonesDecoder = /*#__PURE__*/ struct(
  undefined,
  () => Object.fromEntries(DAYS.map((day) => [day, list(day, hours)])) as Record<keyof Zones, Field<ReadonlyArray<number>>>
)

const NO_ZONES: Zones = /*#__PURE__*/ Object.fromEntries(DAYS.map((day) => [day, []])) as unknown as Zones

/** Open hours per weekday; a day the server leaves out (flat example, `no_empty`) is closed. */
const zones = (key: string): Field<Zones> => ({
  key,
  read: (o) => {
    const f = nested(key, zonesDecoder).read(o)
    if (f._tag === 'Left') return f
    if (f.right === null) return success(NO_ZONES)
    const { extra: _ignored, ...days } = f.right
    return success(days)
  }
})

/** UNCONFIRMED by the docs: fields from Kayako's agent app. */
export interface Holiday {
  readonly title: string
  readonly date: string | null
  readonly openHours: ReadonlyArray<number>
  readonly extra: Extra
}

const holiday: Decoder<unknown, Holiday> = /*#__PURE__*/ struct('businesshour_holiday', () => ({
  title: text('title'),
  date: nullableText('date'),
  openHours: list('open_hours', hours)
}))

/** A business-hours schedule (`/businesshours`): its weekly open hours and holidays; teams and SLAs run on one. */
export interface BusinessHour extends Timestamps, Resource {
  readonly id: number
  readonly title: string
  readonly zones: Zones
  readonly holidays: ReadonlyArray<Holiday>
  readonly isDefault: boolean
}

export const businessHour: Decoder<unknown, BusinessHour> = /*#__PURE__*/ struct('business_hour', () => ({
  id: requiredInt('id'),
  title: text('title'),
  zones: zones('zones'),
  holidays: list('holidays', holiday),
  isDefault: bool('is_default'),
  ...stamps(),
  ...url()
}))
