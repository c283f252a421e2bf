// Users, organizations and identities (emails, phones, domains), with their notes and tags.
import { err, type ApiErr } from '../errors'
import { fail, failWith, notFound, offsetPage, one, ok, type Ctx } from '../context'
import { addDomain, addEmail, addPhone, createOrganization, createUser, dropRef, recountTeams, tagRefs } from '../model'
import { all, find, isoTime, ref, refs, remove, type Ref, type Row, textOf } from '../store'
import { route, type Route } from './route'
import { EMAIL, idFilters, noteRoutes, tagRoutes } from './shared'

const emailTaken = (ctx: Ctx, email: string, except?: number): boolean =>
  all(ctx.store, 'identity_email').some((e) => textOf(e.email).toLowerCase() === email.toLowerCase() && e.id !== except)

const validEmail = (ctx: Ctx, name: string, email: string | undefined, except?: number): void => {
  if (email === undefined) return
  if (!EMAIL.test(email)) ctx.fields.errors.push(err('FIELD_INVALID', name))
  else if (emailTaken(ctx, email, except)) ctx.fields.errors.push(err('FIELD_DUPLICATE', name))
}

const teamIds = (ctx: Ctx): Array<number> | undefined => {
  const ids = ctx.fields.ids('team_ids')
  if (ids !== undefined && ids.some((id) => find(ctx.store, 'team', id) === undefined)) ctx.fields.errors.push(err('FIELD_INVALID', 'team_ids'))
  return ids
}

/** The writable user fields of POST and PUT (FCP's serializer names). */
const userChanges = (ctx: Ctx, creating: boolean) => {
  const f = ctx.fields
  const fullName = f.string('full_name', { required: creating })
  if (!creating && fullName !== undefined && fullName.trim() === '') f.errors.push(err('FIELD_EMPTY', 'full_name'))
  return {
    fullName,
    role: f.existing('role_id', 'role', { required: creating }),
    organization: f.existing('organization_id', 'organization'),
    teams: teamIds(ctx),
    designation: f.string('designation'),
    isEnabled: f.bool('is_enabled'),
    locale: f.string('locale'),
    timeZone: f.string('time_zone'),
    agentCaseAccess: f.oneOf('agent_case_access', ['SELF', 'TEAMS', 'INHERIT-FROM-ROLE', 'ALL']),
    organizationCaseAccess: f.oneOf('organization_case_access', ['REQUESTED', 'ORGANIZATION']),
    tags: f.list('tags'),
    password: f.string('password')
  }
}

const userRoutes = (): Array<Route> => [
  route('GET', 'users', 'agent', (ctx) => {
    const roles = ctx.query
      .get('role')
      ?.toUpperCase()
      .split(',')
      .map((r) => r.trim().replace(/S$/, ''))
    const org = ctx.query.get('organization_id')
    const rows = idFilters(ctx, all(ctx.store, 'user')).filter((u) => {
      const type = textOf(find(ctx.store, 'role', (u.role as Ref).id)?.type)
      return (roles === undefined || roles.includes(type)) && (org === undefined || String((u.organization as Ref | null)?.id) === org)
    })
    return offsetPage(ctx, rows, 'user')
  }),
  route('GET', 'users/:id', 'agent', (ctx) => {
    const user = find(ctx.store, 'user', ctx.params.id)
    return user === undefined ? notFound() : one(user)
  }),
  route('POST', 'users', 'agent', (ctx) => {
    const input = userChanges(ctx, true)
    const email = ctx.fields.string('email')
    validEmail(ctx, 'email', email)
    if (ctx.fields.errors.length > 0 || input.fullName === undefined || input.role === undefined) return fail(ctx.fields.errors)
    const user = createUser(ctx.store, ctx.state.rnd, {
      fullName: input.fullName,
      roleId: input.role.id as number,
      organizationId: (input.organization?.id as number | undefined) ?? null,
      teamIds: input.teams ?? [],
      designation: input.designation ?? null,
      isEnabled: input.isEnabled ?? true,
      locale: input.locale ?? 'en-us',
      timeZone: input.timeZone ?? null,
      password: input.password ?? null,
      at: ctx.now
    })
    if (input.agentCaseAccess !== undefined) user.agent_case_access = input.agentCaseAccess
    if (input.organizationCaseAccess !== undefined) user.organization_case_access = input.organizationCaseAccess
    if (input.tags !== undefined) user.tags = tagRefs(ctx.store, input.tags)
    if (email !== undefined) addEmail(ctx.store, user, email, true, ctx.now, false)
    return one(user, 201)
  }),
  route('PUT', 'users/:id', 'agent', (ctx) => {
    const user = find(ctx.store, 'user', ctx.params.id)
    if (user === undefined) return notFound()
    const input = userChanges(ctx, false)
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    if (input.fullName !== undefined) user.full_name = input.fullName
    if (input.role !== undefined) user.role = ref('role', input.role.id as number)
    if (input.organization !== undefined) user.organization = ref('organization', input.organization.id as number)
    if (input.teams !== undefined) user.teams = refs('team', input.teams)
    if (input.designation !== undefined) user.designation = input.designation
    if (input.isEnabled !== undefined) user.is_enabled = input.isEnabled
    if (input.locale !== undefined) user.locale = input.locale
    if (input.timeZone !== undefined) user.time_zone = input.timeZone
    if (input.agentCaseAccess !== undefined) user.agent_case_access = input.agentCaseAccess
    if (input.organizationCaseAccess !== undefined) user.organization_case_access = input.organizationCaseAccess
    if (input.tags !== undefined) user.tags = tagRefs(ctx.store, input.tags)
    if (input.password !== undefined) {
      user.$password = input.password
      user.password_updated_at = isoTime(ctx.now)
    }
    user.updated_at = isoTime(ctx.now)
    recountTeams(ctx.store)
    return one(user)
  }),
  route('DELETE', 'users/:id', 'agent', (ctx) => {
    const user = find(ctx.store, 'user', ctx.params.id)
    if (user === undefined) return notFound()
    // Deleting yourself would end the session in the middle of the request.
    if (user.id === ctx.principal.user.id) return failWith('PERMISSIONS_DENIED')
    for (const type of ['identity_email', 'identity_phone'])
      for (const i of all(ctx.store, type)) if (i.$user === user.id) remove(ctx.store, type, i.id as number)
    remove(ctx.store, 'user', user.id as number)
    recountTeams(ctx.store)
    return ok()
  }),
  route('GET', 'users/:id/organizations', 'agent', (ctx) => {
    const user = find(ctx.store, 'user', ctx.params.id)
    if (user === undefined) return notFound()
    const org = user.organization as Ref | null
    const rows = org === null ? [] : [find(ctx.store, 'organization', org.id)].filter((o): o is Row => o !== undefined)
    return offsetPage(ctx, rows, 'organization')
  }),
  ...noteRoutes('users', 'user'),
  ...tagRoutes('users', 'user', 'agent')
]

const organizationRoutes = (): Array<Route> => [
  route('GET', 'organizations', 'agent', (ctx) => offsetPage(ctx, idFilters(ctx, all(ctx.store, 'organization')), 'organization')),
  route('GET', 'organizations/:id', 'agent', (ctx) => {
    const org = find(ctx.store, 'organization', ctx.params.id)
    return org === undefined ? notFound() : one(org)
  }),
  route('POST', 'organizations', 'agent', (ctx) => {
    const f = ctx.fields
    const name = f.string('name', { required: true })
    const domains = f.list('domains') ?? []
    const shared = f.bool('is_shared')
    const tags = f.list('tags')
    if (name !== undefined && all(ctx.store, 'organization').some((o) => textOf(o.name).toLowerCase() === name.trim().toLowerCase())) {
      f.errors.push(err('FIELD_DUPLICATE', 'name'))
    }
    checkDomains(ctx, domains)
    if (f.errors.length > 0 || name === undefined) return fail(f.errors)
    const org = createOrganization(ctx.store, name.trim(), ctx.now)
    if (shared !== undefined) org.is_shared = shared
    if (tags !== undefined) org.tags = tagRefs(ctx.store, tags)
    domains.forEach((d, i) => addDomain(ctx.store, org, d.toLowerCase(), i === 0, ctx.now))
    return one(org, 201)
  }),
  route('PUT', 'organizations/:id', 'agent', (ctx) => {
    const org = find(ctx.store, 'organization', ctx.params.id)
    if (org === undefined) return notFound()
    const f = ctx.fields
    const name = f.string('name')
    const shared = f.bool('is_shared')
    const tags = f.list('tags')
    if (name !== undefined && name.trim() === '') f.errors.push(err('FIELD_EMPTY', 'name'))
    if (f.errors.length > 0) return fail(f.errors)
    if (name !== undefined) org.name = name.trim()
    if (shared !== undefined) org.is_shared = shared
    if (tags !== undefined) org.tags = tagRefs(ctx.store, tags)
    org.updated_at = isoTime(ctx.now)
    return one(org)
  }),
  route('DELETE', 'organizations/:id', 'agent', (ctx) => {
    const org = find(ctx.store, 'organization', ctx.params.id)
    if (org === undefined) return notFound()
    for (const user of all(ctx.store, 'user')) if ((user.organization as Ref | null)?.id === org.id) user.organization = null
    for (const d of all(ctx.store, 'identity_domain')) if (d.$organization === org.id) remove(ctx.store, 'identity_domain', d.id as number)
    remove(ctx.store, 'organization', org.id as number)
    return ok()
  }),
  route('GET', 'organizations/:id/members', 'agent', (ctx) => {
    if (find(ctx.store, 'organization', ctx.params.id) === undefined) return notFound()
    return offsetPage(
      ctx,
      all(ctx.store, 'user').filter((u) => String((u.organization as Ref | null)?.id) === String(ctx.params.id)),
      'user'
    )
  }),
  ...noteRoutes('organizations', 'organization'),
  ...tagRoutes('organizations', 'organization', 'agent')
]

const DOMAIN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i

const checkDomains = (ctx: Ctx, domains: ReadonlyArray<string>, name = 'domains'): void => {
  for (const d of domains) {
    if (!DOMAIN.test(d)) ctx.fields.errors.push(err('FIELD_INVALID', name))
    else if (all(ctx.store, 'identity_domain').some((x) => textOf(x.domain).toLowerCase() === d.toLowerCase())) {
      ctx.fields.errors.push(err('FIELD_DUPLICATE', name))
    }
  }
}

/** An identity collection: list (`?user_id=` / `?organization_id=`), get, create, update (type-specific), delete. */
const identityRoutes = (path: string, type: string, create: (ctx: Ctx) => ReturnType<Route['handle']>, update: (ctx: Ctx, row: Row) => void): Array<Route> => [
  route('GET', `identities/${path}`, 'agent', (ctx) => {
    const user = ctx.query.get('user_id')
    const org = ctx.query.get('organization_id')
    const rows = all(ctx.store, type).filter((r) => (user === undefined || textOf(r.$user) === user) && (org === undefined || textOf(r.$organization) === org))
    // Ordered is_primary first, then newest (identities page).
    rows.sort((a, b) => Number(b.is_primary) - Number(a.is_primary) || textOf(b.updated_at).localeCompare(textOf(a.updated_at)) || Number(a.id) - Number(b.id))
    return offsetPage(ctx, rows, type)
  }),
  route('GET', `identities/${path}/:id`, 'agent', (ctx) => {
    const row = find(ctx.store, type, ctx.params.id)
    return row === undefined ? notFound() : one(row)
  }),
  route('POST', `identities/${path}`, 'agent', create),
  route('PUT', `identities/${path}/:id`, 'agent', (ctx) => {
    const row = find(ctx.store, type, ctx.params.id)
    if (row === undefined) return notFound()
    update(ctx, row)
    if (ctx.fields.errors.length > 0) return fail(ctx.fields.errors)
    row.updated_at = isoTime(ctx.now)
    return one(row)
  }),
  route('DELETE', `identities/${path}/:id`, 'agent', (ctx) => {
    const row = find(ctx.store, type, ctx.params.id)
    if (row === undefined) return notFound()
    const user = row.$user === undefined ? undefined : find(ctx.store, 'user', row.$user as number)
    const org = row.$organization === undefined ? undefined : find(ctx.store, 'organization', row.$organization as number)
    if (user !== undefined) dropRef(user, type === 'identity_email' ? 'emails' : 'phones', type, row.id as number)
    if (org !== undefined) dropRef(org, type === 'identity_domain' ? 'domains' : 'phone', type, row.id as number)
    remove(ctx.store, type, row.id as number)
    return ok()
  })
]

const setPrimary = (ctx: Ctx, row: Row, type: string, owner: '$user' | '$organization'): void => {
  const primary = ctx.fields.bool('is_primary')
  if (primary === true) {
    for (const other of all(ctx.store, type)) if (other[owner] === row[owner]) other.is_primary = other === row
  } else if (primary === false) {
    row.is_primary = false
  }
}

const emailRoutes = (): Array<Route> =>
  identityRoutes(
    'emails',
    'identity_email',
    (ctx) => {
      const f = ctx.fields
      const user = f.existing('user_id', 'user', { required: true })
      const email = f.string('email', { required: true })
      validEmail(ctx, 'email', email)
      const primary = f.bool('is_primary') ?? false
      const validated = f.bool('is_validated') ?? false
      const notify = f.bool('is_notification_enabled') ?? false
      if (f.errors.length > 0 || user === undefined || email === undefined) return fail(f.errors)
      const row = addEmail(ctx.store, user, email, primary, ctx.now, validated)
      row.is_notification_enabled = notify
      return one(row, 201)
    },
    (ctx, row) => {
      const email = ctx.fields.string('email')
      validEmail(ctx, 'email', email, row.id as number)
      const validated = ctx.fields.bool('is_validated')
      const notify = ctx.fields.bool('is_notification_enabled')
      if (ctx.fields.errors.length > 0) return
      if (email !== undefined) row.email = email
      if (validated !== undefined) row.is_validated = validated
      if (notify !== undefined) row.is_notification_enabled = notify
      setPrimary(ctx, row, 'identity_email', '$user')
    }
  )

const phoneRoutes = (): Array<Route> =>
  identityRoutes(
    'phones',
    'identity_phone',
    (ctx) => {
      const f = ctx.fields
      const user = f.existing('user_id', 'user')
      const org = f.existing('organization_id', 'organization')
      const number = f.string('number', { required: true })
      const errors: Array<ApiErr> = []
      if (!f.present('user_id') && !f.present('organization_id')) errors.push({ code: 'ANY_FIELD_REQUIRED', parameters: ['user_id', 'organization_id'] })
      if (f.present('user_id') && f.present('organization_id')) errors.push({ code: 'ONE_FIELD_EXPECTED', parameters: ['user_id', 'organization_id'] })
      if (number !== undefined && !/^\+?[0-9 ()-]{5,}$/.test(number)) f.errors.push(err('FIELD_INVALID', 'number'))
      const all = [...errors, ...f.errors]
      const owner = user ?? org
      if (all.length > 0 || number === undefined || owner === undefined) return fail(all)
      const row = addPhone(ctx.store, owner, user !== undefined ? 'phones' : 'phone', number, f.bool('is_primary') ?? false, ctx.now)
      return one(row, 201)
    },
    (ctx, row) => {
      const number = ctx.fields.string('number')
      if (number !== undefined && !/^\+?[0-9 ()-]{5,}$/.test(number)) ctx.fields.errors.push(err('FIELD_INVALID', 'number'))
      if (ctx.fields.errors.length > 0) return
      if (number !== undefined) row.number = number
      setPrimary(ctx, row, 'identity_phone', row.$user !== undefined ? '$user' : '$organization')
    }
  )

const domainRoutes = (): Array<Route> =>
  identityRoutes(
    'domains',
    'identity_domain',
    (ctx) => {
      const f = ctx.fields
      const org = f.existing('organization_id', 'organization', { required: true })
      const domain = f.string('domain', { required: true })
      if (domain !== undefined) checkDomains(ctx, [domain], 'domain')
      if (f.errors.length > 0 || org === undefined || domain === undefined) return fail(f.errors)
      return one(addDomain(ctx.store, org, domain.toLowerCase(), f.bool('is_primary') ?? false, ctx.now), 201)
    },
    (ctx, row) => {
      setPrimary(ctx, row, 'identity_domain', '$organization')
    }
  )

export const PEOPLE_ROUTES = (): ReadonlyArray<Route> => [...userRoutes(), ...organizationRoutes(), ...emailRoutes(), ...phoneRoutes(), ...domainRoutes()]
