import { CASE_ROUTES } from './cases'
import { DEFINITION_ROUTES } from './definitions'
import { PEOPLE_ROUTES } from './people'
import type { Route } from './route'
import { SESSION_ROUTES } from './session'
import { SETTINGS_ROUTES } from './settings'

/**
 * Every v1 route of the sandbox, built when a sandbox is created (no work at import time). Literal segments never
 * clash with `:id` ones because `:id` matches digits only.
 */
export const allRoutes = (): ReadonlyArray<Route> => [...SESSION_ROUTES(), ...PEOPLE_ROUTES(), ...SETTINGS_ROUTES(), ...CASE_ROUTES(), ...DEFINITION_ROUTES()]
