/**
 * `v1_list_case_options`: the labels a model meets in cases mapped to the ids the case tools take (statuses,
 * priorities, types, teams, channels, forms, custom fields by key).
 */
import { z } from 'zod'
import * as E from '../../core/either'
import * as CaseField from '../../v1/CaseField'
import * as CaseForm from '../../v1/CaseForm'
import * as CasePriority from '../../v1/CasePriority'
import * as CaseStatus from '../../v1/CaseStatus'
import * as CaseType from '../../v1/CaseType'
import * as Channel from '../../v1/Channel'
import { included, isReference } from '../../v1/internal/codec'
import { collect } from '../../v1/internal/paging'
import { withOptions } from '../../v1/internal/request'
import { DEFAULT_LOCALE } from '../../v1/internal/translate'
import * as Team from '../../v1/Team'
import { attempt } from '../errors'
import { capText } from '../format'
import { defineTool, READ } from '../tool'

const labelled = /*#__PURE__*/ z.object({ id: z.number(), label: z.string(), type: z.string().nullable() })

const output = {
  statuses: z.array(labelled).describe('statusId values; `type` is what v1_list_cases filters on.'),
  priorities: z.array(z.object({ id: z.number(), label: z.string(), level: z.number() })).describe('priorityId values.'),
  types: z.array(labelled).describe('typeId values.'),
  teams: z.array(z.object({ id: z.number(), title: z.string() })).describe('assignedTeamId values.'),
  channels: z
    .array(z.object({ type: z.string().nullable(), channelId: z.string().nullable(), uuid: z.string().nullable() }))
    .describe('What v1_create_case takes as `channel` and `channelId` (NOTE takes no channelId).'),
  forms: z.array(z.object({ id: z.number(), title: z.string(), isDefault: z.boolean(), fieldIds: z.array(z.number()) })),
  fields: z
    .array(
      z.object({
        id: z.number(),
        key: z.string().nullable().describe('The key `fieldValues` of v1_update_case takes.'),
        title: z.string(),
        type: z.string().nullable(),
        requiredForAgents: z.boolean(),
        options: z
          .array(z.object({ id: z.string(), label: z.string().nullable(), tag: z.string().nullable() }))
          .describe('For select fields: the value is the option id.')
      })
    )
    .describe('Custom fields by key (system fields such as subject and priority included).')
}

const ids = (list: ReadonlyArray<{ readonly id: unknown } | { readonly _tag: 'Reference'; readonly id: unknown }>): Array<number> =>
  list.flatMap((x) => (typeof x.id === 'number' ? [x.id] : []))

/** An option's label in the default locale, else its first translation (option values are plain locale texts). */
const optionLabel = (values: CaseField.FieldOption['values']): string | null => {
  const texts = values.flatMap((v) => (isReference(v) || v.translation === null ? [] : [v]))
  return (texts.find((t) => t.locale?.toLowerCase() === DEFAULT_LOCALE) ?? texts[0])?.translation ?? null
}

const listCaseOptions = /*#__PURE__*/ defineTool({
  name: 'v1_list_case_options',
  api: 'v1',
  title: 'List the Kayako case options (v1)',
  description:
    'The Kayako (v1) helpdesk’s case vocabulary with ids: statuses, priorities, types, teams, channels, forms and custom ' +
    'fields by key (with their options). Call it once before v1_update_case, v1_create_case or a v1_list_cases filter to ' +
    'turn a label ("Pending", "Urgent", "Billing team") into the id they take.',
  input: {},
  output,
  access: 'read',
  annotations: READ,
  run: async (_args, apis) => {
    const run = apis.v1
    const [statuses, priorities, types, teams, channels, forms, fields] = await Promise.all([
      attempt(run(CaseStatus.all())),
      attempt(run(CasePriority.all())),
      attempt(run(CaseType.all())),
      attempt(collect(run)(Team.all({ limit: 100 }))),
      attempt(run(Channel.all())),
      attempt(run(CaseForm.all())),
      // the options of select fields, with their labels, instead of references
      attempt(run(withOptions({ include: ['field_option', 'locale_field'] })(CaseField.all())))
    ])
    if (E.isLeft(statuses)) return statuses
    if (E.isLeft(priorities)) return priorities
    if (E.isLeft(types)) return types
    if (E.isLeft(teams)) return teams
    if (E.isLeft(channels)) return channels
    if (E.isLeft(forms)) return forms
    if (E.isLeft(fields)) return fields
    const structured = {
      statuses: statuses.right.map((s) => ({ id: s.id, label: s.label, type: s.type })),
      priorities: priorities.right.map((p) => ({ id: p.id, label: p.label, level: p.level })),
      types: types.right.map((t) => ({ id: t.id, label: t.label, type: t.type })),
      teams: teams.right.map((t) => ({ id: t.id, title: t.title })),
      channels: channels.right.map((c) => {
        const account = c.account === null ? null : isReference(c.account) ? c.account.id : c.account.id
        return { type: c.type, channelId: account === null ? null : String(account), uuid: c.uuid }
      }),
      forms: forms.right.map((f) => ({ id: f.id, title: f.title, isDefault: f.isDefault, fieldIds: ids(f.fields) })),
      fields: fields.right.map((f) => ({
        id: f.id,
        key: f.key,
        title: f.title,
        type: f.type,
        requiredForAgents: f.isRequiredForAgents,
        options: f.options.flatMap((o) => {
          const option = included(o)
          if (option === undefined || option.id === null) return []
          return [{ id: String(option.id), label: optionLabel(option.values), tag: option.tag }]
        })
      }))
    }
    const text = [
      `statuses: ${structured.statuses.map((s) => `${s.label} = ${s.id} (${s.type ?? '-'})`).join(', ')}`,
      `priorities: ${structured.priorities.map((p) => `${p.label} = ${p.id}`).join(', ')}`,
      `types: ${structured.types.map((t) => `${t.label} = ${t.id}`).join(', ')}`,
      `teams: ${structured.teams.map((t) => `${t.title} = ${t.id}`).join(', ')}`,
      `channels: ${structured.channels.map((c) => `${c.type ?? '?'}${c.channelId === null ? '' : ` channelId ${c.channelId}`}`).join(', ')}`,
      `forms: ${structured.forms.map((f) => `${f.title} = ${f.id}${f.isDefault ? ' (default)' : ''}`).join(', ')}`,
      'fields (key: title [type]):',
      ...structured.fields.map(
        (f) =>
          `- ${f.key ?? `#${f.id}`}: ${f.title} [${f.type ?? '?'}]${f.requiredForAgents ? ' required' : ''}` +
          (f.options.length > 0 ? ` options ${f.options.map((o) => `${o.label ?? o.tag ?? '?'} = ${o.id}`).join(', ')}` : '')
      )
    ].join('\n')
    return E.right({ structured, text: capText(text) })
  }
})

export const OPTION_TOOLS = [listCaseOptions] as const
