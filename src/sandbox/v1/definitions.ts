// Views, custom user and organization fields, case forms, settings and brands: their seed (`seedDefinitions`, called
// from seed.ts after the cases) and the one rule that decides which cases a view selects, shared by `views/:id/cases`
// and `views/counts` so a count is always the length of the list (spec §3.1 views, §3.2 view).
import { all, find, insert, isoTime, ref, refs, type Ref, type Row, type Store, textOf } from './store'

/** 2015-07-21T07:10:42Z, the docs' sample timestamps (as in seed.ts). */
const T0 = 1437462642000

interface Proposition {
  readonly field: string
  readonly operator: string
  readonly value: string
}

const prop = (field: string, operator: string, value: string): Proposition => ({ field, operator, value })

// The proposition fields a seeded view uses, read from a case row. `(current_user)` stands for the caller.
const CASE_FIELDS: Readonly<Record<string, (store: Store, row: Row) => ReadonlyArray<string>>> = {
  'cases.statusid': (_s, row) => [textOf((row.status as Ref | null)?.id ?? '')],
  'cases.priorityid': (_s, row) => [textOf((row.priority as Ref | null)?.id ?? '')],
  'cases.assigneeagentid': (_s, row) => [textOf((row.assigned_agent as Ref | null)?.id ?? '')],
  'cases.assigneeteamid': (_s, row) => [textOf((row.assigned_team as Ref | null)?.id ?? '')],
  'cases.tags': (store, row) => ((row.tags as ReadonlyArray<Ref> | undefined) ?? []).map((t) => textOf(find(store, 'tag', t.id)?.name ?? ''))
}

const holds = (store: Store, row: Row, p: Proposition, callerId: number): boolean => {
  const actual = CASE_FIELDS[p.field]?.(store, row) ?? []
  const wanted = p.value === '(current_user)' ? String(callerId) : p.value
  switch (p.operator) {
    case 'comparison_equalto':
      return actual.includes(wanted)
    case 'comparison_not_equalto':
      return !actual.includes(wanted)
    case 'collection_contains_any_insensitive':
      return wanted
        .toLowerCase()
        .split(',')
        .some((w) => actual.includes(w.trim()))
    default:
      return false
  }
}

/**
 * The cases a view selects for the caller: any predicate collection whose propositions all hold (none: every case);
 * the trash view holds the trashed cases and no other view does. Ordered by the view's column and direction.
 */
export const casesOfView = (store: Store, view: Row, callerId: number): Array<Row> => {
  const collections = (view.predicate_collections as ReadonlyArray<{ readonly propositions: ReadonlyArray<Proposition> }> | undefined) ?? []
  const trash = view.type === 'TRASH'
  const column = textOf(view.order_by_column) === 'createdat' ? 'created_at' : 'updated_at'
  const direction = view.order_by === 'ASC' ? 1 : -1
  return all(store, 'case')
    .filter((row) => (row.state === 'TRASH') === trash)
    .filter((row) => collections.length === 0 || collections.some((c) => c.propositions.every((p) => holds(store, row, p, callerId))))
    .sort((a, b) => direction * (textOf(a[column]).localeCompare(textOf(b[column])) || Number(a.id) - Number(b.id)))
}

/** Whether the caller sees the view: ALL for everyone, SELF for its agent, TEAM for members of its teams. */
export const viewVisibleTo = (view: Row, user: Row): boolean => {
  if (view.visibility_type === 'SELF') return textOf((view.agent as Ref | null)?.id) === textOf(user.id)
  if (view.visibility_type === 'TEAM') {
    const teams = new Set(((user.teams as ReadonlyArray<Ref> | undefined) ?? []).map((t) => String(t.id)))
    return ((view.visibility_to_teams as ReadonlyArray<Ref> | undefined) ?? []).some((t) => teams.has(String(t.id)))
  }
  return true
}

const COLUMNS = ['casesid', 'subject', 'requesterid', 'casestatusid', 'casepriorityid', 'assigneeagentid', 'updatedat']

const seedViews = (store: Store): void => {
  const at = isoTime(T0)
  const notDone = [prop('cases.statusid', 'comparison_not_equalto', '4'), prop('cases.statusid', 'comparison_not_equalto', '5')]
  const views: Array<[string, string, string, ReadonlyArray<ReadonlyArray<Proposition>>, { agent?: number; teams?: Array<number>; enabled?: boolean }]> = [
    ['Inbox', 'INBOX', 'ALL', [notDone], {}],
    ['My cases', 'CUSTOM', 'SELF', [[prop('cases.assigneeagentid', 'comparison_equalto', '(current_user)'), ...notDone]], { agent: 1 }],
    // Two collections: urgent priority OR tagged hardware.
    [
      'Urgent or hardware',
      'CUSTOM',
      'ALL',
      [[prop('cases.priorityid', 'comparison_equalto', '4')], [prop('cases.tags', 'collection_contains_any_insensitive', 'hardware')]],
      {}
    ],
    ['Billing queue', 'CUSTOM', 'TEAM', [[prop('cases.assigneeteamid', 'comparison_equalto', '3'), ...notDone]], { teams: [3] }],
    ['Old escalations', 'CUSTOM', 'ALL', [[prop('cases.priorityid', 'comparison_equalto', '3')]], { enabled: false }],
    ['Trash', 'TRASH', 'ALL', [], {}]
  ]
  views.forEach(([title, type, visibility, collections, o], i) => {
    const row = insert(store, 'view', {
      title,
      type,
      visibility_type: visibility,
      agent: o.agent === undefined ? null : ref('user', o.agent),
      visibility_to_teams: refs('team', o.teams ?? []),
      columns: COLUMNS.map((name) => ({ name })),
      predicate_collections: collections.map((propositions) => ({ propositions: propositions.map((p) => ({ ...p })) })),
      order_by_column: 'updatedat',
      order_by: 'DESC',
      sort_order: i + 1,
      is_default: i === 0,
      is_system: type !== 'CUSTOM',
      is_enabled: o.enabled ?? true,
      realtime_channel: null,
      created_at: at,
      updated_at: at
    })
    row.realtime_channel = `presence-view-${textOf(row.id)}@v1_views`
  })
}

/** Field options with one English translation each, as the seeded case field's. */
const options = (store: Store, uuid: string, labels: ReadonlyArray<string>): Array<Ref> =>
  labels.map((label, i) => {
    const row = insert(store, 'field_option', {
      fielduuid: `${uuid}-option-${i + 1}`,
      values: [{ locale: 'en-us', translation: label, resource_type: 'locale_field' }],
      tag: label.toLowerCase().replace(/\s+/g, '_'),
      sort_order: i + 1,
      created_at: isoTime(T0),
      updated_at: isoTime(T0)
    })
    return ref('field_option', row.id as number)
  })

/** A user or organization field definition: the case field's shape without the agent-only flags. */
const customField = (store: Store, type: 'user_field' | 'organization_field', title: string, fieldType: string, key: string, labels: ReadonlyArray<string>) =>
  insert(store, type, {
    fielduuid: `${key}-field`,
    title,
    type: fieldType,
    key,
    is_visible_to_customers: false,
    customer_titles: [],
    is_customer_editable: false,
    is_required_for_customers: false,
    descriptions: [],
    regular_expression: null,
    sort_order: (store.sequences.get(type) ?? 0) + 1,
    is_enabled: true,
    is_system: false,
    options: options(store, key, labels),
    created_at: isoTime(T0),
    updated_at: isoTime(T0)
  })

const seedFields = (store: Store): void => {
  const tier = customField(store, 'user_field', 'Customer tier', 'SELECT', 'customer_tier', ['Bronze', 'Silver', 'Gold'])
  customField(store, 'user_field', 'Preferred contact time', 'TEXT', 'contact_time', [])
  customField(store, 'organization_field', 'Account manager', 'TEXT', 'account_manager', [])
  const contract = customField(store, 'organization_field', 'Contract', 'RADIO', 'contract', ['Monthly', 'Annual'])
  // Caryn Pryor is a Gold customer; her organization has an annual contract (values are option ids, as for cases).
  const caryn = find(store, 'user', 2)
  const gold = (tier.options as ReadonlyArray<Ref>)[2]
  if (caryn !== undefined && gold !== undefined)
    caryn.custom_fields = [{ field: ref('user_field', tier.id as number), value: String(gold.id), resource_type: 'user_field_value' }]
  const atmosphere = find(store, 'organization', 2)
  const annual = (contract.options as ReadonlyArray<Ref>)[1]
  if (atmosphere !== undefined && annual !== undefined) {
    atmosphere.custom_fields = [
      { field: ref('organization_field', contract.id as number), value: String(annual.id), resource_type: 'organization_field_value' }
    ]
  }
  insert(store, 'case_form', {
    title: 'Hardware repair',
    is_visible_to_customers: true,
    customer_title: 'Send a machine for repair',
    description: 'Product and serial number are needed to book a repair',
    is_enabled: true,
    is_default: false,
    is_deleted: false,
    sort_order: 2,
    fields: refs('case_field', [1, 2, 3, 4, 8, 9]),
    brand: ref('brand', 1),
    created_at: isoTime(T0),
    updated_at: isoTime(T0)
  })
}

/** Settings by `category.name` (FCP's setting model: category, name, is_protected, value as text). */
export const SETTINGS: ReadonlyArray<readonly [category: string, name: string, value: string, isProtected: boolean]> = [
  ['general', 'default_language', 'en-us', false],
  ['general', 'timezone', 'UTC', false],
  ['email', 'spam_score', '5', false],
  ['email', 'auto_reply', '1', false],
  ['security', 'password_min_length', '8', true]
]

const seedSettingsAndBrands = (store: Store): void => {
  for (const [category, name, value, isProtected] of SETTINGS) insert(store, 'setting', { category, name, is_protected: isProtected, value })
  const first = find(store, 'brand', 1)
  if (first !== undefined)
    Object.assign(first, { sub_domain: 'brewfictus', domain: null, alias: 'help.brewfictus.com', is_enabled: true, is_ssl_enabled: true })
  insert(store, 'brand', {
    name: 'Bean There',
    url: 'https://support.beanthere.co.uk',
    locale: 'en-gb',
    is_default: false,
    created_at: isoTime(T0),
    updated_at: isoTime(T0),
    sub_domain: 'beanthere',
    domain: 'support.beanthere.co.uk',
    alias: null,
    is_enabled: true,
    is_ssl_enabled: false
  })
}

export const seedDefinitions = (store: Store): void => {
  seedViews(store)
  seedFields(store)
  seedSettingsAndBrands(store)
}
