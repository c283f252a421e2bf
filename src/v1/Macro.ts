/**
 * Macro — `/cases/macros` (spec §3.1 cases area, §3.2 macro): canned replies with the case changes they make. The list
 * is not paginated (`total_count` only, spec §2.2).
 */
import * as V from '../core/validate'
import { macro, type Macro } from './internal/entities/macro'
import { getRequest, many, type V1Request } from './internal/request'
import { getById } from './internal/endpoints'

export type { Macro, MacroAssignee, MacroPriorityAction, MacroReplyType, MacroVisibility } from './internal/entities/macro'

/** The argument of `GET /cases/macros`. */
export interface MacroListArgs {
  /** Every macro, not only those the caller may use (`show_all`). */
  readonly showAll?: boolean
}

const PATH = '/cases/macros'

/** The macros the caller may use, or every macro with `showAll` (`GET /cases/macros`, unpaginated). */
export const all = (args: MacroListArgs = {}): V1Request<ReadonlyArray<Macro>> =>
  getRequest('Macro.all', PATH, many(macro), {
    query: { showAll: args?.showAll },
    issues: V.input(args, (a) => V.optional(a.showAll, (b) => V.isBoolean('showAll', b)), 'args')
  })

/** One macro (`GET /cases/macros/:id`). */
export const get = /*#__PURE__*/ getById('Macro.get', PATH, macro)

export { get as find }
