/**
 * `POST /Tickets/TicketSearch` (spec §2.8), against `__apps/tickets/api/class.Controller_TicketSearch.php` (`T/api/
 * TicketSearch.php`) and the searches of `T/library/Search/class.SWIFT_TicketSearchManager.php` (`SM` below): each
 * flag runs its own search, capped at `t_resultlimit`; the union is read back in id order, capped again.
 */
import { badRequest, type Context, type Controller, type Reply } from '../controller'
import type { Store, TicketRow } from '../store'
import { isEmpty, str } from '../vars'
import { uncaught } from './content'
import { ticketsReply } from './tickets'

const NOT_IMPLEMENTED = 'Not Implemented, Call POST /Tickets/TicketSearch instead.'
const CREATOR_USER = 2

type Match = (text: string) => boolean

/**
 * A query the database refuses: `QueryLimit` throws `Invalid SQL: …` and nothing catches it
 * (`L/Database/class.SWIFT_Database.php:950-958`). The MySQL error text is not reproduced.
 */
class InvalidSql {
  constructor(readonly sql: string) {}
}

const invalidSqlReply = (e: InvalidSql): Reply =>
  uncaught('/Tickets/TicketSearch', `Invalid SQL: ${e.sql} (You have an error in your SQL syntax)`, '/__swift/library/Database/class.SWIFT_Database.php:957')

type Found = ReadonlyArray<number> | InvalidSql

/** MySQL `LIKE '%…%'` under a case-insensitive collation: `%` and `_` stay wildcards, a backslash is literal. */
const like = (pattern: string): Match => {
  const source = pattern.replace(/[%_.*+?^${}()|[\]\\]/g, (c) => (c === '%' ? '.*' : c === '_' ? '.' : `\\${c}`))
  const re = new RegExp(source, 'isu')
  return (text) => re.test(text)
}

/**
 * `BuildSQLSearch` (`F:1280-1344`): blanks collapse, ``~`#$^&*()=+[]{}|<>,;`` are removed, quoted parts are matched
 * whole, a leading `-` negates a word; the conditions are ORed (ANDed when `useOr` is false). No word: no condition,
 * which is an SQL error on the server, so nothing is found.
 */
const sqlSearch = (query: string, useOr = true): Match | undefined => {
  const strict: Array<string> = []
  const rest = query
    .replace(/\s+/g, ' ')
    .replace(/[~`#$^&*()=+[\]{}|<>,;]/g, '')
    .replace(/["|'](.*?)["|']/g, (_, inner: string) => {
      if (inner.trim() !== '') strict.push(inner)
      return ''
    })
  const conditions: Array<Match> = []
  for (const word of rest.split(' ')) {
    if (word.trim() === '') continue
    if (word.startsWith('-')) {
      const m = like(word.slice(1))
      conditions.push((t) => !m(t))
    } else conditions.push(like(word))
  }
  for (const phrase of strict) conditions.push(like(phrase))
  if (conditions.length === 0) return undefined
  return useOr ? (t) => conditions.some((c) => c(t)) : (t) => conditions.every((c) => c(t))
}

/** `QueryLimit` with `t_resultlimit`: 0 or less means no limit (`L/Database/class.SWIFT_Database.php:893-912`). */
const capped = <T>(rows: ReadonlyArray<T>, limit: number): ReadonlyArray<T> => (limit > 0 ? rows.slice(0, limit) : rows)

const unique = (ids: Iterable<number>): Array<number> => [...new Set(ids)]

/** The MySQL reading of `usergroupid = '<query>'`: the leading number of the text, 0 for none. */
const mysqlNumber = (text: string): number => {
  const m = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text)
  return m === null ? 0 : Number(m[0])
}

/** Whether `'<text>'` is one well-formed MySQL string literal (a backslash escapes the next character). */
const closesLiteral = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    // A lone quote ends the literal early (`''` is a quote); a trailing backslash escapes the closing quote.
    if (text[i] === "'" && text[i + 1] === "'") i++
    else if (text[i] === "'" || (text[i] === '\\' && ++i === text.length)) return false
  }
  return true
}

interface Search {
  readonly store: Store
  readonly limit: number
}

const desc = (rows: Array<TicketRow>): Array<TicketRow> => rows.sort((a, b) => b.id - a.id)
const postsDesc = (s: Search) => s.store.posts.all().sort((a, b) => b.id - a.id)

/** Ticket rows, then post rows (newest first), each capped: the shape of SearchCreator/SearchEmail/SearchFullName. */
const ticketsThenPosts = (s: Search, onTicket: (t: TicketRow) => boolean, onPost: (p: { fullname: string; email: string }) => boolean): Array<number> => {
  const ids = capped(desc(s.store.tickets.where(onTicket)), s.limit).map((t) => t.id)
  const fromPosts = capped(postsDesc(s).filter(onPost), s.limit).map((p) => p.ticketid)
  return unique([...ids, ...fromPosts])
}

/** `SearchTicketID` (`SM:347-420`): a number finds that ticket; other text is LIKE-matched against the mask and subject. */
const searchTicketId = (s: Search, query: string): Found => {
  if (query.trim() === '') return []
  if (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(query)) {
    const id = Number(query)
    return s.store.tickets.get(id) !== undefined ? [id] : []
  }
  const m = like(query)
  return capped(
    s.store.tickets.where((t) => m(t.maskid) || m(t.subject)),
    s.limit
  ).map((t) => t.id)
}

/** Words of a post for the full-text index: letters and digits. */
const words = (text: string): Array<string> =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_']+/u)
    .filter((w) => w !== '')

/**
 * `QuickSearch` (`SM:682-800`): subject, name or address (newest first), then ticket notes, then the full-text index of
 * post contents: any word, or with `phrase=1` the words in sequence (MySQL's minimum word length and stop words are not
 * modelled).
 */
const quickSearch = (s: Search, query: string, useOr: boolean): Found => {
  if (query.trim() === '') return []
  const m = sqlSearch(query, useOr)
  if (m === undefined) return new InvalidSql('SELECT ticketid FROM swtickets WHERE (() OR () OR ()) ORDER BY ticketid DESC')
  const ids = capped(desc(s.store.tickets.where((t) => m(t.subject) || m(t.fullname) || m(t.email))), s.limit).map((t) => t.id)
  if (s.limit <= 0 || ids.length < s.limit) {
    const fromNotes = unique(s.store.notes.where((n) => m(n.contents)).map((n) => n.ticketid)).sort((a, b) => b - a)
    for (const id of capped(fromNotes, s.limit > 0 ? s.limit - ids.length : 0)) if (!ids.includes(id)) ids.push(id)
  }
  const wanted = words(query)
  if (wanted.length === 0) return ids
  const hit = (contents: string): boolean => {
    const have = words(contents)
    if (useOr) return wanted.some((w) => have.includes(w))
    return have.some((_, i) => wanted.every((w, j) => have[i + j] === w))
  }
  const indexed = unique(
    capped(
      s.store.posts.where((p) => hit(p.contents)),
      s.limit
    ).map((p) => p.ticketid)
  )
  for (const id of indexed.sort((a, b) => a - b)) if (s.store.tickets.get(id) !== undefined && !ids.includes(id)) ids.push(id)
  return ids
}

/** The users' tickets: by user id, by the users' addresses, and (`userPostsOnly`) by their own posts. */
const ticketsOfUsers = (s: Search, userIds: ReadonlyArray<number>, userPostsOnly: boolean): Array<number> => {
  if (userIds.length === 0) return []
  const emails = capped(
    s.store.users
      .all()
      .filter((u) => userIds.includes(u.id))
      .flatMap((u) => u.emails),
    s.limit
  ).map((e) => e.toLowerCase())
  const byUser = capped(
    s.store.tickets.where((t) => userIds.includes(t.userid)),
    s.limit
  ).map((t) => t.id)
  const byEmail = capped(
    s.store.tickets.where((t) => emails.includes(t.email.toLowerCase())),
    s.limit
  ).map((t) => t.id)
  const byPost = capped(
    s.store.posts.where((p) => emails.includes(p.email.toLowerCase()) && (!userPostsOnly || p.creator === CREATOR_USER)),
    s.limit
  ).map((p) => p.ticketid)
  return unique([...byUser, ...byEmail, ...byPost])
}

/** What each flag searches, in the server's order (`T/api/TicketSearch.php:137-189`). */
const FLAGS: ReadonlyArray<readonly [string, (s: Search, query: string, phrase: boolean) => Found]> = [
  ['ticketid', searchTicketId],
  ['contents', (s, q, phrase) => quickSearch(s, q, !phrase)],
  // `SearchCreator` (`SM:430-488`): the ticket's name, last replier or address; the posts' names and addresses.
  [
    'author',
    (s, q) => {
      if (q.trim() === '') return []
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT ticketid FROM swtickets WHERE ((()) OR (()) OR (())) ORDER BY ticketid DESC')
      return ticketsThenPosts(
        s,
        (t) => m(t.fullname) || m(t.lastreplier) || m(t.email),
        (p) => m(p.fullname) || m(p.email)
      )
    }
  ],
  // `SearchEmail` (`SM:497-548`).
  [
    'email',
    (s, q) => {
      if (q.trim() === '') return []
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT ticketid FROM swtickets WHERE () ORDER BY ticketid DESC')
      return ticketsThenPosts(
        s,
        (t) => m(t.email),
        (p) => m(p.email)
      )
    }
  ],
  // `GetSearchCreatorEmail` (`SM:1408-1424`): the ticket's address only.
  [
    'creatoremail',
    (s, q) => {
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT ticketid FROM swtickets WHERE ()')
      return capped(
        s.store.tickets.where((t) => m(t.email)),
        s.limit
      ).map((t) => t.id)
    }
  ],
  // `SearchFullName` (`SM:619-670`): the ticket's name or last replier; the posts' names.
  [
    'fullname',
    (s, q) => {
      if (q.trim() === '') return []
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT ticketid FROM swtickets WHERE () OR () ORDER BY ticketid DESC')
      return ticketsThenPosts(
        s,
        (t) => m(t.fullname) || m(t.lastreplier),
        (p) => m(p.fullname)
      )
    }
  ],
  // `GetSearchTicketNotes` (`SM:1299-1320`).
  [
    'notes',
    (s, q) => {
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql("SELECT linktypeid FROM swticketnotes WHERE linktype = '1' AND ()")
      return unique(
        capped(
          s.store.notes.where((n) => m(n.contents)),
          s.limit
        ).map((n) => n.ticketid)
      )
    }
  ],
  // `GetSearchUserGroup` (`SM:1224-1290`): `usergroupid = '<query>'`, a group *id*.
  [
    'usergroup',
    (s, q) => {
      // The query goes into the SQL unescaped: a quote breaks it.
      if (!closesLiteral(q)) return new InvalidSql(`SELECT userid FROM swusers WHERE usergroupid = '${q}'`)
      const group = mysqlNumber(q)
      return ticketsOfUsers(
        s,
        capped(
          s.store.users.where((u) => u.usergroupid === group),
          s.limit
        ).map((u) => u.id),
        true
      )
    }
  ],
  // `GetSearchUserOrganization` (`SM:1149-1215`): organization names; the members' posts whoever wrote them.
  [
    'userorganization',
    (s, q) => {
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT userorganizationid FROM swuserorganizations WHERE ()')
      const organizations = capped(
        s.store.userOrganizations.where((o) => m(o.name)),
        s.limit
      ).map((o) => o.id)
      if (organizations.length === 0) return []
      return ticketsOfUsers(
        s,
        capped(
          s.store.users.where((u) => organizations.includes(u.userorganizationid)),
          s.limit
        ).map((u) => u.id),
        false
      )
    }
  ],
  // `GetSearchUser` (`SM:1078-1140`): user names, phone numbers and addresses.
  [
    'user',
    (s, q) => {
      const m = sqlSearch(q)
      if (m === undefined) return new InvalidSql('SELECT userid FROM swusers WHERE () OR ()')
      const byProfile = capped(
        s.store.users.where((u) => m(u.fullname) || m(u.phone)),
        s.limit
      ).map((u) => u.id)
      const byEmail = capped(
        s.store.users.all().flatMap((u) => u.emails.filter(m).map(() => u.id)),
        s.limit
      )
      return ticketsOfUsers(s, unique([...byProfile, ...byEmail]), true)
    }
  ],
  // `GetSearchTags` (`SM:1434-1464`): whole tag names, any word of the query.
  [
    'tags',
    (s, q) => {
      const chunks = q
        .trim()
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[^a-zA-Z0-9\-_\s\x80-\uffff&#;]/g, '')
        .split(' ')
      return s.store.tickets.where((t) => t.tags.some((tag) => chunks.includes(tag.toLowerCase()))).map((t) => t.id)
    }
  ]
]

const search = (ctx: Context): Reply => {
  const { store, vars } = ctx
  // `!empty($_POST['query'])`, untrimmed (`T/api/TicketSearch.php:79-82`).
  const query = isEmpty(vars, 'query') ? '' : (str(vars, 'query') ?? '')
  const flagged = (name: string) => {
    const v = str(vars, name)
    return v !== undefined && v !== '' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) === 1 : v === '1'
  }
  const s: Search = { store, limit: store.behaviour.settings.searchResultLimit }
  const found = new Set<number>()
  for (const [flag, run] of FLAGS) {
    if (!flagged(flag)) continue
    const ids = run(s, query, flagged('phrase'))
    if (ids instanceof InvalidSql) return invalidSqlReply(ids)
    for (const id of ids) found.add(id)
  }
  // `SELECT ticketid … WHERE ticketid IN (…)` with `t_resultlimit`: id order, capped (`T/api/TicketSearch.php:191`).
  const rows = capped(
    store.tickets.where((t) => found.has(t.id)),
    s.limit
  )
  return ticketsReply(store, rows, true)
}

export const TicketSearch: Controller = {
  getList: () => badRequest(NOT_IMPLEMENTED),
  get: () => badRequest(NOT_IMPLEMENTED),
  put: () => badRequest(NOT_IMPLEMENTED),
  delete: () => badRequest(NOT_IMPLEMENTED),
  post: search
}
