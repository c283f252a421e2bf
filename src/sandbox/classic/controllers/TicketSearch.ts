/** `POST /Tickets/TicketSearch` (spec §2.8): the union of the flagged fields' matches, answered like Ticket Get. */
import { badRequest, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketRow } from '../store'
import { trimmed } from '../vars'
import { ticketsReply } from './tickets'
import { matchesAll, terms } from './common'

/** The helpdesk setting `t_resultlimit`. */
const RESULT_LIMIT = 1000
const NOT_IMPLEMENTED = 'Not Implemented, Call POST /Tickets/TicketSearch instead.'

type Texts = (store: Store, t: TicketRow) => ReadonlyArray<string>

const userOf = (store: Store, t: TicketRow) => store.users.get(t.userid)

/** What each flag searches. */
const FLAGS: Readonly<Record<string, Texts>> = {
  contents: (s, t) => s.postsOf(t.id).map((p) => p.contents),
  author: (s, t) => s.postsOf(t.id).flatMap((p) => [p.fullname, p.email]),
  email: (s, t) => [t.email, ...s.postsOf(t.id).map((p) => p.email)],
  creatoremail: (_, t) => [t.email],
  fullname: (s, t) => [t.fullname, ...s.postsOf(t.id).map((p) => p.fullname)],
  notes: (s, t) => s.notes.where((n) => n.ticketid === t.id).map((n) => n.contents),
  usergroup: (s, t) => [s.userGroups.get(userOf(s, t)?.usergroupid ?? 0)?.title ?? ''],
  userorganization: (s, t) => [s.userOrganizations.get(userOf(s, t)?.userorganizationid ?? 0)?.name ?? ''],
  user: (s, t) => {
    const u = userOf(s, t)
    return u === undefined ? [] : [u.fullname, ...u.emails]
  },
  tags: (_, t) => t.tags
}

const search = (ctx: Context): Reply => {
  const { store, vars } = ctx
  // No check on the query: an empty one simply finds nothing.
  const query = trimmed(vars, 'query')
  if (query === '') return ticketsReply(store, [], true)
  const phrase = trimmed(vars, 'phrase') === '1'
  const flagged = (name: string) => trimmed(vars, name) === '1'
  const found = store.tickets.where((t) => {
    // Ticket id and display id match exactly.
    if (flagged('ticketid') && (String(t.id) === query || t.displayid === query.toUpperCase())) return true
    return Object.entries(FLAGS).some(([flag, texts]) => {
      if (!flagged(flag)) return false
      // `phrase` applies to post contents; the other fields match every word of the query.
      return matchesAll(texts(store, t), terms(query, phrase && flag === 'contents'))
    })
  })
  return ticketsReply(store, found.slice(0, RESULT_LIMIT), true)
}

export const TicketSearch: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED),
  get: () => badRequest(NOT_IMPLEMENTED),
  put: () => badRequest(NOT_IMPLEMENTED),
  delete: () => badRequest(NOT_IMPLEMENTED),
  post: search
}
