/**
 * Team — `/teams` (spec §3.2 team). Ordered by id.
 */
import * as V from '../core/validate'
import { team, type Team } from './entities'
import { checkOffset, csv, getRequest, json, one, page, postRequest, putRequest, segment, type OffsetArgs, type Page, type V1Request } from './request'

export type { Team } from './entities'

export interface TeamListArgs extends OffsetArgs {
  readonly legacyIds?: ReadonlyArray<string>
}

export interface NewTeam {
  readonly title: string
  readonly businesshourId?: number
}

export type TeamUpdate = Partial<NewTeam>

const PATH = '/teams'

const checkFields = (input: TeamUpdate): V.Issues =>
  V.issues(V.optional(input.title, (t) => V.nonBlank('title', t)), V.optional(input.businesshourId, (n) => V.positiveInt('businesshourId', n)))

const body = (input: TeamUpdate) => json({ title: input?.title, businesshourId: input?.businesshourId })

export const all = (args: TeamListArgs = {}): V1Request<Page<Team>> =>
  getRequest('Team.all', PATH, page(team), {
    query: { legacyIds: csv(args?.legacyIds), offset: args?.offset, limit: args?.limit },
    issues: V.input(args, checkOffset, 'args')
  })

export const get = (id: number): V1Request<Team> => getRequest('Team.get', `${PATH}/${segment(id)}`, one(team), { issues: V.positiveInt('id', id) })

export const post = (input: NewTeam): V1Request<Team> =>
  postRequest('Team.post', PATH, one(team), { issues: V.input(input, (i) => V.issues(V.nonBlank('title', i.title), checkFields(i))), body: body(input) })

export const put = (id: number, input: TeamUpdate): V1Request<Team> =>
  putRequest('Team.put', `${PATH}/${segment(id)}`, one(team), { issues: V.issues(V.positiveInt('id', id), V.input(input, checkFields)), body: body(input) })

export { get as find, post as save, put as update }
