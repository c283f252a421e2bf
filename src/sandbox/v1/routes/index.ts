import { CASE_ROUTES } from './cases'
import { CONVERSATION_ROUTES } from './conversations'
import { HELPCENTER_ROUTES } from './helpcenter'
import { DEFINITION_ROUTES } from './definitions'
import { PEOPLE_ROUTES } from './people'
import type { Route } from './route'
import { SEARCH_ROUTES } from './search'
import { SESSION_ROUTES } from './session'
import { SETTINGS_ROUTES } from './settings'
import { WORK_ROUTES } from './work'

/**
 * Every v1 route of the sandbox, built when a sandbox is created (no work at import time). Literal segments never
 * clash with `:id` ones because `:id` matches digits only.
 */
export const allRoutes = (): ReadonlyArray<Route> => [
  ...SESSION_ROUTES(),
  ...PEOPLE_ROUTES(),
  ...SETTINGS_ROUTES(),
  ...CASE_ROUTES(),
  ...WORK_ROUTES(),
  ...CONVERSATION_ROUTES(),
  ...HELPCENTER_ROUTES(),
  ...SEARCH_ROUTES(),
  ...DEFINITION_ROUTES()
]
