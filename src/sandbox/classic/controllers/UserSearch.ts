/** `POST /Base/UserSearch` (spec §2.4a): e-mail, full name, phone, organization name and user-group title. */
import { badRequest, type Controller } from '../controller'
import { isEmpty, str, trimmed } from '../vars'
import { matchesAll, terms } from './common'
import { MAX_USERS, usersReply } from './User'

const NOT_IMPLEMENTED_SEARCH = 'Not Implemented, Call POST /Base/UserSearch instead.'

export const UserSearch: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  get: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  put: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  delete: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  post: (ctx) => {
    // PHP's empty(): '' and '0' are refused; a blank query is searched as it is.
    if (isEmpty(ctx.vars, 'query')) return badRequest('Query should not be empty')
    const query = (str(ctx.vars, 'query') ?? '').trim()
    const words = terms(query, trimmed(ctx.vars, 'phrase') === '1')
    const { store } = ctx
    const found = store.users.where((u) =>
      matchesAll(
        [...u.emails, u.fullname, u.phone, store.userOrganizations.get(u.userorganizationid)?.name ?? '', store.userGroups.get(u.usergroupid)?.title ?? ''],
        words
      )
    )
    return usersReply(found.slice(0, MAX_USERS))
  }
}
