/**
 * Setting — `/settings` (spec §3.1 general): the instance's settings, read as a list and changed by key
 * (`category.name`). Admins and Owners change them.
 */
import * as V from '../core/validate'
import { setting, type Setting } from './internal/entities/setting'
import { getRequest, json, many, putRequest, type V1Request } from './internal/request'

export type { Setting } from './internal/entities/setting'

/** New values by key, `category.name` (e.g. `{ 'email.spam_score': 5 }`). */
export type SettingValues = Readonly<Record<string, string | number | boolean>>

const PATH = '/settings'

const checkValues = (path: string, value: unknown): V.Issues => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, message: 'must be an object of values by key' }]
  const entries = Object.entries(value)
  return entries.length === 0
    ? [{ path, message: 'must name at least one setting' }]
    : entries.flatMap(([key, v]) => [
        ...(/^[a-z0-9_]+\.[a-z0-9_.]+$/i.test(key) ? [] : [{ path: `${path}.${key}`, message: 'must be a key of the form category.name' }]),
        ...(['string', 'number', 'boolean'].includes(typeof v) ? [] : [{ path: `${path}.${key}`, message: 'must be text, a number or a boolean' }])
      ])
}

/** Every setting of the instance (`GET /settings`, unpaginated), each with its category, name and value. */
export const all = (): V1Request<ReadonlyArray<Setting>> => getRequest('Setting.all', PATH, many(setting))

/** Changes settings by key (`{"values": {"email.spam_score": 5}}` on the wire) and answers the settings. */
export const put = (values: SettingValues): V1Request<ReadonlyArray<Setting>> =>
  putRequest('Setting.put', PATH, many(setting), { issues: checkValues('values', values), body: json({ values }) })

export { put as update }
