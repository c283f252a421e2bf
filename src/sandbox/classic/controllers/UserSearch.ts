/**
 * `POST /Base/UserSearch` (spec §2.4a), as `B/api/UserSearch.php:54-131` runs it: one SQL query over user e-mails
 * joined with users, organizations and user groups, where each column is tested with `BuildSQLSearch` (words ORed
 * within a column; `phrase=1` ANDs them) and the columns are ORed. No row cap.
 */
import { badRequest, xmlReply, type Controller } from '../controller'
import { intVar, isEmpty, str } from '../vars'
import { parent } from '../xml'
import { sqlSearch } from './sqlSearch'
import { renderUser } from './User'

const NOT_IMPLEMENTED_SEARCH = 'Not Implemented, Call POST /Base/UserSearch instead.'

export const UserSearch: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  get: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  put: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  delete: () => badRequest(NOT_IMPLEMENTED_SEARCH),
  post: (ctx) => {
    // PHP's empty(): '' and '0' are refused; the query is used untrimmed.
    if (isEmpty(ctx.vars, 'query')) return badRequest('Query should not be empty')
    const query = str(ctx.vars, 'query') ?? ''
    // `(int)$_POST['phrase'] === 1` (:78).
    const useOr = !(ctx.vars.has('phrase') && intVar(ctx.vars, 'phrase') === 1)
    // The e-mail column is searched without removing punctuation (`$_noParity` true, :84).
    const email = sqlSearch(query, true, useOr)
    const other = sqlSearch(query, false, useOr)
    // A column without any condition puts `false` into the SQL: a syntax error, no rows (F:1335-1337).
    if (email === undefined || other === undefined) return xmlReply(parent('users', []))
    const { store } = ctx
    const found = store.users.where((u) => {
      const organization = store.userOrganizations.get(u.userorganizationid)
      const group = store.userGroups.get(u.usergroupid)
      // The query starts from the e-mail table: a user without an address is never found.
      return (
        u.emails.length > 0 &&
        (u.emails.some((e) => email(e)) || other(u.fullname) || other(u.phone) || other(organization?.name ?? null) || other(group?.title ?? null))
      )
    })
    // `SELECT *` over the join: the organization's `phone`, `dateline`, `slaplanid` and `slaexpirytimeline` (NULL
    // without one) overwrite the user's, and the ids come from the joined tables (H14; B/api/UserSearch.php:78-87).
    const rows = found.map((u) => {
      const organization = store.userOrganizations.get(u.userorganizationid)
      const group = store.userGroups.get(u.usergroupid)
      return renderUser(u, {
        usergroupid: group?.id ?? 0,
        userorganizationid: organization?.id ?? 0,
        phone: organization?.phone ?? '',
        dateline: organization?.dateline ?? '',
        slaplanid: organization?.slaplanid ?? '',
        slaplanexpiry: organization?.slaplanexpiry ?? ''
      })
    })
    return xmlReply(parent('users', rows))
  }
}
