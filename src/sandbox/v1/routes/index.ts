import { CASE_ROUTES } from './cases'
import { PEOPLE_ROUTES } from './people'
import type { Route } from './route'
import { SESSION_ROUTES } from './session'
import { SETTINGS_ROUTES } from './settings'

/** Every v1 route of the sandbox. Literal segments are matched before `:id` ones only through `:id` taking digits. */
export const ROUTES: ReadonlyArray<Route> = [...SESSION_ROUTES, ...PEOPLE_ROUTES, ...SETTINGS_ROUTES, ...CASE_ROUTES]
