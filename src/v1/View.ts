/**
 * View — `/views` (spec §3.1 cases area, §3.2 view): the case views of the agent app, the cases each selects and
 * how many there are.
 */
import * as V from '../core/validate'
import { kase, type Case } from './internal/entities/case'
import { view, viewCount, type View, type ViewCount } from './internal/entities/view'
import { checkOffset, getRequest, many, offsetQuery, one, page, segment, type ListFields, type OffsetArgs, type Page, type V1Request } from './internal/request'

export type { Case } from './internal/entities/case'
export type { PredicateCollection, Proposition, View, ViewCount, ViewType, ViewVisibility } from './internal/entities/view'

/** The argument of `GET /views` (`show_all`), with offset paging. */
export interface ViewListArgs extends OffsetArgs {
  /** Also the views the caller does not see in the agent app's list (disabled, other agents' own). */
  readonly showAll?: boolean
}

const PATH = '/views'

const LIST_FIELDS: ListFields<ViewListArgs> = {
  showAll: { wire: 'showAll', check: V.isBoolean }
}

/** One page of views, in their sort order. */
export const all = (args: ViewListArgs = {}): V1Request<Page<View>> =>
  getRequest('View.all', PATH, page(view), { query: offsetQuery(args, LIST_FIELDS), issues: checkOffset(args, LIST_FIELDS) })

/** One view, with its conditions, columns and order (`GET /views/:id`). */
export const get = (id: number): V1Request<View> => getRequest('View.get', `${PATH}/${segment(id)}`, one(view), { issues: V.positiveInt('id', id) })

/** One page of the cases a view selects, in the view's order. */
export const cases = (viewId: number, args: OffsetArgs = {}): V1Request<Page<Case>> =>
  getRequest('View.cases', `${PATH}/${segment(viewId)}/cases`, page(kase), {
    query: offsetQuery(args),
    issues: V.issues(V.positiveInt('viewId', viewId), checkOffset(args))
  })

/** How many cases each view the caller sees holds. */
export const counts = (): V1Request<ReadonlyArray<ViewCount>> => getRequest('View.counts', `${PATH}/counts`, many(viewCount))

export { get as find }
