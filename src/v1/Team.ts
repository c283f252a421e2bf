/**
 * Team — `/teams` (spec §3.2 team). Ordered by id.
 */
import { checkFields, NOTHING_REQUIRED, wireValues, type Fields, type RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { team, type Team } from './internal/entities/team'
import {
  checkOffset,
  checkStrings,
  csv,
  getRequest,
  json,
  offsetQuery,
  one,
  page,
  postRequest,
  putRequest,
  segment,
  type ListFields,
  type OffsetArgs,
  type Page,
  type V1Request
} from './internal/request'

export type { Team } from './internal/entities/team'

export interface TeamListArgs extends OffsetArgs {
  readonly legacyIds?: ReadonlyArray<string>
}

export interface NewTeam {
  readonly title: string
  readonly businessHourId?: number
}

export type TeamUpdate = Partial<NewTeam>

const PATH = '/teams'

/** Every field of a team's input types, described once: wire name and check. */
const FIELDS: Fields<NewTeam, unknown> = {
  title: { wire: 'title', check: V.nonBlank },
  // the server's name is one word: `businesshour_id`
  businessHourId: { wire: 'businesshourId', check: V.positiveInt }
}

const NEW_REQUIRED: RequiredFields<NewTeam> = { title: true }

const LIST_FIELDS: ListFields<TeamListArgs> = {
  legacyIds: { wire: 'legacyIds', check: checkStrings, encode: csv }
}

export const all = (args: TeamListArgs = {}): V1Request<Page<Team>> =>
  getRequest('Team.all', PATH, page(team), { query: offsetQuery(args, LIST_FIELDS), issues: checkOffset(args, LIST_FIELDS) })

export const get = (id: number): V1Request<Team> => getRequest('Team.get', `${PATH}/${segment(id)}`, one(team), { issues: V.positiveInt('id', id) })

export const post = (input: NewTeam): V1Request<Team> =>
  postRequest('Team.post', PATH, one(team), { issues: checkFields(FIELDS, NEW_REQUIRED, input), body: json(wireValues(FIELDS, input)) })

export const put = (id: number, input: TeamUpdate): V1Request<Team> =>
  putRequest('Team.put', `${PATH}/${segment(id)}`, one(team), {
    issues: V.issues(V.positiveInt('id', id), checkFields(FIELDS, NOTHING_REQUIRED, input)),
    body: json(wireValues(FIELDS, input))
  })

export { get as find, post as save, put as update }
