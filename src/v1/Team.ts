/**
 * Team — `/teams` (spec §3.2 team). Ordered by id.
 */
import type { Fields, RequiredFields } from '../core/fields'
import * as V from '../core/validate'
import { create, getById, offsetList, update } from './internal/endpoints'
import { team, type Team } from './internal/entities/team'
import { checkStrings, csv, type ListFields, type OffsetArgs } from './internal/request'

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

export const all = /*#__PURE__*/ offsetList<TeamListArgs, Team>('Team.all', PATH, team, LIST_FIELDS)

export const get = /*#__PURE__*/ getById('Team.get', PATH, team)

export const post = /*#__PURE__*/ create<NewTeam, Team>('Team.post', PATH, team, FIELDS, NEW_REQUIRED)

export const put = /*#__PURE__*/ update<TeamUpdate, Team>('Team.put', PATH, team, FIELDS)

export { get as find, post as save, put as update }
